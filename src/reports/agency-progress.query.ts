import { EntityManager } from 'typeorm';

export interface AgencyProgressRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  firstSubmittedOn: string | null;
  firstApprovedOn: string | null;
  systems: number;
  operatingSystems: number;
  approvedSystems: number;
}

/**
 * Every body that existed on `asOf` in the scope, with the day it first submitted a dossier and the day it first
 * had one approved (both on or before `asOf`), and its systems then. A submission counts for the body that owned
 * the system on the day (custody history), carried forward through mergers to the body that existed on `asOf`.
 * Days are Vietnamese days (UTC+7).
 */
export async function agencyProgress(em: EntityManager, scope: { provinceCode: string; rootAgencyId?: string; asOf: string }): Promise<AgencyProgressRow[]> {
  return em.query(
    `WITH RECURSIVE
     bodies AS (
       SELECT a.id, a.code, v.name, a.kind
         FROM agencies a
         JOIN agency_versions v ON v.agency_id = a.id AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)
        WHERE a.province_code = $1 AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to >= $2)
          AND ($3::uuid IS NULL OR a.id IN (
            WITH RECURSIVE sub AS (SELECT $3::uuid AS id UNION SELECT x.agency_id FROM agency_versions x JOIN sub ON x.parent_id = sub.id
                                   WHERE x.valid_from <= $2 AND (x.valid_to IS NULL OR x.valid_to >= $2))
            SELECT id FROM sub))),
     -- Where a body that no longer existed on asOf went: follow successor links.
     carried AS (
       SELECT id AS origin, id AS cur, 0 AS hops FROM agencies
       UNION ALL
       SELECT c.origin, a.successor_id, c.hops + 1 FROM carried c JOIN agencies a ON a.id = c.cur
        WHERE a.successor_id IS NOT NULL AND a.valid_to IS NOT NULL AND a.valid_to < $2 AND c.hops < 10),
     resolved AS (SELECT DISTINCT ON (origin) origin, cur FROM carried ORDER BY origin, hops DESC),
     events AS (
       SELECT (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS submitted_on,
              CASE WHEN (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2 THEN (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END AS approved_on,
              r.cur AS agency_id
         FROM dossiers d
         JOIN system_custody c ON c.system_id = d.system_id
          AND c.valid_from <= (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
          AND (c.valid_to IS NULL OR c.valid_to >= (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
         JOIN resolved r ON r.origin = c.owner_agency_id
        WHERE d.first_submitted_at IS NOT NULL AND (d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2),
     held AS (
       SELECT r.cur AS agency_id, s.id, s.lifecycle, s.retired_at, s.approval_decision_date,
              EXISTS (SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2) AS approved_by_dossier
         FROM systems s
         JOIN system_custody c ON c.system_id = s.id AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
         JOIN resolved r ON r.origin = c.owner_agency_id)
     SELECT b.id, b.code, b.name, b.kind,
            to_char(min(e.submitted_on), 'YYYY-MM-DD') AS "firstSubmittedOn",
            to_char(min(e.approved_on), 'YYYY-MM-DD') AS "firstApprovedOn",
            (SELECT count(*)::int FROM held h WHERE h.agency_id = b.id AND (h.retired_at IS NULL OR h.retired_at > $2)) AS systems,
            (SELECT count(*)::int FROM held h WHERE h.agency_id = b.id AND h.lifecycle <> 'PLANNED' AND (h.retired_at IS NULL OR h.retired_at > $2)) AS "operatingSystems",
            (SELECT count(*)::int FROM held h WHERE h.agency_id = b.id AND (h.retired_at IS NULL OR h.retired_at > $2)
                AND (h.approved_by_dossier OR h.approval_decision_date <= $2)) AS "approvedSystems"
       FROM bodies b LEFT JOIN events e ON e.agency_id = b.id
      GROUP BY b.id, b.code, b.name, b.kind
      ORDER BY b.name COLLATE "vi-x-icu"`,
    [scope.provinceCode, scope.asOf, scope.rootAgencyId ?? null],
  );
}

/** Systems by approved level on `asOf`: the latest approval by then, from a dossier or a recorded prior decision. */
export async function approvedLevels(em: EntityManager, scope: { provinceCode: string; asOf: string; agencyIds: string[] }): Promise<Record<string, number>> {
  const rows: { level: number; n: number }[] = await em.query(
    `SELECT level, count(*)::int AS n FROM (
       SELECT s.id, coalesce(
         (SELECT (d.decision->>'level')::int FROM dossiers d WHERE d.system_id = s.id AND (d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2
           ORDER BY d.approved_at DESC LIMIT 1),
         CASE WHEN s.approval_decision_date <= $2 THEN s.approved_level END) AS level
         FROM systems s
         JOIN system_custody c ON c.system_id = s.id AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
        WHERE s.province_code = $1 AND c.owner_agency_id = ANY($3) AND (s.retired_at IS NULL OR s.retired_at > $2)) x
      WHERE level IS NOT NULL GROUP BY level`,
    [scope.provinceCode, scope.asOf, scope.agencyIds],
  );
  return Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), rows.find((r) => r.level === l)?.n ?? 0]));
}
