/**
 * The inventory spreadsheet, as data: one column per field with its Vietnamese title, whether it is required and
 * what it accepts; reading one row into a CreateSystemDto-shaped object (plus the cells it could not read), and
 * writing one system back as cells. The same columns serve the template, the import and the export, so an export
 * can be imported again unchanged. Pure: no Nest, TypeORM or file-format code (sheet-file.ts reads the files).
 */
import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../../classification/rules/classification.labels';
import { InfoType, SystemType } from '../../classification/rules/classification.types';
import { isCalendarDate } from '../../common/dates';
import { foldDiacritics, toNfc } from '../../common/text/vietnamese';
import { DEPLOYMENT_STATUS_LABELS, DeploymentStatus, Hosting, HOSTING_LABELS, Lifecycle, LIFECYCLE_LABELS } from '../system-enums';

/** A cell as read from a file: text, a number, a yes/no, a date, empty, or a formula error such as #N/A. */
export type CellValue = string | number | boolean | Date | null | { error: string };
/** A cell as written to a file. */
export type CellOut = string | number | null;

/** One system as the sheet holds it: the API's fields, with agencies named by their codes instead of ids. */
export interface SheetSystem {
  ownerAgencyCode: string;
  code: string;
  name: string;
  operatorAgencyCode: string | null;
  systemType: SystemType;
  infoTypes: InfoType[];
  lifecycle: Lifecycle;
  goLiveDate: string | null;
  hosting: Hosting | null;
  internetFacing: boolean | null;
  connectsGovNetwork: boolean | null;
  userCount: number | null;
  basicPersonalDataSubjects: number | null;
  sensitivePersonalDataSubjects: number | null;
  description: string | null;
  approvedLevel: number | null;
  approvalDecisionNumber: string | null;
  approvalDecisionDate: string | null;
  approvalDecisionIssuer: string | null;
  deploymentStatus: DeploymentStatus;
  internalRegulationNumber: string | null;
  internalRegulationDate: string | null;
}
export type SheetField = keyof SheetSystem;

type CellKind = 'code' | 'text' | 'enum' | 'enumList' | 'boolean' | 'date' | 'count' | 'level';

export interface EnumOption {
  code: string;
  label: string;
  /** Folded spellings accepted on import: the label, the code, the label without its parenthesis. */
  accepted: string[];
}

export interface SheetColumn {
  field: SheetField;
  title: string;
  required: boolean;
  kind: CellKind;
  options?: EnumOption[];
  /** What a blank cell means when it is not simply "no value". */
  blank?: string;
  /** The allowed values or the form expected, for the "Hướng dẫn" sheet. */
  guide: string;
  width: number;
}

export interface SheetCellError {
  column: string;
  message: string;
}

export interface ParsedSystemRow {
  /** Only the columns the file has; a blank cell is null (it clears the value when a system is updated). */
  values: Partial<SheetSystem>;
  errors: SheetCellError[];
}

function enumOptions<T extends string>(labels: Record<T, string>, extra: Partial<Record<T, string[]>> = {}): EnumOption[] {
  return (Object.entries(labels) as [T, string][]).map(([code, label]) => ({
    code,
    label,
    accepted: [...new Set([label, label.replace(/\s*\(.*\)\s*$/, ''), code, code.replace(/_/g, ' '), ...(extra[code] ?? [])].map(foldDiacritics))],
  }));
}

// Short forms people write in a "Loại thông tin" cell: "Công cộng; Cá nhân".
const INFO_TYPE_SHORT: Record<InfoType, string[]> = {
  PUBLIC: ['Công cộng'],
  PRIVATE: ['Riêng'],
  PERSONAL: ['Cá nhân'],
  STATE_SECRET: ['Bí mật nhà nước'],
};

const LIFECYCLE_OPTIONS = enumOptions(LIFECYCLE_LABELS);
const SYSTEM_TYPE_OPTIONS = enumOptions(SYSTEM_TYPE_LABELS);
const INFO_TYPE_OPTIONS = enumOptions(INFO_TYPE_LABELS, INFO_TYPE_SHORT);
const HOSTING_OPTIONS = enumOptions(HOSTING_LABELS);
const DEPLOYMENT_OPTIONS = enumOptions(DEPLOYMENT_STATUS_LABELS);

const listOf = (options: EnumOption[]) => options.map((o) => o.label).join('; ');
const YES_NO = 'Có / Không (cũng nhận x, true/false); để trống nếu chưa rõ';
const DATE = 'Ngày dạng dd/mm/yyyy (ví dụ 15/01/2024), yyyy-mm-dd hoặc ô ngày của Excel';
const COUNT = 'Số nguyên không âm, ví dụ 1200 hoặc 1.200';

export const SYSTEM_COLUMNS: readonly SheetColumn[] = [
  { field: 'ownerAgencyCode', title: 'Mã cơ quan chủ quản', required: true, kind: 'code', width: 20, guide: 'Mã cơ quan trong danh mục (trang "Danh mục cơ quan"), ví dụ SL-SO-XD' },
  {
    field: 'code',
    title: 'Mã hệ thống',
    required: true,
    kind: 'code',
    width: 18,
    guide: 'Chữ in hoa không dấu, số, dấu chấm, gạch ngang; tối đa 60 ký tự. Cùng mã cơ quan chủ quản và mã hệ thống với hệ thống đã có thì dòng cập nhật hệ thống đó',
  },
  { field: 'name', title: 'Tên hệ thống', required: true, kind: 'text', width: 45, guide: 'Tối đa 300 ký tự' },
  { field: 'operatorAgencyCode', title: 'Mã đơn vị vận hành', required: false, kind: 'code', width: 20, guide: 'Mã cơ quan trong danh mục; để trống nếu chính cơ quan chủ quản vận hành' },
  { field: 'systemType', title: 'Loại hệ thống', required: true, kind: 'enum', options: SYSTEM_TYPE_OPTIONS, width: 40, guide: listOf(SYSTEM_TYPE_OPTIONS) },
  {
    field: 'infoTypes',
    title: 'Loại thông tin',
    required: true,
    kind: 'enumList',
    options: INFO_TYPE_OPTIONS,
    width: 40,
    guide: `Một hoặc nhiều giá trị, cách nhau bởi dấu chấm phẩy (;) hoặc dấu phẩy: ${listOf(INFO_TYPE_OPTIONS)}`,
  },
  {
    field: 'lifecycle',
    title: 'Trạng thái',
    required: true,
    kind: 'enum',
    options: LIFECYCLE_OPTIONS,
    width: 26,
    guide: `${listOf(LIFECYCLE_OPTIONS)}. "${LIFECYCLE_LABELS.RETIRED}" chỉ giữ nguyên cho hệ thống đã dừng; cho hệ thống dừng vận hành bằng chức năng riêng`,
  },
  { field: 'goLiveDate', title: 'Ngày đưa vào sử dụng', required: false, kind: 'date', width: 16, guide: DATE },
  {
    field: 'hosting',
    title: 'Nơi đặt hệ thống',
    required: false,
    kind: 'enum',
    options: HOSTING_OPTIONS,
    width: 30,
    guide: `${listOf(HOSTING_OPTIONS)}. Để trống với hệ thống xử lý thông tin bí mật nhà nước`,
  },
  { field: 'internetFacing', title: 'Kết nối Internet', required: false, kind: 'boolean', width: 14, guide: `${YES_NO}. Để trống với hệ thống bí mật nhà nước` },
  { field: 'connectsGovNetwork', title: 'Kết nối mạng TSLCD', required: false, kind: 'boolean', width: 16, guide: `Mạng truyền số liệu chuyên dùng. ${YES_NO}. Để trống với hệ thống bí mật nhà nước` },
  { field: 'userCount', title: 'Số người sử dụng', required: false, kind: 'count', width: 14, guide: COUNT },
  { field: 'basicPersonalDataSubjects', title: 'Số chủ thể dữ liệu cá nhân cơ bản', required: false, kind: 'count', width: 18, guide: COUNT },
  { field: 'sensitivePersonalDataSubjects', title: 'Số chủ thể dữ liệu cá nhân nhạy cảm', required: false, kind: 'count', width: 18, guide: COUNT },
  { field: 'description', title: 'Mô tả', required: false, kind: 'text', width: 45, guide: 'Tối đa 5.000 ký tự' },
  {
    field: 'approvedLevel',
    title: 'Cấp độ đã phê duyệt',
    required: false,
    kind: 'level',
    width: 12,
    guide:
      'Số từ 1 đến 5 (hoặc "Cấp độ 3"), với hệ thống đã có quyết định phê duyệt trước khi dùng capdo; cần đủ số, ngày và cơ quan ban hành. Dòng này thành kê khai chờ cán bộ thẩm định xác nhận (đính kèm bản PDF ở trang hệ thống), chưa được tính trong báo cáo; để trống không xóa cấp độ đã ghi nhận',
  },
  { field: 'approvalDecisionNumber', title: 'Số quyết định phê duyệt', required: false, kind: 'text', width: 18, guide: 'Ví dụ 125/QĐ-UBND; tối đa 60 ký tự' },
  { field: 'approvalDecisionDate', title: 'Ngày quyết định', required: false, kind: 'date', width: 16, guide: DATE },
  { field: 'approvalDecisionIssuer', title: 'Cơ quan ban hành quyết định', required: false, kind: 'text', width: 26, guide: 'Ví dụ UBND tỉnh Sơn La; bắt buộc khi có cấp độ đã phê duyệt' },
  {
    field: 'deploymentStatus',
    title: 'Tình trạng triển khai phương án',
    required: false,
    kind: 'enum',
    options: DEPLOYMENT_OPTIONS,
    blank: 'NOT_DEPLOYED',
    width: 28,
    guide: `${listOf(DEPLOYMENT_OPTIONS)}; để trống là "${DEPLOYMENT_STATUS_LABELS.NOT_DEPLOYED}"`,
  },
  { field: 'internalRegulationNumber', title: 'Số quy chế bảo đảm ATTT', required: false, kind: 'text', width: 18, guide: 'Quy chế bảo đảm an toàn thông tin của cơ quan; tối đa 60 ký tự' },
  { field: 'internalRegulationDate', title: 'Ngày ban hành quy chế', required: false, kind: 'date', width: 16, guide: DATE },
];

const BY_FIELD = new Map(SYSTEM_COLUMNS.map((c) => [c.field, c]));

export function columnOf(field: SheetField): SheetColumn {
  return BY_FIELD.get(field)!;
}

export const EXAMPLE_SYSTEM: SheetSystem = {
  ownerAgencyCode: 'SL-SO-XD',
  code: 'CONG-TTDT',
  name: 'Cổng thông tin điện tử Sở Xây dựng (dòng ví dụ: sửa thành hệ thống của bạn hoặc xóa dòng này)',
  operatorAgencyCode: null,
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PUBLIC', 'PERSONAL'],
  lifecycle: 'IN_OPERATION',
  goLiveDate: '2021-05-01',
  hosting: 'PROVINCIAL_DC',
  internetFacing: true,
  connectsGovNetwork: true,
  userCount: 1200,
  basicPersonalDataSubjects: 5000,
  sensitivePersonalDataSubjects: 0,
  description: 'Cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp.',
  approvedLevel: 2,
  approvalDecisionNumber: '125/QĐ-UBND',
  approvalDecisionDate: '2025-09-30',
  approvalDecisionIssuer: 'UBND tỉnh Sơn La',
  deploymentStatus: 'PARTIAL',
  internalRegulationNumber: '15/QC-SXD',
  internalRegulationDate: '2025-03-01',
};

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

const headerKey = (text: string) =>
  foldDiacritics(text)
    .replace(/\s*\((bat buoc|\*)\)\s*$/, '')
    .replace(/\s*\*\s*$/, '');

export interface HeaderMatch {
  /** The field of each column of the file, or null for a column capdo does not know (ignored). */
  fields: (SheetField | null)[];
  missing: SheetColumn[];
  duplicated: SheetColumn[];
}

/** Finds the columns by their titles, ignoring case, diacritics and a "*" marking required ones; field names work too. */
export function matchHeaders(header: CellValue[]): HeaderMatch {
  const byKey = new Map<string, SheetColumn>();
  for (const column of SYSTEM_COLUMNS) {
    byKey.set(headerKey(column.title), column);
    byKey.set(headerKey(column.field), column);
  }
  const seen = new Set<SheetField>();
  const duplicated: SheetColumn[] = [];
  const fields = header.map((cell) => {
    const column = byKey.get(headerKey(cellText(cell)));
    if (!column) return null;
    if (seen.has(column.field)) duplicated.push(column);
    seen.add(column.field);
    return column.field;
  });
  return { fields, missing: SYSTEM_COLUMNS.filter((c) => c.required && !seen.has(c.field)), duplicated };
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
  if (unknown.length) throw new CellProblem(`không nhận ra ${unknown.map((u) => `"${u}"`).join(', ')}; chọn trong: ${listOf(column.options!)}`);
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

export const HEADER_ROW: readonly string[] = SYSTEM_COLUMNS.map((c) => c.title);

/** The "Hướng dẫn" sheet: each column, whether it is required, and what it accepts. */
export function guideRows(): [string, string, string][] {
  return SYSTEM_COLUMNS.map((c) => [c.title, c.required ? 'Bắt buộc' : 'Không bắt buộc', c.guide]);
}
