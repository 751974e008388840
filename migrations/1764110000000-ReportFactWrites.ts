import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which transactions changed a fact the approval-rate report reads (issue 9), and for which provinces' reports:
 * bodies and their versions, custody periods, systems' lifecycle, retirement and approved level, dossiers'
 * submission and approval instants. Rows are written by triggers in the changing transaction, so they commit (or
 * roll back) with the change itself.
 *
 * A province's report computed in a snapshot stays exact for as long as no transaction outside that snapshot has a
 * row here for that province or for every province (`province_code` NULL), see `ReportProgressCache`: one index range
 * scan, without locks and without a counter row that every writer would queue on. Writes the report does not read
 * (appraisal steps, descriptions, attachments) leave no row.
 *
 * A fact of a system counts, in a report, for the body that owned it in a custody period, carried forward through
 * merger links to the body that exists on the report's day; so the provinces noted for it are those of every body
 * that has owned the system and of every successor of those bodies (`report_fact_provinces`). A change of bodies or
 * their versions (a reorganisation) is noted for every province.
 */
export class ReportFactWrites1764110000000 implements MigrationInterface {
  name = 'ReportFactWrites1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_fact_writes (
        xid xid8 NOT NULL,
        province_code varchar(16),
        written_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_fact_writes_unique UNIQUE NULLS NOT DISTINCT (xid, province_code)
      )`);
    await q.query(`COMMENT ON COLUMN report_fact_writes.province_code IS 'NULL: the change concerns every province'`);
    await q.query(`CREATE INDEX report_fact_writes_written_idx ON report_fact_writes (written_at)`);
    // The provinces whose reports a change of these systems' facts (or these bodies' custody periods) can move.
    await q.query(`
      CREATE FUNCTION report_fact_provinces(system_ids uuid[], agency_ids uuid[]) RETURNS SETOF varchar LANGUAGE sql STABLE AS $$
        WITH RECURSIVE chain AS (
          SELECT a.id, a.successor_id, a.province_code, 0 AS hops
            FROM agencies a
           WHERE a.id = ANY(agency_ids) OR a.id IN (SELECT c.owner_agency_id FROM system_custody c WHERE c.system_id = ANY(system_ids))
          UNION
          SELECT a.id, a.successor_id, a.province_code, chain.hops + 1 FROM chain JOIN agencies a ON a.id = chain.successor_id WHERE chain.hops < 10)
        SELECT DISTINCT province_code FROM chain
        UNION SELECT s.province_code FROM systems s WHERE s.id = ANY(system_ids) $$`);
    await q.query(`
      CREATE FUNCTION note_report_fact_for(system_ids uuid[], agency_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_fact_writes (xid, province_code)
        SELECT pg_current_xact_id(), p FROM report_fact_provinces(system_ids, agency_ids) p
        ON CONFLICT ON CONSTRAINT report_fact_writes_unique DO NOTHING $$`);
    await q.query(`
      CREATE FUNCTION note_report_fact_everywhere() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_fact_writes (xid, province_code) VALUES (pg_current_xact_id(), NULL)
        ON CONFLICT ON CONSTRAINT report_fact_writes_unique DO NOTHING;
        RETURN NULL;
      END $$`);
    // Rows of a statement, through its transition table (one trigger per event: PostgreSQL allows no more).
    await q.query(`
      CREATE FUNCTION note_report_fact_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'system_custody' THEN
          PERFORM note_report_fact_for('{}', (SELECT array_agg(DISTINCT owner_agency_id) FROM changed_rows));
        ELSIF TG_TABLE_NAME = 'systems' THEN
          PERFORM note_report_fact_for((SELECT array_agg(id) FROM changed_rows), '{}');
        ELSE
          PERFORM note_report_fact_for((SELECT array_agg(DISTINCT system_id) FROM changed_rows), '{}');
        END IF;
        RETURN NULL;
      END $$`);
    // One row's update that touches what the report reads: its system before and after.
    await q.query(`
      CREATE FUNCTION note_report_fact_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'system_custody' THEN
          PERFORM note_report_fact_for(ARRAY[OLD.system_id, NEW.system_id], ARRAY[OLD.owner_agency_id, NEW.owner_agency_id]);
        ELSIF TG_TABLE_NAME = 'systems' THEN
          PERFORM note_report_fact_for(ARRAY[NEW.id], '{}');
        ELSE
          PERFORM note_report_fact_for(ARRAY[OLD.system_id, NEW.system_id], '{}');
        END IF;
        RETURN NULL;
      END $$`);
    // Bodies and their versions: a reorganisation, for every province.
    for (const table of ['agencies', 'agency_versions']) {
      await q.query(
        `CREATE TRIGGER ${table}_report_fact AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_everywhere()`,
      );
    }
    for (const table of ['system_custody', 'systems', 'dossiers']) {
      await q.query(
        `CREATE TRIGGER ${table}_report_fact_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_rows()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_report_fact_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_rows()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_report_fact_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_everywhere()`,
      );
    }
    // Updates only when they touch what the report reads.
    await q.query(`
      CREATE TRIGGER system_custody_report_fact_update AFTER UPDATE ON system_custody FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.owner_agency_id IS DISTINCT FROM NEW.owner_agency_id
              OR OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to)
        EXECUTE FUNCTION note_report_fact_update()`);
    await q.query(`
      CREATE TRIGGER systems_report_fact_update AFTER UPDATE ON systems FOR EACH ROW
        WHEN (OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR OLD.retired_at IS DISTINCT FROM NEW.retired_at
              OR OLD.approval_decision_date IS DISTINCT FROM NEW.approval_decision_date OR OLD.approved_level IS DISTINCT FROM NEW.approved_level
              OR OLD.province_code IS DISTINCT FROM NEW.province_code)
        EXECUTE FUNCTION note_report_fact_update()`);
    await q.query(`
      CREATE TRIGGER dossiers_report_fact_update AFTER UPDATE ON dossiers FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.first_submitted_at IS DISTINCT FROM NEW.first_submitted_at
              OR OLD.approved_at IS DISTINCT FROM NEW.approved_at OR OLD.proposed_level IS DISTINCT FROM NEW.proposed_level)
        EXECUTE FUNCTION note_report_fact_update()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['system_custody', 'systems', 'dossiers']) {
      for (const event of ['insert', 'delete', 'truncate', 'update'])
        await q.query(`DROP TRIGGER ${table}_report_fact_${event} ON ${table}`);
    }
    for (const table of ['agencies', 'agency_versions']) await q.query(`DROP TRIGGER ${table}_report_fact ON ${table}`);
    await q.query(`DROP FUNCTION note_report_fact_update()`);
    await q.query(`DROP FUNCTION note_report_fact_rows()`);
    await q.query(`DROP FUNCTION note_report_fact_everywhere()`);
    await q.query(`DROP FUNCTION note_report_fact_for(uuid[], uuid[])`);
    await q.query(`DROP FUNCTION report_fact_provinces(uuid[], uuid[])`);
    await q.query(`DROP TABLE report_fact_writes`);
  }
}
