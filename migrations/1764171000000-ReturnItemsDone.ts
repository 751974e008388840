import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21: the officer marks each of the appraiser's return requests "đã bổ sung" as it is answered, saved with the
 * dossier; the positions (0-based) of the requests marked, in the last return's list. Not free text, not a report fact.
 */
export class ReturnItemsDone1764171000000 implements MigrationInterface {
  name = 'ReturnItemsDone1764171000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers ADD COLUMN return_items_done jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers DROP COLUMN return_items_done`);
  }
}
