import { EntityManager } from 'typeorm';
import { readsOwnAgencyOnly } from '../access/access-rules';
import { AuthUser } from '../auth/auth-user';
import { ReportScope } from './report-scope';

/**
 * The owner bodies whose systems a system-level report (annual, pipeline) covers on `asOf`: null for a whole
 * province; an officer's (or agency head's) own agency as owner; an administrator's chosen agency with the bodies under it on that day.
 */
export async function scopeOwnerIds(em: EntityManager, user: AuthUser, scope: ReportScope, asOf: string): Promise<string[] | null> {
  if (!scope.rootAgencyId) return null;
  if (readsOwnAgencyOnly(user)) return [scope.rootAgencyId];
  const rows: { id: string }[] = await em.query(
    `WITH RECURSIVE sub AS (
       SELECT $1::uuid AS id
       UNION
       SELECT v.agency_id FROM agency_versions v JOIN sub ON v.parent_id = sub.id
        WHERE v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2))
     SELECT id FROM sub`,
    [scope.rootAgencyId, asOf],
  );
  return rows.map((r) => r.id);
}

/** SQL for a dossier's workflow state at the end of day $2 (Vietnamese days): its last event, or DRAFT once created. */
export const DOSSIER_STATE_AS_OF = `coalesce(
  (SELECT e.to_status FROM dossier_events e
    WHERE e.dossier_id = d.id AND (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2
    ORDER BY e.at DESC, e.id DESC LIMIT 1),
  CASE WHEN (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2 THEN 'DRAFT' END)`;

/** SQL: the systems held on day $2 by the scope ($1 province, $3 owner ids or null), with their custody then. */
export const SCOPE_SYSTEMS_AS_OF = `
  SELECT s.id, c.owner_agency_id, c.operator_agency_id
    FROM systems s
    JOIN system_custody c ON c.system_id = s.id AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
   WHERE s.province_code = $1 AND ($3::uuid[] IS NULL OR c.owner_agency_id = ANY($3))`;
