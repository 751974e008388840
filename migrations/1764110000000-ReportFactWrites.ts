import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which transactions changed a fact the approval-rate report reads (issue 9): bodies and their versions, custody
 * periods, systems' lifecycle, retirement and approved level, dossiers' submission and approval instants. One row per
 * such transaction, written by triggers in that transaction, so it commits (or rolls back) with the change itself.
 *
 * A report computed in a snapshot stays exact for as long as no transaction outside that snapshot has a row here
 * (`ReportProgressCache`): checking that is one index range scan, without locks and without a counter row that every
 * writer would queue on. Writes the report does not read (appraisal steps, descriptions, attachments) leave no row.
 */
export class ReportFactWrites1764110000000 implements MigrationInterface {
  name = 'ReportFactWrites1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_fact_writes (
        xid xid8 PRIMARY KEY,
        written_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_fact_writes_written_idx ON report_fact_writes (written_at)`);
    await q.query(`
      CREATE FUNCTION note_report_fact_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_fact_writes (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
        RETURN NULL;
      END $$`);
    // Whole-table facts: any change of bodies, their versions or custody periods.
    for (const table of ['agencies', 'agency_versions', 'system_custody']) {
      await q.query(`CREATE TRIGGER ${table}_report_fact AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_write()`);
    }
    // Systems and dossiers: a new or removed row always, an update only when it touches what the report reads.
    for (const table of ['systems', 'dossiers']) {
      await q.query(`CREATE TRIGGER ${table}_report_fact_rows AFTER INSERT OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION note_report_fact_write()`);
    }
    await q.query(`
      CREATE TRIGGER systems_report_fact_update AFTER UPDATE ON systems FOR EACH ROW
        WHEN (OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR OLD.retired_at IS DISTINCT FROM NEW.retired_at
              OR OLD.approval_decision_date IS DISTINCT FROM NEW.approval_decision_date OR OLD.approved_level IS DISTINCT FROM NEW.approved_level)
        EXECUTE FUNCTION note_report_fact_write()`);
    await q.query(`
      CREATE TRIGGER dossiers_report_fact_update AFTER UPDATE ON dossiers FOR EACH ROW
        WHEN (OLD.system_id IS DISTINCT FROM NEW.system_id OR OLD.first_submitted_at IS DISTINCT FROM NEW.first_submitted_at
              OR OLD.approved_at IS DISTINCT FROM NEW.approved_at OR OLD.proposed_level IS DISTINCT FROM NEW.proposed_level)
        EXECUTE FUNCTION note_report_fact_write()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER dossiers_report_fact_update ON dossiers`);
    await q.query(`DROP TRIGGER systems_report_fact_update ON systems`);
    for (const table of ['systems', 'dossiers']) await q.query(`DROP TRIGGER ${table}_report_fact_rows ON ${table}`);
    for (const table of ['agencies', 'agency_versions', 'system_custody']) await q.query(`DROP TRIGGER ${table}_report_fact ON ${table}`);
    await q.query(`DROP FUNCTION note_report_fact_write()`);
    await q.query(`DROP TABLE report_fact_writes`);
  }
}
