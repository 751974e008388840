import { EntityManager } from 'typeorm';
import { AgencyProgressRow, END_OF_DAY, ProgressScope, SCOPE_BODIES } from '../../src/reports/agency-progress.query';

/**
 * The approval-rate report's rows computed from the dossiers themselves, without `report_period_facts`: the query the
 * report ran before the facts were kept (same scope, same rules). Tests hold the report to it.
 */
export async function progressFromDossiers(em: EntityManager, scope: ProgressScope): Promise<AgencyProgressRow[]> {
  const rows: (AgencyProgressRow & Record<'level1' | 'level2' | 'level3' | 'level4' | 'level5', number>)[] = await em.query(
    `WITH RECURSIVE ${SCOPE_BODIES},
     owned AS (
       SELECT o.body, c.system_id, c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2) AS on_day,
              c.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS held_from,
              (c.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS held_until
         FROM origins o JOIN system_custody c ON c.owner_agency_id = o.origin),
     periods AS (
       SELECT w.body, w.system_id, w.on_day,
              min(d.first_submitted_at) FILTER (WHERE d.first_submitted_at >= w.held_from AND (w.held_until IS NULL OR d.first_submitted_at < w.held_until)) AS submitted_at,
              min(d.approved_at) FILTER (WHERE d.first_submitted_at >= w.held_from AND (w.held_until IS NULL OR d.first_submitted_at < w.held_until)
                                           AND d.approved_at < ${END_OF_DAY}) AS approved_at,
              -- The level of the latest approval by the day: the greatest [instant, level] pair, without sorting each group.
              (max(ARRAY[extract(epoch FROM d.approved_at), d.proposed_level]) FILTER (WHERE d.approved_at < ${END_OF_DAY}))[2]::int AS dossier_level
         FROM owned w LEFT JOIN dossiers d ON d.system_id = w.system_id AND d.first_submitted_at < ${END_OF_DAY}
        GROUP BY w.body, w.system_id, w.on_day, w.held_from, w.held_until),
     held AS (
       SELECT p.body, s.lifecycle, coalesce(p.dossier_level, CASE WHEN s.approval_decision_date <= $2 THEN s.approved_level END) AS level
         FROM periods p JOIN systems s ON s.id = p.system_id
        WHERE p.on_day AND (s.retired_at IS NULL OR s.retired_at > $2)),
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
