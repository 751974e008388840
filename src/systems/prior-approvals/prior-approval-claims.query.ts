/**
 * Reads of prior_approval_claims (the table's owner is this folder: prior-approvals.service.ts and
 * prior-approval-imports.ts write it). The evidence's bytes are read only by the download.
 */
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { ClaimSystemRefDto, PriorApprovalClaimDto } from './dto/prior-approval.dto';
import { CLAIM_ORIGIN_LABELS, CLAIM_STATUS_LABELS, ClaimOrigin, ClaimStatus, PriorDecision } from './prior-approval-rules';

export interface ClaimRow {
  id: string;
  system_id: string;
  level: number;
  decision_number: string;
  decision_date: string;
  issuer: string;
  evidence_file_name: string | null;
  evidence_media_type: string | null;
  evidence_size_bytes: number | null;
  evidence_sha256: string | null;
  /** The PDF's bytes are stored (they are dropped, the hash kept, when the system becomes state-secret). */
  evidence_stored: boolean;
  status: ClaimStatus;
  origin: ClaimOrigin;
  confirmed_on_import: boolean;
  claimed_by_username: string | null;
  claimed_by_name: string | null;
  claimed_at: Date;
  reviewed_by_username: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  rejection_reason: string | null;
  version: number;
  system_code: string;
  system_name: string;
  owner_code: string;
  owner_name: string;
  province_code: string;
}

/** "Nguyễn Văn A, Chuyên viên" of an account (as users/person-label.ts writes it), null when there is none. */
const personLabelOf = (userId: string) =>
  `(SELECT concat_ws(', ', u.full_name, nullif(btrim(u.title), '')) FROM users u WHERE u.id = ${userId})`;

export const CLAIM_COLUMNS = `c.id, c.system_id, c.level, to_char(c.decision_date, 'YYYY-MM-DD') AS decision_date, c.decision_number, c.issuer,
  c.evidence_file_name, c.evidence_media_type, c.evidence_size_bytes, c.evidence_sha256, c.evidence_content IS NOT NULL AS evidence_stored, c.status, c.origin, c.confirmed_on_import,
  c.claimed_by_username, c.claimed_at, c.reviewed_by_username, c.reviewed_at, c.rejection_reason, c.version,
  ${personLabelOf('c.claimed_by')} AS claimed_by_name, ${personLabelOf('c.reviewed_by')} AS reviewed_by_name,
  s.code AS system_code, s.name AS system_name, a.code AS owner_code, a.name AS owner_name, s.province_code`;

export const CLAIM_FROM = `prior_approval_claims c JOIN systems s ON s.id = c.system_id JOIN agencies a ON a.id = s.owner_agency_id`;

/** The claim a system shows: its latest one that was not replaced by a later declaration. */
export async function currentClaim(em: EntityManager, systemId: string, lock = false): Promise<ClaimRow | undefined> {
  const rows: ClaimRow[] = await em.query(
    `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM}
      WHERE c.system_id = $1 AND c.status <> 'SUPERSEDED' ORDER BY c.claimed_at DESC, c.id DESC LIMIT 1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [systemId],
  );
  return rows[0];
}

/** Whether a dossier of the system was approved through the workflow (it may have been superseded since). */
export async function workflowApproved(em: EntityManager, systemId: string): Promise<boolean> {
  const rows = await em.query(`SELECT 1 FROM dossiers WHERE system_id = $1 AND approved_at IS NOT NULL LIMIT 1`, [systemId]);
  return rows.length > 0;
}

export interface ImportState {
  workflowApproved: boolean;
  pending: PriorDecision | null;
}

/** For an import: per system, whether the workflow approved it and its pending claim (one query for all). */
export async function importStates(em: EntityManager, systemIds: string[]): Promise<Map<string, ImportState>> {
  if (!systemIds.length) return new Map();
  const rows: {
    id: string;
    approved: boolean;
    level: number | null;
    decision_number: string | null;
    decision_date: string | null;
    issuer: string | null;
  }[] = await em.query(
    `SELECT s.id, EXISTS (SELECT 1 FROM dossiers d WHERE d.system_id = s.id AND d.approved_at IS NOT NULL) AS approved,
            c.level, c.decision_number, to_char(c.decision_date, 'YYYY-MM-DD') AS decision_date, c.issuer
       FROM unnest($1::uuid[]) AS s(id)
       LEFT JOIN prior_approval_claims c ON c.system_id = s.id AND c.status = 'CLAIMED'`,
    [systemIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        workflowApproved: r.approved,
        pending:
          r.level === null
            ? null
            : { level: r.level, decisionNumber: r.decision_number!, decisionDate: r.decision_date!, issuer: r.issuer! },
      },
    ]),
  );
}

export function mapClaim(row: ClaimRow): PriorApprovalClaimDto {
  const system: ClaimSystemRefDto = {
    id: row.system_id,
    code: row.system_code,
    name: row.system_name,
    ownerCode: row.owner_code,
    ownerName: row.owner_name,
    provinceCode: row.province_code,
  };
  return {
    id: row.id,
    system,
    level: row.level,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    status: row.status,
    statusLabel: CLAIM_STATUS_LABELS[row.status],
    origin: row.origin,
    originLabel: CLAIM_ORIGIN_LABELS[row.origin],
    evidence: row.evidence_stored
      ? {
          fileName: row.evidence_file_name!,
          mediaType: row.evidence_media_type!,
          sizeBytes: row.evidence_size_bytes!,
          sha256: row.evidence_sha256!,
        }
      : null,
    confirmedOnImport: row.confirmed_on_import,
    claimedBy: row.claimed_by_username,
    claimedByName: row.claimed_by_name,
    claimedAt: new Date(row.claimed_at).toISOString(),
    reviewedBy: row.reviewed_by_username,
    reviewedByName: row.reviewed_by_name,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    rejectionReason: row.rejection_reason,
    version: row.version,
  };
}

/**
 * For the approval-rate report: per owner agency of the province, the systems with a claim still waiting for
 * confirmation, made by the end of `asOf` (Vietnam), and no level on record. Shown apart ("đã kê khai, chưa xác
 * nhận"); they count in no approved figure until confirmed. The claims' current state is read (a claim confirmed later
 * counts as confirmed). The owners are the province's bodies, whatever the day: the report looks its bodies up. The
 * report server keeps these claims with the province's timelines (`pendingClaimsOfProvinces`); this query answers
 * while they are being read. A prepared statement.
 */
export async function pendingClaimsByOwner(source: DataSource, provinceCode: string, asOf: string): Promise<Map<string, number>> {
  const rows = await preparedQuery<{ id: string; n: number }>(
    source,
    'pending-claims-by-owner-of-province',
    `SELECT s.owner_agency_id AS id, count(*)::int AS n
       FROM prior_approval_claims c JOIN systems s ON s.id = c.system_id
      WHERE c.status = 'CLAIMED' AND s.approved_level IS NULL AND (s.retired_at IS NULL OR s.retired_at > $1::date)
        AND c.claimed_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        AND s.owner_agency_id IN (SELECT a.id FROM agencies a WHERE a.province_code = $2)
      GROUP BY s.owner_agency_id`,
    [asOf, provinceCode],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** SQL: a date as days since 1970-01-01 in text ('Infinity', '-Infinity' for the infinite dates; NULL stays NULL). */
const dayNumber = (date: string) =>
  `CASE WHEN isfinite(${date}) THEN (${date} - date '1970-01-01')::text WHEN ${date} > current_date THEN 'Infinity' WHEN ${date} < current_date THEN '-Infinity' END`;

/** A claim the approval-rate report shows as pending (see `pendingClaimsByOwner`), with the days it counts on. */
export interface PendingClaim {
  /** The system's owner now (`systems.owner_agency_id`). */
  ownerId: string;
  provinceCode: string;
  /** The day (Vietnam) the claim was made, as days since 1970-01-01: it counts on this day and after. */
  claimedOn: number;
  /** The system's retirement day as days since 1970-01-01 (Infinity: not retired): it counts before this day. */
  retiredOn: number;
}

/**
 * The claims `pendingClaimsByOwner` counts, whatever the day, of the owners of the provinces (every province when
 * null), read in the caller's transaction: what the report server keeps beside the provinces' timelines
 * (src/reports/report-progress-cache.ts). The same conditions as `pendingClaimsByOwner`, less the day's.
 */
export async function pendingClaimsOfProvinces(em: EntityManager, provinceCodes: string[] | null): Promise<PendingClaim[]> {
  const rows: { r: string }[] = await em.query(
    `SELECT concat_ws(' ', s.owner_agency_id, a.province_code, ${dayNumber(`(c.claimed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`)},
                      coalesce(${dayNumber('s.retired_at')}, 'Infinity')) AS r
       FROM prior_approval_claims c JOIN systems s ON s.id = c.system_id JOIN agencies a ON a.id = s.owner_agency_id
      WHERE c.status = 'CLAIMED' AND s.approved_level IS NULL AND ($1::varchar[] IS NULL OR a.province_code = ANY($1::varchar[]))`,
    [provinceCodes],
  );
  return rows.map(({ r }) => {
    const [ownerId, provinceCode, claimedOn, retiredOn] = r.split(' ');
    return { ownerId, provinceCode, claimedOn: Number(claimedOn), retiredOn: Number(retiredOn) };
  });
}
