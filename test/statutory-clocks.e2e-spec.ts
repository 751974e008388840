import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Statutory clocks as the law counts them (issue 19 point 3; docs/legal/statutory-clocks.md): the appraisal runs from the
 * receipt of the complete, valid dossier (ND331 Art. 23.3), not from "start appraisal"; the return for supplement
 * belongs to the validity window (Art. 23.2); a clock over a calendar day whose source is not confirmed (Tết 2027 has
 * no notice yet) carries a warning until an administrator confirms the day.
 */
describe('statutory clocks', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let appraiser: string;
  let leader: string;
  let admin: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const act = (token: string, id: string, action: string, body: object) =>
    t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
  const queueItem = async (id: string) =>
    (await t.http().get('/api/v1/appraisal-queue').set(as(appraiser)).expect(200)).body.items.find((i: { id: string }) => i.id === id);
  const confirm = (token: string, day: string, body: object) =>
    t.http().put(`/api/v1/calendar/days/${day}/confirmation`).set(as(token)).send(body);

  const browser = (username: string): Promise<WebSession> => webSession(t, username);

  /** A level-3 ND331 dossier of Sở Xây dựng sent to Công an tỉnh on `day`. */
  const submittedOn = async (day: string, code: string): Promise<string> => {
    clock.setFixed(day);
    const systemId = await createSystem(t, officer, 'SL-SO-XD', code, `Hệ thống ${code} Sở Xây dựng`);
    const { id, version } = await createCompleteDossier(t, officer, systemId);
    await act(officer, id, 'submit', { version }).expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    [officer, appraiser, leader, admin] = await Promise.all(['canbo.sl-so-xd', 'thamdinh', 'lanhdao', 'admin'].map((u) => t.login(u)));
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  describe('the appraisal runs from the receipt (ND331 Art. 23.3), both dates visible', () => {
    let id: string;

    it('on receipt (Monday 01/02/2027) shows the validity reply (15/02, after Tết) and the appraisal (01/03), with the Tết warning', async () => {
      id = await submittedOn('2027-02-01', 'CLOCK-A');
      const { workflow } = await get(id);
      expect(workflow).toMatchObject({
        receivedOn: '2027-02-01',
        dueOn: '2027-02-15',
        dueKind: 'VALIDITY',
        validityDueOn: '2027-02-15',
        validityDueLabel: expect.stringContaining('khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP'),
        appraisalDueOn: '2027-03-01',
        appraisalDueLabel: expect.stringContaining('15 ngày làm việc'),
      });
      // Tết 2027 has no official notice yet: its weekdays off are flagged on the clock.
      expect(workflow.unconfirmedDays.map((d: { day: string }) => d.day)).toEqual([
        '2027-02-05',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
      ]);
      expect(workflow.calendarWarning).toContain('05/02/2027');
      expect(await queueItem(id)).toMatchObject({
        dueOn: '2027-02-15',
        validityDueOn: '2027-02-15',
        appraisalDueOn: '2027-03-01',
        returnAllowed: true,
        calendarWarning: expect.stringContaining('chưa được xác nhận'),
      });
    });

    it('found valid on Friday 12/02 (after Tết): the appraisal stays due 01/03, counted from 01/02 — not 05/03 from the click', async () => {
      clock.setFixed('2027-02-12');
      const d = await get(id);
      const res = await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
      expect(res.body.workflow).toMatchObject({
        dueKind: 'APPRAISAL',
        dueOn: '2027-03-01',
        appraisalDueOn: '2027-03-01',
        validityDueOn: '2027-02-15',
      });
      const history = (await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(appraiser)).expect(200)).body;
      expect(JSON.stringify(history)).toContain('2027-03-01');
    });

    it('refuses a return for supplement after the validity window (409, the article, Mẫu 04 instead), writing nothing', async () => {
      clock.setFixed('2027-02-16');
      const d = await get(id);
      const events = await countRows(t.db, 'dossier_events');
      const body = expectProblem(
        await act(appraiser, id, 'return', { version: d.version, items: ['Bổ sung sơ đồ mạng'] }),
        409,
        'DOSSIER_RETURN_WINDOW_CLOSED',
      );
      expect(body.detail).toContain('15/02/2027');
      expect(body.detail).toContain('khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP');
      expect(body.detail).toContain('Mẫu 04');
      expect((await get(id)).version).toBe(d.version);
      expect(await countRows(t.db, 'dossier_events')).toBe(events);
      expect(await queueItem(id)).toMatchObject({ returnAllowed: false });
      expect((await get(id)).workflow.returnOpen).toBe(false);
      // The appraisal page shows both dates and, instead of the return form, what to do (Mẫu 04).
      const web = await browser('thamdinh');
      const page = await t.http().get(`/tham-dinh/${id}`).set('cookie', web.cookie).expect(200);
      expect(page.text).toContain('Đã quá hạn yêu cầu bổ sung (15/02/2027)');
      expect(page.text).not.toContain('Gửi yêu cầu bổ sung');
      expect(page.text).toContain('01/03/2027');
    });
  });

  it('allows the return on the last day of the window; the resubmission starts both clocks again from its own receipt', async () => {
    const id = await submittedOn('2027-02-01', 'CLOCK-B');
    clock.setFixed('2027-02-15');
    let d = await get(id);
    await act(appraiser, id, 'return', { version: d.version, items: ['Bổ sung quy chế'] }).expect(200);
    // The returned dossier keeps the dates of the round it answered.
    expect((await get(id)).workflow).toMatchObject({ dueOn: null, validityDueOn: '2027-02-15', appraisalDueOn: '2027-03-01' });
    clock.setFixed('2027-02-22');
    d = await get(id);
    const res = await act(officer, id, 'submit', { version: d.version }).expect(200);
    // Monday 22/02: 5 working days → 01/03; 15 → 15/03 (no unconfirmed day in between).
    expect(res.body.workflow).toMatchObject({
      receivedOn: '2027-02-22',
      validityDueOn: '2027-03-01',
      appraisalDueOn: '2027-03-15',
      unconfirmedDays: [],
      calendarWarning: null,
    });
    clock.setFixed('2027-02-26');
    d = await get(id);
    const started = await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
    expect(started.body.workflow).toMatchObject({ dueOn: '2027-03-15', dueKind: 'APPRAISAL' });
  });

  describe('unconfirmed calendar days (Quốc khánh 2026, Tết 2027)', () => {
    it('lists them for the administrator, who confirms one against its notice; the warning leaves the clocks crossing it', async () => {
      const year = (await t.http().get('/api/v1/calendar?year=2027').set(as(admin)).expect(200)).body;
      const tet = year.days.find((d: { day: string }) => d.day === '2027-02-05');
      expect(tet).toMatchObject({ confirmed: false, sourceDocument: null, provisional: true });
      expect(year.days.find((d: { day: string }) => d.day === '2027-01-01')).toMatchObject({
        confirmed: true,
        sourceDocument: expect.stringContaining('Điều 112'),
      });

      const id = await submittedOn('2027-02-01', 'CLOCK-C');
      const audits = await countRows(t.db, 'audit_log');
      const res = await confirm(admin, '2027-02-05', { source: '  Thông báo số 100/TB-BNV '.normalize('NFD') }).expect(200);
      expect(res.body).toMatchObject({
        day: '2027-02-05',
        weekday: 'Thứ Sáu',
        source: 'Thông báo số 100/TB-BNV',
        confirmedBy: expect.any(String),
      });
      expect(await countRows(t.db, 'audit_log')).toBe(audits + 1);
      const after = (await get(id)).workflow;
      expect(after.unconfirmedDays.map((d: { day: string }) => d.day)).not.toContain('2027-02-05');
      expect(after.unconfirmedDays.map((d: { day: string }) => d.day)).toContain('2027-02-08');
      const listed = (await t.http().get('/api/v1/calendar?year=2027').set(as(leader)).expect(200)).body;
      expect(listed.days.find((d: { day: string }) => d.day === '2027-02-05')).toMatchObject({ confirmed: true });
      expect(listed.confirmations).toEqual([expect.objectContaining({ day: '2027-02-05', source: 'Thông báo số 100/TB-BNV' })]);
      // Quốc khánh 2026: the day next to 2/9 is flagged; an administrator confirms it too.
      const y2026 = (await t.http().get('/api/v1/calendar?year=2026').set(as(admin)).expect(200)).body;
      expect(y2026.days.filter((d: { confirmed: boolean }) => !d.confirmed).map((d: { day: string }) => d.day)).toEqual([
        '2026-08-22',
        '2026-08-31',
        '2026-09-01',
      ]);
      await confirm(admin, '2026-09-01', { source: 'Thông báo 9441/TB-BNV ngày 16/10/2025' }).expect(200);
    });

    it("the calendar page shows each day's source and lets the administrator confirm one; bad input comes back on the page", async () => {
      const web = await browser('admin');
      const page = await t.http().get('/quan-tri/lich?nam=2027').set('cookie', web.cookie).expect(200);
      expect(page.text).toContain('Chưa xác nhận nguồn');
      expect(page.text).toContain('action="/quan-tri/lich/2027-02-09/xac-nhan"');
      const post = (form: Record<string, string>) =>
        t
          .http()
          .post('/quan-tri/lich/2027-02-09/xac-nhan')
          .set('cookie', web.cookie)
          .type('form')
          .send({ ...form, _csrf: web.csrf });
      const before = await countRows(t.db, 'calendar_confirmations');
      const empty = await post({ source: '   ' }).expect(422);
      expect(empty.text).toContain('aria-invalid="true"');
      expect(await countRows(t.db, 'calendar_confirmations')).toBe(before);
      await post({ source: 'Thông báo số 100/TB-BNV' }).expect(303);
      const after = await t.http().get('/quan-tri/lich?nam=2027').set('cookie', web.cookie).expect(200);
      expect(after.text).toContain('Quản trị viên đã xác nhận: Thông báo số 100/TB-BNV');
      // An officer sees the page but no form, and cannot post.
      const officerWeb = await browser('canbo.sl-so-xd');
      const officerPage = await t.http().get('/quan-tri/lich?nam=2027').set('cookie', officerWeb.cookie);
      expect(officerPage.text).not.toContain('/xac-nhan');
      const refused = await t
        .http()
        .post('/quan-tri/lich/2027-02-10/xac-nhan')
        .set('cookie', officerWeb.cookie)
        .type('form')
        .send({ source: 'Thông báo', _csrf: officerWeb.csrf });
      expect(refused.status).toBe(403);
    });

    it('refuses non-administrators (403) and bad input (422 / 404), writing nothing', async () => {
      const before = await countRows(t.db, 'calendar_confirmations');
      const audits = await countRows(t.db, 'audit_log');
      for (const token of [officer, appraiser, leader])
        expectProblem(await confirm(token, '2027-02-08', { source: 'Thông báo' }), 403, 'FORBIDDEN');
      expectProblem(await t.http().put('/api/v1/calendar/days/2027-02-08/confirmation').send({ source: 'x' }), 401, 'UNAUTHENTICATED');
      for (const day of ['2027-02-30', 'tet', '1999-01-01'])
        expectProblem(await confirm(admin, day, { source: 'Thông báo' }), 422, 'VALIDATION_FAILED');
      for (const body of [{}, { source: '   ' }, { source: 'x'.repeat(256) }, { source: 12 }, { source: 'Thông báo', extra: 1 }])
        expectProblem(await confirm(admin, '2027-02-08', body), 422, 'VALIDATION_FAILED');
      // Not a built-in day; a day the Labour Code already fixes (2/9): nothing to confirm.
      expectProblem(await confirm(admin, '2026-11-24', { source: 'Thông báo' }), 404, 'NOT_FOUND');
      expectProblem(await confirm(admin, '2026-09-02', { source: 'Thông báo' }), 422, 'VALIDATION_FAILED');
      expect(await countRows(t.db, 'calendar_confirmations')).toBe(before);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });
  });
});
