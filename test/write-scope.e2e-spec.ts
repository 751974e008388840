import { todayInVietnam } from '../src/common/dates';
import { LEVEL2_FACTS } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Writes stay in scope (issue "figures nobody can forge", point 4): an officer puts nothing under a body of another
 * province, and the reads that told more than the user's scope are closed.
 */
describe('writes and reads stay in the user’s scope', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const ids: Record<string, string> = {};
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const agencyId = async (code: string) =>
    ((await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code])) as { id: string }[])[0].id;
  const system = (owner: string, operator: string, code: string) => ({
    code,
    name: `Hệ thống ${code}`,
    ownerAgencyId: owner,
    operatorAgencyId: operator,
    systemType: 'INTERNAL',
    infoTypes: ['PRIVATE'],
    lifecycle: 'IN_OPERATION',
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('canbo.sl-so-xd');
    const create = async (body: object) =>
      (await t.http().post('/api/v1/agencies').set(as(admin)).send(body).expect(201)).body.id as string;
    ids.hnRoot = await create({ code: 'HN-UBND', name: 'UBND thành phố Hà Nội', kind: 'province_committee', provinceCode: 'HN' });
    ids.hnDept = await create({ code: 'HN-SO-XD', name: 'Sở Xây dựng Hà Nội', kind: 'department', parentId: ids.hnRoot });
    ids.hnPolice = await create({ code: 'HN-CA', name: 'Công an thành phố Hà Nội', kind: 'police', provinceCode: 'HN' });
    ids.slDept = await agencyId('SL-SO-XD');
    ids.slHealth = await agencyId('SL-SO-YT');
  });
  afterAll(() => t.close());

  it('refuses an officer of Sơn La registering a system owned by a Hà Nội body with its own agency as operator', async () => {
    const before = await countRows(t.db, 'systems');
    const res = await t
      .http()
      .post('/api/v1/systems')
      .set(as(officer))
      .send(system(ids.hnDept, ids.slDept, 'HN-TRAN'));
    const body = expectProblem(res, 422, 'SYSTEM_AGENCY_INVALID') as { errors: Record<string, string[]> };
    expect(body.errors.ownerAgencyId).toEqual(['phải là cơ quan của bạn, hoặc cơ quan cùng tỉnh mà cơ quan của bạn là đơn vị vận hành']);
    expect(await countRows(t.db, 'systems')).toBe(before);
  });

  it('refuses moving an own system to a Hà Nội owner', async () => {
    const created = (
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(system(ids.slDept, ids.slDept, 'SL-CHUYEN'))
        .expect(201)
    ).body;
    const res = await t
      .http()
      .patch(`/api/v1/systems/${created.id}`)
      .set(as(officer))
      .send({ version: created.version, ownerAgencyId: ids.hnDept });
    expectProblem(res, 422, 'SYSTEM_AGENCY_INVALID');
    const [{ owner_agency_id }] = await t.db.query(`SELECT owner_agency_id FROM systems WHERE id = $1`, [created.id]);
    expect(owner_agency_id).toBe(ids.slDept);
  });

  it('lets an officer neither edit nor make a dossier for a Hà Nội system its agency operates, and the Hà Nội report counts nothing', async () => {
    const hnSystem = (
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(admin))
        .send(system(ids.hnDept, ids.slDept, 'HN-VANHANH'))
        .expect(201)
    ).body;
    // The operator still sees it (it operates it) …
    await t.http().get(`/api/v1/systems/${hnSystem.id}`).set(as(officer)).expect(200);
    // … but writes nothing under the Hà Nội body.
    const dossiers = await countRows(t.db, 'dossiers');
    expectProblem(
      await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId: hnSystem.id, facts: LEVEL2_FACTS }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.http().patch(`/api/v1/systems/${hnSystem.id}`).set(as(officer)).send({ version: hnSystem.version, description: 'Sửa' }),
      403,
      'FORBIDDEN',
    );
    expect(await countRows(t.db, 'dossiers')).toBe(dossiers);
    const report = (await t.http().get('/api/v1/reports/approval-rate').query({ province: 'HN' }).set(as(admin)).expect(200)).body;
    expect(report.agencies).toMatchObject({ submitted: 0, approved: 0 });
  });

  it('lets an officer register and prepare a system it operates for a body of its own province', async () => {
    const created = (
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(system(ids.slHealth, ids.slDept, 'YT-VANHANH'))
        .expect(201)
    ).body;
    expect(created.provinceCode).toBe('SL');
    await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId: created.id, facts: LEVEL2_FACTS }).expect(201);
  });

  it('answers a dry-run import the same whether another body’s system code exists or not', async () => {
    const health = await t.login('canbo.sl-so-yt');
    await t
      .http()
      .post('/api/v1/systems')
      .set(as(health))
      .send(system(ids.slHealth, ids.slHealth, 'YT-CO-THAT'))
      .expect(201);
    const header = [
      'Mã cơ quan chủ quản',
      'Mã hệ thống',
      'Tên hệ thống',
      'Mã đơn vị vận hành',
      'Loại hệ thống',
      'Loại thông tin',
      'Trạng thái',
    ];
    const line = (owner: string, code: string) => [
      owner,
      code,
      `Hệ thống ${code}`,
      '',
      'Hệ thống thông tin phục vụ hoạt động nội bộ',
      'Thông tin riêng',
      'Đang vận hành',
    ];
    const csv = [header, line('SL-SO-YT', 'YT-CO-THAT'), line('SL-SO-YT', 'YT-KHONG-CO'), line('HN-SO-XD', 'HN-VANHANH')]
      .map((l) => l.join(','))
      .join('\r\n');
    const before = await countRows(t.db, 'audit_log');
    const res = await t
      .http()
      .post('/api/v1/systems/import?dryRun=true')
      .set(as(officer))
      .attach('file', Buffer.from(`${csv}\r\n`, 'utf8'), 'he-thong.csv');
    const body = expectProblem(res, 422, 'IMPORT_ROWS_INVALID') as {
      report: { errors: { row: number; column: string; message: string }[] };
    };
    const byRow = (row: number) => body.report.errors.filter((e) => e.row === row).map(({ column, message }) => ({ column, message }));
    expect(byRow(2)).toEqual(byRow(3));
    expect(byRow(2)).toEqual([
      { column: 'Mã cơ quan chủ quản', message: 'phải là cơ quan của bạn, hoặc cơ quan cùng tỉnh mà cơ quan của bạn là đơn vị vận hành' },
    ]);
    expect(byRow(4)).toEqual(byRow(2));
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('lists the reorganisations of the user’s province only (all for administrators)', async () => {
    const renamed = (
      await t
        .http()
        .post('/api/v1/agency-reorganisations/rename')
        .set(as(admin))
        .send({
          agencyId: ids.hnDept,
          newName: 'Sở Quy hoạch - Kiến trúc Hà Nội',
          effectiveDate: todayInVietnam(),
          decisionNumber: '15/NQ-HĐND',
        })
        .expect(201)
    ).body.id as string;
    for (const username of ['lanhdao', 'thamdinh', 'canbo.sl-so-xd']) {
      const list = (
        await t
          .http()
          .get('/api/v1/agency-reorganisations')
          .set(as(await t.login(username)))
          .expect(200)
      ).body as { id: string }[];
      expect(list.map((r) => r.id)).not.toContain(renamed);
    }
    const all = (await t.http().get('/api/v1/agency-reorganisations').set(as(admin)).expect(200)).body as { id: string }[];
    expect(all.map((r) => r.id)).toContain(renamed);
  });

  it('lists the routing rules of the user’s province only (all for administrators)', async () => {
    const rule = (
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(as(admin))
        // Levels 1–2 only: Công an thành phố may not approve level 3 and up (ND331 Art. 18; routing/competence.ts).
        .send({
          name: 'Hà Nội: Công an thành phố',
          ownerAgencyId: ids.hnRoot,
          minLevel: 1,
          maxLevel: 2,
          appraiserAgencyId: ids.hnPolice,
          approverKind: 'AGENCY',
          approverAgencyId: ids.hnPolice,
        })
        .expect(201)
    ).body.id as string;
    for (const username of ['lanhdao', 'thamdinh']) {
      const list = (
        await t
          .http()
          .get('/api/v1/routing-rules')
          .set(as(await t.login(username)))
          .expect(200)
      ).body as { id: string }[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((r) => r.id)).not.toContain(rule);
    }
    const all = (await t.http().get('/api/v1/routing-rules').set(as(admin)).expect(200)).body as { id: string }[];
    expect(all.map((r) => r.id)).toContain(rule);
  });

  it('shows an officer the figures of its own agency, not of the bodies under it', async () => {
    const report = (
      await t
        .http()
        .get('/api/v1/reports/approval-rate')
        .set(as(await t.login('canbo.sl-ubnd')))
        .expect(200)
    ).body;
    expect(report.scope).toMatchObject({ provinceCode: 'SL', title: 'UBND tỉnh Sơn La' });
    expect(report.agencies.total).toBe(1);
    expect(report.agencyRows.map((r: { code: string }) => r.code)).toEqual(['SL-UBND']);
    // A leader of the province still sees every body.
    const province = (
      await t
        .http()
        .get('/api/v1/reports/approval-rate')
        .set(as(await t.login('lanhdao')))
        .expect(200)
    ).body;
    expect(province.agencies.total).toBeGreaterThan(90);
  });
});
