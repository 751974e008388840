import { Clock } from '../src/common/clock';
import request from 'supertest';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * The procedure by level on the web pages (issue 18, point 8): the dossier page's next step and forms, the owner's
 * leadership's desk, the appraisal desk's new statuses, the routing page's competence table. Each form calls the same
 * use case as the API; bad input comes back on the page (never a 500), a wrong role is refused.
 */
describe('web pages of the procedure by level', () => {
  let t: TestApp;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessions = new Map<string, WebSession>();

  /** A browser session: its cookies and the CSRF token of its pages. */
  async function browser(username: string): Promise<WebSession> {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  }
  const page = async (username: string, path: string, status = 200): Promise<request.Response> => {
    const res = await t
      .http()
      .get(path)
      .set('cookie', (await browser(username)).cookie);
    expect({ path, status: res.status }).toEqual({ path, status });
    return res;
  };
  const post = async (username: string, path: string, form: Record<string, string>) => {
    const s = await browser(username);
    return t
      .http()
      .post(path)
      .set('cookie', s.cookie)
      .type('form')
      .send({ ...form, _csrf: s.csrf });
  };
  /** A multipart post as htmx sends it: the token in the header, the fields and the file in the body. */
  const upload = async (username: string, path: string, fields: Record<string, string>, file?: Buffer) => {
    const s = await browser(username);
    let req = t.http().post(path).set('cookie', s.cookie).set('x-csrf-token', s.csrf);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    if (file) req = req.attach('file', file, 'quyet-dinh.pdf');
    return req;
  };
  const dossier = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/dossiers/${id}`)
        .set(as(await t.login('admin')))
        .expect(200)
    ).body;
  const act = async (token: string, id: string, action: string, body: object = {}) => {
    const res = await t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/${action}`)
      .set(as(token))
      .send({ version: (await dossier(id)).version, ...body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
  };
  const addHead = (username: string, agencyCode: string) =>
    t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT $1, password_hash, 'Giám đốc', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = $2) FROM users WHERE username = 'admin'`,
      [username, agencyCode],
    );

  let officer: string;
  let appraiser: string;
  let level3: string;
  let draft: string;

  beforeAll(async () => {
    t = await createTestApp();
    await addHead('giamdoc.sl-so-xd', 'SL-SO-XD');
    await addHead('giamdoc.sl-so-yt', 'SL-SO-YT');
    // The law's Sơn La routing (src/routing/competence.ts): level 3 approved by the owner, levels 4–5 by the ministry
    // with the police as the owner's specialised unit; ahead of the demo rules whatever those say.
    await t.adminQuery(
      `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_agency_id, approver_kind, priority)
       SELECT 'Cấp độ 3', r.id, 3, 3, ca.id, 'OWNER', 10 FROM agencies r, agencies ca WHERE r.code = 'SL-UBND' AND ca.code = 'SL-CA'`,
    );
    await t.adminQuery(
      `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_external_name, approver_kind, specialised_unit_agency_id, priority)
       SELECT 'Cấp độ 4–5', r.id, 4, 5, 'Bộ Công an (Cục A05)', 'OWNER', ca.id, 10 FROM agencies r, agencies ca WHERE r.code = 'SL-UBND' AND ca.code = 'SL-CA'`,
    );
    officer = await t.login('canbo.sl-so-xd');
    appraiser = await t.login('thamdinh');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WP-3', 'Cổng dịch vụ công (trang thủ tục)');
    level3 = (await createCompleteDossier(t, officer, systemId)).id;
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-20');
    await act(officer, level3, 'submit');
    await act(appraiser, level3, 'start-appraisal');
    await act(appraiser, level3, 'appraise', { conclusion: 'SUITABLE', opinions: 'Phù hợp.' });
    t.app.get(Clock).setFixed(undefined);
    const otherSystem = await createSystem(t, officer, 'SL-SO-XD', 'WP-DRAFT', 'Hệ thống dự thảo (trang thủ tục)');
    draft = (await createCompleteDossier(t, officer, otherSystem)).id;
  });
  afterAll(() => t.close());

  it('the dossier page names the procedure and the next step, and links the Tờ trình (Mẫu 05) once appraised', async () => {
    const res = await page('canbo.sl-so-xd', `/ho-so/${level3}`);
    expect(res.text).toContain('Cấp độ 3: đơn vị chuyên trách thẩm định, chủ quản phê duyệt theo Tờ trình');
    expect(res.text).toMatch(/Bước tiếp theo:<\/strong> Đơn vị vận hành trình chủ quản phê duyệt \(Tờ trình, Mẫu 05\)/);
    expect(res.text).toContain(`/api/v1/dossiers/${level3}/documents/mau-05.pdf`);
    expect(res.text).not.toContain(`/api/v1/dossiers/${level3}/documents/mau-03.pdf`);
    expect(res.text).toContain(`action="/ho-so/${level3}/trinh-phe-duyet"`);
  });

  it('request-approval: bad input shows on the page (422, nothing written), then the Tờ trình is recorded', async () => {
    const before = await dossier(level3);
    const bad = await post('canbo.sl-so-xd', `/ho-so/${level3}/trinh-phe-duyet`, { version: 'hai', submissionNumber: '12/TTr' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('phải là số nguyên');
    expect((await dossier(level3)).status).toBe('APPRAISED');
    const done = await post('canbo.sl-so-xd', `/ho-so/${level3}/trinh-phe-duyet`, {
      version: String(before.version),
      submissionNumber: '12/TTr-SXD',
    });
    expect(done.status).toBe(303);
    const after = await dossier(level3);
    expect(after.status).toBe('AWAITING_APPROVAL');
    expect(after.workflow.approvalRequest).toMatchObject({ number: '12/TTr-SXD' });
  });

  it("the owner's leadership finds it on its desk; another role may not open the desk", async () => {
    const desk = await page('giamdoc.sl-so-xd', '/cho-quyet-dinh');
    expect(desk.text).toContain('Hồ sơ chờ lãnh đạo quyết định');
    expect(desk.text).toContain(`href="/ho-so/${level3}#thao-tac"`);
    expect(desk.text).toContain('Đã trình chủ quản phê duyệt');
    const home = await page('giamdoc.sl-so-xd', '/');
    expect(home.text).toContain('href="/cho-quyet-dinh"');
    const other = await page('giamdoc.sl-so-yt', '/cho-quyet-dinh');
    expect(other.text).not.toContain(level3);
    await page('canbo.sl-so-xd', '/cho-quyet-dinh', 403);
    const filtered = await page('giamdoc.sl-so-xd', '/cho-quyet-dinh?trangThai=OPINION_GIVEN');
    expect(filtered.text).not.toContain(level3);
  });

  it('approve: the leadership sees the form; no file, a wrong date → the page says why (422), nothing written', async () => {
    const view = await page('giamdoc.sl-so-xd', `/ho-so/${level3}`);
    expect(view.text).toMatch(/Bước tiếp theo:<\/strong> Lãnh đạo Sở Xây dựng[^<]* phê duyệt cấp độ \(Mẫu 06\)/);
    expect(view.text).toContain(`hx-post="/ho-so/${level3}/phe-duyet"`);
    expect(view.text).toContain('enctype="multipart/form-data"');
    const version = String((await dossier(level3)).version);
    const fields = {
      version,
      decisionNumber: '125/QĐ-SXD',
      decisionDate: '26/11/2026',
      signerName: 'Nguyễn Văn Bình',
      signerTitle: 'Giám đốc',
      level: '3',
    };
    const noFile = await upload('giamdoc.sl-so-xd', `/ho-so/${level3}/phe-duyet`, fields);
    expect(noFile.status).toBe(422);
    expect(noFile.text).toContain('Cần tải lên bản quyết định đã ký');
    const badDate = await upload('giamdoc.sl-so-xd', `/ho-so/${level3}/phe-duyet`, { ...fields, decisionDate: '30/02/2026' }, PDF);
    expect(badDate.status).toBe(422);
    expect(badDate.text).toMatch(/id="approve-decisionDate-err">[^<]*không có ngày này/);
    expect(badDate.text).toContain('value="125/QĐ-SXD"');
    expect((await dossier(level3)).status).toBe('AWAITING_APPROVAL');
  });

  it('approve: a wrong role or agency is refused (403 without the permission, 404 outside the agency, the page for the police appraiser)', async () => {
    const version = String((await dossier(level3)).version);
    const fields = { version, decisionNumber: '1/QĐ', decisionDate: '26/11/2026', signerName: 'A', signerTitle: 'B', level: '3' };
    expect((await upload('canbo.sl-so-xd', `/ho-so/${level3}/phe-duyet`, fields, PDF)).status).toBe(403);
    expect((await upload('giamdoc.sl-so-yt', `/ho-so/${level3}/phe-duyet`, fields, PDF)).status).toBe(404);
    // ND331 Art. 18.2: the appraising police do not approve a level-3 dossier; the owner does.
    const police = await upload('thamdinh', `/ho-so/${level3}/phe-duyet`, fields, PDF);
    expect(police.status).toBe(422);
    expect(police.text).toContain('Chưa thực hiện được');
    expect((await dossier(level3)).status).toBe('AWAITING_APPROVAL');
  });

  it('approve: with the signed PDF the level is approved and the decision stored', async () => {
    const version = String((await dossier(level3)).version);
    const fields = {
      version,
      decisionNumber: '125/QĐ-SXD',
      decisionDate: '26/11/2026',
      signerName: 'Nguyễn Văn Bình',
      signerTitle: 'Giám đốc',
      level: '3',
    };
    const res = await upload('giamdoc.sl-so-xd', `/ho-so/${level3}/phe-duyet`, fields, PDF);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/ho-so/${level3}`);
    const after = await dossier(level3);
    expect(after.status).toBe('APPROVED');
    expect(after.workflow.decision).toMatchObject({ number: '125/QĐ-SXD', level: 3 });
    expect(after.attachments.map((a: { kind: string }) => a.kind)).toContain('DECISION');
    const view = await page('giamdoc.sl-so-xd', `/ho-so/${level3}`);
    expect(view.text).toContain('Đã được phê duyệt');
    expect(view.text).toContain(`/api/v1/dossiers/${level3}/documents/mau-06.pdf`);
    expect(view.text).not.toContain('id="buoc-tiep-theo"');
  });

  it('independent appraiser: the leadership names a council on a draft; bad input stays on the page; an officer may not', async () => {
    const view = await page('giamdoc.sl-so-xd', `/ho-so/${draft}`);
    expect(view.text).toContain(`action="/ho-so/${draft}/tham-dinh-doc-lap"`);
    const officerView = await page('canbo.sl-so-xd', `/ho-so/${draft}`);
    expect(officerView.text).not.toContain('tham-dinh-doc-lap"');
    const version = String((await dossier(draft)).version);
    const bad = await post('giamdoc.sl-so-xd', `/ho-so/${draft}/tham-dinh-doc-lap`, {
      version,
      name: 'Hội đồng',
      decisionNumber: '',
      decisionDate: '2026-13-01',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-kind-err"');
    expect((await dossier(draft)).workflow.independentAppraiser).toBeNull();
    await post('canbo.sl-so-xd', `/ho-so/${draft}/tham-dinh-doc-lap`, { version, kind: 'COUNCIL' }).then((r) => expect(r.status).toBe(403));
    const untitled = await post('giamdoc.sl-so-xd', `/ho-so/${draft}/tham-dinh-doc-lap`, {
      version,
      kind: 'COUNCIL',
      name: 'Hội đồng',
      decisionNumber: '15/QĐ-SXD',
      decisionDate: '02/11/2026',
      members: 'Nguyễn Văn A – Chủ tịch\nTrần Thị B',
    });
    expect(untitled.status).toBe(422);
    expect(untitled.text).toMatch(/id="independent-appraiser-members-err">dòng 2: /);
    const done = await post('giamdoc.sl-so-xd', `/ho-so/${draft}/tham-dinh-doc-lap`, {
      version,
      kind: 'COUNCIL',
      name: 'Hội đồng thẩm định độc lập của Sở Xây dựng',
      decisionNumber: '15/QĐ-SXD',
      decisionDate: '02/11/2026',
      members: 'Nguyễn Văn A – Phó Giám đốc Sở, Chủ tịch Hội đồng\nTrần Thị B - Trưởng phòng Kỹ thuật\n',
    });
    expect(done.status).toBe(303);
    expect((await dossier(draft)).workflow.independentAppraiser).toMatchObject({
      kind: 'COUNCIL',
      members: [
        { name: 'Nguyễn Văn A', title: 'Phó Giám đốc Sở, Chủ tịch Hội đồng' },
        { name: 'Trần Thị B', title: 'Trưởng phòng Kỹ thuật' },
      ],
    });
  });

  it('level 4: the specialised unit gives its opinion on the page; the leadership sends it on; the desk filter offers the new statuses', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WP-4', 'Hệ thống cấp độ 4 (trang thủ tục)');
    const id = (await createCompleteDossier(t, officer, systemId)).id;
    const raised = await t
      .http()
      .patch(`/api/v1/dossiers/${id}`)
      .set(as(officer))
      .send({ version: (await dossier(id)).version, proposedLevel: 4, levelJustification: 'Hệ thống phục vụ toàn tỉnh, đề xuất cấp độ 4.' })
      .expect(200);
    const planEntries = raised.body.plan.map((p: { code: string }) => ({
      code: p.code,
      status: 'IMPLEMENTED',
      description: 'Đã triển khai',
    }));
    await t.http().patch(`/api/v1/dossiers/${id}`).set(as(officer)).send({ version: raised.body.version, planEntries }).expect(200);
    const draftView = await page('canbo.sl-so-xd', `/ho-so/${id}`);
    expect(draftView.text).toContain('xin ý kiến chuyên môn của đơn vị chuyên trách');
    expect(draftView.text).not.toContain(`action="/ho-so/${id}/gui"`);
    const badRequest = await post('canbo.sl-so-xd', `/ho-so/${id}/xin-y-kien`, { version: '0' });
    expect(badRequest.status).toBe(422);
    await post('thamdinh', `/ho-so/${id}/xin-y-kien`, { version: String((await dossier(id)).version) }).then((r) =>
      expect(r.status).toBe(403),
    );
    const asked = await post('canbo.sl-so-xd', `/ho-so/${id}/xin-y-kien`, { version: String((await dossier(id)).version) });
    expect(asked.status).toBe(303);
    expect((await dossier(id)).status).toBe('AWAITING_OPINION');
    const queue = await page('thamdinh', '/tham-dinh?trangThai=AWAITING_OPINION');
    expect(queue.text).toContain('<option value="AWAITING_OPINION" selected>Đang xin ý kiến chuyên môn</option>');
    expect(queue.text).toContain('<option value="AWAITING_LISTING">Chờ Thủ tướng phê duyệt Danh mục</option>');
    expect(queue.text).toContain(`/tham-dinh/${id}`);
    const appraisal = await page('thamdinh', `/tham-dinh/${id}`);
    expect(appraisal.text).toContain(`href="/ho-so/${id}#thao-tac"`);
    const view = await page('thamdinh', `/ho-so/${id}`);
    expect(view.text).toContain('Đơn vị chuyên trách Công an tỉnh Sơn La cho ý kiến chuyên môn');
    expect(view.text).toContain(`/api/v1/dossiers/${id}/documents/mau-03.pdf`);
    const version = String((await dossier(id)).version);
    const bad = await post('thamdinh', `/ho-so/${id}/cho-y-kien`, { version, opinions: '' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-conclusion-err"');
    await post('canbo.sl-so-xd', `/ho-so/${id}/cho-y-kien`, { version, conclusion: 'SUITABLE', opinions: 'x' }).then((r) =>
      expect(r.status).toBe(403),
    );
    const done = await post('thamdinh', `/ho-so/${id}/cho-y-kien`, {
      version,
      conclusion: 'SUITABLE',
      opinions: 'Đề xuất cấp độ 4 và phương án phù hợp.',
      opinionNumber: '45/CAT-PA05',
      opinionDate: '21/11/2026',
    });
    expect(done.status).toBe(303);
    expect((await dossier(id)).status).toBe('OPINION_GIVEN');
    const head = await page('giamdoc.sl-so-xd', `/ho-so/${id}`);
    expect(head.text).toContain(`action="/ho-so/${id}/chu-quan-gui"`);
    const desk = await page('giamdoc.sl-so-xd', '/cho-quyet-dinh?trangThai=OPINION_GIVEN');
    expect(desk.text).toContain(`/ho-so/${id}#thao-tac`);
    await post('canbo.sl-so-xd', `/ho-so/${id}/chu-quan-gui`, { version: String((await dossier(id)).version) }).then((r) =>
      expect(r.status).toBe(403),
    );
    expect((await post('giamdoc.sl-so-xd', `/ho-so/${id}/chu-quan-gui`, { version: '1' })).status).toBe(409);
    const sent = await post('giamdoc.sl-so-xd', `/ho-so/${id}/chu-quan-gui`, { version: String((await dossier(id)).version) });
    expect(sent.status).toBe(303);
    expect((await dossier(id)).status).toBe('SUBMITTED');
  });

  it('request-listing (Art. 17): the leadership records its request on a level 3 draft; bad input on the page; an officer may not', async () => {
    const version = String((await dossier(draft)).version);
    const bad = await post('giamdoc.sl-so-xd', `/ho-so/${draft}/de-nghi-danh-muc`, {
      version,
      requestNumber: '',
      requestDate: '31/02/2026',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/id="request-listing-requestDate-err">[^<]*không có ngày này/);
    expect(bad.text).toContain('id="request-listing-requestNumber-err"');
    await post('canbo.sl-so-xd', `/ho-so/${draft}/de-nghi-danh-muc`, { version, requestNumber: '1', requestDate: '20/11/2026' }).then((r) =>
      expect(r.status).toBe(403),
    );
    const done = await post('giamdoc.sl-so-xd', `/ho-so/${draft}/de-nghi-danh-muc`, {
      version,
      requestNumber: '88/SXD-VP',
      requestDate: '20/11/2026',
    });
    expect(done.status).toBe(303);
    const after = await dossier(draft);
    expect(after.workflow.nationalListing).toMatchObject({ requestNumber: '88/SXD-VP', requestDate: '2026-11-20' });
    expect(after.workflow.procedurePath).toBe('NATIONAL_LIST');
    const view = await page('giamdoc.sl-so-xd', `/ho-so/${draft}`);
    expect(view.text).not.toContain(`/api/v1/dossiers/${draft}/documents/mau-06.pdf`);
  });

  it('level 5: the leadership approves the plan (Mẫu 07) with its PDF, an administrator records the List; wrong roles refused', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WP-5', 'Hệ thống cấp độ 5 (trang thủ tục)');
    const id = (await createCompleteDossier(t, officer, systemId)).id;
    // The way there (opinion, the ministry's appraisal, the Tờ trình) has its own e2e; here the pages' part.
    await t.adminQuery(
      `UPDATE dossiers SET proposed_level = 5, status = 'AWAITING_APPROVAL', approver_kind = 'OWNER', approver_name = 'Sở Xây dựng',
              appraiser_name = 'Bộ Công an (Cục A05)', current_revision = 1,
              appraisal = '{"conclusion":"SUITABLE","opinions":"Phù hợp","reasons":[],"appraiser":"Bộ Công an (Cục A05)"}',
              approval_request = '{"submittedOn":"2026-11-24","number":"20/TTr-SXD"}'
        WHERE id = $1`,
      [id],
    );
    const view = await page('giamdoc.sl-so-xd', `/ho-so/${id}`);
    expect(view.text).toContain('Lãnh đạo Sở Xây dựng phê duyệt phương án bảo đảm an ninh mạng (Mẫu 07)');
    expect(view.text).toContain(`hx-post="/ho-so/${id}/phe-duyet-phuong-an"`);
    expect(view.text).not.toContain(`hx-post="/ho-so/${id}/phe-duyet"`);
    const fields = () =>
      dossier(id).then((d) => ({
        version: String(d.version),
        decisionNumber: '30/QĐ-SXD',
        decisionDate: '25/11/2026',
        signerName: 'Nguyễn Văn Bình',
        signerTitle: 'Giám đốc',
      }));
    const noFile = await upload('giamdoc.sl-so-xd', `/ho-so/${id}/phe-duyet-phuong-an`, await fields());
    expect(noFile.status).toBe(422);
    expect(noFile.text).toContain('Cần tải lên bản quyết định đã ký');
    expect((await upload('canbo.sl-so-xd', `/ho-so/${id}/phe-duyet-phuong-an`, await fields(), PDF)).status).toBe(403);
    const planned = await upload('giamdoc.sl-so-xd', `/ho-so/${id}/phe-duyet-phuong-an`, await fields(), PDF);
    expect(planned.status).toBe(303);
    expect((await dossier(id)).status).toBe('AWAITING_LISTING');
    const listed = await page('admin', `/ho-so/${id}`);
    expect(listed.text).toContain(`/api/v1/dossiers/${id}/documents/mau-07.pdf`);
    expect(listed.text).toContain(`hx-post="/ho-so/${id}/danh-muc"`);
    const pm = async () => ({
      ...(await fields()),
      decisionNumber: '1234/QĐ-TTg',
      signerName: 'Thủ tướng',
      signerTitle: 'Thủ tướng Chính phủ',
    });
    expect((await upload('canbo.sl-so-xd', `/ho-so/${id}/danh-muc`, await pm(), PDF)).status).toBe(403);
    // Only an administrator records the Prime Minister's decision (Art. 18.3.đ).
    expect((await upload('giamdoc.sl-so-xd', `/ho-so/${id}/danh-muc`, await pm(), PDF)).status).toBe(422);
    const badDate = await upload('admin', `/ho-so/${id}/danh-muc`, { ...(await pm()), decisionDate: 'hôm qua' }, PDF);
    expect(badDate.status).toBe(422);
    expect(badDate.text).toContain('id="record-listing-decisionDate-err"');
    const done = await upload('admin', `/ho-so/${id}/danh-muc`, await pm(), PDF);
    expect(done.status).toBe(303);
    expect((await dossier(id)).status).toBe('APPROVED');
  });

  it('level 2 on the appraisal page: the unit that appraised approves with the signed PDF (Art. 18.1); without it the page says why', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WP-2', 'Hệ thống cấp độ 2 (trang thủ tục)');
    const id = (await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS)).id;
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-20');
    await act(officer, id, 'submit');
    await act(appraiser, id, 'start-appraisal');
    await act(appraiser, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Phù hợp.' });
    t.app.get(Clock).setFixed(undefined);
    const view = await page('thamdinh', `/tham-dinh/${id}`);
    expect(view.text).toContain(`hx-post="/tham-dinh/${id}/phe-duyet"`);
    expect(view.text).toContain('id="approve-file"');
    const fields = async () => ({
      version: String((await dossier(id)).version),
      decisionNumber: '77/QĐ-CAT',
      decisionDate: '26/11/2026',
      signerName: 'Lê Văn C',
      signerTitle: 'Giám đốc',
      level: '2',
    });
    const noFile = await upload('thamdinh', `/tham-dinh/${id}/phe-duyet`, await fields());
    expect(noFile.status).toBe(422);
    expect(noFile.text).toContain('Cần tải lên bản quyết định đã ký');
    expect((await upload('canbo.sl-so-xd', `/tham-dinh/${id}/phe-duyet`, await fields(), PDF)).status).toBe(403);
    const done = await upload('thamdinh', `/tham-dinh/${id}/phe-duyet`, await fields(), PDF);
    expect(done.status).toBe(303);
    expect((await dossier(id)).status).toBe('APPROVED');
  });

  it('the routing page prints the competence table and shows a rule contradicting it beside its fields', async () => {
    const view = await page('admin', '/quan-tri/phan-cong');
    expect(view.text).toContain('Thẩm quyền thẩm định, phê duyệt theo cấp độ');
    expect(view.text).toContain('khoản 2 Điều 18, điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP');
    expect(view.text).toContain('name="specialisedUnitAgencyId"');
    expect(view.text).toContain('name="approverDesignation"');
    const [{ id: ubnd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-UBND'`);
    const refused = await post('admin', '/quan-tri/phan-cong', {
      name: 'Cấp độ 4–5 thiếu đơn vị chuyên trách',
      ownerAgencyId: ubnd,
      includeSubtree: 'true',
      minLevel: '4',
      maxLevel: '5',
      regime: 'ND331',
      appraiserExternalName: 'Bộ Công an (Cục A05)',
      approverKind: 'OWNER',
      priority: '50',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/id="f-specialisedUnitAgencyId-err">[^<]*Mẫu 03/);
    expect(refused.text).toContain('value="Cấp độ 4–5 thiếu đơn vị chuyên trách"');
    await post('lanhdao', '/quan-tri/phan-cong', { name: 'x' }).then((r) => expect(r.status).toBe(403));
  });
});
