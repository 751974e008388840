import { PLAN_SECTIONS, PlanEntry, PlanSectionKey } from './dossier-plan';
import type { DesignKind } from './dossier-plan';
import type { DossierDescription } from './dossier.entity';
import { displayTitles } from '../requirements/catalogues/requirement-display';

/**
 * What a dossier still lacks before it can be submitted, and what it should still have without being held back for it.
 * Pure: the caller gathers the facts. Every item has a stable code (for clients and the submission refusal) and a
 * Vietnamese message citing its article.
 */
export interface CompletenessInput {
  regime: 'ND85' | 'ND331';
  proposedLevel: number;
  levelUndetermined: boolean;
  levelJustification: string;
  description: Partial<DossierDescription>;
  /** Preliminary (new or upgraded system) or approved construction design (in operation); defaults to preliminary. */
  designKind?: DesignKind;
  /** The owner's and the operating unit's details (TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b); absent: not checked. */
  owner?: AgencyDetails;
  /** Left out (or the owner's own id) when the owner runs the system itself. */
  operator?: AgencyDetails | null;
  requirements: { code: string; title: string; groupName?: string }[];
  planEntries: Record<string, PlanEntry | undefined>;
  planSections: Partial<Record<PlanSectionKey, string>>;
  attachmentKinds: string[];
  internalRegulation: { number: string | null; date: string | null };
  expertOpinion?: { unit?: string | null; summary?: string | null } | null;
}

export interface AgencyDetails {
  id?: string;
  name: string;
  functionsDocument: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface MissingItem {
  code: string;
  message: string;
  /** The requirement or plan section concerned, when there is one. */
  ref?: string;
}

const blank = (value: string | null | undefined) => !value || value.trim().length === 0;

/** The details the report gives for a body, in the order of the article, with their Vietnamese names. */
const AGENCY_DETAILS: [keyof AgencyDetails, string][] = [
  ['functionsDocument', 'văn bản quy định chức năng, nhiệm vụ, quyền hạn'],
  ['representativeName', 'người đại diện'],
  ['representativeTitle', 'chức vụ người đại diện'],
  ['address', 'địa chỉ'],
  ['phone', 'số điện thoại'],
  ['email', 'thư điện tử'],
];

/** Which of a body's details are blank, by their Vietnamese names. */
export function missingAgencyDetails(agency: AgencyDetails): string[] {
  return AGENCY_DETAILS.filter(([key]) => blank(agency[key] as string | null)).map(([, label]) => label);
}

/**
 * Items that do not hold the submission back. TT12 Art. 9.7 / ND331 Art. 30.7: the internal security regulation must be
 * issued before the dossier is approved, not before it is sent — so it warns here, and the approval refuses without it
 * (workflow/dossier-transitions.ts, INTERNAL_REGULATION_MISSING).
 */
export function warningItems(input: Pick<CompletenessInput, 'internalRegulation'>): MissingItem[] {
  if (blank(input.internalRegulation.number) || blank(input.internalRegulation.date)) {
    return [
      {
        code: 'INTERNAL_REGULATION_MISSING',
        message:
          'Chưa ban hành quy chế bảo đảm an toàn, an ninh mạng của hệ thống: vẫn gửi được hồ sơ, nhưng phải ban hành trước khi hồ sơ được phê duyệt (khoản 7 Điều 9 Thông tư 12/2022/TT-BTTTT; khoản 7 Điều 30 Nghị định 331/2026/NĐ-CP).',
      },
    ];
  }
  return [];
}

export function missingItems(input: CompletenessInput): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (code: string, message: string, ref?: string) => missing.push(ref ? { code, message, ref } : { code, message });

  // Part 1: general description (ND85 Art. 15.1; TT12 Art. 8.2).
  if (blank(input.description.overview)) add('DESCRIPTION_OVERVIEW_MISSING', 'Phần 1: chưa có mô tả tổng quan về hệ thống.');
  if (blank(input.description.scope)) add('DESCRIPTION_SCOPE_MISSING', 'Phần 1: chưa nêu phạm vi, quy mô của hệ thống.');
  if (blank(input.description.servedPopulation))
    add('DESCRIPTION_SERVED_POPULATION_MISSING', 'Phần 1: chưa nêu đối tượng phục vụ của hệ thống.');
  ownerAndOperator(input, add);
  architecture(input.description, add);

  // Part 2: design document (ND85 Art. 15.2 / ND331 Art. 21.2).
  if (!input.attachmentKinds.includes('DESIGN_DOCUMENT')) add('DESIGN_DOCUMENT_MISSING', 'Phần 2: chưa đính kèm tài liệu thiết kế.');
  const design = input.description.designDocument;
  if (input.designKind === 'CONSTRUCTION' && (blank(design?.approvalNumber) || blank(design?.approvalDate))) {
    add(
      'DESIGN_APPROVAL_MISSING',
      'Phần 2: hệ thống đang vận hành cần thiết kế thi công đã được cấp có thẩm quyền phê duyệt (hoặc tài liệu tương đương): chưa nêu số và ngày văn bản phê duyệt (khoản 2 Điều 21 Nghị định 331/2026/NĐ-CP; khoản 2 Điều 15 Nghị định 85/2016/NĐ-CP).',
    );
  }

  // Part 3: level justification (ND85 Art. 15.3 / ND331 Art. 21.3).
  if (blank(input.levelJustification)) add('LEVEL_JUSTIFICATION_MISSING', 'Phần 3: chưa có thuyết minh đề xuất cấp độ.');
  if (input.levelUndetermined && blank(input.levelJustification)) {
    add('LEVEL_UNDETERMINED', 'Phần 3: tiêu chí chưa xác định được cấp độ; cần giải trình căn cứ đề xuất cấp độ.');
  }
  // ND331 Art. 22.4.c: every level names its main cybersecurity risks in outline, with their expected impact.
  if (input.regime === 'ND331' && blank(input.description.preliminaryRisks)) {
    add(
      'PRELIMINARY_RISKS_MISSING',
      'Phần 3: chưa nhận diện sơ bộ các nguy cơ, rủi ro an ninh mạng chính và mức độ ảnh hưởng dự kiến (điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP).',
    );
  }
  // ND331 Art. 10: a risk assessment is mandatory; Art. 22.5 asks a more detailed report for levels 4–5.
  if (input.regime === 'ND331' && !input.attachmentKinds.includes('RISK_ASSESSMENT')) {
    add(
      'RISK_ASSESSMENT_MISSING',
      input.proposedLevel >= 4
        ? 'Phần 3: hồ sơ cấp độ 4, 5 cần báo cáo đánh giá rủi ro an ninh mạng ở mức độ chi tiết (khoản 5 Điều 22, Điều 10 Nghị định 331/2026/NĐ-CP).'
        : 'Phần 3: chưa đính kèm báo cáo đánh giá rủi ro an ninh mạng (Điều 10 Nghị định 331/2026/NĐ-CP); xem hướng dẫn và đề cương tải về ở Phần 3, rồi đính kèm ở mục Tệp đính kèm.',
    );
  }
  if (input.proposedLevel >= 4) levelFourFive(input, add);

  // Part 4: the security plan, section by section and requirement by requirement (ND331 Art. 22.6).
  for (const section of PLAN_SECTIONS) {
    if (blank(input.planSections[section.key]))
      add('PLAN_SECTION_MISSING', `Phần 4: chưa có nội dung mục "${section.title}".`, section.key);
  }
  // "Nhật ký hệ thống" is a row of three technical groups: the message names the group too (issue 21 point 3).
  const titles = displayTitles(input.requirements);
  for (const requirement of input.requirements) {
    const entry = input.planEntries[requirement.code];
    const title = titles.get(requirement.code) ?? requirement.title;
    if (!entry) {
      add('PLAN_REQUIREMENT_UNANSWERED', `Phần 4: chưa trả lời yêu cầu "${title}".`, requirement.code);
    } else if (entry.status === 'PLANNED' && blank(entry.plannedDate)) {
      add('PLAN_REQUIREMENT_DATE_MISSING', `Phần 4: yêu cầu "${title}" có kế hoạch nhưng chưa nêu thời hạn triển khai.`, requirement.code);
    } else if (entry.status === 'NOT_APPLICABLE' && blank(entry.reason)) {
      add('PLAN_REQUIREMENT_REASON_MISSING', `Phần 4: yêu cầu "${title}" không áp dụng nhưng chưa nêu lý do.`, requirement.code);
    } else if (entry.status !== 'NOT_APPLICABLE' && blank(entry.description)) {
      add('PLAN_REQUIREMENT_DESCRIPTION_MISSING', `Phần 4: chưa mô tả cách đáp ứng yêu cầu "${title}".`, requirement.code);
    }
  }
  // The internal regulation (TT12 Art. 9.7 / ND331 Art. 30.7) is a warning (warningItems), not a missing item.

  // Part 5: levels 4–5 need the specialised unit's professional opinion (ND85 Art. 15.5 / ND331 Art. 21.5).
  if (input.proposedLevel >= 4) {
    const opinion = input.expertOpinion;
    const given = (opinion && !blank(opinion.unit) && !blank(opinion.summary)) || input.attachmentKinds.includes('EXPERT_OPINION');
    if (!given)
      add('EXPERT_OPINION_MISSING', 'Phần 5: hồ sơ cấp độ 4, 5 cần ý kiến chuyên môn của đơn vị chuyên trách về an toàn, an ninh mạng.');
  }
  return missing;
}

type Add = (code: string, message: string, ref?: string) => void;

/** TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b: the owner's and the operating unit's details. */
function ownerAndOperator(input: CompletenessInput, add: Add): void {
  const bodies: [AgencyDetails | null | undefined, string, string][] = [
    [input.owner, 'OWNER_DETAILS_MISSING', 'chủ quản hệ thống thông tin'],
    [input.operator?.id && input.operator.id === input.owner?.id ? null : input.operator, 'OPERATOR_DETAILS_MISSING', 'đơn vị vận hành'],
  ];
  for (const [body, code, role] of bodies) {
    if (!body) continue;
    const lacking = missingAgencyDetails(body);
    if (lacking.length) {
      add(
        code,
        `Phần 1: thông tin về ${role} (${body.name}) còn thiếu: ${lacking.join(', ')} — quản trị viên cập nhật ở trang Cơ quan, đơn vị (điểm a, b khoản 3 Điều 22 Nghị định 331/2026/NĐ-CP; điểm a, b khoản 3 Điều 8 Thông tư 12/2022/TT-BTTTT).`,
      );
    }
  }
}

/** TT12 Art. 8.3.d; ND331 Art. 22.3.d: the architecture, current or planned, in its five parts. */
function architecture(d: Partial<DossierDescription>, add: Add): void {
  const basis = '(điểm d khoản 3 Điều 22 Nghị định 331/2026/NĐ-CP; điểm d khoản 3 Điều 8 Thông tư 12/2022/TT-BTTTT)';
  if (blank(d.logicalModel)) add('LOGICAL_MODEL_MISSING', `Phần 1: chưa mô tả mô hình lô-gic của hệ thống ${basis}.`);
  if (blank(d.physicalModel)) add('PHYSICAL_MODEL_MISSING', `Phần 1: chưa mô tả mô hình vật lý của hệ thống ${basis}.`);
  if (!d.equipment?.length)
    add('EQUIPMENT_LIST_MISSING', `Phần 1: chưa lập danh mục thiết bị và thiết bị mạng chính (tên/chủng loại, vị trí, mục đích) ${basis}.`);
  if (!d.applications?.length)
    add('APPLICATION_LIST_MISSING', `Phần 1: chưa lập danh mục ứng dụng, dịch vụ (tên, máy chủ, vị trí, hệ điều hành, mục đích) ${basis}.`);
  if (!d.networkZones?.length)
    add('NETWORK_ZONES_MISSING', `Phần 1: chưa lập quy hoạch vùng mạng và địa chỉ IP nội bộ, IP công khai ${basis}.`);
}

/** TT12 Art. 8.5; ND331 Art. 22.5: what a level 4–5 proposal explains besides the rest. */
function levelFourFive(input: CompletenessInput, add: Add): void {
  const basis = input.regime === 'ND331' ? 'khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP' : 'khoản 5 Điều 8 Thông tư 12/2022/TT-BTTTT';
  const d = input.description;
  if (blank(d.relatedSystems))
    add(
      'RELATED_SYSTEMS_MISSING',
      `Phần 3: chưa xác định các hệ thống liên quan, kết nối hoặc ảnh hưởng quan trọng tới hệ thống (điểm a ${basis}).`,
    );
  if (blank(d.threats)) add('THREATS_MISSING', `Phần 3: chưa thuyết minh các nguy cơ tấn công mạng và mức độ ảnh hưởng (điểm b ${basis}).`);
  if (blank(d.publicImpact))
    add(
      'PUBLIC_IMPACT_MISSING',
      `Phần 3: chưa đánh giá phạm vi, mức độ ảnh hưởng tới lợi ích công cộng, trật tự, an toàn xã hội, quốc phòng, an ninh (điểm c ${basis}).`,
    );
  if (blank(d.continuousOperation))
    add(
      'CONTINUOUS_OPERATION_MISSING',
      `Phần 3: chưa thuyết minh yêu cầu vận hành 24/7, không chấp nhận ngừng vận hành ngoài kế hoạch (hoặc lý do hệ thống không thuộc trường hợp này) (điểm d ${basis}).`,
    );
}
