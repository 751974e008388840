import { MigrationInterface, QueryRunner } from 'typeorm';

/** SQL: the day (in Vietnam, UTC+7) of an instant; "before the end of day D" is "its day is on or before D". */
const dayOf = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** SQL: a period's dossiers, as report_period_facts_of counts them (first submitted while the period ran). */
const IN_PERIOD = `d.first_submitted_at >= (p.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
       AND (p.valid_to IS NULL OR d.first_submitted_at < ((p.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))`;
const FACT_COLUMNS = `system_id, owner_agency_id, valid_from, valid_to, first_submitted_at, first_approved_at, first_approved_submitted_at,
  last_approved_at, last_approved_submitted_at, last_approved_level, lifecycle, retired_at, approval_decision_date, approved_level`;
/** Beyond this many bodies a refresh locks the whole table once instead of one advisory lock per body (the lock table is shared and finite). */
const BODY_LOCKS_AT_MOST = 100;

/**
 * The approval-rate report's figures of each body for every day (issue 25, point 1), kept by triggers, so that the
 * report for any day reads one row per body (one index probe) instead of every custody period of the scope.
 *
 * A row holds what `agencyProgress` returns for the body on every day from `from_day` until the next row's: the day
 * of its first submission and of its first approval by then, its systems, operating systems and systems by approved
 * level. Before its first row a body has submitted nothing and holds no system. Rows equal to the one before are not
 * written. The figures are those of the report's rules (agency-progress.query.ts, before this migration): the body's own
 * custody periods and those of the bodies merged into it (`successor_id`, counted from the day after the merged body
 * ended, at most 10 links), read from `report_period_facts`, and from the dossiers only where the facts cannot settle
 * a day (a system approved more than once, an approval dated before its own submission).
 *
 * They change only on days something starts or ends: a period's first and day after last day, a merged body's day
 * after its last, a retirement, a recorded decision's date, and the day (in Vietnam) of each submission and approval,
 * where an approval counts from the later of its own day and its dossier's submission day. Each of those is an event
 * here, and the figures between two events are those of the earlier: so a period or a decision dated ahead takes
 * effect on its day without any write then.
 *
 * `refresh_report_body_timeline(body_ids)` computes a body's rows whole and replaces them, in the statement that
 * changed a fact (so backdated writes stay right). Triggers call it for the owners of the changed
 * `report_period_facts` rows and the bodies those are carried into, and for the successors of a body whose merger
 * link or end changes. `refresh_report_period_facts` is replaced so that it writes only the rows that changed,
 * by update where it can: a write that moves no fact refreshes no body, and one that does refreshes its body once.
 */
export class ReportBodyTimeline1764210000000 implements MigrationInterface {
  name = 'ReportBodyTimeline1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_body_timeline (
        body_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        from_day date NOT NULL,
        first_submitted_on date,
        first_approved_on date,
        systems int NOT NULL,
        operating int NOT NULL,
        approved int NOT NULL,
        level1 int NOT NULL,
        level2 int NOT NULL,
        level3 int NOT NULL,
        level4 int NOT NULL,
        level5 int NOT NULL,
        PRIMARY KEY (body_id, from_day)
      )`);
    await q.query(`
      CREATE FUNCTION report_body_timeline_of(body_ids uuid[]) RETURNS SETOF report_body_timeline LANGUAGE sql STABLE AS $$
        WITH RECURSIVE origins AS (
          -- The body, and each body merged into it, counted from the day after the last link of the chain ended.
          SELECT a.id AS body, a.id AS origin, '-infinity'::date AS counted_from, 0 AS hops FROM agencies a WHERE a.id = ANY(body_ids)
          UNION ALL
          SELECT o.body, a.id, greatest(o.counted_from, a.valid_to + 1), o.hops + 1
            FROM origins o JOIN agencies a ON a.successor_id = o.origin
           WHERE a.valid_to IS NOT NULL AND o.hops < 10),
        periods AS (
          SELECT o.body, o.counted_from, f.* FROM origins o JOIN report_period_facts f ON f.owner_agency_id = o.origin),
        -- Every submission or approval that can be the body's first, from the day it counts.
        firsts AS (
          SELECT body, greatest(counted_from, ${dayOf('first_submitted_at')}) AS day, ${dayOf('first_submitted_at')} AS submitted, NULL::date AS approved
            FROM periods WHERE first_submitted_at IS NOT NULL
          UNION ALL
          -- A period's earliest approval, when its dossier was submitted by that day (as the workflow writes them)…
          SELECT body, greatest(counted_from, ${dayOf('first_approved_at')}), NULL, ${dayOf('first_approved_at')}
            FROM periods WHERE first_approved_at IS NOT NULL AND ${dayOf('first_approved_submitted_at')} <= ${dayOf('first_approved_at')}
          UNION ALL
          -- …else each approval of the period, from the later of its day and its submission's.
          SELECT p.body, greatest(p.counted_from, ${dayOf('d.approved_at')}, ${dayOf('d.first_submitted_at')}), NULL, ${dayOf('d.approved_at')}
            FROM periods p JOIN dossiers d ON d.system_id = p.system_id AND d.approved_at IS NOT NULL AND ${IN_PERIOD}
           WHERE p.first_approved_at IS NOT NULL AND ${dayOf('p.first_approved_submitted_at')} > ${dayOf('p.first_approved_at')}),
        -- Each period a body holds, from the day it counts until (not including) its end or the system's retirement.
        held AS (
          SELECT * FROM (
            SELECT p.body, p.custody_id, p.counted_from, p.system_id, p.lifecycle <> 'PLANNED' AS operating, p.approval_decision_date, p.approved_level,
                   greatest(p.counted_from, p.valid_from) AS from_day,
                   least(coalesce(p.valid_to + 1, 'infinity'), coalesce(p.retired_at, 'infinity')) AS until_day,
                   p.last_approved_at, p.last_approved_level,
                   greatest(${dayOf('p.last_approved_at')}, ${dayOf('p.last_approved_submitted_at')}) AS last_approval_counts_from
              FROM periods p) h
           WHERE from_day < until_day),
        -- A system's level on a day is that of its latest approval counted by then. From the day the latest approval of
        -- all counts, that is it; only a system held before that day has its dossiers read for the approvals before.
        read_dossiers AS (
          SELECT system_id FROM held WHERE last_approved_at IS NOT NULL GROUP BY system_id HAVING bool_or(from_day < last_approval_counts_from)),
        approvals AS (
          SELECT d.system_id, greatest(${dayOf('d.approved_at')}, ${dayOf('d.first_submitted_at')}) AS day,
                 max(ARRAY[extract(epoch FROM d.approved_at), d.proposed_level]) AS latest
            FROM read_dossiers s JOIN dossiers d ON d.system_id = s.system_id AND d.approved_at IS NOT NULL AND d.first_submitted_at IS NOT NULL
           GROUP BY 1, 2
          UNION ALL
          SELECT DISTINCT system_id, last_approval_counts_from, ARRAY[extract(epoch FROM last_approved_at), last_approved_level]
            FROM held WHERE last_approved_at IS NOT NULL AND system_id NOT IN (SELECT system_id FROM read_dossiers)),
        -- The days within a held period on which its level can change: its first, each approval's, the recorded decision's.
        points AS (
          SELECT body, custody_id, counted_from, from_day AS day, NULL::numeric[] AS latest, false AS decided FROM held
          UNION ALL
          SELECT h.body, h.custody_id, h.counted_from, greatest(a.day, h.from_day), a.latest, false
            FROM held h JOIN approvals a ON a.system_id = h.system_id AND a.day < h.until_day
          UNION ALL
          SELECT body, custody_id, counted_from, greatest(approval_decision_date, from_day), NULL, true
            FROM held WHERE approval_decision_date < until_day),
        pieces AS (
          SELECT body, custody_id, counted_from, day, max(latest) AS latest, bool_or(decided) AS decided FROM points GROUP BY 1, 2, 3, 4),
        levels AS (
          SELECT p.body, p.day, lead(p.day, 1, h.until_day) OVER piece AS until_day, h.operating,
                 coalesce((max(p.latest) OVER piece)[2]::int, CASE WHEN bool_or(p.decided) OVER piece THEN h.approved_level END) AS level
            FROM pieces p JOIN held h USING (body, custody_id, counted_from)
          WINDOW piece AS (PARTITION BY p.body, p.custody_id, p.counted_from ORDER BY p.day)),
        -- A held piece counts +1 from its first day and -1 from the day after; the firsts, from their day.
        events AS (
          SELECT body, day, 1 AS n, operating, level, NULL::date AS submitted, NULL::date AS approved FROM levels
          UNION ALL
          SELECT body, until_day, -1, operating, level, NULL, NULL FROM levels WHERE until_day < 'infinity'
          UNION ALL
          SELECT body, day, 0, false, NULL, submitted, approved FROM firsts),
        by_day AS (
          SELECT body, day, min(submitted) AS submitted, min(approved) AS approved,
                 coalesce(sum(n), 0) AS systems, coalesce(sum(n) FILTER (WHERE operating), 0) AS operating,
                 coalesce(sum(n) FILTER (WHERE level IS NOT NULL), 0) AS approved_systems,
                 coalesce(sum(n) FILTER (WHERE level = 1), 0) AS level1, coalesce(sum(n) FILTER (WHERE level = 2), 0) AS level2,
                 coalesce(sum(n) FILTER (WHERE level = 3), 0) AS level3, coalesce(sum(n) FILTER (WHERE level = 4), 0) AS level4,
                 coalesce(sum(n) FILTER (WHERE level = 5), 0) AS level5
            FROM events GROUP BY body, day),
        running AS (
          SELECT body, day, min(submitted) OVER w AS submitted, min(approved) OVER w AS approved,
                 ARRAY[sum(systems) OVER w, sum(operating) OVER w, sum(approved_systems) OVER w, sum(level1) OVER w,
                       sum(level2) OVER w, sum(level3) OVER w, sum(level4) OVER w, sum(level5) OVER w]::int[] AS figures
            FROM by_day WINDOW w AS (PARTITION BY body ORDER BY day)),
        changes AS (
          SELECT r.*, lag(submitted) OVER w AS submitted_before, lag(approved) OVER w AS approved_before,
                 lag(figures, 1, '{0,0,0,0,0,0,0,0}') OVER w AS figures_before
            FROM running r WINDOW w AS (PARTITION BY body ORDER BY day))
        SELECT body, day, submitted, approved, figures[1], figures[2], figures[3], figures[4], figures[5], figures[6], figures[7], figures[8]
          FROM changes
         WHERE submitted IS DISTINCT FROM submitted_before OR approved IS DISTINCT FROM approved_before OR figures <> figures_before $$`);
    // Two writers changing the figures of one body (different systems of it) take turns: each waits for the other's
    // commit at the body's lock, and its statements after it read what the other committed. Writes run in READ
    // COMMITTED (as report_period_facts); a REPEATABLE READ writer gets a serialization error when it deletes the rows the
    // other replaced.
    await q.query(`
      CREATE FUNCTION refresh_report_body_timeline(body_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[] := ARRAY(SELECT DISTINCT id FROM unnest(body_ids) AS b(id) WHERE id IS NOT NULL ORDER BY id);
        body uuid;
      BEGIN
        IF cardinality(ids) = 0 THEN
          RETURN;
        ELSIF cardinality(ids) > ${BODY_LOCKS_AT_MOST} THEN
          LOCK TABLE report_body_timeline IN EXCLUSIVE MODE;
        ELSE
          FOREACH body IN ARRAY ids LOOP
            PERFORM pg_advisory_xact_lock(hashtextextended('report_body_timeline:' || body::text, 0));
          END LOOP;
        END IF;
        DELETE FROM report_body_timeline WHERE body_id = ANY(ids);
        INSERT INTO report_body_timeline SELECT * FROM report_body_timeline_of(ids);
      END $$`);
    // The bodies whose figures include those of these bodies: themselves and their successors, at most 10 links on.
    await q.query(`
      CREATE FUNCTION report_body_timeline_bodies(agency_ids uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $$
        WITH RECURSIVE chain AS (
          SELECT a.id, a.successor_id, 0 AS hops FROM agencies a WHERE a.id = ANY(agency_ids)
          UNION
          SELECT a.id, a.successor_id, chain.hops + 1 FROM chain JOIN agencies a ON a.id = chain.successor_id WHERE chain.hops < 10)
        SELECT ARRAY(SELECT DISTINCT id FROM chain) $$`);
    // report_period_facts rows of a statement, through its transition tables (one trigger per event).
    await q.query(`
      CREATE FUNCTION report_body_timeline_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        owners uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          owners := ARRAY(SELECT DISTINCT owner_agency_id FROM new_facts);
        ELSIF TG_OP = 'DELETE' THEN
          owners := ARRAY(SELECT DISTINCT owner_agency_id FROM old_facts);
        ELSE
          owners := ARRAY(SELECT owner_agency_id FROM old_facts UNION SELECT owner_agency_id FROM new_facts);
        END IF;
        IF cardinality(owners) > 0 THEN
          PERFORM refresh_report_body_timeline(report_body_timeline_bodies(owners));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_body_timeline_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_report_body_timeline(ARRAY(SELECT id FROM agencies));
        RETURN NULL;
      END $$`);
    // A body merged into another (or no longer), or whose end moves: its periods count for its successors from another day.
    await q.query(`
      CREATE FUNCTION report_body_timeline_agency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_report_body_timeline(report_body_timeline_bodies(ARRAY[NEW.successor_id]));
        ELSE
          PERFORM refresh_report_body_timeline(report_body_timeline_bodies(ARRAY[OLD.successor_id, NEW.successor_id]));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER report_period_facts_timeline_insert AFTER INSERT ON report_period_facts REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION report_body_timeline_facts()`,
    );
    await q.query(
      `CREATE TRIGGER report_period_facts_timeline_delete AFTER DELETE ON report_period_facts REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION report_body_timeline_facts()`,
    );
    await q.query(
      `CREATE TRIGGER report_period_facts_timeline_update AFTER UPDATE ON report_period_facts REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION report_body_timeline_facts()`,
    );
    await q.query(
      `CREATE TRIGGER report_period_facts_timeline_truncate AFTER TRUNCATE ON report_period_facts FOR EACH STATEMENT EXECUTE FUNCTION report_body_timeline_all()`,
    );
    await q.query(`
      CREATE TRIGGER agencies_timeline_insert AFTER INSERT ON agencies FOR EACH ROW WHEN (NEW.successor_id IS NOT NULL)
        EXECUTE FUNCTION report_body_timeline_agency()`);
    await q.query(`
      CREATE TRIGGER agencies_timeline_update AFTER UPDATE ON agencies FOR EACH ROW
        WHEN (OLD.successor_id IS DISTINCT FROM NEW.successor_id OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
        EXECUTE FUNCTION report_body_timeline_agency()`);
    // The facts of a system are written only where they changed, and by update where the period is still there: a write
    // that moves no fact (a resubmission, a later approval's appraisal) fires the timeline triggers with no rows, and
    // one that does fires one of them once, not a delete and an insert of every period of the system.
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_report_period_facts(system_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM systems WHERE id = ANY(system_ids) ORDER BY id FOR NO KEY UPDATE;
        WITH fresh AS (SELECT * FROM report_period_facts_of(system_ids)),
        gone AS (
          DELETE FROM report_period_facts f
           WHERE f.system_id = ANY(system_ids) AND NOT EXISTS (SELECT 1 FROM fresh n WHERE n.custody_id = f.custody_id)),
        changed AS (
          UPDATE report_period_facts f SET (${FACT_COLUMNS}) = (${FACT_COLUMNS.replace(/(\w+)/g, 'n.$1')})
            FROM fresh n WHERE n.custody_id = f.custody_id AND ROW(f.*) IS DISTINCT FROM ROW(n.*))
        INSERT INTO report_period_facts
        SELECT n.* FROM fresh n WHERE NOT EXISTS (SELECT 1 FROM report_period_facts f WHERE f.custody_id = n.custody_id);
      END $$`);
    await q.query(`INSERT INTO report_body_timeline SELECT * FROM report_body_timeline_of(ARRAY(SELECT id FROM agencies))`);
    await q.query(`ANALYZE report_body_timeline`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_report_period_facts(system_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM systems WHERE id = ANY(system_ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM report_period_facts WHERE system_id = ANY(system_ids);
        INSERT INTO report_period_facts SELECT * FROM report_period_facts_of(system_ids);
      END $$`);
    await q.query(`DROP TRIGGER agencies_timeline_update ON agencies`);
    await q.query(`DROP TRIGGER agencies_timeline_insert ON agencies`);
    for (const event of ['insert', 'delete', 'update', 'truncate'])
      await q.query(`DROP TRIGGER report_period_facts_timeline_${event} ON report_period_facts`);
    await q.query(`DROP FUNCTION report_body_timeline_agency()`);
    await q.query(`DROP FUNCTION report_body_timeline_all()`);
    await q.query(`DROP FUNCTION report_body_timeline_facts()`);
    await q.query(`DROP FUNCTION report_body_timeline_bodies(uuid[])`);
    await q.query(`DROP FUNCTION refresh_report_body_timeline(uuid[])`);
    await q.query(`DROP FUNCTION report_body_timeline_of(uuid[])`);
    await q.query(`DROP TABLE report_body_timeline`);
  }
}
