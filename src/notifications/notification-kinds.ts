/** What a notification is about; the workflow and the due-date reminders raise these. */
export const NOTIFICATION_KINDS = [
  'DOSSIER_ROUTED',
  'DOSSIER_RETURNED',
  'DOSSIER_APPRAISED',
  'DOSSIER_APPROVED',
  'DUE_SOON',
  'OVERDUE',
  'PLAN_ITEM_DUE',
  'INSPECTION_DUE',
  'REMEDIATION_DUE',
  'INCIDENT_CLOCK',
  'REDETERMINATION_NEEDED',
  'CAMPAIGN_REMINDER',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  DOSSIER_ROUTED: 'Hồ sơ gửi đến đơn vị thẩm định',
  DOSSIER_RETURNED: 'Hồ sơ được trả lại để bổ sung',
  DOSSIER_APPRAISED: 'Hồ sơ đã có ý kiến thẩm định',
  DOSSIER_APPROVED: 'Hồ sơ đã được phê duyệt cấp độ',
  DUE_SOON: 'Hạn xử lý còn 2 ngày làm việc',
  OVERDUE: 'Hồ sơ đã quá hạn xử lý',
  PLAN_ITEM_DUE: 'Hạng mục phương án sắp đến hạn hoặc quá hạn',
  INSPECTION_DUE: 'Kỳ kiểm tra, đánh giá sắp đến hạn hoặc quá hạn',
  REMEDIATION_DUE: 'Việc khắc phục sau kiểm tra sắp đến hạn hoặc quá hạn',
  INCIDENT_CLOCK: 'Hạn thông báo, báo cáo sự cố',
  REDETERMINATION_NEEDED: 'Hệ thống cần xác định lại cấp độ',
  CAMPAIGN_REMINDER: 'Nhắc việc của đợt rà soát',
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
