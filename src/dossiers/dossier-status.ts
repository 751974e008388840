/** Dossier states and their Mẫu 08 (column 6) wording; the workflow extends this list. */
export const DOSSIER_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Đang dự thảo',
  SUBMITTED: 'Đã gửi thẩm định',
  RETURNED: 'Yêu cầu bổ sung',
  UNDER_APPRAISAL: 'Đang thẩm định',
  APPRAISED: 'Đã thẩm định',
  APPROVED: 'Đã được phê duyệt',
  WITHDRAWN: 'Đã rút',
  SUPERSEDED: 'Đã được thay thế',
};
