import { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { clearedByApproval } from './redetermination-rules';

/**
 * A new approval settles the open re-determination flags it reaches: those at or below the approved level, and those
 * without a level (ND331 Art. 25). Called by the workflow inside the approval's transaction; returns how many.
 */
export async function clearFlagsOnApproval(
  em: EntityManager,
  audit: AuditService,
  approval: { systemId: string; level: number; dossierId: string; at: Date },
): Promise<number> {
  const open: { id: string; computed_level: number | null }[] = await em.query(
    `SELECT id, computed_level FROM redetermination_flags WHERE system_id = $1 AND status = 'OPEN' FOR UPDATE`,
    [approval.systemId],
  );
  const ids = open
    .filter((f) => clearedByApproval({ computedLevel: f.computed_level === null ? null : Number(f.computed_level) }, approval.level))
    .map((f) => f.id);
  if (ids.length === 0) return 0;
  await em.query(
    `UPDATE redetermination_flags SET status = 'CLEARED', resolved_at = $2, cleared_by_dossier_id = $3, resolution_note = $4, version = version + 1
      WHERE id = ANY($1::uuid[])`,
    [ids, approval.at, approval.dossierId, `Đã phê duyệt cấp độ ${approval.level}`],
  );
  await audit.record(em, {
    action: 'REDETERMINATION_FLAG_CLEARED',
    entityType: 'system',
    entityId: approval.systemId,
    after: { flagIds: ids, approvedLevel: approval.level, dossierId: approval.dossierId },
  });
  return ids.length;
}
