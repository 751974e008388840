import ExcelJS from 'exceljs';
import { DomainError } from '../../common/errors/domain-error';
import { readSheetFile, writeCsv } from './sheet-file';

const problemOf = async (content: Buffer) => {
  const error = await readSheetFile(content, 'Hệ thống thông tin').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('reading CSV', () => {
  it('reads UTF-8 with a byte-order mark, numbering rows as a spreadsheet does', async () => {
    const rows = await readSheetFile(Buffer.from('\uFEFFMã hệ thống,Tên hệ thống\r\n\r\nQLVB,"Quản lý văn bản, điều hành"\r\n'), 'x');
    expect(rows).toEqual([
      { number: 1, cells: ['Mã hệ thống', 'Tên hệ thống'] },
      { number: 2, cells: [''] },
      { number: 3, cells: ['QLVB', 'Quản lý văn bản, điều hành'] },
    ]);
  });

  it('takes ";" as the separator when the header uses it, as Excel does in a Vietnamese locale', async () => {
    const rows = await readSheetFile(Buffer.from('Mã hệ thống;Loại thông tin\nQLVB;Thông tin riêng, Thông tin cá nhân\n'), 'x');
    expect(rows[1].cells).toEqual(['QLVB', 'Thông tin riêng, Thông tin cá nhân']);
  });

  it('refuses bytes that are not UTF-8 text, and text with control characters', async () => {
    expect((await problemOf(Buffer.from('Mã hệ thống\nTên', 'latin1'))).code).toBe('IMPORT_FILE_INVALID');
    expect((await problemOf(Buffer.from('89504e470d0a1a0a', 'hex'))).errors).toEqual({ file: ['nội dung không phải văn bản UTF-8'] });
    expect((await problemOf(Buffer.from('abc\u0000\u0001def'))).errors).toEqual({ file: ['nội dung không phải văn bản CSV'] });
  });

  it('refuses an unclosed quote, naming the line', async () => {
    expect((await problemOf(Buffer.from('a,b\n1,"2\n'))).detail).toContain('ở dòng 2');
  });
});

describe('writing CSV', () => {
  it('starts with a byte-order mark, quotes what needs quoting and ends lines with CRLF', () => {
    const text = writeCsv([
      ['Mã', 'Tên'],
      ['QLVB', 'Quản lý "văn bản", điều hành'],
      [null, 12],
    ]).toString('utf8');
    expect(text).toBe('\uFEFFMã,Tên\r\nQLVB,"Quản lý ""văn bản"", điều hành"\r\n,12\r\n');
  });

  it('defuses text Excel would run as a formula, and reads it back as written', async () => {
    const csv = writeCsv([['Tên'], ['=HYPERLINK("http://x")'], ['-Cổng'], ['@tên']]);
    expect(csv.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
    const rows = await readSheetFile(csv, 'x');
    expect(rows.map((r) => r.cells[0])).toEqual(['Tên', '=HYPERLINK("http://x")', '-Cổng', '@tên']);
  });
});

describe('reading xlsx', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the preferred sheet, flattening rich text, formulas and dates, with real row numbers', async () => {
    const content = await workbook((wb) => {
      wb.addWorksheet('Ghi chú').addRow(['không đọc trang này']);
      const sheet = wb.addWorksheet('Hệ thống thông tin');
      sheet.addRow(['Mã hệ thống', 'Tên hệ thống', 'Ngày', 'Số']);
      sheet.getRow(3).values = [{ richText: [{ text: 'QL' }, { text: 'VB' }] }, { formula: 'UPPER("a")', result: 'A' }, new Date(Date.UTC(2025, 8, 30)), 12] as ExcelJS.CellValue[];
    });
    const rows = await readSheetFile(content, 'Hệ thống thông tin');
    expect(rows).toEqual([
      { number: 1, cells: ['Mã hệ thống', 'Tên hệ thống', 'Ngày', 'Số'] },
      { number: 3, cells: ['QLVB', 'A', new Date(Date.UTC(2025, 8, 30)), 12] },
    ]);
  });

  it('falls back to the first sheet when the preferred one is missing', async () => {
    const content = await workbook((wb) => wb.addWorksheet('Sheet1').addRow(['Mã hệ thống']));
    expect(await readSheetFile(content, 'Hệ thống thông tin')).toEqual([{ number: 1, cells: ['Mã hệ thống'] }]);
  });

  it('refuses a damaged ZIP and a ZIP that is not a workbook', async () => {
    expect((await problemOf(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100, 7)]))).errors).toEqual({ file: ['tệp ZIP bị hỏng'] });
    const truncated = (await workbook((wb) => wb.addWorksheet('A').addRow(['x']))).subarray(0, 300);
    expect((await problemOf(truncated)).code).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a ZIP whose entries claim to unpack to more than 200 MB, before unpacking', async () => {
    const content = await workbook((wb) => wb.addWorksheet('A').addRow(['x']));
    const end = content.lastIndexOf(Buffer.from('504b0506', 'hex'));
    const central = content.readUInt32LE(end + 16);
    content.writeUInt32LE(300 * 1024 * 1024, central + 24);
    expect((await problemOf(content)).errors).toEqual({ file: ['nội dung giải nén vượt quá giới hạn'] });
  });
});
