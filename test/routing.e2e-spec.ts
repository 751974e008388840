import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('routing rules (administrators)', () => {
  let t: TestApp;
  let admin: string;
  let appraiser: string;
  let officer: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const idOf = async (code: string): Promise<string> => (await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, appraiser, officer] = await Promise.all(['admin', 'thamdinh', 'canbo.sl-so-xd'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('lists the Sơn La demo rules: levels 1–3 to Công an tỉnh, 4–5 to the Ministry with the owner approving', async () => {
    const res = await t.http().get('/api/v1/routing-rules').set(as(appraiser)).expect(200);
    const ubnd = await idOf('SL-UBND');
    const ca = await idOf('SL-CA');
    const rules = res.body.filter((r: { ownerAgencyId: string }) => r.ownerAgencyId === ubnd);
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ minLevel: 1, maxLevel: 3, appraiserAgencyId: ca, approverKind: 'AGENCY', approverAgencyId: ca }),
        expect.objectContaining({ minLevel: 4, maxLevel: 5, appraiserExternalName: expect.stringContaining('A05'), approverKind: 'OWNER' }),
      ]),
    );
  });

  it('creates a more specific rule that wins by priority, audited', async () => {
    const yt = await idOf('SL-SO-YT');
    const res = await t
      .http()
      .post('/api/v1/routing-rules')
      .set(as(admin))
      .send({
        name: 'Ngành y tế: Sở Y tế thẩm định cấp độ 1–2',
        ownerAgencyId: yt,
        minLevel: 1,
        maxLevel: 2,
        appraiserAgencyId: yt,
        approverKind: 'AGENCY',
        approverAgencyId: yt,
        priority: 10,
      })
      .expect(201);
    expect(res.body).toMatchObject({ includeSubtree: true, active: true, version: 1 });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'routing_rule' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'CREATE' }]);
    const updated = await t
      .http()
      .patch(`/api/v1/routing-rules/${res.body.id}`)
      .set(as(admin))
      .send({ version: 1, active: false })
      .expect(200);
    expect(updated.body).toMatchObject({ active: false, version: 2 });
    expectProblem(
      await t.http().patch(`/api/v1/routing-rules/${res.body.id}`).set(as(admin)).send({ version: 1, active: true }),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('refuses inconsistent rules with field errors and writes nothing', async () => {
    const yt = await idOf('SL-SO-YT');
    const before = await countRows(t.db, 'routing_rules');
    const cases = [
      { name: 'x', ownerAgencyId: yt, minLevel: 3, maxLevel: 2, appraiserAgencyId: yt, approverKind: 'OWNER' },
      { name: 'x', ownerAgencyId: yt, minLevel: 1, maxLevel: 2, approverKind: 'OWNER' },
      { name: 'x', ownerAgencyId: yt, minLevel: 1, maxLevel: 2, appraiserAgencyId: yt, appraiserExternalName: 'Bộ', approverKind: 'OWNER' },
      { name: 'x', ownerAgencyId: yt, minLevel: 1, maxLevel: 2, appraiserAgencyId: yt, approverKind: 'AGENCY' },
      {
        name: 'x',
        ownerAgencyId: '00000000-0000-4000-8000-000000000000',
        minLevel: 1,
        maxLevel: 2,
        appraiserAgencyId: yt,
        approverKind: 'OWNER',
      },
      { name: 'x', ownerAgencyId: yt, minLevel: 0, maxLevel: 9, appraiserAgencyId: yt, approverKind: 'KING' },
    ];
    for (const body of cases)
      expectProblem(await t.http().post('/api/v1/routing-rules').set(as(admin)).send(body), 422, 'VALIDATION_FAILED');
    expect(await countRows(t.db, 'routing_rules')).toBe(before);
  });

  it('is read-only for appraisers and closed to officers', async () => {
    expectProblem(await t.http().post('/api/v1/routing-rules').set(as(appraiser)).send({}), 403, 'FORBIDDEN');
    expectProblem(await t.http().get('/api/v1/routing-rules').set(as(officer)), 403, 'FORBIDDEN');
  });
});
