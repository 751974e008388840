import ExcelJS from 'exceljs';
import request from 'supertest';
import { DISPATCH_DEADLINE, DISPATCH_SUBMITTED, seedDemoActivity } from '../seeds/demo-activity';
import { AnnualReportRemindersService } from '../src/annual-reports/annual-report-reminders.service';
import { Clock } from '../src/common/clock';
import { CampaignRemindersService } from '../src/reports/campaign-reminders.service';
import { createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession } from './support/web-session';

/**
 * Issue 20 §7 on the Sơn La demo: Mẫu 08 columns 10–12 from the plan items and inspections on record, the leader's
 * after-approval dashboard and its XLSX exports, the annual report as a campaign with its reminders, and the
 * reminders to bodies that have not submitted under an existing campaign.
 */
jest.setTimeout(120_000);

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

interface PlanItem {
  id: string;
  status: string;
  version: number;
}

const TODAY = '2026-12-10';

describe('after approval: Mẫu 08 columns 10–12, dashboard, exports, annual report campaign, reminders', () => {
  let t: TestApp;
  let leader: string;
  let officer: string;
  let admin: string;
  let appraiser: string;
  let systemId: string;
  let systemName: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, token: string, query: object = {}) => t.http().get(path).query(query).set(as(token));
  const file = (path: string, token: string, query: object = {}) => get(path, token, query).buffer(true).parse(binary);
  const annualRow = async () =>
    (await get('/api/v1/reports/annual', leader, { year: 2026 }).expect(200)).body.systems.find(
      (r: { systemId: string }) => r.systemId === systemId,
    );
  const items = async (): Promise<PlanItem[]> =>
    (await get(`/api/v1/systems/${systemId}/plan-items`, admin).expect(200)).body.sections.flatMap((s: { items: PlanItem[] }) => s.items);
  const dashboard = async (token = leader, query: object = { asOf: TODAY }) =>
    (await get('/api/v1/reports/after-approval', token, query).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    t.app.get(Clock).setFixed(TODAY);
    [leader, officer, admin, appraiser] = await Promise.all(['lanhdao', 'canbo.sl-so-xd', 'admin', 'thamdinh'].map((u) => t.login(u)));
    // An approved system of the demo whose approval made plan items (through the workflow, src/plan-items).
    const [row] = await t.db.query(
      `SELECT s.id, s.name FROM systems s WHERE s.province_code = 'SL' AND s.approved_level IS NOT NULL
          AND EXISTS (SELECT 1 FROM plan_items p WHERE p.system_id = s.id AND p.superseded_at IS NULL)
        ORDER BY s.name LIMIT 1`,
    );
    if (!row) throw new Error('the demo has no approved system with plan items');
    systemId = row.id;
    systemName = row.name;
  }, 180_000);
  afterAll(() => t.close());

  describe('Mẫu 08 columns 10–12 come from the records', () => {
    it('TT12 Art. 14.4 / ND331 Art. 36.5: column 10 and 11 follow the plan items, column 12 the inspections table', async () => {
      const before = await annualRow();
      expect(before.deploymentStatusLabel).not.toBe('Đã triển khai đầy đủ');
      const all = await items();
      const open = all.filter((i) => i.status !== 'DONE' && i.status !== 'NOT_APPLICABLE');
      expect(open.length).toBeGreaterThan(0);
      const [last, ...rest] = open;
      for (const item of rest) {
        await t
          .http()
          .patch(`/api/v1/systems/${systemId}/plan-items/${item.id}`)
          .set(as(admin))
          .send({ version: item.version, status: 'DONE' })
          .expect(200);
      }
      await t
        .http()
        .patch(`/api/v1/systems/${systemId}/plan-items/${last.id}`)
        .set(as(admin))
        .send({ version: last.version, status: 'IN_PROGRESS', plannedDate: '2027-03-31' })
        .expect(200);
      if (all.some((i) => i.status === 'DONE') || rest.length > 0) {
        expect(await annualRow()).toMatchObject({
          deploymentStatusLabel: 'Đã triển khai một số hạng mục',
          expectedFullDeploymentOn: '2027-03-31',
        });
      }
      const current = (await items()).find((i) => i.id === last.id)!;
      await t
        .http()
        .patch(`/api/v1/systems/${systemId}/plan-items/${last.id}`)
        .set(as(admin))
        .send({ version: current.version, status: 'DONE' })
        .expect(200);
      expect(await annualRow()).toMatchObject({ deploymentStatusLabel: 'Đã triển khai đầy đủ', expectedFullDeploymentOn: null });

      const onTimeBefore = (await dashboard()).tiers.at(-1).inspectedOnTime;
      await t
        .http()
        .post(`/api/v1/systems/${systemId}/inspections`)
        .set(as(admin))
        .send({
          kind: 'PERIODIC',
          performedOn: '2026-11-20',
          performer: 'Công an tỉnh Sơn La',
          independent: true,
          qualified: true,
          method: 'GRAY_BOX',
        })
        .expect(201);
      // The legacy list on the system is not what the report reads: emptied, column 12 still shows the inspection.
      await t.db.query(`UPDATE systems SET inspections = '[]'::jsonb WHERE id = $1`, [systemId]);
      expect(await annualRow()).toMatchObject({
        inspectionStatus: 'Định kỳ',
        lastInspection: { date: '2026-11-20', kindLabel: 'Định kỳ', performer: 'Công an tỉnh Sơn La' },
      });
      expect((await dashboard()).tiers.at(-1).inspectedOnTime).toBe(onTimeBefore + 1);
    });
  });

  describe('GET /api/v1/reports/after-approval', () => {
    it('counts the approved systems by level tier, with plans fully deployed and the total last', async () => {
      const body = await dashboard();
      expect(body.tiers.map((x: { tier: string }) => x.tier)).toEqual(['LEVEL_1_2', 'LEVEL_3', 'LEVEL_4_5', 'TOTAL']);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM systems WHERE province_code = 'SL' AND approved_level IS NOT NULL
            AND approval_decision_date <= $1 AND retired_at IS NULL`,
        [TODAY],
      );
      const total = body.tiers.at(-1);
      expect(total.approved).toBe(n);
      expect(total.fullyDeployed).toBeGreaterThanOrEqual(1);
      expect(total.inspectedOnTime + total.inspectedLate + total.inspectionOverdue + total.notYetDue).toBe(total.approved);
      expect(body.regime).toBe('ND331');
      expect((await dashboard(appraiser)).tiers.at(-1).approved).toBe(n);
    });

    it('scopes an officer to its own agency and lets an administrator choose the province', async () => {
      const mine = (await dashboard(officer)).tiers.at(-1).approved;
      expect(mine).toBeLessThanOrEqual((await dashboard()).tiers.at(-1).approved);
      expect((await dashboard(admin, { asOf: TODAY, province: 'SL' })).tiers.at(-1).approved).toBe(
        (await dashboard()).tiers.at(-1).approved,
      );
      expectProblem(await get('/api/v1/reports/after-approval', admin, { asOf: TODAY }), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/reports/after-approval', leader, { province: 'LC' }), 403, 'FORBIDDEN');
    });

    it('refuses bad input with a problem', async () => {
      expectProblem(await get('/api/v1/reports/after-approval', leader, { asOf: '2026-02-30' }), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/reports/after-approval', leader, { rootAgency: 'x' }), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/reports/after-approval', leader, { extra: '1' }), 422, 'VALIDATION_FAILED');
    });
  });

  describe('XLSX exports by agency', () => {
    it('lists the plan items and the inspections, text never a formula', async () => {
      await t.db.query(`UPDATE systems SET name = $2 WHERE id = $1`, [systemId, '=HYPERLINK("http://x.example","bấm")']);
      const plan = await file('/api/v1/reports/plan-items.xlsx', leader, { asOf: TODAY }).expect(200);
      expect(plan.headers['content-disposition']).toBe(`attachment; filename="hang-muc-phuong-an-${TODAY}.xlsx"`);
      const planBook = await readWorkbook(plan.body);
      expect(planBook.worksheets.map((s) => s.name)).toEqual(['Theo cơ quan', 'Hạng mục']);
      const list = planBook.getWorksheet('Hạng mục')!;
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM plan_items p JOIN systems s ON s.id = p.system_id WHERE s.province_code = 'SL' AND p.superseded_at IS NULL`,
      );
      expect(list.rowCount).toBe(n + 1);
      const names: unknown[] = [];
      list.eachRow((row, i) => i > 1 && names.push(row.getCell(4).value));
      expect(names).toContain('=HYPERLINK("http://x.example","bấm")');
      expect(names.every((v) => typeof v === 'string')).toBe(true);

      const insp = await file('/api/v1/reports/inspections.xlsx', leader, { asOf: TODAY }).expect(200);
      const inspBook = await readWorkbook(insp.body);
      expect(inspBook.worksheets.map((s) => s.name)).toEqual(['Theo cơ quan', 'Lịch kiểm tra', 'Các lần kiểm tra']);
      const done = inspBook.getWorksheet('Các lần kiểm tra')!;
      const rows: unknown[][] = [];
      done.eachRow((row, i) => i > 1 && rows.push((row.values as unknown[]).slice(1)));
      expect(rows.find((r) => r[2] === '=HYPERLINK("http://x.example","bấm")')).toEqual(
        expect.arrayContaining(['Định kỳ', 'Công an tỉnh Sơn La', 'Có']),
      );
      await t.db.query(`UPDATE systems SET name = $2 WHERE id = $1`, [systemId, systemName]);
    });

    it('narrows to one agency and refuses a malformed one', async () => {
      const [{ owner }] = await t.db.query(`SELECT owner_agency_id AS owner FROM systems WHERE id = $1`, [systemId]);
      const res = await file('/api/v1/reports/inspections.xlsx', leader, { asOf: TODAY, agencyId: owner }).expect(200);
      const sheet = (await readWorkbook(res.body)).getWorksheet('Theo cơ quan')!;
      expect(sheet.rowCount).toBe(2);
      expectProblem(await get('/api/v1/reports/plan-items.xlsx', leader, { agencyId: 'nope' }), 422, 'VALIDATION_FAILED');
    });
  });

  describe('the annual report as a campaign (TT12 Art. 13.4, ND331 Art. 35.4)', () => {
    const progress = async (token: string, query: object = {}) =>
      (await get('/api/v1/annual-reports/2026/progress', token, query).expect(200)).body;
    const stage = (body: { stages: { stage: string }[] }, s: string) => body.stages.find((x) => x.stage === s) as Record<string, any>;

    it('lists the owners due before 25/12 and the units due before 20/12', async () => {
      const body = await progress(leader);
      expect(body).toMatchObject({ year: 2026, periodFrom: '2025-12-15', periodTo: '2026-12-14', provinceCode: 'SL' });
      const owners = stage(body, 'OWNER_TO_MINISTRY');
      expect(owners).toMatchObject({ deadline: '2026-12-25', label: 'Chủ quản gửi Bộ Công an' });
      const [{ n }] = await t.db.query(
        `SELECT count(DISTINCT owner_agency_id)::int AS n FROM systems WHERE province_code = 'SL' AND retired_at IS NULL`,
      );
      expect(owners.expected).toBe(n);
      expect(owners.notYet).toBe(n);
      expect(stage(body, 'UNIT_TO_OWNER').deadline).toBe('2026-12-20');
    });

    it("records an owner's report once, on time; refuses a duplicate, a future day, and a stage it does not owe", async () => {
      const body = {
        stage: 'OWNER_TO_MINISTRY',
        sentOn: '2026-12-09',
        documentNumber: '125/BC-SXD',
        recipient: 'Bộ Công an',
      };
      const created = await t.http().post('/api/v1/annual-reports/2026/submissions').set(as(officer)).send(body).expect(201);
      expect(created.body).toMatchObject({ year: 2026, stage: 'OWNER_TO_MINISTRY', sentOn: '2026-12-09', documentNumber: '125/BC-SXD' });
      expectProblem(await t.http().post('/api/v1/annual-reports/2026/submissions').set(as(officer)).send(body), 409, 'DUPLICATE');
      const mine = await progress(officer);
      expect(stage(mine, 'OWNER_TO_MINISTRY').bodies).toEqual([
        expect.objectContaining({ state: 'ON_TIME', stateLabel: 'Đã gửi đúng hạn', documentNumber: '125/BC-SXD' }),
      ]);
      expectProblem(
        await t
          .http()
          .post('/api/v1/annual-reports/2026/submissions')
          .set(as(officer))
          .send({ ...body, stage: 'UNIT_TO_OWNER', sentOn: '2026-12-11' }),
        422,
        'VALIDATION_FAILED',
      );
      const owesUnit = stage(mine, 'UNIT_TO_OWNER').expected > 0;
      const res = await t
        .http()
        .post('/api/v1/annual-reports/2026/submissions')
        .set(as(officer))
        .send({ ...body, stage: 'UNIT_TO_OWNER' });
      if (owesUnit) expect(res.status).toBe(201);
      else expectProblem(res, 422, 'ANNUAL_REPORT_STAGE_NOT_OWED');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'annual_report_submission'`);
      expect(n).toBe(owesUnit ? 2 : 1);
    });

    it('refuses bad input and the wrong role, and hides another province', async () => {
      const body = { stage: 'OWNER_TO_MINISTRY', sentOn: '2026-12-09', documentNumber: '1/BC' };
      expectProblem(await t.http().post('/api/v1/annual-reports/2026/submissions').set(as(leader)).send(body), 403, 'FORBIDDEN');
      expectProblem(await t.http().post('/api/v1/annual-reports/abcd/submissions').set(as(officer)).send(body), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/annual-reports/1999/progress', leader), 422, 'VALIDATION_FAILED');
      expectProblem(
        await t
          .http()
          .post('/api/v1/annual-reports/2026/submissions')
          .set(as(officer))
          .send({ ...body, stage: 'X' }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(await t.http().post('/api/v1/annual-reports/2026/submissions').set(as(admin)).send(body), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/annual-reports/2026/progress', admin), 422, 'VALIDATION_FAILED');
      expectProblem(await get('/api/v1/annual-reports/2026/progress', leader, { province: 'LC' }), 403, 'FORBIDDEN');
      expect((await progress(admin, { province: 'LC' })).stages.every((s: { expected: number }) => s.expected === 0)).toBe(true);
    });

    it('reminds the owners that have not sent it 7 days before the last day on time, once a day', async () => {
      const reminders = t.app.get(AnnualReportRemindersService);
      const sent = await reminders.run('2026-12-17');
      expect(sent).toBeGreaterThan(0);
      expect(await reminders.run('2026-12-17')).toBe(0);
      const rows = await t.db.query(
        `SELECT n.title, a.code FROM notifications n JOIN users u ON u.id = n.user_id JOIN agencies a ON a.id = u.agency_id
          WHERE n.dedupe_key LIKE 'annual-report:%'`,
      );
      expect(rows.length).toBe(sent);
      expect(rows.every((r: { title: string }) => r.title === 'Báo cáo năm 2026: còn 7 ngày')).toBe(true);
      // Sở Xây dựng recorded its report: not reminded.
      expect(rows.some((r: { code: string }) => r.code === 'SL-SO-XD')).toBe(false);
      expect(await reminders.run('2026-12-16')).toBe(0);
    });
  });

  describe('campaign reminders to bodies that have not submitted', () => {
    it('reminds each missing body once a day, 7 days before the dispatch deadline', async () => {
      const reminders = t.app.get(CampaignRemindersService);
      const day = '2026-02-08';
      expect(DISPATCH_DEADLINE).toBe('2026-02-15');
      const sent = await reminders.run(day);
      expect(sent).toBeGreaterThan(0);
      expect(await reminders.run(day)).toBe(0);
      const codes: string[] = (
        await t.db.query(
          `SELECT DISTINCT a.code FROM notifications n JOIN users u ON u.id = n.user_id JOIN agencies a ON a.id = u.agency_id
            WHERE n.dedupe_key LIKE 'campaign:%' AND n.kind = 'CAMPAIGN_REMINDER'`,
        )
      ).map((r: { code: string }) => r.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.some((c) => DISPATCH_SUBMITTED.includes(c))).toBe(false);
      expect(await reminders.run('2026-02-10')).toBe(0);
    });
  });

  describe('the report page', () => {
    it('shows the after-approval section and the annual report progress to the leader', async () => {
      const session = await webSession(t, 'lanhdao');
      const page = await t.http().get('/bao-cao').set('cookie', session.cookie).expect(200);
      expect(page.text).toContain('Sau phê duyệt: triển khai phương án và kiểm tra, đánh giá');
      expect(page.text).toContain('Báo cáo năm 2026 (số liệu từ 15/12/2025 đến 14/12/2026)');
      expect(page.text).toContain('/api/v1/reports/inspections.xlsx');
    });

    it("lets an officer record its agency's annual report from the page, and shows what is wrong in the form", async () => {
      const token = await t.login('canbo.sl-so-yt');
      const mine = (await get('/api/v1/annual-reports/2026/progress', token).expect(200)).body;
      const owed = mine.stages.find((x: { expected: number }) => x.expected > 0);
      expect(owed).toBeDefined();
      const session = await webSession(t, 'canbo.sl-so-yt');
      const page = await t.http().get('/bao-cao').set('cookie', session.cookie).expect(200);
      expect(page.text).toContain('Ghi nhận cơ quan đã gửi báo cáo năm 2026');
      const post = (form: object) =>
        t
          .http()
          .post('/bao-cao/bao-cao-nam')
          .set('cookie', session.cookie)
          .type('form')
          .send({ _csrf: session.csrf, year: '2026', ...form });
      const bad = await post({ stage: owed.stage, sentOn: '31/02/2026', documentNumber: '' });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('aria-invalid="true"');
      const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM annual_report_submissions`);
      const ok = await post({ stage: owed.stage, sentOn: '08/12/2026', documentNumber: '7/BC-SYT' });
      expect(ok.status).toBe(303);
      const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM annual_report_submissions`);
      expect(after).toBe(before + 1);
      const again = (await get('/api/v1/annual-reports/2026/progress', token).expect(200)).body;
      expect(again.stages.find((x: { stage: string }) => x.stage === owed.stage).onTime).toBe(owed.onTime + 1);
    });
  });
});
