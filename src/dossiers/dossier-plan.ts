/** The seven sections of the security plan: Decree 85 Art. 19.2 = Decree 331 Art. 29.2, points a–g. */
export const PLAN_SECTIONS = [
  { key: 'a', title: 'Bảo đảm an toàn trong thiết kế, xây dựng hệ thống' },
  { key: 'b', title: 'Bảo đảm an toàn trong quá trình vận hành hệ thống' },
  { key: 'c', title: 'Kiểm tra, đánh giá an toàn hệ thống' },
  { key: 'd', title: 'Quản lý rủi ro' },
  { key: 'dd', title: 'Giám sát an toàn hệ thống' },
  { key: 'e', title: 'Dự phòng, sao lưu, ứng cứu sự cố và khôi phục sau thảm họa' },
  { key: 'g', title: 'Kết thúc vận hành, khai thác, thanh lý, hủy bỏ hệ thống' },
] as const;
export type PlanSectionKey = (typeof PLAN_SECTIONS)[number]['key'];
export const PLAN_SECTION_KEYS = PLAN_SECTIONS.map((s) => s.key) as PlanSectionKey[];

/** How a requirement of the catalogue is met (Decree 331 Art. 22.6: a description per requirement). */
export const PLAN_ENTRY_STATUSES = ['IMPLEMENTED', 'PLANNED', 'NOT_APPLICABLE'] as const;
export type PlanEntryStatus = (typeof PLAN_ENTRY_STATUSES)[number];
export const PLAN_ENTRY_STATUS_LABELS: Record<PlanEntryStatus, string> = {
  IMPLEMENTED: 'Đã triển khai',
  PLANNED: 'Có kế hoạch triển khai',
  NOT_APPLICABLE: 'Không áp dụng',
};

export interface PlanEntry {
  status: PlanEntryStatus;
  plannedDate?: string | null;
  reason?: string | null;
  description?: string | null;
}

/** What an officer uploads to a draft. */
export const ATTACHMENT_KINDS = ['DESIGN_DOCUMENT', 'EXPERT_OPINION', 'RISK_ASSESSMENT', 'INTERNAL_REGULATION', 'OTHER'] as const;
/** What a dossier holds: the uploads, and the signed decisions the workflow stores with each decision it records. */
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number] | 'DECISION';
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  DECISION: 'Quyết định đã ký (bản chụp)',
  DESIGN_DOCUMENT: 'Tài liệu thiết kế',
  EXPERT_OPINION: 'Ý kiến chuyên môn của đơn vị chuyên trách',
  RISK_ASSESSMENT: 'Báo cáo đánh giá rủi ro',
  INTERNAL_REGULATION: 'Quy chế bảo đảm an toàn, an ninh mạng',
  OTHER: 'Tài liệu khác',
};

export const DESIGN_KIND_LABELS = {
  PRELIMINARY: 'Thiết kế sơ bộ (hệ thống xây dựng mới, mở rộng, nâng cấp)',
  CONSTRUCTION: 'Thiết kế thi công đã được cấp có thẩm quyền phê duyệt (hệ thống đang vận hành)',
} as const;
export type DesignKind = keyof typeof DESIGN_KIND_LABELS;

/** ND85 Art. 13–14 / ND331 Art. 19–20: a system in operation is documented by its approved construction design. */
export function designKindFor(lifecycle: string): DesignKind {
  return lifecycle === 'IN_OPERATION' ? 'CONSTRUCTION' : 'PRELIMINARY';
}
