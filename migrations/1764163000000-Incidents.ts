import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident register per system (ND331 Art. 31.2.d: initial notice of a serious incident within 24 hours, the
 * report within 72 hours, at once when national security or order is at stake; Art. 31.2.c: an external assessment
 * after a serious incident). See docs/legal/incidents.md.
 */
export class Incidents1764163000000 implements MigrationInterface {
  name = 'Incidents1764163000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems (id) ON DELETE RESTRICT,
        detected_at timestamptz NOT NULL,
        severity varchar(16) NOT NULL CHECK (severity IN ('NORMAL', 'SERIOUS')),
        national_security boolean NOT NULL DEFAULT false,
        title varchar(300) NOT NULL,
        description text NOT NULL DEFAULT '',
        actions text NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        initial_notice_sent_at timestamptz,
        report_sent_at timestamptz,
        external_assessment_required boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        reported_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (initial_notice_sent_at IS NULL OR initial_notice_sent_at >= detected_at),
        CHECK (report_sent_at IS NULL OR report_sent_at >= detected_at),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX incidents_system_idx ON incidents (system_id, detected_at DESC)`);
    await q.query(`CREATE INDEX incidents_open_idx ON incidents (detected_at) WHERE status = 'OPEN'`);
    await q.query(`
      CREATE TABLE incident_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX incident_events_incident_idx ON incident_events (incident_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_events`);
    await q.query(`DROP TABLE incidents`);
  }
}
