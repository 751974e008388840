/**
 * A realistic dossier for the document specs and the render benchmark: the web portal of Sở Xây dựng tỉnh Sơn La,
 * proposed at level 3 under Decree 331/2026, with the 66 requirements of Circular 12/2022 Appendix III.
 */
import { TT12_2022_CATALOGUE } from '../requirements/catalogues/tt12-2022.catalogue';
import type { DocumentPlanEntry, DossierDocumentData } from './document-data';

const DESCRIPTIONS: Record<string, string> = {
  POLICY: 'Đã ban hành Quy chế bảo đảm an ninh mạng (Quyết định số 45/QĐ-SXD ngày 15/5/2025); rà soát hằng năm.',
  ORGANISATION: 'Văn phòng Sở là đơn vị chuyên trách; phối hợp với Công an tỉnh Sơn La khi có sự cố.',
  HUMAN_RESOURCES: 'Cán bộ ký cam kết bảo mật, được tập huấn hằng năm; thu hồi tài khoản khi nghỉ việc.',
  DESIGN_BUILD: 'Thiết kế an toàn được thẩm định cùng thiết kế thi công; nghiệm thu có kiểm thử xâm nhập.',
  OPERATION: 'Phân quyền theo vai trò; cập nhật bản vá hằng tháng; quy trình xử lý sự cố đã ban hành.',
  RISK_PLAN: 'Đánh giá rủi ro trước khi vận hành và khi có thay đổi lớn; kế hoạch xử lý rủi ro đã phê duyệt.',
  DECOMMISSION_PLAN: 'Phương án sao lưu, chuyển giao và hủy dữ liệu khi kết thúc vận hành.',
  NETWORK: 'Đặt tại Trung tâm dữ liệu tỉnh; phân vùng DMZ, máy chủ, cơ sở dữ liệu, quản trị; tường lửa có IPS.',
  SERVER: 'Máy chủ Ubuntu 22.04 cứng hóa theo CIS; phòng chống mã độc có quản lý tập trung.',
  APPLICATION: 'Qua tường lửa ứng dụng web (WAF); xác thực hai lớp cho quản trị; nhật ký lưu 03 tháng.',
  DATA: 'Sao lưu hằng ngày lên hệ thống lưu trữ tập trung; mã hóa kết nối bằng TLS 1.2 trở lên.',
};

function statusFor(index: number): string {
  if (index % 11 === 7) return 'Kế hoạch triển khai đến 30/06/2027';
  if (index % 17 === 5) return 'Không áp dụng';
  return 'Đã triển khai';
}

export const FIXTURE_PLAN_ENTRIES: DocumentPlanEntry[] = TT12_2022_CATALOGUE.requirements[3].map((r, i) => ({
  code: r.code,
  groupName: r.groupName,
  title: r.title,
  tcvnClause: r.tcvnClause,
  statusLabel: statusFor(i),
  description:
    statusFor(i) === 'Không áp dụng'
      ? 'Hệ thống không có vùng mạng không dây; không áp dụng.'
      : (DESCRIPTIONS[r.group] ?? 'Đã triển khai theo thiết kế được phê duyệt.'),
}));

export const FIXTURE_DOSSIER: DossierDocumentData = {
  decree: 'Nghị định số 331/2026/NĐ-CP',
  securityTerm: 'an ninh mạng',
  place: 'Sơn La',
  lawBasis: 'Luật An ninh mạng số 116/2025/QH15',
  operatorDutiesArticle: 'Điều 33 Nghị định số 331/2026/NĐ-CP',
  date: '2026-11-25',
  owner: { name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'SL-UBND' },
  operator: {
    name: 'Sở Xây dựng',
    code: 'SL-SO-XD',
    parentName: 'UBND tỉnh Sơn La',
    address: 'Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La',
  },
  ownerCopy: { name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'SL-UBND' },
  requestLetter: { date: '2026-11-25' },
  authorityLine: 'Chủ tịch Ủy ban nhân dân tỉnh Sơn La',
  addressee: { name: 'Công an tỉnh Sơn La', code: 'SL-CA', parentName: 'Bộ Công an' },
  procedurePath: 'OWNER',
  requester: { name: 'Sở Xây dựng', code: 'SL-SO-XD', parentName: 'UBND tỉnh Sơn La' },
  system: {
    name: 'Cổng thông tin điện tử Sở Xây dựng',
    code: 'CONG-TTDT',
    typeLabel: 'Hệ thống thông tin phục vụ người dân, doanh nghiệp',
    infoTypeLabels: ['Thông tin công cộng', 'Thông tin cá nhân'],
    lifecycleLabel: 'Đang vận hành',
    goLiveDate: '2019-03-01',
    hostingLabel: 'Trung tâm dữ liệu tỉnh Sơn La',
    scope: 'Người dân, doanh nghiệp trong và ngoài tỉnh; tiếp nhận hồ sơ cấp phép xây dựng trực tuyến',
    servedPopulation: 'Công chúng, khoảng 120.000 lượt truy cập mỗi tháng',
    description:
      'Cung cấp thông tin, văn bản chỉ đạo điều hành, quy hoạch xây dựng; tiếp nhận và trả kết quả hồ sơ thủ tục hành chính về xây dựng.',
    architectureDescription:
      'Mô hình ba lớp (máy chủ web, máy chủ ứng dụng, máy chủ cơ sở dữ liệu) đặt tại Trung tâm dữ liệu tỉnh; vùng DMZ dải 10.10.20.0/24, vùng máy chủ nội bộ 10.10.30.0/24; địa chỉ công cộng 113.160.xx.xx.',
    components: [
      { name: 'Máy chủ web (2 máy, cân bằng tải)', description: 'Vùng DMZ; Nginx trên Ubuntu 22.04' },
      { name: 'Máy chủ ứng dụng', description: 'Vùng máy chủ nội bộ; cổng thông tin và dịch vụ công trực tuyến' },
      { name: 'Máy chủ cơ sở dữ liệu', description: 'Vùng cơ sở dữ liệu; PostgreSQL 16, sao lưu hằng ngày' },
      { name: 'Tường lửa ứng dụng web (WAF)', description: 'Dùng chung tại Trung tâm dữ liệu tỉnh' },
    ],
  },
  proposedLevel: 3,
  computedLevel: 3,
  matchedRules: [
    {
      id: 'R9',
      article: 'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP',
      level: 3,
      reason: 'Hệ thống thông tin giải quyết thủ tục hành chính.',
    },
    {
      id: 'R6',
      article: 'Điểm a Khoản 2 Điều 12 Nghị định 331/2026/NĐ-CP',
      level: 2,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp cung cấp dịch vụ trực tuyến không thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện.',
    },
    {
      id: 'R11',
      article: 'Điểm b Khoản 2 Điều 12 Nghị định 331/2026/NĐ-CP',
      level: 2,
      reason:
        'Hệ thống phục vụ người dân, doanh nghiệp có xử lý thông tin riêng, thông tin cá nhân của dưới 100.000 chủ thể dữ liệu cá nhân cơ bản và dưới 10.000 chủ thể dữ liệu cá nhân nhạy cảm.',
    },
  ],
  levelJustification:
    'Cổng thông tin điện tử tiếp nhận và giải quyết thủ tục hành chính về cấp phép xây dựng, thuộc tiêu chí cấp độ 3 tại điểm b khoản 2 Điều 13; cấp độ cao nhất trong các tiêu chí đáp ứng là cấp độ 3.',
  planSections: [
    {
      key: 'a',
      title: 'Bảo đảm an ninh mạng trong thiết kế, xây dựng hệ thống',
      text: 'Phân vùng mạng, tường lửa, mã hóa kết nối quản trị từ xa ngay từ khâu thiết kế.',
    },
    {
      key: 'b',
      title: 'Bảo đảm an ninh mạng trong quá trình vận hành hệ thống',
      text: 'Quản lý tài khoản, cập nhật bản vá hằng tháng, phân công cán bộ vận hành.',
    },
    { key: 'c', title: 'Kiểm tra, đánh giá an ninh mạng hệ thống', text: 'Kiểm tra, đánh giá hằng năm và trước khi đưa vào sử dụng.' },
    { key: 'd', title: 'Quản lý rủi ro', text: 'Đánh giá rủi ro khi có thay đổi lớn; cập nhật danh mục rủi ro hằng năm.' },
    { key: 'dd', title: 'Giám sát an ninh mạng hệ thống', text: 'Kết nối giám sát với Trung tâm giám sát an ninh mạng của tỉnh.' },
    {
      key: 'e',
      title: 'Dự phòng, sao lưu, ứng cứu sự cố và khôi phục sau thảm họa',
      text: 'Sao lưu hằng ngày, diễn tập khôi phục mỗi 6 tháng.',
    },
    {
      key: 'g',
      title: 'Kết thúc vận hành, khai thác, thanh lý, hủy bỏ hệ thống',
      text: 'Chuyển giao dữ liệu, hủy dữ liệu trên thiết bị theo quy định.',
    },
  ],
  planEntries: FIXTURE_PLAN_ENTRIES,
  catalogueTitle: 'Phụ lục III Thông tư số 12/2022/TT-BTTTT (TCVN 11930:2017)',
  attachments: [
    { kindLabel: 'Tài liệu thiết kế', fileName: 'Thiết kế thi công Cổng TTĐT.pdf' },
    { kindLabel: 'Báo cáo đánh giá rủi ro', fileName: 'Báo cáo đánh giá rủi ro 2026.pdf' },
    { kindLabel: 'Quy chế bảo đảm an toàn, an ninh mạng', fileName: 'Quy chế 45-QĐ-SXD.pdf' },
  ],
  appraisal: {
    appraiser: { name: 'Công an tỉnh Sơn La', code: 'SL-CA', parentName: 'Bộ Công an' },
    conclusion: 'SUITABLE',
    opinions:
      'Hồ sơ đầy đủ thành phần theo Điều 21 Nghị định số 331/2026/NĐ-CP. Cấp độ đề xuất phù hợp với tiêu chí tại điểm b khoản 2 Điều 13. Phương án bảo đảm an ninh mạng cơ bản đáp ứng yêu cầu của cấp độ 3.',
    reasons: [],
  },
  decision: {
    number: '125/QĐ-UBND',
    date: '2026-12-04',
    signerName: 'Nguyễn Văn An',
    signerTitle: 'Chủ tịch',
    level: 3,
    issuer: { name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'SL-UBND' },
    standard: 'Tiêu chuẩn quốc gia TCVN 11930:2017 về yêu cầu cơ bản về an toàn hệ thống thông tin theo cấp độ',
  },
};

/** The same dossier after an appraisal that found it unsuitable (Mẫu 04 "chưa phù hợp"). */
export const FIXTURE_DOSSIER_NOT_SUITABLE: DossierDocumentData = {
  ...FIXTURE_DOSSIER,
  appraisal: {
    appraiser: { name: 'Công an tỉnh Sơn La', code: 'SL-CA', parentName: 'Bộ Công an' },
    conclusion: 'NOT_SUITABLE',
    opinions: 'Hồ sơ chưa thể hiện sơ đồ phân vùng mạng có địa chỉ IP và chưa kèm quy chế bảo đảm an ninh mạng đã ban hành.',
    reasons: ['Thiếu sơ đồ vùng mạng có địa chỉ IP công cộng và IP riêng', 'Chưa ban hành quy chế bảo đảm an ninh mạng của hệ thống'],
  },
};

/**
 * A level-5 system of the province (the List of systems important to national security, ND331 Art. 16.4): the
 * professional opinion of the owner's specialised unit (Mẫu 03), appraisal by Bộ Công an, the Tờ trình (Mẫu 05) and
 * the owner's decision approving the security plan (Mẫu 07).
 */
export const FIXTURE_NATIONAL_LIST: DossierDocumentData = {
  ...FIXTURE_DOSSIER,
  system: { ...FIXTURE_DOSSIER.system, name: 'Hệ thống điều khiển hồ chứa thủy điện Sơn La', code: 'DK-THUYDIEN' },
  operator: { name: 'Sở Công Thương', code: 'SL-SO-CT', parentName: 'UBND tỉnh Sơn La' },
  requester: { name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'SL-UBND' },
  // Mẫu 02 goes out in the owner's name: it copies the operating unit, not the owner to itself.
  ownerCopy: undefined,
  operatorCopy: { name: 'Sở Công Thương', code: 'SL-SO-CT', parentName: 'UBND tỉnh Sơn La' },
  addressee: { name: 'Bộ Công an', code: 'BCA' },
  procedurePath: 'NATIONAL_LIST',
  proposedLevel: 5,
  computedLevel: 5,
  specialisedUnit: { name: 'Sở Khoa học và Công nghệ', code: 'SL-SO-KHCN', parentName: 'UBND tỉnh Sơn La' },
  opinionRequest: { requestedOn: '2026-09-15', unitName: 'Sở Khoa học và Công nghệ' },
  expertOpinion: {
    unit: 'Sở Khoa học và Công nghệ',
    summary: 'Đề xuất cấp độ 5 và phương án bảo đảm an ninh mạng là phù hợp.',
    date: '2026-09-25',
    number: '88/SKHCN-BCVT',
    conclusion: 'SUITABLE',
  },
  appraisal: {
    appraiser: { name: 'Bộ Công an', code: 'BCA' },
    conclusion: 'SUITABLE',
    opinions: 'Hồ sơ đầy đủ; đề xuất cấp độ 5 phù hợp với khoản 4 Điều 15 Nghị định số 331/2026/NĐ-CP.',
    reasons: [],
  },
  approvalRequest: { submittedOn: '2026-11-02', number: '15/TTr-SCT' },
  decision: undefined,
  planDecision: {
    number: '310/QĐ-UBND',
    date: '2026-11-10',
    signerName: 'Lò Minh Hùng',
    signerTitle: 'Chủ tịch',
    level: 5,
    issuer: { name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'SL-UBND' },
    standard: FIXTURE_DOSSIER.decision!.standard,
  },
  nationalListing: { requestNumber: '2150/UBND-KT', requestDate: '2026-10-05' },
};

/** The same system filed under Decree 85/2016 (a transitional dossier): Decree 85 bases and "an toàn thông tin". */
export const FIXTURE_NATIONAL_LIST_ND85: DossierDocumentData = {
  ...FIXTURE_NATIONAL_LIST,
  decree: 'Nghị định số 85/2016/NĐ-CP',
  securityTerm: 'an toàn thông tin',
  operatorDutiesArticle: 'Điều 22 Nghị định số 85/2016/NĐ-CP',
};
