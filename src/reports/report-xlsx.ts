import ExcelJS from 'exceljs';
import { dayToDate } from './report-text';

/** Shared layout of the report workbooks: a title block, tables with a shaded header, dates as real dates. */

export const DATE_FORMAT = 'dd/mm/yyyy';
export const PERCENT_FORMAT = '0.0%';

export interface SheetColumn {
  header: string;
  width: number;
  /** 'date' cells hold 'YYYY-MM-DD' strings and become spreadsheet dates; 'percent' cells hold 0–100. */
  kind?: 'text' | 'number' | 'date' | 'percent';
}

export type CellValue = string | number | null | undefined;

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };

export function newWorkbook(generatedAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'capdo';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  return workbook;
}

/** Title lines over the first `span` columns; returns the next free row. */
export function titleBlock(sheet: ExcelJS.Worksheet, lines: string[], span: number): number {
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 13 : 11, italic: i > 1 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (i === 0) row.height = 34;
    sheet.mergeCells(i + 1, 1, i + 1, span);
  });
  return lines.length + 2;
}

export function styleHeaderRow(row: ExcelJS.Row, count: number): void {
  row.height = 32;
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

function setCell(cell: ExcelJS.Cell, value: CellValue, kind: SheetColumn['kind']): void {
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: kind === 'text' || kind === undefined };
  if (value === null || value === undefined || value === '') return;
  if (kind === 'date' && typeof value === 'string') {
    cell.value = dayToDate(value);
    cell.numFmt = DATE_FORMAT;
    cell.alignment = { vertical: 'top', horizontal: 'center' };
  } else if (kind === 'percent' && typeof value === 'number') {
    cell.value = Math.round(value * 10) / 1000;
    cell.numFmt = PERCENT_FORMAT;
  } else {
    cell.value = value;
  }
}

/** A table starting at `startRow`: header then rows. Returns the row after the table. */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  startRow: number,
  columns: readonly SheetColumn[],
  rows: readonly CellValue[][],
  options: { boldLastRow?: boolean } = {},
): number {
  const header = sheet.getRow(startRow);
  columns.forEach((col, i) => (header.getCell(i + 1).value = col.header));
  styleHeaderRow(header, columns.length);
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    columns.forEach((col, c) => setCell(row.getCell(c + 1), values[c], col.kind));
    if (options.boldLastRow && r === rows.length - 1) row.font = { bold: true };
  });
  return startRow + rows.length + 2;
}

/** A list sheet: header on row 1, frozen, with an autofilter over every column. */
export function listSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly CellValue[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  columns.forEach((col, i) => (sheet.getColumn(i + 1).width = col.width));
  writeTable(sheet, 1, columns, rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
  return sheet;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
