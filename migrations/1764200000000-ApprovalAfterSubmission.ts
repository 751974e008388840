import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approval takes effect at or after its dossier's first submission (issue 25, point 2; docs/legal/decision-date.md):
 * a decision approves a dossier that was sent (ND331 Arts. 20.3, 24.1), so `approved_at` never precedes
 * `first_submitted_at`. The workflow refuses a decision dated before the day of the first submission (422
 * DECISION_DATE_BEFORE_SUBMISSION, workflow/decision-date.ts) and never writes an `approved_at` before it; this constraint
 * holds every other writer (seeds, the national generator, fixtures, a hand-written UPDATE) to the same reading.
 *
 * NOT VALID: PostgreSQL checks every row inserted or updated from now on, but does not scan the rows already there.
 * Legacy rows that break the rule stay as they are, and the report still reads them through its dossier fallback
 * (reports/agency-progress.query.ts); a later migration may VALIDATE the constraint once none is left.
 */
export class ApprovalAfterSubmission1764200000000 implements MigrationInterface {
  name = 'ApprovalAfterSubmission1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE dossiers ADD CONSTRAINT dossiers_approved_after_submission
         CHECK (approved_at IS NULL OR first_submitted_at IS NULL OR approved_at >= first_submitted_at) NOT VALID`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers DROP CONSTRAINT dossiers_approved_after_submission`);
  }
}
