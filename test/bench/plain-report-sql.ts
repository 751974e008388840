import { Client } from 'pg';

/**
 * The approval-rate report's figures written by hand as two plain SQL statements, run with pg directly: what a
 * DBA would query to answer "which bodies of this province (or of the country) existed on D, which had submitted
 * and which had an approved dossier by D, and their systems then". $1 province (null: the whole country), $2 D.
 * Same rules as the report: days are Vietnamese days (D ends at midnight UTC+7); a dossier counts for the body
 * that owned its system on the day it was first submitted, carried to that body's successor when the body had
 * ended by D (one merger deep, all the dataset has); systems count for their owner on D. It starts from the
 * scope's bodies and reaches their systems and dossiers through the indexes, as a hand-written query would.
 */
export const PLAIN_BODIES_SQL = `
  WITH bodies AS (
    SELECT a.id, a.kind FROM agencies a
     WHERE ($1::varchar IS NULL OR a.province_code = $1) AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to >= $2)),
  origins AS (
    SELECT id AS origin, id AS body FROM bodies
    UNION ALL
    SELECT a.id, a.successor_id FROM agencies a JOIN bodies b ON b.id = a.successor_id WHERE a.valid_to < $2),
  custody AS (
    SELECT o.body, c.system_id, c.valid_from, c.valid_to FROM origins o JOIN system_custody c ON c.owner_agency_id = o.origin),
  firsts AS (
    SELECT c.body, min(d.first_submitted_at) AS submitted_at,
           min(d.approved_at) FILTER (WHERE d.approved_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS approved_at
      FROM custody c JOIN dossiers d ON d.system_id = c.system_id
     WHERE d.first_submitted_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
       AND (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN c.valid_from AND coalesce(c.valid_to, 'infinity')
     GROUP BY c.body),
  held AS (
    SELECT c.body, count(*) AS systems, count(*) FILTER (WHERE s.lifecycle <> 'PLANNED') AS operating,
           count(*) FILTER (WHERE s.approval_decision_date <= $2 OR EXISTS (
             SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND d.approved_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) AS approved
      FROM custody c JOIN systems s ON s.id = c.system_id
     WHERE $2 BETWEEN c.valid_from AND coalesce(c.valid_to, 'infinity') AND (s.retired_at IS NULL OR s.retired_at > $2)
     GROUP BY c.body)
  SELECT b.id, b.kind, f.submitted_at IS NOT NULL AS submitted, f.approved_at IS NOT NULL AS approved,
         coalesce(h.systems, 0)::int AS systems, coalesce(h.operating, 0)::int AS operating, coalesce(h.approved, 0)::int AS approved_systems
    FROM bodies b LEFT JOIN firsts f ON f.body = b.id LEFT JOIN held h ON h.body = b.id`;

/** Systems of the scope by their approved level on $2: the latest dossier approved by then, else a recorded decision. */
export const PLAIN_LEVELS_SQL = `
  SELECT level, count(*)::int AS n FROM (
    SELECT coalesce(
             (SELECT (d.decision->>'level')::int FROM dossiers d
               WHERE d.system_id = s.id AND d.approved_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
               ORDER BY d.approved_at DESC LIMIT 1),
             CASE WHEN s.approval_decision_date <= $2 THEN s.approved_level END) AS level
      FROM agencies a
      JOIN system_custody c ON c.owner_agency_id = a.id AND $2 BETWEEN c.valid_from AND coalesce(c.valid_to, 'infinity')
      JOIN systems s ON s.id = c.system_id AND (s.retired_at IS NULL OR s.retired_at > $2)
     WHERE ($1::varchar IS NULL OR a.province_code = $1) AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to >= $2)
       AND ($1::varchar IS NULL OR s.province_code = $1)) x
   WHERE level IS NOT NULL GROUP BY level`;

export interface ReportFigures {
  bodies: number;
  submitted: number;
  approved: number;
  systems: number;
  operating: number;
  withApprovedLevel: number;
  byLevel: Record<string, number>;
}

/** The report's headline figures from the plain SQL, to check that the API computes the same numbers. */
export async function plainFigures(client: Client, province: string | null, asOf: string): Promise<ReportFigures> {
  const { rows } = await client.query(PLAIN_BODIES_SQL, [province, asOf]);
  const levels = await client.query(PLAIN_LEVELS_SQL, [province, asOf]);
  return figuresFromRows(rows, levels.rows);
}

/** The headline figures from the rows of PLAIN_BODIES_SQL and PLAIN_LEVELS_SQL. */
export function figuresFromRows(rows: Record<string, number | boolean>[], levels: { level: number; n: number }[]): ReportFigures {
  const sum = (key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
  return {
    bodies: rows.length,
    submitted: rows.filter((r) => r.submitted).length,
    approved: rows.filter((r) => r.approved).length,
    systems: sum('systems'),
    operating: sum('operating'),
    withApprovedLevel: sum('approved_systems'),
    byLevel: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), levels.find((r) => r.level === l)?.n ?? 0])),
  };
}

/** The same headline figures read from the API's JSON. */
export function apiFigures(report: {
  agencies: { total: number; submitted: number; approved: number };
  systems: { total: number; operating: number; withApprovedLevel: number; byLevel: Record<string, number> };
}): ReportFigures {
  return {
    bodies: report.agencies.total,
    submitted: report.agencies.submitted,
    approved: report.agencies.approved,
    systems: report.systems.total,
    operating: report.systems.operating,
    withApprovedLevel: report.systems.withApprovedLevel,
    byLevel: report.systems.byLevel,
  };
}
