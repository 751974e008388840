import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owner's and the operating unit's details the explanatory report opens with (Circular 12/2022 Art. 8.3.a–b;
 * Decree 331/2026 Art. 22.3.a–b): the document setting the body's functions, its representative and title, address,
 * phone and e-mail. The rest of the dossier's contents (architecture, equipment, applications, network zones, the
 * level 4–5 parts) live in the dossier's description JSON and need no column.
 */
export class DossierContents1764151000000 implements MigrationInterface {
  name = 'DossierContents1764151000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agencies
        ADD COLUMN functions_document varchar(500),
        ADD COLUMN representative_name varchar(255),
        ADD COLUMN representative_title varchar(255),
        ADD COLUMN address varchar(500),
        ADD COLUMN phone varchar(40),
        ADD COLUMN email varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agencies
        DROP COLUMN email,
        DROP COLUMN phone,
        DROP COLUMN address,
        DROP COLUMN representative_title,
        DROP COLUMN representative_name,
        DROP COLUMN functions_document`);
  }
}
