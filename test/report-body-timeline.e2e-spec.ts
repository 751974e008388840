import { Client } from 'pg';
import { seedDemoActivity } from '../seeds/demo-activity';
import { agencyProgress, ProgressScope } from '../src/reports/agency-progress.query';
import { byName } from '../src/reports/body-timeline';
import { ReportProgressCache } from '../src/reports/report-progress-cache';
import { progressFromDossiers } from './support/progress-from-dossiers';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The approval-rate report reads each body's figures for the day from `report_body_timeline` (one row from each day
 * they change, kept by triggers: migration ReportBodyTimeline1764210000000). Held, after every kind of change, to two
 * things: the table equals the timeline computed afresh (`report_body_timeline_of`) for every body; and the report on
 * every day tested equals the query that reads the dossiers themselves (`progressFromDossiers`), for every body of the
 * country, both as its query gives it (`agencyProgress`) and as the server answers it from the timelines it keeps
 * (ReportProgressCache). The days tested: every 9th day from July 2025 to 40 days after today, and every day on which a figure can
 * change (a period's first and day after last, a merged body's day after last, a retirement, a recorded decision, the
 * day of each submission and approval) with the day before it.
 */
describe('report body timeline', () => {
  let t: TestApp;
  let today: string;
  const extraDays = new Set<string>();

  /** Rows of the table that a fresh computation does not give, and the other way round. */
  const drift = async () => {
    const [{ stale, missing }] = await t.db.query(`
      SELECT (SELECT count(*) FROM (SELECT * FROM report_body_timeline EXCEPT SELECT * FROM report_body_timeline_of(ARRAY(SELECT id FROM agencies))) x)::int AS stale,
             (SELECT count(*) FROM (SELECT * FROM report_body_timeline_of(ARRAY(SELECT id FROM agencies)) EXCEPT SELECT * FROM report_body_timeline) x)::int AS missing`);
    return { stale, missing };
  };
  const daysToTest = async (): Promise<string[]> => {
    const rows: { day: string }[] = await t.db.query(`
      WITH changes AS (
        SELECT valid_from AS day FROM system_custody UNION SELECT valid_to + 1 FROM system_custody
        UNION SELECT retired_at FROM systems UNION SELECT approval_decision_date FROM systems
        UNION SELECT valid_to + 1 FROM agencies UNION SELECT valid_from FROM agencies
        UNION SELECT (first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossiers
        UNION SELECT (approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM dossiers
        UNION SELECT from_day FROM report_body_timeline)
      SELECT DISTINCT to_char(d, 'YYYY-MM-DD') AS day
        FROM changes, LATERAL (VALUES (day), (day - 1)) AS v(d)
       WHERE d > '2020-01-01' AND d < '2100-01-01' ORDER BY 1`);
    const days = new Set([...rows.map((row) => row.day), ...extraDays]);
    for (let day = '2025-07-01'; day <= shift(today, 40); day = shift(day, 9)) days.add(day);
    return [...days].sort();
  };
  /** The table is what a fresh computation gives, and the report equals the oracle for every body on every day tested. */
  const expectExact = async () => {
    expect(await drift()).toEqual({ stale: 0, missing: 0 });
    const days = await daysToTest();
    for (const asOf of days) {
      const scope: ProgressScope = { provinceCode: null, asOf };
      const rows = await agencyProgress(t.db.manager, scope);
      expect({ asOf, rows }).toEqual({ asOf, rows: await progressFromDossiers(t.db.manager, scope) });
      // The report itself: the same rows from the timelines it keeps (read again after each change), in its order.
      expect({ asOf, kept: await t.app.get(ReportProgressCache).progress(scope) }).toEqual({ asOf, kept: [...rows].sort(byName) });
    }
    // A province and a subtree go through the same query with another scope: a few days suffice.
    const [{ root }] = await t.db.query(`SELECT id AS root FROM agencies WHERE code = 'SL-UBND'`);
    for (const scope of [{ provinceCode: 'SL' }, { provinceCode: 'SL', rootAgencyId: root as string }]) {
      for (const asOf of [days[0], '2026-01-06', today, days[days.length - 1]]) {
        const asked: ProgressScope = { ...scope, asOf };
        const rows = await agencyProgress(t.db.manager, asked);
        expect({ asked, rows }).toEqual({ asked, rows: await progressFromDossiers(t.db.manager, asked) });
        expect({ asked, kept: await t.app.get(ReportProgressCache).progress(asked) }).toEqual({ asked, kept: [...rows].sort(byName) });
      }
    }
    return days.length;
  };
  const one = async (sql: string, params: unknown[] = []) => {
    const result = await t.db.query(sql, params);
    return (Array.isArray(result[0]) ? result[0][0] : result[0]) as Record<string, string>;
  };
  /** A body of Sơn La with approved dossiers, and one of its systems with one (the nth such pair by approval). */
  const approvedSystem = (offset: number) =>
    one(
      `SELECT c.system_id, c.owner_agency_id AS owner FROM system_custody c JOIN dossiers d ON d.system_id = c.system_id
        WHERE d.approved_at IS NOT NULL AND c.valid_to IS NULL ORDER BY d.approved_at, d.id LIMIT 1 OFFSET $1`,
      [offset],
    );
  /** Milliseconds of `sql` (median of `times` runs), each in a transaction rolled back so that every run does the same work. */
  const timed = async (sql: string, params: unknown[], times = 15) => {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const runs: number[] = [];
      for (let i = 0; i < times; i++) {
        await client.query('BEGIN');
        const started = process.hrtime.bigint();
        await client.query(sql, params);
        runs.push(Number(process.hrtime.bigint() - started) / 1e6);
        await client.query('ROLLBACK');
      }
      return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [{ today }] = await t.db.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
  }, 120_000);
  afterAll(() => t.close());

  it('holds the demo data: a row from each day a body’s figures change, and the report on every day equals the oracle', async () => {
    const [{ bodies, rows }] = await t.db.query(
      `SELECT count(DISTINCT body_id)::int AS bodies, count(*)::int AS rows FROM report_body_timeline`,
    );
    expect(bodies).toBeGreaterThan(20);
    expect(rows).toBeGreaterThan(bodies);
    // No row repeats the one before it, and none says what a body without a row says.
    const [{ repeated }] = await t.db.query(`
      SELECT count(*)::int AS repeated FROM (
        SELECT (t.first_submitted_on, t.first_approved_on, t.systems, t.operating, t.approved, t.level1, t.level2, t.level3, t.level4, t.level5) AS figures,
               lag((t.first_submitted_on, t.first_approved_on, t.systems, t.operating, t.approved, t.level1, t.level2, t.level3, t.level4, t.level5),
                   1, (NULL::date, NULL::date, 0, 0, 0, 0, 0, 0, 0, 0)) OVER (PARTITION BY body_id ORDER BY from_day) AS before
          FROM report_body_timeline t) x
       WHERE figures IS NOT DISTINCT FROM before`);
    expect(repeated).toBe(0);
    expect(await expectExact()).toBeGreaterThan(100);
  }, 300_000);

  it('stays exact after custody moves: a transfer in the past, its undoing and a transfer dated tomorrow', async () => {
    const { system_id: systemId, owner } = await approvedSystem(0);
    const { id: other } = await one(
      `SELECT id FROM agencies WHERE province_code = 'SL' AND id <> $1 AND valid_to IS NULL ORDER BY code LIMIT 1`,
      [owner],
    );
    await t.db.query(`UPDATE system_custody SET valid_to = '2025-12-31' WHERE system_id = $1 AND valid_to IS NULL`, [systemId]);
    await t.db.query(
      `INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from) VALUES ($1, $2, $2, '2026-01-01')`,
      [systemId, other],
    );
    await expectExact();
    await t.db.query(`DELETE FROM system_custody WHERE system_id = $1 AND valid_from = '2026-01-01'`, [systemId]);
    await t.db.query(`UPDATE system_custody SET valid_to = NULL WHERE system_id = $1 AND valid_to = '2025-12-31'`, [systemId]);
    await expectExact();
    await t.db.query(`UPDATE system_custody SET valid_to = current_date WHERE system_id = $1 AND valid_to IS NULL`, [systemId]);
    await t.db.query(
      `INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from) VALUES ($1, $2, $2, current_date + 1)`,
      [systemId, other],
    );
    // Tomorrow the system counts for the other body, with no write then.
    const [before] = (await agencyProgress(t.db.manager, { provinceCode: 'SL', asOf: today })).filter((r) => r.id === other);
    const [after] = (await agencyProgress(t.db.manager, { provinceCode: 'SL', asOf: shift(today, 1) })).filter((r) => r.id === other);
    expect(after.systems).toBe(before.systems + 1);
    await expectExact();
  }, 300_000);

  it('stays exact after an approval and a recorded decision dated in the future, a retirement, and a system approved again later', async () => {
    // An approval whose decision is dated ten days ahead takes effect at the start of that day (workflow/decision-date.ts).
    await t.db.query(
      `UPDATE dossiers SET approved_at = (current_date + 10)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', proposed_level = 2
        WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NULL AND first_submitted_at IS NOT NULL ORDER BY first_submitted_at DESC, id LIMIT 1)`,
    );
    await t.db.query(
      `UPDATE systems SET approved_level = 3, approval_decision_number = '7/QĐ-UBND', approval_decision_date = current_date + 5
        WHERE id = (SELECT id FROM systems WHERE approved_level IS NULL AND retired_at IS NULL ORDER BY code LIMIT 1)`,
    );
    extraDays.add(shift(today, 5)).add(shift(today, 10));
    await expectExact();
    const { system_id: retired } = await approvedSystem(2);
    await t.db.query(`UPDATE systems SET retired_at = current_date - 20, lifecycle = 'RETIRED' WHERE id = $1`, [retired]);
    await expectExact();
    // Approved at one level, then again at another 60 days later: between them, the first level.
    const first = await one(
      `SELECT id, system_id, approved_at, proposed_level FROM dossiers WHERE approved_at IS NOT NULL AND approved_at < now() - interval '90 days'
        ORDER BY approved_at, id LIMIT 1 OFFSET 4`,
    );
    await t.db.query(
      `UPDATE dossiers SET system_id = $1, first_submitted_at = $2::timestamptz + interval '40 days', approved_at = $2::timestamptz + interval '60 days',
              proposed_level = CASE WHEN $3::int = 3 THEN 2 ELSE 3 END
        WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NULL AND system_id <> $1 ORDER BY created_at DESC, id LIMIT 1)`,
      [first.system_id, first.approved_at, first.proposed_level],
    );
    await expectExact();
  }, 600_000);

  it('stays exact after an approval dated before its own submission (a legacy row the constraint no longer accepts)', async () => {
    const [{ present }] = await t.adminQuery<{ present: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'dossiers_approved_after_submission') AS present`,
    );
    await t.adminQuery(`ALTER TABLE dossiers DROP CONSTRAINT IF EXISTS dossiers_approved_after_submission`);
    try {
      const { system_id: systemId } = await approvedSystem(6);
      // Submitted 01/12/2025, "approved" 10/09/2025: it counts from 01/12 (when both are by the day), not from 10/09.
      await t.db.query(
        `UPDATE dossiers SET system_id = $1, first_submitted_at = '2025-12-01 09:00+07', approved_at = '2025-09-10 15:00+07', proposed_level = 4
          WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NULL AND system_id <> $1 ORDER BY created_at, id LIMIT 1)`,
        [systemId],
      );
      await expectExact();
    } finally {
      if (present)
        await t.adminQuery(
          `ALTER TABLE dossiers ADD CONSTRAINT dossiers_approved_after_submission
             CHECK (approved_at IS NULL OR first_submitted_at IS NULL OR approved_at >= first_submitted_at) NOT VALID`,
        );
    }
  }, 300_000);

  it('stays exact through mergers, on the merger day and the day after, two links deep', async () => {
    const admin = await t.login('admin');
    const as = { authorization: `Bearer ${admin}` };
    // Two communes with approved systems merge into a new one 90 days ago; that one and a third merge into a ward 30 days ago.
    const communes: { id: string }[] = await t.db.query(
      `SELECT a.id FROM agencies a WHERE a.province_code = 'SL' AND a.kind = 'commune' AND a.valid_to IS NULL
          AND EXISTS (SELECT 1 FROM system_custody c JOIN dossiers d ON d.system_id = c.system_id WHERE c.owner_agency_id = a.id AND d.approved_at IS NOT NULL)
        ORDER BY a.code LIMIT 3`,
    );
    expect(communes).toHaveLength(3);
    const { id: parentId } = await one(`SELECT id FROM agencies WHERE code = 'SL-UBND'`);
    const first = shift(today, -90);
    const merged = await t
      .http()
      .post('/api/v1/agency-reorganisations/merge')
      .set(as)
      .send({
        sourceAgencyIds: [communes[0].id, communes[1].id],
        newAgency: { code: 'SL-X-GHEP', name: 'UBND xã Ghép Thử', kind: 'commune', parentId },
        effectiveDate: first,
        decisionNumber: '1/NQ-THU',
      })
      .expect(201);
    const { id: ward } = await one(
      `SELECT id FROM agencies WHERE province_code = 'SL' AND kind IN ('ward', 'commune') AND valid_to IS NULL AND id <> ALL($1) AND code <> 'SL-X-GHEP' ORDER BY code LIMIT 1`,
      [communes.map((c) => c.id)],
    );
    const second = shift(today, -30);
    await t
      .http()
      .post('/api/v1/agency-reorganisations/merge')
      .set(as)
      .send({
        sourceAgencyIds: [merged.body.successorAgencyId, communes[2].id],
        successorAgencyId: ward,
        effectiveDate: second,
        decisionNumber: '2/NQ-THU',
      })
      .expect(201);
    for (const day of [first, second]) extraDays.add(shift(day, -1)).add(day).add(shift(day, 1));
    await expectExact();
  }, 300_000);

  it('takes turns when two transactions change different systems of one body at once', async () => {
    const { owner: body } = await one(
      `SELECT c.owner_agency_id AS owner FROM system_custody c JOIN dossiers d ON d.system_id = c.system_id
        WHERE c.valid_to IS NULL AND d.approved_at IS NOT NULL GROUP BY c.owner_agency_id HAVING count(DISTINCT c.system_id) >= 2
        ORDER BY c.owner_agency_id LIMIT 1`,
    );
    const [x, y]: { id: string; system_id: string }[] = await t.db.query(
      `SELECT DISTINCT ON (d.system_id) d.id, d.system_id FROM dossiers d JOIN system_custody c ON c.system_id = d.system_id AND c.valid_to IS NULL
        WHERE c.owner_agency_id = $1 AND d.approved_at IS NOT NULL ORDER BY d.system_id, d.approved_at LIMIT 2`,
      [body],
    );
    const [a, b] = [new Client({ connectionString: t.databaseUrl }), new Client({ connectionString: t.databaseUrl })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      // Both move an approval (and so the body's first approval or its levels) into the past.
      await a.query(
        `UPDATE dossiers SET approved_at = approved_at - interval '200 days', first_submitted_at = first_submitted_at - interval '200 days' WHERE id = $1`,
        [x.id],
      );
      const second = b.query(
        `UPDATE dossiers SET approved_at = approved_at - interval '300 days', first_submitted_at = first_submitted_at - interval '300 days' WHERE id = $1`,
        [y.id],
      );
      // The second waits at the body's lock (its own system is another one) until the first commits.
      let waited = false;
      for (let i = 0; i < 50 && !waited; i++) {
        const [{ n }] = await t.adminQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        waited = n > 0;
        if (!waited) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(waited).toBe(true);
      await a.query('COMMIT');
      await second;
      await b.query('COMMIT');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await drift()).toEqual({ stale: 0, missing: 0 });
  }, 120_000);

  it('costs a few milliseconds per write (printed), for a small body and the largest', async () => {
    const bodies: { id: string; systems: number; rows: number }[] = await t.db.query(
      `SELECT f.owner_agency_id AS id, count(*)::int AS systems, (SELECT count(*)::int FROM report_body_timeline t WHERE t.body_id = f.owner_agency_id) AS rows
         FROM report_period_facts f GROUP BY f.owner_agency_id ORDER BY count(*), f.owner_agency_id`,
    );
    const figures: string[] = [];
    for (const body of [bodies[0], bodies[bodies.length - 1]]) {
      const refresh = await timed(`SELECT refresh_report_body_timeline(ARRAY[$1]::uuid[])`, [body.id]);
      const compute = await timed(`SELECT count(*) FROM report_body_timeline_of(ARRAY[$1]::uuid[])`, [body.id]);
      // A write the report reads (a dossier's approval moved by a millisecond): with and without the timeline's triggers.
      const { id: dossier } = await one(
        `SELECT d.id FROM dossiers d JOIN report_period_facts f ON f.system_id = d.system_id WHERE f.owner_agency_id = $1 AND d.approved_at IS NOT NULL LIMIT 1`,
        [body.id],
      );
      const write = `UPDATE dossiers SET approved_at = approved_at - interval '1 millisecond' WHERE id = $1`;
      const withTimeline = await timed(write, [dossier]);
      await t.adminQuery(`ALTER TABLE report_period_facts DISABLE TRIGGER USER`);
      const without = await timed(write, [dossier]).finally(() => t.adminQuery(`ALTER TABLE report_period_facts ENABLE TRIGGER USER`));
      figures.push(
        `${body.systems} periods, ${body.rows} timeline rows: refresh ${refresh.toFixed(2)} ms (computing ${compute.toFixed(2)} ms); ` +
          `a dossier write ${withTimeline.toFixed(2)} ms with the timeline, ${without.toFixed(2)} ms without (+${(withTimeline - without).toFixed(2)} ms)`,
      );
      expect(refresh).toBeLessThan(50);
    }
    console.log(`report_body_timeline, trigger time per write (demo data):\n  ${figures.join('\n  ')}`);
  }, 120_000);

  it('rebuilds after TRUNCATE: of the facts (a body with no facts has no figures), and of the dossiers (the facts are recomputed, then the timeline)', async () => {
    await t.adminQuery(`TRUNCATE report_period_facts`);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM report_body_timeline`)).toEqual([{ n: 0 }]);
    await t.db.query(`INSERT INTO report_period_facts SELECT * FROM report_period_facts_of(ARRAY(SELECT id FROM systems))`);
    await expectExact();
    await t.adminQuery(`TRUNCATE dossiers CASCADE`);
    const [{ submitted }] = await t.db.query(
      `SELECT count(*)::int AS submitted FROM report_body_timeline WHERE first_submitted_on IS NOT NULL`,
    );
    expect(submitted).toBe(0);
    await expectExact();
  }, 600_000);
});
