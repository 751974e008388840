import { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1764070000000 implements MigrationInterface {
  name = 'Dossiers1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems(id),
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        operator_agency_id uuid NOT NULL REFERENCES agencies(id),
        province_code varchar(16) NOT NULL,
        status varchar(24) NOT NULL DEFAULT 'DRAFT',
        regime varchar(8) NOT NULL CHECK (regime IN ('ND85','ND331')),
        rulebook_version varchar(40) NOT NULL,
        catalogue_id varchar(40) NOT NULL,
        transitional_project boolean NOT NULL DEFAULT false,
        classification jsonb NOT NULL,
        computed_level smallint CHECK (computed_level BETWEEN 1 AND 5),
        level_undetermined boolean NOT NULL,
        proposed_level smallint NOT NULL CHECK (proposed_level BETWEEN 1 AND 5),
        level_justification text NOT NULL DEFAULT '',
        design_kind varchar(16) NOT NULL CHECK (design_kind IN ('PRELIMINARY','CONSTRUCTION')),
        description jsonb NOT NULL,
        plan_sections jsonb NOT NULL DEFAULT '{}',
        plan_entries jsonb NOT NULL DEFAULT '{}',
        expert_opinion jsonb,
        created_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dossiers_system_idx ON dossiers (system_id, created_at)`);
    await q.query(`CREATE INDEX dossiers_owner_idx ON dossiers (owner_agency_id)`);
    await q.query(`CREATE INDEX dossiers_operator_idx ON dossiers (operator_agency_id)`);
    await q.query(`CREATE INDEX dossiers_province_status_idx ON dossiers (province_code, status)`);

    await q.query(`
      CREATE TABLE dossier_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        kind varchar(24) NOT NULL CHECK (kind IN ('DESIGN_DOCUMENT','EXPERT_OPINION','RISK_ASSESSMENT','INTERNAL_REGULATION','OTHER')),
        file_name varchar(255) NOT NULL,
        media_type varchar(120) NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dossier_attachments_dossier_idx ON dossier_attachments (dossier_id, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_attachments`);
    await q.query(`DROP TABLE dossiers`);
  }
}
