import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's title (chức vụ: "Chuyên viên", "Giám đốc Sở Xây dựng"), shown with their full name wherever the product
 * says who did something (dossier history, audit log), instead of their username. Optional: an account without one
 * shows its name alone. Account administration (issue 22) edits it.
 */
export class UserTitles1764172000000 implements MigrationInterface {
  name = 'UserTitles1764172000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN title varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN title`);
  }
}
