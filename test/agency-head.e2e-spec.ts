import request from 'supertest';
import { NotificationsService } from '../src/notifications/notifications.service';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * The owner's leadership (`AGENCY_HEAD`, "Lãnh đạo cơ quan, đơn vị"): it reads what its agency's officers read
 * (systems and dossiers its agency owns or operates, its agency's report figures), receives the notices addressed to
 * its agency's heads, and writes nothing an officer prepares (ND331 Art. 20.1: the operator prepares the dossier;
 * Art. 18.2.b, 20.3.b, 31.1: the owner, directed by its head, decides).
 */
describe("the owner's leadership (AGENCY_HEAD)", () => {
  let t: TestApp;
  let head: string;
  let officer: string;
  let agencyId: string;
  const own = { systemId: '', dossierId: '' };
  const other = { systemId: '', dossierId: '' };
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: agencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'giamdoc.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', $1 FROM users WHERE username = 'admin'`,
      [agencyId],
    );
    head = await t.login('giamdoc.sl-so-xd');
    officer = await t.login('canbo.sl-so-xd');
    const otherOfficer = await t.login('canbo.sl-so-yt');
    own.systemId = await createSystem(t, officer, 'SL-SO-XD', 'HD-XD-1', 'Hệ thống của Sở Xây dựng');
    own.dossierId = (await createCompleteDossier(t, officer, own.systemId, LEVEL2_FACTS)).id;
    other.systemId = await createSystem(t, otherOfficer, 'SL-SO-YT', 'HD-YT-1', 'Hệ thống của Sở Y tế');
    other.dossierId = (await createCompleteDossier(t, otherOfficer, other.systemId, LEVEL2_FACTS)).id;
  });
  afterAll(() => t.close());

  it('signs in as the head of its agency, in its province', async () => {
    const me = await t.http().get('/api/v1/auth/me').set(auth(head)).expect(200);
    expect(me.body).toMatchObject({ username: 'giamdoc.sl-so-xd', role: 'AGENCY_HEAD', agencyId, provinceCode: 'SL' });
  });

  it("reads its own agency's systems and dossiers, and not another agency's (404, the ids do not leak)", async () => {
    const systems = await t.http().get('/api/v1/systems?pageSize=200').set(auth(head)).expect(200);
    const systemIds = systems.body.items.map((s: { id: string }) => s.id);
    expect(systemIds).toContain(own.systemId);
    expect(systemIds).not.toContain(other.systemId);
    const dossiers = await t.http().get('/api/v1/dossiers?pageSize=200').set(auth(head)).expect(200);
    const dossierIds = dossiers.body.items.map((d: { id: string }) => d.id);
    expect(dossierIds).toContain(own.dossierId);
    expect(dossierIds).not.toContain(other.dossierId);

    await t.http().get(`/api/v1/systems/${own.systemId}`).set(auth(head)).expect(200);
    await t.http().get(`/api/v1/dossiers/${own.dossierId}`).set(auth(head)).expect(200);
    expectProblem(await t.http().get(`/api/v1/systems/${other.systemId}`).set(auth(head)), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`/api/v1/dossiers/${other.dossierId}`).set(auth(head)), 404, 'NOT_FOUND');
  });

  it('reads exactly the rows its agency’s officer reads', async () => {
    const ids = async (token: string, path: string) =>
      ((await t.http().get(path).set(auth(token)).expect(200)).body.items as { id: string }[]).map((i) => i.id).sort();
    for (const path of ['/api/v1/systems?pageSize=200', '/api/v1/dossiers?pageSize=200', '/api/v1/agencies?pageSize=200'])
      expect(await ids(head, path)).toEqual(await ids(officer, path));
  });

  it('also reads a dossier routed to its agency for approval (a body the owner designated), so that it can decide it', async () => {
    await t.db.query(`UPDATE dossiers SET approver_kind = 'AGENCY', approver_agency_id = $1 WHERE id = $2`, [agencyId, other.dossierId]);
    try {
      await t.http().get(`/api/v1/dossiers/${other.dossierId}`).set(auth(head)).expect(200);
      // Its officers prepare, they do not approve: the dossier stays hidden from them, and the system from the head.
      expectProblem(await t.http().get(`/api/v1/dossiers/${other.dossierId}`).set(auth(officer)), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`/api/v1/systems/${other.systemId}`).set(auth(head)), 404, 'NOT_FOUND');
    } finally {
      await t.db.query(`UPDATE dossiers SET approver_kind = NULL, approver_agency_id = NULL WHERE id = $1`, [other.dossierId]);
    }
  });

  it('is refused every write an officer makes, even on its own agency: 403 problem+json, nothing written', async () => {
    const systemVersion = (await t.http().get(`/api/v1/systems/${own.systemId}`).set(auth(head))).body.version;
    const dossierVersion = (await t.http().get(`/api/v1/dossiers/${own.dossierId}`).set(auth(head))).body.version;
    const before = {
      audit: await countRows(t.db, 'audit_log'),
      systems: await countRows(t.db, 'systems'),
      dossiers: await countRows(t.db, 'dossiers'),
    };
    const refusals = [
      t
        .http()
        .post('/api/v1/systems')
        .set(auth(head))
        .send({
          code: 'HD-XD-2',
          name: 'Hệ thống mới',
          ownerAgencyId: agencyId,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
        }),
      t.http().patch(`/api/v1/systems/${own.systemId}`).set(auth(head)).send({ version: systemVersion, description: 'Sửa' }),
      t.http().post('/api/v1/dossiers').set(auth(head)).send({ systemId: own.systemId, facts: LEVEL2_FACTS }),
      t.http().patch(`/api/v1/dossiers/${own.dossierId}`).set(auth(head)).send({ version: dossierVersion, levelJustification: 'Sửa' }),
      t.http().post(`/api/v1/dossiers/${own.dossierId}/attachments`).set(auth(head)).field('kind', 'OTHER').attach('file', PDF, 'khac.pdf'),
      t.http().post(`/api/v1/dossiers/${own.dossierId}/actions/submit`).set(auth(head)).send({ version: dossierVersion }),
      t.http().post('/api/v1/agencies').set(auth(head)).send({ code: 'HD-CQ', name: 'Cơ quan mới', kind: 'other', parentId: agencyId }),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(['FORBIDDEN', 'DOSSIER_ACTION_FORBIDDEN']).toContain(res.body.code);
    }
    expect({
      audit: await countRows(t.db, 'audit_log'),
      systems: await countRows(t.db, 'systems'),
      dossiers: await countRows(t.db, 'dossiers'),
    }).toEqual(before);
  });

  it("reads its own agency's report figures, the same as its officer, and no wider scope", async () => {
    const report = await t.http().get('/api/v1/reports/approval-rate').set(auth(head)).expect(200);
    expect(report.body.scope).toMatchObject({ provinceCode: 'SL', rootAgency: agencyId });
    expect(report.body.agencyRows.map((r: { code: string }) => r.code)).toEqual(['SL-SO-XD']);
    // The same figures as its agency's officer, report by report (the annual and pipeline reports cover its own systems).
    for (const path of ['/api/v1/reports/approval-rate', '/api/v1/reports/pipeline', '/api/v1/reports/annual?year=2026']) {
      const [asHead, asOfficer] = await Promise.all([head, officer].map((token) => t.http().get(path).set(auth(token)).expect(200)));
      expect(asHead.body).toEqual(asOfficer.body);
    }
    // As for its officers, a chosen scope does not widen it: the report stays its own agency's.
    const asked = await t.http().get('/api/v1/reports/approval-rate?province=HN').set(auth(head)).expect(200);
    expect(asked.body.scope).toMatchObject({ provinceCode: 'SL', rootAgency: agencyId });
  });

  it("receives the notices addressed to its agency's heads; the agency's officers do not", async () => {
    const notifications = t.app.get(NotificationsService);
    await t.db.transaction((em) =>
      notifications.notify(em, {
        recipients: { agencyId, roles: ['AGENCY_HEAD'] },
        kind: 'DOSSIER_ROUTED',
        title: 'Hồ sơ chờ chủ quản quyết định',
        body: 'Thử',
        dossierId: own.dossierId,
      }),
    );
    const titles = async (token: string) =>
      ((await t.http().get('/api/v1/notifications').set(auth(token)).expect(200)).body.items as { title: string }[]).map((n) => n.title);
    expect(await titles(head)).toContain('Hồ sơ chờ chủ quản quyết định');
    expect(await titles(officer)).not.toContain('Hồ sơ chờ chủ quản quyết định');
  });

  it('sees on the pages: Trang chủ, Hệ thống, Hồ sơ, Thông báo, Báo cáo, its officers’ accounts; no administration, no registration', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const signedIn = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username: 'giamdoc.sl-so-xd', password: 'demo1234', _csrf: csrf })
      .expect(303);
    const cookie = jar(cookiesOf(signedIn));
    const home = await t.http().get('/').set('cookie', cookie).expect(200);
    const nav = /<nav aria-label="Chức năng chính"[\s\S]*?<\/nav>/.exec(home.text)![0];
    const labels = [...nav.matchAll(/<a href="[^"]*"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(labels).toEqual([
      'Trang chủ',
      'Hồ sơ chờ quyết định',
      'Hệ thống thông tin',
      'Hồ sơ cấp độ',
      'Sau phê duyệt',
      'Báo cáo',
      'Tài khoản cán bộ',
    ]);
    expect(home.text).toContain('href="/thong-bao"');
    expect(home.text).toContain('(Lãnh đạo cơ quan, đơn vị)');
    expect(home.text).toContain('Hệ thống của Sở Xây dựng');
    expect(home.text).not.toContain('href="/he-thong/moi"');
    expect(home.text).not.toContain('Xác định cấp độ và lập hồ sơ');
    await t.http().get('/he-thong').set('cookie', cookie).expect(200);
    await t.http().get('/ho-so').set('cookie', cookie).expect(200);
    await t.http().get('/bao-cao').set('cookie', cookie).expect(200);
    // Its own officers' accounts (issue 22), not the administration around them.
    expect((await t.http().get('/quan-tri/nguoi-dung').set('cookie', cookie)).status).toBe(200);
    expect((await t.http().get('/quan-tri').set('cookie', cookie)).status).toBe(403);
  });
});
