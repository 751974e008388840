import { EntityManager } from 'typeorm';

export interface AgencyProgressRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  provinceCode: string;
  firstSubmittedOn: string | null;
  firstApprovedOn: string | null;
  systems: number;
  operatingSystems: number;
  approvedSystems: number;
  /** The approved systems by their level on the day (they add up to approvedSystems). */
  approvedByLevel: Record<string, number>;
}

export interface ProgressScope {
  /** null: every province (the national report). */
  provinceCode: string | null;
  rootAgencyId?: string;
  asOf: string;
}

/** SQL: the first instant after day $2 in Vietnam (UTC+7); "on or before $2" is "before this". */
export const END_OF_DAY = `(($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/**
 * SQL (CTEs): `bodies`, every body of the scope that existed on $2 with its name then ($1 province or null for
 * all, $3 root agency or null); `origins`, those bodies and every body whose successor links lead to one of them
 * by $2 (merged away before that day), each with the body it is carried to.
 */
export const SCOPE_BODIES = `
  bodies AS (
    SELECT a.id, a.code, v.name, a.kind, a.province_code
      FROM agencies a
      JOIN agency_versions v ON v.agency_id = a.id AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)
     WHERE ($1::varchar IS NULL OR a.province_code = $1) AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to >= $2)
       AND ($3::uuid IS NULL OR a.id IN (
         WITH RECURSIVE sub AS (SELECT $3::uuid AS id UNION SELECT x.agency_id FROM agency_versions x JOIN sub ON x.parent_id = sub.id
                                WHERE x.valid_from <= $2 AND (x.valid_to IS NULL OR x.valid_to >= $2))
         SELECT id FROM sub))),
  origins AS (
    SELECT id AS origin, id AS body, 0 AS hops FROM bodies
    UNION ALL
    SELECT a.id, o.body, o.hops + 1 FROM origins o JOIN agencies a ON a.successor_id = o.origin
     WHERE a.valid_to IS NOT NULL AND a.valid_to < $2 AND o.hops < 10)`;

/**
 * Every body that existed on `asOf` in the scope, with the day it first submitted a dossier and the day it first
 * had one approved (both on or before `asOf`), and its systems then, by approved level. A submission counts for
 * the body that owned the system on the day (custody history), carried forward through mergers to the body that
 * existed on `asOf`. A system's level on `asOf` is that of its latest dossier approved by then, else a decision
 * recorded on the system by then. Days are Vietnamese days (UTC+7).
 *
 * One pass, proportional to the scope: from the scope's bodies and their predecessors to the facts of their custody
 * periods (`report_period_facts`, kept by triggers: migration ReportPeriodFacts1764120000000), one narrow row per
 * period, aggregated once per body. The facts do not depend on the day; the day only cuts them:
 * - a period's earliest first submission counts when it is before the end of `asOf`;
 * - its earliest approval counts when it and that dossier's submission are; when the approval is but the submission
 *   is not (an approval dated before its submission, which the workflow never writes), the dossiers are asked;
 * - the system's latest approval gives its level when it and its submission are before the end of `asOf`; when the
 *   system was approved again after `asOf`, its dossiers are asked for the latest approval by then (past days only).
 * An approved dossier's level is read as its proposed level: approval must decide exactly the proposed level
 * (dossier-transitions.ts, DOSSIER_DECISION_INVALID) and an approved dossier no longer changes.
 */
export async function agencyProgress(em: EntityManager, scope: ProgressScope): Promise<AgencyProgressRow[]> {
  const rows: (AgencyProgressRow & Record<'level1' | 'level2' | 'level3' | 'level4' | 'level5', number>)[] = await em.query(
    `WITH RECURSIVE ${SCOPE_BODIES},
     periods AS (
       SELECT o.body, f.system_id, f.lifecycle, f.retired_at, f.approval_decision_date, f.approved_level,
              f.valid_from <= $2 AND (f.valid_to IS NULL OR f.valid_to >= $2) AS on_day,
              CASE WHEN f.first_submitted_at < ${END_OF_DAY} THEN f.first_submitted_at END AS submitted_at,
              CASE WHEN f.first_approved_at IS NULL OR f.first_approved_at >= ${END_OF_DAY} THEN NULL
                   WHEN f.first_approved_submitted_at < ${END_OF_DAY} THEN f.first_approved_at
                   ELSE (SELECT min(d.approved_at) FROM dossiers d
                          WHERE d.system_id = f.system_id AND d.approved_at < ${END_OF_DAY} AND d.first_submitted_at < ${END_OF_DAY}
                            AND d.first_submitted_at >= f.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                            AND (f.valid_to IS NULL OR d.first_submitted_at < (f.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) END AS approved_at,
              f.last_approved_at, f.last_approved_submitted_at, f.last_approved_level
         FROM origins o JOIN report_period_facts f ON f.owner_agency_id = o.origin),
     -- Materialised: each system's level (and its fallback to the dossiers) is worked out once, not once per count below.
     held AS MATERIALIZED (
       SELECT p.body, p.lifecycle,
              coalesce(CASE WHEN p.last_approved_at IS NULL THEN NULL
                            WHEN p.last_approved_at < ${END_OF_DAY} AND p.last_approved_submitted_at < ${END_OF_DAY} THEN p.last_approved_level
                            ELSE (SELECT d.proposed_level FROM dossiers d
                                   WHERE d.system_id = p.system_id AND d.approved_at < ${END_OF_DAY} AND d.first_submitted_at < ${END_OF_DAY}
                                   ORDER BY d.approved_at DESC, d.proposed_level DESC LIMIT 1) END,
                       CASE WHEN p.approval_decision_date <= $2 THEN p.approved_level END) AS level
         FROM periods p
        WHERE p.on_day AND (p.retired_at IS NULL OR p.retired_at > $2)),
     per_body AS (
       SELECT body, min(submitted_at) AS submitted_at, min(approved_at) AS approved_at FROM periods GROUP BY body),
     held_per_body AS (
       SELECT body, count(*) AS systems, count(*) FILTER (WHERE lifecycle <> 'PLANNED') AS operating, count(level) AS approved,
              count(*) FILTER (WHERE level = 1) AS level1, count(*) FILTER (WHERE level = 2) AS level2, count(*) FILTER (WHERE level = 3) AS level3,
              count(*) FILTER (WHERE level = 4) AS level4, count(*) FILTER (WHERE level = 5) AS level5
         FROM held GROUP BY body)
     SELECT b.id, b.code, b.name, b.kind, b.province_code AS "provinceCode",
            to_char(f.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "firstSubmittedOn",
            to_char(f.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "firstApprovedOn",
            coalesce(h.systems, 0)::int AS systems, coalesce(h.operating, 0)::int AS "operatingSystems", coalesce(h.approved, 0)::int AS "approvedSystems",
            coalesce(h.level1, 0)::int AS level1, coalesce(h.level2, 0)::int AS level2, coalesce(h.level3, 0)::int AS level3,
            coalesce(h.level4, 0)::int AS level4, coalesce(h.level5, 0)::int AS level5
       FROM bodies b LEFT JOIN per_body f ON f.body = b.id LEFT JOIN held_per_body h ON h.body = b.id
      ORDER BY b.name COLLATE "vi-x-icu"`,
    [scope.provinceCode, scope.asOf, scope.rootAgencyId ?? null],
  );
  return rows.map(({ level1, level2, level3, level4, level5, ...row }) => ({
    ...row,
    approvedByLevel: { '1': level1, '2': level2, '3': level3, '4': level4, '5': level5 },
  }));
}
