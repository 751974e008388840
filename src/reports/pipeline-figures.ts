import { DUE_KIND_LABELS, DueKind } from '../dossiers/dossier-due';
import { DOSSIER_STATUSES, DossierStatus, statusLabel } from '../dossiers/dossier-status';
import { MAU08_STATUS_LABELS, MAU08_STATUSES, mau08Status } from './mau08';

/** Pure figures of the pipeline report: counts by state, the median time to approval, overdue by appraising body. */

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Calendar days from one 'YYYY-MM-DD' to another. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every workflow state in order, with how many dossiers were in it (zeros included, so charts keep their axis). */
export function countByState(states: readonly (DossierStatus | null)[]): { state: DossierStatus; label: string; count: number }[] {
  return DOSSIER_STATUSES.map((state) => ({ state, label: statusLabel(state), count: states.filter((s) => s === state).length }));
}

/** The same dossiers in the words of Mẫu 08 column 6 (withdrawn and superseded ones have no place there). */
export function countByMau08Status(states: readonly (DossierStatus | null)[]): { status: string; label: string; count: number }[] {
  const mapped = states.filter((s) => s !== 'SUPERSEDED').map((s) => mau08Status(s, false));
  return MAU08_STATUSES.map((status) => ({ status, label: MAU08_STATUS_LABELS[status], count: mapped.filter((m) => m === status).length }));
}

export interface OverdueRow {
  id: string;
  status: DossierStatus;
  dueOn: string;
  dueKind: DueKind;
  appraiserAgencyId: string | null;
  appraiserName: string | null;
  systemName: string;
  ownerName: string | null;
}

export interface OverdueGroup {
  appraiserAgencyId: string | null;
  appraiserName: string;
  count: number;
  byDueKind: Record<DueKind, number>;
  oldestDueOn: string;
  dossiers: {
    dossierId: string;
    systemName: string;
    ownerName: string;
    state: DossierStatus;
    stateLabel: string;
    dueOn: string;
    dueKind: DueKind;
    dueKindLabel: string;
    workingDaysOverdue: number;
  }[];
}

/**
 * Overdue dossiers grouped by the appraising body they were routed to, most overdue first. An APPRAISED dossier
 * waits for the approving body (its due is the approval limit): it stays with its appraising body here and its
 * kind says APPROVAL.
 */
export function groupOverdue(
  rows: readonly OverdueRow[],
  today: string,
  workingDaysBetween: (from: string, to: string) => number,
): OverdueGroup[] {
  const groups = new Map<string, OverdueGroup>();
  for (const r of rows) {
    if (!(r.dueOn < today)) continue;
    const key = r.appraiserAgencyId ?? `name:${r.appraiserName ?? ''}`;
    const group = groups.get(key) ?? {
      appraiserAgencyId: r.appraiserAgencyId,
      appraiserName: r.appraiserName ?? 'Chưa xác định đơn vị thẩm định',
      count: 0,
      byDueKind: { VALIDITY: 0, APPRAISAL: 0, APPRAISAL_INTERNAL: 0, APPROVAL: 0 },
      oldestDueOn: r.dueOn,
      dossiers: [],
    };
    group.count++;
    group.byDueKind[r.dueKind]++;
    if (r.dueOn < group.oldestDueOn) group.oldestDueOn = r.dueOn;
    group.dossiers.push({
      dossierId: r.id,
      systemName: r.systemName,
      ownerName: r.ownerName ?? '',
      state: r.status,
      stateLabel: statusLabel(r.status),
      dueOn: r.dueOn,
      dueKind: r.dueKind,
      dueKindLabel: DUE_KIND_LABELS[r.dueKind],
      workingDaysOverdue: workingDaysBetween(r.dueOn, today),
    });
    groups.set(key, group);
  }
  for (const g of groups.values()) g.dossiers.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return [...groups.values()].sort((a, b) => b.count - a.count || a.oldestDueOn.localeCompare(b.oldestDueOn));
}
