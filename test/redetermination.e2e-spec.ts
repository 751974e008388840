import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { decide } from './support/procedure-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession } from './support/web-session';

/**
 * Issue 20, point 4: an approved system whose edit makes the rulebook in force compute a higher level is flagged
 * "cần xác định lại cấp độ" (ND331 Art. 25), the owner and the routed appraiser are told, a new draft can be started,
 * and the flag is settled only by an approval at or above that level or an appraiser's written dismissal (audited).
 */
describe('re-determination flags (ND331 Arts. 8.3, 10, 25)', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let leader: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const flagsOf = async (systemId: string, token = officer) =>
    (await t.http().get(`/api/v1/systems/${systemId}/redetermination-flags`).set(as(token)).expect(200)).body as {
      id: string;
      source: string;
      status: string;
      computedLevel: number | null;
      approvedLevel: number;
      articles: string[];
      reasons: string[];
      version: number;
    }[];
  const notices = async (username: string, systemName: string) =>
    (
      await t.db.query(
        `SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = $1 AND n.kind = 'REDETERMINATION_NEEDED' AND n.title LIKE '%' || $2 || '%'`,
        [username, systemName],
      )
    ).length as number;
  const patch = async (systemId: string, changes: object) => {
    const { version } = (await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body;
    return t
      .http()
      .patch(`/api/v1/systems/${systemId}`)
      .set(as(officer))
      .send({ version, ...changes });
  };

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer, appraiser, leader] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'lanhdao'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t.close());

  /** A level-2 dossier of the system approved by Công an tỉnh through the workflow. */
  async function approveLevel2(systemId: string, number: string): Promise<string> {
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const act = async (token: string, action: string) => {
      const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
      await t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send({ version }).expect(200);
    };
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-25');
    await act(officer, 'submit');
    await act(appraiser, 'start-appraisal');
    const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    await decide(t, appraiser, id, 'approve', {
      version,
      decisionNumber: number,
      decisionDate: '2026-11-25',
      signerName: 'Đặng Trọng Cường',
      signerTitle: 'Giám đốc Công an tỉnh',
      level: 2,
    }).expect(200);
    t.app.get(Clock).setFixed(undefined);
    return id;
  }

  it('an edit raising the computed level flags the system, notifies the owner and the routed appraiser once, and is audited', async () => {
    const name = 'Cổng dịch vụ xác định lại';
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'RD-AUTO', name);
    await approveLevel2(systemId, '201/QĐ-CAT-PA05');

    // Not a classification fact: nothing happens.
    expect((await patch(systemId, { description: 'Mô tả mới' })).status).toBe(200);
    expect(await flagsOf(systemId)).toEqual([]);

    // Now an online service to citizens with 150,000 data subjects: ND331 Art. 13.2.c gives level 3.
    const res = await patch(systemId, {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PRIVATE', 'PERSONAL'],
      basicPersonalDataSubjects: 150_000,
    });
    expect(res.status).toBe(200);
    const [flag] = await flagsOf(systemId);
    expect(flag).toMatchObject({ source: 'AUTO_EDIT', status: 'OPEN', approvedLevel: 2, computedLevel: 3 });
    expect(flag.articles).toEqual(
      expect.arrayContaining(['Điểm c Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP', 'Điều 25 Nghị định 331/2026/NĐ-CP']),
    );
    expect(await notices('canbo.sl-so-xd', name)).toBe(1);
    expect(await notices('thamdinh', name)).toBe(1);
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'REDETERMINATION_FLAG_OPENED' AND entity_id = $1`, [
      systemId,
    ]);
    expect(audit).toHaveLength(1);

    // Another edit at the same level: still one flag, nobody told twice.
    expect((await patch(systemId, { basicPersonalDataSubjects: 160_000 })).status).toBe(200);
    expect(await flagsOf(systemId)).toHaveLength(1);
    expect(await notices('canbo.sl-so-xd', name)).toBe(1);

    // The province sees it; another agency's officer does not.
    const list = (await t.http().get('/api/v1/redetermination-flags').set(as(leader)).expect(200)).body;
    expect(list.items.map((f: { id: string }) => f.id)).toContain(flag.id);
    const others = (await t.http().get('/api/v1/redetermination-flags').set(as(otherOfficer)).expect(200)).body;
    expect(others.items.map((f: { id: string }) => f.id)).not.toContain(flag.id);
    expectProblem(await t.http().get(`/api/v1/systems/${systemId}/redetermination-flags`).set(as(otherOfficer)), 404);

    // A new draft can be started while the approval stands (Art. 25: the first-time procedure).
    const draft = await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, levelJustification: 'Xác định lại cấp độ.' });
    expect(draft.status).toBe(201);
  });

  it('an Excel/CSV import that raises the computed level flags the system as the form does', async () => {
    const name = 'Cổng dịch vụ nhập tệp';
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'RD-IMPORT', name);
    await approveLevel2(systemId, '203/QĐ-CAT-PA05');
    const header = [
      'Mã cơ quan chủ quản',
      'Mã hệ thống',
      'Tên hệ thống',
      'Loại hệ thống',
      'Loại thông tin',
      'Trạng thái',
      'Số chủ thể dữ liệu cá nhân cơ bản',
    ];
    const cells = [
      'SL-SO-XD',
      'RD-IMPORT',
      name,
      'Hệ thống thông tin phục vụ người dân, doanh nghiệp',
      'Riêng; Cá nhân',
      'Đang vận hành',
      '150000',
    ];
    const file = Buffer.from(`\uFEFF${header.join(',')}\r\n${cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')}\r\n`, 'utf8');
    const res = await t.http().post('/api/v1/systems/import').set(as(officer)).attach('file', file, 'he-thong.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updated: 1 });
    const [flag] = await flagsOf(systemId);
    expect(flag).toMatchObject({ source: 'AUTO_EDIT', status: 'OPEN', approvedLevel: 2, computedLevel: 3 });
    expect(await notices('canbo.sl-so-xd', name)).toBe(1);
    expect(await notices('thamdinh', name)).toBe(1);
  });

  it('is dismissed only by an appraiser, with a written reason, once, audited', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'RD-DISMISS', 'Hệ thống đóng cảnh báo');
    await approveLevel2(systemId, '202/QĐ-CAT-PA05');
    await patch(systemId, { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], sensitivePersonalDataSubjects: 20_000 });
    const [flag] = await flagsOf(systemId);
    const url = `/api/v1/systems/${systemId}/redetermination-flags/${flag.id}/dismiss`;
    expectProblem(await t.http().post(url).set(as(officer)).send({ version: flag.version, reason: 'Không cần' }), 403);
    expectProblem(await t.http().post(url).set(as(appraiser)).send({ version: flag.version, reason: '   ' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t
        .http()
        .post(url)
        .set(as(appraiser))
        .send({ version: flag.version + 1, reason: 'Cũ' }),
      409,
    );
    const done = await t
      .http()
      .post(url)
      .set(as(appraiser))
      .send({ version: flag.version, reason: 'Số chủ thể dữ liệu nhập nhầm.' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'DISMISSED', resolutionNote: 'Số chủ thể dữ liệu nhập nhầm.', resolvedBy: 'thamdinh' });
    expectProblem(
      await t.http().post(url).set(as(appraiser)).send({ version: done.body.version, reason: 'Lần nữa' }),
      409,
      'REDETERMINATION_FLAG_NOT_OPEN',
    );
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE action = 'REDETERMINATION_FLAG_DISMISSED' AND entity_id = $1`, [
      systemId,
    ]);
    expect(audit[0].after).toMatchObject({ status: 'DISMISSED', resolutionNote: 'Số chủ thể dữ liệu nhập nhầm.' });
  });

  it('an appraiser records ND331 triggers; a new approval settles those it reaches, not a flag above it', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'RD-TRIGGER', 'Hệ thống phân tách');
    const url = `/api/v1/systems/${systemId}/redetermination-flags`;
    // Not approved yet: Art. 25 is for approved systems.
    expectProblem(
      await t.http().post(url).set(as(appraiser)).send({ source: 'SPLIT_MERGE', note: 'Tách hình thức' }),
      422,
      'REDETERMINATION_TRIGGER_INVALID',
    );
    await approveLevel2(systemId, '203/QĐ-CAT-PA05');

    expectProblem(await t.http().post(url).set(as(officer)).send({ source: 'SPLIT_MERGE', note: 'x' }), 403);
    expectProblem(await t.http().post(url).set(as(appraiser)).send({ source: 'NOPE', note: 'x' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t.http().post(url).set(as(appraiser)).send({ source: 'RISK_EVENT', note: 'x' }),
      422,
      'REDETERMINATION_TRIGGER_INVALID',
    );
    expectProblem(await t.http().post(url).set(as(appraiser)).send({ source: 'HIGHER_RISK', level: 2, note: 'x' }), 422);

    const split = await t
      .http()
      .post(url)
      .set(as(appraiser))
      .send({ source: 'SPLIT_MERGE', note: 'Tách hệ thống để giảm cấp độ.' })
      .expect(201);
    expect(split.body.articles).toEqual(['Khoản 3 Điều 8 Nghị định 331/2026/NĐ-CP', 'Điều 25 Nghị định 331/2026/NĐ-CP']);
    const risk = await t
      .http()
      .post(url)
      .set(as(appraiser))
      .send({ source: 'HIGHER_RISK', level: 4, note: 'Báo cáo đánh giá rủi ro 11/2026.' })
      .expect(201);
    expect(risk.body).toMatchObject({ computedLevel: 4, articles: expect.arrayContaining(['Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP']) });
    const request = await t
      .http()
      .post(url)
      .set(as(appraiser))
      .send({ source: 'AUTHORITY_REQUEST', note: 'Công văn 15/CAT-PA05.' })
      .expect(201);
    expect(request.body.articles).toContain('Khoản 7 Điều 10 Nghị định 331/2026/NĐ-CP');
    expect(await notices('canbo.sl-so-xd', 'Hệ thống phân tách')).toBe(3);

    // A new level-2 approval: the flags without a level are settled, the level-4 one stays open.
    const dossierId = await approveLevel2(systemId, '204/QĐ-CAT-PA05');
    const after = await flagsOf(systemId);
    expect(after.find((f) => f.id === split.body.id)).toMatchObject({ status: 'CLEARED' });
    expect(after.find((f) => f.id === request.body.id)).toMatchObject({ status: 'CLEARED' });
    expect(after.find((f) => f.id === risk.body.id)).toMatchObject({ status: 'OPEN' });
    const [row] = await t.db.query(`SELECT cleared_by_dossier_id FROM redetermination_flags WHERE id = $1`, [split.body.id]);
    expect(row.cleared_by_dossier_id).toBe(dossierId);
  });

  it("the pages: /xac-dinh-lai lists the open flags in scope; only appraisers get the forms, an officer's post is refused", async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'RD-WEB', 'Hệ thống trang xác định lại');
    await approveLevel2(systemId, '205/QĐ-CAT-PA05');
    await patch(systemId, { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], basicPersonalDataSubjects: 300_000 });
    const [flag] = await flagsOf(systemId);
    const page = async (username: string, path: string) => {
      const session = await webSession(t, username);
      return { session, res: await t.http().get(path).set('cookie', session.cookie) };
    };
    const asLeader = await page('lanhdao', '/xac-dinh-lai');
    expect(asLeader.res.status).toBe(200);
    expect(asLeader.res.text).toContain('Hệ thống trang xác định lại');
    expect(asLeader.res.text).not.toContain('Đóng cảnh báo');
    const asOther = await page('canbo.sl-so-yt', '/xac-dinh-lai');
    expect(asOther.res.text).not.toContain('Hệ thống trang xác định lại');
    const asOfficer = await page('canbo.sl-so-xd', `/he-thong/${systemId}`);
    expect(asOfficer.res.text).toContain('Lập hồ sơ xác định lại cấp độ');
    expect(asOfficer.res.text).not.toContain('Ghi căn cứ phải xác định lại cấp độ');
    const refused = await t
      .http()
      .post(`/he-thong/${systemId}/xac-dinh-lai/${flag.id}/dong`)
      .set('cookie', asOfficer.session.cookie)
      .type('form')
      .send({ _csrf: asOfficer.session.csrf, version: String(flag.version), reason: 'Không cần' });
    expect(refused.status).toBe(403);
    expect((await flagsOf(systemId))[0].status).toBe('OPEN');
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM redetermination_flags`))[0].n;
    expectProblem(await t.http().get('/api/v1/redetermination-flags?status=MAYBE').set(as(leader)), 422, 'VALIDATION_FAILED');
    expectProblem(await t.http().get('/api/v1/redetermination-flags?agencyId=abc').set(as(leader)), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t.http().post('/api/v1/systems/not-a-uuid/redetermination-flags').set(as(appraiser)).send({ source: 'SPLIT_MERGE', note: 'x' }),
      404,
    );
    expectProblem(
      await t
        .http()
        .post('/api/v1/systems/00000000-0000-4000-8000-000000000000/redetermination-flags')
        .set(as(appraiser))
        .send({ source: 'SPLIT_MERGE', note: 'x' }),
      404,
    );
    expect((await t.db.query(`SELECT count(*)::int AS n FROM redetermination_flags`))[0].n).toBe(before);
  });
});
