/**
 * The .xlsx the template and the export are: the systems sheet (one row per system, drop-down lists on the
 * enumerated columns), a "Hướng dẫn" sheet explaining every column, and the codes of the agencies one may use.
 */
import ExcelJS from 'exceljs';
import { CellOut, guideRows, SYSTEM_COLUMNS } from './system-columns';

export const SYSTEMS_SHEET = 'Hệ thống thông tin';
export const GUIDE_SHEET = 'Hướng dẫn';
const AGENCIES_SHEET = 'Danh mục cơ quan';
const LISTS_SHEET = 'Danh mục';
/** Rows below the data that still get drop-downs, for the systems a user adds. */
const SPARE_ROWS = 1000;

export interface AgencyCode {
  code: string;
  name: string;
}

type SheetWithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

export async function buildSystemWorkbook(rows: readonly CellOut[][], agencies: readonly AgencyCode[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'capdo';
  const sheet = workbook.addWorksheet(SYSTEMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SYSTEM_COLUMNS.map((c) => ({
    header: c.title,
    key: c.field,
    width: c.width,
    // Text format keeps Excel from turning codes and dd/mm/yyyy into numbers or month-first dates.
    style: c.kind === 'count' || c.kind === 'level' ? {} : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  SYSTEM_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
    cell.note = `${column.required ? 'Bắt buộc. ' : ''}${column.guide}`;
  });
  sheet.addRows(rows.map((row) => [...row]));
  addDropDowns(workbook, sheet as SheetWithValidations, rows.length + 1 + SPARE_ROWS);
  addGuide(workbook);
  const list = workbook.addWorksheet(AGENCIES_SHEET);
  list.columns = [
    { header: 'Mã cơ quan', width: 20 },
    { header: 'Tên cơ quan', width: 60 },
  ];
  list.getRow(1).font = { bold: true };
  list.addRows(agencies.map((a) => [a.code, a.name]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Lists live on a hidden sheet: labels hold commas, which an inline list would split. */
function addDropDowns(workbook: ExcelJS.Workbook, sheet: SheetWithValidations, lastRow: number): void {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const listed = SYSTEM_COLUMNS.map((column) => ({
    column,
    values:
      column.options?.map((o) => o.label) ??
      (column.kind === 'boolean' ? ['Có', 'Không'] : column.kind === 'level' ? ['1', '2', '3', '4', '5'] : undefined),
  }));
  let listIndex = 0;
  listed.forEach(({ column, values }, i) => {
    if (!values) return;
    const letter = columnLetter(listIndex++);
    lists.getCell(`${letter}1`).value = column.title;
    values.forEach((value, j) => (lists.getCell(`${letter}${j + 2}`).value = value));
    const target = columnLetter(i);
    sheet.dataValidations.add(`${target}2:${target}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
      // Several information types go in one cell, so that column's list is a suggestion, not a rule.
      showErrorMessage: column.kind !== 'enumList',
      errorStyle: 'stop',
      errorTitle: column.title,
      error: 'Chọn một giá trị trong danh sách.',
    });
  });
  const agencyColumns = SYSTEM_COLUMNS.map((c, i) => [c, i] as const).filter(
    ([c]) => c.field === 'ownerAgencyCode' || c.field === 'operatorAgencyCode',
  );
  for (const [, i] of agencyColumns) {
    const target = columnLetter(i);
    sheet.dataValidations.add(`${target}2:${target}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${AGENCIES_SHEET}'!$A$2:$A$10000`],
      showErrorMessage: false,
    });
  }
}

function addGuide(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột', width: 34 },
    { header: 'Bắt buộc', width: 16 },
    { header: 'Giá trị được nhập', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.addRows(guideRows());
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow([]);
  for (const note of [
    'Mỗi dòng của trang "Hệ thống thông tin" là một hệ thống; dòng 1 là tiêu đề cột, giữ nguyên tên cột.',
    'Hệ thống được nhận biết bằng mã cơ quan chủ quản và mã hệ thống: nhập lại cùng tệp không tạo hệ thống trùng; dòng có thay đổi thì cập nhật hệ thống đã có.',
    'Khi cập nhật, ô để trống xóa giá trị đã lưu của cột đó; cột không có trong tệp thì giữ nguyên.',
    'Giá trị của cột có danh sách nhập bằng tên tiếng Việt (có dấu hoặc không dấu) hoặc mã tiếng Anh.',
    'Nếu có dòng lỗi thì không dòng nào được ghi; sửa các dòng được báo rồi nhập lại. Có thể chạy thử (dryRun) để kiểm tra trước.',
  ]) {
    guide.addRow([note]);
  }
}
