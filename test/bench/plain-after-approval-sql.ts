import { Client } from 'pg';

/**
 * The after-approval dashboard's figures (issue 20) as one plain SQL statement, run with pg directly: for the approved
 * systems of a province ($1) on day $2, by level tier, how many there are, how many have their plan fully deployed,
 * and how many are overdue for inspection — the next due day being the last PERIODIC / BEFORE_GO_LIVE inspection
 * (else the approval) plus the level's interval of the newest ND331 policy version (an organisation-wide inspection
 * counting for the 24-month cycle), or 30 September of the next year for a system its approved dossier put on the
 * national-security List, whichever is earlier. PostgreSQL's `date + interval 'n months'` keeps the day clamped to
 * the month's end, as date-fns does in src/inspections/inspection-schedule.ts.
 */
export const PLAIN_AFTER_APPROVAL_SQL = `
  WITH pol AS (
    SELECT level, interval_months FROM inspection_policies
     WHERE regime = 'ND331' AND version = (SELECT max(version) FROM inspection_policies WHERE regime = 'ND331')),
  sys AS (
    SELECT s.id, s.approved_level AS level, s.deployment_status,
           coalesce((SELECT max(i.performed_on) FROM inspections i
                      WHERE i.system_id = s.id AND i.kind IN ('PERIODIC', 'BEFORE_GO_LIVE') AND i.performed_on <= $2),
                    s.approval_decision_date) AS base,
           (SELECT max(i.performed_on) FROM inspections i WHERE i.system_id = s.id AND i.covers_organisation AND i.performed_on <= $2) AS org,
           EXISTS (SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND d.status = 'APPROVED'
                    AND d.classification->'result'->>'onNationalSecurityList' = 'true') AS on_list
      FROM systems s
     WHERE s.province_code = $1 AND s.approved_level IS NOT NULL AND s.approval_decision_date <= $2
       AND (s.retired_at IS NULL OR s.retired_at > $2)),
  due AS (
    SELECT sys.level, sys.deployment_status,
           least(
             (CASE WHEN p.interval_months >= 24 THEN greatest(sys.base, coalesce(sys.org, sys.base)) ELSE sys.base END
               + make_interval(months => p.interval_months))::date,
             CASE WHEN sys.on_list THEN make_date(extract(year FROM sys.base)::int + 1, 9, 30) END) AS due_on
      FROM sys LEFT JOIN pol p ON p.level = sys.level)
  SELECT CASE WHEN level <= 2 THEN 'LEVEL_1_2' WHEN level = 3 THEN 'LEVEL_3' ELSE 'LEVEL_4_5' END AS tier,
         count(*)::int AS approved,
         count(*) FILTER (WHERE deployment_status = 'FULL')::int AS "fullyDeployed",
         count(*) FILTER (WHERE due_on < $2)::int AS "inspectionOverdue"
    FROM due GROUP BY 1 ORDER BY 1`;

export type AfterApprovalFigures = Record<string, { approved: number; fullyDeployed: number; inspectionOverdue: number }>;

export async function plainAfterApprovalFigures(client: Client, province: string, asOf: string): Promise<AfterApprovalFigures> {
  const rows: { tier: string; approved: number; fullyDeployed: number; inspectionOverdue: number }[] = (
    await client.query(PLAIN_AFTER_APPROVAL_SQL, [province, asOf])
  ).rows;
  const out: AfterApprovalFigures = {};
  for (const tier of ['LEVEL_1_2', 'LEVEL_3', 'LEVEL_4_5']) {
    const row = rows.find((r) => r.tier === tier);
    out[tier] = { approved: row?.approved ?? 0, fullyDeployed: row?.fullyDeployed ?? 0, inspectionOverdue: row?.inspectionOverdue ?? 0 };
  }
  return out;
}

export function apiAfterApprovalFigures(body: {
  tiers: { tier: string; approved: number; fullyDeployed: number; inspectionOverdue: number }[];
}): AfterApprovalFigures {
  return Object.fromEntries(
    body.tiers
      .filter((t) => t.tier !== 'TOTAL')
      .map((t) => [t.tier, { approved: t.approved, fullyDeployed: t.fullyDeployed, inspectionOverdue: t.inspectionOverdue }]),
  );
}
