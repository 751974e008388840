import iconv from 'iconv-lite';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCsv } from './sheet-file';
import { parseColumnMapping, readImport } from './import-reading';
import { PROVINCE_DEFAULTS, PROVINCE_SYSTEMS, provinceWorkbook, windows1258 } from './province-sheet.fixtures';

const file = (buffer: Buffer) => ({ buffer, size: buffer.length });
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe("a province's own spreadsheet (issue 21)", () => {
  it('asks only for what is truly missing: the type, the information and the state, not the header of the template', async () => {
    const error = await refusal(readImport(file(await provinceWorkbook())));
    expect(error.code).toBe('IMPORT_FILE_INVALID');
    expect(error.detail).not.toContain('dòng đầu tiên phải là dòng tiêu đề');
    expect(error.detail).toContain('dòng 5, 6');
    expect(error.errors).toEqual({ file: ['thiếu cột "Loại hệ thống"', 'thiếu cột "Loại thông tin"', 'thiếu cột "Trạng thái"'] });
    const sheet = (error.extra as { sheet: { columns: { letter: string; field: string | null }[] } }).sheet;
    expect(sheet.columns.map((c) => c.field)).toEqual([
      null,
      'name',
      'ownerAgencyCode',
      'operatorAgencyCode',
      'approvedLevel',
      'approvalDecisionNumber',
      'approvalDecisionDate',
      null,
    ]);
  });

  it('reads the systems under the header, passing over numbering and section rows, stopping at "Tổng cộng"', async () => {
    const { header, inputs } = await readImport(file(await provinceWorkbook()), { defaults: PROVINCE_DEFAULTS });
    expect(header.rows).toEqual([5, 6]);
    expect(inputs.map((i) => i.row)).toEqual([9, 11, 12]);
    expect(inputs.map((i) => i.parsed.errors)).toEqual([[], [], []]);
    const [first, second, third] = inputs.map((i) => i.parsed.values);
    expect(first).toMatchObject({
      name: PROVINCE_SYSTEMS[0].name,
      code: 'CONG-THONG-TIN-DIEN-TU-SO-XAY-DUNG',
      approvedLevel: 2,
      approvalDecisionNumber: '125/QĐ-UBND',
      approvalDecisionDate: '2025-09-30',
      approvalDecisionIssuer: 'UBND tỉnh Sơn La',
      systemType: 'INTERNAL',
      infoTypes: ['PUBLIC'],
      lifecycle: 'IN_OPERATION',
    });
    // Dates as text dd/mm/yyyy and levels as "Cấp độ 2" are read too; names stay as written for agency-names.ts.
    expect(second).toMatchObject({ approvedLevel: 2, approvalDecisionDate: '2025-10-15' });
    expect(inputs[1].agencyTexts).toEqual({ owner: 'Ủy ban nhân dân xã Đoàn Kết', operator: undefined });
    // The issuer given for the list goes only to rows with a decision: a row without a level gets none.
    expect(third).toMatchObject({ approvedLevel: null, approvalDecisionNumber: null });
    expect(third.approvalDecisionIssuer).toBeUndefined();
  });

  it('takes a column the user mapped (Ghi chú → Mô tả)', async () => {
    const { inputs } = await readImport(file(await provinceWorkbook()), { defaults: PROVINCE_DEFAULTS, columns: { H: 'description' } });
    expect(inputs[1].parsed.values.description).toBe('Đang nâng cấp');
  });

  it('reads the same list saved as CSV in Windows-1258 with ";", with title rows above', async () => {
    const csv = [
      'DANH MỤC HỆ THỐNG THÔNG TIN',
      '',
      'STT;Tên hệ thống thông tin;Cơ quan chủ quản;Loại hệ thống;Loại thông tin;Trạng thái',
      '1;Hệ thống một cửa điện tử xã Đoàn Kết;UBND xã Đoàn Kết;Hệ thống thông tin phục vụ hoạt động nội bộ;Thông tin công cộng;Đang vận hành',
      'Tổng cộng;1',
    ].join('\r\n');
    const { inputs } = await readImport(file(windows1258(csv)));
    expect(inputs).toHaveLength(1);
    expect(inputs[0].parsed.errors).toEqual([]);
    expect(inputs[0].parsed.values.name).toBe('Hệ thống một cửa điện tử xã Đoàn Kết');
    expect(inputs[0].parsed.values.name).toBe(inputs[0].parsed.values.name!.normalize('NFC'));
    expect(inputs[0].agencyTexts.owner).toBe('UBND xã Đoàn Kết');
  });
});

describe('decodeCsv: the encoding a CSV was saved in', () => {
  const text = 'Tên hệ thống;Cơ quan chủ quản\r\nCổng thông tin;Sở Y tế';

  it.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-8 without one', Buffer.from(text)],
    ['UTF-16 LE by its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['UTF-16 BE by its byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['Windows-1258, tones as combining marks, normalised to NFC', windows1258(text)],
  ])('%s', (_, bytes) => {
    const decoded = decodeCsv(bytes);
    expect(decoded).toBe(text);
  });

  it('Windows-1258 really is written with separate tone marks (the fixture is honest)', () => {
    expect(iconv.decode(windows1258('ệ'), 'windows1258')).toBe('ê\u0323');
  });
});

describe('parseColumnMapping', () => {
  it('reads the JSON field of the API', () => {
    expect(parseColumnMapping('{"columns":{"H":"description","I":"ignore"},"defaults":{"lifecycle":"Đang vận hành"}}')).toEqual({
      columns: { H: 'description', I: 'ignore' },
      defaults: { lifecycle: 'Đang vận hành' },
    });
    expect(parseColumnMapping(undefined)).toEqual({});
    expect(parseColumnMapping(' ')).toEqual({});
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an unknown key', '{"x":1}'],
    ['a column that is not a letter', '{"columns":{"../etc":"name"}}'],
    ['an unknown field', '{"columns":{"A":"password"}}'],
    ['an unknown default', '{"defaults":{"id":"x"}}'],
    ['a default that is not text', '{"defaults":{"name":5}}'],
  ])('refuses %s with the field marked', (_, text) => {
    let error: unknown;
    try {
      parseColumnMapping(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect(Object.keys((error as DomainError).errors!)).toEqual(['mapping']);
  });
});
