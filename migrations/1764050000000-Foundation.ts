import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764050000000 implements MigrationInterface {
  name = 'Foundation1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        name varchar(255) NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('province_committee','department','public_unit','police','party_body','ward','commune','other')),
        parent_id uuid REFERENCES agencies(id),
        province_code varchar(16) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','MERGED','DISSOLVED')),
        valid_from date NOT NULL,
        valid_to date,
        successor_id uuid REFERENCES agencies(id),
        search_text text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agencies_code_unique UNIQUE (code),
        CONSTRAINT agencies_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT agencies_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX agencies_parent_idx ON agencies (parent_id)`);
    await q.query(`CREATE INDEX agencies_province_idx ON agencies (province_code, kind)`);
    await q.query(`CREATE INDEX agencies_search_trgm_idx ON agencies USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        password_hash text NOT NULL,
        full_name varchar(255) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('ADMIN','LEADER','APPRAISER','AGENCY_OFFICER')),
        agency_id uuid REFERENCES agencies(id),
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_unique UNIQUE (username),
        CONSTRAINT users_agency_required CHECK (role = 'ADMIN' OR agency_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_id)`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username varchar(64) NOT NULL,
        ip varchar(64),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_username_idx ON login_failures (username, failed_at)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username varchar(64),
        action varchar(40) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(64) NOT NULL,
        before jsonb,
        after jsonb,
        correlation_id varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    // The audit trail is evidence: no role, not even the application's, may rewrite or erase it.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE agencies`);
  }
}
