import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import request from 'supertest';
import { DEMO_PRIOR_DECISIONS, DISPATCH_SUBMITTED, seedDemoActivity } from '../seeds/demo-activity';
import { APPROVAL_RATE_CSV_HEADERS } from '../src/reports/approval-rate.csv';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

// pdf-parse's index runs a self-test on require; its lib entry is the parser alone.
const pdfParse: (data: Buffer) => Promise<{ text: string; numpages: number }> = require('pdf-parse/lib/pdf-parse.js');

const MAU08_STATUS_WORDS = ['Đang dự thảo', 'Đã gửi thẩm định', 'Đã thẩm định', 'Đã được phê duyệt'];
const DEPLOYMENT_WORDS = ['Chưa triển khai', 'Đã triển khai một số hạng mục', 'Đã triển khai đầy đủ'];
const TIER_LABELS = ['Sở, ban, ngành và tương đương', 'Đơn vị sự nghiệp', 'UBND xã, phường'];

/** Collects any response body as bytes (supertest would decode text and drop the BOM). */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The row whose first cell is `label`, as plain values from column 1. */
function rowStartingWith(sheet: ExcelJS.Worksheet, label: string): unknown[] {
  let found: unknown[] | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = (row.values as unknown[]).slice(1);
  });
  if (!found) throw new Error(`no row "${label}" in ${sheet.name}`);
  return found;
}

const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

describe('report downloads, annual Mẫu 08 report and pipeline on the Sơn La demo data', () => {
  let t: TestApp;
  let leader: string;
  let officer: string;
  let admin: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, token: string, query: object = {}) => t.http().get(path).query(query).set(as(token));
  const file = (path: string, token: string, query: object) => get(path, token, query).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [leader, officer, admin] = await Promise.all(['lanhdao', 'canbo.sl-so-xd', 'admin'].map((u) => t.login(u)));
  }, 120_000);
  afterAll(() => t.close());

  describe('approval-rate report as of 06/01/2026', () => {
    const query = { asOf: '2026-01-06' };

    it('downloads CSV: BOM, one table of the bodies under Vietnamese headers, exactly the 19 bodies of the dispatch marked as submitted', async () => {
      const res = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'csv' }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-2026-01-06.csv"');
      const content = res.body as Buffer;
      expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(content.toString('utf8').slice(1));
      expect(rows[0]).toEqual([...APPROVAL_RATE_CSV_HEADERS]);
      // One table: every row a body, nothing below them (the summaries are in the ZIP).
      const bodies = rows.slice(1);
      expect(bodies).toHaveLength(95);
      const submitted = bodies.filter((r) => r[3] === 'Có');
      expect(submitted.map((r) => r[0]).sort()).toEqual([...DISPATCH_SUBMITTED].sort());
      expect(submitted.every((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r[4]))).toBe(true);
      expect(bodies.filter((r) => r[5] === 'Có')).toHaveLength(10);
      expect(bodies.find((r) => r[0] === 'SL-X-MUONGLAN')).toEqual(
        expect.arrayContaining(['UBND xã Mường Lạn', 'UBND xã, phường', 'Chưa']),
      );
    });

    it('downloads the ";" CSV for Excel in Vietnamese: the same table, under its own name', async () => {
      const comma = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'csv' }).expect(200);
      const res = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'csv', delimiter: 'semicolon' }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-cham-phay-2026-01-06.csv"');
      const text = (res.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.slice(1).split('\r\n')[0]).toBe(APPROVAL_RATE_CSV_HEADERS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(';'));
      expect(parse(text.slice(1), { delimiter: ';' })).toEqual(parse((comma.body as Buffer).toString('utf8').slice(1)));
    });

    it('downloads every table as a ZIP: one CSV per table, percentages as numbers, the same in ";" for Excel', async () => {
      const res = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'zip' }).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-2026-01-06.zip"');
      const files = unzipSync(res.body as Buffer);
      const names = Object.keys(files).filter((n) => !n.includes('/'));
      expect(names.sort()).toEqual(
        [
          'cach-dem-khac.csv',
          'co-quan-don-vi.csv',
          'don-vi-tham-dinh.csv',
          'giai-thich-cach-dem.csv',
          'he-thong.csv',
          'phe-duyet-theo-ngay.csv',
          'thong-tin-bao-cao.csv',
          'tong-hop-theo-nhom.csv',
        ].sort(),
      );
      expect(Object.keys(files).filter((n) => n.startsWith('excel-tieng-viet/'))).toHaveLength(names.length);
      const table = (name: string, delimiter = ',') =>
        parse(Buffer.from(files[name]).toString('utf8').slice(1), { delimiter }) as string[][];
      for (const name of names) expect(new Set(table(name).map((r) => r.length)).size).toBe(1);
      expect(table('co-quan-don-vi.csv')).toHaveLength(96);
      const tiers = table('tong-hop-theo-nhom.csv');
      expect(tiers[0][5]).toBe('Tỷ lệ phê duyệt (trên số đã gửi) (%)');
      expect(tiers.find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', '95', '19', '10', '76', '52.6', '20']);
      expect(tiers.find((r) => r[0] === 'UBND xã, phường')).toEqual(['UBND xã, phường', '75', '6', '2', '69', '33.3', '8']);
      expect(table('excel-tieng-viet/tong-hop-theo-nhom.csv', ';').find((r) => r[0] === 'Tổng cộng')).toEqual([
        'Tổng cộng',
        '95',
        '19',
        '10',
        '76',
        '52,6',
        '20',
      ]);
      expect(table('thong-tin-bao-cao.csv')).toContainEqual(['Tính đến ngày', '06/01/2026']);
      expect(table('cach-dem-khac.csv')).toContainEqual(['Theo cơ quan chủ quản (cách đếm mặc định)', '95', '19', '10', '52.6']);
    });

    it('refuses a delimiter for another format or an unknown one, a stranger and another province; an officer gets its own agency', async () => {
      expectProblem(
        await get('/api/v1/reports/approval-rate', leader, { ...query, format: 'zip', delimiter: 'semicolon' }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(await get('/api/v1/reports/approval-rate', leader, { ...query, delimiter: 'semicolon' }), 422, 'VALIDATION_FAILED');
      expectProblem(
        await get('/api/v1/reports/approval-rate', leader, { ...query, format: 'csv', delimiter: 'tab' }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .get('/api/v1/reports/approval-rate')
          .query({ ...query, format: 'zip' }),
        401,
        'UNAUTHENTICATED',
      );
      expectProblem(await get('/api/v1/reports/approval-rate', leader, { ...query, format: 'zip', province: 'HN' }), 403, 'FORBIDDEN');
      const own = unzipSync((await file('/api/v1/reports/approval-rate', officer, { ...query, format: 'zip' }).expect(200)).body as Buffer);
      const ownBodies = parse(Buffer.from(own['co-quan-don-vi.csv']).toString('utf8').slice(1)) as string[][];
      expect(ownBodies.slice(1).map((r) => r[0])).toEqual(['SL-SO-XD']);
    });

    it('gives an administrator who chooses no province the national files (every province), not a refusal', async () => {
      const national = await get('/api/v1/reports/approval-rate', admin, { ...query, scope: 'national' }).expect(200);
      const res = await file('/api/v1/reports/approval-rate', admin, { ...query, format: 'zip' }).expect(200);
      const files = unzipSync(res.body as Buffer);
      const info = parse(Buffer.from(files['thong-tin-bao-cao.csv']).toString('utf8').slice(1)) as string[][];
      expect(info).toContainEqual(['Phạm vi', 'Toàn quốc']);
      const bodies = parse(Buffer.from(files['co-quan-don-vi.csv']).toString('utf8').slice(1)) as string[][];
      expect(bodies.length - 1).toBe(national.body.agencies.total);
      expect(bodies.length - 1).toBeGreaterThanOrEqual(95);
    });

    it('downloads XLSX: the summary says 19 submitted and 10 approved; details with real dates, a frozen header and a filter', async () => {
      const res = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'xlsx' }).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-2026-01-06.xlsx"');
      const workbook = await readWorkbook(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Chưa gửi hồ sơ', 'Các cách đếm khác']);
      const summary = workbook.getWorksheet('Tổng hợp')!;
      expect(summary.getCell('A3').value).toBe('Tính đến ngày 06/01/2026');
      expect(rowStartingWith(summary, 'Tổng cộng').slice(0, 5)).toEqual(['Tổng cộng', 95, 19, 10, 76]);
      expect(rowStartingWith(summary, 'UBND xã, phường').slice(0, 4)).toEqual(['UBND xã, phường', 75, 6, 2]);
      const rate = summary.getCell(`F${findRow(summary, 'Tổng cộng')}`);
      expect(rate.value).toBeCloseTo(0.526, 3);
      expect(rate.numFmt).toBe('0.0%');

      const detail = workbook.getWorksheet('Chi tiết')!;
      expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(detail.autoFilter).toBeTruthy();
      expect(detail.rowCount).toBe(96);
      const submittedRows = [];
      for (let r = 2; r <= detail.rowCount; r++) if (detail.getCell(r, 5).value === 'Có') submittedRows.push(r);
      expect(submittedRows).toHaveLength(19);
      const firstDate = detail.getCell(submittedRows[0], 6);
      expect(firstDate.value).toBeInstanceOf(Date);
      expect(firstDate.numFmt).toBe('dd/mm/yyyy');
      expect(workbook.getWorksheet('Chưa gửi hồ sơ')!.rowCount).toBe(77);
    });

    it('downloads PDF: title, date, figures, the tiers and every body that has not submitted, with diacritics and the font embedded', async () => {
      const json = await get('/api/v1/reports/approval-rate', leader, query).expect(200);
      const res = await file('/api/v1/reports/approval-rate', leader, { ...query, format: 'pdf' }).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-2026-01-06.pdf"');
      const content = res.body as Buffer;
      expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(content.toString('latin1')).toMatch(/BeVietnamPro/);
      const pdf = await pdfParse(content);
      const text = oneLine(pdf.text);
      expect(text).toContain('BÁO CÁO TÌNH HÌNH XÁC ĐỊNH CẤP ĐỘ HỆ THỐNG THÔNG TIN');
      expect(text).toContain('UBND tỉnh Sơn La');
      expect(text).toContain('Tính đến ngày 06/01/2026');
      expect(text).toContain('19/95 cơ quan, đơn vị đã gửi hồ sơ');
      expect(text).toContain('52,6%');
      expect(text).toContain('UBND xã Mường Lạn');
      for (const label of TIER_LABELS) expect(text).toContain(label);
      const missing = json.body.notSubmitted.map((r: { name: string }) => r.name).filter((name: string) => !text.includes(oneLine(name)));
      expect(missing).toEqual([]);
      // The submitted bodies are not on the list of those that have not submitted.
      expect(text.slice(text.indexOf('IV. DANH SÁCH'))).not.toContain('Sở Xây dựng');
      expect(pdf.numpages).toBeGreaterThan(1);
    });

    it('gives an officer a file of its own agency only', async () => {
      const res = await file('/api/v1/reports/approval-rate', officer, { ...query, format: 'csv' }).expect(200);
      const rows: string[][] = parse((res.body as Buffer).toString('utf8').slice(1));
      expect(rows.slice(1).map((r) => r[0])).toEqual(['SL-SO-XD']);
      const pdf = await pdfParse((await file('/api/v1/reports/approval-rate', officer, { ...query, format: 'pdf' }).expect(200)).body);
      expect(oneLine(pdf.text)).toContain('Sở Xây dựng');
      expect(oneLine(pdf.text)).not.toContain('UBND xã Mường Lạn');
    });
  });

  describe('annual report 2026 (Mẫu 08)', () => {
    it('covers 15/12/2025–14/12/2026 with consistent figures in the official wording', async () => {
      const res = await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200);
      const { period, asOf, summary: s, systems } = res.body;
      expect(period).toEqual({
        year: 2026,
        from: '2025-12-15',
        to: '2026-12-14',
        unitsReportBy: '2026-12-20',
        ownerReportBy: '2026-12-25',
      });
      expect(asOf >= period.from && asOf <= period.to).toBe(true);
      expect(systems).toHaveLength(s.systems);
      expect(s.approved).toBeGreaterThan(10);
      expect(s.approved).toBeLessThanOrEqual(s.appraised);
      expect(s.appraised).toBeLessThanOrEqual(s.dossiersBuilt);
      expect(s.dossiersBuilt).toBeLessThanOrEqual(s.classified);
      expect(s.classified).toBeLessThanOrEqual(s.systems);
      expect(Object.values(s.byLevel as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.approved);
      expect(Object.values(s.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.dossiersBuilt);
      expect(s.approvalRate).toBe(Math.round((s.approved / s.systems) * 1000) / 10);
      for (const row of systems) {
        expect(['', ...MAU08_STATUS_WORDS]).toContain(row.statusLabel);
        expect(DEPLOYMENT_WORDS).toContain(row.deploymentStatusLabel);
      }
      const approved = systems.filter((r: { statusLabel: string }) => r.statusLabel === 'Đã được phê duyệt');
      expect(approved).toHaveLength(s.approved);
      // Approved through the workflow (levels 1–2 by the police, level 3 by the owner: ND331 Art. 18.1–18.2), or by a
      // decision made before capdo whose claim was confirmed.
      const prior = DEMO_PRIOR_DECISIONS.map((p) => p.decision.decisionNumber as string);
      const byCompetentBody = (r: { approvedLevel: number; decision: { number: string } }) =>
        r.approvedLevel <= 2 ? /\/QĐ-CAT-PA05$/.test(r.decision.number) : /^\d+\/QĐ-(?!CAT)[^/]+$/.test(r.decision.number);
      expect(
        approved.every(
          (r: { approvedLevel: number; decision: { number: string; date: string } | null }) =>
            (prior.includes(r.decision!.number) || byCompetentBody({ approvedLevel: r.approvedLevel, decision: r.decision! })) &&
            r.decision!.date <= asOf,
        ),
      ).toBe(true);
      expect(approved.some((r: { approvedLevel: number }) => r.approvedLevel === 3)).toBe(true);
      expect(approved.filter((r: { decision: { number: string } }) => prior.includes(r.decision.number))).toHaveLength(
        DEMO_PRIOR_DECISIONS.length,
      );
      // A returned dossier and one under appraisal both read "Đã gửi thẩm định".
      const sent = systems.filter((r: { workflowState: string }) => ['RETURNED', 'UNDER_APPRAISAL', 'SUBMITTED'].includes(r.workflowState));
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent.map((r: { statusLabel: string }) => r.statusLabel))).toEqual(new Set(['Đã gửi thẩm định']));

      // The same systems and approvals as the approval-rate report on the same day.
      const rate = await get('/api/v1/reports/approval-rate', leader, { asOf }).expect(200);
      expect(s.systems).toBe(rate.body.systems.total);
      expect(s.approved).toBe(rate.body.systems.withApprovedLevel);
    });

    it('reports a closed year at the end of its period', async () => {
      const res = await get('/api/v1/reports/annual', leader, { year: 2025 }).expect(200);
      expect(res.body).toMatchObject({ asOf: '2025-12-14', periodComplete: true });
      const rate = await get('/api/v1/reports/approval-rate', leader, { asOf: '2025-12-14' }).expect(200);
      expect(res.body.summary.approved).toBe(rate.body.systems.withApprovedLevel);
      // The confirmed decisions made before capdo (2023–2024) are approved levels, but not approved during 2025's period.
      expect(res.body.summary.duringPeriod.approved).toBe(res.body.summary.approved - DEMO_PRIOR_DECISIONS.length);
    });

    it('counts inspections and full deployment recorded on a system', async () => {
      const before = (await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200)).body;
      // Issue 20: a system approved through the workflow has plan items and a derived status; a confirmed prior decision has none.
      const [{ ids }] = await t.db.query(
        `SELECT array_agg(s.id) AS ids FROM systems s WHERE NOT EXISTS (SELECT 1 FROM plan_items p WHERE p.system_id = s.id)`,
      );
      const target = before.systems.find(
        (r: { statusLabel: string; systemId: string; deploymentStatus: string }) =>
          r.statusLabel === 'Đã được phê duyệt' && r.deploymentStatus !== 'FULL' && ids.includes(r.systemId),
      );
      const system = await get(`/api/v1/systems/${target.systemId}`, admin).expect(200);
      await t
        .http()
        .patch(`/api/v1/systems/${target.systemId}`)
        .set(as(admin))
        .send({
          version: system.body.version,
          deploymentStatus: 'FULL',
        })
        .expect(200);
      // Issue 20: an inspection is recorded through its own route (src/inspections).
      await t
        .http()
        .post(`/api/v1/systems/${target.systemId}/inspections`)
        .set(as(admin))
        .send({
          kind: 'PERIODIC',
          performedOn: '2026-03-10',
          performer: 'Công an tỉnh Sơn La',
          independent: true,
          qualified: true,
          method: 'GRAY_BOX',
        })
        .expect(201);
      const after = (await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200)).body;
      expect(after.summary.approvedAndInspected).toBe(before.summary.approvedAndInspected + 1);
      expect(after.summary.approvedAndInspectedInPeriod).toBe(before.summary.approvedAndInspectedInPeriod + 1);
      expect(after.summary.fullyDeployed).toBe(before.summary.fullyDeployed + 1);
      const row = after.systems.find((r: { systemId: string }) => r.systemId === target.systemId);
      expect(row).toMatchObject({
        deploymentStatusLabel: 'Đã triển khai đầy đủ',
        inspectionStatus: 'Định kỳ',
        lastInspection: { date: '2026-03-10', kindLabel: 'Định kỳ' },
      });
    });

    it('downloads XLSX and PDF', async () => {
      const json = (await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200)).body;
      const xlsx = await file('/api/v1/reports/annual', leader, { year: 2026, format: 'xlsx' }).expect(200);
      expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="bao-cao-cap-do-nam-2026-${json.asOf}.xlsx"`);
      const workbook = await readWorkbook(xlsx.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Danh mục hệ thống']);
      const list = workbook.getWorksheet('Danh mục hệ thống')!;
      expect(list.rowCount).toBe(json.systems.length + 1);
      expect(list.getCell(1, 6).value).toBe('(6) Tình trạng phê duyệt hồ sơ đề xuất cấp độ');
      const words = new Set<unknown>();
      for (let r = 2; r <= list.rowCount; r++) words.add(list.getCell(r, 6).value);
      expect([...words].every((w) => w === null || MAU08_STATUS_WORDS.includes(w as string))).toBe(true);
      expect(rowStartingWith(workbook.getWorksheet('Tổng hợp')!, 'Tổng số hệ thống thông tin')[1]).toBe(json.summary.systems);

      const pdf = await file('/api/v1/reports/annual', leader, { year: 2026, format: 'pdf' }).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = oneLine((await pdfParse(pdf.body)).text);
      // Mẫu 08 as the official letter it is: the issuer (the province's committee), V/v, Kính gửi by the period, Part 2.
      expect(text).toContain('UBND TỈNH SƠN LA');
      expect(text).toContain('V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin');
      expect(text).toContain('Kính gửi: Bộ Công an.');
      expect(text).toContain(
        `Tổng số hệ thống thông tin đã được phân loại (đã xác định được loại hình hệ thống thông tin): ${json.summary.classified};`,
      );
      expect(text).toContain('2. Thông tin về chủ quản hệ thống thông tin và đơn vị chuyên trách về an ninh mạng');
      expect(text).toContain('(1) Tên chủ quản hệ thống thông tin: UBND tỉnh Sơn La;');
      expect(text).toContain('ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC');
      expect(text).toContain('Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/12/2026');
      expect(text).toContain('Đã được phê duyệt');
      expect(text).toContain('Chưa triển khai');
      expect(text).toContain(oneLine(json.systems[0].name));
    });

    it('shows an officer the systems its agency owns', async () => {
      const res = await get('/api/v1/reports/annual', officer, { year: 2026 }).expect(200);
      expect(res.body.scope.title).toBe('Sở Xây dựng');
      expect(res.body.systems.length).toBeGreaterThan(0);
      expect(new Set(res.body.systems.map((r: { ownerName: string }) => r.ownerName))).toEqual(new Set(['Sở Xây dựng']));
    });

    it('lets an administrator report on an agency and the bodies under it', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-UBND'`);
      const under: { name: string }[] = await t.db.query(
        `WITH RECURSIVE sub AS (SELECT id, name FROM agencies WHERE id = $1 UNION SELECT a.id, a.name FROM agencies a JOIN sub ON a.parent_id = sub.id) SELECT name FROM sub`,
        [id],
      );
      const names = new Set(under.map((a) => a.name));
      const province = (await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200)).body;
      const subtree = (await get('/api/v1/reports/annual', admin, { year: 2026, rootAgency: id }).expect(200)).body;
      expect(subtree.scope).toMatchObject({ rootAgency: id, title: 'UBND tỉnh Sơn La' });
      const expected = province.systems.filter((r: { ownerName: string }) => names.has(r.ownerName));
      // Công an tỉnh and the party bodies are not under the People's Committee.
      expect(expected.length).toBeLessThan(province.systems.length);
      expect(subtree.systems.map((r: { systemId: string }) => r.systemId)).toEqual(expected.map((r: { systemId: string }) => r.systemId));
    });
  });

  describe('pipeline', () => {
    it('replays the states as of 06/01/2026: 19 dossiers sent, 10 approved, the rest with the appraiser', async () => {
      const res = await get('/api/v1/reports/pipeline', leader, { asOf: '2026-01-06' }).expect(200);
      const count = (state: string) => res.body.byState.find((s: { state: string }) => s.state === state).count;
      expect(res.body.total).toBe(19);
      expect(count('APPROVED')).toBe(10);
      expect(count('DRAFT')).toBe(0);
      expect(count('RETURNED') + count('UNDER_APPRAISAL') + count('SUBMITTED') + count('APPRAISED')).toBe(9);
      expect(res.body.byMau08Status.find((s: { status: string }) => s.status === 'SUBMITTED')).toMatchObject({ label: 'Đã gửi thẩm định' });
      expect(res.body.approvals.approvedCount).toBe(10);
      // The demo approves 20–29 days after submission.
      expect(res.body.approvals.medianCalendarDaysToApproval).toBeGreaterThanOrEqual(20);
      expect(res.body.approvals.medianCalendarDaysToApproval).toBeLessThanOrEqual(32);
      expect(res.body.approvals.medianWorkingDaysToApproval).toBeLessThan(res.body.approvals.medianCalendarDaysToApproval);
      const later = await get('/api/v1/reports/pipeline', leader, { asOf: '2026-09-30' }).expect(200);
      expect(later.body.total).toBeGreaterThan(19);
      expect(later.body.approvals.approvedCount).toBeGreaterThan(10);
    });

    it('lists dossiers overdue today by appraising body', async () => {
      const res = await get('/api/v1/reports/pipeline', leader).expect(200);
      const { today, total, byAppraiser } = res.body.overdue;
      expect(total).toBeGreaterThan(0);
      expect(byAppraiser[0].appraiserName).toEqual(expect.any(String));
      for (const group of byAppraiser) {
        expect(group.dossiers).toHaveLength(group.count);
        for (const d of group.dossiers) {
          expect(d.dueOn < today).toBe(true);
          expect(['SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED']).toContain(d.state);
          expect(d.workingDaysOverdue).toBeGreaterThan(0);
        }
      }
    });

    it('shows an officer its own dossiers only', async () => {
      const res = await get('/api/v1/reports/pipeline', officer, { asOf: '2026-01-06' }).expect(200);
      expect(res.body.scope.title).toBe('Sở Xây dựng');
      expect(res.body.total).toBe(1);
      expect(res.body.approvals.approvedCount).toBe(1);
      const admins = await get('/api/v1/reports/pipeline', admin, { asOf: '2026-01-06', province: 'SL' }).expect(200);
      expect(admins.body.total).toBe(19);
    });
  });

  it('refuses bad input with 422 problem+json, and other scopes with 403', async () => {
    expectProblem(await get('/api/v1/reports/approval-rate', leader, { format: 'docx' }), 422, 'VALIDATION_FAILED');
    expectProblem(await get('/api/v1/reports/approval-rate', leader, { format: 'pdf', asOf: '2026-02-30' }), 422, 'VALIDATION_FAILED');
    for (const year of ['1999', '3000', 'abc', '2026.5', '']) {
      const body = expectProblem(await get('/api/v1/reports/annual', leader, { year }), 422, 'VALIDATION_FAILED');
      expect(body.errors).toHaveProperty('year');
    }
    expectProblem(await get('/api/v1/reports/annual', leader, { year: 2100 }), 422, 'VALIDATION_FAILED');
    expectProblem(await get('/api/v1/reports/annual', leader, { year: 2026, format: 'csv' }), 422, 'VALIDATION_FAILED');
    // An administrator without a province gets the national summary (test/annual-report-national.e2e-spec.ts); not with one.
    expectProblem(await get('/api/v1/reports/annual', admin, { year: 2026, scope: 'national', province: 'SL' }), 422, 'VALIDATION_FAILED');
    expectProblem(await get('/api/v1/reports/annual', leader, { year: 2026, province: 'HN' }), 403, 'FORBIDDEN');
    expectProblem(await get('/api/v1/reports/pipeline', leader, { province: 'HN' }), 403, 'FORBIDDEN');
    expectProblem(await get('/api/v1/reports/pipeline', leader, { asOf: '06/01/2026' }), 422, 'VALIDATION_FAILED');
    expectProblem(await get('/api/v1/reports/pipeline', leader, { format: 'pdf' }), 422, 'VALIDATION_FAILED');
    expectProblem(await t.http().get('/api/v1/reports/annual'), 401, 'UNAUTHENTICATED');
  });
});

function findRow(sheet: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === label) found = n;
  });
  return found;
}
