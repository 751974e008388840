import JSZip from 'jszip';
import { createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Issue 21 point 3: Phần 4 by the groups of Circular 12/2022 Art. 9.3–9.4 with a plain explanation per requirement,
 * "Trả lời cả nhóm" (POST /ho-so/:id/yeu-cau/nhom) and the risk assessment outline (ND331 Art. 22.4.c, 22.5).
 */
describe('dossier plan by group (web)', () => {
  let t: TestApp;
  let officer: string;
  let dossierId: string;
  let s: WebSession;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = async () => (await t.http().get(`/api/v1/dossiers/${dossierId}`).set(as(officer)).expect(200)).body;
  const answer = (session: WebSession, version: number, form: Record<string, string>) =>
    t
      .http()
      .post(`/ho-so/${dossierId}/yeu-cau/nhom`)
      .set('cookie', session.cookie)
      .type('form')
      .send({ _csrf: session.csrf, version: String(version), ...form });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo.sl-so-xd');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'NHOM-YC', 'Hệ thống quản lý cấp phép xây dựng');
    const created = await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts: LEVEL2_FACTS }).expect(201);
    dossierId = created.body.id;
    s = await webSession(t, 'canbo.sl-so-xd');
    // An officer of Lào Cai: another province (the demo data holds neither).
    await t
      .http()
      .post('/api/v1/agencies')
      .set(as(await t.login('admin')))
      .send({ code: 'LC-SO-XD', name: 'Sở Xây dựng tỉnh Lào Cai', kind: 'department', provinceCode: 'LC' })
      .expect(201);
    await t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'canbo.lc-so-xd', password_hash, 'Cán bộ Lào Cai', 'AGENCY_OFFICER', (SELECT id FROM agencies WHERE code = 'LC-SO-XD') FROM users WHERE username = 'admin'`,
    );
  });
  afterAll(() => t.close());

  it('shows the plan by group with its progress, plain explanations and titles that tell repeated ones apart', async () => {
    const page = await t.http().get(`/ho-so/${dossierId}`).set('cookie', s.cookie).expect(200);
    expect(page.text).toContain('Yêu cầu quản lý');
    expect(page.text).toMatch(
      /id="nhom-POLICY"[^>]*>\s*<summary><span class="plan-section-name">Thiết lập chính sách an toàn thông tin<\/span>/,
    );
    expect(page.text).toContain('0/3 đã trả lời');
    expect(page.text).toContain('Nhật ký hệ thống — Bảo đảm an toàn máy chủ');
    expect(page.text).toContain('Có một đơn vị hoặc người được giao rõ nhiệm vụ lo an toàn thông tin cho hệ thống.');
    expect(page.text).toContain('formaction="/ho-so/' + dossierId + '/yeu-cau/nhom"');
    // The completeness list tells the three "Nhật ký hệ thống" apart too.
    const completeness = await t.http().get(`/api/v1/dossiers/${dossierId}/completeness`).set(as(officer)).expect(200);
    expect(completeness.body.missing.map((m: { message: string }) => m.message)).toContain(
      'Phần 4: chưa trả lời yêu cầu "Nhật ký hệ thống — Bảo đảm an toàn máy chủ".',
    );
  });

  it('answers the unanswered requirements of a group and saves what else was typed in the same post', async () => {
    const before = await get();
    const res = await answer(s, before.version, {
      nhom: 'POLICY',
      'nhom.POLICY.status': 'IMPLEMENTED',
      'nhom.POLICY.text': 'Theo Quy chế an toàn thông tin số 12/QĐ-UBND',
      'description.overview': 'Cấp phép xây dựng trực tuyến',
      proposedLevel: String(before.proposedLevel),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/ho-so/${dossierId}#nhom-POLICY`);
    const after = await get();
    expect(after.version).toBe(before.version + 1);
    const policy = after.plan.filter((p: { code: string }) => /\.QL\.1\.1\./.test(p.code));
    expect(policy.map((p: { status: string; description: string }) => [p.status, p.description])).toEqual(
      Array(3).fill(['IMPLEMENTED', 'Theo Quy chế an toàn thông tin số 12/QĐ-UBND']),
    );
    expect(after.plan.filter((p: { status: string | null }) => p.status).length).toBe(3);
    expect(after.description.overview).toBe('Cấp phép xây dựng trực tuyến');
    const page = await t.http().get(`/ho-so/${dossierId}`).set('cookie', s.cookie).expect(200);
    expect(page.text).toContain('✓ 3/3 đã trả lời');
  });

  it('refuses a group answer without what it needs at the field (422, nothing written, typed text kept)', async () => {
    const before = await get();
    const cases: [Record<string, string>, string, string][] = [
      [{ nhom: 'SERVER', 'nhom.SERVER.status': 'NOT_APPLICABLE' }, 'f-nhom-SERVER-text', 'hãy ghi lý do không áp dụng'],
      [
        { nhom: 'SERVER', 'nhom.SERVER.status': 'PLANNED', 'nhom.SERVER.text': 'Mua phần mềm' },
        'f-nhom-SERVER-plannedDate',
        'hãy ghi thời hạn',
      ],
      [
        { nhom: 'SERVER', 'nhom.SERVER.status': 'PLANNED', 'nhom.SERVER.text': 'Mua', 'nhom.SERVER.plannedDate': '31/02/2027' },
        'f-nhom-SERVER-plannedDate',
        '',
      ],
      [{ nhom: 'SERVER' }, 'f-nhom-SERVER-status', 'hãy chọn cách trả lời'],
      [
        { nhom: 'POLICY', 'nhom.POLICY.status': 'IMPLEMENTED', 'nhom.POLICY.text': 'x', 'nhom.POLICY.scope': 'UNANSWERED' },
        'f-nhom-POLICY-scope',
        'không còn yêu cầu chưa trả lời',
      ],
      [{ nhom: 'KHONG-CO', 'nhom.KHONG-CO.status': 'IMPLEMENTED' }, '', 'Không có nhóm yêu cầu này'],
      [{ nhom: 'SERVER', 'nhom.SERVER.status': 'IMPLEMENTED', 'nhom.SERVER.text': 'x'.repeat(6000) }, '', ''],
    ];
    // The rows as the page sends them: the group answer goes by what the officer sees (typed, maybe not saved).
    const rows = Object.fromEntries(
      before.plan.flatMap((p: { code: string; status: string | null; description: string | null }) =>
        p.status
          ? [
              [`plan.${p.code}.status`, p.status],
              [`plan.${p.code}.text`, p.description ?? ''],
            ]
          : [],
      ),
    );
    for (const [form, fieldId, message] of cases) {
      const res = await answer(s, before.version, { ...rows, ...form, 'description.overview': 'Đang gõ dở' });
      expect([JSON.stringify(form), res.status]).toEqual([JSON.stringify(form), 422]);
      if (fieldId) expect(res.text).toContain(`id="${fieldId}-err"`);
      if (message) expect(res.text).toContain(message);
      expect(res.text).toContain('Đang gõ dở');
    }
    expect((await get()).version).toBe(before.version);
  });

  it('"Lưu hồ sơ" answers every group whose answer was chosen, and refuses an incomplete one with nothing written', async () => {
    const before = await get();
    const rows = Object.fromEntries(
      before.plan.flatMap((p: { code: string; status: string | null; description: string | null }) =>
        p.status
          ? [
              [`plan.${p.code}.status`, p.status],
              [`plan.${p.code}.text`, p.description ?? ''],
            ]
          : [],
      ),
    );
    const save = (form: Record<string, string>) =>
      t
        .http()
        .post(`/ho-so/${dossierId}`)
        .set('cookie', s.cookie)
        .type('form')
        .send({ _csrf: s.csrf, version: String(before.version), proposedLevel: String(before.proposedLevel), ...rows, ...form });
    const refused = await save({
      'nhom.NETWORK.status': 'IMPLEMENTED',
      'nhom.NETWORK.text': 'Tường lửa của tỉnh',
      'nhom.DATA.status': 'NOT_APPLICABLE',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="f-nhom-DATA-text-err"');
    expect((await get()).version).toBe(before.version);
    const res = await save({
      'nhom.NETWORK.status': 'IMPLEMENTED',
      'nhom.NETWORK.text': 'Tường lửa của tỉnh',
      'nhom.DATA.status': 'PLANNED',
      'nhom.DATA.plannedDate': '30/06/2027',
      'nhom.DATA.text': 'Sao lưu dữ liệu định kỳ',
    });
    expect(res.status).toBe(303);
    const after = await get();
    expect(after.version).toBe(before.version + 1);
    expect(after.plan.some((p: { status: string; plannedDate: string }) => p.status === 'PLANNED' && p.plannedDate === '2027-06-30')).toBe(
      true,
    );
    const page = await t.http().get(`/ho-so/${dossierId}`).set('cookie', s.cookie).expect(200);
    for (const group of ['NETWORK', 'DATA']) expect(page.text).toMatch(new RegExp(`id="nhom-${group}-tien-do">✓ (\\d+)/\\1 đã trả lời`));
  });

  it('refuses the wrong role, another agency and another province; nothing written', async () => {
    const before = await get();
    for (const username of ['thamdinh', 'lanhdao', 'canbo.sl-so-yt', 'canbo.lc-so-xd']) {
      const other = await webSession(t, username);
      const res = await answer(other, before.version, { nhom: 'SERVER', 'nhom.SERVER.status': 'NOT_APPLICABLE', 'nhom.SERVER.text': 'x' });
      expect([403, 404]).toContain(res.status);
    }
    expect((await get()).version).toBe(before.version);
  });

  it('serves the risk assessment outline as a Word document to a signed-in user only', async () => {
    const res = await t
      .http()
      .get('/huong-dan/danh-gia-rui-ro.docx')
      .set('cookie', s.cookie)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Những nguy cơ chính');
    const anonymous = await t.http().get('/huong-dan/danh-gia-rui-ro.docx');
    expect([302, 303, 401]).toContain(anonymous.status);
  });

  it('the API gives the same explanation, example and evidence for each requirement', async () => {
    const res = await t.http().get('/api/v1/requirements?level=2').set(as(officer)).expect(200);
    const log = res.body.items.find((r: { code: string }) => r.code === 'TT12.L2.CH.1.2.3');
    expect(log.displayTitle).toBe('Nhật ký hệ thống — Bảo đảm an toàn máy chủ');
    expect(log.guidance).toEqual({ explanation: expect.any(String), example: expect.any(String), evidence: expect.any(String) });
    expect(res.body.items.every((r: { guidance?: object }) => r.guidance)).toBe(true);
  });
});
