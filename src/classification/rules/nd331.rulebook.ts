/**
 * Rulebook of Decree 331/2026/NĐ-CP, Arts. 10–15 (level criteria and the risk-assessment escalation).
 * Text read from a law-firm copy, not the Official Gazette (LEGAL-BRIEF open point 1).
 * One row per line of the decision table in LEGAL-BRIEF.md; the evaluator is generic.
 */
import type { Rule, Rulebook, SecurityLevel } from './classification.types';
import {
  countedWithoutPrivateData,
  harmIs,
  harmWithoutSecretOrDefence,
  hasInfo,
  hasPrivateOrPersonal,
  infraScopeIs,
  infraScopeMissing,
  isCitizen,
  isType,
  onlyPublicInfo,
  worksGradeIn,
  worksGradeMissing,
  worksNotConstruction,
} from './rule-predicates';

const ND331 = 'Nghị định 331/2026/NĐ-CP';
const art = (ref: string): string => `${ref} ${ND331}`;

/** Art. 12.2.b / 13.2.c: thresholds in data subjects, basic OR sensitive personal data. */
export const ND331_BASIC_SUBJECTS_THRESHOLD = 100_000;
export const ND331_SENSITIVE_SUBJECTS_THRESHOLD = 10_000;

/** "Hệ thống thông tin khác do Thủ tướng Chính phủ quyết định hoặc … Khung quản lý rủi ro": one clause per level. */
const OTHER_SYSTEM_CLAUSE: Record<SecurityLevel, string> = {
  1: 'Khoản 2 Điều 11',
  2: 'Khoản 4 Điều 12',
  3: 'Khoản 5 Điều 13',
  4: 'Khoản 4 Điều 14',
  5: 'Khoản 5 Điều 15',
};

// Rows R21 and R22 map to a different clause for each level, so they get a level suffix: 'R21-L3', 'R22-L1'.
const pmDesignationRows: Rule[] = ([2, 3, 4, 5] as const).map((level) => ({
  id: `R21-L${level}`,
  article: art(OTHER_SYSTEM_CLAUSE[level]),
  level,
  reason: `Hệ thống thông tin do Thủ tướng Chính phủ quyết định là cấp độ ${level}.`,
  applies: (f) => f.pmDesignatedLevel === level,
}));

const riskFrameworkRows: Rule[] = ([1, 2, 3, 4, 5] as const).map((level) => ({
  id: `R22-L${level}`,
  article: art(OTHER_SYSTEM_CLAUSE[level]),
  level,
  reason: `Hệ thống thông tin được đánh giá rủi ro an ninh mạng theo Khung quản lý rủi ro an ninh mạng ở cấp độ ${level}.`,
  applies: (f) => f.riskFrameworkLevel === level,
}));

// Art. 10.5: a risk assessment showing higher risk obliges the owner to propose the higher level; never lowers it.
const riskAssessmentRows: Rule[] = ([1, 2, 3, 4, 5] as const).map((level) => ({
  id: `RA-L${level}`,
  article: art('Khoản 5 Điều 10'),
  level,
  kind: 'escalation',
  reason: `Kết quả đánh giá rủi ro an ninh mạng tương ứng cấp độ ${level}; kết quả đánh giá rủi ro chỉ có thể nâng, không hạ cấp độ xác định theo tiêu chí.`,
  applies: (f) => f.riskAssessedLevel === level,
}));

const belowThresholds = (f: { basicPersonalDataSubjects?: number; sensitivePersonalDataSubjects?: number }): boolean =>
  f.basicPersonalDataSubjects !== undefined &&
  f.sensitivePersonalDataSubjects !== undefined &&
  f.basicPersonalDataSubjects < ND331_BASIC_SUBJECTS_THRESHOLD &&
  f.sensitivePersonalDataSubjects < ND331_SENSITIVE_SUBJECTS_THRESHOLD;

const thresholdReached = (f: { basicPersonalDataSubjects?: number; sensitivePersonalDataSubjects?: number }): boolean =>
  (f.basicPersonalDataSubjects ?? 0) >= ND331_BASIC_SUBJECTS_THRESHOLD ||
  (f.sensitivePersonalDataSubjects ?? 0) >= ND331_SENSITIVE_SUBJECTS_THRESHOLD;

export const ND331_RULEBOOK: Rulebook = {
  regime: 'ND331',
  version: '2026-331',
  title: 'Nghị định 331/2026/NĐ-CP về bảo vệ an ninh mạng đối với hệ thống thông tin',
  decree: ND331,
  effectiveFrom: '2026-08-19',
  rules: [
    {
      id: 'R1',
      article: art('Khoản 1 Điều 11'),
      level: 1,
      reason: 'Hệ thống phục vụ hoạt động nội bộ của cơ quan, tổ chức và chỉ xử lý thông tin công cộng.',
      applies: (f) => isType(f, 'INTERNAL') && onlyPublicInfo(f),
    },
    {
      id: 'R2',
      article: art('Khoản 1 Điều 12'),
      level: 2,
      reason:
        'Hệ thống phục vụ hoạt động nội bộ, có xử lý thông tin riêng, thông tin cá nhân của người sử dụng nhưng không xử lý thông tin bí mật nhà nước.',
      applies: (f) => isType(f, 'INTERNAL') && hasPrivateOrPersonal(f) && !hasInfo(f, 'STATE_SECRET'),
    },
    {
      id: 'R3',
      article: art('Khoản 1 Điều 13'),
      level: 3,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh; khi bị phá hoại sẽ làm tổn hại tới an ninh quốc gia.',
      applies: (f) => harmIs(f, 'HARM'),
    },
    {
      id: 'R4',
      article: art('Khoản 1 Điều 14'),
      level: 4,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh; khi bị phá hoại sẽ làm tổn hại nghiêm trọng tới an ninh quốc gia.',
      applies: (f) => harmIs(f, 'SERIOUS'),
    },
    {
      id: 'R5',
      article: art('Khoản 1 Điều 15'),
      level: 5,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh, mang tính chiến lược; khi bị phá hoại sẽ làm tổn hại đặc biệt nghiêm trọng tới an ninh quốc gia.',
      applies: (f) => harmIs(f, 'ESPECIALLY_SERIOUS'),
    },
    {
      id: 'R6',
      article: art('Điểm a Khoản 2 Điều 12'),
      level: 2,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ trực tuyến không thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện.',
      applies: (f) => isCitizen(f) && f.conditionalBusiness !== true,
    },
    {
      id: 'R9',
      article: art('Điểm b Khoản 2 Điều 13'),
      level: 3,
      reason: 'Hệ thống thông tin giải quyết thủ tục hành chính.',
      applies: (f) => isCitizen(f) && f.handlesAdminProcedures === true,
    },
    {
      id: 'R10',
      article: art('Điểm a Khoản 2 Điều 13'),
      level: 3,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ trực tuyến thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện.',
      applies: (f) => isCitizen(f) && f.conditionalBusiness === true,
    },
    {
      id: 'R11',
      article: art('Điểm b Khoản 2 Điều 12'),
      level: 2,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp có xử lý thông tin riêng, thông tin cá nhân của dưới 100.000 chủ thể dữ liệu cá nhân cơ bản và dưới 10.000 chủ thể dữ liệu cá nhân nhạy cảm.',
      applies: (f) => isCitizen(f) && hasPrivateOrPersonal(f) && belowThresholds(f),
    },
    {
      id: 'R12',
      article: art('Điểm c Khoản 2 Điều 13'),
      level: 3,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp có xử lý thông tin riêng, thông tin cá nhân của từ 100.000 chủ thể dữ liệu cá nhân cơ bản trở lên hoặc từ 10.000 chủ thể dữ liệu cá nhân nhạy cảm trở lên.',
      applies: (f) => isCitizen(f) && hasPrivateOrPersonal(f) && thresholdReached(f),
    },
    {
      id: 'R13',
      article: art('Khoản 3 Điều 12'),
      level: 2,
      reason: 'Hệ thống cơ sở hạ tầng thông tin phục vụ hoạt động của một cơ quan, tổ chức.',
      applies: (f) => infraScopeIs(f, 'SINGLE_ORG'),
    },
    {
      id: 'R14',
      article: art('Khoản 3 Điều 13'),
      level: 3,
      reason:
        'Hệ thống cơ sở hạ tầng thông tin phục vụ hoạt động của các cơ quan, tổ chức trong phạm vi một bộ, một ngành, một tỉnh hoặc một số tỉnh.',
      applies: (f) => infraScopeIs(f, 'SHARED_REGIONAL'),
    },
    {
      id: 'R15a',
      article: art('Khoản 2 Điều 14'),
      level: 4,
      reason:
        'Hệ thống cơ sở hạ tầng thông tin phục vụ hoạt động của các cơ quan, tổ chức trên phạm vi toàn quốc, yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành mà không có kế hoạch trước.',
      applies: (f) => infraScopeIs(f, 'NATIONWIDE'),
    },
    {
      id: 'R15b',
      article: art('Khoản 2 Điều 14'),
      level: 4,
      reason:
        'Hệ thống thông tin quốc gia phục vụ phát triển Chính phủ điện tử, yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành mà không có kế hoạch trước.',
      applies: (f) => f.nationalEgov24x7 === true,
    },
    {
      id: 'R16',
      article: art('Khoản 3 Điều 15'),
      level: 5,
      reason: 'Hệ thống cơ sở hạ tầng thông tin quốc gia phục vụ kết nối liên thông hoạt động của Việt Nam với quốc tế.',
      applies: (f) => infraScopeIs(f, 'INTERNATIONAL_LINK'),
    },
    {
      id: 'R17',
      article: art('Khoản 4 Điều 13'),
      level: 3,
      reason: 'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp II, cấp III hoặc cấp IV.',
      applies: (f) => worksGradeIn(f, ['II', 'III', 'IV']),
    },
    {
      id: 'R18',
      article: art('Khoản 3 Điều 14'),
      level: 4,
      reason: 'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp I.',
      applies: (f) => worksGradeIn(f, ['I']),
    },
    {
      id: 'R19',
      article: art('Khoản 4 Điều 15'),
      level: 5,
      reason:
        'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp đặc biệt hoặc công trình quan trọng liên quan đến an ninh quốc gia.',
      applies: (f) => worksGradeIn(f, ['SPECIAL', 'NATIONAL_SECURITY_WORKS']),
    },
    {
      id: 'R20',
      article: art('Khoản 2 Điều 15'),
      level: 5,
      reason: 'Hệ thống phục vụ lưu trữ dữ liệu tập trung đối với loại hình thông tin, dữ liệu đặc biệt quan trọng của quốc gia.',
      applies: (f) => f.criticalNationalDataStorage === true,
    },
    ...pmDesignationRows,
    ...riskFrameworkRows,
    ...riskAssessmentRows,
  ],
  gaps: [
    {
      // Not guessing the counts: either threshold reached would make it level 3 (Art. 13.2.c).
      id: 'MISSING_DATA_SUBJECTS',
      article: art('Điểm b Khoản 2 Điều 12, Điểm c Khoản 2 Điều 13'),
      couldReach: 3,
      when: (f) =>
        isCitizen(f) &&
        hasPrivateOrPersonal(f) &&
        (f.basicPersonalDataSubjects === undefined || f.sensitivePersonalDataSubjects === undefined),
      message: `Chưa khai báo đủ số chủ thể dữ liệu cá nhân cơ bản và số chủ thể dữ liệu cá nhân nhạy cảm do hệ thống xử lý. Từ 100.000 chủ thể dữ liệu cá nhân cơ bản hoặc từ 10.000 chủ thể dữ liệu cá nhân nhạy cảm trở lên thì hệ thống thuộc cấp độ 3 (Điểm c Khoản 2 Điều 13 ${ND331}); cần khai báo số liệu (ghi 0 nếu không có) hoặc thuyết minh.`,
    },
    {
      id: 'MISSING_INFRASTRUCTURE_SCOPE',
      article: art('Khoản 3 Điều 12 đến Khoản 3 Điều 15'),
      couldReach: 5,
      when: infraScopeMissing,
      message: `Chưa khai báo phạm vi phục vụ của hệ thống cơ sở hạ tầng thông tin (một cơ quan; một bộ, một ngành, một tỉnh hoặc một số tỉnh; toàn quốc; kết nối quốc tế), căn cứ Khoản 3 Điều 12, Khoản 3 Điều 13, Khoản 2 Điều 14, Khoản 3 Điều 15 ${ND331}.`,
    },
    {
      id: 'MISSING_WORKS_GRADE',
      article: art('Khoản 4 Điều 13, Khoản 3 Điều 14, Khoản 4 Điều 15'),
      couldReach: 5,
      when: worksGradeMissing,
      message: `Chưa khai báo cấp công trình xây dựng mà hệ thống điều khiển công nghiệp phục vụ (Khoản 4 Điều 13, Khoản 3 Điều 14, Khoản 4 Điều 15 ${ND331}).`,
    },
    {
      // Decision table edge case: the decree only covers control systems of construction works.
      id: 'WORKS_NOT_CONSTRUCTION',
      article: art('Khoản 4 Điều 13, Khoản 3 Điều 14, Khoản 4 Điều 15'),
      couldReach: 5,
      when: worksNotConstruction,
      message: `Hệ thống điều khiển công nghiệp không phục vụ công trình xây dựng theo phân cấp của pháp luật về xây dựng: ${ND331} không quy định tiêu chí cho trường hợp này. Cần thuyết minh cấp độ đề xuất căn cứ mức độ tổn hại khi hệ thống bị phá hoại (Điều 8 Luật An ninh mạng 2025) và kết quả đánh giá rủi ro an ninh mạng (Điều 10 ${ND331}).`,
    },
  ],
  notes: [
    {
      // The enum has no "nationwide but not 24/7": the safer reading keeps level 4, and the user is told.
      id: 'NATIONWIDE_24X7',
      when: (f) => infraScopeIs(f, 'NATIONWIDE'),
      text: `Giả định: hạ tầng thông tin phục vụ toàn quốc được coi là yêu cầu vận hành 24/7, không chấp nhận ngừng vận hành mà không có kế hoạch trước (Khoản 2 Điều 14 ${ND331}); nếu không đúng, cần thuyết minh.`,
    },
    {
      // Open point 2: the framework has not been issued by the Ministry of Public Security.
      id: 'RISK_FRAMEWORK_PENDING',
      when: (f) => f.riskFrameworkLevel !== undefined,
      text: `Khung quản lý rủi ro an ninh mạng (Khoản 2 Điều 11, Khoản 4 Điều 12, Khoản 5 Điều 13, Khoản 4 Điều 14, Khoản 5 Điều 15 ${ND331}) chưa được ban hành; cấp độ theo Khung cần được đối chiếu lại khi Bộ Công an ban hành.`,
    },
    {
      id: 'RISK_ASSESSMENT_REQUIRED',
      rootOnly: true,
      when: (f) => f.riskAssessedLevel === undefined,
      text: `Chưa khai báo kết quả đánh giá rủi ro an ninh mạng. Chủ quản hệ thống phải đánh giá rủi ro khi xác định cấp độ lần đầu (Điểm a Khoản 2 Điều 10 ${ND331}); nếu kết quả cho thấy mức rủi ro cao hơn thì phải đề xuất cấp độ cao hơn (Khoản 5 Điều 10).`,
    },
    {
      // Point 7 of issue 19: data subjects with only public information is a valid answer, evaluated without the counts.
      id: 'SUBJECTS_WITHOUT_PRIVATE_DATA',
      when: (f) => countedWithoutPrivateData(f, ['basicPersonalDataSubjects', 'sensitivePersonalDataSubjects']),
      text: `Hệ thống không xử lý thông tin riêng, thông tin cá nhân nên số chủ thể dữ liệu đã khai báo không làm thay đổi cấp độ: Điểm b Khoản 2 Điều 12 và Điểm c Khoản 2 Điều 13 ${ND331} chỉ xét hệ thống có xử lý thông tin riêng, thông tin cá nhân.`,
    },
    {
      id: 'HARM_WITHOUT_SECRET_OR_DEFENCE',
      when: harmWithoutSecretOrDefence,
      text: `Mức độ tổn hại tới an ninh quốc gia chỉ là tiêu chí đối với hệ thống xử lý thông tin bí mật nhà nước hoặc hệ thống phục vụ quốc phòng, an ninh (Khoản 1 các Điều 13, 14, 15 ${ND331}); hệ thống đã khai báo không thuộc trường hợp này nên mức độ tổn hại không được xét.`,
    },
    {
      // Art. 16.3 needs a field of Law 116 Art. 9.2 AND a consequence: a consequence alone meets nothing, and says so.
      id: 'CONSEQUENCES_WITHOUT_FIELD',
      when: (f) => (f.nationalSecurityConsequences ?? []).length > 0 && (f.nationalSecurityFields ?? []).length === 0,
      text: `Hậu quả tại khoản 3 Điều 16 ${ND331} chỉ xét đối với hệ thống thuộc một lĩnh vực tại khoản 2 Điều 9 Luật An ninh mạng; chưa chọn lĩnh vực nào nên các hậu quả đã chọn không được xét.`,
    },
  ],
  ignoredFields: ['publicServiceLevel', 'users'],
  noMatchMessages: {
    OTHER: `Hệ thống thông tin khác (Điểm đ Khoản 2 Điều 9 ${ND331}): ngoài trường hợp Thủ tướng Chính phủ quyết định hoặc được đánh giá theo Khung quản lý rủi ro an ninh mạng (chưa ban hành), Nghị định không quy định tiêu chí riêng. Cần thuyết minh cấp độ đề xuất căn cứ mức độ tổn hại khi hệ thống bị phá hoại (Điều 8 Luật An ninh mạng 2025) và kết quả đánh giá rủi ro an ninh mạng (Điều 10).`,
    default: `Thông tin đã khai báo không khớp tiêu chí nào tại Điều 11 đến Điều 15 ${ND331}. Cần rà soát lại loại hình hệ thống, loại thông tin, hoặc thuyết minh cấp độ đề xuất bằng văn bản.`,
  },
};
