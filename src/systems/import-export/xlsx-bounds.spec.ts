import ExcelJS from 'exceljs';
import { hostileSheetBytes, hostileXlsx, ISSUE_16_BOMB, understated } from '../../../test/support/hostile-xlsx';
import { readerOrder, XlsxBounds, xlsxBreach } from './xlsx-bounds';

const OPEN: XlsxBounds = { unpackedBytes: 1e12, entries: 1e6, rowsPerSheet: 1e9, cellsPerSheet: 1e9, cellsPerRow: 1e9, sharedStrings: 1e9 };

const entryNames = (parts: Buffer[]) =>
  parts.flatMap((part) => (part.readUInt32LE(0) === 0x04034b50 ? [part.toString('utf8', 30, 30 + part.readUInt16LE(26))] : []));

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsxBreach', () => {
  it('refuses the issue-16 file by its declared size without unpacking it, and by the bytes it really unpacks to when the sizes lie', async () => {
    const bomb = await hostileXlsx(ISSUE_16_BOMB);
    expect(hostileSheetBytes(ISSUE_16_BOMB)).toBeGreaterThan(199_000_000);
    expect(bomb.length).toBeLessThan(600_000);
    expect(await xlsxBreach(bomb, { ...OPEN, unpackedBytes: 40e6 })).toBe('unpacked');
    const lying = understated(bomb);
    expect(await xlsxBreach(lying, OPEN)).toBeUndefined();
    const started = Date.now();
    expect(await xlsxBreach(lying, { ...OPEN, unpackedBytes: 40e6 })).toBe('unpacked');
    expect(await xlsxBreach(lying, { ...OPEN, cellsPerSheet: 1e6 })).toBe('cells');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts every cell exactly, tags cut between chunks included', async () => {
    // 40 rows of 16,384 cells: 9.8 MB of XML, about forty chunks of the inflater.
    const sheet = { rows: 40, cellsPerRow: 16_384 };
    const file = understated(await hostileXlsx(sheet));
    expect(await xlsxBreach(file, { ...OPEN, cellsPerSheet: 40 * 16_384 })).toBeUndefined();
    expect(await xlsxBreach(file, { ...OPEN, cellsPerSheet: 40 * 16_384 - 1 })).toBe('cells');
    expect(await xlsxBreach(file, { ...OPEN, rowsPerSheet: 40 })).toBeUndefined();
    expect(await xlsxBreach(file, { ...OPEN, rowsPerSheet: 39 })).toBe('rows');
    expect(await xlsxBreach(file, { ...OPEN, cellsPerRow: 16_384 })).toBeUndefined();
    expect(await xlsxBreach(file, { ...OPEN, cellsPerRow: 16_383 })).toBe('cells-per-row');
    const bytes = hostileSheetBytes(sheet);
    expect(await xlsxBreach(file, { ...OPEN, unpackedBytes: bytes + 2000 })).toBeUndefined();
    expect(await xlsxBreach(file, { ...OPEN, unpackedBytes: bytes - 1 })).toBe('unpacked');
  });

  it('counts the shared strings exceljs would keep in memory, and the parts of the package', async () => {
    const file = await workbook((wb) => wb.addWorksheet('A').addRows(Array.from({ length: 50 }, (_, i) => [`chuỗi ${i}`])));
    expect(await xlsxBreach(file, { ...OPEN, sharedStrings: 50 })).toBeUndefined();
    expect(await xlsxBreach(file, { ...OPEN, sharedStrings: 49 })).toBe('shared-strings');
    expect(await xlsxBreach(file, { ...OPEN, entries: 3 })).toBe('entries');
  });

  it('finds a damaged file: cut short, or not a ZIP at all', async () => {
    const file = await workbook((wb) => wb.addWorksheet('A').addRow(['x']));
    expect(await xlsxBreach(file.subarray(0, file.length - 30), OPEN)).toBe('damaged');
    const cut = Buffer.concat([file.subarray(0, 200), file.subarray(file.lastIndexOf(Buffer.from('504b0102', 'hex')))]);
    expect(await xlsxBreach(cut, OPEN)).toBe('damaged');
    expect(await xlsxBreach(Buffer.from('504b0304', 'hex'), OPEN)).toBe('damaged');
  });

  it('sees an entry that only the streaming reader meets, missing from the central directory', async () => {
    const bomb = await hostileXlsx({ rows: 100, cellsPerRow: 16_384 });
    const innocent = await workbook((wb) => wb.addWorksheet('A').addRow(['x']));
    const firstCentral = innocent.indexOf(Buffer.from('504b0102', 'hex'));
    const central = innocent.subarray(firstCentral);
    // The bomb's local entries, then the innocent file's central directory (its offsets now point elsewhere).
    const locals = bomb.subarray(0, bomb.indexOf(Buffer.from('504b0102', 'hex')));
    const hidden = Buffer.concat([locals, central]);
    hidden.writeUInt32LE(locals.length, hidden.lastIndexOf(Buffer.from('504b0506', 'hex')) + 16);
    expect(await xlsxBreach(hidden, { ...OPEN, cellsPerSheet: 1e6 })).toBe('cells');
  });
});

describe('readerOrder', () => {
  it('puts the workbook, its relationships, the shared strings and the styles before the sheets, keeping every entry', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('A').addRow(['x']);
      wb.addWorksheet('B').addRow(['y']);
    });
    const parts = readerOrder(file);
    const names = entryNames(parts);
    expect(names.slice(0, 4)).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']);
    expect(names.filter((n) => n.startsWith('xl/worksheets/sheet'))).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    expect(Buffer.concat(parts).length).toBe(file.length);
  });

  it('adds an empty shared-strings part to a file without one', async () => {
    const parts = readerOrder(await hostileXlsx({ rows: 1, cellsPerRow: 1 }));
    expect(entryNames(parts)[0]).toBe('xl/sharedStrings.xml');
    expect(parts[0].toString('utf8')).toContain('<sst ');
  });
});
