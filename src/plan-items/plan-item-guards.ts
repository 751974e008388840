import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { deriveDeployment, goesIntoOperation, goLiveRefusal } from './deployment-status';
import { liveItemStates } from './plan-item-writes';

/** What a system edit asks for, as far as the plan is concerned. */
export interface SystemEditFacts {
  id: string;
  lifecycle: string;
  deploymentStatus: string;
}

/**
 * Refusals a system edit meets once the approved plan is held as items (SystemsCommandService.update calls this):
 * - typing another deployment status (Mẫu 08 col 10) — it is derived from the items; the same value is let through, so
 *   the system form, which always sends the field, keeps working;
 * - putting a new, extended or upgraded system into operation (PLANNED/UPGRADING → IN_OPERATION) before its approved
 *   plan is fully deployed (TT12 Art. 9.6; ND331 Art. 30.6).
 * A system with no items (approved before capdo kept them, or never approved) is left to what its record says.
 */
export async function assertPlanAllowsEdit(
  em: EntityManager,
  current: SystemEditFacts,
  changes: { deploymentStatus?: string; lifecycle?: string },
): Promise<void> {
  const typesStatus = changes.deploymentStatus !== undefined && changes.deploymentStatus !== current.deploymentStatus;
  const goesLive = goesIntoOperation(current.lifecycle, changes.lifecycle);
  if (!typesStatus && !goesLive) return;
  const items = await liveItemStates(em, current.id);
  if (items.length === 0) return;
  if (typesStatus) {
    throw new DomainError(
      'DEPLOYMENT_STATUS_DERIVED',
      'Tình hình triển khai phương án được tính từ các hạng mục của phương án đã phê duyệt; hãy cập nhật từng hạng mục tại trang "Phương án".',
      { deploymentStatus: ['được tính tự động từ các hạng mục, không nhập tay'] },
    );
  }
  const [approved]: { regime: 'ND85' | 'ND331' }[] = await em.query(
    `SELECT d.regime FROM plan_items p JOIN dossiers d ON d.id = p.dossier_id WHERE p.system_id = $1 AND p.superseded_at IS NULL LIMIT 1`,
    [current.id],
  );
  const refusal = goLiveRefusal(deriveDeployment(items), approved?.regime ?? 'ND331');
  if (refusal)
    throw new DomainError('PLAN_NOT_DEPLOYED_BEFORE_OPERATION', refusal, { lifecycle: ['phương án chưa được triển khai đầy đủ'] });
}

/** Whether the system's deployment status is derived from live plan items (the systems import then keeps it as derived). */
export async function hasLivePlanItems(em: EntityManager, systemId: string): Promise<boolean> {
  return (await em.query(`SELECT 1 FROM plan_items WHERE system_id = $1 AND superseded_at IS NULL LIMIT 1`, [systemId])).length > 0;
}
