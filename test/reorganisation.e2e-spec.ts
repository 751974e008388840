import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('agency reorganisation (merge, rename) and as-of queries', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let draftId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const idOf = async (code: string): Promise<string> => (await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code]))[0].id;
  const system = (owner: string, code: string, name: string) => ({
    code,
    name,
    ownerAgencyId: owner,
    systemType: 'INTERNAL',
    infoTypes: ['PRIVATE'],
    lifecycle: 'IN_OPERATION',
  });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, leader] = await Promise.all([t.login('admin'), t.login('lanhdao')]);
    // Two communes that will be merged, each with systems; one system code exists in both.
    await t
      .http()
      .post('/api/v1/systems')
      .set(as(admin))
      .send(system(await idOf('SL-X-MUONGLAN'), 'QLVB', 'Quản lý văn bản xã Mường Lạn'))
      .expect(201);
    const email = await t
      .http()
      .post('/api/v1/systems')
      .set(as(admin))
      .send(system(await idOf('SL-X-MUONGLAN'), 'EMAIL', 'Thư điện tử xã Mường Lạn'))
      .expect(201);
    draftId = (
      await t
        .http()
        .post('/api/v1/dossiers')
        .set(as(admin))
        .send({ systemId: email.body.id, facts: { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] } })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/v1/systems')
      .set(as(admin))
      .send(system(await idOf('SL-X-PHIENGKHOAI'), 'QLVB', 'Quản lý văn bản xã Phiêng Khoài'))
      .expect(201);
  });
  afterAll(() => t.close());

  it('merges two communes into a new one: sources end, systems and accounts move, nothing is deleted', async () => {
    const agenciesBefore = await countRows(t.db, 'agencies');
    const systemsBefore = await countRows(t.db, 'systems');
    const sources = [await idOf('SL-X-MUONGLAN'), await idOf('SL-X-PHIENGKHOAI')];
    const res = await t
      .http()
      .post('/api/v1/agency-reorganisations/merge')
      .set(as(admin))
      .send({
        sourceAgencyIds: sources,
        newAgency: { code: 'SL-X-MOI', name: 'UBND xã Mường Lạn Mới', kind: 'commune', parentId: await idOf('SL-UBND') },
        effectiveDate: '2026-03-01',
        decisionNumber: '99/NQ-UBTVQH15',
        decisionDate: '2026-02-10',
        decisionIssuer: 'Ủy ban Thường vụ Quốc hội',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'MERGE',
      effectiveDate: '2026-03-01',
      movedSystems: 3,
      // Each commune's officer and its head (the demo's AGENCY_HEAD accounts).
      movedUsers: 4,
      decisionNumber: '99/NQ-UBTVQH15',
    });
    const successor = res.body.successorAgencyId;
    expect(await countRows(t.db, 'agencies')).toBe(agenciesBefore + 1);
    expect(await countRows(t.db, 'systems')).toBe(systemsBefore);

    const source = await t.http().get(`/api/v1/agencies/${sources[0]}`).set(as(admin)).expect(200);
    expect(source.body).toMatchObject({ status: 'MERGED', validTo: '2026-02-28', successorId: successor });

    const moved = await t.http().get('/api/v1/systems').query({ agencyId: successor }).set(as(admin)).expect(200);
    expect(moved.body.items.map((s: { code: string }) => s.code).sort()).toEqual(['EMAIL', 'QLVB', 'QLVB-SL-X-PHIENGKHOAI']);
    const officer = await t.login('canbo.sl-x-muonglan');
    const mine = await t.http().get('/api/v1/systems').set(as(officer)).expect(200);
    expect(mine.body.total).toBe(3);

    const users = await t.db.query(`SELECT u.username FROM users u WHERE u.agency_id = $1 ORDER BY 1`, [successor]);
    expect(users.map((u: { username: string }) => u.username)).toEqual([
      'canbo.sl-x-muonglan',
      'canbo.sl-x-phiengkhoai',
      'thutruong.sl-x-muonglan',
      'thutruong.sl-x-phiengkhoai',
    ]);
    const draft = await t.http().get(`/api/v1/dossiers/${draftId}`).set(as(officer)).expect(200);
    expect(draft.body.owner.id).toBe(successor);
    const audit = await t.db.query(
      `SELECT entity_type, action, count(*)::int AS n FROM audit_log WHERE action IN ('MERGE', 'MOVE') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(audit).toEqual([
      { entity_type: 'agency', action: 'MERGE', n: 2 },
      { entity_type: 'dossier', action: 'MOVE', n: 1 },
      { entity_type: 'system', action: 'MOVE', n: 3 },
    ]);
  });

  it('still shows the structure as it was before the merge', async () => {
    const before = await t.http().get('/api/v1/agencies').query({ asOf: '2026-02-15', q: 'muong lan' }).set(as(leader)).expect(200);
    expect(before.body.items.map((a: { code: string }) => a.code)).toEqual(['SL-X-MUONGLAN']);
    const after = await t.http().get('/api/v1/agencies').query({ asOf: '2026-03-01', q: 'muong lan' }).set(as(leader)).expect(200);
    expect(after.body.items.map((a: { code: string }) => a.code)).toEqual(['SL-X-MOI']);

    const source = await idOf('SL-X-MUONGLAN');
    const heldThen = await t.http().get('/api/v1/systems').query({ agencyId: source, asOf: '2026-02-15' }).set(as(leader)).expect(200);
    expect(heldThen.body.items.map((s: { name: string }) => s.name).sort()).toEqual([
      'Quản lý văn bản xã Mường Lạn',
      'Thư điện tử xã Mường Lạn',
    ]);
    const heldNow = await t.http().get('/api/v1/systems').query({ agencyId: source, asOf: '2026-03-02' }).set(as(leader)).expect(200);
    expect(heldNow.body.total).toBe(0);

    const tree = await t.http().get('/api/v1/agencies/tree').query({ asOf: '2026-02-15' }).set(as(leader)).expect(200);
    const root = tree.body.find((n: { code: string }) => n.code === 'SL-UBND');
    expect(root.children.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(['SL-X-MUONGLAN', 'SL-X-PHIENGKHOAI']));
    expect(root.children.map((n: { code: string }) => n.code)).not.toContain('SL-X-MOI');
  });

  it('renames an agency from a date and keeps the old name for earlier dates', async () => {
    const id = await idOf('SL-SO-KHCN');
    await t
      .http()
      .post('/api/v1/agency-reorganisations/rename')
      .set(as(admin))
      .send({ agencyId: id, newName: 'Sở Khoa học, Công nghệ và Chuyển đổi số', effectiveDate: '2026-04-01', decisionNumber: '12/QĐ-UBND' })
      .expect(201);
    const now = await t.http().get(`/api/v1/agencies/${id}`).set(as(leader)).expect(200);
    expect(now.body.name).toBe('Sở Khoa học, Công nghệ và Chuyển đổi số');
    const then = await t.http().get('/api/v1/agencies').query({ asOf: '2026-03-31', q: 'khoa hoc' }).set(as(leader)).expect(200);
    expect(then.body.items.map((a: { name: string }) => a.name)).toEqual(['Sở Khoa học và Công nghệ']);
    const list = await t.http().get('/api/v1/agency-reorganisations').set(as(leader)).expect(200);
    expect(list.body.map((r: { kind: string }) => r.kind)).toEqual(['RENAME', 'MERGE']);
  });

  it('refuses invalid reorganisations with 422 and writes nothing', async () => {
    const audits = await countRows(t.db, 'audit_log');
    const merged = await idOf('SL-X-MUONGLAN');
    const active = await idOf('SL-X-TANYEN');
    const cases: [object, string][] = [
      [
        { sourceAgencyIds: [merged], successorAgencyId: active, effectiveDate: '2026-05-01', decisionNumber: '1/NQ' },
        'REORGANISATION_INVALID',
      ],
      [
        { sourceAgencyIds: [active], successorAgencyId: active, effectiveDate: '2026-05-01', decisionNumber: '1/NQ' },
        'REORGANISATION_INVALID',
      ],
      [{ sourceAgencyIds: [active], effectiveDate: '2026-05-01', decisionNumber: '1/NQ' }, 'REORGANISATION_INVALID'],
      [
        { sourceAgencyIds: [active], successorAgencyId: merged, effectiveDate: '2099-01-01', decisionNumber: '1/NQ' },
        'REORGANISATION_INVALID',
      ],
      [{ sourceAgencyIds: [], successorAgencyId: active, effectiveDate: '2026-05-01', decisionNumber: '1/NQ' }, 'VALIDATION_FAILED'],
      [{ sourceAgencyIds: [active], successorAgencyId: merged, effectiveDate: '2026-02-30', decisionNumber: '1/NQ' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases)
      expectProblem(await t.http().post('/api/v1/agency-reorganisations/merge').set(as(admin)).send(body), 422, code);
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
  });

  it('is for administrators only', async () => {
    expectProblem(await t.http().post('/api/v1/agency-reorganisations/rename').set(as(leader)).send({}), 403, 'FORBIDDEN');
    expectProblem(await t.http().post('/api/v1/agency-reorganisations/merge').send({}), 401, 'UNAUTHENTICATED');
  });
});
