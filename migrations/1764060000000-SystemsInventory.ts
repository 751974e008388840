import { MigrationInterface, QueryRunner } from 'typeorm';

export class SystemsInventory1764060000000 implements MigrationInterface {
  name = 'SystemsInventory1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE systems (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(60) NOT NULL,
        name varchar(300) NOT NULL,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        operator_agency_id uuid NOT NULL REFERENCES agencies(id),
        province_code varchar(16) NOT NULL,
        description text,
        scope text,
        served_population text,
        system_type varchar(24) NOT NULL CHECK (system_type IN ('INTERNAL','CITIZEN_BUSINESS','INFRASTRUCTURE','INDUSTRIAL_CONTROL','OTHER')),
        info_types text[] NOT NULL CHECK (cardinality(info_types) > 0 AND info_types <@ ARRAY['PUBLIC','PRIVATE','PERSONAL','STATE_SECRET']),
        state_secret boolean GENERATED ALWAYS AS ('STATE_SECRET' = ANY (info_types)) STORED,
        lifecycle varchar(16) NOT NULL CHECK (lifecycle IN ('PLANNED','IN_OPERATION','UPGRADING','RETIRED')),
        go_live_date date,
        hosting varchar(20) CHECK (hosting IN ('OWN_PREMISES','PROVINCIAL_DC','RENTED_CLOUD')),
        internet_facing boolean,
        connects_gov_network boolean,
        architecture_description text,
        user_count int CHECK (user_count >= 0),
        basic_pd_subjects int CHECK (basic_pd_subjects >= 0),
        sensitive_pd_subjects int CHECK (sensitive_pd_subjects >= 0),
        components jsonb NOT NULL DEFAULT '[]',
        approved_level smallint CHECK (approved_level BETWEEN 1 AND 5),
        approval_decision_number varchar(60),
        approval_decision_date date,
        approval_decision_issuer varchar(255),
        deployment_status varchar(16) NOT NULL DEFAULT 'NOT_DEPLOYED' CHECK (deployment_status IN ('NOT_DEPLOYED','PARTIAL','FULL')),
        internal_regulation_number varchar(60),
        internal_regulation_date date,
        inspections jsonb NOT NULL DEFAULT '[]',
        retired_at date,
        retirement_reason text,
        search_text text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT systems_code_per_owner UNIQUE (owner_agency_id, code),
        CONSTRAINT systems_approval_complete CHECK (
          (approved_level IS NULL AND approval_decision_number IS NULL AND approval_decision_date IS NULL)
          OR (approved_level IS NOT NULL AND approval_decision_number IS NOT NULL AND approval_decision_date IS NOT NULL)),
        -- State-secret systems keep minimal metadata only: the law keeps their architecture off networked systems.
        CONSTRAINT systems_state_secret_minimal CHECK (NOT ('STATE_SECRET' = ANY (info_types)) OR (
          architecture_description IS NULL AND components = '[]'::jsonb AND hosting IS NULL
          AND internet_facing IS NULL AND connects_gov_network IS NULL))
      )`);
    await q.query(`CREATE INDEX systems_owner_idx ON systems (owner_agency_id)`);
    await q.query(`CREATE INDEX systems_operator_idx ON systems (operator_agency_id)`);
    await q.query(`CREATE INDEX systems_province_idx ON systems (province_code, lifecycle, system_type)`);
    await q.query(`CREATE INDEX systems_search_trgm_idx ON systems USING gin (search_text gin_trgm_ops)`);

    // Who owned and operated a system when: reorganisations move systems, reports look back.
    await q.query(`
      CREATE TABLE system_custody (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        system_id uuid NOT NULL REFERENCES systems(id),
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        operator_agency_id uuid NOT NULL REFERENCES agencies(id),
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT system_custody_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX system_custody_system_idx ON system_custody (system_id, valid_from)`);
    await q.query(`CREATE INDEX system_custody_owner_idx ON system_custody (owner_agency_id)`);

    // The name and parent of each agency over time, kept by trigger so that every writer (API, seeds, CLI)
    // records history. A change takes effect on capdo.effective_date when a transaction sets it, else today.
    await q.query(`
      CREATE TABLE agency_versions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name varchar(255) NOT NULL,
        parent_id uuid REFERENCES agencies(id),
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT agency_versions_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX agency_versions_agency_idx ON agency_versions (agency_id, valid_from)`);
    await q.query(`CREATE INDEX agency_versions_parent_idx ON agency_versions (parent_id)`);
    await q.query(
      `INSERT INTO agency_versions (agency_id, name, parent_id, valid_from) SELECT id, name, parent_id, valid_from FROM agencies`,
    );
    await q.query(`
      CREATE FUNCTION agency_versions_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        effective date := coalesce(nullif(current_setting('capdo.effective_date', true), '')::date, current_date);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO agency_versions (agency_id, name, parent_id, valid_from) VALUES (NEW.id, NEW.name, NEW.parent_id, NEW.valid_from);
          RETURN NEW;
        END IF;
        IF NEW.name IS NOT DISTINCT FROM OLD.name AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
          RETURN NEW;
        END IF;
        effective := greatest(effective, NEW.valid_from);
        DELETE FROM agency_versions WHERE agency_id = NEW.id AND valid_to IS NULL AND valid_from >= effective;
        UPDATE agency_versions SET valid_to = effective - 1 WHERE agency_id = NEW.id AND valid_to IS NULL;
        INSERT INTO agency_versions (agency_id, name, parent_id, valid_from) VALUES (NEW.id, NEW.name, NEW.parent_id, effective);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER agencies_versions AFTER INSERT OR UPDATE OF name, parent_id ON agencies FOR EACH ROW EXECUTE FUNCTION agency_versions_track()`,
    );

    await q.query(`
      CREATE TABLE agency_reorganisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('MERGE','RENAME')),
        effective_date date NOT NULL,
        decision_number varchar(60) NOT NULL,
        decision_date date,
        decision_issuer varchar(255),
        successor_agency_id uuid REFERENCES agencies(id),
        source_agency_ids uuid[] NOT NULL,
        new_name varchar(255),
        moved_systems int NOT NULL DEFAULT 0,
        moved_users int NOT NULL DEFAULT 0,
        note text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_reorganisations`);
    await q.query(`DROP TRIGGER agencies_versions ON agencies`);
    await q.query(`DROP FUNCTION agency_versions_track()`);
    await q.query(`DROP TABLE agency_versions`);
    await q.query(`DROP TABLE system_custody`);
    await q.query(`DROP TABLE systems`);
  }
}
