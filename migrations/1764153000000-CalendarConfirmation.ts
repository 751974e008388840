import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory clocks as the law counts them (docs/legal/statutory-clocks.md): built-in calendar days an administrator
 * confirmed against their notice, and the two dates of a received dossier kept side by side — the validity reply
 * (ND331 Art. 23.2) and the appraisal counted from the same receipt (ND331 Art. 23.3; ND85 Art. 16.2).
 */
export class CalendarConfirmation1764153000000 implements MigrationInterface {
  name = 'CalendarConfirmation1764153000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_confirmations (
        day date PRIMARY KEY,
        source varchar(255) NOT NULL,
        confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        confirmed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE dossiers ADD COLUMN validity_due_on date, ADD COLUMN appraisal_due_on date`);
    // What the rows already say: the clock running now is one of the two.
    await q.query(`UPDATE dossiers SET validity_due_on = due_on WHERE due_kind = 'VALIDITY'`);
    await q.query(`UPDATE dossiers SET appraisal_due_on = due_on WHERE due_kind IN ('APPRAISAL', 'APPRAISAL_INTERNAL')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers DROP COLUMN appraisal_due_on, DROP COLUMN validity_due_on`);
    await q.query(`DROP TABLE calendar_confirmations`);
  }
}
