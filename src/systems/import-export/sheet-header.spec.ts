import { CellValue, HEADER_ROW } from './system-columns';
import { columnLetter, derivedCode, detectHeader, HeaderSourceRow, roleOfTitle, rowKind, SheetHeader } from './sheet-header';

const rows = (...cells: CellValue[][]): HeaderSourceRow[] => cells.map((c, i) => ({ number: i + 1, cells: c }));
const fieldsOf = (header: SheetHeader | undefined) => header!.columns.map((c) => c.field);

describe('column titles a province writes (issue 21)', () => {
  it.each([
    ['TT', 'numbering'],
    ['S.T.T', 'numbering'],
    ['Số thứ tự', 'numbering'],
    ['Tên hệ thống thông tin', 'name'],
    ['TÊN HỆ THỐNG', 'name'],
    ['Cơ quan chủ quản', 'ownerAgencyCode'],
    ['Mã cơ quan chủ quản (*)', 'ownerAgencyCode'],
    ['Đơn vị vận hành', 'operatorAgencyCode'],
    ['Cấp độ đã được phê duyệt', 'approvedLevel'],
    ['Số quyết định', 'approvalDecisionNumber'],
    ['Ngày phê duyệt', 'approvalDecisionDate'],
    ['Quyết định phê duyệt Số', 'approvalDecisionNumber'],
    ['Quyết định phê duyệt Ngày', 'approvalDecisionDate'],
    ['Số quyết định phê duyệt cấp độ của UBND', 'approvalDecisionNumber'],
    ['loai thong tin', 'infoTypes'],
  ])('"%s" is %s, without diacritics, case or punctuation', (title, role) => {
    expect(roleOfTitle(title)).toBe(role);
  });

  it('leaves titles it does not know, and does not take a title row for a column', () => {
    expect(roleOfTitle('Ghi chú')).toBeNull();
    expect(roleOfTitle('Cấp độ đề xuất')).toBeNull();
    expect(roleOfTitle('DANH MỤC HỆ THỐNG THÔNG TIN ĐÃ ĐƯỢC PHÊ DUYỆT CẤP ĐỘ')).toBeNull();
  });

  it('names columns by letter as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('detectHeader', () => {
  it("finds capdo's template header on the first row, nothing derived or missing", () => {
    const header = detectHeader(rows([...HEADER_ROW], ['SL-SO-XD']))!;
    expect(header.rows).toEqual([1]);
    expect(header.missing).toEqual([]);
    expect(header.derived).toEqual([]);
    expect(header.dataStart).toBe(1);
  });

  it('finds the header below title rows and joins a two-row header under a merged cell', () => {
    const header = detectHeader(
      rows(
        ['ỦY BAN NHÂN DÂN TỈNH SƠN LA'],
        ['DANH MỤC HỆ THỐNG THÔNG TIN ĐÃ ĐƯỢC PHÊ DUYỆT CẤP ĐỘ'],
        ['TT', 'Tên hệ thống thông tin', 'Cơ quan chủ quản', 'Cấp độ đã được phê duyệt', 'Quyết định phê duyệt', null, 'Ghi chú'],
        [null, null, null, null, 'Số', 'Ngày', null],
        [1, 'Cổng thông tin', 'Sở Xây dựng', 2, '1/QĐ', '01/01/2025'],
      ),
    )!;
    expect(header.rows).toEqual([3, 4]);
    expect(header.dataStart).toBe(4);
    expect(fieldsOf(header)).toEqual([
      null,
      'name',
      'ownerAgencyCode',
      'approvedLevel',
      'approvalDecisionNumber',
      'approvalDecisionDate',
      null,
    ]);
    expect(header.columns[0].numbering).toBe(true);
    expect(header.columns[6]).toMatchObject({ letter: 'G', title: 'Ghi chú', recognised: false });
    // No code column: the code is made from the name. Type, information and state are truly missing.
    expect(header.derived).toEqual(['code']);
    expect(header.missing.map((c) => c.field)).toEqual(['systemType', 'infoTypes', 'lifecycle']);
  });

  it('also reads a merged title that Excel repeats in every cell it spans', () => {
    const header = detectHeader(
      rows(['TT', 'Tên hệ thống', 'Quyết định phê duyệt', 'Quyết định phê duyệt'], ['TT', 'Tên hệ thống', 'Số', 'Ngày']),
    )!;
    expect(fieldsOf(header)).toEqual([null, 'name', 'approvalDecisionNumber', 'approvalDecisionDate']);
  });

  it('takes a single header row rather than joining it with the first data row', () => {
    const header = detectHeader(rows([...HEADER_ROW], ['SL-SO-XD', 'QLVB', 'Quản lý văn bản']))!;
    expect(header.rows).toEqual([1]);
    expect(fieldsOf(header).slice(0, 3)).toEqual(['ownerAgencyCode', 'code', 'name']);
  });

  it("applies the user's mapping: a column chosen, a column ignored, and a value for all rows", () => {
    const header = detectHeader(rows(['Tên hệ thống', 'Cơ quan chủ quản', 'Ghi chú', 'Phân nhóm']), {
      columns: { C: 'description', D: 'ignore' },
      defaults: { systemType: 'Nội bộ', infoTypes: 'Thông tin công cộng', lifecycle: 'Đang vận hành' },
    })!;
    expect(fieldsOf(header)).toEqual(['name', 'ownerAgencyCode', 'description', null]);
    expect(header.missing).toEqual([]);
  });

  it('keeps a numbering column the mapping leaves out as numbering, so section rows are still passed over', () => {
    const header = detectHeader(rows(['TT', 'Tên hệ thống', 'Cơ quan chủ quản']), { columns: { A: 'ignore', B: 'name' } })!;
    expect(header.columns[0]).toMatchObject({ field: null, numbering: true });
    expect(rowKind(['II', 'Khối xã, phường'], header)).toBe('skip');
  });

  it('reports two columns taken for the same field', () => {
    const header = detectHeader(rows(['Tên hệ thống', 'Tên hệ thống thông tin', 'Cơ quan chủ quản']))!;
    expect(header.duplicated.map((c) => c.field)).toEqual(['name']);
  });

  it('falls back to the first row with data when no row names two known columns', () => {
    const header = detectHeader(rows([], ['Một', 'Hai'], ['Ba']))!;
    expect(header.rows).toEqual([2]);
    expect(header.missing.length).toBeGreaterThan(0);
  });

  it('has no header in a file without data', () => {
    expect(detectHeader(rows([], [null, '']))).toBeUndefined();
  });
});

describe('rowKind', () => {
  const header = detectHeader(rows(['TT', 'Tên hệ thống', 'Cơ quan chủ quản', 'Ghi chú']))!;

  it('stops at the "Tổng cộng" / "Cộng" footer, but not at a system called "Cổng …"', () => {
    expect(rowKind(['Tổng cộng', '3 hệ thống'], header)).toBe('end');
    expect(rowKind([null, 'Cộng:', 3], header)).toBe('end');
    expect(rowKind(['TỔNG SỐ'], header)).toBe('end');
    expect(rowKind([4, 'Cổng thông tin điện tử', 'Sở Y tế'], header)).toBe('data');
    expect(rowKind(['Cổng dịch vụ công', 'Sở Y tế'], header)).toBe('data');
  });

  it('passes over the row of column numbers, a lone number, and section rows', () => {
    expect(rowKind(['(1)', '(2)', '(3)', '(4)'], header)).toBe('skip');
    expect(rowKind([1, 2, 3, 4], header)).toBe('skip');
    expect(rowKind([7], header)).toBe('skip');
    expect(rowKind(['II', 'Khối xã, phường'], header)).toBe('skip');
    expect(rowKind(['A.', 'Cấp tỉnh'], header)).toBe('skip');
    expect(rowKind([null, ''], header)).toBe('skip');
    expect(rowKind(['I', 'Hệ thống một cửa', 'Sở Y tế'], header)).toBe('data');
  });
});

describe('derivedCode', () => {
  it('makes a valid, stable system code from the name', () => {
    expect(derivedCode('Cổng thông tin điện tử xã Đoàn Kết')).toBe('CONG-THONG-TIN-DIEN-TU-XA-DOAN-KET');
    expect(derivedCode('  Hệ thống "một cửa" (2025) ')).toBe('HE-THONG-MOT-CUA-2025');
    const long = derivedCode('Hệ thống thông tin giải quyết thủ tục hành chính và quản lý văn bản điều hành tỉnh Sơn La');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[A-Z0-9][A-Z0-9-]*[A-Z0-9]$/);
  });
});
