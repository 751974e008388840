import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workflow1764080000000 implements MigrationInterface {
  name = 'Workflow1764080000000';

  async up(q: QueryRunner): Promise<void> {
    // Admin changes to the built-in Vietnamese calendar (src/calendar/vietnam-calendar-data.ts).
    await q.query(`
      CREATE TABLE calendar_overrides (
        day date PRIMARY KEY,
        kind varchar(12) NOT NULL CHECK (kind IN ('HOLIDAY','WORKDAY','NORMAL')),
        name varchar(255) NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(255) NOT NULL,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        include_subtree boolean NOT NULL DEFAULT true,
        min_level smallint NOT NULL CHECK (min_level BETWEEN 1 AND 5),
        max_level smallint NOT NULL CHECK (max_level BETWEEN 1 AND 5),
        regime varchar(8) CHECK (regime IN ('ND85','ND331')),
        appraiser_agency_id uuid REFERENCES agencies(id),
        appraiser_external_name varchar(255),
        approver_kind varchar(12) NOT NULL CHECK (approver_kind IN ('AGENCY','OWNER','EXTERNAL')),
        approver_agency_id uuid REFERENCES agencies(id),
        approver_external_name varchar(255),
        priority int NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rules_level_range CHECK (min_level <= max_level),
        CONSTRAINT routing_rules_one_appraiser CHECK ((appraiser_agency_id IS NULL) <> (appraiser_external_name IS NULL)),
        CONSTRAINT routing_rules_approver CHECK (
          (approver_kind = 'AGENCY' AND approver_agency_id IS NOT NULL AND approver_external_name IS NULL)
          OR (approver_kind = 'OWNER' AND approver_agency_id IS NULL AND approver_external_name IS NULL)
          OR (approver_kind = 'EXTERNAL' AND approver_agency_id IS NULL AND approver_external_name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX routing_rules_owner_idx ON routing_rules (owner_agency_id) WHERE active`);

    await q.query(`ALTER TABLE dossiers
      ADD COLUMN current_revision int NOT NULL DEFAULT 0,
      ADD COLUMN routing_rule_id uuid REFERENCES routing_rules(id),
      ADD COLUMN appraiser_agency_id uuid REFERENCES agencies(id),
      ADD COLUMN appraiser_name varchar(255),
      ADD COLUMN approver_kind varchar(12),
      ADD COLUMN approver_agency_id uuid REFERENCES agencies(id),
      ADD COLUMN approver_name varchar(255),
      ADD COLUMN first_submitted_at timestamptz,
      ADD COLUMN submitted_at timestamptz,
      ADD COLUMN received_on date,
      ADD COLUMN clock_started_on date,
      ADD COLUMN due_on date,
      ADD COLUMN due_kind varchar(24),
      ADD COLUMN return_items jsonb,
      ADD COLUMN appraisal jsonb,
      ADD COLUMN decision jsonb,
      ADD COLUMN approved_at timestamptz,
      ADD CONSTRAINT dossiers_status_check CHECK (status IN ('DRAFT','SUBMITTED','RETURNED','UNDER_APPRAISAL','APPRAISED','APPROVED','WITHDRAWN','SUPERSEDED'))`);
    await q.query(`CREATE INDEX dossiers_appraiser_queue_idx ON dossiers (appraiser_agency_id, status, due_on)`);
    await q.query(`CREATE INDEX dossiers_first_submitted_idx ON dossiers (owner_agency_id, first_submitted_at)`);
    await q.query(`CREATE INDEX dossiers_approved_idx ON dossiers (owner_agency_id, approved_at)`);

    // Submitted content, frozen: comments and decisions refer to the revision they judged.
    await q.query(`
      CREATE TABLE dossier_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        number int NOT NULL,
        content jsonb NOT NULL,
        sha256 char(64) NOT NULL,
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dossier_revisions_number UNIQUE (dossier_id, number)
      )`);
    await q.query(`
      CREATE FUNCTION dossier_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_revisions are immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER dossier_revisions_no_change BEFORE UPDATE OR DELETE ON dossier_revisions FOR EACH ROW EXECUTE FUNCTION dossier_revisions_immutable()`,
    );

    await q.query(`
      CREATE TABLE dossier_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        action varchar(24) NOT NULL,
        from_status varchar(24),
        to_status varchar(24) NOT NULL,
        revision int,
        actor_id uuid REFERENCES users(id),
        actor_username varchar(64),
        note text,
        details jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, id)`);
    await q.query(`CREATE INDEX dossier_events_action_at_idx ON dossier_events (action, at)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind varchar(32) NOT NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL,
        dossier_id uuid REFERENCES dossiers(id),
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT notifications_dedupe UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`ALTER TABLE users ADD COLUMN email varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN email`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE dossier_events`);
    await q.query(`DROP TABLE dossier_revisions`);
    await q.query(`DROP FUNCTION dossier_revisions_immutable()`);
    await q.query(`ALTER TABLE dossiers DROP CONSTRAINT dossiers_status_check,
      DROP COLUMN current_revision, DROP COLUMN routing_rule_id, DROP COLUMN appraiser_agency_id, DROP COLUMN appraiser_name,
      DROP COLUMN approver_kind, DROP COLUMN approver_agency_id, DROP COLUMN approver_name, DROP COLUMN first_submitted_at,
      DROP COLUMN submitted_at, DROP COLUMN received_on, DROP COLUMN clock_started_on, DROP COLUMN due_on, DROP COLUMN due_kind,
      DROP COLUMN return_items, DROP COLUMN appraisal, DROP COLUMN decision, DROP COLUMN approved_at`);
    await q.query(`DROP TABLE routing_rules`);
    await q.query(`DROP TABLE calendar_overrides`);
  }
}
