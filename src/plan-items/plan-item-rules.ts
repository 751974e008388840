import { OPEN_PLAN_ITEM_STATUSES, PlanItemStatus } from './deployment-status';

/** What an item holds that a user may change. */
export interface PlanItemValues {
  status: PlanItemStatus;
  plannedDate: string | null;
  reason: string | null;
  doneOn: string | null;
}

export type PlanItemChange = Partial<Omit<PlanItemValues, 'doneOn'>>;

/**
 * The item after a change on `today`, or the field errors refusing it. A requirement left out of the plan needs its
 * reason (TT12 Art. 8.6 / ND331 Art. 22.6: the plan explains how each requirement is met, or why it is not); done
 * is dated the day it is recorded; an item reopened loses that date.
 */
export function applyChange(
  current: PlanItemValues,
  change: PlanItemChange,
  today: string,
): { ok: true; values: PlanItemValues } | { ok: false; errors: Record<string, string[]> } {
  const status = change.status ?? current.status;
  const reason = change.reason !== undefined ? change.reason?.trim() || null : current.reason;
  if (status === 'NOT_APPLICABLE' && !reason) return { ok: false, errors: { reason: ['bắt buộc khi hạng mục không áp dụng'] } };
  const doneOn = status === 'DONE' ? (current.status === 'DONE' ? current.doneOn : today) : null;
  const plannedDate = change.plannedDate !== undefined ? change.plannedDate : current.plannedDate;
  return { ok: true, values: { status, plannedDate, reason, doneOn } };
}

export function isOpen(status: PlanItemStatus): boolean {
  return OPEN_PLAN_ITEM_STATUSES.includes(status);
}

/** Still to deploy and past its planned date. */
export function isOverdue(item: { status: PlanItemStatus; plannedDate: string | null }, today: string): boolean {
  return isOpen(item.status) && !!item.plannedDate && item.plannedDate < today;
}

/** Next thing to do first: overdue items, then the nearest planned date, then open items without a date, then the rest. */
export function byUrgency(today: string) {
  const rank = (i: { status: PlanItemStatus; plannedDate: string | null }) =>
    isOverdue(i, today) ? 0 : isOpen(i.status) && i.plannedDate ? 1 : isOpen(i.status) ? 2 : 3;
  return (a: { status: PlanItemStatus; plannedDate: string | null }, b: { status: PlanItemStatus; plannedDate: string | null }) =>
    rank(a) - rank(b) || (a.plannedDate ?? '9999').localeCompare(b.plannedDate ?? '9999');
}
