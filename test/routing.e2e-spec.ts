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

  it('lists the Sơn La demo rules: Công an tỉnh approves levels 1–2 and appraises 3 for the owner, the Ministry appraises 4–5', async () => {
    const res = await t.http().get('/api/v1/routing-rules').set(as(appraiser)).expect(200);
    const ubnd = await idOf('SL-UBND');
    const ca = await idOf('SL-CA');
    const rules = res.body.filter((r: { ownerAgencyId: string }) => r.ownerAgencyId === ubnd);
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ minLevel: 1, maxLevel: 2, appraiserAgencyId: ca, approverKind: 'AGENCY', approverAgencyId: ca }),
        expect.objectContaining({ minLevel: 3, maxLevel: 3, appraiserAgencyId: ca, approverKind: 'OWNER', approverAgencyId: null }),
        expect.objectContaining({
          minLevel: 4,
          maxLevel: 5,
          appraiserExternalName: expect.stringContaining('A05'),
          approverKind: 'OWNER',
          specialisedUnitAgencyId: ca,
        }),
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

  it('refuses a rule the competence table contradicts (Công an tỉnh approving level 3) with the article, and writes nothing', async () => {
    const ca = await idOf('SL-CA');
    const rules = await countRows(t.db, 'routing_rules');
    // The demo's rule before issue 18: the provincial police appraise and approve levels 1–3.
    const res = await t
      .http()
      .post('/api/v1/routing-rules')
      .set(as(admin))
      .send({
        name: 'Cấp độ 1–3: Công an tỉnh thẩm định và phê duyệt',
        ownerAgencyId: await idOf('SL-SO-YT'),
        minLevel: 1,
        maxLevel: 3,
        appraiserAgencyId: ca,
        approverKind: 'AGENCY',
        approverAgencyId: ca,
      });
    const problem = expectProblem(res, 422, 'ROUTING_CONTRADICTS_COMPETENCE');
    expect((problem.errors as Record<string, string[]>).approverDesignation).toEqual(
      expect.arrayContaining([expect.stringContaining('khoản 2 Điều 18, điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP')]),
    );
    expect(await countRows(t.db, 'routing_rules')).toBe(rules);
  });

  it('is read-only for appraisers and closed to officers', async () => {
    expectProblem(await t.http().post('/api/v1/routing-rules').set(as(appraiser)).send({}), 403, 'FORBIDDEN');
    expectProblem(await t.http().get('/api/v1/routing-rules').set(as(officer)), 403, 'FORBIDDEN');
  });
});
