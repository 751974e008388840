import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approved security plan, item by item (docs/legal/plan-items.md): one row per requirement of the approved dossier's
 * plan (ND331 Art. 29.2 sections a–g; TT12 Art. 14.9 / ND331 Art. 36.10 "theo từng tiêu chí, yêu cầu"), its history
 * and its evidence files. `systems.deployment_status` (Mẫu 08 col 10) and the new `systems.deployment_expected_on`
 * (col 11) are derived from the live items in the same transaction (src/plan-items/deployment-status.ts).
 */
export class PlanItems1764160000000 implements MigrationInterface {
  name = 'PlanItems1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE systems ADD COLUMN deployment_expected_on date`);
    await q.query(`
      CREATE TABLE plan_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems(id),
        dossier_id uuid NOT NULL REFERENCES dossiers(id),
        requirement_id varchar(60) NOT NULL,
        section varchar(2) NOT NULL CHECK (section IN ('a', 'b', 'c', 'd', 'dd', 'e', 'g')),
        title text NOT NULL,
        measure text NOT NULL DEFAULT '',
        responsible_unit text NOT NULL DEFAULT '',
        planned_date date,
        status varchar(16) NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE')),
        reason text,
        done_on date,
        declared_at_approval boolean NOT NULL DEFAULT false,
        superseded_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_items_reason_when_not_applicable CHECK (status <> 'NOT_APPLICABLE' OR length(btrim(coalesce(reason, ''))) > 0),
        CONSTRAINT plan_items_one_per_requirement UNIQUE (dossier_id, requirement_id)
      )`);
    await q.query(`CREATE INDEX plan_items_live_by_system ON plan_items (system_id) WHERE superseded_at IS NULL`);
    await q.query(
      `CREATE INDEX plan_items_open_by_date ON plan_items (planned_date) WHERE superseded_at IS NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS')`,
    );
    await q.query(`
      CREATE TABLE plan_item_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_item_id uuid NOT NULL REFERENCES plan_items(id),
        action varchar(24) NOT NULL,
        actor_id uuid,
        before jsonb,
        after jsonb,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plan_item_events_by_item ON plan_item_events (plan_item_id, created_at)`);
    await q.query(`
      CREATE TABLE plan_item_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_item_id uuid NOT NULL REFERENCES plan_items(id),
        file_name varchar(255) NOT NULL,
        media_type varchar(120) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plan_item_evidence_by_item ON plan_item_evidence (plan_item_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_item_evidence`);
    await q.query(`DROP TABLE plan_item_events`);
    await q.query(`DROP TABLE plan_items`);
    await q.query(`ALTER TABLE systems DROP COLUMN deployment_expected_on`);
  }
}
