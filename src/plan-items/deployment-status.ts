import type { DeploymentStatus } from '../systems/system-enums';

/** Where a plan item stands (the approved plan, requirement by requirement: TT12 Art. 14.9; ND331 Art. 36.10). */
export const PLAN_ITEM_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];
export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = {
  NOT_STARTED: 'Chưa triển khai',
  IN_PROGRESS: 'Đang triển khai',
  DONE: 'Đã triển khai',
  NOT_APPLICABLE: 'Không áp dụng',
};
/** Items still to deploy: they carry the planned date that makes Mẫu 08 col 11 and the reminders. */
export const OPEN_PLAN_ITEM_STATUSES: readonly PlanItemStatus[] = ['NOT_STARTED', 'IN_PROGRESS'];

export interface PlanItemState {
  status: PlanItemStatus;
  plannedDate: string | null;
}

export interface DerivedDeployment {
  /** Mẫu 08 col 10. */
  status: DeploymentStatus;
  /** Mẫu 08 col 11: the latest planned date among open items; null when none is open or none has a date. */
  expectedOn: string | null;
  counts: Record<PlanItemStatus, number>;
  /** Items that count: every item but the ones not applicable. */
  applicable: number;
}

/**
 * Mẫu 08 col 10 from the live items of the approved plan (TT12 Art. 14.4; ND331 Art. 36.5: "đã triển khai đầy đủ, mới
 * triển khai một phần hoặc chưa triển khai"): FULL when every applicable item is done, PARTIAL when at least one is,
 * NOT_DEPLOYED otherwise. A plan whose every item was found not applicable has nothing left to deploy: FULL (capdo's
 * reading, docs/legal/plan-items.md). With no items at all there is nothing to derive: the caller keeps what is on record.
 */
export function deriveDeployment(items: readonly PlanItemState[]): DerivedDeployment {
  const counts: Record<PlanItemStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, NOT_APPLICABLE: 0 };
  for (const item of items) counts[item.status] += 1;
  const applicable = items.length - counts.NOT_APPLICABLE;
  const status: DeploymentStatus = counts.DONE === applicable ? 'FULL' : counts.DONE > 0 ? 'PARTIAL' : 'NOT_DEPLOYED';
  const dates = items
    .filter((i) => OPEN_PLAN_ITEM_STATUSES.includes(i.status) && i.plannedDate)
    .map((i) => i.plannedDate!)
    .sort();
  return { status, expectedOn: dates.at(-1) ?? null, counts, applicable };
}

/** A lifecycle change that puts a system into operation (TT12 Art. 9.6; ND331 Art. 30.6: "trước khi đưa vào vận hành, khai thác"). */
export function goesIntoOperation(from: string, to: string | undefined): boolean {
  return to === 'IN_OPERATION' && (from === 'PLANNED' || from === 'UPGRADING');
}

export const GO_LIVE_ARTICLES = {
  ND85: 'khoản 6 Điều 9 Thông tư số 12/2022/TT-BTTTT',
  ND331: 'khoản 6 Điều 30 Nghị định số 331/2026/NĐ-CP',
} as const;

/**
 * Why a new, extended or upgraded system may not go into operation yet: its approved plan is not fully deployed.
 * Null when it may. `regime` is the regime of the approved dossier.
 */
export function goLiveRefusal(derived: DerivedDeployment, regime: 'ND85' | 'ND331'): string | null {
  if (derived.status === 'FULL') return null;
  const open = derived.applicable - derived.counts.DONE;
  return (
    `Hệ thống xây dựng mới hoặc mở rộng, nâng cấp phải triển khai đầy đủ phương án bảo đảm an toàn đã được phê duyệt trong ` +
    `Hồ sơ đề xuất cấp độ trước khi đưa vào vận hành, khai thác (${GO_LIVE_ARTICLES[regime]}); còn ${open} hạng mục chưa triển khai.`
  );
}
