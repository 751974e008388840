import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { Dossier } from '../dossiers/dossier.entity';
import { recordDeployment } from '../systems/system-writes';
import { deriveDeployment, DerivedDeployment, PlanItemState, PlanItemStatus } from './deployment-status';
import { itemsFromPlan } from './plan-from-approval';

/**
 * Every write to plan_items and plan_item_events goes through here or through PlanItemsService (one owner per table),
 * always in the caller's transaction, followed by `syncDeployment` so Mẫu 08 cols 10–11 never lag the items.
 */

/** One history row of an item. */
export async function recordPlanItemEvent(
  em: EntityManager,
  event: { itemId: string; action: string; actorId: string | null; before?: object | null; after?: object | null; note?: string | null },
): Promise<void> {
  await em.query(`INSERT INTO plan_item_events (plan_item_id, action, actor_id, before, after, note) VALUES ($1, $2, $3, $4, $5, $6)`, [
    event.itemId,
    event.action,
    event.actorId,
    event.before ? JSON.stringify(event.before) : null,
    event.after ? JSON.stringify(event.after) : null,
    event.note ?? null,
  ]);
}

/** The live (not superseded) items of a system, as the derivation reads them. */
export async function liveItemStates(em: EntityManager, systemId: string): Promise<PlanItemState[]> {
  const rows: { status: PlanItemStatus; planned_date: string | null }[] = await em.query(
    `SELECT status, to_char(planned_date, 'YYYY-MM-DD') AS planned_date FROM plan_items WHERE system_id = $1 AND superseded_at IS NULL`,
    [systemId],
  );
  return rows.map((r) => ({ status: r.status, plannedDate: r.planned_date }));
}

/** Derives Mẫu 08 cols 10–11 from the live items and writes them on the system; nothing when the system has no items. */
export async function syncDeployment(em: EntityManager, systemId: string): Promise<DerivedDeployment | null> {
  const items = await liveItemStates(em, systemId);
  if (items.length === 0) return null;
  const derived = deriveDeployment(items);
  await recordDeployment(em, systemId, derived.status, derived.expectedOn);
  return derived;
}

/**
 * At approval (the workflow calls this in the approving transaction): the approved dossier's plan becomes the system's
 * items; the previous approval's live items are superseded (a newer approved plan replaces it), and Mẫu 08 cols 10–11
 * are derived from the new items. An approved dossier whose plan lists no requirement leaves the system as it was.
 */
export async function createPlanItemsFromApproval(
  em: EntityManager,
  user: AuthUser | null,
  dossier: Pick<Dossier, 'id' | 'systemId' | 'planEntries' | 'catalogueId' | 'decision'>,
): Promise<number> {
  const superseded: { id: string }[] = await em.query(
    // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with the rows.
    `WITH superseded AS (
       UPDATE plan_items SET superseded_at = now(), updated_at = now(), version = version + 1
        WHERE system_id = $1 AND superseded_at IS NULL AND dossier_id <> $2 RETURNING id
     ) SELECT id FROM superseded`,
    [dossier.systemId, dossier.id],
  );
  for (const { id } of superseded) {
    await recordPlanItemEvent(em, { itemId: id, action: 'SUPERSEDED', actorId: user?.id ?? null, after: { supersededBy: dossier.id } });
  }
  const items = itemsFromPlan(dossier.planEntries, dossier.catalogueId);
  for (const item of items) {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO plan_items (system_id, dossier_id, requirement_id, section, title, measure, planned_date, status, reason, declared_at_approval, done_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (dossier_id, requirement_id) DO NOTHING RETURNING id`,
      [
        dossier.systemId,
        dossier.id,
        item.requirementId,
        item.section,
        item.title,
        item.measure,
        item.plannedDate,
        item.status,
        item.reason,
        item.declaredAtApproval,
        // Declared done in the dossier: done on record from the approval decision's day.
        item.status === 'DONE' ? (dossier.decision?.date ?? null) : null,
      ],
    );
    if (row) {
      await recordPlanItemEvent(em, {
        itemId: row.id,
        action: 'CREATED_AT_APPROVAL',
        actorId: user?.id ?? null,
        after: { status: item.status, plannedDate: item.plannedDate, reason: item.reason },
        note: `Tạo từ Hồ sơ đề xuất cấp độ được phê duyệt (${dossier.id}).`,
      });
    }
  }
  if (superseded.length || items.length) await syncDeployment(em, dossier.systemId);
  return items.length;
}
