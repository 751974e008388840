/** Helpers applied to placeholder values ({{date | longDate}}, {{level | level}}…), and the file-name slug. */
import { DocumentDataError, type Placeholder } from './form-template.types';

export const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

function parseIsoDate(value: string, source: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !date || date.getUTCDate() !== +m[3] || date.getUTCMonth() !== +m[2] - 1) {
    throw new DocumentDataError(`{{${source}}}: "${value}" không phải ngày dạng YYYY-MM-DD`);
  }
  return [+m[1], +m[2], +m[3]];
}

/** "25/11/2026". */
export function formatDate(value: string, source = 'date'): string {
  const [y, mo, d] = parseIsoDate(value, source);
  return `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y}`;
}

/** The space inside a date: no-break (U+00A0), so a date never breaks across lines in the PDF or in Word. */
export const DATE_SPACE = '\u00a0';

/**
 * "ngày 25 tháng 11 năm 2026" with no-break spaces (DATE_SPACE); Decree 30/2020 Annex I: a 0 before days under 10
 * and months 1 and 2.
 */
export function formatLongDate(value: string, source = 'date'): string {
  const [y, mo, d] = parseIsoDate(value, source);
  return ['ngày', String(d).padStart(2, '0'), 'tháng', mo < 3 ? String(mo).padStart(2, '0') : String(mo), 'năm', String(y)].join(
    DATE_SPACE,
  );
}

function toNumber(value: string, helper: string, source: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new DocumentDataError(`{{${source}}}: "${helper}" cần một số nguyên, nhận "${value}"`);
  return n;
}

export function applyHelper(value: unknown, helper: Placeholder['helpers'][number], source: string): unknown {
  if (helper.name === 'blank') return isEmpty(value) ? helper.arg : value;
  if (helper.name === 'join')
    return Array.isArray(value)
      ? value
          .filter((v) => !isEmpty(v))
          .map(String)
          .join(helper.arg ?? ', ')
      : value;
  if (isEmpty(value)) return value;
  const s = String(value);
  switch (helper.name) {
    case 'date':
      return formatDate(s, source);
    case 'longDate':
      return formatLongDate(s, source);
    case 'upper':
      return s.toLocaleUpperCase('vi');
    case 'lower':
      return s.toLocaleLowerCase('vi');
    case 'capitalize':
      return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
    case 'level':
      return `cấp độ ${toNumber(s, 'level', source)}`;
    case 'point': {
      const n = toNumber(s, 'point', source);
      return POINT_LETTERS[n - 1] ?? String(n);
    }
  }
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** "Cổng TTĐT – Sở Xây dựng" → "Cong-TTDT-So-Xay-dung": ASCII letters, digits and single dashes. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
