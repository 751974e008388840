import { EntityManager } from 'typeorm';
import { moveCustody } from './system-custody';

/**
 * Writes to `systems` that other features make in their own transaction (one owner per table): the workflow records
 * an approved level, a reorganisation moves systems to the successor agency. The callers audit.
 */

/** A decision approving a system's level, as it is kept on the system's approval columns. */
export interface LevelOnRecord {
  level: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
}

/** Writes the level on record onto a system, with the system's version. */
export async function recordApprovedLevel(em: EntityManager, systemId: string, decision: LevelOnRecord): Promise<void> {
  await em.query(
    `UPDATE systems SET approved_level = $2, approval_decision_number = $3, approval_decision_date = $4, approval_decision_issuer = $5,
            version = version + 1, updated_at = now() WHERE id = $1`,
    [systemId, decision.level, decision.decisionNumber, decision.decisionDate, decision.issuer],
  );
}

/** One system moved by a reorganisation: what it was, what it became. */
export interface SystemMove {
  id: string;
  before: { code: string; owner_agency_id: string; operator_agency_id: string };
  after: { code: string; owner_agency_id: string; operator_agency_id: string; effectiveDate: string };
}

/**
 * Systems owned or operated by the merged agencies pass to the successor from the effective date, custody history
 * included; a code already used at the successor gets the source agency's code appended.
 */
export async function moveSystemsToSuccessor(
  em: EntityManager,
  sourceIds: string[],
  successorId: string,
  effectiveDate: string,
): Promise<SystemMove[]> {
  const systems: { id: string; code: string; owner_agency_id: string; operator_agency_id: string; source_code: string }[] = await em.query(
    `SELECT s.id, s.code, s.owner_agency_id, s.operator_agency_id, a.code AS source_code
       FROM systems s JOIN agencies a ON a.id = CASE WHEN s.owner_agency_id = ANY($1) THEN s.owner_agency_id ELSE s.operator_agency_id END
      WHERE s.owner_agency_id = ANY($1) OR s.operator_agency_id = ANY($1) FOR UPDATE OF s`,
    [sourceIds],
  );
  const moves: SystemMove[] = [];
  for (const system of systems) {
    const ownerMoves = sourceIds.includes(system.owner_agency_id);
    const owner = ownerMoves ? successorId : system.owner_agency_id;
    const operator = sourceIds.includes(system.operator_agency_id) ? successorId : system.operator_agency_id;
    const [before] = await em.query(`SELECT code, owner_agency_id, operator_agency_id FROM systems WHERE id = $1`, [system.id]);
    const taken =
      ownerMoves && (await em.query(`SELECT 1 FROM systems WHERE owner_agency_id = $1 AND code = $2`, [owner, system.code])).length > 0;
    const code = taken ? `${system.code}-${system.source_code}`.slice(0, 60) : system.code;
    await em.query(
      `UPDATE systems SET owner_agency_id = $2, operator_agency_id = $3, code = $4,
              province_code = (SELECT province_code FROM agencies WHERE id = $2), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [system.id, owner, operator, code],
    );
    await moveCustody(em, system.id, owner, operator, effectiveDate);
    moves.push({ id: system.id, before, after: { code, owner_agency_id: owner, operator_agency_id: operator, effectiveDate } });
  }
  return moves;
}

/**
 * Mẫu 08 cols 10–11 as the plan items say (src/plan-items/deployment-status.ts): the plan-items feature writes them
 * in the transaction that changed an item. Derived, so the system's version is left alone (no edit of the form is
 * overtaken by it; typing the status is refused once items exist).
 */
export async function recordDeployment(em: EntityManager, systemId: string, status: string, expectedOn: string | null): Promise<void> {
  await em.query(`UPDATE systems SET deployment_status = $2, deployment_expected_on = $3, updated_at = now() WHERE id = $1`, [
    systemId,
    status,
    expectedOn,
  ]);
}

/**
 * The legacy `systems.inspections` list (SystemDto.inspections; Mẫu 08 column 12 read it), now a mirror of the
 * `inspections` table rewritten by src/inspections after each recorded inspection; the system form no longer types it.
 */
export async function mirrorInspections(em: EntityManager, systemId: string): Promise<void> {
  await em.query(
    `UPDATE systems SET inspections = COALESCE((
       SELECT jsonb_agg(jsonb_build_object('kind', i.kind, 'date', to_char(i.performed_on, 'YYYY-MM-DD'), 'performer', i.performer)
                        || CASE WHEN i.summary IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('notes', left(i.summary, 2000)) END
                        ORDER BY i.performed_on, i.created_at)
         FROM inspections i WHERE i.system_id = $1), '[]'::jsonb)
      WHERE id = $1`,
    [systemId],
  );
}
