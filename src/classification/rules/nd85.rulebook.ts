/**
 * Rulebook of Decree 85/2016/NĐ-CP, Arts. 7–11 (level criteria), as applied with Circular 12/2022/TT-BTTTT.
 * One row per line of the decision table in LEGAL-BRIEF.md; the evaluator is generic.
 */
import type { Rulebook } from './classification.types';
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

const ND85 = 'Nghị định 85/2016/NĐ-CP';
const art = (ref: string): string => `${ref} ${ND85}`;

/** ND85 Art. 8.2.c / 9.2.c: the threshold counts users (người sử dụng), not data subjects. */
export const ND85_USERS_THRESHOLD = 10_000;

export const ND85_RULEBOOK: Rulebook = {
  regime: 'ND85',
  version: '2016-85/2022-12',
  title: 'Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ (hướng dẫn bởi Thông tư 12/2022/TT-BTTTT)',
  decree: ND85,
  effectiveFrom: '2016-07-01',
  effectiveTo: '2026-08-18',
  rules: [
    {
      id: 'R1',
      article: art('Điều 7'),
      level: 1,
      reason: 'Hệ thống phục vụ hoạt động nội bộ của cơ quan, tổ chức và chỉ xử lý thông tin công cộng.',
      applies: (f) => isType(f, 'INTERNAL') && onlyPublicInfo(f),
    },
    {
      id: 'R2',
      article: art('Khoản 1 Điều 8'),
      level: 2,
      reason:
        'Hệ thống phục vụ hoạt động nội bộ, có xử lý thông tin riêng hoặc thông tin cá nhân của người sử dụng nhưng không xử lý thông tin bí mật nhà nước.',
      applies: (f) => isType(f, 'INTERNAL') && hasPrivateOrPersonal(f) && !hasInfo(f, 'STATE_SECRET'),
    },
    {
      id: 'R3',
      article: art('Khoản 1 Điều 9'),
      level: 3,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh; khi bị phá hoại sẽ làm tổn hại tới quốc phòng, an ninh quốc gia.',
      applies: (f) => harmIs(f, 'HARM'),
    },
    {
      id: 'R4',
      article: art('Khoản 1 Điều 10'),
      level: 4,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh; khi bị phá hoại sẽ làm tổn hại nghiêm trọng tới quốc phòng, an ninh quốc gia.',
      applies: (f) => harmIs(f, 'SERIOUS'),
    },
    {
      id: 'R5',
      article: art('Khoản 1 Điều 11'),
      level: 5,
      reason:
        'Hệ thống xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng, an ninh; khi bị phá hoại sẽ làm tổn hại đặc biệt nghiêm trọng tới quốc phòng, an ninh quốc gia.',
      applies: (f) => harmIs(f, 'ESPECIALLY_SERIOUS'),
    },
    {
      id: 'R6',
      article: art('Điểm b Khoản 2 Điều 8'),
      level: 2,
      reason: 'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ trực tuyến không thuộc danh mục dịch vụ kinh doanh có điều kiện.',
      applies: (f) => isCitizen(f) && f.conditionalBusiness !== true,
    },
    {
      id: 'R7',
      article: art('Điểm a Khoản 2 Điều 8'),
      level: 2,
      reason: 'Hệ thống phục vụ người dân, doanh nghiệp cung cấp thông tin và dịch vụ công trực tuyến mức độ 2 trở xuống.',
      applies: (f) => isCitizen(f) && f.publicServiceLevel === 'LE2',
    },
    {
      id: 'R8',
      article: art('Điểm a Khoản 2 Điều 9'),
      level: 3,
      reason: 'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ công trực tuyến mức độ 3 trở lên.',
      applies: (f) => isCitizen(f) && f.publicServiceLevel === 'GE3',
    },
    {
      id: 'R10',
      article: art('Điểm b Khoản 2 Điều 9'),
      level: 3,
      reason: 'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ trực tuyến thuộc danh mục dịch vụ kinh doanh có điều kiện.',
      applies: (f) => isCitizen(f) && f.conditionalBusiness === true,
    },
    {
      id: 'R11',
      article: art('Điểm c Khoản 2 Điều 8'),
      level: 2,
      reason: `Hệ thống phục vụ người dân, doanh nghiệp có xử lý thông tin riêng, thông tin cá nhân của dưới 10.000 người sử dụng.`,
      applies: (f) => isCitizen(f) && hasPrivateOrPersonal(f) && f.users !== undefined && f.users < ND85_USERS_THRESHOLD,
    },
    {
      id: 'R12',
      article: art('Điểm c Khoản 2 Điều 9'),
      level: 3,
      reason: `Hệ thống phục vụ người dân, doanh nghiệp có xử lý thông tin riêng, thông tin cá nhân của từ 10.000 người sử dụng trở lên.`,
      applies: (f) => isCitizen(f) && hasPrivateOrPersonal(f) && f.users !== undefined && f.users >= ND85_USERS_THRESHOLD,
    },
    {
      id: 'R13',
      article: art('Khoản 3 Điều 8'),
      level: 2,
      reason: 'Hệ thống cơ sở hạ tầng thông tin phục vụ hoạt động của một cơ quan, tổ chức.',
      applies: (f) => infraScopeIs(f, 'SINGLE_ORG'),
    },
    {
      id: 'R14',
      article: art('Khoản 3 Điều 9'),
      level: 3,
      reason:
        'Hệ thống cơ sở hạ tầng thông tin dùng chung phục vụ hoạt động của các cơ quan, tổ chức trong phạm vi một ngành, một tỉnh hoặc một số tỉnh.',
      applies: (f) => infraScopeIs(f, 'SHARED_REGIONAL'),
    },
    {
      id: 'R15a',
      article: art('Khoản 3 Điều 10'),
      level: 4,
      reason:
        'Hệ thống cơ sở hạ tầng thông tin dùng chung phục vụ hoạt động của các cơ quan, tổ chức trên phạm vi toàn quốc, yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành mà không có kế hoạch trước.',
      applies: (f) => infraScopeIs(f, 'NATIONWIDE'),
    },
    {
      id: 'R15b',
      article: art('Khoản 2 Điều 10'),
      level: 4,
      reason:
        'Hệ thống thông tin quốc gia phục vụ phát triển Chính phủ điện tử, yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành mà không có kế hoạch trước.',
      applies: (f) => f.nationalEgov24x7 === true,
    },
    {
      id: 'R16',
      article: art('Khoản 3 Điều 11'),
      level: 5,
      reason: 'Hệ thống cơ sở hạ tầng thông tin quốc gia phục vụ kết nối liên thông hoạt động của Việt Nam với quốc tế.',
      applies: (f) => infraScopeIs(f, 'INTERNATIONAL_LINK'),
    },
    {
      id: 'R17',
      article: art('Khoản 4 Điều 9'),
      level: 3,
      reason: 'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp II, cấp III hoặc cấp IV.',
      applies: (f) => worksGradeIn(f, ['II', 'III', 'IV']),
    },
    {
      id: 'R18',
      article: art('Khoản 4 Điều 10'),
      level: 4,
      reason: 'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp I.',
      applies: (f) => worksGradeIn(f, ['I']),
    },
    {
      id: 'R19',
      article: art('Khoản 4 Điều 11'),
      level: 5,
      reason:
        'Hệ thống điều khiển công nghiệp trực tiếp phục vụ điều khiển, vận hành công trình xây dựng cấp đặc biệt hoặc công trình quan trọng liên quan đến an ninh quốc gia.',
      applies: (f) => worksGradeIn(f, ['SPECIAL', 'NATIONAL_SECURITY_WORKS']),
    },
    {
      id: 'R20',
      article: art('Khoản 2 Điều 11'),
      level: 5,
      reason: 'Hệ thống phục vụ lưu trữ dữ liệu tập trung đối với loại hình thông tin, dữ liệu đặc biệt quan trọng của quốc gia.',
      applies: (f) => f.criticalNationalDataStorage === true,
    },
    {
      // Art. 11.5 lets the Prime Minister designate level 5 only; a lower designation is ignored with a note.
      id: 'R21',
      article: art('Khoản 5 Điều 11'),
      level: 5,
      reason: 'Hệ thống thông tin do Thủ tướng Chính phủ quyết định là cấp độ 5.',
      applies: (f) => f.pmDesignatedLevel === 5,
    },
  ],
  gaps: [
    {
      // Not guessing the count: 10,000 users or more would make it level 3 (Art. 9.2.c).
      id: 'MISSING_USERS',
      article: art('Điểm c Khoản 2 Điều 8, Điểm c Khoản 2 Điều 9'),
      couldReach: 3,
      when: (f) => isCitizen(f) && hasPrivateOrPersonal(f) && f.users === undefined,
      message: `Chưa khai báo số người sử dụng có thông tin riêng, thông tin cá nhân do hệ thống xử lý. Từ 10.000 người sử dụng trở lên thì hệ thống thuộc cấp độ 3 (Điểm c Khoản 2 Điều 9 ${ND85}); cần khai báo số liệu hoặc thuyết minh.`,
    },
    {
      id: 'MISSING_INFRASTRUCTURE_SCOPE',
      article: art('Khoản 3 Điều 8 đến Khoản 3 Điều 11'),
      couldReach: 5,
      when: infraScopeMissing,
      message: `Chưa khai báo phạm vi phục vụ của hệ thống cơ sở hạ tầng thông tin (một cơ quan; một ngành, một tỉnh hoặc một số tỉnh; toàn quốc; kết nối quốc tế), căn cứ Khoản 3 các Điều 8, 9, 10, 11 ${ND85}.`,
    },
    {
      id: 'MISSING_WORKS_GRADE',
      article: art('Khoản 4 Điều 9 đến Khoản 4 Điều 11'),
      couldReach: 5,
      when: worksGradeMissing,
      message: `Chưa khai báo cấp công trình xây dựng mà hệ thống điều khiển công nghiệp phục vụ (Khoản 4 các Điều 9, 10, 11 ${ND85}).`,
    },
    {
      // Decision table edge case: the decree only covers control systems of construction works.
      id: 'WORKS_NOT_CONSTRUCTION',
      article: art('Khoản 4 Điều 9 đến Khoản 4 Điều 11'),
      couldReach: 5,
      when: worksNotConstruction,
      message: `Hệ thống điều khiển công nghiệp không phục vụ công trình xây dựng theo phân cấp của pháp luật về xây dựng: ${ND85} không quy định tiêu chí cho trường hợp này. Cần thuyết minh cấp độ đề xuất căn cứ mức độ tổn hại khi hệ thống bị phá hoại (Điều 21 Luật An toàn thông tin mạng 2015).`,
    },
  ],
  notes: [
    {
      // Open point 6: Decree 42/2022 replaced "mức độ 1–4" with "toàn trình" / "một phần"; mapping unconfirmed.
      id: 'PUBLIC_SERVICE_MAPPING',
      when: (f) => isCitizen(f) && (f.publicServiceLevel === 'LE2' || f.publicServiceLevel === 'GE3'),
      text: `Giả định: Điểm a Khoản 2 Điều 8 và Điểm a Khoản 2 Điều 9 ${ND85} dùng cách phân mức dịch vụ công trực tuyến 1–4 trước năm 2022. Dịch vụ công trực tuyến toàn trình hoặc một phần (Nghị định 42/2022/NĐ-CP) được coi là mức độ 3 trở lên (cấp độ 3); chỉ cung cấp thông tin, biểu mẫu trực tuyến được coi là mức độ 2 trở xuống. Cách quy đổi này chưa có văn bản hướng dẫn chính thức.`,
    },
    {
      // The enum has no "nationwide but not 24/7": the safer reading keeps level 4, and the user is told.
      id: 'NATIONWIDE_24X7',
      when: (f) => infraScopeIs(f, 'NATIONWIDE'),
      text: `Giả định: hạ tầng thông tin phục vụ toàn quốc được coi là yêu cầu vận hành 24/7, không chấp nhận ngừng vận hành mà không có kế hoạch trước (Khoản 3 Điều 10 ${ND85}); nếu không đúng, cần thuyết minh.`,
    },
    {
      id: 'PM_DESIGNATION_LEVEL_5_ONLY',
      when: (f) => f.pmDesignatedLevel !== undefined && f.pmDesignatedLevel < 5,
      text: `Theo Khoản 5 Điều 11 ${ND85}, Thủ tướng Chính phủ chỉ quyết định hệ thống cấp độ 5; cấp độ do Thủ tướng quyết định thấp hơn 5 không được xét theo Nghị định này.`,
    },
    {
      // Point 7 of issue 19: users with only public information is a valid answer, evaluated without the count.
      id: 'USERS_WITHOUT_PRIVATE_DATA',
      when: (f) => countedWithoutPrivateData(f, ['users']),
      text: `Hệ thống không xử lý thông tin riêng, thông tin cá nhân nên số người sử dụng đã khai báo không làm thay đổi cấp độ: Điểm c Khoản 2 Điều 8 và Điểm c Khoản 2 Điều 9 ${ND85} chỉ đếm người sử dụng có thông tin riêng, thông tin cá nhân do hệ thống xử lý.`,
    },
    {
      id: 'HARM_WITHOUT_SECRET_OR_DEFENCE',
      when: harmWithoutSecretOrDefence,
      text: `Mức độ tổn hại tới quốc phòng, an ninh quốc gia chỉ là tiêu chí đối với hệ thống xử lý thông tin bí mật nhà nước hoặc hệ thống phục vụ quốc phòng, an ninh (Khoản 1 các Điều 9, 10, 11 ${ND85}); hệ thống đã khai báo không thuộc trường hợp này nên mức độ tổn hại không được xét.`,
    },
  ],
  ignoredFields: [
    'handlesAdminProcedures',
    'basicPersonalDataSubjects',
    'sensitivePersonalDataSubjects',
    'riskAssessedLevel',
    'riskFrameworkLevel',
  ],
  noMatchMessages: {
    // Open point 9: Decree 85 has no criterion for type (đ) except designation by the Prime Minister (Art. 11.5).
    OTHER: `Hệ thống thông tin khác (Điểm đ Khoản 2 Điều 6 ${ND85}): Nghị định không quy định tiêu chí riêng, ngoài trường hợp Thủ tướng Chính phủ quyết định (Khoản 5 Điều 11). Cần thuyết minh cấp độ đề xuất căn cứ mức độ tổn hại khi hệ thống bị phá hoại (Điều 21 Luật An toàn thông tin mạng 2015).`,
    default: `Thông tin đã khai báo không khớp tiêu chí nào tại Điều 7 đến Điều 11 ${ND85}. Cần rà soát lại loại hình hệ thống, loại thông tin, hoặc thuyết minh cấp độ đề xuất bằng văn bản.`,
  },
};
