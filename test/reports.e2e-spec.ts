import { DEMO_PRIOR_DECISIONS, DISPATCH_APPROVED, DISPATCH_SUBMITTED, seedDemoActivity } from '../seeds/demo-activity';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

describe('reports on the Sơn La demo data', () => {
  let t: TestApp;
  let leader: string;
  let officer: string;
  let admin: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const report = (token: string, query: object) => t.http().get('/api/v1/reports/approval-rate').query(query).set(as(token));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [leader, officer, admin] = await Promise.all(['lanhdao', 'canbo.sl-so-xd', 'admin'].map((u) => t.login(u)));
  }, 120_000);
  afterAll(() => t.close());

  it('reproduces dispatch 256/UBND-NC: as of 06/01/2026, 19 bodies submitted and 10 approved, exactly those named', async () => {
    const res = await report(leader, { asOf: '2026-01-06' }).expect(200);
    expect(res.body.agencies).toMatchObject({ total: 95, submitted: 19, approved: 10, approvalRate: 52.6, notSubmitted: 76 });
    const codes = (pred: (r: { submitted: boolean; approved: boolean }) => boolean) =>
      res.body.agencyRows
        .filter(pred)
        .map((r: { code: string }) => r.code)
        .sort();
    expect(codes((r) => r.submitted)).toEqual([...DISPATCH_SUBMITTED].sort());
    expect(codes((r) => r.approved)).toEqual([...DISPATCH_APPROVED].sort());
    expect(res.body.notSubmitted).toHaveLength(76);
    expect(res.body.byTier.map((t: { total: number }) => t.total).reduce((a: number, b: number) => a + b, 0)).toBe(95);
    const communes = res.body.byTier.find((t: { tier: string }) => t.tier === 'COMMUNE');
    expect(communes).toMatchObject({ label: 'UBND xã, phường', total: 75, submitted: 6, approved: 2 });
    expect(res.body.systems.operating).toBeGreaterThan(200);
    expect(res.body.systems.byLevel['2'] + res.body.systems.byLevel['3']).toBe(res.body.systems.withApprovedLevel);
  });

  it('gives zero before the first submission; only the confirmed decisions made before capdo carry a level', async () => {
    const res = await report(leader, { asOf: '2025-07-31' }).expect(200);
    expect(res.body.agencies).toMatchObject({ total: 95, submitted: 0, approved: 0, approvalRate: null });
    expect(res.body.systems).toMatchObject({
      withApprovedLevel: DEMO_PRIOR_DECISIONS.length,
      claimedNotConfirmed: 0,
      byLevel: { '2': DEMO_PRIOR_DECISIONS.length },
    });
    const claimed = await t.db.query(
      `SELECT c.status, c.evidence_sha256 IS NOT NULL AS evidence, c.reviewed_by_username FROM prior_approval_claims c`,
    );
    expect(claimed).toEqual(DEMO_PRIOR_DECISIONS.map(() => ({ status: 'CONFIRMED', evidence: true, reviewed_by_username: 'thamdinh' })));
  });

  it('gives the later figures today', async () => {
    const res = await report(leader, {}).expect(200);
    expect(res.body.agencies.submitted).toBeGreaterThan(19);
    expect(res.body.agencies.approved).toBeGreaterThan(10);
    expect(res.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows an officer its own agency only', async () => {
    const res = await report(officer, { asOf: '2026-01-06' }).expect(200);
    expect(res.body.agencyRows.map((r: { code: string }) => r.code)).toEqual(['SL-SO-XD']);
    expect(res.body.agencies).toMatchObject({ total: 1, submitted: 1, approved: 1 });
  });

  it('lets an administrator choose the scope; others may not', async () => {
    const res = await report(admin, { province: 'SL', asOf: '2026-01-06' }).expect(200);
    expect(res.body.agencies.submitted).toBe(19);
    // Issue 21 point 6: neither a province nor a body is the whole country, not a dead end.
    expect((await report(admin, {}).expect(200)).body.scope).toEqual({ provinceCode: null, rootAgency: null, title: 'Toàn quốc' });
    expectProblem(await report(leader, { province: 'HN' }), 403, 'FORBIDDEN');
    expectProblem(await report(leader, { asOf: '2026-02-30' }), 422, 'VALIDATION_FAILED');
    expectProblem(await t.http().get('/api/v1/reports/approval-rate'), 401, 'UNAUTHENTICATED');
  });

  it('gives an administrator the whole country with scope=national; only an administrator, and alone', async () => {
    await t
      .http()
      .post('/api/v1/agencies')
      .set(as(admin))
      .send({ code: 'HN-UBND', name: 'UBND thành phố Hà Nội', kind: 'province_committee', provinceCode: 'HN', validFrom: '2025-07-01' })
      .expect(201);
    const sonLa = await report(admin, { province: 'SL', asOf: '2026-01-06' }).expect(200);
    const all = await report(admin, { scope: 'national', asOf: '2026-01-06' }).expect(200);
    expect(all.body.scope).toEqual({ provinceCode: null, rootAgency: null, title: 'Toàn quốc' });
    expect(all.body.agencies).toMatchObject({
      total: sonLa.body.agencies.total + 1,
      submitted: 19,
      approved: 10,
      notSubmitted: sonLa.body.agencies.notSubmitted + 1,
    });
    expect(all.body.notSubmitted.map((r: { code: string }) => r.code)).toContain('HN-UBND');
    expect(all.body.systems).toEqual(sonLa.body.systems);
    expectProblem(await report(leader, { scope: 'national' }), 403, 'FORBIDDEN');
    expectProblem(await report(admin, { scope: 'national', province: 'SL' }), 422, 'VALIDATION_FAILED');
    expectProblem(await report(admin, { scope: 'country' }), 422, 'VALIDATION_FAILED');
  });

  describe('campaign 256/UBND-NC', () => {
    let id: string;
    beforeAll(async () => {
      const list = await t.http().get('/api/v1/campaigns').set(as(leader)).expect(200);
      id = list.body.find((c: { number: string }) => c.number === '256/UBND-NC').id;
    });

    it('reports progress on 16/02/2026, the day after the deadline', async () => {
      const res = await t.http().get(`/api/v1/campaigns/${id}/progress`).query({ asOf: '2026-02-16' }).set(as(leader)).expect(200);
      expect(res.body.campaign).toMatchObject({ number: '256/UBND-NC', deadline: '2026-02-15', addressed: 95 });
      expect(res.body.deadlinePassed).toBe(true);
      const { addressed, onTime, late, notYet } = res.body.counts;
      expect(addressed).toBe(95);
      expect(onTime + late + notYet).toBe(95);
      expect(onTime).toBeGreaterThan(19);
      expect(res.body.notYetSubmitted).toHaveLength(notYet);
      expect(
        res.body.bodies
          .filter((b: { submission: string }) => b.submission === 'ON_TIME')
          .every((b: { submittedOn: string }) => b.submittedOn <= '2026-02-15'),
      ).toBe(true);
      const later = await t.http().get(`/api/v1/campaigns/${id}/progress`).query({ asOf: '2026-09-30' }).set(as(leader)).expect(200);
      expect(later.body.counts.late).toBeGreaterThan(0);
      expect(later.body.counts.onTime).toBe(onTime);
    });

    it('lets admins create campaigns and refuses bad ones', async () => {
      const created = await t
        .http()
        .post('/api/v1/campaigns')
        .set(as(admin))
        .send({
          province: 'SL',
          number: '99/UBND-KT',
          issuedOn: '2026-03-01',
          issuer: 'UBND tỉnh Sơn La',
          title: 'Xã, phường hoàn thành phê duyệt',
          deadline: '2026-06-30',
          target: 'APPROVED',
          tiers: ['COMMUNE'],
        })
        .expect(201);
      expect(created.body.addressed).toBe(75);
      expectProblem(
        await t.http().post('/api/v1/campaigns').set(as(admin)).send({
          province: 'SL',
          number: '99/UBND-KT',
          issuedOn: '2026-03-01',
          issuer: 'x',
          title: 'x',
          deadline: '2026-06-30',
          target: 'APPROVED',
        }),
        409,
        'DUPLICATE',
      );
      expectProblem(
        await t.http().post('/api/v1/campaigns').set(as(admin)).send({
          province: 'SL',
          number: '1/X',
          issuedOn: '2026-03-01',
          issuer: 'x',
          title: 'x',
          deadline: '2026-02-01',
          target: 'APPROVED',
        }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(await t.http().post('/api/v1/campaigns').set(as(leader)).send({}), 403, 'FORBIDDEN');
      expectProblem(
        await t.http().get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/progress').set(as(leader)),
        404,
        'NOT_FOUND',
      );
    });
  });
});
