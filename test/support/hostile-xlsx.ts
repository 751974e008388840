import { Readable } from 'node:stream';

/**
 * The hostile workbook of issue 16 point 2: a valid-looking .xlsx of a few hundred kilobytes whose one sheet unpacks
 * to ~199 MB of `<c><v>1</v></c>` (13 million cells, 810 rows of Excel's 16,384 columns). Built with archiver (the
 * ZIP writer exceljs itself uses, on Node's zlib) from a generator, so the XML is deflated as it is produced and
 * never held whole in memory.
 */
// archiver ships no types; the little used here is typed by hand.

const archiver = require('archiver') as (format: 'zip', options: { zlib: { level: number } }) => Archive;
interface Archive extends NodeJS.ReadableStream {
  append(source: string | Buffer | Readable, data: { name: string }): Archive;
  finalize(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: string, listener: (...args: unknown[]) => void): this;
}

export interface HostileSheet {
  rows: number;
  cellsPerRow: number;
  /** Name of the sheet in workbook.xml. */
  sheetName?: string;
  /** Give each cell its reference (`<c r="A1">`), as Excel writes them; the issue's file has none. */
  cellReferences?: boolean;
}

/** 810 rows × 16,384 cells of `<c><v>1</v></c>`: 199 MB of sheet XML. */
export const ISSUE_16_BOMB: HostileSheet = { rows: 810, cellsPerRow: 16_384 };

const CELL = '<c><v>1</v></c>';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Bytes of sheet XML that `sheet` unpacks to. */
export function hostileSheetBytes(sheet: HostileSheet): number {
  return (
    Buffer.byteLength([...sheetXml({ ...sheet, rows: 1 })].join('')) + (sheet.rows - 1) * Buffer.byteLength([...rowXml(sheet, 2)].join(''))
  );
}

function* rowXml(sheet: HostileSheet, r: number): Generator<string> {
  yield `<row r="${r}">`;
  if (!sheet.cellReferences) {
    // Whole rows at once: 16,384 cells are 240 kB, small enough to hold and fast to deflate.
    yield CELL.repeat(sheet.cellsPerRow);
  } else {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.cellsPerRow; c++) cells.push(`<c r="${columnName(c)}${r}"><v>1</v></c>`);
    yield cells.join('');
  }
  yield '</row>';
}

function* sheetXml(sheet: HostileSheet): Generator<string> {
  yield `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  for (let r = 1; r <= sheet.rows; r++) yield* rowXml(sheet, r);
  yield '</sheetData></worksheet>';
}

function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/** The workbook, as bytes to upload. */
export async function hostileXlsx(sheet: HostileSheet = ISSUE_16_BOMB): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  const name = (sheet.sheetName ?? 'Hệ thống thông tin').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  archive.append(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    { name: '[Content_Types].xml' },
  );
  archive.append(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    { name: '_rels/.rels' },
  );
  archive.append(
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    { name: 'xl/workbook.xml' },
  );
  archive.append(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    { name: 'xl/_rels/workbook.xml.rels' },
  );
  archive.append(Readable.from(sheetXml(sheet)), { name: 'xl/worksheets/sheet1.xml' });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * The same file with every size in its central directory rewritten to `claimed` bytes: a ZIP that lies about what
 * it unpacks to, so that only counting the bytes really inflated can refuse it.
 */
export function understated(zip: Buffer, claimed = 1000): Buffer {
  const copy = Buffer.from(zip);
  const end = copy.lastIndexOf(Buffer.from('504b0506', 'hex'));
  let offset = copy.readUInt32LE(end + 16);
  for (let i = 0; i < copy.readUInt16LE(end + 10); i++) {
    copy.writeUInt32LE(claimed, offset + 24);
    offset += 46 + copy.readUInt16LE(offset + 28) + copy.readUInt16LE(offset + 30) + copy.readUInt16LE(offset + 32);
  }
  return copy;
}
