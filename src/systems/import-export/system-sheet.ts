/**
 * The inventory spreadsheet's rows (the columns are in system-columns.ts): reading one row into a CreateSystemDto-shaped object (plus the cells it could not read), and
 * writing one system back as cells. The same columns serve the template, the import and the export, so an export
 * can be imported again unchanged. Pure: no Nest, TypeORM or file-format code (sheet-file.ts reads the files).
 */
import { isCalendarDate } from '../../common/dates';
import { foldDiacritics, toNfc } from '../../common/text/vietnamese';
import {
  CellOut,
  CellValue,
  EnumOption,
  EXAMPLE_SYSTEM,
  listOf,
  ParsedSystemRow,
  SheetCellError,
  SheetColumn,
  SheetField,
  SheetSystem,
  SYSTEM_COLUMNS,
} from './system-columns';

// ---------- reading ----------

/** The text of a cell as a person sees it: numbers as digits, dates as dd/mm/yyyy, yes/no as Có/Không. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return toNfc(value).trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : formatDate(isoOfDate(value));
  return value.error;
}

export function isBlankRow(cells: readonly (CellValue | undefined)[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

/** The template's example row, left as it was: skipped by the import rather than registered. */
export function isExampleRow(cells: Partial<Record<SheetField, CellValue>>): boolean {
  const example = formatSystemRow(EXAMPLE_SYSTEM);
  const present = SYSTEM_COLUMNS.map((column, i) => [column.field, example[i]] as const).filter(([field]) => field in cells);
  return present.length > 0 && present.every(([field, cell]) => foldDiacritics(cellText(cells[field])) === foldDiacritics(cellText(cell)));
}

class CellProblem extends Error {}

function isoOfDate(date: Date): string {
  // Excel dates carry no time zone: exceljs hands them over as midnight UTC.
  return date.toISOString().slice(0, 10);
}

// Serial numbers of 1950-01-01 and 2100-12-31: a bare number outside them is not a date someone meant.
const EXCEL_SERIAL_MIN = 18264;
const EXCEL_SERIAL_MAX = 73415;

function parseDate(value: CellValue): string {
  let iso: string | undefined;
  if (value instanceof Date) iso = isNaN(value.getTime()) ? undefined : isoOfDate(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value >= EXCEL_SERIAL_MIN && value <= EXCEL_SERIAL_MAX) {
    iso = isoOfDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  } else if (typeof value === 'string') {
    const text = value.trim();
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const pad = (n: string) => n.padStart(2, '0');
    if (dmy) iso = `${dmy[3]}-${pad(dmy[2])}-${pad(dmy[1])}`;
    else if (ymd) iso = `${ymd[1]}-${pad(ymd[2])}-${pad(ymd[3])}`;
  }
  if (!iso || !isCalendarDate(iso)) throw new CellProblem('ngày không hợp lệ; nhập ngày có thật dạng dd/mm/yyyy, ví dụ 15/01/2024');
  return iso;
}

const YES = new Set(['co', 'x', 'true', '1', 'yes']);
const NO = new Set(['khong', 'false', '0', 'no']);

function parseBoolean(value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  const text = foldDiacritics(cellText(value));
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  throw new CellProblem('nhập "Có" hoặc "Không"');
}

function parseCount(value: CellValue): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
  } else if (typeof value === 'string') {
    const text = value.trim().replace(/\s+/g, '');
    // Vietnamese writes thousands with dots (1.200); spreadsheets from other locales with commas.
    if (/^-?\d+$/.test(text) || /^\d{1,3}([.,]\d{3})+$/.test(text)) return Number(text.replace(/[.,]/g, ''));
  }
  throw new CellProblem('phải là số nguyên không âm, ví dụ 1200');
}

function parseLevel(value: CellValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const match = /^(cap( do)?\s*)?(\d+)$/.exec(foldDiacritics(cellText(value)));
  if (match) return Number(match[3]);
  throw new CellProblem('cấp độ là số từ 1 đến 5');
}

function findOption(options: EnumOption[], text: string): EnumOption | undefined {
  const folded = foldDiacritics(text);
  return options.find((o) => o.accepted.includes(folded));
}

function parseEnum(column: SheetColumn, value: CellValue): string {
  const option = findOption(column.options!, cellText(value));
  if (!option) throw new CellProblem(`giá trị "${cellText(value)}" không hợp lệ; chọn một trong: ${listOf(column.options!)}`);
  return option.code;
}

function parseEnumList(column: SheetColumn, value: CellValue): string[] {
  // Commas inside a label's parenthesis ("(Mật, Tối mật, Tuyệt mật)") do not separate values.
  const parts = cellText(value)
    .split(/[;,](?![^(]*\))/)
    .map((p) => p.trim())
    .filter(Boolean);
  const codes = new Set<string>();
  const unknown: string[] = [];
  for (const part of parts) {
    const option = findOption(column.options!, part);
    if (option) codes.add(option.code);
    else unknown.push(part);
  }
  if (unknown.length)
    throw new CellProblem(`không nhận ra ${unknown.map((u) => `"${u}"`).join(', ')}; chọn trong: ${listOf(column.options!)}`);
  return column.options!.map((o) => o.code).filter((code) => codes.has(code));
}

function parseCell(column: SheetColumn, value: CellValue): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) throw new CellProblem(`ô có lỗi công thức ${value.error}`);
  if (cellText(value) === '') {
    if (column.required) throw new CellProblem('bắt buộc nhập');
    return column.blank ?? null;
  }
  switch (column.kind) {
    case 'code':
      return cellText(value).toUpperCase();
    case 'text':
      return cellText(value);
    case 'enum':
      return parseEnum(column, value);
    case 'enumList':
      return parseEnumList(column, value);
    case 'boolean':
      return parseBoolean(value);
    case 'date':
      return parseDate(value);
    case 'count':
      return parseCount(value);
    case 'level':
      return parseLevel(value);
  }
}

/** Reads the cells of one row (keyed by field; a missing key is a column the file does not have). */
export function parseSystemRow(cells: Partial<Record<SheetField, CellValue>>): ParsedSystemRow {
  const values: Record<string, unknown> = {};
  const errors: SheetCellError[] = [];
  for (const column of SYSTEM_COLUMNS) {
    if (!(column.field in cells)) continue;
    try {
      values[column.field] = parseCell(column, cells[column.field] ?? null);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      errors.push({ column: column.title, message: error.message });
    }
  }
  return { values: values as Partial<SheetSystem>, errors };
}

// ---------- writing ----------

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way Vietnamese documents write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function formatCell(column: SheetColumn, value: unknown): CellOut {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'enum':
      return column.options!.find((o) => o.code === value)?.label ?? String(value);
    case 'enumList':
      return (value as string[]).map((code) => column.options!.find((o) => o.code === code)?.label ?? code).join('; ');
    case 'boolean':
      return value ? 'Có' : 'Không';
    case 'date':
      return formatDate(value as string);
    case 'count':
    case 'level':
      return value as number;
    default:
      return String(value);
  }
}

/** One system as cells, in column order: Vietnamese labels, dates as dd/mm/yyyy, Có/Không. */
export function formatSystemRow(system: SheetSystem): CellOut[] {
  return SYSTEM_COLUMNS.map((column) => formatCell(column, system[column.field]));
}
