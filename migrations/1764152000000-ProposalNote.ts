import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer's note to the appraiser (docs/legal/proposal-floor.md): a proposal is never below the level the criteria
 * give, so an officer who disagrees with that level says so here, beside the dossier the appraiser reads, instead of
 * proposing lower. Free text: a state-secret withdrawal empties it like the dossier's other texts.
 */
export class ProposalNote1764152000000 implements MigrationInterface {
  name = 'ProposalNote1764152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers ADD COLUMN note_to_appraiser text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossiers DROP COLUMN note_to_appraiser`);
  }
}
