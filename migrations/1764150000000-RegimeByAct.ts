import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts Decree 331/2026 Art. 39.1 asks of a system (docs/legal/regime-by-act.md): the day its investment or
 * construction (or its upgrade, extension) began, which decides whether the transitional carve-out keeps Decree 85 for its
 * appraisal and approval; and the day by which such a system meets Decree 331's measures for its level (12 months from
 * Law 116/2025 taking effect), written by the systems feature from those facts.
 */
export class RegimeByAct1764150000000 implements MigrationInterface {
  name = 'RegimeByAct1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE systems
        ADD COLUMN investment_start_date date,
        ADD COLUMN transitional_compliance_due_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE systems
        DROP COLUMN transitional_compliance_due_on,
        DROP COLUMN investment_start_date`);
  }
}
