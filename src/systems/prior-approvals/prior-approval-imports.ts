/**
 * Claims made by the inventory import, many at once: each imported prior decision supersedes the system's pending
 * claim and becomes a claim without evidence (origin IMPORTED), which an appraiser cannot confirm until the owner
 * declares it again with the decision's PDF. With the administrator's explicit flag (`confirmPriorApprovals=true`,
 * written to the audit log by the import) the claims are confirmed at once and the level is put on record.
 */
import { EntityManager } from 'typeorm';
import { AuditEntry } from '../../audit/audit.service';
import { AuthUser } from '../../auth/auth-user';
import { PriorDecision } from './prior-approval-rules';

export interface ImportedClaim {
  systemId: string;
  decision: PriorDecision;
}

const CHUNK = 1000;

/** Writes the claims (and, when confirmed, the level on record); returns their audit rows for the import to record. */
export async function recordImportedClaims(
  em: EntityManager,
  user: AuthUser,
  claims: readonly ImportedClaim[],
  confirm: boolean,
  now: Date,
): Promise<AuditEntry[]> {
  const audits: AuditEntry[] = [];
  for (let i = 0; i < claims.length; i += CHUNK) {
    const chunk = claims.slice(i, i + CHUNK);
    const records = JSON.stringify(
      chunk.map(({ systemId, decision }) => ({
        system_id: systemId,
        level: decision.level,
        decision_number: decision.decisionNumber,
        decision_date: decision.decisionDate,
        issuer: decision.issuer,
      })),
    );
    await em.query(
      `UPDATE prior_approval_claims SET status = 'SUPERSEDED', version = version + 1 WHERE status = 'CLAIMED' AND system_id = ANY($1::uuid[])`,
      [chunk.map((c) => c.systemId)],
    );
    const rows: { id: string; system_id: string }[] = await em.query(
      `INSERT INTO prior_approval_claims (system_id, level, decision_number, decision_date, issuer, status, origin, confirmed_on_import,
              claimed_by, claimed_by_username, claimed_at, reviewed_by, reviewed_by_username, reviewed_at)
       SELECT r.system_id, r.level, r.decision_number, r.decision_date, r.issuer, $2, 'IMPORTED', $3, $4, $5, $6,
              CASE WHEN $3 THEN $4::uuid END, CASE WHEN $3 THEN $5::varchar END, CASE WHEN $3 THEN $6::timestamptz END
         FROM jsonb_to_recordset($1::jsonb) AS r(system_id uuid, level smallint, decision_number varchar, decision_date date, issuer varchar)
       RETURNING id, system_id`,
      [records, confirm ? 'CONFIRMED' : 'CLAIMED', confirm, user.id, user.username, now],
    );
    if (confirm) {
      await em.query(
        `UPDATE systems s SET approved_level = r.level, approval_decision_number = r.decision_number, approval_decision_date = r.decision_date,
                approval_decision_issuer = r.issuer, version = s.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS r(system_id uuid, level smallint, decision_number varchar, decision_date date, issuer varchar)
          WHERE s.id = r.system_id`,
        [records],
      );
    }
    const ids = new Map(rows.map((r) => [r.system_id, r.id]));
    for (const { systemId, decision } of chunk) {
      audits.push({
        action: confirm ? 'PRIOR_APPROVAL_IMPORT_CONFIRM' : 'PRIOR_APPROVAL_IMPORT_CLAIM',
        entityType: 'system',
        entityId: systemId,
        after: {
          claimId: ids.get(systemId),
          ...decision,
          status: confirm ? 'CONFIRMED' : 'CLAIMED',
          confirmedOnImport: confirm,
          evidence: null,
        },
      });
    }
  }
  return audits;
}
