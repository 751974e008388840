import { DISPATCH_CUTOFF, seedDemoActivity } from '../seeds/demo-activity';
import { seedAfterApproval } from '../seeds/demo-after-approval';
import { DEMO_STATES, seedDemoStates } from '../seeds/demo-states';
import { DOSSIER_STATUSES } from '../src/dossiers/dossier-status';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue 23, point 7: the Sơn La demo as `npm start` loads it (demo-data.ts: activity, after approval, then the
 * states) has a dossier in every state a newcomer can act on, each on the body README names, with the login that
 * acts next offered its action; its notifications carry the time of the event; the figures of 06/01/2026 stay.
 */
describe('demo: a dossier in every state a newcomer can act on', () => {
  let t: TestApp;
  let made: Awaited<ReturnType<typeof seedDemoStates>>;
  const rows = (sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    await seedAfterApproval(t.app);
    made = await seedDemoStates(t.app);
  }, 400_000);
  afterAll(() => t.close());

  it('has one dossier of each listed body in its state, on a system no other demo dossier is about', async () => {
    expect(made.map((m) => m.agency)).toEqual(DEMO_STATES.map((s) => s.agency));
    for (const plan of DEMO_STATES) {
      const { dossierId } = made.find((m) => m.agency === plan.agency)!;
      const found = await rows(
        `SELECT d.status, a.code, (SELECT count(*)::int FROM dossiers o WHERE o.system_id = d.system_id) AS on_system
           FROM dossiers d JOIN agencies a ON a.id = d.owner_agency_id WHERE d.id = $1`,
        [dossierId],
      );
      expect(found).toEqual([{ status: plan.status, code: plan.agency, on_system: 1 }]);
    }
  });

  it('has every state of the procedure by level but withdrawal, listing and supersession somewhere in the demo', async () => {
    const present = (await rows(`SELECT DISTINCT status FROM dossiers`)).map((r) => r.status);
    const expected = DOSSIER_STATUSES.filter((s) => !['WITHDRAWN', 'AWAITING_LISTING', 'SUPERSEDED'].includes(s));
    expect(expected.filter((s) => !present.includes(s))).toEqual([]);
  });

  it('offers the login that acts next its action', async () => {
    const expected: Record<string, string> = {
      DRAFT: 'submit',
      SUBMITTED: 'start-appraisal',
      RETURNED: 'submit',
      UNDER_APPRAISAL: 'appraise',
      APPRAISED: 'approve',
    };
    for (const plan of DEMO_STATES) {
      const { dossierId } = made.find((m) => m.agency === plan.agency)!;
      const token = await t.login(plan.next);
      const { body } = await t
        .http()
        .get(`/api/v1/dossiers/${dossierId}`)
        .set({ authorization: `Bearer ${token}` })
        .expect(200);
      expect(body.status).toBe(plan.status);
      if (expected[plan.status])
        expect({ status: plan.status, offered: body.availableActions }).toEqual({
          status: plan.status,
          offered: expect.arrayContaining([expected[plan.status]]),
        });
    }
  });

  it('dates each notification at its event, not at the seeding', async () => {
    const submitted = DEMO_STATES.find((s) => s.status === 'SUBMITTED')!;
    const { dossierId } = made.find((m) => m.agency === submitted.agency)!;
    const [routed] = await rows(
      `SELECT n.occurred_at, n.created_at FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.dossier_id = $1 AND u.username = 'thamdinh' ORDER BY n.occurred_at LIMIT 1`,
      [dossierId],
    );
    expect((routed.occurred_at as Date).toISOString()).toBe(`${submitted.submitOn}T02:30:00.000Z`);
    expect((routed.created_at as Date).getTime()).toBeGreaterThan(Date.now() - 3600_000);
    const [{ n }] = await rows(`SELECT count(*)::int AS n FROM notifications WHERE occurred_at < '2026-01-01'`);
    expect(n).toBeGreaterThan(0);
  });

  it('leaves the figures of 06/01/2026 as the dispatch counted them: 95 bodies, 19 submitted, 10 approved', async () => {
    const leader = await t.login('lanhdao');
    const { body } = await t
      .http()
      .get('/api/v1/reports/approval-rate')
      .query({ asOf: DISPATCH_CUTOFF })
      .set({ authorization: `Bearer ${leader}` })
      .expect(200);
    expect(body.agencies).toMatchObject({ total: 95, submitted: 19, approved: 10 });
  });
});
