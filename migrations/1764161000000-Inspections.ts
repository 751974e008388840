import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections after approval (docs/legal/inspections.md): each inspection of a system with its performer, independence,
 * method and report file; its findings as remediation items with due dates; and the admin-edited, versioned policy of
 * intervals per level under Decree 331, seeded with Decree 85 Art. 20.2.c's intervals marked as defaults.
 *
 * The legacy `systems.inspections` jsonb (typed on the system form until now) is copied into `inspections`; from here
 * on it is a mirror written only by src/inspections through src/systems/system-writes.ts.
 */
export class Inspections1764161000000 implements MigrationInterface {
  name = 'Inspections1764161000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems (id),
        kind varchar(16) NOT NULL CHECK (kind IN ('BEFORE_GO_LIVE', 'PERIODIC', 'AD_HOC')),
        covers_organisation boolean NOT NULL DEFAULT false,
        performed_on date NOT NULL,
        performer varchar(255) NOT NULL,
        performer_agency_id uuid REFERENCES agencies (id),
        independent boolean NOT NULL DEFAULT false,
        qualified boolean NOT NULL DEFAULT false,
        method varchar(24) CHECK (method IN ('SELF_ASSESSMENT', 'DOCUMENT_REVIEW', 'BLACK_BOX', 'GRAY_BOX', 'WHITE_BOX', 'CONDITIONS_ASSESSMENT')),
        summary text,
        report_file_name varchar(255),
        report_media_type varchar(120),
        report_size_bytes int CHECK (report_size_bytes IS NULL OR (report_size_bytes > 0 AND report_size_bytes <= 20971520)),
        report_sha256 char(64),
        report_content bytea,
        legacy boolean NOT NULL DEFAULT false,
        recorded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((report_content IS NULL) = (report_sha256 IS NULL))
      )`);
    await q.query(`CREATE INDEX inspections_system_idx ON inspections (system_id, performed_on DESC)`);
    await q.query(`
      CREATE TABLE inspection_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        system_id uuid NOT NULL REFERENCES systems (id),
        description text NOT NULL,
        due_on date NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
        resolved_on date,
        note text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'DONE') = (resolved_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX inspection_findings_system_idx ON inspection_findings (system_id, status, due_on)`);
    await q.query(`CREATE INDEX inspection_findings_inspection_idx ON inspection_findings (inspection_id)`);
    await q.query(`
      CREATE TABLE inspection_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regime varchar(8) NOT NULL CHECK (regime IN ('ND331')),
        version int NOT NULL CHECK (version >= 1),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        interval_months smallint CHECK (interval_months IS NULL OR interval_months BETWEEN 1 AND 120),
        requires_independent boolean NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        note text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (regime, version, level)
      )`);
    // Version 1: Decree 85 Art. 20.2.c as the Decree 331 defaults (Decree 331 Art. 28.5.a sets no interval).
    // Qualified organisation: level 5 (Decree 331 Art. 31.2.c); levels 3–4 kept from Decree 85 Art. 20.2.c.
    await q.query(`
      INSERT INTO inspection_policies (regime, version, level, interval_months, requires_independent, is_default, note) VALUES
        ('ND331', 1, 1, 24, false, true, 'Mặc định theo Điều 20.2.c Nghị định 85/2016/NĐ-CP: toàn bộ cơ quan 02 năm một lần'),
        ('ND331', 1, 2, 24, false, true, 'Mặc định theo Điều 20.2.c Nghị định 85/2016/NĐ-CP: toàn bộ cơ quan 02 năm một lần'),
        ('ND331', 1, 3, 12, true, true, 'Mặc định theo Điều 20.2.c Nghị định 85/2016/NĐ-CP: hằng năm'),
        ('ND331', 1, 4, 12, true, true, 'Mặc định theo Điều 20.2.c Nghị định 85/2016/NĐ-CP: hằng năm'),
        ('ND331', 1, 5, 6, true, true, 'Mặc định theo Điều 20.2.c Nghị định 85/2016/NĐ-CP: 06 tháng một lần')`);
    // The legacy rows, as typed: no method, independence unknown (false), no report file.
    await q.query(`
      INSERT INTO inspections (system_id, kind, performed_on, performer, summary, legacy, created_at)
      SELECT s.id, i->>'kind', (i->>'date')::date, left(i->>'performer', 255), i->>'notes', true, s.updated_at
        FROM systems s CROSS JOIN LATERAL jsonb_array_elements(s.inspections) AS i
       WHERE jsonb_typeof(s.inspections) = 'array'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_policies`);
    await q.query(`DROP TABLE inspection_findings`);
    await q.query(`DROP TABLE inspections`);
  }
}
