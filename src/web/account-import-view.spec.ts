import { DomainError } from '../common/errors/domain-error';
import { accountImportRows, ImportReport, refusedReport } from './account-import-view';

const row = (n: number, extra: Partial<ImportReport['rows'][number]> = {}): ImportReport['rows'][number] => ({
  row: n,
  username: `canbo${n}`,
  fullName: `Cán bộ ${n}`,
  title: null,
  email: null,
  agencyCode: 'SL-SO-XD',
  role: 'AGENCY_OFFICER',
  ok: true,
  errors: {},
  ...extra,
});

describe('the bulk accounts page', () => {
  it("titles each row's errors with its column, in the sheet's order, and names the role in Vietnamese", () => {
    const report: ImportReport = {
      dryRun: true,
      totalRows: 2,
      validRows: 1,
      rows: [
        row(2),
        row(3, { ok: false, role: null, errors: { role: ['không nhận ra "Sếp"'], username: ['đã có tài khoản với tên đăng nhập này'] } }),
      ],
      created: [],
    };
    const [good, bad] = accountImportRows(report);
    expect(good).toMatchObject({ row: 2, roleLabel: 'Cán bộ cơ quan, đơn vị', ok: true, messages: [], title: '', email: '' });
    expect(good.temporaryPassword).toBeUndefined();
    expect(bad.messages).toEqual(['Tên đăng nhập: đã có tài khoản với tên đăng nhập này', 'Vai trò: không nhận ra "Sếp"']);
    expect(bad.roleLabel).toBe('');
  });

  it("puts each new account's temporary password beside its row after the import", () => {
    const report: ImportReport = {
      dryRun: false,
      totalRows: 1,
      validRows: 1,
      rows: [row(2)],
      created: [{ row: 2, id: 'id-2', username: 'canbo2', fullName: 'Cán bộ 2', temporaryPassword: 'Hq7k-mZ3p-Rt8w-Xy2b' }],
    };
    expect(accountImportRows(report)[0]).toMatchObject({ id: 'id-2', temporaryPassword: 'Hq7k-mZ3p-Rt8w-Xy2b' });
  });

  it('takes the rows from a refused import, and nothing from a refused file', () => {
    const report: ImportReport = { dryRun: false, totalRows: 1, validRows: 0, rows: [row(2, { ok: false })], created: [] };
    expect(refusedReport(new DomainError('IMPORT_ROWS_INVALID', 'Có 1 dòng lỗi', {}, { report }))).toBe(report);
    expect(refusedReport(new DomainError('IMPORT_FILE_INVALID', 'Tệp trống', { file: ['tệp trống'] }))).toBeUndefined();
    expect(refusedReport(new Error('x'))).toBeUndefined();
  });
});
