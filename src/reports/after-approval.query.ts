import { EntityManager } from 'typeorm';
import type { InspectionPolicyRule } from '../inspections/inspection-schedule';
import type { DeploymentStatus } from '../systems/system-enums';

export interface AfterApprovalRow {
  id: string;
  level: number;
  approved_on: string;
  deployment_status: DeploymentStatus;
  on_list: boolean;
  /** PERIODIC and BEFORE_GO_LIVE inspections on or before the day asked, latest first, at most two. */
  inspections: string[] | null;
  last_organisation: string | null;
  open_incidents: number;
  open_flags: number;
}

/**
 * The approved systems of a scope on day $2 (a province $1, owner ids $3 or all), each with what the after-approval
 * dashboard counts: its derived deployment status (written from its plan items, src/plan-items), its last two
 * scheduled inspections and last organisation-wide one (src/inspections), whether its approved dossier put it on
 * the national-security List, its open incidents (src/incidents) and open re-determination flags (src/redetermination).
 * $4: one agency as owner or operator, or all.
 * Reads the current records: the level and decision the system holds now, approved on or before $2.
 */
export function afterApprovalSystems(
  em: EntityManager,
  scope: { provinceCode: string; asOf: string; ownerIds: string[] | null; agencyId?: string | null },
): Promise<AfterApprovalRow[]> {
  return em.query(
    `SELECT s.id, s.approved_level AS level, to_char(s.approval_decision_date, 'YYYY-MM-DD') AS approved_on, s.deployment_status,
            EXISTS (SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND d.status = 'APPROVED'
                     AND d.classification->'result'->>'onNationalSecurityList' = 'true') AS on_list,
            (SELECT array_agg(x.on ORDER BY x.on DESC) FROM (
               SELECT to_char(i.performed_on, 'YYYY-MM-DD') AS on FROM inspections i
                WHERE i.system_id = s.id AND i.kind IN ('PERIODIC', 'BEFORE_GO_LIVE') AND i.performed_on <= $2
                ORDER BY i.performed_on DESC LIMIT 2) x) AS inspections,
            (SELECT to_char(max(i.performed_on), 'YYYY-MM-DD') FROM inspections i
              WHERE i.system_id = s.id AND i.covers_organisation AND i.performed_on <= $2) AS last_organisation,
            (SELECT count(*)::int FROM incidents x WHERE x.system_id = s.id AND x.status = 'OPEN') AS open_incidents,
            (SELECT count(*)::int FROM redetermination_flags f WHERE f.system_id = s.id AND f.status = 'OPEN') AS open_flags
       FROM systems s
      WHERE s.province_code = $1 AND s.approved_level IS NOT NULL AND s.approval_decision_date <= $2
        AND (s.retired_at IS NULL OR s.retired_at > $2) AND ($3::uuid[] IS NULL OR s.owner_agency_id = ANY($3))
        AND ($4::uuid IS NULL OR s.owner_agency_id = $4 OR s.operator_agency_id = $4)`,
    [scope.provinceCode, scope.asOf, scope.ownerIds, scope.agencyId ?? null],
  );
}

/** The ND331 inspection policy version in force at the end of day $1 (the latest created by then). */
export async function policyInForce(em: EntityManager, asOf: string): Promise<InspectionPolicyRule[]> {
  const rows: { level: number; interval_months: number | null; requires_independent: boolean }[] = await em.query(
    `SELECT level, interval_months, requires_independent FROM inspection_policies
      WHERE regime = 'ND331' AND version = (
        SELECT max(version) FROM inspection_policies
         WHERE regime = 'ND331' AND created_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))`,
    [asOf],
  );
  return rows.map((r) => ({ level: r.level, intervalMonths: r.interval_months, requiresIndependent: r.requires_independent }));
}
