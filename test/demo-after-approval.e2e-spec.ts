import { DISPATCH_CUTOFF, seedDemoActivity } from '../seeds/demo-activity';
import { seedAfterApproval } from '../seeds/demo-after-approval';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The Sơn La demo after approval (issue 20): the plans made by the real approvals, moved along by the real services
 * with a fixed clock; inspections done and some late; one open serious incident; the figures of 06/01/2026 untouched.
 */
describe('demo: the Sơn La picture after approval', () => {
  let t: TestApp;
  let demo: Awaited<ReturnType<typeof seedAfterApproval>>;
  const count = async (sql: string): Promise<number> => (await t.db.query(sql))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    const approved = await count(`SELECT count(DISTINCT system_id)::int AS n FROM dossiers WHERE status = 'APPROVED'`);
    expect(await count(`SELECT count(DISTINCT system_id)::int AS n FROM plan_items WHERE superseded_at IS NULL`)).toBe(approved);
    demo = await seedAfterApproval(t.app);
  }, 300_000);
  afterAll(() => t.close());

  it('every approved dossier made its plan; some plans are fully deployed, some partly, some items late', async () => {
    expect(demo.plans.full).toBeGreaterThan(0);
    expect(demo.plans.partial).toBeGreaterThan(0);
    const rows: { deployment_status: string; n: number }[] = await t.db.query(
      `SELECT s.deployment_status, count(*)::int AS n FROM systems s
        WHERE EXISTS (SELECT 1 FROM plan_items p WHERE p.system_id = s.id AND p.superseded_at IS NULL) GROUP BY 1`,
    );
    const counts = Object.fromEntries(rows.map((r) => [r.deployment_status, r.n]));
    expect(counts.FULL).toBeGreaterThanOrEqual(demo.plans.full);
    expect(counts.PARTIAL).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM plan_items WHERE superseded_at IS NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS') AND planned_date < '2026-12-01'`,
      ),
    ).toBeGreaterThan(0);
    // Each change went through the service: its history row and its audit row.
    const updates = await count(`SELECT count(*)::int AS n FROM plan_item_events WHERE action = 'UPDATED'`);
    expect(updates).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'PLAN_ITEM_UPDATE'`)).toBe(updates);
  });

  it('some approved systems were inspected, some are late (the decisions of 2023 were due before 06/01/2026)', async () => {
    expect(demo.inspections.done).toBeGreaterThan(0);
    expect(demo.inspections.late).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM inspections WHERE NOT legacy`)).toBe(demo.inspections.done);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'INSPECTION_RECORDED'`)).toBe(demo.inspections.done);
    expect(await count(`SELECT count(*)::int AS n FROM inspection_findings WHERE status = 'OPEN' AND due_on < '2026-11-20'`)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM systems s WHERE s.province_code = 'SL' AND s.approval_decision_date < '2024-01-06'
            AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.system_id = s.id)`,
      ),
    ).toBeGreaterThan(0);
  });

  it('one open serious incident, its notice sent and its report owed', async () => {
    expect(demo.openIncident).not.toBeNull();
    const open = await t.db.query(`SELECT id, severity, initial_notice_sent_at, report_sent_at FROM incidents WHERE status = 'OPEN'`);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: demo.openIncident, severity: 'SERIOUS', report_sent_at: null });
    expect(open[0].initial_notice_sent_at).not.toBeNull();
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
