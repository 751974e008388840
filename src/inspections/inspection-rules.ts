/**
 * What an inspection record is, as the law names it (docs/legal/inspections.md). Pure: no Nest or TypeORM imports.
 */
import { DomainError } from '../common/errors/domain-error';
import type { InspectionRegime } from './inspection-schedule';

export const INSPECTION_KINDS = ['BEFORE_GO_LIVE', 'PERIODIC', 'AD_HOC'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  BEFORE_GO_LIVE: 'Trước khi đưa vào sử dụng',
  PERIODIC: 'Định kỳ',
  AD_HOC: 'Đột xuất',
};

/**
 * How it was done: self-assessment by a unit independent of the operator (ND331 Art. 31.2.c), document review of the
 * regulation and its application (Art. 27.2.a–b), black, gray or white box testing (Art. 27.4), the conditions
 * assessment before operation (Art. 28.3).
 */
export const INSPECTION_METHODS = [
  'SELF_ASSESSMENT',
  'DOCUMENT_REVIEW',
  'BLACK_BOX',
  'GRAY_BOX',
  'WHITE_BOX',
  'CONDITIONS_ASSESSMENT',
] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];
export const INSPECTION_METHOD_LABELS: Record<InspectionMethod, string> = {
  SELF_ASSESSMENT: 'Tự đánh giá nội bộ',
  DOCUMENT_REVIEW: 'Kiểm tra hồ sơ, quy chế',
  BLACK_BOX: 'Kiểm tra hộp đen',
  GRAY_BOX: 'Kiểm tra hộp xám',
  WHITE_BOX: 'Kiểm tra hộp trắng',
  CONDITIONS_ASSESSMENT: 'Đánh giá điều kiện an ninh mạng',
};

export const FINDING_STATUSES = ['OPEN', 'DONE'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { OPEN: 'Chưa khắc phục', DONE: 'Đã khắc phục' };

/** What the record says about who did it. */
export interface PerformerFacts {
  /** Done by a unit independent of the operating unit. */
  independent: boolean;
  /** A licensed professional organisation, a suitable public-service unit or an appointed one. */
  qualified: boolean;
}

export interface DutyFacts {
  regime: InspectionRegime;
  level: number | null;
  onNationalSecurityList: boolean;
  /** The policy's `requires_independent` for the level (ND331), when known. */
  policyRequiresQualified?: boolean;
}

/**
 * Where a recorded inspection falls short of who must do it, in plain Vietnamese (empty when it conforms). Shown as a
 * warning beside the record, not a refusal: the inspection happened, and the record keeps what was done.
 * - ND85 Art. 20.2.c (LEGAL-BRIEF §6.2): level 3 and up by a licensed, suitable or appointed organisation.
 * - ND331 Art. 31.2.c: a self-assessment only by a unit independent of the operator; a qualified organisation for
 *   level 5 and List systems (and where the policy asks it).
 */
export function performerGaps(duty: DutyFacts, performer: PerformerFacts): string[] {
  const gaps: string[] = [];
  if (duty.level === null) return gaps;
  if (duty.regime === 'ND85') {
    if (duty.level >= 3 && !performer.qualified)
      gaps.push(
        'Hệ thống từ cấp độ 3 phải do tổ chức chuyên môn được cấp phép, đơn vị sự nghiệp phù hợp hoặc tổ chức được chỉ định kiểm tra (Điều 20.2.c Nghị định 85/2016/NĐ-CP).',
      );
    return gaps;
  }
  if (!performer.independent && !performer.qualified)
    gaps.push('Tự đánh giá phải do bộ phận, đơn vị độc lập với đơn vị vận hành thực hiện (Điều 31.2.c Nghị định 331/2026/NĐ-CP).');
  const qualifiedNeeded = duty.level === 5 || duty.onNationalSecurityList || duty.policyRequiresQualified === true;
  if (qualifiedNeeded && !performer.qualified)
    gaps.push(
      'Hệ thống cấp độ 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia phải do tổ chức chuyên môn được cấp phép hoặc chỉ định kiểm tra, đánh giá (Điều 31.2.c Nghị định 331/2026/NĐ-CP).',
    );
  return gaps;
}

/** Kinds that count for the schedule and for Mẫu 08 column 12 (an ad-hoc inspection does not restart the cycle). */
export function countsForSchedule(kind: InspectionKind): boolean {
  return kind === 'PERIODIC' || kind === 'BEFORE_GO_LIVE';
}

/**
 * Since the `inspections` table exists, inspections are recorded through their own route (POST
 * /api/v1/systems/{id}/inspections) and `systems.inspections` is only a mirror: the system form may not type them.
 */
export function refuseTypedInspections(dto: { inspections?: unknown }): void {
  if (dto.inspections === undefined) return;
  throw new DomainError(
    'INSPECTIONS_RECORDED_SEPARATELY',
    'Kiểm tra, đánh giá được ghi nhận tại mục “Kiểm tra, đánh giá” của hệ thống (kèm người thực hiện, phương thức, báo cáo), không nhập trên hồ sơ hệ thống.',
    { inspections: ['ghi nhận qua /api/v1/systems/{id}/inspections'] },
  );
}
