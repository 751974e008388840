/**
 * The import page's preview (issue 21): the column mapping read from the form and written back to it, the values asked
 * for every row, and one table row per spreadsheet row with what the import will do or why it cannot. Pure.
 */
import { DomainError } from '../common/errors/domain-error';
import { ImportReportDto, ImportSheetDto } from '../systems/import-export/import-export.dto';
import { SheetField, SYSTEM_COLUMNS } from '../systems/import-export/system-columns';
import { ColumnMapping } from '../systems/import-export/sheet-header';
import { FormBody } from './form-input';

const FIELDS = new Set<string>(SYSTEM_COLUMNS.map((c) => c.field));
const BY_TITLE = new Map(SYSTEM_COLUMNS.map((c) => [c.title, c]));

// An agency column may hold names as well as codes (agency-names.ts).
const AGENCY_CHOICES: Partial<Record<SheetField, string>> = {
  ownerAgencyCode: 'Cơ quan chủ quản (mã hoặc tên)',
  operatorAgencyCode: 'Đơn vị vận hành (mã hoặc tên)',
};

/** Choices for a column's select: leave it out, or one of capdo's fields. */
export const COLUMN_CHOICES = [
  { value: 'ignore', label: '— Bỏ qua cột này —' },
  ...SYSTEM_COLUMNS.map((c) => ({ value: c.field, label: AGENCY_CHOICES[c.field] ?? c.title })),
];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('; ') : value);

/** The mapping the preview's form carries: `cot-<letter>` per column, `chung-<field>` for a value for every row. */
export function mappingFromForm(body: FormBody): ColumnMapping {
  const columns: NonNullable<ColumnMapping['columns']> = {};
  const defaults: NonNullable<ColumnMapping['defaults']> = {};
  for (const [name, raw] of Object.entries(body)) {
    const value = one(raw)?.trim();
    const column = /^cot-([A-Z]{1,2})$/.exec(name);
    if (column && value && (value === 'ignore' || FIELDS.has(value))) columns[column[1]] = value as SheetField | 'ignore';
    const field = /^chung-(\w+)$/.exec(name)?.[1];
    if (field && FIELDS.has(field) && value) defaults[field as SheetField] = value.slice(0, 300);
  }
  return { columns, defaults };
}

export interface AskedValue {
  field: SheetField;
  title: string;
  guide: string;
  required: boolean;
  /** Choices for a field with a fixed list (the label is what the sheet would say); none for free text. */
  options?: { value: string; label: string }[];
  multiple: boolean;
  value: string;
}

/**
 * The values to ask for all rows: the required columns the file lacks, and the columns with errors that the file
 * does not have (the decision's issuer, when the list has levels but not who approved them). Only those.
 */
export function askedValues(sheet: ImportSheetDto | undefined, errorColumns: string[], mapping: ColumnMapping): AskedValue[] {
  const inFile = new Set((sheet?.columns ?? []).map((c) => c.field).filter(Boolean));
  const wanted = new Set<string>(sheet?.missing ?? []);
  for (const title of errorColumns) {
    const column = BY_TITLE.get(title);
    if (column && !inFile.has(column.field)) wanted.add(column.field);
  }
  for (const field of Object.keys(mapping.defaults ?? {})) if (!inFile.has(field)) wanted.add(field);
  return SYSTEM_COLUMNS.filter((c) => wanted.has(c.field) && c.field !== 'code').map((c) => ({
    field: c.field,
    title: c.title,
    guide: c.guide,
    required: c.required,
    options: c.options?.map((o) => ({ value: o.label, label: o.label })),
    multiple: c.kind === 'enumList',
    value: mapping.defaults?.[c.field] ?? '',
  }));
}

export interface PreviewRow {
  row: number;
  name: string;
  owner: string;
  code: string;
  /** "Sẽ tạo mới", "Sẽ cập nhật", "Không thay đổi", or "Lỗi". */
  outcome: string;
  ok: boolean;
  messages: string[];
  id?: string;
}

const OUTCOMES = { CREATE: 'Sẽ tạo mới', UPDATE: 'Sẽ cập nhật', UNCHANGED: 'Không thay đổi' } as const;
const DONE = { CREATE: 'Đã tạo mới', UPDATE: 'Đã cập nhật', UNCHANGED: 'Không thay đổi' } as const;

/** Where an error's column is in the user's file: "cột C (Cơ quan chủ quản)", not the template's title. */
function inFile(title: string, sheet: ImportSheetDto | undefined): string {
  const field = BY_TITLE.get(title)?.field;
  const column = sheet?.columns.find((c) => c.field === field);
  return column ? `cột ${column.letter} (${column.title})` : title;
}

/** One line per spreadsheet row, in the file's order: the valid rows with their action, the others with each error. */
export function previewRows(report: ImportReportDto, done = false): PreviewRow[] {
  const rows: PreviewRow[] = report.rows.map((r) => ({
    row: r.row,
    name: r.name,
    owner: r.ownerAgencyCode,
    code: r.code,
    outcome: (done ? DONE : OUTCOMES)[r.action] + (r.priorApproval === 'CLAIMED' ? '; cấp độ đã phê duyệt thành kê khai chờ xác nhận' : ''),
    ok: true,
    messages: [],
    id: r.id,
  }));
  const failing = new Map<number, PreviewRow>();
  for (const e of report.errors) {
    const row = failing.get(e.row) ?? { row: e.row, name: e.name ?? '', owner: '', code: '', outcome: 'Lỗi', ok: false, messages: [] };
    row.messages.push(`${inFile(e.column, report.sheet)}: ${e.message}`);
    failing.set(e.row, row);
  }
  return [...rows, ...failing.values()].sort((a, b) => a.row - b.row);
}

/** The report a refusal carries (rows with errors), or the header it found (columns missing), for the preview. */
export function refusalReport(error: unknown): { report?: ImportReportDto; sheet?: ImportSheetDto } {
  if (!(error instanceof DomainError)) return {};
  const extra = error.extra as { report?: ImportReportDto; sheet?: ImportSheetDto } | undefined;
  return { report: extra?.report, sheet: extra?.report?.sheet ?? extra?.sheet };
}
