/**
 * Pure helpers the page templates use: Vietnamese dates (dd/mm/yyyy), numbers, labels. No Nest imports.
 */

/** 'YYYY-MM-DD' (or an ISO timestamp) → 'dd/mm/yyyy'; empty for nothing. Timestamps are shown in Vietnam time. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const iso = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vietnamIso(value);
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A timestamp as 'dd/mm/yyyy HH:mm' in Vietnam time (UTC+7). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const iso = vietnamIso(value);
  return iso ? `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)}` : '';
}

function vietnamIso(value: string | Date): string | undefined {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() + 7 * 3600_000).toISOString();
}

export type ParsedDate = { ok: true; value: string | undefined } | { ok: false; message: string };

/**
 * What an officer types, 'dd/mm/yyyy' (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy), → 'YYYY-MM-DD'.
 * Blank is no date; anything else that is not a real day is refused with a Vietnamese message.
 */
export function parseDate(input: unknown): ParsedDate {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return { ok: true, value: undefined };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return { ok: false, message: 'ngày phải viết theo dạng ngày/tháng/năm, ví dụ 15/02/2026' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: 'không có ngày này trên lịch' };
  }
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** 12345 → '12.345' (Vietnamese thousands separator). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat('vi-VN').format(value);
}

/** A rate in percent, one decimal, Vietnamese comma: 52.6 → '52,6%'; null → '—'. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** Working lists typed one item per line (return items, reasons) → trimmed non-empty lines. */
export function lines(text: unknown): string[] {
  return typeof text === 'string'
    ? text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

/** The CSS modifier of a dossier status badge. */
export function statusTone(status: string): string {
  switch (status) {
    case 'APPROVED':
      return 'ok';
    case 'RETURNED':
      return 'warn';
    case 'WITHDRAWN':
    case 'SUPERSEDED':
      return 'muted';
    case 'DRAFT':
      return 'draft';
    default:
      return 'info';
  }
}

/** Builds a query string from the defined values: { page: 2, q: 'sơn la' } → '?page=2&q=s%C6%A1n+la'. */
export function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
