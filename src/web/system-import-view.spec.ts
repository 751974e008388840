import { DomainError } from '../common/errors/domain-error';
import { ImportReportDto } from '../systems/import-export/import-export.dto';
import { askedValues, mappingFromForm, previewRows, refusalReport } from './system-import-view';

const SHEET = {
  headerRows: [5, 6],
  columns: [
    { letter: 'A', title: 'TT', field: null, numbering: true, recognised: true },
    { letter: 'B', title: 'Tên hệ thống thông tin', field: 'name', numbering: false, recognised: true },
    { letter: 'C', title: 'Cơ quan chủ quản', field: 'ownerAgencyCode', numbering: false, recognised: true },
    { letter: 'D', title: 'Cấp độ đã được phê duyệt', field: 'approvedLevel', numbering: false, recognised: true },
  ],
  missing: ['systemType'],
  derived: ['code'],
};

describe('the import page preview (issue 21)', () => {
  it('reads the mapping from the form, leaving out made-up columns and fields', () => {
    expect(
      mappingFromForm({
        token: 'x',
        'cot-A': 'ignore',
        'cot-H': 'description',
        'cot-B': 'password',
        'cot-../x': 'name',
        'chung-lifecycle': ' Đang vận hành ',
        'chung-infoTypes': ['Thông tin công cộng', 'Thông tin riêng'],
        'chung-id': 'x',
        'chung-description': '',
      }),
    ).toEqual({
      columns: { A: 'ignore', H: 'description' },
      defaults: { lifecycle: 'Đang vận hành', infoTypes: 'Thông tin công cộng; Thông tin riêng' },
    });
  });

  it('asks only for what the file lacks: the missing required column, and the issuer its decisions need', () => {
    const asked = askedValues(SHEET, ['Cơ quan ban hành quyết định', 'Mã cơ quan chủ quản'], {});
    expect(asked.map((a) => a.field)).toEqual(['systemType', 'approvalDecisionIssuer']);
    expect(asked[0].options?.length).toBeGreaterThan(1);
    expect(askedValues(SHEET, [], { defaults: { infoTypes: 'Thông tin riêng' } }).find((a) => a.field === 'infoTypes')).toMatchObject({
      multiple: true,
      value: 'Thông tin riêng',
    });
  });

  it("lists every row in the file's order, errors naming the file's column letter and title", () => {
    const report = {
      sheet: SHEET,
      rows: [{ row: 12, code: 'B', ownerAgencyCode: 'SL-SO-YT', name: 'Hệ thống B', action: 'CREATE', priorApproval: 'CLAIMED' }],
      errors: [
        { row: 9, name: 'Hệ thống A', column: 'Mã cơ quan chủ quản', message: 'không có cơ quan "X" (mã hoặc tên)' },
        { row: 9, name: 'Hệ thống A', column: 'Loại hệ thống', message: 'bắt buộc nhập' },
      ],
    } as unknown as ImportReportDto;
    const rows = previewRows(report);
    expect(rows.map((r) => [r.row, r.ok, r.outcome])).toEqual([
      [9, false, 'Lỗi'],
      [12, true, 'Sẽ tạo mới; cấp độ đã phê duyệt thành kê khai chờ xác nhận'],
    ]);
    expect(rows[0].messages).toEqual(['cột C (Cơ quan chủ quản): không có cơ quan "X" (mã hoặc tên)', 'Loại hệ thống: bắt buộc nhập']);
    expect(previewRows(report, true)[1].outcome).toMatch(/^Đã tạo mới/);
  });

  it('takes the report or the header from a refusal, nothing from other errors', () => {
    expect(refusalReport(new DomainError('IMPORT_FILE_INVALID', 'x', {}, { sheet: SHEET })).sheet).toBe(SHEET);
    expect(refusalReport(new DomainError('FORBIDDEN'))).toEqual({ report: undefined, sheet: undefined });
    expect(refusalReport(new Error('x'))).toEqual({});
  });
});
