import { EntityManager } from 'typeorm';
import type { SystemInspection } from '../systems/system.entity';
import { DeploymentStatus } from '../systems/system-enums';
import { DossierStatus } from '../dossiers/dossier-status';
import { DOSSIER_STATE_AS_OF, SCOPE_SYSTEMS_AS_OF } from './report-scope-owners';

type PlanEntries = Record<string, { status: string; plannedDate?: string | null }>;

export interface AnnualSystemRow {
  id: string;
  code: string;
  name: string;
  ownerName: string;
  operatorName: string;
  /** Column 10: derived from the live plan items by src/plan-items (typed on the form before any item existed). */
  deploymentStatus: DeploymentStatus;
  /** Column 11 as the plan items say: the latest planned date among open items (src/plan-items). */
  deploymentExpectedOn: string | null;
  /** The system has live plan items (an approval since issue 20): columns 10–11 come from them. */
  hasPlanItems: boolean;
  /** Column 12: the inspections recorded in `inspections` (src/inspections) on or before `asOf`, oldest first. */
  inspections: SystemInspection[];
  regulationNumber: string | null;
  regulationDate: string | null;
  /** The decision recorded on the system itself (a prior decision, or the latest dossier's). */
  recordedLevel: number | null;
  recordedDecisionNumber: string | null;
  recordedDecisionDate: string | null;
  recordedDecisionIssuer: string | null;
  /** The latest dossier on `asOf` that was neither withdrawn nor superseded, and its state then. */
  currentState: DossierStatus | null;
  currentProposedLevel: number | null;
  currentPlan: PlanEntries | null;
  /** The latest approval on or before `asOf`. */
  approvedDecision: { number: string; date: string; issuer: string; level: number } | null;
  approvedOn: string | null;
  approvedPlan: PlanEntries | null;
  /** Some dossier existed on `asOf`, withdrawn ones included. */
  hadDossier: boolean;
  lastFirstSubmittedOn: string | null;
}

/**
 * Every system of the scope on `asOf` that was not retired by then, with its dossiers' state on that day (from
 * dossier_events) and the names its owner and operator had then. Sorted by owner, then system name (vi collation).
 */
export function annualSystems(
  em: EntityManager,
  scope: { provinceCode: string; asOf: string; ownerIds: string[] | null },
): Promise<AnnualSystemRow[]> {
  return em.query(
    `WITH sys AS (${SCOPE_SYSTEMS_AS_OF}),
     ds AS (
       SELECT d.id, d.system_id, d.proposed_level, d.decision, d.plan_entries, d.created_at,
              (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS first_submitted_on,
              (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS approved_on,
              ${DOSSIER_STATE_AS_OF} AS state
         FROM dossiers d WHERE d.system_id IN (SELECT id FROM sys))
     SELECT s.id, s.code, s.name, ov.name AS "ownerName", opv.name AS "operatorName",
            s.deployment_status AS "deploymentStatus", to_char(s.deployment_expected_on, 'YYYY-MM-DD') AS "deploymentExpectedOn",
            EXISTS (SELECT 1 FROM plan_items p WHERE p.system_id = s.id AND p.superseded_at IS NULL) AS "hasPlanItems",
            coalesce((SELECT jsonb_agg(jsonb_build_object('kind', i.kind, 'date', to_char(i.performed_on, 'YYYY-MM-DD'), 'performer', i.performer)
                                       ORDER BY i.performed_on, i.created_at)
                        FROM inspections i WHERE i.system_id = s.id AND i.performed_on <= $2), '[]'::jsonb) AS inspections,
            s.internal_regulation_number AS "regulationNumber", to_char(s.internal_regulation_date, 'YYYY-MM-DD') AS "regulationDate",
            s.approved_level AS "recordedLevel", s.approval_decision_number AS "recordedDecisionNumber",
            to_char(s.approval_decision_date, 'YYYY-MM-DD') AS "recordedDecisionDate", s.approval_decision_issuer AS "recordedDecisionIssuer",
            cur.state AS "currentState", cur.proposed_level AS "currentProposedLevel", cur.plan_entries AS "currentPlan",
            appr.decision AS "approvedDecision", to_char(appr.approved_on, 'YYYY-MM-DD') AS "approvedOn", appr.plan_entries AS "approvedPlan",
            EXISTS (SELECT 1 FROM ds x WHERE x.system_id = s.id AND x.state IS NOT NULL) AS "hadDossier",
            (SELECT to_char(max(x.first_submitted_on), 'YYYY-MM-DD') FROM ds x WHERE x.system_id = s.id AND x.first_submitted_on <= $2) AS "lastFirstSubmittedOn"
       FROM sys
       JOIN systems s ON s.id = sys.id
       LEFT JOIN agency_versions ov ON ov.agency_id = sys.owner_agency_id AND ov.valid_from <= $2 AND (ov.valid_to IS NULL OR ov.valid_to >= $2)
       LEFT JOIN agency_versions opv ON opv.agency_id = sys.operator_agency_id AND opv.valid_from <= $2 AND (opv.valid_to IS NULL OR opv.valid_to >= $2)
       LEFT JOIN LATERAL (
         SELECT x.state, x.proposed_level, x.plan_entries FROM ds x
          WHERE x.system_id = s.id AND x.state IS NOT NULL AND x.state NOT IN ('WITHDRAWN', 'SUPERSEDED')
          ORDER BY x.created_at DESC LIMIT 1) cur ON true
       LEFT JOIN LATERAL (
         SELECT x.decision, x.approved_on, x.plan_entries FROM ds x
          WHERE x.system_id = s.id AND x.approved_on <= $2
          ORDER BY x.approved_on DESC, x.created_at DESC LIMIT 1) appr ON true
      WHERE s.retired_at IS NULL OR s.retired_at > $2
      ORDER BY ov.name COLLATE "vi-x-icu", s.name COLLATE "vi-x-icu"`,
    [scope.provinceCode, scope.asOf, scope.ownerIds],
  );
}
