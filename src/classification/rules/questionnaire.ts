/**
 * The guided questionnaire that collects classification facts, in the order of the AIS handbook's four steps
 * (identify the system → classify information → classify the system → determine the level).
 * Each question id is a fact field name, so the answers object IS the facts object. Components are not a
 * question: the client repeats the questionnaire for each component subsystem.
 */
import {
  INFO_TYPE_LABELS,
  INFRASTRUCTURE_SCOPE_LABELS,
  NATIONAL_SECURITY_CONSEQUENCE_LABELS,
  NATIONAL_SECURITY_CRITERION_LABELS,
  NATIONAL_SECURITY_FIELD_LABELS,
  NATIONAL_SECURITY_HARM_LABELS,
  PUBLIC_SERVICE_LEVEL_LABELS,
  SYSTEM_TYPE_LABELS,
  WORKS_GRADE_LABELS,
} from './classification.labels';
import {
  FIELD_SYSTEM_TYPES,
  INFO_TYPES,
  INFRASTRUCTURE_SCOPES,
  NATIONAL_SECURITY_CONSEQUENCES,
  NATIONAL_SECURITY_CRITERIA,
  NATIONAL_SECURITY_FIELDS,
  NATIONAL_SECURITY_HARMS,
  PUBLIC_SERVICE_LEVELS,
  SECURITY_LEVELS,
  SYSTEM_TYPES,
  WORKS_GRADES,
  type ClassificationFacts,
  type FactField,
  type Regime,
} from './classification.types';
import {
  NATIONAL_SECURITY_CONSEQUENCE_POINTS,
  NATIONAL_SECURITY_CRITERION_CLAUSES,
  NATIONAL_SECURITY_FIELD_POINTS,
} from './national-security';

export type AnswerType = 'single' | 'multi' | 'boolean' | 'integer' | 'level';

/** All given parts must hold; a question whose field is unanswered never holds. */
export interface AskCondition {
  field: FactField;
  in?: readonly (string | number)[];
  equals?: unknown;
  includesAny?: readonly string[];
}

/** One condition, or a list of which any / all must hold. */
export type AskWhen = AskCondition | { anyOf: readonly AskCondition[] } | { allOf: readonly AskCondition[] };

export interface QuestionOption {
  value: string | number;
  label: string;
}

export interface Question {
  id: Exclude<FactField, 'components'>;
  text: string;
  help: string;
  examples?: string[];
  answerType: AnswerType;
  options?: QuestionOption[];
  askWhen?: AskWhen;
  /** Must be answered whenever it is asked. */
  required: boolean;
  /**
   * The step-by-step questionnaire does not let it be skipped, though the API accepts facts without it: its help says
   * the law makes it mandatory (ND331 Art. 10.2.a: the risk assessment at the first determination), while facts filed
   * before (imports, dossiers moved between decrees) stay valid without it.
   */
  mandatoryInQuestionnaire?: boolean;
}

type Answers = Partial<ClassificationFacts> | Readonly<Record<string, unknown>>;

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): QuestionOption[] =>
  values.map((value) => ({ value, label: labels[value] }));

/** Options that name their point of the article, e.g. 'Hệ thống thông tin quân sự, … (điểm a)'. */
const pointOptions = <T extends string>(values: readonly T[], labels: Record<T, string>, point: (value: T) => string): QuestionOption[] =>
  values.map((value) => ({ value, label: `${labels[value]} (${point(value)})` }));

const levelOptions = (levels: readonly number[]): QuestionOption[] => levels.map((value) => ({ value, label: `Cấp độ ${value}` }));

const forTypesOf = (field: FactField): AskCondition => ({ field: 'systemType', in: FIELD_SYSTEM_TYPES[field] ?? [] });

const handlesPersonalData: AskCondition = { field: 'infoTypes', includesAny: ['PRIVATE', 'PERSONAL'] };

export function questionnaireFor(regime: Regime): Question[] {
  const nd85 = regime === 'ND85';
  const decree = nd85 ? 'Nghị định 85/2016/NĐ-CP' : 'Nghị định 331/2026/NĐ-CP';
  const a = (nd85Ref: string, nd331Ref: string): string => `${nd85 ? nd85Ref : nd331Ref} ${decree}`;

  const questions: (Question | false)[] = [
    {
      id: 'systemType',
      text: 'Hệ thống thông tin thuộc loại hình nào theo chức năng?',
      help: `Phân loại theo ${a('Khoản 2 Điều 6', 'Khoản 2 Điều 9')}. Chọn loại hình theo chức năng nghiệp vụ chính của hệ thống, không theo cách tổ chức hành chính hay hạ tầng vật lý.`,
      examples: [
        'Phục vụ hoạt động nội bộ: thư điện tử công vụ, hệ thống quản lý văn bản và điều hành, hội nghị truyền hình, quản lý nhân sự, tài chính, tài sản, quản lý chuyên ngành một lĩnh vực, hệ thống quản lý tích hợp.',
        'Phục vụ người dân, doanh nghiệp: thư điện tử, quản lý văn bản, hệ thống một cửa điện tử, cổng/trang thông tin điện tử, hệ thống cung cấp dịch vụ trực tuyến, chăm sóc khách hàng.',
        'Cơ sở hạ tầng thông tin: mạng nội bộ (LAN), mạng diện rộng (WAN), mạng truyền số liệu chuyên dùng, cơ sở dữ liệu dùng chung, trung tâm dữ liệu, điện toán đám mây, hệ thống xác thực, chứng thực điện tử, chữ ký số, nền tảng tích hợp, chia sẻ dữ liệu.',
        'Điều khiển công nghiệp: PLC, DCS, SCADA giám sát, điều khiển công trình xây dựng.',
      ],
      answerType: 'single',
      options: options(SYSTEM_TYPES, SYSTEM_TYPE_LABELS),
      required: true,
    },
    {
      id: 'infoTypes',
      text: 'Hệ thống xử lý những loại thông tin nào?',
      help: `Phân loại theo thuộc tính bí mật, ${a('Khoản 1 Điều 6', 'Khoản 1 Điều 9')}. Chọn tất cả các loại mà hệ thống tạo lập, lưu trữ, truyền đưa hoặc xử lý.`,
      examples: [
        'Thông tin công cộng: tin bài, văn bản công khai trên cổng thông tin điện tử.',
        'Thông tin riêng: văn bản nội bộ, hồ sơ chỉ cung cấp cho người đã được xác định danh tính.',
        'Thông tin cá nhân: họ tên, số định danh cá nhân, địa chỉ, số điện thoại gắn với một người cụ thể.',
        'Thông tin bí mật nhà nước: tài liệu độ Mật, Tối mật, Tuyệt mật.',
      ],
      answerType: 'multi',
      options: options(INFO_TYPES, INFO_TYPE_LABELS),
      required: true,
    },
    {
      id: 'defenceSecuritySystem',
      text: 'Hệ thống có phục vụ quốc phòng, an ninh không?',
      help: `Kể cả khi không xử lý thông tin bí mật nhà nước (${a('Khoản 1 Điều 9', 'Khoản 1 Điều 13')}).`,
      answerType: 'boolean',
      required: true,
    },
    {
      id: 'nationalSecurityHarm',
      text: 'Nếu hệ thống bị phá hoại, mức độ tổn hại tới quốc phòng, an ninh quốc gia là gì?',
      help: `Căn cứ ${a('Khoản 1 các Điều 9, 10, 11', 'Khoản 1 các Điều 13, 14, 15')}. Hệ thống xử lý thông tin bí mật nhà nước phải chọn một mức tổn hại, không được chọn "không gây tổn hại".`,
      answerType: 'single',
      options: options(NATIONAL_SECURITY_HARMS, NATIONAL_SECURITY_HARM_LABELS),
      askWhen: {
        anyOf: [
          { field: 'infoTypes', includesAny: ['STATE_SECRET'] },
          { field: 'defenceSecuritySystem', equals: true },
        ],
      },
      required: true,
    },
    nd85 && {
      id: 'publicServiceLevel',
      text: 'Hệ thống cung cấp dịch vụ công trực tuyến ở mức độ nào?',
      help: `Căn cứ Điểm a Khoản 2 Điều 8 và Điểm a Khoản 2 Điều 9 ${decree}, dùng cách phân mức 1–4 trước năm 2022. Giả định quy đổi: dịch vụ công trực tuyến toàn trình hoặc một phần (Nghị định 42/2022/NĐ-CP) là mức độ 3 trở lên; chỉ cung cấp thông tin, biểu mẫu là mức độ 2 trở xuống.`,
      answerType: 'single',
      options: options(PUBLIC_SERVICE_LEVELS, PUBLIC_SERVICE_LEVEL_LABELS),
      askWhen: forTypesOf('publicServiceLevel'),
      required: true,
    },
    !nd85 && {
      id: 'handlesAdminProcedures',
      text: 'Hệ thống có giải quyết thủ tục hành chính không?',
      help: `Hệ thống thông tin giải quyết thủ tục hành chính là cấp độ 3 (Điểm b Khoản 2 Điều 13 ${decree}), ví dụ hệ thống một cửa điện tử, cổng dịch vụ công.`,
      answerType: 'boolean',
      askWhen: forTypesOf('handlesAdminProcedures'),
      required: true,
    },
    {
      id: 'conditionalBusiness',
      text: nd85
        ? 'Dịch vụ trực tuyến có thuộc danh mục dịch vụ kinh doanh có điều kiện không?'
        : 'Dịch vụ trực tuyến có thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện không?',
      help: nd85
        ? `Căn cứ Điểm b Khoản 2 Điều 8 và Điểm b Khoản 2 Điều 9 ${decree}.`
        : `Danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư); căn cứ Điểm a Khoản 2 Điều 12 và Điểm a Khoản 2 Điều 13 ${decree}.`,
      examples: ['Dịch vụ viễn thông, ngân hàng, chứng khoán, bảo hiểm, kinh doanh trò chơi điện tử trực tuyến.'],
      answerType: 'boolean',
      askWhen: forTypesOf('conditionalBusiness'),
      required: true,
    },
    nd85 && {
      id: 'users',
      text: 'Hệ thống xử lý thông tin riêng, thông tin cá nhân của bao nhiêu người sử dụng?',
      help: `Đếm người sử dụng, không đếm chủ thể dữ liệu. Dưới 10.000 người: cấp độ 2; từ 10.000 người trở lên: cấp độ 3 (Điểm c Khoản 2 Điều 8, Điểm c Khoản 2 Điều 9 ${decree}).`,
      answerType: 'integer',
      askWhen: { allOf: [forTypesOf('users'), handlesPersonalData] },
      required: true,
    },
    !nd85 && {
      id: 'basicPersonalDataSubjects',
      text: 'Hệ thống xử lý dữ liệu cá nhân cơ bản của bao nhiêu chủ thể dữ liệu?',
      help: `Từ 100.000 chủ thể trở lên: cấp độ 3 (Điểm c Khoản 2 Điều 13 ${decree}). Ghi 0 nếu không có.`,
      answerType: 'integer',
      askWhen: { allOf: [forTypesOf('basicPersonalDataSubjects'), handlesPersonalData] },
      required: true,
    },
    !nd85 && {
      id: 'sensitivePersonalDataSubjects',
      text: 'Hệ thống xử lý dữ liệu cá nhân nhạy cảm của bao nhiêu chủ thể dữ liệu?',
      help: `Từ 10.000 chủ thể trở lên: cấp độ 3 (Điểm c Khoản 2 Điều 13 ${decree}). Ghi 0 nếu không có.`,
      examples: ['Dữ liệu sức khỏe, sinh trắc học, tài chính, vị trí, tiền án tiền sự.'],
      answerType: 'integer',
      askWhen: { allOf: [forTypesOf('sensitivePersonalDataSubjects'), handlesPersonalData] },
      required: true,
    },
    {
      id: 'infrastructureScope',
      text: 'Hệ thống cơ sở hạ tầng thông tin phục vụ trong phạm vi nào?',
      help: nd85
        ? `Căn cứ Khoản 3 các Điều 8, 9, 10, 11 ${decree}.`
        : `Căn cứ Khoản 3 Điều 12, Khoản 3 Điều 13, Khoản 2 Điều 14, Khoản 3 Điều 15 ${decree}.`,
      answerType: 'single',
      options: options(INFRASTRUCTURE_SCOPES, INFRASTRUCTURE_SCOPE_LABELS),
      askWhen: forTypesOf('infrastructureScope'),
      required: true,
    },
    {
      id: 'worksGrade',
      text: 'Hệ thống điều khiển công nghiệp trực tiếp phục vụ công trình xây dựng cấp nào?',
      help: `Theo phân cấp của pháp luật về xây dựng; căn cứ ${a('Khoản 4 các Điều 9, 10, 11', 'Khoản 4 Điều 13, Khoản 3 Điều 14, Khoản 4 Điều 15')}. Nếu không phục vụ công trình xây dựng, cấp độ phải thuyết minh riêng.`,
      answerType: 'single',
      options: options(WORKS_GRADES, WORKS_GRADE_LABELS),
      askWhen: forTypesOf('worksGrade'),
      required: true,
    },
    {
      id: 'nationalEgov24x7',
      text: 'Đây có phải hệ thống thông tin quốc gia phục vụ phát triển Chính phủ điện tử, yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành ngoài kế hoạch không?',
      help: `Nói đơn giản: đây là hệ thống dùng chung cho cả nước do cơ quan trung ương quản lý, phải chạy liên tục 24 giờ mỗi ngày, 7 ngày mỗi tuần (24/7) và không được dừng nếu không có kế hoạch báo trước. Hệ thống của tỉnh, sở, huyện, xã trả lời "Không". Căn cứ ${a('Khoản 2 Điều 10', 'Khoản 2 Điều 14')}.`,
      answerType: 'boolean',
      required: true,
    },
    {
      id: 'criticalNationalDataStorage',
      text: 'Hệ thống có lưu trữ tập trung loại hình thông tin, dữ liệu đặc biệt quan trọng của quốc gia không?',
      help: `Nói đơn giản: hệ thống là nơi lưu trữ tập trung một loại thông tin, dữ liệu đặc biệt quan trọng của cả quốc gia. Phần mềm quản lý văn bản, cổng thông tin, phần mềm nghiệp vụ của tỉnh, sở, xã trả lời "Không". Căn cứ ${a('Khoản 2 Điều 11', 'Khoản 2 Điều 15')}.`,
      answerType: 'boolean',
      required: true,
    },
    {
      id: 'pmDesignatedLevel',
      text: 'Thủ tướng Chính phủ đã quyết định cấp độ cho hệ thống này chưa? Nếu có, là cấp độ nào?',
      help: nd85
        ? `Hầu hết hệ thống không có quyết định này: khi đó chọn "Không có / bỏ qua". Theo Khoản 5 Điều 11 ${decree}, Thủ tướng Chính phủ chỉ quyết định hệ thống cấp độ 5.`
        : `Hầu hết hệ thống không có quyết định này: khi đó chọn "Không có / bỏ qua". Chỉ chọn cấp độ khi đã có văn bản của Thủ tướng Chính phủ quyết định cấp độ cho chính hệ thống này. Căn cứ Khoản 4 Điều 12, Khoản 5 Điều 13, Khoản 4 Điều 14, Khoản 5 Điều 15 ${decree}.`,
      answerType: 'level',
      options: levelOptions(nd85 ? [5] : [2, 3, 4, 5]),
      required: false,
    },
    !nd85 && {
      id: 'riskFrameworkLevel',
      text: 'Cấp độ theo Khung quản lý rủi ro an ninh mạng (nếu đã được đánh giá theo Khung)?',
      help: `Khung quản lý rủi ro an ninh mạng là phương pháp đánh giá do Bộ Công an ban hành (Khoản 8 Điều 10 ${decree}); Khung chưa được ban hành nên câu hỏi chỉ hiện khi hồ sơ đã ghi cấp độ theo Khung. Căn cứ Khoản 2 Điều 11, Khoản 4 Điều 12, Khoản 5 Điều 13, Khoản 4 Điều 14, Khoản 5 Điều 15 ${decree}.`,
      answerType: 'level',
      options: levelOptions(SECURITY_LEVELS),
      // Asked only where it can apply: no system can have been assessed under a framework not yet issued, so the
      // question is shown only when the facts already carry a level under it (e.g. sent through the API).
      askWhen: { field: 'riskFrameworkLevel', in: SECURITY_LEVELS },
      required: false,
    },
    !nd85 && {
      id: 'riskAssessedLevel',
      text: 'Kết quả đánh giá rủi ro an ninh mạng tương ứng cấp độ nào?',
      help: `Bắt buộc đánh giá rủi ro khi xác định cấp độ lần đầu (Điểm a Khoản 2 Điều 10 ${decree}), nên câu này không bỏ qua được. Đánh giá rủi ro là xem hệ thống có những tài sản, thông tin gì, có thể bị đe dọa thế nào, khả năng xảy ra sự cố và hậu quả (Khoản 3 Điều 10). Chọn cấp độ mà báo cáo đánh giá rủi ro kết luận; nếu rủi ro không cao hơn cấp độ dự kiến bên cạnh, chọn đúng cấp độ đó. Kết quả chỉ có thể nâng, không hạ cấp độ xác định theo tiêu chí (Khoản 5 Điều 10).`,
      answerType: 'level',
      options: levelOptions(SECURITY_LEVELS),
      mandatoryInQuestionnaire: true,
      required: false,
    },
    // ND331 Art. 16–17, 20.4: the List of systems important to national security. Optional: nothing chosen means no
    // criterion met, so the level questions and every flow that does not answer these stay as they were.
    !nd85 && {
      id: 'nationalSecurityCriteria',
      text: 'Hệ thống có phục vụ chỉ đạo, điều hành công trình quan trọng liên quan đến an ninh quốc gia hoặc công trình viễn thông quan trọng liên quan đến an ninh quốc gia không?',
      help: `Tiêu chí hệ thống thông tin quan trọng về an ninh quốc gia tại Khoản 1, Khoản 2 Điều 16 ${decree}. Chọn các trường hợp đúng với hệ thống; bỏ trống nếu không có trường hợp nào.`,
      answerType: 'multi',
      options: pointOptions(
        NATIONAL_SECURITY_CRITERIA,
        NATIONAL_SECURITY_CRITERION_LABELS,
        (v) => `khoản ${NATIONAL_SECURITY_CRITERION_CLAUSES[v]} Điều 16`,
      ),
      required: false,
    },
    !nd85 && {
      id: 'nationalSecurityFields',
      text: 'Hệ thống có thuộc lĩnh vực nào quy định tại khoản 2 Điều 9 Luật An ninh mạng không?',
      help: `Khoản 3 Điều 16 ${decree} xét hệ thống thuộc các lĩnh vực này cùng với hậu quả khi hệ thống bị sự cố, tấn công hoặc phá hoại (câu hỏi tiếp theo). Bỏ trống nếu hệ thống không thuộc lĩnh vực nào.`,
      answerType: 'multi',
      options: pointOptions(NATIONAL_SECURITY_FIELDS, NATIONAL_SECURITY_FIELD_LABELS, (v) => `điểm ${NATIONAL_SECURITY_FIELD_POINTS[v]}`),
      required: false,
    },
    !nd85 && {
      id: 'nationalSecurityConsequences',
      text: 'Khi bị sự cố, xâm nhập, chiếm quyền điều khiển, làm sai lệch, gián đoạn, ngưng trệ, tê liệt, tấn công hoặc phá hoại, hệ thống sẽ gây ra hậu quả nào sau đây?',
      help: `Khoản 3 Điều 16 ${decree}. Hệ thống thuộc lĩnh vực đã chọn và gây ra một trong các hậu quả này là hệ thống thông tin quan trọng về an ninh quốc gia; hồ sơ của hệ thống cấp độ 3, cấp độ 4 khi đó theo trình tự của cấp độ 5 (Khoản 4 Điều 20). Bỏ trống nếu không gây ra hậu quả nào.`,
      answerType: 'multi',
      options: pointOptions(
        NATIONAL_SECURITY_CONSEQUENCES,
        NATIONAL_SECURITY_CONSEQUENCE_LABELS,
        (v) => `điểm ${NATIONAL_SECURITY_CONSEQUENCE_POINTS[v]}`,
      ),
      askWhen: { field: 'nationalSecurityFields', includesAny: NATIONAL_SECURITY_FIELDS },
      required: false,
    },
  ];
  return questions.filter((q): q is Question => q !== false);
}

/** Whether a question should be asked given the answers so far (the client can evaluate askWhen the same way). */
export function questionAppliesTo(question: Question, answers: Answers): boolean {
  const when = question.askWhen;
  if (when === undefined) return true;
  const values = answers as Readonly<Record<string, unknown>>;
  if ('anyOf' in when) return when.anyOf.some((c) => conditionHolds(c, values));
  if ('allOf' in when) return when.allOf.every((c) => conditionHolds(c, values));
  return conditionHolds(when, values);
}

function conditionHolds(condition: AskCondition, answers: Readonly<Record<string, unknown>>): boolean {
  const value = answers[condition.field];
  if (value === undefined || value === null) return false;
  if (condition.in !== undefined && !(condition.in as readonly unknown[]).includes(value)) return false;
  if ('equals' in condition && value !== condition.equals) return false;
  if (condition.includesAny !== undefined) {
    const wanted = condition.includesAny as readonly unknown[];
    if (!Array.isArray(value) || !value.some((item) => wanted.includes(item))) return false;
  }
  return true;
}
