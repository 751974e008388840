/**
 * Vietnamese labels for the fact fields and their values, shared by the questionnaire, the evaluator's notes
 * and validation messages. Wording follows ND85 Art. 6 / ND331 Art. 9.
 */
import type {
  FactField,
  InfoType,
  InfrastructureScope,
  NationalSecurityConsequence,
  NationalSecurityCriterion,
  NationalSecurityField,
  NationalSecurityHarm,
  PublicServiceLevel,
  SystemType,
  WorksGrade,
} from './classification.types';

export const FACT_LABELS: Record<FactField, string> = {
  systemType: 'Loại hình hệ thống thông tin',
  infoTypes: 'Loại thông tin được xử lý',
  defenceSecuritySystem: 'Hệ thống phục vụ quốc phòng, an ninh',
  nationalSecurityHarm: 'Mức độ tổn hại tới quốc phòng, an ninh quốc gia',
  publicServiceLevel: 'Mức độ dịch vụ công trực tuyến',
  users: 'Số người sử dụng có thông tin riêng, thông tin cá nhân',
  handlesAdminProcedures: 'Giải quyết thủ tục hành chính',
  basicPersonalDataSubjects: 'Số chủ thể dữ liệu cá nhân cơ bản',
  sensitivePersonalDataSubjects: 'Số chủ thể dữ liệu cá nhân nhạy cảm',
  riskAssessedLevel: 'Cấp độ theo kết quả đánh giá rủi ro an ninh mạng',
  conditionalBusiness: 'Thuộc danh mục kinh doanh có điều kiện',
  infrastructureScope: 'Phạm vi phục vụ của hệ thống cơ sở hạ tầng thông tin',
  nationalEgov24x7: 'Hệ thống thông tin quốc gia phục vụ Chính phủ điện tử, vận hành 24/7',
  worksGrade: 'Cấp công trình xây dựng được điều khiển',
  criticalNationalDataStorage: 'Lưu trữ tập trung dữ liệu đặc biệt quan trọng của quốc gia',
  pmDesignatedLevel: 'Cấp độ do Thủ tướng Chính phủ quyết định',
  riskFrameworkLevel: 'Cấp độ theo Khung quản lý rủi ro an ninh mạng',
  nationalSecurityCriteria: 'Phục vụ chỉ đạo, điều hành công trình quan trọng liên quan đến an ninh quốc gia',
  nationalSecurityFields: 'Lĩnh vực theo khoản 2 Điều 9 Luật An ninh mạng',
  nationalSecurityConsequences: 'Hậu quả khi bị sự cố, tấn công hoặc phá hoại (khoản 3 Điều 16 Nghị định 331/2026/NĐ-CP)',
  components: 'Hệ thống thành phần',
};

export const SYSTEM_TYPE_LABELS: Record<SystemType, string> = {
  INTERNAL: 'Hệ thống thông tin phục vụ hoạt động nội bộ',
  CITIZEN_BUSINESS: 'Hệ thống thông tin phục vụ người dân, doanh nghiệp',
  INFRASTRUCTURE: 'Hệ thống cơ sở hạ tầng thông tin',
  INDUSTRIAL_CONTROL: 'Hệ thống thông tin điều khiển công nghiệp',
  OTHER: 'Hệ thống thông tin khác',
};

export const INFO_TYPE_LABELS: Record<InfoType, string> = {
  PUBLIC: 'Thông tin công cộng',
  PRIVATE: 'Thông tin riêng',
  PERSONAL: 'Thông tin cá nhân',
  STATE_SECRET: 'Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)',
};

export const NATIONAL_SECURITY_HARM_LABELS: Record<NationalSecurityHarm, string> = {
  NONE: 'Không gây tổn hại tới quốc phòng, an ninh quốc gia',
  HARM: 'Gây tổn hại',
  SERIOUS: 'Gây tổn hại nghiêm trọng',
  ESPECIALLY_SERIOUS: 'Gây tổn hại đặc biệt nghiêm trọng (hệ thống mang tính chiến lược)',
};

export const PUBLIC_SERVICE_LEVEL_LABELS: Record<PublicServiceLevel, string> = {
  NONE: 'Không cung cấp dịch vụ công trực tuyến',
  LE2: 'Mức độ 2 trở xuống (chỉ cung cấp thông tin, biểu mẫu trực tuyến)',
  GE3: 'Mức độ 3 trở lên (dịch vụ công trực tuyến toàn trình hoặc một phần)',
};

export const INFRASTRUCTURE_SCOPE_LABELS: Record<InfrastructureScope, string> = {
  SINGLE_ORG: 'Phục vụ hoạt động của một cơ quan, tổ chức',
  SHARED_REGIONAL: 'Dùng chung trong phạm vi một bộ, một ngành, một tỉnh hoặc một số tỉnh',
  NATIONWIDE: 'Dùng chung trên phạm vi toàn quốc, vận hành 24/7, không chấp nhận ngừng ngoài kế hoạch',
  INTERNATIONAL_LINK: 'Hạ tầng thông tin quốc gia kết nối liên thông Việt Nam với quốc tế',
};

export const WORKS_GRADE_LABELS: Record<WorksGrade, string> = {
  NONE: 'Không phục vụ công trình xây dựng',
  IV: 'Công trình cấp IV',
  III: 'Công trình cấp III',
  II: 'Công trình cấp II',
  I: 'Công trình cấp I',
  SPECIAL: 'Công trình cấp đặc biệt',
  NATIONAL_SECURITY_WORKS: 'Công trình quan trọng liên quan đến an ninh quốc gia',
};

/** ND331 Art. 16.1–16.2, in the decree's words. */
export const NATIONAL_SECURITY_CRITERION_LABELS: Record<NationalSecurityCriterion, string> = {
  SECURITY_WORKS_COMMAND: 'Phục vụ chỉ đạo, điều hành của công trình quan trọng liên quan đến an ninh quốc gia',
  TELECOM_WORKS_COMMAND:
    'Phục vụ chỉ đạo, điều hành, điều khiển hoạt động của công trình viễn thông quan trọng liên quan đến an ninh quốc gia',
};

/** Law 116/2025/QH15 Art. 9.2 a–h, in the law's words. */
export const NATIONAL_SECURITY_FIELD_LABELS: Record<NationalSecurityField, string> = {
  MILITARY_SECURITY_DIPLOMACY_CRYPTO: 'Hệ thống thông tin quân sự, an ninh, ngoại giao, cơ yếu',
  STATE_SECRETS: 'Hệ thống thông tin lưu trữ, xử lý thông tin thuộc bí mật nhà nước',
  SPECIAL_ARTEFACTS: 'Hệ thống thông tin phục vụ lưu giữ, bảo quản hiện vật, tài liệu có giá trị đặc biệt quan trọng',
  HAZARDOUS_MATERIALS: 'Hệ thống thông tin phục vụ bảo quản vật liệu, chất đặc biệt nguy hiểm đối với con người, môi trường',
  SPECIAL_FACILITIES:
    'Hệ thống thông tin phục vụ bảo quản, chế tạo, quản lý cơ sở vật chất đặc biệt quan trọng khác liên quan đến an ninh quốc gia',
  CENTRAL_BODIES: 'Hệ thống thông tin quan trọng phục vụ hoạt động của cơ quan, tổ chức ở trung ương',
  NATIONAL_SECTOR:
    'Hệ thống thông tin quốc gia thuộc lĩnh vực năng lượng, tài chính, ngân hàng, viễn thông, giao thông vận tải, nông nghiệp, tài nguyên và môi trường, hóa chất, y tế, văn hóa',
  SECURITY_WORKS_CONTROL:
    'Hệ thống điều khiển và giám sát tự động tại công trình quan trọng liên quan đến an ninh quốc gia, mục tiêu quan trọng về an ninh quốc gia',
};

/** ND331 Art. 16.3 a–g, in the decree's words. */
export const NATIONAL_SECURITY_CONSEQUENCE_LABELS: Record<NationalSecurityConsequence, string> = {
  SOVEREIGNTY_REGIME:
    'Trực tiếp tác động đến độc lập, chủ quyền, thống nhất và toàn vẹn lãnh thổ của Tổ quốc, sự tồn tại của chế độ và Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam',
  DEFENCE_FOREIGN_AFFAIRS: 'Gây hậu quả nghiêm trọng đến an ninh quốc gia, đối ngoại làm suy yếu khả năng phòng thủ, bảo vệ Tổ quốc',
  NATIONAL_ECONOMY: 'Gây hậu quả nghiêm trọng đến nền kinh tế quốc dân',
  HUMAN_ENVIRONMENTAL_DISASTER: 'Gây thảm họa đối với đời sống con người, môi trường sinh thái',
  SPECIAL_GRADE_WORKS:
    'Gây hậu quả nghiêm trọng đến hoạt động của công trình xây dựng cấp đặc biệt theo phân cấp của pháp luật về xây dựng',
  SECRET_POLICY_MAKING: 'Gây hậu quả nghiêm trọng đến hoạt động hoạch định chủ trương, chính sách thuộc phạm vi bí mật nhà nước',
  CENTRAL_LEADERSHIP: 'Ảnh hưởng nghiêm trọng đến sự chỉ đạo điều hành trực tiếp của các cơ quan Đảng, Nhà nước ở trung ương',
};
