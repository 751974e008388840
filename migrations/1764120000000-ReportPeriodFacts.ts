import { MigrationInterface, QueryRunner } from 'typeorm';

/** SQL: the first instant of a custody row's first day, and of the day after its last, in Vietnam (UTC+7). */
const HELD_FROM = `(c.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const HELD_UNTIL = `((c.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const IN_PERIOD = `d.system_id = c.system_id AND d.first_submitted_at >= ${HELD_FROM} AND (c.valid_to IS NULL OR d.first_submitted_at < ${HELD_UNTIL})`;

/**
 * What the approval-rate report reads of each custody period, kept beside it by triggers (issue 9), so that a
 * report reads one narrow row per period instead of probing every period's dossiers and its system:
 * - from the dossiers first submitted while the period ran: the earliest first submission; the earliest approval
 *   and that dossier's first submission;
 * - from all the system's dossiers: its latest approval (instant, level, that dossier's first submission);
 * - from the system: lifecycle, retirement day, recorded decision.
 * None of these depends on the report's day. `agencyProgress` turns them into "as of the day" and, in the cases the
 * facts cannot settle (a system approved again after that day; an approval dated before its own submission), asks the
 * dossiers themselves as before. A change of a custody row, a system or a dossier recomputes the facts of the
 * system's periods in the same statement (`refresh_report_period_facts`); `test/report-period-facts.e2e-spec.ts`
 * checks the table against a fresh computation and the report against the query that reads the dossiers.
 */
export class ReportPeriodFacts1764120000000 implements MigrationInterface {
  name = 'ReportPeriodFacts1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_period_facts (
        custody_id bigint PRIMARY KEY,
        system_id uuid NOT NULL,
        owner_agency_id uuid NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        first_submitted_at timestamptz,
        first_approved_at timestamptz,
        first_approved_submitted_at timestamptz,
        last_approved_at timestamptz,
        last_approved_submitted_at timestamptz,
        last_approved_level smallint,
        lifecycle varchar(16) NOT NULL,
        retired_at date,
        approval_decision_date date,
        approved_level smallint
      )`);
    // The report reads a body's periods from this index alone (the rows are narrow; an index-only scan skips the heap).
    await q.query(`
      CREATE INDEX report_period_facts_owner_idx ON report_period_facts (owner_agency_id)
        INCLUDE (system_id, valid_from, valid_to, first_submitted_at, first_approved_at, first_approved_submitted_at,
                 last_approved_at, last_approved_submitted_at, last_approved_level, lifecycle, retired_at, approval_decision_date, approved_level)`);
    await q.query(`CREATE INDEX report_period_facts_system_idx ON report_period_facts (system_id)`);
    await q.query(`
      CREATE FUNCTION report_period_facts_of(system_ids uuid[]) RETURNS SETOF report_period_facts LANGUAGE sql STABLE AS $$
        SELECT c.id, c.system_id, c.owner_agency_id, c.valid_from, c.valid_to,
               (SELECT min(d.first_submitted_at) FROM dossiers d WHERE ${IN_PERIOD}),
               fa.approved_at, fa.first_submitted_at,
               la.approved_at, la.first_submitted_at, la.proposed_level,
               s.lifecycle, s.retired_at, s.approval_decision_date, s.approved_level
          FROM system_custody c
          JOIN systems s ON s.id = c.system_id
          LEFT JOIN LATERAL (SELECT d.approved_at, d.first_submitted_at FROM dossiers d
                              WHERE ${IN_PERIOD} AND d.approved_at IS NOT NULL
                              ORDER BY d.approved_at, d.first_submitted_at LIMIT 1) fa ON true
          LEFT JOIN LATERAL (SELECT d.approved_at, d.first_submitted_at, d.proposed_level FROM dossiers d
                              WHERE d.system_id = c.system_id AND d.approved_at IS NOT NULL AND d.first_submitted_at IS NOT NULL
                              ORDER BY d.approved_at DESC, d.proposed_level DESC LIMIT 1) la ON true
         WHERE c.system_id = ANY(system_ids) $$`);
    // Two transactions changing dossiers of one system must not each write facts that miss the other's change: the
    // systems' rows are locked first (a row lock, held to commit, so the second waits for the first), and each statement
    // after it reads what the first committed. Writes run in READ COMMITTED; a REPEATABLE READ writer would fail with a
    // serialization error here rather than write stale facts.
    await q.query(`
      CREATE FUNCTION refresh_report_period_facts(system_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM systems WHERE id = ANY(system_ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM report_period_facts WHERE system_id = ANY(system_ids);
        INSERT INTO report_period_facts SELECT * FROM report_period_facts_of(system_ids);
      END $$`);
    // Rows of a statement, through its transition table (one trigger per event: PostgreSQL allows no more).
    await q.query(`
      CREATE FUNCTION report_period_facts_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_report_period_facts((SELECT array_agg(DISTINCT system_id) FROM changed_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_period_facts_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'systems' THEN
          PERFORM refresh_report_period_facts(ARRAY[NEW.id]);
        ELSE
          PERFORM refresh_report_period_facts(ARRAY[OLD.system_id, NEW.system_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_period_facts_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_period_facts;
        INSERT INTO report_period_facts SELECT * FROM report_period_facts_of(ARRAY(SELECT system_id FROM system_custody));
        RETURN NULL;
      END $$`);
    // A new system has no period until its custody row is inserted (the custody trigger then computes it), and a system
    // can only be deleted once its custody rows are: systems need only their updates watched.
    for (const table of ['system_custody', 'dossiers']) {
      await q.query(
        `CREATE TRIGGER ${table}_period_facts_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_period_facts_rows()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_period_facts_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_period_facts_rows()`,
      );
    }
    for (const table of ['system_custody', 'systems', 'dossiers']) {
      await q.query(
        `CREATE TRIGGER ${table}_period_facts_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_period_facts_all()`,
      );
    }
    await q.query(`
      CREATE TRIGGER system_custody_period_facts_update AFTER UPDATE ON system_custody FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.owner_agency_id IS DISTINCT FROM NEW.owner_agency_id
              OR OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
        EXECUTE FUNCTION report_period_facts_update()`);
    await q.query(`
      CREATE TRIGGER systems_period_facts_update AFTER UPDATE ON systems FOR EACH ROW
        WHEN (OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR OLD.retired_at IS DISTINCT FROM NEW.retired_at
              OR OLD.approval_decision_date IS DISTINCT FROM NEW.approval_decision_date OR OLD.approved_level IS DISTINCT FROM NEW.approved_level)
        EXECUTE FUNCTION report_period_facts_update()`);
    await q.query(`
      CREATE TRIGGER dossiers_period_facts_update AFTER UPDATE ON dossiers FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.first_submitted_at IS DISTINCT FROM NEW.first_submitted_at
              OR OLD.approved_at IS DISTINCT FROM NEW.approved_at OR OLD.proposed_level IS DISTINCT FROM NEW.proposed_level)
        EXECUTE FUNCTION report_period_facts_update()`);
    await q.query(
      `INSERT INTO report_period_facts SELECT * FROM report_period_facts_of(ARRAY(SELECT DISTINCT system_id FROM system_custody))`,
    );
    // The report no longer reads the systems (their columns are among the facts): their covering index only cost writes.
    await q.query(`DROP INDEX systems_report_idx`);
    await q.query(`ANALYZE report_period_facts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX systems_report_idx ON systems (id) INCLUDE (lifecycle, retired_at, approval_decision_date, approved_level, province_code)`,
    );
    for (const table of ['system_custody', 'systems', 'dossiers']) {
      for (const event of ['insert', 'delete', 'truncate', 'update'])
        await q.query(`DROP TRIGGER IF EXISTS ${table}_period_facts_${event} ON ${table}`);
    }
    await q.query(`DROP FUNCTION report_period_facts_all()`);
    await q.query(`DROP FUNCTION report_period_facts_update()`);
    await q.query(`DROP FUNCTION report_period_facts_rows()`);
    await q.query(`DROP FUNCTION refresh_report_period_facts(uuid[])`);
    await q.query(`DROP FUNCTION report_period_facts_of(uuid[])`);
    await q.query(`DROP TABLE report_period_facts`);
  }
}
