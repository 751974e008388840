/**
 * Pure rules of prior-approval claims: a level decided before capdo existed counts only once someone who may check
 * it has seen the decision. Decree 331/2026 Art. 18 and Art. 20.3 name who approves a level (the owner's specialised
 * cybersecurity unit for levels 1–2, the owner for levels 3–4, the Prime Minister's list for level 5); Mẫu 08 column
 * (7) reports "số, ngày quyết định, tên cơ quan phê duyệt cấp độ" only for systems that have been approved. An officer
 * typing a level is none of these, so the registry records what the officer says as a claim and counts it once an
 * appraiser of the province or an administrator has confirmed it against the decision's PDF
 * (docs/legal/prior-approvals.md).
 */

export const CLAIM_STATUSES = ['CLAIMED', 'CONFIRMED', 'REJECTED', 'SUPERSEDED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  CLAIMED: 'Đã kê khai, chưa xác nhận',
  CONFIRMED: 'Đã xác nhận',
  REJECTED: 'Không được xác nhận',
  SUPERSEDED: 'Đã được thay bằng kê khai sau',
};

export const CLAIM_ORIGINS = ['DECLARED', 'IMPORTED', 'MIGRATED'] as const;
export type ClaimOrigin = (typeof CLAIM_ORIGINS)[number];

export const CLAIM_ORIGIN_LABELS: Record<ClaimOrigin, string> = {
  DECLARED: 'Cơ quan kê khai kèm bản quyết định',
  IMPORTED: 'Nhập từ tệp danh mục',
  MIGRATED: 'Cấp độ ghi trước đây, chưa được đối chiếu',
};

/** The scanned decision: a few pages of PDF. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MEDIA_TYPE = 'application/pdf';

export const FUTURE_DECISION_MESSAGE = 'Ngày quyết định phê duyệt không được sau ngày hôm nay.';

/**
 * A decision is dated on the day it is signed: one dated after today (Vietnam's day) has not been made yet, so it can
 * neither be recorded by the approve action nor claimed (Decree 331/2026 Art. 20.3: the level is approved by a
 * decision of the competent body; Mẫu 08 column (7) reports its number and date).
 */
export function isDecisionDateInFuture(decisionDate: string, today: string): boolean {
  return decisionDate > today;
}

export interface PriorDecision {
  level: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
}

export type Refusal = { code: RefusalCode; message: string };
export type RefusalCode =
  | 'PRIOR_APPROVAL_WORKFLOW_APPROVED'
  | 'PRIOR_APPROVAL_ALREADY_CONFIRMED'
  | 'PRIOR_APPROVAL_NOT_PENDING'
  | 'PRIOR_APPROVAL_EVIDENCE_MISSING'
  | 'DECISION_DATE_IN_FUTURE';

export const WORKFLOW_APPROVED_MESSAGE =
  'Cấp độ của hệ thống đã được phê duyệt qua quy trình trên capdo; không kê khai hay xác nhận quyết định khác thay cho quyết định đó. Xác định lại cấp độ theo trình tự như lần đầu (Điều 25 Nghị định 331/2026/NĐ-CP).';
export const ALREADY_CONFIRMED_MESSAGE =
  'Hệ thống đã có quyết định phê duyệt cấp độ được xác nhận; thay đổi cấp độ phải lập hồ sơ xác định lại cấp độ (Điều 25 Nghị định 331/2026/NĐ-CP).';

export interface ClaimContext {
  /** A dossier of the system was approved through capdo's workflow (now APPROVED or SUPERSEDED). */
  workflowApproved: boolean;
  /** The status of the system's latest claim, if any. */
  currentStatus: ClaimStatus | null;
  decisionDate: string;
  today: string;
}

/** Whether a new claim may be made: never over a level approved through the workflow or an already confirmed claim. */
export function claimRefusal(ctx: ClaimContext): Refusal | null {
  if (isDecisionDateInFuture(ctx.decisionDate, ctx.today)) return { code: 'DECISION_DATE_IN_FUTURE', message: FUTURE_DECISION_MESSAGE };
  if (ctx.workflowApproved) return { code: 'PRIOR_APPROVAL_WORKFLOW_APPROVED', message: WORKFLOW_APPROVED_MESSAGE };
  if (ctx.currentStatus === 'CONFIRMED') return { code: 'PRIOR_APPROVAL_ALREADY_CONFIRMED', message: ALREADY_CONFIRMED_MESSAGE };
  return null;
}

export interface ReviewContext {
  status: ClaimStatus;
  workflowApproved: boolean;
  hasEvidence: boolean;
  decisionDate: string;
  today: string;
}

/** Whether a pending claim may be confirmed: only with its decision's PDF, and never over the workflow's level. */
export function confirmRefusal(ctx: ReviewContext): Refusal | null {
  if (ctx.status !== 'CLAIMED')
    return {
      code: 'PRIOR_APPROVAL_NOT_PENDING',
      message: `Kê khai này ở trạng thái "${CLAIM_STATUS_LABELS[ctx.status]}", không còn chờ xác nhận.`,
    };
  if (ctx.workflowApproved) return { code: 'PRIOR_APPROVAL_WORKFLOW_APPROVED', message: WORKFLOW_APPROVED_MESSAGE };
  if (!ctx.hasEvidence) {
    return {
      code: 'PRIOR_APPROVAL_EVIDENCE_MISSING',
      message: 'Kê khai chưa kèm bản quyết định phê duyệt (PDF); cơ quan chủ quản cần kê khai lại kèm tệp trước khi xác nhận.',
    };
  }
  if (isDecisionDateInFuture(ctx.decisionDate, ctx.today)) return { code: 'DECISION_DATE_IN_FUTURE', message: FUTURE_DECISION_MESSAGE };
  return null;
}

/** Rejecting needs only a pending claim (a reason is required by the request). */
export function rejectRefusal(status: ClaimStatus): Refusal | null {
  return status === 'CLAIMED'
    ? null
    : { code: 'PRIOR_APPROVAL_NOT_PENDING', message: `Kê khai này ở trạng thái "${CLAIM_STATUS_LABELS[status]}", không còn chờ xác nhận.` };
}

/** The four cells of a prior decision in an import row; undefined: the file has no such column. */
export interface ImportedDecisionCells {
  approvedLevel?: number | null;
  approvalDecisionNumber?: string | null;
  approvalDecisionDate?: string | null;
  approvalDecisionIssuer?: string | null;
}

export interface ImportedSystemState {
  workflowApproved: boolean;
  /** The level on record (system columns). */
  recorded: PriorDecision | null;
  /** The pending claim, if any. */
  pending: PriorDecision | null;
}

export type ImportedDecisionOutcome =
  | { kind: 'none' }
  | { kind: 'claim'; decision: PriorDecision }
  | { kind: 'error'; errors: Partial<Record<keyof ImportedDecisionCells, string>> };

const sameDecision = (a: PriorDecision, b: PriorDecision) =>
  a.level === b.level && a.decisionNumber === b.decisionNumber && a.decisionDate === b.decisionDate && a.issuer === b.issuer;

/**
 * What an import row's prior-decision cells do. Blank cells change nothing (an import cannot clear the level on
 * record); the same decision as the one on record or the one pending changes nothing (an export imported again is
 * unchanged); anything else becomes a claim, refused like an API claim over a workflow approval or a confirmed claim.
 */
export function importedDecisionOutcome(
  cells: ImportedDecisionCells,
  state: ImportedSystemState | null,
  today: string,
): ImportedDecisionOutcome {
  const filled = {
    approvedLevel: cells.approvedLevel !== null && cells.approvedLevel !== undefined,
    approvalDecisionNumber: !!cells.approvalDecisionNumber?.trim(),
    approvalDecisionDate: !!cells.approvalDecisionDate,
    approvalDecisionIssuer: !!cells.approvalDecisionIssuer?.trim(),
  };
  if (!Object.values(filled).some(Boolean)) return { kind: 'none' };
  // The level on record as an export wrote it (its issuer may be blank when the workflow knew none): unchanged.
  const recorded = state?.recorded;
  if (
    recorded &&
    cells.approvedLevel === recorded.level &&
    cells.approvalDecisionNumber?.trim() === recorded.decisionNumber &&
    cells.approvalDecisionDate === recorded.decisionDate &&
    (cells.approvalDecisionIssuer?.trim() || '') === (filled.approvalDecisionIssuer ? recorded.issuer : '')
  ) {
    return { kind: 'none' };
  }
  const errors: Partial<Record<keyof ImportedDecisionCells, string>> = {};
  for (const [field, ok] of Object.entries(filled)) {
    if (!ok) errors[field as keyof ImportedDecisionCells] = 'cần nhập đủ cấp độ, số, ngày và cơ quan ban hành quyết định phê duyệt';
  }
  if (filled.approvedLevel && (!Number.isInteger(cells.approvedLevel) || cells.approvedLevel! < 1 || cells.approvedLevel! > 5))
    errors.approvedLevel = 'cấp độ là số từ 1 đến 5';
  if (filled.approvalDecisionDate && isDecisionDateInFuture(cells.approvalDecisionDate!, today))
    errors.approvalDecisionDate = 'ngày quyết định không được sau ngày hôm nay';
  if (Object.keys(errors).length) return { kind: 'error', errors };
  const decision: PriorDecision = {
    level: cells.approvedLevel!,
    decisionNumber: cells.approvalDecisionNumber!.trim(),
    decisionDate: cells.approvalDecisionDate!,
    issuer: cells.approvalDecisionIssuer!.trim(),
  };
  if (state?.recorded && sameDecision(state.recorded, decision)) return { kind: 'none' };
  if (state?.pending && sameDecision(state.pending, decision)) return { kind: 'none' };
  if (state?.workflowApproved)
    return { kind: 'error', errors: { approvedLevel: 'cấp độ đã được phê duyệt qua quy trình trên capdo; không thay bằng kê khai' } };
  if (state?.recorded)
    return {
      kind: 'error',
      errors: { approvedLevel: 'hệ thống đã có quyết định phê duyệt được xác nhận; thay đổi cấp độ phải lập hồ sơ xác định lại' },
    };
  return { kind: 'claim', decision };
}
