/**
 * A guided template for the cybersecurity risk assessment of a dossier. Decree 331/2026 Art. 22.4.c asks every
 * dossier for a preliminary identification of the main risks and their expected impact, as a basis for the level;
 * Art. 22.5 asks levels 4–5 for a more detailed risk assessment report that also covers related systems (a),
 * attack threats and their impact (b), the impact on public interest, order and national security (c) and the need
 * to run 24/7 (d). The headings and questions below are capdo's reading of those points, for officers who have
 * never written one; the Decree prescribes no form.
 */
export interface RiskGuideSection {
  readonly heading: string;
  /** What the section must answer. */
  readonly questions: readonly string[];
  /** A short example, for a commune's level-2 system. */
  readonly example: string;
  /** Only in the detailed report of levels 4–5 (ND331 Art. 22.5). */
  readonly levels45?: boolean;
  /** The point of the Decree the section answers. */
  readonly basis: string;
}

export const RISK_GUIDE_TITLE = 'Báo cáo đánh giá rủi ro an ninh mạng';

export const RISK_GUIDE_SECTIONS: readonly RiskGuideSection[] = [
  {
    heading: '1. Hệ thống cần bảo vệ',
    questions: [
      'Hệ thống dùng để làm gì, ai sử dụng, phục vụ bao nhiêu người?',
      'Hệ thống xử lý những thông tin gì (thông tin công khai, thông tin cá nhân, thông tin nội bộ…)?',
      'Hệ thống đặt ở đâu (phòng máy của cơ quan, Trung tâm dữ liệu của tỉnh, thuê dịch vụ)?',
    ],
    example:
      'Hệ thống một cửa điện tử của UBND xã, 12 cán bộ sử dụng, tiếp nhận khoảng 300 hồ sơ mỗi tháng; có họ tên, số định danh, địa chỉ của người dân; máy chủ đặt tại Trung tâm dữ liệu tỉnh.',
    basis: 'điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '2. Những nguy cơ chính',
    questions: [
      'Điều gì có thể xảy ra với hệ thống: bị tấn công, nhiễm mã độc, lộ dữ liệu, mất dữ liệu, hỏng thiết bị, mất điện, mất đường truyền, người dùng thao tác sai?',
      'Nguy cơ nào dễ xảy ra nhất với hệ thống này, vì sao?',
    ],
    example:
      'Lộ mật khẩu do cán bộ dùng mật khẩu đơn giản; mã độc qua thư điện tử hoặc USB; mất dữ liệu khi máy chủ hỏng; gián đoạn khi mất đường truyền.',
    basis: 'điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '3. Mức độ ảnh hưởng dự kiến',
    questions: [
      'Nếu từng nguy cơ xảy ra thì ai bị ảnh hưởng, ảnh hưởng đến đâu (một cơ quan, nhiều cơ quan, người dân)?',
      'Khả năng xảy ra (thấp, trung bình, cao) và mức ảnh hưởng (thấp, trung bình, cao) của từng nguy cơ?',
    ],
    example:
      'Lộ dữ liệu cá nhân của người dân: khả năng trung bình, ảnh hưởng cao. Gián đoạn 1 ngày: khả năng trung bình, ảnh hưởng trung bình (người dân nộp hồ sơ trực tiếp).',
    basis: 'điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '4. Biện pháp giảm thiểu',
    questions: [
      'Với mỗi nguy cơ chính: đã có biện pháp gì, còn thiếu gì, bao giờ làm, ai làm?',
      'Biện pháp nào đã nêu trong Phần 4 (phương án bảo đảm an toàn) của hồ sơ?',
    ],
    example:
      'Bắt buộc mật khẩu tối thiểu 8 ký tự (đã làm); sao lưu hằng ngày lên Trung tâm dữ liệu tỉnh (đã làm); tập huấn cán bộ về thư lừa đảo (quý II/2027, Văn phòng UBND xã).',
    basis: 'điểm c khoản 4 và khoản 6 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '5. Hệ thống liên quan, kết nối',
    questions: ['Hệ thống kết nối với những hệ thống nào, hệ thống nào phụ thuộc vào nó hoặc nó phụ thuộc vào?'],
    example: 'Kết nối Cổng dịch vụ công quốc gia và Cơ sở dữ liệu quốc gia về dân cư qua nền tảng chia sẻ dữ liệu của tỉnh.',
    levels45: true,
    basis: 'điểm a khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '6. Nguy cơ tấn công mạng và mức độ ảnh hưởng',
    questions: ['Những hình thức tấn công mạng nào nhắm vào hệ thống, hậu quả với hệ thống ra sao?'],
    example: 'Tấn công từ chối dịch vụ làm ngừng dịch vụ trong giờ cao điểm; tấn công chiếm quyền quản trị làm lộ toàn bộ dữ liệu.',
    levels45: true,
    basis: 'điểm b khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '7. Ảnh hưởng tới lợi ích công cộng, trật tự, an toàn xã hội, an ninh quốc gia',
    questions: ['Nếu hệ thống bị tấn công hoặc ngừng hoạt động, phạm vi và mức độ ảnh hưởng tới người dân, xã hội ra sao?'],
    example: 'Người dân toàn tỉnh không nộp được hồ sơ trực tuyến; dữ liệu cá nhân của khoảng 1,2 triệu người có thể bị lộ.',
    levels45: true,
    basis: 'điểm c khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
  {
    heading: '8. Yêu cầu vận hành liên tục (24/7)',
    questions: ['Hệ thống có phải vận hành liên tục 24/7, không được ngừng mà không có kế hoạch trước không? Vì sao?'],
    example: 'Có: hệ thống phục vụ dịch vụ công trực tuyến cả ngày nghỉ; chỉ ngừng bảo trì theo lịch đã thông báo.',
    levels45: true,
    basis: 'điểm d khoản 5 Điều 22 Nghị định 331/2026/NĐ-CP',
  },
];

/** Where the downloadable outline is served (one outline for every dossier). */
export const RISK_GUIDE_DOCX_PATH = '/huong-dan/danh-gia-rui-ro.docx';
