import { PLAN_SECTIONS, PlanEntry, PlanSectionKey } from './dossier-plan';

/**
 * What a dossier still lacks before it can be submitted. Pure: the caller gathers the facts.
 * Every item has a stable code (for clients and the submission refusal) and a Vietnamese message.
 */
export interface CompletenessInput {
  regime: 'ND85' | 'ND331';
  proposedLevel: number;
  levelUndetermined: boolean;
  levelJustification: string;
  description: { scope?: string | null; servedPopulation?: string | null; overview?: string | null };
  requirements: { code: string; title: string }[];
  planEntries: Record<string, PlanEntry | undefined>;
  planSections: Partial<Record<PlanSectionKey, string>>;
  attachmentKinds: string[];
  internalRegulation: { number: string | null; date: string | null };
  expertOpinion?: { unit?: string | null; summary?: string | null } | null;
}

export interface MissingItem {
  code: string;
  message: string;
  /** The requirement or plan section concerned, when there is one. */
  ref?: string;
}

const blank = (value: string | null | undefined) => !value || value.trim().length === 0;

export function missingItems(input: CompletenessInput): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (code: string, message: string, ref?: string) => missing.push(ref ? { code, message, ref } : { code, message });

  // Part 1: general description (ND85 Art. 15.1; TT12 Art. 8.2).
  if (blank(input.description.overview)) add('DESCRIPTION_OVERVIEW_MISSING', 'Phần 1: chưa có mô tả tổng quan về hệ thống.');
  if (blank(input.description.scope)) add('DESCRIPTION_SCOPE_MISSING', 'Phần 1: chưa nêu phạm vi, quy mô của hệ thống.');
  if (blank(input.description.servedPopulation))
    add('DESCRIPTION_SERVED_POPULATION_MISSING', 'Phần 1: chưa nêu đối tượng phục vụ của hệ thống.');

  // Part 2: design document (ND85 Art. 15.2 / ND331 Art. 21.2).
  if (!input.attachmentKinds.includes('DESIGN_DOCUMENT')) add('DESIGN_DOCUMENT_MISSING', 'Phần 2: chưa đính kèm tài liệu thiết kế.');

  // Part 3: level justification (ND85 Art. 15.3 / ND331 Art. 21.3).
  if (blank(input.levelJustification)) add('LEVEL_JUSTIFICATION_MISSING', 'Phần 3: chưa có thuyết minh đề xuất cấp độ.');
  if (input.levelUndetermined && blank(input.levelJustification)) {
    add('LEVEL_UNDETERMINED', 'Phần 3: tiêu chí chưa xác định được cấp độ; cần giải trình căn cứ đề xuất cấp độ.');
  }
  // ND331 Art. 10: a risk assessment is mandatory; Art. 22.5 asks a detailed report for levels 4–5.
  if (input.regime === 'ND331' && !input.attachmentKinds.includes('RISK_ASSESSMENT')) {
    add('RISK_ASSESSMENT_MISSING', 'Phần 3: chưa đính kèm báo cáo đánh giá rủi ro an ninh mạng (Điều 10 Nghị định 331/2026/NĐ-CP).');
  }

  // Part 4: the security plan, section by section and requirement by requirement (ND331 Art. 22.6).
  for (const section of PLAN_SECTIONS) {
    if (blank(input.planSections[section.key]))
      add('PLAN_SECTION_MISSING', `Phần 4: chưa có nội dung mục "${section.title}".`, section.key);
  }
  for (const requirement of input.requirements) {
    const entry = input.planEntries[requirement.code];
    if (!entry) {
      add('PLAN_REQUIREMENT_UNANSWERED', `Phần 4: chưa trả lời yêu cầu "${requirement.title}".`, requirement.code);
    } else if (entry.status === 'PLANNED' && blank(entry.plannedDate)) {
      add(
        'PLAN_REQUIREMENT_DATE_MISSING',
        `Phần 4: yêu cầu "${requirement.title}" có kế hoạch nhưng chưa nêu thời hạn triển khai.`,
        requirement.code,
      );
    } else if (entry.status === 'NOT_APPLICABLE' && blank(entry.reason)) {
      add(
        'PLAN_REQUIREMENT_REASON_MISSING',
        `Phần 4: yêu cầu "${requirement.title}" không áp dụng nhưng chưa nêu lý do.`,
        requirement.code,
      );
    } else if (entry.status !== 'NOT_APPLICABLE' && blank(entry.description)) {
      add('PLAN_REQUIREMENT_DESCRIPTION_MISSING', `Phần 4: chưa mô tả cách đáp ứng yêu cầu "${requirement.title}".`, requirement.code);
    }
  }
  // TT12 Art. 9.7 / ND331 Art. 30.7: the internal security regulation is issued before approval.
  if (blank(input.internalRegulation.number) || blank(input.internalRegulation.date)) {
    add('INTERNAL_REGULATION_MISSING', 'Chưa ban hành quy chế bảo đảm an toàn, an ninh mạng của hệ thống (điều kiện để phê duyệt hồ sơ).');
  }

  // Part 5: levels 4–5 need the specialised unit's professional opinion (ND85 Art. 15.5 / ND331 Art. 21.5).
  if (input.proposedLevel >= 4) {
    const opinion = input.expertOpinion;
    const given = (opinion && !blank(opinion.unit) && !blank(opinion.summary)) || input.attachmentKinds.includes('EXPERT_OPINION');
    if (!given)
      add('EXPERT_OPINION_MISSING', 'Phần 5: hồ sơ cấp độ 4, 5 cần ý kiến chuyên môn của đơn vị chuyên trách về an toàn, an ninh mạng.');
  }
  return missing;
}
