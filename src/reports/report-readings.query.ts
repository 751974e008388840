import { EntityManager } from 'typeorm';
import { END_OF_DAY, ProgressScope, SCOPE_BODIES } from './agency-progress.query';
import { ReadingDossier } from './report-readings';

/** A body that sent a dossier itself (as the operating unit), with whether one it sent was approved by the day. */
export interface SenderRow {
  body: string;
  approved: boolean;
}

/**
 * The bodies of the scope that sent a level dossier by the end of `asOf` as its operating unit (`dossiers.
 * operator_agency_id`, the body that sent it), carried through mergers like the default reading, and whether one
 * they sent was approved by then (recorded in capdo). One statement over the scope's bodies and their dossiers
 * (index dossiers_operator_idx); read each time, not kept: it is not the report's default figure.
 */
export function senderProgress(em: EntityManager, scope: ProgressScope): Promise<SenderRow[]> {
  return em.query(
    `WITH RECURSIVE ${SCOPE_BODIES}
     SELECT o.body, bool_or(d.approved_at < ${END_OF_DAY}) AS approved
       FROM origins o JOIN dossiers d ON d.operator_agency_id = o.origin
      WHERE d.first_submitted_at < ${END_OF_DAY}
      GROUP BY o.body`,
    [scope.provinceCode, scope.asOf, scope.rootAgencyId ?? null],
  );
}

/**
 * The scope's dossiers that were received by the end of `asOf`, or whose approval decision is dated on or before it
 * (it may have been recorded later): one row each, counted for the body the default reading counts it for. The
 * custody periods come from `report_period_facts` (the rows the default reading reads, index
 * report_period_facts_owner_idx); the state at the day is the dossier's last event by then (index
 * dossier_events_dossier_idx). One statement, proportional to the scope's dossiers.
 */
export function readingDossiers(em: EntityManager, scope: ProgressScope): Promise<ReadingDossier[]> {
  return em.query(
    `WITH RECURSIVE ${SCOPE_BODIES}
     SELECT o.body,
            coalesce(d.appraiser_agency_id::text, 'name:' || coalesce(d.appraiser_name, '')) AS "appraiserKey",
            coalesce(av.name, d.appraiser_name, 'Chưa xác định đơn vị thẩm định') AS "appraiserName",
            coalesce(d.first_submitted_at < ${END_OF_DAY}, false) AS received,
            e.to_status AS state,
            coalesce(d.approved_at < ${END_OF_DAY}, false) AS "approvedByDay",
            CASE WHEN d.approved_at IS NOT NULL THEN d.decision->>'date' END AS "decisionDate",
            to_char(d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "recordedOn"
       FROM origins o
       JOIN report_period_facts f ON f.owner_agency_id = o.origin
       JOIN dossiers d ON d.system_id = f.system_id
        AND d.first_submitted_at >= f.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
        AND (f.valid_to IS NULL OR d.first_submitted_at < (f.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
       LEFT JOIN agency_versions av ON av.agency_id = d.appraiser_agency_id AND av.valid_from <= $2 AND (av.valid_to IS NULL OR av.valid_to >= $2)
       LEFT JOIN LATERAL (SELECT x.to_status FROM dossier_events x
                           WHERE x.dossier_id = d.id AND x.at < ${END_OF_DAY}
                           ORDER BY x.at DESC, x.id DESC LIMIT 1) e ON true
      WHERE d.first_submitted_at < ${END_OF_DAY}
         OR (d.approved_at IS NOT NULL AND d.decision->>'date' <= to_char($2::date, 'YYYY-MM-DD'))`,
    [scope.provinceCode, scope.asOf, scope.rootAgencyId ?? null],
  );
}
