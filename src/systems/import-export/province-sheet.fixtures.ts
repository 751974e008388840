/**
 * Test data only: a department's own list of systems as provinces keep it (issue 21), for the unit, e2e and
 * browser tests of the import. Title rows, a two-row header under merged cells, "TT" numbering, a row of column
 * numbers, section rows, agency names instead of codes, dates as Excel dates and as text, a "Tổng cộng" footer and
 * the signatures below it. Built with exceljs, as Excel would save it.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const PROVINCE_SYSTEMS = [
  { name: 'Cổng thông tin điện tử Sở Xây dựng', owner: 'Sở Xây dựng', operator: 'Sở Xây dựng tỉnh Sơn La', code: 'SL-SO-XD' },
  { name: 'Hệ thống một cửa điện tử xã Đoàn Kết', owner: 'Ủy ban nhân dân xã Đoàn Kết', operator: '', code: 'SL-X-DOANKET' },
  { name: 'Hệ thống quản lý văn bản phường Tô Hiệu', owner: 'UBND phuong To Hieu', operator: '', code: 'SL-P-TOHIEU' },
] as const;

export async function provinceWorkbook(options: { ownerOfLast?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh mục');
  sheet.getCell('A1').value = 'ỦY BAN NHÂN DÂN TỈNH SƠN LA';
  sheet.mergeCells('A1:C1');
  sheet.getCell('A2').value = 'DANH MỤC HỆ THỐNG THÔNG TIN ĐÃ ĐƯỢC PHÊ DUYỆT CẤP ĐỘ';
  sheet.mergeCells('A2:H2');
  sheet.getCell('A3').value = '(Kèm theo Báo cáo số 123/BC-SKHCN ngày 10/11/2025)';
  sheet.getRow(5).values = [
    'TT',
    'Tên hệ thống thông tin',
    'Cơ quan chủ quản',
    'Đơn vị vận hành',
    'Cấp độ đã được phê duyệt',
    'Quyết định phê duyệt',
    null,
    'Ghi chú',
  ];
  sheet.getRow(6).values = [null, null, null, null, null, 'Số', 'Ngày', null];
  for (const column of ['A', 'B', 'C', 'D', 'E', 'H']) sheet.mergeCells(`${column}5:${column}6`);
  sheet.mergeCells('F5:G5');
  sheet.getRow(7).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'];
  sheet.getRow(8).values = ['I', 'Khối sở, ngành'];
  const [first, second, third] = PROVINCE_SYSTEMS;
  sheet.getRow(9).values = [1, first.name, first.owner, first.operator, 2, '125/QĐ-UBND', new Date(Date.UTC(2025, 8, 30)), null];
  sheet.getRow(10).values = ['II', 'Khối xã, phường'];
  sheet.getRow(11).values = [2, second.name, second.owner, null, 'Cấp độ 2', '45/QĐ-UBND', '15/10/2025', 'Đang nâng cấp'];
  sheet.getRow(12).values = [3, third.name, options.ownerOfLast ?? third.owner, null, null, null, null, null];
  sheet.getRow(13).values = ['Tổng cộng', '3 hệ thống'];
  sheet.getRow(15).values = [null, 'Người lập biểu', null, null, null, 'GIÁM ĐỐC'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The province's values for the columns its list does not have, as the preview asks for them. */
export const PROVINCE_DEFAULTS = {
  systemType: 'Hệ thống thông tin phục vụ hoạt động nội bộ',
  infoTypes: 'Thông tin công cộng',
  lifecycle: 'Đang vận hành',
  approvalDecisionIssuer: 'UBND tỉnh Sơn La',
};

/**
 * Text as a Vietnamese Windows saves it in Windows-1258: the tone marks as separate combining characters after a
 * letter that keeps its other marks (â, ê, ô, ơ, ư, ă, đ).
 */
export function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const decomposed = [...text.normalize('NFC')]
    .map((char) => {
      const nfd = char.normalize('NFD');
      const marks = nfd.match(tones)?.join('') ?? '';
      return nfd.replace(tones, '').normalize('NFC') + marks;
    })
    .join('');
  return iconv.encode(decomposed, 'windows1258');
}
