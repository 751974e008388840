import ExcelJS from 'exceljs';
import { DomainError } from '../../common/errors/domain-error';
import { hostileXlsx, ISSUE_16_BOMB, understated } from '../../../test/support/hostile-xlsx';
import { readSheetFile, writeCsv } from './sheet-file';

// exceljs copies a sheet it cannot read yet to a temporary file with this module; it ships no types.

const tmp = require('tmp') as { file: (...args: unknown[]) => unknown };

const problemOf2 = async (content: Buffer, maxDataRows: number) => {
  const error = await readSheetFile(content, 'Hệ thống thông tin', maxDataRows).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

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

  it('refuses binary bytes and text with control characters, whatever the encoding', async () => {
    expect((await problemOf(Buffer.from('89504e470d0a1a0a', 'hex'))).errors).toEqual({ file: ['nội dung không phải văn bản CSV'] });
    expect((await problemOf(Buffer.from('abc\u0000\u0001def'))).errors).toEqual({ file: ['nội dung không phải văn bản CSV'] });
    expect((await problemOf(Buffer.from('abc\u0000\u0001def'))).detail).toContain('Windows-1258');
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

  it('defuses every part Excel may split a cell into, keeps numbers, and reads all back as written', async () => {
    const values = ['a;=1+1', 'x,@SUM(1)', "'=đã có dấu nháy", 'Cổng\t+84'];
    const csv = writeCsv([['Tên', 'Số'], ...values.map((v) => [v, -5])]).toString('utf8');
    expect(csv).toContain(`"a;'=1+1",-5`);
    expect(csv).toContain(`"x,'@SUM(1)",-5`);
    expect(csv).toContain(`"Cổng\t'+84",-5`);
    const rows = await readSheetFile(Buffer.from(csv), 'x');
    expect(rows.slice(1).map((r) => r.cells)).toEqual(values.map((v) => [v, '-5']));
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
      sheet.getRow(3).values = [
        { richText: [{ text: 'QL' }, { text: 'VB' }] },
        { formula: 'UPPER("a")', result: 'A' },
        new Date(Date.UTC(2025, 8, 30)),
        12,
      ] as ExcelJS.CellValue[];
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
    expect((await problemOf(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100, 7)]))).errors).toEqual({
      file: ['tệp ZIP bị hỏng'],
    });
    const truncated = (await workbook((wb) => wb.addWorksheet('A').addRow(['x']))).subarray(0, 300);
    expect((await problemOf(truncated)).code).toBe('IMPORT_FILE_INVALID');
  });

  it('refuses a ZIP whose entries claim to unpack to more than 40 MB, before unpacking, with 413', async () => {
    const content = await workbook((wb) => wb.addWorksheet('A').addRow(['x']));
    const end = content.lastIndexOf(Buffer.from('504b0506', 'hex'));
    const central = content.readUInt32LE(end + 16);
    content.writeUInt32LE(41 * 1024 * 1024, central + 24);
    const problem = await problemOf(content);
    expect({ code: problem.code, errors: problem.errors }).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      errors: { file: ['nội dung giải nén vượt quá giới hạn'] },
    });
  });

  it('refuses the issue-16 file (199 MB of <c><v>1</v></c> in 390 kB) at once, and again when its ZIP understates the sizes', async () => {
    const bomb = await hostileXlsx(ISSUE_16_BOMB);
    for (const content of [bomb, understated(bomb)]) {
      const started = Date.now();
      const problem = await problemOf(content);
      expect(problem.code).toBe('PAYLOAD_TOO_LARGE');
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect((await problemOf(understated(bomb))).errors).toEqual({ file: ['quá nhiều ô'] });
  });

  it('stops at the row cap (header and one spare row aside), in xlsx and CSV', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`HT-${i}`, i]);
    const fits = await workbook((wb) => wb.addWorksheet('Hệ thống thông tin').addRows([['Mã', 'Số'], ...rows(101)]));
    expect(await readSheetFile(fits, 'Hệ thống thông tin', 100)).toHaveLength(102);
    const over = await workbook((wb) => wb.addWorksheet('Hệ thống thông tin').addRows([['Mã', 'Số'], ...rows(102)]));
    expect((await problemOf2(over, 100)).errors).toEqual({ file: ['quá nhiều dòng'] });
    const csv = writeCsv([['Mã', 'Số'], ...rows(102)]);
    expect((await problemOf2(csv, 100)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('streams every sheet without copying it to a temporary file, even with the workbook part last or no shared strings', async () => {
    const copies = jest.spyOn(tmp, 'file');
    const noStrings = await hostileXlsx({ rows: 3, cellsPerRow: 4, cellReferences: true });
    expect(await readSheetFile(noStrings, 'Hệ thống thông tin')).toEqual([1, 2, 3].map((number) => ({ number, cells: [1, 1, 1, 1] })));
    // exceljs writes its workbook part last, after the sheets and the shared strings.
    const exceljs = await workbook((wb) => wb.addWorksheet('Hệ thống thông tin').addRow(['Mã', new Date(Date.UTC(2025, 0, 2))]));
    expect(await readSheetFile(exceljs, 'Hệ thống thông tin')).toEqual([{ number: 1, cells: ['Mã', new Date(Date.UTC(2025, 0, 2))] }]);
    expect(copies).not.toHaveBeenCalled();
    copies.mockRestore();
  });

  it('reads only the first 100 columns of a row', async () => {
    const content = await workbook((wb) => {
      const sheet = wb.addWorksheet('Hệ thống thông tin');
      sheet.getCell('A1').value = 'Mã';
      sheet.getCell('XFD1').value = 'xa';
      sheet.getCell('CV2').value = 'cột 100';
    });
    expect(await readSheetFile(content, 'Hệ thống thông tin')).toEqual([
      { number: 1, cells: ['Mã'] },
      { number: 2, cells: [...Array(99).fill(null), 'cột 100'] },
    ]);
  });
});
