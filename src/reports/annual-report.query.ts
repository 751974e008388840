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
         FROM dossiers d WHERE d.system_id IN (SELECT id FROM sys)),
     -- Per system, each read once over the dossiers (a subquery per system over ds would scan it whole each time).
     cur AS (
       SELECT DISTINCT ON (x.system_id) x.system_id, x.state, x.proposed_level, x.plan_entries FROM ds x
        WHERE x.state IS NOT NULL AND x.state NOT IN ('WITHDRAWN', 'SUPERSEDED')
        ORDER BY x.system_id, x.created_at DESC, x.id DESC),
     appr AS (
       SELECT DISTINCT ON (x.system_id) x.system_id, x.decision, x.approved_on, x.plan_entries FROM ds x
        WHERE x.approved_on <= $2
        ORDER BY x.system_id, x.approved_on DESC, x.created_at DESC, x.id DESC),
     per AS (
       SELECT x.system_id, bool_or(x.state IS NOT NULL) AS had_dossier,
              max(x.first_submitted_on) FILTER (WHERE x.first_submitted_on <= $2) AS last_first_submitted_on
         FROM ds x GROUP BY x.system_id)
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
            coalesce(per.had_dossier, false) AS "hadDossier", to_char(per.last_first_submitted_on, 'YYYY-MM-DD') AS "lastFirstSubmittedOn"
       FROM sys
       JOIN systems s ON s.id = sys.id
       LEFT JOIN agency_versions ov ON ov.agency_id = sys.owner_agency_id AND ov.valid_from <= $2 AND (ov.valid_to IS NULL OR ov.valid_to >= $2)
       LEFT JOIN agency_versions opv ON opv.agency_id = sys.operator_agency_id AND opv.valid_from <= $2 AND (opv.valid_to IS NULL OR opv.valid_to >= $2)
       LEFT JOIN cur ON cur.system_id = s.id
       LEFT JOIN appr ON appr.system_id = s.id
       LEFT JOIN per ON per.system_id = s.id
      WHERE s.retired_at IS NULL OR s.retired_at > $2
      ORDER BY ov.name COLLATE "vi-x-icu", s.name COLLATE "vi-x-icu"`,
    [scope.provinceCode, scope.asOf, scope.ownerIds],
  );
}

/** One group of the national query: how many systems of a province share these facts on `asOf`. */
export interface AnnualFactGroup {
  provinceCode: string;
  currentState: DossierStatus | null;
  holdsApproval: boolean;
  approvedLevel: number | null;
  deploymentStatus: DeploymentStatus;
  hadDossier: boolean;
  inspected: boolean;
  inspectedInPeriod: boolean;
  submittedInPeriod: boolean;
  approvedOnInPeriod: boolean;
  count: number;
}

/**
 * The whole country's systems on $2 (not retired by then, held under a custody valid then), each read as
 * `annualSystems` reads it — the current dossier (latest by creation whose state on $2 is neither withdrawn nor
 * superseded), the latest approval by $2 else a decision recorded on the system by then, the inspections by $2 — and
 * counted by province and by the facts the summary needs (`mau08Facts`), the period running from $1. One statement:
 * each dossier and inspection is visited once and grouped by system, so the answer is a few rows per province
 * whatever the number of systems; column 6 and the summary stay in `mau08Facts` and `summarizeCounted`.
 */
export function annualNationalGroups(em: EntityManager, period: { from: string; asOf: string }): Promise<AnnualFactGroup[]> {
  return em.query(
    `WITH sys AS (
       SELECT s.id, s.province_code, s.deployment_status,
              CASE WHEN s.approval_decision_date <= $2::date AND s.approved_level IS NOT NULL THEN s.approved_level END AS recorded_level,
              CASE WHEN s.approval_decision_date <= $2::date AND s.approved_level IS NOT NULL THEN s.approval_decision_date END AS recorded_on
         FROM systems s
         JOIN system_custody c ON c.system_id = s.id AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to >= $2::date)
        WHERE s.retired_at IS NULL OR s.retired_at > $2::date),
     ds AS (
       SELECT d.system_id, d.created_at, d.decision,
              (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS first_submitted_on,
              (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS approved_on,
              -- DOSSIER_STATE_AS_OF, written so that the day's end bounds the index scan: before midnight UTC+7 after $2.
              coalesce(last_event.to_status::text,
                       CASE WHEN d.created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'DRAFT' END) AS state
         FROM sys JOIN dossiers d ON d.system_id = sys.id
         LEFT JOIN LATERAL (
           SELECT e.to_status FROM dossier_events e
            WHERE e.dossier_id = d.id AND e.at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
            ORDER BY e.at DESC, e.id DESC LIMIT 1) last_event ON true),
     by_system AS (
       SELECT system_id,
              bool_or(state IS NOT NULL) AS had_dossier,
              max(first_submitted_on) FILTER (WHERE first_submitted_on <= $2::date) AS last_submitted_on,
              (array_agg(state ORDER BY created_at DESC) FILTER (WHERE state IS NOT NULL AND state NOT IN ('WITHDRAWN', 'SUPERSEDED')))[1] AS current_state,
              nullif((array_agg(decision ORDER BY approved_on DESC, created_at DESC) FILTER (WHERE approved_on <= $2::date))[1], 'null'::jsonb) AS decision,
              max(approved_on) FILTER (WHERE approved_on <= $2::date) AS approved_on
         FROM ds GROUP BY system_id),
     insp AS (
       SELECT i.system_id, bool_or(i.performed_on >= $1::date) AS in_period
         FROM inspections i JOIN sys ON sys.id = i.system_id WHERE i.performed_on <= $2::date
        GROUP BY i.system_id)
     SELECT sys.province_code AS "provinceCode", b.current_state AS "currentState",
            (b.decision IS NOT NULL OR sys.recorded_level IS NOT NULL) AS "holdsApproval",
            coalesce((b.decision->>'level')::int, sys.recorded_level) AS "approvedLevel",
            sys.deployment_status AS "deploymentStatus",
            coalesce(b.had_dossier, false) AS "hadDossier",
            i.system_id IS NOT NULL AS "inspected",
            coalesce(i.in_period, false) AS "inspectedInPeriod",
            coalesce(b.last_submitted_on >= $1::date, false) AS "submittedInPeriod",
            coalesce(coalesce(b.approved_on, sys.recorded_on) >= $1::date, false) AS "approvedOnInPeriod",
            count(*)::int AS count
       FROM sys LEFT JOIN by_system b ON b.system_id = sys.id LEFT JOIN insp i ON i.system_id = sys.id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    [period.from, period.asOf],
  );
}

/** Every province with bodies, titled as its report is (its People's Committee, else "Tỉnh <code>"), in Vietnamese order. */
export function annualProvinces(em: EntityManager): Promise<{ code: string; title: string }[]> {
  return em.query(
    `SELECT code, title FROM (
       SELECT a.province_code AS code,
              coalesce((array_agg(a.name ORDER BY a.valid_to DESC NULLS FIRST) FILTER (WHERE a.kind = 'province_committee'))[1],
                       'Tỉnh ' || a.province_code) AS title
         FROM agencies a GROUP BY a.province_code) p
      ORDER BY title COLLATE "vi-x-icu", code`,
  );
}
