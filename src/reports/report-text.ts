import { neutraliseCsvText } from '../common/text/csv-safe';

/**
 * How report files write dates, percentages and CSV cells. Pure: every renderer (CSV, XLSX, PDF) shares these so a
 * figure reads the same in each format.
 */

export const APPROVAL_RATE_TITLE = 'BÁO CÁO TÌNH HÌNH XÁC ĐỊNH CẤP ĐỘ HỆ THỐNG THÔNG TIN';

/** '2026-01-06' → '06/01/2026', the way Vietnamese documents write dates; '' for no date. */
export function formatDateVi(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** A percentage with one decimal and the Vietnamese decimal comma: 52.6 → '52,6%'; '—' when there is no base. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toFixed(1).replace(/\.0$/, '').replace('.', ',')}%`;
}

/** A count with the Vietnamese thousands separator: 12000 → '12.000'. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A 'YYYY-MM-DD' day as a Date at UTC midnight, which spreadsheets store as a whole date serial. */
export function dayToDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null;
}

/** The download name: ASCII only, so every browser and mail client keeps it as is. */
export function reportFileName(base: string, day: string, extension: string): string {
  return `${base}-${day}.${extension}`;
}

/**
 * The two CSV dialects: `,` with a decimal point (RFC 4180, what most tools read), and `;` with a decimal comma, what
 * Excel expects in a Vietnamese locale (its list separator is ";" and its decimal separator ",").
 */
export type CsvDelimiter = ',' | ';';

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, quote or line break. Text is marked so that no part of
 * it runs as a formula in a spreadsheet (csv-safe.ts); a number stays a number, written with the dialect's decimal
 * separator (52.6, or 52,6 with `;`).
 */
export function csvField(value: string | number | null | undefined, delimiter: CsvDelimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return delimiter === ';' ? String(value).replace('.', ',') : String(value);
  const text = neutraliseCsvText(value);
  return /[",\t\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV: CRLF line ends and a UTF-8 byte-order mark, so Excel opens the Vietnamese text correctly. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], delimiter: CsvDelimiter = ','): Buffer {
  const body = rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

/** A percentage column's header with its unit, so the cells below can be plain numbers: 'Tỷ lệ …' → 'Tỷ lệ … (%)'. */
export function percentHeader(header: string): string {
  return `${header} (%)`;
}

/**
 * Keeps a date on one line in a PDF: the spaces of "ngày 06/01/2026" and "ngày 06 tháng 01 năm 2026" become
 * no-break spaces (U+00A0, which the line breaker never breaks at, UAX 14 class GL), so a date and its "ngày" are
 * never split across lines. A bare dd/mm/yyyy needs nothing: UAX 14 does not break inside a number (LB25).
 */
export function keepDatesWhole(text: string): string {
  return text.replace(/[Nn]gày (\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})/g, (date) => date.replace(/ /g, '\u00A0'));
}
