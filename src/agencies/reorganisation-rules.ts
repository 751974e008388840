/**
 * Pure checks of a reorganisation (merge or rename) before anything is written.
 * 2025 reality: provinces merged 63→34, districts abolished, communes merged (NQ 1681/NQ-UBTVQH15 for Sơn La).
 */
export interface ReorgAgency {
  id: string;
  code: string;
  status: string;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
}

export interface MergePlan {
  sources: ReorgAgency[];
  successor: ReorgAgency | 'NEW';
  effectiveDate: string;
  today: string;
}

export type FieldErrors = Record<string, string[]>;

export function mergeErrors({ sources, successor, effectiveDate, today }: MergePlan): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (effectiveDate > today) add('effectiveDate', 'chưa hỗ trợ ghi nhận trước một sắp xếp có hiệu lực trong tương lai');
  if (sources.length === 0) add('sourceAgencyIds', 'cần ít nhất một cơ quan bị sáp nhập');
  for (const source of sources) {
    if (source.status !== 'ACTIVE' || (source.validTo !== null && source.validTo < effectiveDate))
      add('sourceAgencyIds', `${source.code} đã không còn hoạt động vào ngày hiệu lực`);
    if (source.validFrom >= effectiveDate)
      add('sourceAgencyIds', `${source.code} chỉ bắt đầu hoạt động từ ${source.validFrom}, không thể kết thúc trước đó`);
  }
  if (successor !== 'NEW') {
    if (sources.some((s) => s.id === successor.id))
      add('successorAgencyId', 'cơ quan tiếp nhận không được là một trong các cơ quan bị sáp nhập');
    if (successor.status !== 'ACTIVE') add('successorAgencyId', `${successor.code} không còn hoạt động`);
    if (successor.validFrom > effectiveDate) add('successorAgencyId', `${successor.code} chưa hoạt động vào ngày hiệu lực`);
  }
  return errors;
}

/** The day before a date ('YYYY-MM-DD'): sources end the day before their successor takes over. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
