import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the approval-rate report (issue 9): it reaches a scope's systems and dossiers from the
 * scope's bodies, and reads custody periods, system facts and dossier instants from the indexes alone.
 */
export class ReportIndexes1764100900000 implements MigrationInterface {
  name = 'ReportIndexes1764100900000';

  async up(q: QueryRunner): Promise<void> {
    // Each system's dossiers: first submission, approval and the level approved (= proposed level), without the rows.
    await q.query(
      `CREATE INDEX dossiers_system_approved_idx ON dossiers (system_id, approved_at) INCLUDE (first_submitted_at, proposed_level)`,
    );
    // Bodies merged into another one, for carrying their submissions forward.
    await q.query(`CREATE INDEX agencies_successor_idx ON agencies (successor_id) WHERE successor_id IS NOT NULL`);
    // Who held what when, by owner: replaces the plain owner index.
    await q.query(
      `CREATE INDEX system_custody_owner_periods_idx ON system_custody (owner_agency_id) INCLUDE (system_id, valid_from, valid_to)`,
    );
    await q.query(`DROP INDEX system_custody_owner_idx`);
    // The few system columns the report counts by.
    await q.query(
      `CREATE INDEX systems_report_idx ON systems (id) INCLUDE (lifecycle, retired_at, approval_decision_date, approved_level, province_code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX systems_report_idx`);
    await q.query(`CREATE INDEX system_custody_owner_idx ON system_custody (owner_agency_id)`);
    await q.query(`DROP INDEX system_custody_owner_periods_idx`);
    await q.query(`DROP INDEX agencies_successor_idx`);
    await q.query(`DROP INDEX dossiers_system_approved_idx`);
  }
}
