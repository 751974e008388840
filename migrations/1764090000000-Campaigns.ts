import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1764090000000 implements MigrationInterface {
  name = 'Campaigns1764090000000';

  async up(q: QueryRunner): Promise<void> {
    // A deadline campaign tied to an official dispatch (e.g. 256/UBND-NC of UBND tỉnh Sơn La, 13/01/2026).
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_code varchar(16) NOT NULL,
        number varchar(60) NOT NULL,
        issued_on date NOT NULL,
        issuer varchar(255) NOT NULL,
        title varchar(500) NOT NULL,
        deadline date NOT NULL,
        target varchar(12) NOT NULL CHECK (target IN ('SUBMITTED','APPROVED')),
        created_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_deadline_after_issue CHECK (deadline >= issued_on),
        CONSTRAINT campaigns_number_unique UNIQUE (province_code, number)
      )`);
    await q.query(`
      CREATE TABLE campaign_agencies (
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        PRIMARY KEY (campaign_id, agency_id)
      )`);
    // Reports attribute each submission to the owner of the system on that day.
    await q.query(`CREATE INDEX system_custody_range_idx ON system_custody (system_id, valid_from, valid_to)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX system_custody_range_idx`);
    await q.query(`DROP TABLE campaign_agencies`);
    await q.query(`DROP TABLE campaigns`);
  }
}
