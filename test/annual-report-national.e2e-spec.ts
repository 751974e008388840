import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { loadNationalDataset, NATIONAL_PASSWORD } from '../seeds/national/load-national';
import { createApp } from '../src/app.factory';
import { grantDatabaseToApp, migrateDatabase } from '../src/database/database-roles';
import { AnnualFigures, apiAnnualFigures, plainAnnualFigures, sumAnnualFigures } from './bench/plain-annual-sql';
import { TEST_APP_ROLE } from './support/test-cluster';
import { expectProblem } from './support/test-app';

// pdf-parse's index runs a self-test on require; its lib entry is the parser alone.
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

const YEAR = 2026;
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** Collects any response body as bytes. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

interface AnnualJson {
  asOf: string;
  period: { from: string; to: string };
  scope: { provinceCode: string | null; rootAgency: string | null; title: string };
  summary: AnnualFigures;
  systems: unknown[];
  provinces?: { provinceCode: string; title: string; summary: AnnualFigures }[];
}

/**
 * Mẫu 08 for the whole country (issue 25 item 3): an administrator who asks with `scope=national`, or names neither a
 * province nor a body, gets the country's figures — in JSON, XLSX and PDF — equal to the sum of the provinces' own
 * reports and to the plain SQL of the benchmark, on the national dataset (34 provinces) loaded small.
 */
describe('the national annual report (Mẫu 08) for administrators', () => {
  let sql: Client;
  let app: NestExpressApplication;
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password: NATIONAL_PASSWORD });
      expect(res.status).toBe(200);
      tokens.set(username, res.body.accessToken);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  const get = async (username: string, query: Record<string, string | number>) =>
    request(app.getHttpServer())
      .get('/api/v1/reports/annual')
      .query(query)
      .set(await as(username));
  const download = async (username: string, query: Record<string, string | number>) =>
    request(app.getHttpServer())
      .get('/api/v1/reports/annual')
      .query(query)
      .set(await as(username))
      .buffer(true)
      .parse(binary);
  let provinces: string[];

  beforeAll(async () => {
    const base = new URL(process.env.CAPDO_TEST_CLUSTER_URL!);
    const name = `national_annual_${randomBytes(6).toString('hex')}`;
    const cluster = new Client({ connectionString: base.toString() });
    await cluster.connect();
    try {
      await cluster.query(`CREATE DATABASE ${name}`);
      await grantDatabaseToApp(cluster, name, TEST_APP_ROLE.user);
    } finally {
      await cluster.end();
    }
    base.pathname = `/${name}`;
    const databaseUrl = base.toString();
    base.username = encodeURIComponent(TEST_APP_ROLE.user);
    base.password = encodeURIComponent(TEST_APP_ROLE.password);
    await migrateDatabase({ admin: databaseUrl, app: base.toString() });
    // Scale 0.01: 600 systems, 1,200 dossiers over the 4,000 bodies of 34 provinces.
    await loadNationalDataset(databaseUrl, { scale: 0.01, seed: 2026 });
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    provinces = (await sql.query(`SELECT DISTINCT province_code FROM agencies ORDER BY 1`)).rows.map((r) => r.province_code);
    process.env.DATABASE_URL = base.toString();
    // The annual report is a file route in every format (FILE_REQUESTS_PER_MINUTE): this spec asks for it 80 times.
    process.env.FILE_REQUESTS_PER_MINUTE = '0';
    app = await createApp({ logs: false });
  }, 180_000);
  afterAll(async () => {
    delete process.env.FILE_REQUESTS_PER_MINUTE;
    await app?.close();
    await sql?.end();
  });

  it('gives the country: the same figures as the sum of the 34 provinces’ reports and as the plain SQL, each province as its own report', async () => {
    expect(provinces).toHaveLength(34);
    const res = await get('admin', { year: YEAR, scope: 'national' });
    expect(res.status).toBe(200);
    const national = res.body as AnnualJson;
    expect(national.scope).toEqual({ provinceCode: null, rootAgency: null, title: 'Toàn quốc' });
    expect(national.systems).toEqual([]);
    expect(national.provinces!.map((p) => p.provinceCode).sort()).toEqual(provinces);
    expect(national.summary.systems).toBeGreaterThan(500);
    expect(national.summary.approved).toBeGreaterThan(0);

    // Without a province or body, an administrator gets the same national summary (not a 422).
    expect((await get('admin', { year: YEAR })).body).toEqual(national);

    const parts: AnnualFigures[] = [];
    for (const code of provinces) {
      const own = await get('admin', { year: YEAR, province: code });
      expect(own.status).toBe(200);
      const body = own.body as AnnualJson;
      expect(body.scope.provinceCode).toBe(code);
      expect(body.systems).toHaveLength(body.summary.systems);
      expect(body.provinces).toBeUndefined();
      // The country's row for the province is the province's own report, title included.
      const row = national.provinces!.find((p) => p.provinceCode === code)!;
      expect(row.title).toBe(body.scope.title);
      expect(row.summary).toEqual(body.summary);
      parts.push(apiAnnualFigures(body));
    }
    expect(apiAnnualFigures(national)).toEqual(sumAnnualFigures(parts));
    expect(apiAnnualFigures(national)).toEqual(await plainAnnualFigures(sql, null, national.asOf, national.period.from));
  }, 120_000);

  it('leaves a province’s report as it was: its leader’s report is the administrator’s for that province', async () => {
    const code = provinces[0];
    const leader = (await get(`lanhdao.${code.toLowerCase()}`, { year: YEAR })).body as AnnualJson;
    const admins = (await get('admin', { year: YEAR, province: code })).body as AnnualJson;
    expect(leader.scope.provinceCode).toBe(code);
    expect(leader.summary).toEqual(admins.summary);
    expect(leader.systems).toEqual(admins.systems);
    expect(apiAnnualFigures(leader)).toEqual(await plainAnnualFigures(sql, code, leader.asOf, leader.period.from));
  });

  it('downloads the national summary as XLSX: the country’s figures and a sheet by province, no list of systems', async () => {
    const json = (await get('admin', { year: YEAR, scope: 'national' })).body as AnnualJson;
    const res = await download('admin', { year: YEAR, scope: 'national', format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tong-hop-cap-do-toan-quoc-nam-${YEAR}-${json.asOf}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo tỉnh, thành phố']);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell(1, 1).value).toBe(`TỔNG HỢP TOÀN QUỐC TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM ${YEAR}`);
    let total: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng số hệ thống thông tin') total = row.getCell(2).value;
    });
    expect(total).toBe(json.summary.systems);
    const byProvince = workbook.getWorksheet('Theo tỉnh, thành phố')!;
    expect(byProvince.rowCount).toBe(json.provinces!.length + 1);
    expect(byProvince.getCell(1, 4).value).toBe('Tổng số hệ thống thông tin');
    let systems = 0;
    for (let r = 2; r <= byProvince.rowCount; r++) systems += byProvince.getCell(r, 4).value as number;
    expect(systems).toBe(json.summary.systems);
  });

  it('downloads the national summary as PDF: titled as a national summary, no issuer, addressee or signature', async () => {
    const json = (await get('admin', { year: YEAR, scope: 'national' })).body as AnnualJson;
    const res = await download('admin', { year: YEAR, scope: 'national', format: 'pdf' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = oneLine((await pdfParse(res.body)).text);
    expect(text).toContain(`TỔNG HỢP TOÀN QUỐC TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM ${YEAR}`);
    expect(text).toContain('không phải báo cáo của chủ quản hệ thống thông tin nào');
    expect(text).toContain('II. THEO TỈNH, THÀNH PHỐ');
    expect(text).toContain('Cả nước');
    expect(text).toContain(oneLine(json.provinces![0].title));
    // Nobody's letter: no "Số", no "Kính gửi", no "Nơi nhận", no signature block.
    expect(text).not.toContain('Kính gửi');
    expect(text).not.toContain('Nơi nhận');
    expect(text).not.toContain('ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC');
    expect(text).not.toContain('Số: ……');
    expect(text).toContain('gửi báo cáo của mình đến Bộ Công an trước ngày 25 tháng 12 (điểm b khoản 4 Điều 35 Nghị định số 331/2026');
  });

  it('refuses the national summary to a leader, an appraiser and an officer as the approval-rate report does (403)', async () => {
    const code = provinces[0].toLowerCase();
    const [{ officer }] = (await sql.query(`SELECT username AS officer FROM users WHERE role = 'AGENCY_OFFICER' ORDER BY username LIMIT 1`))
      .rows;
    for (const username of [`lanhdao.${code}`, `thamdinh.${code}.1`, officer]) {
      const annual = expectProblem(await get(username, { year: YEAR, scope: 'national' }), 403, 'FORBIDDEN');
      const rate = expectProblem(
        await request(app.getHttpServer())
          .get('/api/v1/reports/approval-rate')
          .query({ scope: 'national' })
          .set(await as(username)),
        403,
        'FORBIDDEN',
      );
      expect(annual.detail).toBe(rate.detail);
    }
  });

  it('refuses bad input with 422 problem+json', async () => {
    const [{ id }] = (await sql.query(`SELECT id FROM agencies ORDER BY code LIMIT 1`)).rows;
    for (const query of <Record<string, string | number>[]>[
      { year: YEAR, scope: 'world' },
      { year: YEAR, scope: 'NATIONAL' },
      { year: YEAR, scope: 'national', province: provinces[0] },
      { year: YEAR, scope: 'national', rootAgency: id },
      { year: 1999, scope: 'national' },
      { year: YEAR, scope: 'national', format: 'csv' },
    ]) {
      const body = expectProblem(await get('admin', query), 422, 'VALIDATION_FAILED');
      expect(Object.keys((body.errors as object) ?? {}).length).toBeGreaterThan(0);
    }
    // A period that has not started has no figures, for the country too.
    expectProblem(await get('admin', { year: 2100, scope: 'national' }), 422, 'VALIDATION_FAILED');
  });
});
