/** Dossier states, in the order of the procedure (ND331 Art. 20), and their Vietnamese wording. */
export const DOSSIER_STATUSES = [
  'DRAFT',
  'AWAITING_OPINION',
  'OPINION_GIVEN',
  'SUBMITTED',
  'RETURNED',
  'UNDER_APPRAISAL',
  'APPRAISED',
  'AWAITING_APPROVAL',
  'AWAITING_LISTING',
  'APPROVED',
  'WITHDRAWN',
  'SUPERSEDED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  DRAFT: 'Đang dự thảo',
  SUBMITTED: 'Đã gửi thẩm định',
  RETURNED: 'Yêu cầu bổ sung',
  UNDER_APPRAISAL: 'Đang thẩm định',
  APPRAISED: 'Đã thẩm định',
  AWAITING_OPINION: 'Đang xin ý kiến chuyên môn',
  OPINION_GIVEN: 'Đã có ý kiến chuyên môn',
  AWAITING_APPROVAL: 'Đã trình chủ quản phê duyệt',
  AWAITING_LISTING: 'Chờ Thủ tướng phê duyệt Danh mục',
  APPROVED: 'Đã được phê duyệt',
  WITHDRAWN: 'Đã rút',
  SUPERSEDED: 'Đã được thay thế',
};

export function statusLabel(status: DossierStatus): string {
  return DOSSIER_STATUS_LABELS[status];
}

/** The officer edits a dossier while drafting it and while supplementing it after a return (yêu cầu bổ sung). */
export const EDITABLE_STATUSES: readonly DossierStatus[] = ['DRAFT', 'RETURNED'];

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** A dossier still on its way to a decision (neither approved nor ended): the operating unit may still withdraw it. */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  'DRAFT',
  'AWAITING_OPINION',
  'OPINION_GIVEN',
  'SUBMITTED',
  'RETURNED',
  'UNDER_APPRAISAL',
  'APPRAISED',
  'AWAITING_APPROVAL',
  'AWAITING_LISTING',
];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
