/**
 * Pure rules of the inventory: what a state-secret system may hold, and when an approval record is complete.
 */

/** Fields describing how a system is built. A state-secret system keeps none of them (minimal metadata only). */
export const ARCHITECTURE_FIELDS = ['architectureDescription', 'components', 'hosting', 'internetFacing', 'connectsGovNetwork'] as const;
export type ArchitectureField = (typeof ARCHITECTURE_FIELDS)[number];

export const STATE_SECRET_MESSAGE =
  'Hệ thống xử lý thông tin bí mật nhà nước chỉ được lưu thông tin tối thiểu; không nhập kiến trúc, thành phần, hạ tầng hay tệp đính kèm trên hệ thống nối mạng.';

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}

/** The architecture fields that a state-secret system is asked to store; empty when nothing is refused. */
export function refusedArchitectureFields(
  infoTypes: readonly string[],
  values: Partial<Record<ArchitectureField, unknown>>,
): ArchitectureField[] {
  if (!infoTypes.includes('STATE_SECRET')) return [];
  return ARCHITECTURE_FIELDS.filter((field) => isFilled(values[field]));
}

export interface ApprovalRecord {
  approvedLevel?: number | null;
  approvalDecisionNumber?: string | null;
  approvalDecisionDate?: string | null;
}

/** An approved level stands only with its decision: level, number and date come together or not at all. */
export function approvalRecordErrors(record: ApprovalRecord): Record<string, string[]> {
  const present = {
    approvedLevel: isFilled(record.approvedLevel),
    approvalDecisionNumber: isFilled(record.approvalDecisionNumber),
    approvalDecisionDate: isFilled(record.approvalDecisionDate),
  };
  const any = Object.values(present).some(Boolean);
  const errors: Record<string, string[]> = {};
  if (!any) return errors;
  for (const [field, filled] of Object.entries(present)) {
    if (!filled) errors[field] = ['cần nhập đủ cấp độ, số và ngày của quyết định phê duyệt'];
  }
  return errors;
}
