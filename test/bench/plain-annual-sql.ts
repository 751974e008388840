import { Client } from 'pg';

/**
 * Mẫu 08's summary (the annual report, GET /reports/annual) written by hand as one plain SQL statement, run with pg
 * directly: what a DBA would query to count, for the systems of a province ($1; null: the whole country) held on day
 * $2 and not retired by then, the stage each had reached on $2 and what happened in the reporting period from $3.
 * Same rules as src/reports/mau08.ts and annual-report.mapper.ts: days are Vietnamese days (a day ends at midnight
 * UTC+7); a dossier's state on $2 is that of its last event by then, DRAFT once created; the current dossier is the
 * latest one in a state other than withdrawn or superseded; the approval is the latest by $2, else a decision
 * recorded on the system by then; a system holding an approval is "approved" (column 6) whatever its current dossier.
 * Each dossier and inspection is visited once and grouped by system (no per-system subquery over a CTE).
 */
export const PLAIN_ANNUAL_SQL = `
  WITH sys AS (
    SELECT s.id, s.deployment_status,
           CASE WHEN s.approval_decision_date <= $2 AND s.approved_level IS NOT NULL THEN s.approved_level END AS recorded_level,
           CASE WHEN s.approval_decision_date <= $2 AND s.approved_level IS NOT NULL THEN s.approval_decision_date END AS recorded_on
      FROM systems s
      JOIN system_custody c ON c.system_id = s.id AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
     WHERE ($1::varchar IS NULL OR s.province_code = $1) AND (s.retired_at IS NULL OR s.retired_at > $2)),
  dos AS (
    SELECT d.system_id, d.created_at, d.decision,
           (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS approved_on,
           (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS submitted_on,
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
           max(submitted_on) FILTER (WHERE submitted_on <= $2) AS last_submitted_on,
           (array_agg(state ORDER BY created_at DESC) FILTER (WHERE state IS NOT NULL AND state NOT IN ('WITHDRAWN', 'SUPERSEDED')))[1] AS current_state,
           (array_agg(decision ORDER BY approved_on DESC, created_at DESC) FILTER (WHERE approved_on <= $2))[1] AS decision,
           max(approved_on) FILTER (WHERE approved_on <= $2) AS approved_on
      FROM dos GROUP BY system_id),
  insp AS (
    SELECT i.system_id, bool_or(i.performed_on >= $3) AS in_period
      FROM inspections i JOIN sys ON sys.id = i.system_id
     WHERE i.performed_on <= $2 GROUP BY i.system_id),
  facts AS (
    SELECT sys.deployment_status,
           (b.decision IS NOT NULL OR sys.recorded_level IS NOT NULL) AS holds,
           coalesce((b.decision->>'level')::int, sys.recorded_level) AS level,
           coalesce(b.approved_on, sys.recorded_on) AS approved_on,
           b.current_state, coalesce(b.had_dossier, false) AS had_dossier, b.last_submitted_on,
           i.system_id IS NOT NULL AS inspected, coalesce(i.in_period, false) AS inspected_in_period
      FROM sys LEFT JOIN by_system b ON b.system_id = sys.id LEFT JOIN insp i ON i.system_id = sys.id),
  graded AS (
    SELECT *, CASE WHEN holds THEN 'APPROVED'
                   WHEN current_state IN ('DRAFT', 'AWAITING_OPINION', 'OPINION_GIVEN') THEN 'DRAFTING'
                   WHEN current_state IN ('SUBMITTED', 'RETURNED', 'UNDER_APPRAISAL') THEN 'SUBMITTED'
                   WHEN current_state IN ('APPRAISED', 'AWAITING_APPROVAL', 'AWAITING_LISTING') THEN 'APPRAISED'
                   WHEN current_state IN ('APPROVED', 'SUPERSEDED') THEN 'APPROVED' END AS status
      FROM facts)
  SELECT count(*)::int AS systems,
         count(*) FILTER (WHERE had_dossier OR holds OR status IS NOT NULL)::int AS classified,
         count(*) FILTER (WHERE status IS NOT NULL)::int AS dossiers_built,
         count(*) FILTER (WHERE status IN ('APPRAISED', 'APPROVED'))::int AS appraised,
         count(*) FILTER (WHERE status = 'APPROVED')::int AS approved,
         count(*) FILTER (WHERE status = 'APPROVED' AND inspected)::int AS approved_inspected,
         count(*) FILTER (WHERE status = 'APPROVED' AND inspected_in_period)::int AS approved_inspected_in_period,
         count(*) FILTER (WHERE status = 'APPROVED' AND level = 1)::int AS level1,
         count(*) FILTER (WHERE status = 'APPROVED' AND level = 2)::int AS level2,
         count(*) FILTER (WHERE status = 'APPROVED' AND level = 3)::int AS level3,
         count(*) FILTER (WHERE status = 'APPROVED' AND level = 4)::int AS level4,
         count(*) FILTER (WHERE status = 'APPROVED' AND level = 5)::int AS level5,
         count(*) FILTER (WHERE status = 'DRAFTING')::int AS drafting,
         count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted,
         count(*) FILTER (WHERE status = 'APPRAISED')::int AS appraised_only,
         count(*) FILTER (WHERE deployment_status = 'NOT_DEPLOYED')::int AS not_deployed,
         count(*) FILTER (WHERE deployment_status = 'PARTIAL')::int AS partial,
         count(*) FILTER (WHERE deployment_status = 'FULL')::int AS full,
         count(*) FILTER (WHERE status = 'APPROVED' AND deployment_status = 'FULL')::int AS fully_deployed,
         count(*) FILTER (WHERE last_submitted_on BETWEEN $3 AND $2)::int AS submitted_in_period,
         count(*) FILTER (WHERE status = 'APPROVED' AND approved_on BETWEEN $3 AND $2)::int AS approved_in_period
    FROM graded`;

/** Mẫu 08's summary figures, in one order for the API's JSON and the plain SQL alike. */
export interface AnnualFigures {
  systems: number;
  classified: number;
  dossiersBuilt: number;
  appraised: number;
  approved: number;
  approvedAndInspected: number;
  approvedAndInspectedInPeriod: number;
  byLevel: Record<string, number>;
  byStatus: Record<string, number>;
  deployment: Record<string, number>;
  fullyDeployed: number;
  approvalRate: number | null;
  fullDeploymentRate: number | null;
  duringPeriod: { submitted: number; approved: number };
}

/** The form's percentage (src/reports/report-tiers.ts `rate`): one decimal, none of nothing. */
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The summary from counts (also how the country's figures are summed from its provinces'). */
export function annualFigures(c: Omit<AnnualFigures, 'approvalRate' | 'fullDeploymentRate'>): AnnualFigures {
  return {
    systems: c.systems,
    classified: c.classified,
    dossiersBuilt: c.dossiersBuilt,
    appraised: c.appraised,
    approved: c.approved,
    approvedAndInspected: c.approvedAndInspected,
    approvedAndInspectedInPeriod: c.approvedAndInspectedInPeriod,
    byLevel: Object.fromEntries(['1', '2', '3', '4', '5'].map((l) => [l, c.byLevel[l] ?? 0])),
    byStatus: Object.fromEntries(['DRAFTING', 'SUBMITTED', 'APPRAISED', 'APPROVED'].map((s) => [s, c.byStatus[s] ?? 0])),
    deployment: Object.fromEntries(['NOT_DEPLOYED', 'PARTIAL', 'FULL'].map((s) => [s, c.deployment[s] ?? 0])),
    fullyDeployed: c.fullyDeployed,
    approvalRate: rate(c.approved, c.systems),
    fullDeploymentRate: rate(c.fullyDeployed, c.approved),
    duringPeriod: { submitted: c.duringPeriod.submitted, approved: c.duringPeriod.approved },
  };
}

export async function plainAnnualFigures(
  client: Client,
  province: string | null,
  asOf: string,
  periodFrom: string,
): Promise<AnnualFigures> {
  const [r]: Record<string, number>[] = (await client.query(PLAIN_ANNUAL_SQL, [province, asOf, periodFrom])).rows;
  return annualFigures({
    systems: r.systems,
    classified: r.classified,
    dossiersBuilt: r.dossiers_built,
    appraised: r.appraised,
    approved: r.approved,
    approvedAndInspected: r.approved_inspected,
    approvedAndInspectedInPeriod: r.approved_inspected_in_period,
    byLevel: { '1': r.level1, '2': r.level2, '3': r.level3, '4': r.level4, '5': r.level5 },
    byStatus: { DRAFTING: r.drafting, SUBMITTED: r.submitted, APPRAISED: r.appraised_only, APPROVED: r.approved },
    deployment: { NOT_DEPLOYED: r.not_deployed, PARTIAL: r.partial, FULL: r.full },
    fullyDeployed: r.fully_deployed,
    duringPeriod: { submitted: r.submitted_in_period, approved: r.approved_in_period },
  });
}

/** The same figures from the API's JSON (`summary`). */
export function apiAnnualFigures(body: { summary: AnnualFigures }): AnnualFigures {
  return annualFigures(body.summary);
}

/** The country's figures as the sum of its provinces' (the rates computed again from the sums). */
export function sumAnnualFigures(parts: AnnualFigures[]): AnnualFigures {
  const add = (pick: (f: AnnualFigures) => Record<string, number>) =>
    parts.reduce<Record<string, number>>((acc, f) => {
      for (const [k, v] of Object.entries(pick(f))) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {});
  const total = (pick: (f: AnnualFigures) => number) => parts.reduce((acc, f) => acc + pick(f), 0);
  return annualFigures({
    systems: total((f) => f.systems),
    classified: total((f) => f.classified),
    dossiersBuilt: total((f) => f.dossiersBuilt),
    appraised: total((f) => f.appraised),
    approved: total((f) => f.approved),
    approvedAndInspected: total((f) => f.approvedAndInspected),
    approvedAndInspectedInPeriod: total((f) => f.approvedAndInspectedInPeriod),
    byLevel: add((f) => f.byLevel),
    byStatus: add((f) => f.byStatus),
    deployment: add((f) => f.deployment),
    fullyDeployed: total((f) => f.fullyDeployed),
    duringPeriod: { submitted: total((f) => f.duringPeriod.submitted), approved: total((f) => f.duringPeriod.approved) },
  });
}
