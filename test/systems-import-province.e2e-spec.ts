import iconv from 'iconv-lite';
import { PROVINCE_DEFAULTS, PROVINCE_SYSTEMS, provinceWorkbook, windows1258 } from '../src/systems/import-export/province-sheet.fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

interface Report {
  sheet: { headerRows: number[]; columns: { letter: string; title: string; field: string | null }[]; derived: string[] };
  created: number;
  unchanged: number;
  priorApprovalClaims: number;
  errors: { row: number; column: string; message: string; name?: string }[];
  rows: { row: number; code: string; ownerAgencyCode: string; name: string; action: string }[];
}

/**
 * Issue 21: the API's import reads a province's own list (title rows, merged two-row header, its own column names,
 * agency names, numbering and footer rows), CSV in Windows-1258 or UTF-16, and takes an optional column mapping.
 */
describe("POST /api/v1/systems/import with a province's own list", () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const MAPPING = JSON.stringify({ defaults: PROVINCE_DEFAULTS, columns: { H: 'description' } });
  const upload = (token: string, content: Buffer, name: string, query = '', mapping?: string) => {
    const req = t.http().post(`/api/v1/systems/import${query}`).set(as(token)).attach('file', content, name);
    return mapping === undefined ? req : req.field('mapping', mapping);
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, officer] = await Promise.all([t.login('admin'), t.login('canbo.sl-so-xd')]);
  });
  afterAll(() => t?.close());

  it('no longer refuses the list for its header: it names only the columns truly missing, with the header it found', async () => {
    const body = expectProblem(await upload(admin, await provinceWorkbook(), 'danh-muc.xlsx', '?dryRun=true'), 422, 'IMPORT_FILE_INVALID');
    expect(body.detail).not.toContain('dòng đầu tiên phải là dòng tiêu đề');
    expect(body.errors).toEqual({ file: ['thiếu cột "Loại hệ thống"', 'thiếu cột "Loại thông tin"', 'thiếu cột "Trạng thái"'] });
    const sheet = body.sheet as Report['sheet'];
    expect(sheet.headerRows).toEqual([5, 6]);
    expect(sheet.columns.find((c) => c.letter === 'G')).toMatchObject({
      title: 'Quyết định phê duyệt Ngày',
      field: 'approvalDecisionDate',
    });
  });

  it('previews with the mapping: names become codes, codes are made from names, footer and section rows skipped', async () => {
    const before = await countRows(t.db, 'systems');
    const res = await upload(admin, await provinceWorkbook(), 'danh-muc.xlsx', '?dryRun=true', MAPPING).expect(200);
    const report = res.body as Report;
    expect(report.sheet.derived).toEqual(['code']);
    expect(report.rows.map(({ row, ownerAgencyCode, name, action }) => ({ row, ownerAgencyCode, name, action }))).toEqual(
      PROVINCE_SYSTEMS.map((s, i) => ({ row: [9, 11, 12][i], ownerAgencyCode: s.code, name: s.name, action: 'CREATE' })),
    );
    expect(report.rows[1].code).toBe('HE-THONG-MOT-CUA-DIEN-TU-XA-DOAN-KET');
    expect(await countRows(t.db, 'systems')).toBe(before);
  });

  it('imports it, with the prior decisions as claims; importing it again changes nothing', async () => {
    const before = await countRows(t.db, 'systems');
    const first = (await upload(admin, await provinceWorkbook(), 'danh-muc.xlsx', '', MAPPING).expect(200)).body as Report;
    expect(first.created).toBe(3);
    expect(first.priorApprovalClaims).toBe(2);
    expect(await countRows(t.db, 'systems')).toBe(before + 3);
    const [stored] = await t.db.query(
      `SELECT s.name, s.description, o.code AS operator FROM systems s JOIN agencies o ON o.id = s.operator_agency_id WHERE s.code = $1`,
      ['HE-THONG-MOT-CUA-DIEN-TU-XA-DOAN-KET'],
    );
    expect(stored).toEqual({ name: PROVINCE_SYSTEMS[1].name, description: 'Đang nâng cấp', operator: 'SL-X-DOANKET' });
    const again = (await upload(admin, await provinceWorkbook(), 'danh-muc.xlsx', '', MAPPING).expect(200)).body as Report;
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('names an agency it cannot place and suggests the closest code; nothing is written', async () => {
    const before = await countRows(t.db, 'systems');
    const content = await provinceWorkbook({ ownerOfLast: 'UBND phường Tô Hiệu thành phố Sơn La cũ' });
    const body = expectProblem(await upload(admin, content, 'x.xlsx', '?dryRun=true', MAPPING), 422, 'IMPORT_ROWS_INVALID');
    const report = body.report as Report;
    expect(report.errors).toEqual([
      {
        row: 12,
        name: PROVINCE_SYSTEMS[2].name,
        column: 'Mã cơ quan chủ quản',
        message: expect.stringContaining('có phải: SL-P-TOHIEU (UBND phường Tô Hiệu)?'),
      },
    ]);
    expect(await countRows(t.db, 'systems')).toBe(before);
  });

  it.each([
    ['Windows-1258', (text: string) => windows1258(text)],
    ['UTF-16 LE with its byte-order mark', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('reads a CSV saved in %s, with ";" and a title row', async (_, encode) => {
    const text = [
      'DANH MỤC HỆ THỐNG THÔNG TIN',
      'STT;Tên hệ thống thông tin;Cơ quan chủ quản;Loại hệ thống;Loại thông tin;Trạng thái',
      '1;Trang thông tin điện tử Sở Y tế;Sở Y tế;Hệ thống thông tin phục vụ hoạt động nội bộ;Thông tin công cộng;Đang vận hành',
      'Tổng cộng;1',
    ].join('\r\n');
    const report = (await upload(admin, encode(text), 'danh-muc.csv', '?dryRun=true').expect(200)).body as Report;
    expect(report.rows).toEqual([
      expect.objectContaining({
        ownerAgencyCode: 'SL-SO-YT',
        name: 'Trang thông tin điện tử Sở Y tế',
        code: 'TRANG-THONG-TIN-DIEN-TU-SO-Y-TE',
      }),
    ]);
  });

  it('refuses a bad mapping with the field marked, and a mapping that leaves a required column out', async () => {
    const content = await provinceWorkbook();
    for (const mapping of ['{', '{"columns":{"B":"password"}}', '{"columns":{"../../x":"name"}}', '{"defaults":{"lifecycle":5}}']) {
      const body = expectProblem(await upload(admin, content, 'x.xlsx', '?dryRun=true', mapping), 422, 'VALIDATION_FAILED');
      expect(Object.keys(body.errors as object)).toEqual(['mapping']);
    }
    const ignored = JSON.stringify({ defaults: PROVINCE_DEFAULTS, columns: { B: 'ignore' } });
    const body = expectProblem(await upload(admin, content, 'x.xlsx', '?dryRun=true', ignored), 422, 'IMPORT_FILE_INVALID');
    expect(body.errors).toEqual({ file: ['thiếu cột "Mã hệ thống"', 'thiếu cột "Tên hệ thống"'] });
    const extra = await t
      .http()
      .post('/api/v1/systems/import?dryRun=true')
      .set(as(admin))
      .attach('file', content, 'x.xlsx')
      .field('other', '1');
    expectProblem(extra, 422, 'VALIDATION_FAILED');
  });

  it('states the size limit when refusing a file over 10 MB', async () => {
    const body = expectProblem(await upload(admin, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'big.csv'), 413, 'PAYLOAD_TOO_LARGE');
    expect(body.detail).toContain('10 MB');
    expect(body.errors).toEqual({ file: ['tối đa 10 MB'] });
  });

  it("refuses an officer the other agencies' rows, and a leader the import", async () => {
    const before = await countRows(t.db, 'systems');
    const res = await upload(officer, await provinceWorkbook(), 'x.xlsx', '?dryRun=true', MAPPING);
    const report = expectProblem(res, 422, 'IMPORT_ROWS_INVALID').report as Report;
    expect(report.errors.map((e) => e.row)).toEqual([11, 12]);
    expect(report.rows.map((r) => r.ownerAgencyCode)).toEqual(['SL-SO-XD']);
    const leader = await t.login('lanhdao');
    expectProblem(await upload(leader, await provinceWorkbook(), 'x.xlsx', '?dryRun=true', MAPPING), 403, 'FORBIDDEN');
    expect(await countRows(t.db, 'systems')).toBe(before);
  });
});
