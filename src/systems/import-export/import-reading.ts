/**
 * From an uploaded file to the rows to import: the sheet's cells (sheet-file.ts), the header found among the first
 * rows with the user's column mapping (sheet-header.ts), then each row of the table read into fields
 * (system-sheet.ts), passing over numbering and section rows and stopping at the footer. No Nest or TypeORM code.
 */
import { DomainError } from '../../common/errors/domain-error';
import { ImportSheetDto } from './import-export.dto';
import { fileInvalid, MAX_IMPORT_BYTES, readSheetFile, tooManyRows } from './sheet-file';
import { CellValue, ParsedSystemRow, SheetField, SYSTEM_COLUMNS } from './system-columns';
import { ColumnMapping, derivedCode, detectHeader, rowKind, SheetHeader } from './sheet-header';
import { cellText, isExampleRow, parseSystemRow } from './system-sheet';
import { SYSTEMS_SHEET } from './system-workbook';

export interface UploadedSheet {
  buffer: Buffer;
  size: number;
}

export interface RowInput {
  row: number;
  parsed: ParsedSystemRow;
  /** The owner and operator cells as written: a code, or a name to look up (agency-names.ts). */
  agencyTexts: { owner?: string; operator?: string };
}

export interface ReadImport {
  header: SheetHeader;
  inputs: RowInput[];
}

/** Far more than a province registers; keeps one request's work bounded. */
export const MAX_ROWS = 20_000;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

const FIELDS = new Set<string>(SYSTEM_COLUMNS.map((c) => c.field));

/** The `mapping` field of an import (JSON): `{"columns": {"H": "description"}, "defaults": {"lifecycle": "Đang vận hành"}}`. */
export function parseColumnMapping(text: string | undefined): ColumnMapping {
  if (text === undefined || text.trim() === '') return {};
  const refuse = (message: string) =>
    new DomainError('VALIDATION_FAILED', `Cách ghép cột (mapping) không hợp lệ: ${message}.`, { mapping: [message] });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse('không phải JSON');
  }
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'columns' && k !== 'defaults'))
    throw refuse('phải là đối tượng chỉ có "columns" và "defaults"');
  const { columns = {}, defaults = {} } = value;
  if (!isRecord(columns) || !isRecord(defaults)) throw refuse('"columns" và "defaults" phải là đối tượng');
  for (const [letter, field] of Object.entries(columns)) {
    if (!/^[A-Z]{1,2}$/.test(letter)) throw refuse(`"${letter.slice(0, 20)}" không phải chữ cái tên cột (A, B, …)`);
    if (typeof field !== 'string' || (field !== 'ignore' && !FIELDS.has(field)))
      throw refuse(`cột ${letter}: "${String(field).slice(0, 40)}" không phải trường của hệ thống`);
  }
  for (const [field, given] of Object.entries(defaults)) {
    if (!FIELDS.has(field)) throw refuse(`"${field.slice(0, 40)}" không phải trường của hệ thống`);
    if (typeof given !== 'string' || given.length > 300) throw refuse(`giá trị cho "${field}" phải là chữ, tối đa 300 ký tự`);
  }
  return { columns: columns as ColumnMapping['columns'], defaults: defaults as ColumnMapping['defaults'] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the file into rows to import; refuses it whole when no header names the required columns. */
export async function readImport(file: UploadedSheet | undefined, mapping: ColumnMapping = {}): Promise<ReadImport> {
  if (!file) throw fileInvalid('Chưa chọn tệp để nhập (trường "file").', 'bắt buộc');
  if (file.size === 0) throw fileInvalid('Tệp trống, không có dữ liệu.', 'tệp trống');
  const rows = await readSheetFile(file.buffer, SYSTEMS_SHEET, MAX_ROWS);
  const header = detectHeader(rows, mapping);
  if (!header) throw fileInvalid('Tệp không có dữ liệu.', 'tệp trống');
  if (header.missing.length) {
    const titles = header.missing.map((c) => `"${c.title}"`);
    throw new DomainError(
      'IMPORT_FILE_INVALID',
      `Không tìm thấy cột ${titles.join(', ')} trong ${header.rows.length > 1 ? 'các dòng' : 'dòng'} tiêu đề (dòng ${header.rows.join(', ')}). ` +
        'Hãy chọn cột của tệp chứa thông tin này, hoặc nhập một giá trị chung cho mọi dòng.',
      { file: titles.map((t) => `thiếu cột ${t}`) },
      { sheet: sheetReport(header) },
    );
  }
  if (header.duplicated.length) {
    const title = header.duplicated[0].title;
    throw new DomainError(
      'IMPORT_FILE_INVALID',
      `Có nhiều cột cùng được hiểu là "${title}". Hãy chọn "Bỏ qua" cho cột thừa.`,
      { file: [`cột "${title}" bị lặp`] },
      { sheet: sheetReport(header) },
    );
  }
  return { header, inputs: tableRows(rows.slice(header.dataStart), header, mapping) };
}

/** The header as the report shows it: which rows, and which column fills which field. */
export function sheetReport(header: SheetHeader): ImportSheetDto {
  return {
    headerRows: header.rows,
    columns: header.columns.map(({ letter, title, field, numbering, recognised }) => ({ letter, title, field, numbering, recognised })),
    missing: header.missing.map((c) => c.field),
    derived: header.derived,
  };
}

function tableRows(rows: { number: number; cells: CellValue[] }[], header: SheetHeader, mapping: ColumnMapping): RowInput[] {
  const inputs: RowInput[] = [];
  for (const { number, cells } of rows) {
    const kind = rowKind(cells, header);
    if (kind === 'end') break;
    if (kind === 'skip') continue;
    const byField: Partial<Record<SheetField, CellValue>> = {};
    header.columns.forEach((column, i) => column.field && (byField[column.field] = cells[i] ?? null));
    for (const [field, given] of Object.entries(mapping.defaults ?? {})) {
      // The issuer given for the list is the issuer of the rows' decisions: a row without a level has none.
      if (field === 'approvalDecisionIssuer' && cellText(byField.approvedLevel) === '') continue;
      if (cellText(byField[field as SheetField]) === '') byField[field as SheetField] = given;
    }
    if (isExampleRow(byField)) continue;
    if (header.derived.includes('code') && cellText(byField.name)) byField.code = derivedCode(cellText(byField.name));
    const agencyTexts = { owner: textOf(byField.ownerAgencyCode), operator: textOf(byField.operatorAgencyCode) };
    inputs.push({ row: number, parsed: parseSystemRow(byField), agencyTexts });
    if (inputs.length > MAX_ROWS) throw tooManyRows(MAX_ROWS);
  }
  return inputs;
}

const textOf = (cell: CellValue | undefined) => (cell === undefined ? undefined : cellText(cell) || undefined);
