/**
 * The time limit a dossier is running against (`dossiers.due_kind`, `due_on`) and its Vietnamese wording. The limits
 * themselves are counted by the workflow (workflow/statutory-deadlines.ts); pages, queues and reports only read them.
 */
export type DueKind = 'VALIDITY' | 'APPRAISAL' | 'APPRAISAL_INTERNAL' | 'APPROVAL';

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  VALIDITY: 'Hạn kiểm tra tính hợp lệ của hồ sơ',
  APPRAISAL: 'Hạn thẩm định',
  APPRAISAL_INTERNAL: 'Hạn thẩm định (nội bộ, pháp luật không quy định)',
  APPROVAL: 'Hạn phê duyệt',
};

/** A limit is met on its last day: overdue only from the day after (days are Vietnamese days, YYYY-MM-DD). */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && today > dueOn;
}
