/**
 * Spreadsheet files as tables of cells: reads an uploaded .xlsx or UTF-8 .csv (judged by its bytes, never by its
 * name) and writes CSV that Excel opens with Vietnamese intact. No Nest or TypeORM code.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../common/errors/domain-error';
import { CellOut, CellValue } from './system-sheet';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What the XML inside an .xlsx may unpack to: 10 MB of spreadsheet is far below; a zip bomb is far above. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

export interface SheetRow {
  /** The row number a spreadsheet shows (the header is usually 1). */
  number: number;
  cells: CellValue[];
}

export const fileInvalid = (detail: string, message = detail): DomainError => new DomainError('IMPORT_FILE_INVALID', detail, { file: [message] });

const NOT_A_SHEET = 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV mã hóa UTF-8. Hãy dùng tệp mẫu tải từ capdo.';

/** The rows of an .xlsx (ZIP magic bytes; `preferredSheet`, else the first visible sheet) or of a UTF-8 CSV. */
export async function readSheetFile(content: Buffer, preferredSheet: string): Promise<SheetRow[]> {
  return content.length >= 4 && content.readUInt32LE(0) === 0x04034b50 ? readXlsx(content, preferredSheet) : readCsv(content);
}

/** Sums the uncompressed sizes in the ZIP central directory, before anything is unpacked. */
function unpackedSize(zip: Buffer): number {
  const tail = Math.max(0, zip.length - 65_557);
  let end = -1;
  for (let i = zip.length - 22; i >= tail; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw fileInvalid(NOT_A_SHEET, 'tệp ZIP bị hỏng');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) throw fileInvalid(NOT_A_SHEET, 'tệp ZIP bị hỏng');
    const size = zip.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Infinity : size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

async function readXlsx(content: Buffer, preferredSheet: string): Promise<SheetRow[]> {
  if (unpackedSize(content) > MAX_UNPACKED_BYTES) throw fileInvalid('Tệp Excel giải nén ra quá lớn.', 'nội dung giải nén vượt quá giới hạn');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw fileInvalid(NOT_A_SHEET, 'không đọc được tệp Excel');
  }
  const sheet = workbook.getWorksheet(preferredSheet) ?? workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw fileInvalid(NOT_A_SHEET, 'tệp Excel không có trang tính nào');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(excelCell(row.getCell(c).value));
    rows.push({ number, cells });
  });
  return rows;
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

function readCsv(content: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fileInvalid(NOT_A_SHEET, 'nội dung không phải văn bản UTF-8');
  }
  // Binary files can be valid UTF-8 by chance; a spreadsheet never holds control characters.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw fileInvalid(NOT_A_SHEET, 'nội dung không phải văn bản CSV');
  text = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileInvalid(`Tệp CSV sai cú pháp${line ? ` ở dòng ${line}` : ''} (thường do dấu ngoặc kép chưa đóng).`, 'CSV sai cú pháp');
  }
  return records.map((cells, i) => ({ number: i + 1, cells: cells.map(unescapeFormula) }));
}

/** Excel in a Vietnamese locale saves CSV with ";": take whichever separator the header line uses most. */
function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

// CSV opened in Excel runs cells starting with = + - @ as formulas: the export quotes them with a leading "'".
const FORMULA_START = /^[=+\-@\t\r]/;

function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function csvCell(value: CellOut): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly; CRLF line ends. */
export function writeCsv(rows: readonly (readonly CellOut[])[]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
