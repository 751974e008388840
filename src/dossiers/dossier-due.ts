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

/**
 * The two dates a received dossier shows side by side (docs/legal/statutory-clocks.md): the validity reply — statutory
 * under ND331 (Art. 23.2), an internal target under ND85, without an article — and the appraisal counted from the same
 * receipt (ND331 Art. 23.3; ND85 Art. 16.2; levels 1–2 an internal target).
 */
export function validityDueLabel(regime: 'ND85' | 'ND331'): string {
  return regime === 'ND331'
    ? 'Hạn trả lời, hướng dẫn bổ sung hồ sơ chưa hợp lệ: 05 ngày làm việc kể từ ngày nhận hồ sơ (khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)'
    : 'Mục tiêu nội bộ kiểm tra tính hợp lệ: 05 ngày làm việc kể từ ngày nhận hồ sơ (pháp luật hiện hành không quy định thời hạn này)';
}

export function appraisalDueLabel(regime: 'ND85' | 'ND331', level: number): string {
  if (level <= 2) return 'Mục tiêu nội bộ thẩm định (cấp độ 1, 2: pháp luật không quy định thời hạn), tính từ ngày nhận hồ sơ';
  if (regime === 'ND331')
    return `Hạn thẩm định: ${level === 3 ? '15' : '25'} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (khoản 3 Điều 23 Nghị định 331/2026/NĐ-CP)`;
  return `Hạn thẩm định: ${level === 3 ? '15' : '30'} ngày kể từ ngày nhận đủ hồ sơ hợp lệ (khoản 2 Điều 16 Nghị định 85/2016/NĐ-CP)`;
}

/**
 * "Return for supplement" belongs to the validity window (ND331 Art. 23.2): on or before its last day. After it the
 * appraiser concludes "chưa phù hợp" (Mẫu 04) instead. ND85 dossiers have no statutory window: capdo applies its
 * internal target the same way, so a late return never restarts an appraisal clock already running (the reading
 * safest for the agency; docs/legal/statutory-clocks.md). Unknown window (dossiers sent before the date was kept): allowed.
 */
export function mayReturnForSupplement(validityDueOn: string | null | undefined, today: string): boolean {
  return !validityDueOn || today <= validityDueOn;
}
