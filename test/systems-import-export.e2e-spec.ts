import ExcelJS from 'exceljs';
import request from 'supertest';
import { todayInVietnam } from '../src/common/dates';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/** The template's columns, as a user sees them. */
const HEADERS = [
  'Mã cơ quan chủ quản',
  'Mã hệ thống',
  'Tên hệ thống',
  'Mã đơn vị vận hành',
  'Loại hệ thống',
  'Loại thông tin',
  'Trạng thái',
  'Ngày đưa vào sử dụng',
  'Nơi đặt hệ thống',
  'Kết nối Internet',
  'Kết nối mạng TSLCD',
  'Số người sử dụng',
  'Số chủ thể dữ liệu cá nhân cơ bản',
  'Số chủ thể dữ liệu cá nhân nhạy cảm',
  'Mô tả',
  'Cấp độ đã phê duyệt',
  'Số quyết định phê duyệt',
  'Ngày quyết định',
  'Cơ quan ban hành quyết định',
  'Tình trạng triển khai phương án',
  'Số quy chế bảo đảm ATTT',
  'Ngày ban hành quy chế',
];

type Row = Record<string, string | number | boolean | Date | null>;

/** A valid row for an internal documents system; `extra` overrides cells by column title. */
const row = (owner: string, code: string, extra: Row = {}): Row => ({
  'Mã cơ quan chủ quản': owner,
  'Mã hệ thống': code,
  'Tên hệ thống': `Hệ thống quản lý văn bản ${code}`,
  'Loại hệ thống': 'Hệ thống thông tin phục vụ hoạt động nội bộ',
  'Loại thông tin': 'Thông tin riêng',
  'Trạng thái': 'Đang vận hành',
  'Ngày đưa vào sử dụng': '02/01/2020',
  'Nơi đặt hệ thống': 'Trung tâm dữ liệu của tỉnh',
  'Kết nối Internet': 'Có',
  'Kết nối mạng TSLCD': 'x',
  'Số người sử dụng': 120,
  ...extra,
});

async function xlsx(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hệ thống thông tin');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: Row[], separator = ','): Buffer {
  const cell = (v: Row[string]) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h] ?? null))].map((line) => line.map(cell).join(separator));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The first sheet of an xlsx as objects keyed by its header row, cells as text. */
async function readXlsx(content: Buffer): Promise<{ workbook: ExcelJS.Workbook; header: string[]; rows: Record<string, string>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as never);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((r, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, r.getCell(i + 1).text])));
  });
  return { workbook, header, rows };
}

interface Report {
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
  rows: { row: number; code: string; ownerAgencyCode: string; action: string }[];
}

describe('systems import and export', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (token: string, content: Buffer, name: string, query = '') =>
    t.http().post(`/api/v1/systems/import${query}`).set(as(token)).attach('file', content, name);
  const download = (token: string, path: string) => t.http().get(path).set(as(token)).buffer(true).parse(binary);
  const counts = async () => ({
    systems: await countRows(t.db, 'systems'),
    audit: await countRows(t.db, 'audit_log'),
    custody: await countRows(t.db, 'system_custody'),
  });
  const systemOf = async (owner: string, code: string) =>
    (
      await t.db.query(
        `SELECT s.name, s.version, s.lifecycle, s.approved_level, s.approval_decision_number, to_char(s.approval_decision_date, 'YYYY-MM-DD') AS approval_decision_date,
                s.info_types, s.hosting, s.internet_facing, s.connects_gov_network, s.user_count, s.deployment_status, o.code AS operator
           FROM systems s JOIN agencies a ON a.id = s.owner_agency_id JOIN agencies o ON o.id = s.operator_agency_id
          WHERE a.code = $1 AND s.code = $2`,
        [owner, code],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    [admin, leader, officer] = await Promise.all(['admin', 'lanhdao', 'canbo.sl-so-xd'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  describe('template', () => {
    it('downloads an xlsx with the Vietnamese columns, an example row, drop-downs and a "Hướng dẫn" sheet', async () => {
      const res = await download(officer, '/api/v1/systems/import/template').expect(200);
      expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="mau-nhap-he-thong.xlsx"');
      const { workbook, header, rows } = await readXlsx(res.body);
      expect(header).toEqual(HEADERS);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        'Mã cơ quan chủ quản': 'SL-SO-XD',
        'Trạng thái': 'Đang vận hành',
        'Ngày quyết định': '30/09/2025',
        'Cấp độ đã phê duyệt': '2',
      });
      expect(workbook.worksheets[0].getCell('G5').dataValidation).toMatchObject({ type: 'list' });

      const guide = workbook.getWorksheet('Hướng dẫn')!;
      const lines = new Map<string, string[]>();
      guide.eachRow((r) => lines.set(r.getCell(1).text, [r.getCell(2).text, r.getCell(3).text]));
      for (const title of HEADERS) expect(lines.has(title)).toBe(true);
      expect(lines.get('Mã hệ thống')![0]).toBe('Bắt buộc');
      expect(lines.get('Mô tả')![0]).toBe('Không bắt buộc');
      expect(lines.get('Trạng thái')![1]).toContain('Đang đầu tư, xây dựng; Đang vận hành');
      expect(lines.get('Loại thông tin')![1]).toContain('Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)');

      const agencies = workbook.getWorksheet('Danh mục cơ quan')!;
      expect(agencies.getCell('A2').text).toBe('SL-SO-XD');
    });

    it('downloads a CSV template in UTF-8 with a byte-order mark', async () => {
      const res = await download(leader, '/api/v1/systems/import/template?format=csv').expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe('attachment; filename="mau-nhap-he-thong.csv"');
      expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(res.body.toString('utf8').slice(1).split('\r\n')[0]).toBe(HEADERS.join(','));
    });

    it('registers nothing when the template is imported untouched (the example row is skipped)', async () => {
      const template = await download(admin, '/api/v1/systems/import/template');
      const res = await upload(admin, template.body, 'mau-nhap-he-thong.xlsx').expect(200);
      expect(res.body).toMatchObject({ totalRows: 0, created: 0, errors: [] });
    });

    it('refuses a bad format', async () => {
      expectProblem(await t.http().get('/api/v1/systems/import/template?format=pdf').set(as(officer)), 422, 'VALIDATION_FAILED');
    });
  });

  describe('bad rows', () => {
    it('lists every bad row and column, and writes nothing', async () => {
      const before = await counts();
      const file = await xlsx([
        row('SL-KHONG-CO', 'A1'),
        row('SL-SO-XD', 'A2', { 'Trạng thái': 'Đang chạy thử' }),
        row('SL-SO-XD', 'A3', { 'Ngày đưa vào sử dụng': '31/02/2024' }),
        row('SL-SO-XD', 'A4', { 'Cấp độ đã phê duyệt': 3, 'Ngày quyết định': '01/10/2025' }),
        row('SL-SO-XD', 'A5', {
          'Loại thông tin': 'Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)',
          'Kết nối Internet': null,
          'Kết nối mạng TSLCD': null,
        }),
        row('SL-SO-YT', 'A6'),
        row('SL-SO-XD', 'A7'),
        row('SL-SO-XD', 'A7', { 'Tên hệ thống': 'Trùng mã' }),
      ]);
      const res = await upload(officer, file, 'he-thong.xlsx');
      const body = expectProblem(res, 422, 'IMPORT_ROWS_INVALID') as { report: Report; errors: Record<string, string[]>; detail: string };
      const where = body.report.errors.map((e) => `${e.row} ${e.column}`);
      expect(where).toEqual([
        '2 Mã cơ quan chủ quản',
        '3 Trạng thái',
        '4 Ngày đưa vào sử dụng',
        '5 Số quyết định phê duyệt',
        '5 Cơ quan ban hành quyết định',
        '6 Nơi đặt hệ thống',
        '7 Mã cơ quan chủ quản',
        '9 Mã hệ thống',
      ]);
      const message = (r: number) => body.report.errors.find((e) => e.row === r)!.message;
      expect(message(2)).toBe('không có cơ quan mã SL-KHONG-CO');
      expect(message(3)).toContain('"Đang chạy thử" không hợp lệ');
      expect(message(4)).toContain('ngày không hợp lệ');
      expect(message(5)).toBe('cần nhập đủ cấp độ, số, ngày và cơ quan ban hành quyết định phê duyệt');
      expect(message(6)).toBe('không được lưu cho hệ thống bí mật nhà nước');
      expect(message(7)).toBe('phải là cơ quan của bạn, hoặc cơ quan cùng tỉnh mà cơ quan của bạn là đơn vị vận hành');
      expect(message(9)).toBe('trùng với dòng 8 (cùng cơ quan chủ quản và mã hệ thống)');
      expect(body.report).toMatchObject({
        dryRun: false,
        totalRows: 8,
        created: 1,
        rows: [{ row: 8, code: 'A7', ownerAgencyCode: 'SL-SO-XD', action: 'CREATE' }],
      });
      expect(body.errors['Dòng 2, cột Mã cơ quan chủ quản']).toEqual(['không có cơ quan mã SL-KHONG-CO']);
      expect(body.detail).toContain('chưa ghi dữ liệu nào');
      expect(await counts()).toEqual(before);
    });

    it('checks a dry run the same way', async () => {
      const res = await upload(officer, await xlsx([row('SL-SO-XD', 'B1', { 'Số người sử dụng': -3 })]), 'x.xlsx', '?dryRun=true');
      const body = expectProblem(res, 422, 'IMPORT_ROWS_INVALID') as { report: Report };
      expect(body.report.errors).toEqual([
        { row: 2, name: 'Hệ thống quản lý văn bản B1', column: 'Số người sử dụng', message: 'không được nhỏ hơn 0' },
      ]);
      expect(body.report.dryRun).toBe(true);
    });

    it('refuses a file that is not a spreadsheet, whatever its name says', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
      const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), random]);
      for (const [content, name] of [
        [png, 'he-thong.xlsx'],
        [png, 'he-thong.csv'],
        [random, 'he-thong.xlsx'],
        [zip, 'he-thong.xlsx'],
      ] as const) {
        const body = expectProblem(await upload(admin, content, name), 422, 'IMPORT_FILE_INVALID');
        expect(body.detail).toContain('không phải bảng tính');
      }
    });

    it('names a missing required column', async () => {
      const headers = HEADERS.filter((h) => h !== 'Loại thông tin');
      const body = expectProblem(await upload(admin, await xlsx([row('SL-SO-XD', 'C1')], headers), 'x.xlsx'), 422, 'IMPORT_FILE_INVALID');
      expect(body.detail).toContain('"Loại thông tin"');
      expect(body.errors).toEqual({ file: ['thiếu cột "Loại thông tin"'] });
    });

    it('asks for a file when none is sent', async () => {
      expectProblem(await t.http().post('/api/v1/systems/import').set(as(admin)), 422, 'IMPORT_FILE_INVALID');
    });

    it('refuses a file over 10 MB with 413', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
      expectProblem(await upload(admin, big, 'big.csv'), 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('importing', () => {
    const good = () => [
      row('SL-SO-XD', 'QLVB-IMP', {
        'Cấp độ đã phê duyệt': 'Cấp độ 2',
        'Số quyết định phê duyệt': '125/QĐ-UBND',
        'Ngày quyết định': new Date(Date.UTC(2025, 8, 30)),
        'Cơ quan ban hành quyết định': 'UBND tỉnh Sơn La',
        'Tình trạng triển khai phương án': 'Đã triển khai đầy đủ',
      }),
      row('SL-SO-XD', 'CONG-IMP', {
        'Tên hệ thống': 'Cổng thông tin điện tử Sở Xây dựng',
        'Loại hệ thống': 'he thong thong tin phuc vu nguoi dan, doanh nghiep',
        'Loại thông tin': 'Thông tin công cộng; Thông tin cá nhân',
        'Mã đơn vị vận hành': 'SL-VP-UBND',
      }),
      row('SL-SO-TC', 'MAT-IMP', {
        'Mã đơn vị vận hành': 'SL-SO-XD',
        'Loại thông tin': 'Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)',
        'Nơi đặt hệ thống': null,
        'Kết nối Internet': null,
        'Kết nối mạng TSLCD': null,
        'Trạng thái': 'PLANNED',
      }),
    ];

    it('checks a good file in a dry run and writes nothing', async () => {
      const before = await counts();
      const res = await upload(officer, await xlsx(good()), 'he-thong.xlsx', '?dryRun=true').expect(200);
      expect(res.body).toEqual({
        sheet: expect.objectContaining({ headerRows: [1], missing: [], derived: [] }),
        dryRun: true,
        totalRows: 3,
        created: 3,
        updated: 0,
        unchanged: 0,
        errors: [],
        rows: [
          {
            row: 2,
            code: 'QLVB-IMP',
            ownerAgencyCode: 'SL-SO-XD',
            name: 'Hệ thống quản lý văn bản QLVB-IMP',
            action: 'CREATE',
            priorApproval: 'CLAIMED',
          },
          { row: 3, code: 'CONG-IMP', ownerAgencyCode: 'SL-SO-XD', name: 'Cổng thông tin điện tử Sở Xây dựng', action: 'CREATE' },
          { row: 4, code: 'MAT-IMP', ownerAgencyCode: 'SL-SO-TC', name: 'Hệ thống quản lý văn bản MAT-IMP', action: 'CREATE' },
        ],
        priorApprovalClaims: 1,
        priorApprovalsConfirmed: false,
      });
      expect(await counts()).toEqual(before);
    });

    it('creates the systems, each audited, with custody; a prior approval decision becomes a claim, not the level on record (issue 16)', async () => {
      const before = await counts();
      const res = await upload(officer, await xlsx(good()), 'he-thong.xlsx')
        .set('X-Correlation-Id', 'import-systems-0001')
        .expect(200);
      expect(res.body).toMatchObject({ dryRun: false, totalRows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
      expect(await counts()).toEqual({ systems: before.systems + 3, audit: before.audit + 4, custody: before.custody + 3 });
      expect(await systemOf('SL-SO-XD', 'QLVB-IMP')).toMatchObject({
        version: 1,
        approved_level: null,
        approval_decision_number: null,
        approval_decision_date: null,
        deployment_status: 'FULL',
        info_types: ['PRIVATE'],
        internet_facing: true,
        connects_gov_network: true,
        user_count: 120,
        operator: 'SL-SO-XD',
      });
      expect(await systemOf('SL-SO-XD', 'CONG-IMP')).toMatchObject({ info_types: ['PUBLIC', 'PERSONAL'], operator: 'SL-VP-UBND' });
      expect(await systemOf('SL-SO-TC', 'MAT-IMP')).toMatchObject({
        info_types: ['STATE_SECRET'],
        hosting: null,
        lifecycle: 'PLANNED',
        operator: 'SL-SO-XD',
      });
      const audit = await t.db.query(
        `SELECT a.action, a.actor_username, a.correlation_id, a.before, a.after->>'code' AS code, a.entity_id = s.id::text AS same_id
           FROM audit_log a JOIN systems s ON s.code = a.after->>'code' WHERE a.action = 'IMPORT_CREATE' ORDER BY code`,
      );
      expect(audit).toEqual(
        ['CONG-IMP', 'MAT-IMP', 'QLVB-IMP'].map((code) => ({
          action: 'IMPORT_CREATE',
          actor_username: 'canbo.sl-so-xd',
          correlation_id: 'import-systems-0001',
          before: null,
          code,
          same_id: true,
        })),
      );
      const api = await t.http().get('/api/v1/systems').query({ q: 'QLVB-IMP' }).set(as(officer)).expect(200);
      expect(api.body.items[0]).toMatchObject({ approvedLevel: null, approvalDecisionNumber: null, owner: { code: 'SL-SO-XD' } });
      const claim = await t.http().get(`/api/v1/systems/${api.body.items[0].id}/prior-approval`).set(as(officer)).expect(200);
      expect(claim.body).toMatchObject({
        level: 2,
        decisionNumber: '125/QĐ-UBND',
        decisionDate: '2025-09-30',
        issuer: 'UBND tỉnh Sơn La',
        status: 'CLAIMED',
        origin: 'IMPORTED',
        evidence: null,
        confirmedOnImport: false,
      });
      const [trace] = await t.db.query(
        `SELECT actor_username, correlation_id FROM audit_log WHERE action = 'PRIOR_APPROVAL_IMPORT_CLAIM' AND entity_id = $1`,
        [api.body.items[0].id],
      );
      expect(trace).toEqual({ actor_username: 'canbo.sl-so-xd', correlation_id: 'import-systems-0001' });
    });

    it('changes nothing when the same file is imported again: no duplicates, no version bump, no audit', async () => {
      const before = await counts();
      const res = await upload(officer, await xlsx(good()), 'he-thong.xlsx').expect(200);
      expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
      expect(await counts()).toEqual(before);
      expect((await systemOf('SL-SO-XD', 'QLVB-IMP')).version).toBe(1);
    });

    it('updates a changed row only, bumping its version, audited with before and after', async () => {
      const rows = good();
      rows[0]['Tên hệ thống'] = 'Hệ thống quản lý văn bản và điều hành Sở Xây dựng';
      rows[0]['Kết nối Internet'] = 'Không';
      rows[1]['Mã đơn vị vận hành'] = null;
      const before = await counts();
      const res = await upload(officer, await xlsx(rows), 'he-thong.xlsx').expect(200);
      expect(res.body).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
      expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['UPDATE', 'UPDATE', 'UNCHANGED']);
      expect(await systemOf('SL-SO-XD', 'QLVB-IMP')).toMatchObject({
        name: 'Hệ thống quản lý văn bản và điều hành Sở Xây dựng',
        internet_facing: false,
        version: 2,
      });
      expect(await systemOf('SL-SO-XD', 'CONG-IMP')).toMatchObject({ operator: 'SL-SO-XD', version: 2 });
      expect(await systemOf('SL-SO-TC', 'MAT-IMP')).toMatchObject({ version: 1 });
      // The operator changed on CONG-IMP: its custody history gets a new period, as with PATCH.
      expect(await counts()).toEqual({ systems: before.systems, audit: before.audit + 2, custody: before.custody + 1 });
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_log WHERE action = 'IMPORT_UPDATE' AND after->>'code' = 'QLVB-IMP'`,
      );
      expect(audit.before).toMatchObject({ name: 'Hệ thống quản lý văn bản QLVB-IMP', internetFacing: true, version: 1 });
      expect(audit.after).toMatchObject({ name: 'Hệ thống quản lý văn bản và điều hành Sở Xây dựng', internetFacing: false, version: 2 });
    });

    it('imports a CSV (";"-separated, as Excel saves it in Vietnamese) and re-imports it unchanged', async () => {
      const rows = [
        row('SL-SO-YT', 'HIS-CSV', {
          'Tên hệ thống': 'Hệ thống thông tin bệnh viện',
          'Loại thông tin': 'Thông tin riêng, Thông tin cá nhân',
          'Ngày đưa vào sử dụng': '2019-03-01',
        }),
        row('SL-SO-YT', 'QLVB-CSV', {
          'Cấp độ đã phê duyệt': 2,
          'Số quyết định phê duyệt': '12/QĐ-SYT',
          'Ngày quyết định': '15/05/2025',
          'Cơ quan ban hành quyết định': 'Sở Y tế',
        }),
      ];
      const first = await upload(admin, csv(rows, ';'), 'he-thong.csv').expect(200);
      expect(first.body).toMatchObject({ created: 2, errors: [], priorApprovalClaims: 1 });
      expect(await systemOf('SL-SO-YT', 'HIS-CSV')).toMatchObject({
        name: 'Hệ thống thông tin bệnh viện',
        info_types: ['PRIVATE', 'PERSONAL'],
      });
      expect(await systemOf('SL-SO-YT', 'QLVB-CSV')).toMatchObject({ approved_level: null });
      const again = await upload(admin, csv(rows), 'he-thong.csv').expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, priorApprovalClaims: 0 });
    });

    it('confirms prior decisions on import only for an administrator who asks for it, and writes that to the audit log', async () => {
      const rows = [
        row('SL-SO-YT', 'KT-CSV', {
          'Cấp độ đã phê duyệt': 3,
          'Số quyết định phê duyệt': '77/QĐ-UBND',
          'Ngày quyết định': '02/03/2024',
          'Cơ quan ban hành quyết định': 'UBND tỉnh Sơn La',
        }),
      ];
      const before = await counts();
      expectProblem(await upload(officer, csv(rows), 'he-thong.csv', '?confirmPriorApprovals=true'), 403, 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      const res = await upload(admin, csv(rows), 'he-thong.csv', '?confirmPriorApprovals=true').expect(200);
      expect(res.body).toMatchObject({
        created: 1,
        priorApprovalClaims: 1,
        priorApprovalsConfirmed: true,
        rows: [{ priorApproval: 'CONFIRMED' }],
      });
      expect(await systemOf('SL-SO-YT', 'KT-CSV')).toMatchObject({
        approved_level: 3,
        approval_decision_number: '77/QĐ-UBND',
        approval_decision_date: '2024-03-02',
      });
      const [flag] = await t.db.query(`SELECT actor_username, after FROM audit_log WHERE action = 'IMPORT_CONFIRM_PRIOR_APPROVALS'`);
      expect(flag).toMatchObject({ actor_username: 'admin', after: { confirmPriorApprovals: true, confirmed: 1 } });
      const [claim] = await t.db.query(
        `SELECT status, confirmed_on_import, reviewed_by_username FROM prior_approval_claims c JOIN systems s ON s.id = c.system_id WHERE s.code = 'KT-CSV'`,
      );
      expect(claim).toEqual({ status: 'CONFIRMED', confirmed_on_import: true, reviewed_by_username: 'admin' });
      // A different decision for a system whose level is on record is refused; the same one is unchanged.
      expect((await upload(admin, csv(rows), 'he-thong.csv').expect(200)).body).toMatchObject({ unchanged: 1, priorApprovalClaims: 0 });
      const changed = [
        row('SL-SO-YT', 'KT-CSV', {
          'Cấp độ đã phê duyệt': 1,
          'Số quyết định phê duyệt': '1/QĐ-SYT',
          'Ngày quyết định': '02/03/2025',
          'Cơ quan ban hành quyết định': 'Sở Y tế',
        }),
      ];
      expectProblem(await upload(admin, csv(changed), 'he-thong.csv'), 422, 'IMPORT_ROWS_INVALID');
    });
  });

  describe('export', () => {
    beforeAll(async () => {
      const ward = (code: string, name: string, lifecycle: string) =>
        row('SL-P-CHIENGCOI', code, { 'Tên hệ thống': name, 'Trạng thái': lifecycle });
      await upload(
        admin,
        await xlsx([
          ward('CONG-TTDT', 'Cổng thông tin điện tử phường Chiềng Cơi', 'Đang vận hành'),
          ward('MOT-CUA', 'Hệ thống một cửa điện tử phường Chiềng Cơi', 'Đang vận hành'),
          ward('QLVB', 'Hệ thống quản lý văn bản phường Chiềng Cơi', 'Đang đầu tư, xây dựng'),
          ward('LAN', 'Mạng nội bộ phường Chiềng Cơi', 'Đang vận hành'),
        ]),
        'phuong.xlsx',
      ).expect(200);
      const [{ id }] = await t.db.query(
        `SELECT s.id FROM systems s JOIN agencies a ON a.id = s.owner_agency_id WHERE a.code = 'SL-P-CHIENGCOI' AND s.code = 'LAN'`,
      );
      await t
        .http()
        .post(`/api/v1/systems/${id}/retire`)
        .set(as(admin))
        .send({ version: 1, retiredAt: '2026-01-31', reason: 'Thay bằng mạng dùng chung' })
        .expect(200);
    });

    it('exports exactly what the list shows with the same filters, with the template columns', async () => {
      const filters = { q: 'chieng coi', lifecycle: 'IN_OPERATION' };
      const res = await download(leader, `/api/v1/systems/export?${new URLSearchParams(filters)}`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="he-thong-thong-tin-${todayInVietnam()}.xlsx"`);
      const { header, rows } = await readXlsx(res.body);
      expect(header).toEqual(HEADERS);
      const list = await t.http().get('/api/v1/systems').query(filters).set(as(leader)).expect(200);
      expect(rows.map((r) => r['Mã hệ thống'])).toEqual(list.body.items.map((s: { code: string }) => s.code));
      expect(rows.map((r) => r['Tên hệ thống'])).toEqual([
        'Cổng thông tin điện tử phường Chiềng Cơi',
        'Hệ thống một cửa điện tử phường Chiềng Cơi',
      ]);
      expect(rows[0]).toMatchObject({
        'Mã cơ quan chủ quản': 'SL-P-CHIENGCOI',
        'Loại hệ thống': 'Hệ thống thông tin phục vụ hoạt động nội bộ',
        'Loại thông tin': 'Thông tin riêng',
        'Trạng thái': 'Đang vận hành',
        'Ngày đưa vào sử dụng': '02/01/2020',
        'Kết nối Internet': 'Có',
        'Tình trạng triển khai phương án': 'Chưa triển khai',
      });
    });

    it('exports CSV in UTF-8 with a byte-order mark, Vietnamese labels and dd/mm/yyyy dates', async () => {
      const res = await download(leader, '/api/v1/systems/export?format=csv&q=chieng%20coi&lifecycle=PLANNED').expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="he-thong-thong-tin-${todayInVietnam()}.csv"`);
      expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = res.body.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(HEADERS.join(','));
      expect(lines[1]).toContain('Hệ thống quản lý văn bản phường Chiềng Cơi');
      expect(lines[1]).toContain('Đang đầu tư, xây dựng');
      expect(lines[1]).toContain('02/01/2020');
    });

    it('gives a file that imports back unchanged, retired systems included', async () => {
      const exported = await download(admin, '/api/v1/systems/export?q=chieng%20coi').expect(200);
      expect((await readXlsx(exported.body)).rows.map((r) => r['Trạng thái'])).toContain('Đã dừng vận hành');
      const before = await counts();
      const res = await upload(admin, exported.body, 'he-thong-thong-tin.xlsx').expect(200);
      expect(res.body).toMatchObject({ totalRows: 4, created: 0, updated: 0, unchanged: 4, errors: [] });
      expect(await counts()).toEqual(before);
      const csvExport = await download(admin, '/api/v1/systems/export?format=csv&q=chieng%20coi').expect(200);
      expect((await upload(admin, csvExport.body, 'he-thong-thong-tin.csv').expect(200)).body).toMatchObject({ unchanged: 4 });
    });

    it('refuses to retire a system or to edit a retired one through a file', async () => {
      const { rows } = await readXlsx((await download(admin, '/api/v1/systems/export?q=chieng%20coi&sort=code').expect(200)).body);
      const edited = rows.map((r) =>
        r['Mã hệ thống'] === 'LAN'
          ? { ...r, 'Tên hệ thống': 'Mạng LAN đã đổi tên' }
          : r['Mã hệ thống'] === 'QLVB'
            ? { ...r, 'Trạng thái': 'Đã dừng vận hành' }
            : r,
      );
      const body = expectProblem(await upload(admin, await xlsx(edited), 'x.xlsx'), 422, 'IMPORT_ROWS_INVALID') as { report: Report };
      expect(body.report.errors.map((e) => [rows[e.row - 2]['Mã hệ thống'], e.column])).toEqual([
        ['LAN', 'Trạng thái'],
        ['QLVB', 'Trạng thái'],
      ]);
      expect(body.report.errors[0].message).toBe('hệ thống đã dừng vận hành, không sửa được nữa');
      expect(body.report.errors[1].message).toContain('cho hệ thống dừng vận hành bằng chức năng dừng vận hành');
    });

    it('exports only an officer’s own systems', async () => {
      const { rows } = await readXlsx((await download(officer, '/api/v1/systems/export').expect(200)).body);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r['Mã cơ quan chủ quản'] === 'SL-SO-XD' || r['Mã đơn vị vận hành'] === 'SL-SO-XD')).toBe(true);
    });

    it('refuses paging and unknown filters', async () => {
      expectProblem(await t.http().get('/api/v1/systems/export?page=2').set(as(leader)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/systems/export?lifecycle=CLOSED').set(as(leader)), 422, 'VALIDATION_FAILED');
    });
  });

  describe('access', () => {
    it('lets a leader export and download the template but not import', async () => {
      await download(leader, '/api/v1/systems/export?format=csv').expect(200);
      const before = await counts();
      expectProblem(await upload(leader, await xlsx([row('SL-SO-XD', 'LEADER-1')]), 'x.xlsx'), 403, 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('answers 401 without a token', async () => {
      expectProblem(await t.http().get('/api/v1/systems/export'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().get('/api/v1/systems/import/template'), 401, 'UNAUTHENTICATED');
      expectProblem(
        await t
          .http()
          .post('/api/v1/systems/import')
          .attach('file', csv([row('SL-SO-XD', 'ANON')]), 'x.csv'),
        401,
        'UNAUTHENTICATED',
      );
    });
  });
});
