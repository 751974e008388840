import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-determination flags (docs/legal/redetermination.md): an approved system whose level must be determined again
 * (ND331 Art. 25), raised by a system edit the rulebook in force computes above the approved level, or recorded by an
 * appraiser (Art. 10.2 events, a competent body's request Art. 10.7, an improper split or merge Art. 8.3, a higher risk
 * Art. 10.5). Settled by a new approval at or above the flagged level, or dismissed with a written reason.
 */
export class Redetermination1764162000000 implements MigrationInterface {
  name = 'Redetermination1764162000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE redetermination_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES systems (id) ON DELETE CASCADE,
        source varchar(20) NOT NULL CHECK (source IN ('AUTO_EDIT', 'RISK_EVENT', 'AUTHORITY_REQUEST', 'SPLIT_MERGE', 'HIGHER_RISK')),
        risk_event varchar(20) CHECK (risk_event IN ('CHANGE', 'EXTENSION', 'SERIOUS_INCIDENT')),
        approved_level smallint NOT NULL CHECK (approved_level BETWEEN 1 AND 5),
        computed_level smallint CHECK (computed_level BETWEEN 1 AND 5),
        level_is_floor boolean NOT NULL DEFAULT false,
        regime varchar(8) NOT NULL CHECK (regime IN ('ND85', 'ND331')),
        articles text[] NOT NULL DEFAULT '{}',
        reasons text[] NOT NULL DEFAULT '{}',
        note text,
        status varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLEARED', 'DISMISSED')),
        raised_at timestamptz NOT NULL DEFAULT now(),
        raised_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolution_note text,
        cleared_by_dossier_id uuid REFERENCES dossiers (id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
        CHECK (status <> 'DISMISSED' OR length(btrim(coalesce(resolution_note, ''))) > 0)
      )`);
    // At most one open automatic flag per system: a later edit raises it rather than adding another.
    await q.query(
      `CREATE UNIQUE INDEX redetermination_flags_one_open_auto ON redetermination_flags (system_id) WHERE status = 'OPEN' AND source = 'AUTO_EDIT'`,
    );
    await q.query(`CREATE INDEX redetermination_flags_system ON redetermination_flags (system_id, raised_at DESC)`);
    await q.query(`CREATE INDEX redetermination_flags_open ON redetermination_flags (raised_at DESC) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE redetermination_flags`);
  }
}
