/**
 * Why a system approved at a level needs it determined again, under Decree 331 (docs/legal/redetermination.md), and
 * when a flag is settled. Pure: no Nest or TypeORM imports.
 */

/** AUTO_EDIT: a system edit made the rulebook compute a higher level; the others are recorded by an appraiser. */
export const FLAG_SOURCES = ['AUTO_EDIT', 'RISK_EVENT', 'AUTHORITY_REQUEST', 'SPLIT_MERGE', 'HIGHER_RISK'] as const;
export type FlagSource = (typeof FLAG_SOURCES)[number];
export const RECORDED_SOURCES = ['RISK_EVENT', 'AUTHORITY_REQUEST', 'SPLIT_MERGE', 'HIGHER_RISK'] as const;
export type RecordedSource = (typeof RECORDED_SOURCES)[number];

export const FLAG_STATUSES = ['OPEN', 'CLEARED', 'DISMISSED'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** ND331 Art. 10.2 b–d: the events after which the owner assesses the risk again (a is the first determination, đ a request). */
export const RISK_EVENTS = ['CHANGE', 'EXTENSION', 'SERIOUS_INCIDENT'] as const;
export type RiskEvent = (typeof RISK_EVENTS)[number];

const ND331 = 'Nghị định 331/2026/NĐ-CP';

export const RISK_EVENT_ARTICLES: Readonly<Record<RiskEvent, string>> = {
  CHANGE: `Điểm b Khoản 2 Điều 10 ${ND331}`,
  EXTENSION: `Điểm c Khoản 2 Điều 10 ${ND331}`,
  SERIOUS_INCIDENT: `Điểm d Khoản 2 Điều 10 ${ND331}`,
};

export const RISK_EVENT_LABELS: Readonly<Record<RiskEvent, string>> = {
  CHANGE: 'Thay đổi chức năng, phạm vi phục vụ, đối tượng sử dụng, loại thông tin xử lý hoặc công nghệ triển khai',
  EXTENSION: 'Mở rộng quy mô, tích hợp, kết nối liên thông hoặc chia sẻ dữ liệu với hệ thống khác',
  SERIOUS_INCIDENT:
    'Xảy ra sự cố an ninh mạng nghiêm trọng hoặc có nguy cơ cao ảnh hưởng đến an ninh quốc gia, trật tự, an toàn xã hội, lợi ích công cộng',
};

export const SOURCE_LABELS: Readonly<Record<FlagSource, string>> = {
  AUTO_EDIT: 'Thông tin hệ thống thay đổi, cấp độ tính theo tiêu chí cao hơn cấp độ đã phê duyệt',
  RISK_EVENT: 'Sự kiện phải đánh giá lại rủi ro an ninh mạng',
  AUTHORITY_REQUEST: 'Yêu cầu của cơ quan nhà nước có thẩm quyền',
  SPLIT_MERGE: 'Phân tách hoặc hợp nhất hệ thống không phù hợp',
  HIGHER_RISK: 'Kết quả đánh giá rủi ro cao hơn cấp độ đã phê duyệt',
};

export const STATUS_LABELS: Readonly<Record<FlagStatus, string>> = {
  OPEN: 'Cần xác định lại cấp độ',
  CLEARED: 'Đã xác định lại (phê duyệt mới)',
  DISMISSED: 'Đã xem xét, không cần xác định lại',
};

/** Art. 25 applies the first-time procedure to every re-determination; each source adds the article that raises it. */
const PROCEDURE = `Điều 25 ${ND331}`;

/** The articles a recorded trigger rests on. */
export function triggerArticles(source: RecordedSource, riskEvent?: RiskEvent): string[] {
  switch (source) {
    case 'RISK_EVENT':
      return [RISK_EVENT_ARTICLES[riskEvent ?? 'CHANGE'], `Điểm a Khoản 4 Điều 10 ${ND331}`, PROCEDURE];
    case 'AUTHORITY_REQUEST':
      return [`Điểm đ Khoản 2 Điều 10 ${ND331}`, `Khoản 7 Điều 10 ${ND331}`, PROCEDURE];
    case 'SPLIT_MERGE':
      return [`Khoản 3 Điều 8 ${ND331}`, PROCEDURE];
    case 'HIGHER_RISK':
      return [`Khoản 5 Điều 10 ${ND331}`, PROCEDURE];
  }
}

/** The Art. 25 procedure is cited on automatic flags too, after the criteria that raised the level. */
export function autoArticles(criteria: readonly string[]): string[] {
  return [...new Set([...criteria, PROCEDURE])];
}

/** Why an appraiser's record is refused (null: accepted). A risk event names which; a higher-risk record names the level. */
export function triggerRefusal(input: {
  source: RecordedSource;
  riskEvent?: RiskEvent;
  level?: number;
  approvedLevel: number | null;
}): { field: string; message: string } | null {
  if (input.approvedLevel === null)
    return {
      field: 'source',
      message:
        'hệ thống chưa có cấp độ được phê duyệt: lập hồ sơ đề xuất cấp độ lần đầu (Điều 25 chỉ áp dụng cho hệ thống đã được phê duyệt cấp độ)',
    };
  if (input.source === 'RISK_EVENT' && !input.riskEvent) return { field: 'riskEvent', message: 'chọn sự kiện theo Khoản 2 Điều 10' };
  if (input.source !== 'RISK_EVENT' && input.riskEvent)
    return { field: 'riskEvent', message: 'chỉ ghi khi nguồn là sự kiện đánh giá lại rủi ro' };
  if (input.source === 'HIGHER_RISK' && input.level === undefined)
    return { field: 'level', message: 'ghi cấp độ mà kết quả đánh giá rủi ro cho thấy (Khoản 5 Điều 10)' };
  if (input.level !== undefined && input.level <= input.approvedLevel)
    return { field: 'level', message: `phải cao hơn cấp độ đã phê duyệt (${input.approvedLevel})` };
  return null;
}

/**
 * A new approval settles an open flag when it is at or above the level the flag computed; a flag without a level (a
 * request, a split or merge to look at again) is settled by any approval made after it was raised (ND331 Art. 25).
 */
export function clearedByApproval(flag: { computedLevel: number | null }, approvedLevel: number): boolean {
  return flag.computedLevel === null || approvedLevel >= flag.computedLevel;
}
