import ExcelJS from 'exceljs';
import { readSheetFile, SheetRow } from '../systems/import-export/sheet-file';
import { ACCOUNT_SHEET_NAME, readAccountSheet, roleOfCell, rowIsValid } from './account-sheet';

const sheet = (...rows: (string | null)[][]): SheetRow[] => rows.map((cells, i) => ({ number: i + 1, cells }));
const VI_HEADER = ['Tên đăng nhập', 'Họ và tên', 'Chức vụ', 'Thư điện tử', 'Mã cơ quan', 'Vai trò'];

describe('the accounts sheet (issue 22)', () => {
  it('reads the Vietnamese columns, lower-cases usernames and upper-cases agency codes', () => {
    const rows = readAccountSheet(
      sheet(VI_HEADER, [' NguyenVanA ', 'Nguyễn Văn A', 'Chuyên viên', 'a@sonla.gov.vn', 'sl-stttt', 'Cán bộ cơ quan, đơn vị']),
    );
    expect(rows).toEqual([
      {
        row: 2,
        username: 'nguyenvana',
        fullName: 'Nguyễn Văn A',
        title: 'Chuyên viên',
        email: 'a@sonla.gov.vn',
        agencyCode: 'SL-STTTT',
        role: 'AGENCY_OFFICER',
        errors: {},
      },
    ]);
  });

  it('reads English titles in any order, with "Email", after a heading line', () => {
    const rows = readAccountSheet(
      sheet(
        ['Danh sách tài khoản Sở TT&TT'],
        ['Role', 'Agency code', 'Email', 'Full name', 'Username'],
        ['AGENCY_HEAD', 'SL-A', null, 'Lò Văn B', 'lovanb'],
      ),
    );
    expect(rows[0]).toMatchObject({
      row: 3,
      username: 'lovanb',
      fullName: 'Lò Văn B',
      role: 'AGENCY_HEAD',
      agencyCode: 'SL-A',
      email: null,
    });
    expect(rowIsValid(rows[0])).toBe(true);
  });

  it('takes a role by its code or its Vietnamese label, case and tone marks aside', () => {
    expect(roleOfCell('admin')).toBe('ADMIN');
    expect(roleOfCell('Agency_Officer')).toBe('AGENCY_OFFICER');
    expect(roleOfCell('Quản trị viên')).toBe('ADMIN');
    expect(roleOfCell('lanh dao co quan, don vi')).toBe('AGENCY_HEAD');
    expect(roleOfCell('Cán bộ thẩm định')).toBe('APPRAISER');
    expect(roleOfCell('Giám đốc')).toBeUndefined();
    expect(roleOfCell('')).toBeUndefined();
  });

  it("reports each row's problems in Vietnamese, by field, and skips blank rows", () => {
    const rows = readAccountSheet(
      sheet(
        VI_HEADER,
        ['nguyễn văn', '', null, 'khong-phai-email', null, 'Giám đốc'],
        [null, null, null, null, null, null],
        ['cb01', 'Cán bộ 1', null, null, null, 'AGENCY_OFFICER'],
        ['ADMIN2', 'Quản trị 2', null, null, null, 'ADMIN'],
        ['admin2', 'Trùng', null, null, null, 'ADMIN'],
      ),
    );
    expect(rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(rows[0].errors).toEqual({
      username: ['chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (3–64 ký tự)'],
      fullName: ['bắt buộc'],
      email: ['thư điện tử không hợp lệ'],
      role: [expect.stringContaining('không có vai trò "Giám đốc"')],
    });
    expect(rows[1].errors).toEqual({ agencyCode: ['bắt buộc với vai trò này'] });
    expect(rowIsValid(rows[2])).toBe(true);
    expect(rows[3].errors).toEqual({ username: ['trùng với dòng 5'] });
  });

  it('refuses a file without the header, or without a required column, or without any account', () => {
    expect(() => readAccountSheet(sheet(['a', 'b'], ['c', 'd']))).toThrow(/Không tìm thấy dòng tiêu đề/);
    expect(() => readAccountSheet(sheet(['Tên đăng nhập', 'Họ và tên'], ['x1', 'X']))).toThrow(/thiếu cột "Vai trò"/);
    expect(() => readAccountSheet(sheet(VI_HEADER))).toThrow(/không có dòng tài khoản nào/);
  });

  it('reads the same accounts from an .xlsx and from a UTF-8 CSV with ";"', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['Không phải trang này']);
    const ws = workbook.addWorksheet(ACCOUNT_SHEET_NAME);
    ws.addRow(VI_HEADER);
    ws.addRow(['tranthic', 'Trần Thị C', 'Phó Giám đốc', null, 'SL-A', 'Lãnh đạo cơ quan, đơn vị']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const csv = Buffer.from(`${VI_HEADER.join(';')}\ntranthic;Trần Thị C;Phó Giám đốc;;SL-A;Lãnh đạo cơ quan, đơn vị\n`, 'utf8');
    const fromXlsx = readAccountSheet(await readSheetFile(xlsx, ACCOUNT_SHEET_NAME));
    const fromCsv = readAccountSheet(await readSheetFile(csv, ACCOUNT_SHEET_NAME));
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv[0]).toMatchObject({ username: 'tranthic', role: 'AGENCY_HEAD', title: 'Phó Giám đốc', agencyCode: 'SL-A' });
  });
});
