/**
 * Spreadsheet files as tables of cells: reads an uploaded .xlsx or .csv (judged by its bytes, never by its
 * name) and writes CSV that Excel opens with Vietnamese intact. No Nest or TypeORM code.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError } from '../../common/errors/domain-error';
import { neutraliseCsvText, restoreCsvText } from '../../common/text/csv-safe';
import { CellOut, CellValue } from './system-columns';
import { isBlankRow } from './system-sheet';
import { readerOrder, XlsxBounds, XlsxBreach, xlsxBreach } from './xlsx-bounds';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * What one file may hold, checked on its real content before a sheet is read (README, after the API map).
 * Measured on the template: 20,000 systems with descriptions of 200 characters unpack to 25 MB (16 MB of sheet,
 * 9 MB of shared strings); 40 MB leaves room for descriptions of about 600 characters and for Excel's own markup.
 */
export const SHEET_BOUNDS: XlsxBounds = {
  unpackedBytes: 40 * 1024 * 1024,
  entries: 1000,
  rowsPerSheet: 100_000,
  cellsPerSheet: 1_000_000,
  cellsPerRow: 16_384,
  sharedStrings: 1_000_000,
};
/** Columns read from each row: the template has 22; cells further right are left unread. */
const MAX_COLUMNS = 100;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

export interface SheetRow {
  /** The row number a spreadsheet shows (the header is usually 1). */
  number: number;
  cells: CellValue[];
}

export const fileInvalid = (detail: string, message = detail): DomainError =>
  new DomainError('IMPORT_FILE_INVALID', detail, { file: [message] });

const NOT_A_SHEET =
  'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV (UTF-8, UTF-16 hoặc Windows-1258). Hãy dùng tệp mẫu tải từ capdo hoặc lưu lại bằng Excel.';

const count = (n: number) => n.toLocaleString('vi-VN');
const tooLarge = (detail: string, message: string): DomainError =>
  new DomainError('PAYLOAD_TOO_LARGE', `${detail} Chia tệp thành nhiều phần rồi nhập lần lượt.`, { file: [message] });

/** More rows of data than one import takes. */
export const tooManyRows = (max: number): DomainError =>
  tooLarge(`Tệp có hơn ${count(max)} dòng dữ liệu; mỗi lần nhập tối đa ${count(max)} dòng.`, 'quá nhiều dòng');

const BREACHES: Record<Exclude<XlsxBreach, 'damaged'>, () => DomainError> = {
  unpacked: () =>
    tooLarge(
      `Tệp Excel giải nén ra hơn ${SHEET_BOUNDS.unpackedBytes / 1024 / 1024} MB, nhiều hơn ${count(20_000)} dòng của tệp mẫu cần.`,
      'nội dung giải nén vượt quá giới hạn',
    ),
  entries: () => tooLarge(`Tệp Excel có hơn ${count(SHEET_BOUNDS.entries)} thành phần.`, 'quá nhiều thành phần'),
  rows: () => tooLarge(`Một trang tính có hơn ${count(SHEET_BOUNDS.rowsPerSheet)} dòng (kể cả dòng trống).`, 'quá nhiều dòng'),
  cells: () => tooLarge(`Một trang tính có hơn ${count(SHEET_BOUNDS.cellsPerSheet)} ô.`, 'quá nhiều ô'),
  'cells-per-row': () => tooLarge(`Một dòng có hơn ${count(SHEET_BOUNDS.cellsPerRow)} ô.`, 'quá nhiều ô trong một dòng'),
  'shared-strings': () => tooLarge(`Tệp Excel có hơn ${count(SHEET_BOUNDS.sharedStrings)} chuỗi văn bản.`, 'quá nhiều chuỗi văn bản'),
};

/**
 * The rows with data of an .xlsx (ZIP magic bytes; `preferredSheet`, else the first visible sheet) or of a CSV (decodeCsv).
 * Reading stops, and the file is refused, once the rows after the first (the header) pass `maxDataRows` + 1 (one
 * spare for the template's example row).
 */
export async function readSheetFile(content: Buffer, preferredSheet: string, maxDataRows = 20_000): Promise<SheetRow[]> {
  if (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50) return readXlsx(content, preferredSheet, maxDataRows);
  const collector = new RowCollector(maxDataRows);
  for (const row of readCsv(content)) collector.add(row);
  return collector.rows;
}

/** Collects rows, refusing the file once the rows with data pass the header, `maxDataRows` and one spare. */
class RowCollector {
  readonly rows: SheetRow[] = [];
  private withData = 0;

  constructor(private readonly maxDataRows: number) {}

  add(row: SheetRow): void {
    if (!isBlankRow(row.cells) && ++this.withData > this.maxDataRows + 2) throw tooManyRows(this.maxDataRows);
    this.rows.push(row);
  }
}

/**
 * Streams the workbook through exceljs once xlsxBreach has found it within bounds: rows are read as the sheet
 * streams past, never the whole workbook at once.
 */
async function readXlsx(content: Buffer, preferredSheet: string, maxDataRows: number): Promise<SheetRow[]> {
  const breach = await xlsxBreach(content, SHEET_BOUNDS);
  if (breach === 'damaged') throw fileInvalid(NOT_A_SHEET, 'tệp ZIP bị hỏng');
  if (breach) throw BREACHES[breach]();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(readerOrder(content)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let fallback: { rows: SheetRow[] | DomainError; visible: boolean } | undefined;
  try {
    for await (const sheet of reader) {
      const { name, state } = sheet as unknown as { name?: string; state?: string };
      if (name === preferredSheet) return await sheetRows(sheet, maxDataRows);
      const visible = state !== 'hidden' && state !== 'veryHidden';
      // Another sheet is read in case the preferred one never comes; a problem with it counts only then.
      if (!fallback || (visible && !fallback.visible))
        fallback = { rows: await sheetRows(sheet, maxDataRows).catch(domainErrorOnly), visible };
    }
  } catch (error) {
    throw error instanceof DomainError ? error : fileInvalid(NOT_A_SHEET, 'không đọc được tệp Excel');
  }
  if (!fallback) throw fileInvalid(NOT_A_SHEET, 'tệp Excel không có trang tính nào');
  if (fallback.rows instanceof DomainError) throw fallback.rows;
  return fallback.rows;
}

/** A DomainError is returned (it is the file's problem, to report); anything else is exceljs failing to read. */
function domainErrorOnly(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  throw error;
}

async function sheetRows(sheet: AsyncIterable<unknown>, maxDataRows: number): Promise<SheetRow[]> {
  const collector = new RowCollector(maxDataRows);
  let number = 0;
  for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
    // A row's number may be left out of the file (`<row>` without r): it then follows the one before.
    number = Number.isInteger(row.number) ? row.number : number + 1;
    if (!row.hasValues) continue;
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= MAX_COLUMNS) cells[column - 1] = excelCell(cell.value);
    });
    collector.add({ number, cells: Array.from(cells, (cell) => cell ?? null) });
  }
  return collector.rows;
}

/** Flattens exceljs's cell shapes (rich text, formulas, hyperlinks) to the value a person sees. */
function excelCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return excelCell((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return excelCell(value.text as ExcelJS.CellValue);
  return null;
}

/**
 * The text of a CSV, whatever Excel or an older tool saved it in (issue 21): UTF-16 by its byte-order mark, UTF-8
 * (with or without one), otherwise Windows-1258, the Vietnamese code page of Windows. Windows-1258 writes most tones
 * as combining marks after the letter: the text is normalised to NFC, as capdo stores Vietnamese.
 */
export function decodeCsv(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return iconv.decode(content, 'utf-16le').normalize('NFC');
  if (content[0] === 0xfe && content[1] === 0xff) return iconv.decode(content, 'utf-16be').normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content).normalize('NFC');
  } catch {
    return iconv.decode(content, 'windows1258').normalize('NFC');
  }
}

function readCsv(content: Buffer): SheetRow[] {
  let text = decodeCsv(content);
  // Binary files can be valid UTF-8 by chance; a spreadsheet never holds control characters.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw fileInvalid(NOT_A_SHEET, 'nội dung không phải văn bản CSV');
  text = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(text);
  const breach = csvBreach(text, delimiter);
  if (breach) throw BREACHES[breach]();
  let records: string[][];
  try {
    records = parse(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileInvalid(`Tệp CSV sai cú pháp${line ? ` ở dòng ${line}` : ''} (thường do dấu ngoặc kép chưa đóng).`, 'CSV sai cú pháp');
  }
  return records.map((cells, i) => ({ number: i + 1, cells: cells.map(restoreCsvText) }));
}

/**
 * At most how many rows and cells a CSV holds, counted on its characters before it is parsed (a separator or line
 * break inside quotes counts too, which only errs on the safe side): the same bounds as a sheet of an .xlsx.
 */
function csvBreach(text: string, delimiter: string): 'rows' | 'cells' | undefined {
  const separator = delimiter.charCodeAt(0);
  let lines = 1;
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
    else if (code === separator) separators++;
  }
  if (lines > SHEET_BOUNDS.rowsPerSheet) return 'rows';
  return lines + separators > SHEET_BOUNDS.cellsPerSheet ? 'cells' : undefined;
}

/**
 * Excel in a Vietnamese locale saves CSV with ";": take whichever separator the first lines use most (the first
 * lines, not only the first: a province's list may start with title rows that have none).
 */
function guessDelimiter(text: string): string {
  const head = text.split(/\r\n|\n|\r/, 16).join('\n');
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

// Text is marked so that no part of it runs as a formula in Excel (see csv-safe.ts); numbers are written as numbers.
function csvCell(value: CellOut): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutraliseCsvText(value) : String(value);
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly; CRLF line ends. */
export function writeCsv(rows: readonly (readonly CellOut[])[]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
