import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import request from 'supertest';
import { DISPATCH_APPROVED, DISPATCH_CUTOFF, DISPATCH_SUBMITTED, seedDemoActivity } from '../seeds/demo-activity';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

// pdf-parse's index runs a self-test on require; its lib entry is the parser alone.
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');
const stages = (s: Partial<Record<string, number>>) => ({
  WAITING: 0,
  RETURNED: 0,
  UNDER_APPRAISAL: 0,
  APPRAISED: 0,
  APPROVED: 0,
  WITHDRAWN: 0,
  OTHER: 0,
  ...s,
});

/**
 * Issue 19 point 8 on the Sơn La demo as of 06/01/2026 (the cut-off of dispatch 256/UBND-NC). From the seed
 * (seeds/demo-activity.ts): the 19 bodies of footnote 2 each sent one dossier by 06/01/2026, as operator and owner
 * of the system (the demo's systems are run by their owners); the 10 of footnote 3 were approved by then, with the
 * decision dated the day it was recorded. Công an tỉnh Sơn La appraised 18 of them: 9 approved, 2 returned for
 * supplement (Sở Ngoại vụ, Ban Quản lý các khu công nghiệp: i % 3 === 0 in demoTimeline) and 7 under appraisal; its
 * own dossier was appraised by the independent council it set up (ND331 Art. 18.4) and approved.
 */
describe('the approval-rate report keeps its reading and shows the others (Sơn La demo, 06/01/2026)', () => {
  let t: TestApp;
  let leader: string;
  let officer: string;
  let admin: string;
  const query = { asOf: DISPATCH_CUTOFF, readings: 'true' };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const report = (token: string, q: object = query) => t.http().get('/api/v1/reports/approval-rate').query(q).set(as(token));
  // The files carry the other readings without being asked.
  const file = (format: string) => report(leader, { asOf: DISPATCH_CUTOFF, format }).buffer(true).parse(binary).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [leader, officer, admin] = await Promise.all(['lanhdao', 'canbo.sl-so-xd', 'admin'].map((u) => t.login(u)));
  }, 180_000);
  afterAll(() => t.close());

  it('keeps the default figures of the dispatch (19 submitted, 10 approved) and says they are the default', async () => {
    const { body } = await report(leader).expect(200);
    expect(body.agencies).toMatchObject({ total: 95, submitted: 19, approved: 10, approvalRate: 52.6 });
    const codes = (key: 'submitted' | 'approved') =>
      body.agencyRows
        .filter((r: Record<string, boolean>) => r[key])
        .map((r: { code: string }) => r.code)
        .sort();
    expect(codes('submitted')).toEqual([...DISPATCH_SUBMITTED].sort());
    expect(codes('approved')).toEqual([...DISPATCH_APPROVED].sort());
    expect(body.readings.default).toBe('BY_OWNER');
    expect(body.readings.note).toContain('256/UBND-NC');
    expect(body.readings.byOwner).toMatchObject({ total: 95, submitted: 19, approved: 10, approvalRate: 52.6, submissionRate: 20 });
  });

  it('leaves the JSON as it was unless the readings are asked for (readings=true); refuses another value', async () => {
    const { body } = await report(leader, { asOf: DISPATCH_CUTOFF }).expect(200);
    expect(body).not.toHaveProperty('readings');
    expect(body.agencies).toMatchObject({ submitted: 19, approved: 10 });
    expect((await report(leader, { asOf: DISPATCH_CUTOFF, readings: 'false' }).expect(200)).body).not.toHaveProperty('readings');
    const problem = expectProblem(await report(leader, { asOf: DISPATCH_CUTOFF, readings: 'yes' }), 422, 'VALIDATION_FAILED');
    expect(JSON.stringify(problem)).toContain('readings');
  });

  it('by the body that sent the dossier: the same 19 and 10, every demo system being run by its owner', async () => {
    const { body } = await report(leader).expect(200);
    expect(body.readings.bySender).toMatchObject({ total: 95, submitted: 19, approved: 10, onlyBySender: [], onlyByOwner: [] });
  });

  it('by appraising body: Công an tỉnh received 18 bodies (9 approved, 7 under appraisal, 2 returned), its council 1', async () => {
    const { body } = await report(leader).expect(200);
    expect(body.readings.byAppraiser.appraisers).toEqual([
      {
        appraiserName: 'Công an tỉnh Sơn La',
        bodiesReceived: 18,
        bodiesApproved: 9,
        dossiersReceived: 18,
        byStage: stages({ RETURNED: 2, UNDER_APPRAISAL: 7, APPROVED: 9 }),
      },
      {
        appraiserName: 'Hội đồng thẩm định độc lập hồ sơ đề xuất cấp độ của Công an tỉnh Sơn La',
        bodiesReceived: 1,
        bodiesApproved: 1,
        dossiersReceived: 1,
        byStage: stages({ APPROVED: 1 }),
      },
    ]);
  });

  it('by decision date: 10 as well, each demo decision being dated the day it was recorded', async () => {
    const { body } = await report(leader).expect(200);
    expect(body.readings.byDecisionDate).toMatchObject({
      bodiesApprovedByRecord: 10,
      bodiesApprovedByDecisionDate: 10,
      dossiersApprovedByRecord: 10,
      dossiersApprovedByDecisionDate: 10,
      decidedByDayRecordedLater: 0,
      onlyByDecisionDate: [],
    });
  });

  it('ZIP: the default figures, then a table for each reading, the appraisers and the sentences', async () => {
    const files = unzipSync((await file('zip')).body);
    const table = (name: string) => parse(Buffer.from(files[name]).toString('utf8').slice(1)) as string[][];
    expect(table('tong-hop-theo-nhom.csv').find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', '95', '19', '10', '76', '52.6', '20']);
    expect(table('giai-thich-cach-dem.csv')[1][1]).toContain('256/UBND-NC');
    const readings = table('cach-dem-khac.csv');
    expect(readings).toContainEqual(['Theo cơ quan chủ quản (cách đếm mặc định)', '95', '19', '10', '52.6']);
    expect(readings).toContainEqual(['Theo đơn vị gửi hồ sơ (đơn vị vận hành)', '95', '19', '10', '52.6']);
    expect(readings).toContainEqual(['Theo ngày ký quyết định phê duyệt', '95', '19', '10', '52.6']);
    expect(table('don-vi-tham-dinh.csv')).toContainEqual(['Công an tỉnh Sơn La', '18', '18', '0', '2', '7', '0', '9', '9']);
    expect(table('giai-thich-cach-dem.csv').find((r) => r[0] === 'Theo đơn vị thẩm định')?.[1]).toContain('19 đơn vị');
  });

  it('XLSX: a sheet "Các cách đếm khác" with the same figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await file('xlsx')).body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Chưa gửi hồ sơ', 'Các cách đếm khác']);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Các cách đếm khác')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Theo cơ quan chủ quản (cách đếm mặc định)', 95, 19, 10, 0.526]);
    expect(rows).toContainEqual(['Công an tỉnh Sơn La', 18, 18, 0, 2, 7, 0, 9, 9]);
    expect(rows).toContainEqual(['Hồ sơ được phê duyệt, theo ngày ký quyết định', 10]);
  });

  it('PDF: section V after the list of bodies that have not submitted, each reading explained', async () => {
    const text = oneLine((await pdfParse((await file('pdf')).body)).text);
    expect(text).toContain('19/95 cơ quan, đơn vị đã gửi hồ sơ');
    const section = text.slice(text.indexOf('V. CÁC CÁCH ĐẾM KHÁC'));
    expect(text.indexOf('V. CÁC CÁCH ĐẾM KHÁC')).toBeGreaterThan(text.indexOf('IV. DANH SÁCH'));
    for (const phrase of [
      'Số liệu chính của báo cáo đếm theo cơ quan chủ quản',
      'Theo đơn vị gửi hồ sơ (đơn vị vận hành)',
      'Công an tỉnh Sơn La',
      'Hội đồng thẩm định độc lập',
      'Công an tỉnh đã tiếp nhận hồ sơ của 19 đơn vị',
      'Theo ngày ký quyết định phê duyệt',
    ])
      expect(section).toContain(phrase);
  });

  it("shows an officer its own agency's readings only", async () => {
    const { body } = await report(officer).expect(200);
    expect(body.readings.byOwner).toMatchObject({ total: 1, submitted: 1, approved: 1 });
    expect(body.readings.bySender).toMatchObject({ total: 1, submitted: 1, approved: 1 });
    expect(body.readings.byAppraiser.appraisers).toEqual([
      { appraiserName: 'Công an tỉnh Sơn La', bodiesReceived: 1, bodiesApproved: 1, dossiersReceived: 1, byStage: stages({ APPROVED: 1 }) },
    ]);
  });

  it('refuses another province, a scope chosen by a non-administrator, a bad day and an anonymous caller', async () => {
    expectProblem(await report(leader, { ...query, province: 'HN' }), 403, 'FORBIDDEN');
    expectProblem(await report(officer, { ...query, scope: 'national' }), 403, 'FORBIDDEN');
    expectProblem(await report(leader, { asOf: '2026-02-30', format: 'csv' }), 422, 'VALIDATION_FAILED');
    expectProblem(await report(leader, { ...query, format: 'docx' }), 422, 'VALIDATION_FAILED');
    expectProblem(await t.http().get('/api/v1/reports/approval-rate').query(query), 401, 'UNAUTHENTICATED');
    const national = await report(admin, { ...query, scope: 'national' }).expect(200);
    expect(national.body.readings.byOwner).toMatchObject({ submitted: 19, approved: 10 });
  });

  describe('when the sender is not the owner and a decision is dated before it was recorded', () => {
    let names: Map<string, string>;
    beforeAll(async () => {
      const rows: { code: string; name: string }[] = (await report(leader).expect(200)).body.agencyRows;
      names = new Map(rows.map((r) => [r.code, r.name]));
      // Sở Tài chính sent Sở Ngoại vụ's dossier as its operating unit; Sở Tư pháp's approval, recorded on 10/02/2026,
      // is a decision signed on 05/01/2026. Neither column is a report fact, so the default figures do not move.
      await t.db.query(
        `UPDATE dossiers SET operator_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-TC')
          WHERE owner_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-NGV')`,
      );
      const [, updated] = await t.db.query(
        `UPDATE dossiers SET decision = jsonb_set(decision, '{date}', '"2026-01-05"')
          WHERE owner_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-TP') AND approved_at IS NOT NULL`,
      );
      expect(updated).toBe(1);
    });

    it('counts the sender and the decision date apart, and leaves the default at 19 and 10', async () => {
      const { body } = await report(leader).expect(200);
      expect(body.agencies).toMatchObject({ submitted: 19, approved: 10 });
      expect(body.readings.bySender).toMatchObject({
        submitted: 19,
        approved: 10,
        onlyBySender: [names.get('SL-SO-TC')],
        onlyByOwner: [names.get('SL-SO-NGV')],
      });
      expect(body.readings.byDecisionDate).toMatchObject({
        bodiesApprovedByRecord: 10,
        bodiesApprovedByDecisionDate: 11,
        dossiersApprovedByRecord: 10,
        dossiersApprovedByDecisionDate: 11,
        decidedByDayRecordedLater: 1,
        onlyByDecisionDate: [names.get('SL-SO-TP')],
      });
      // The appraiser still has Sở Tư pháp's dossier under appraisal on that day: it was approved later.
      expect(body.readings.byAppraiser.appraisers[0].byStage).toMatchObject({ UNDER_APPRAISAL: 7, APPROVED: 9 });
      const files = unzipSync((await file('zip')).body);
      const table = (name: string) => parse(Buffer.from(files[name]).toString('utf8').slice(1)) as string[][];
      expect(table('cach-dem-khac.csv')).toContainEqual(['Theo ngày ký quyết định phê duyệt', '95', '19', '11', '57.9']);
      expect(table('giai-thich-cach-dem.csv').some((r) => r[0] === 'Khác biệt' && r[1].includes(names.get('SL-SO-TP')!))).toBe(true);
    });
  });
});
