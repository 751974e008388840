import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual report as a campaign of its own (TT12 Arts. 13–14, ND331 Arts. 35–36): each body records that it sent
 * its report for a year, at one of the two stages of the law: the specialised and operating units to the owner
 * (before 20 December), the owner to the ministry (before 25 December).
 */
export class AnnualReports1764164000000 implements MigrationInterface {
  name = 'AnnualReports1764164000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_report_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        stage varchar(20) NOT NULL CHECK (stage IN ('UNIT_TO_OWNER','OWNER_TO_MINISTRY')),
        sent_on date NOT NULL,
        document_number varchar(60) NOT NULL,
        recipient varchar(255),
        note text,
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT annual_report_submissions_once UNIQUE (agency_id, year, stage)
      )`);
    await q.query(`CREATE INDEX annual_report_submissions_year_idx ON annual_report_submissions (year, stage)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE annual_report_submissions`);
  }
}
