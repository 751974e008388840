import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('calendar', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const due = async (from: string, days: number): Promise<string> => {
    const res = await t.http().get('/api/v1/calendar/working-days').query({ from, days }).set(auth(officer)).expect(200);
    expect(res.body).toMatchObject({ from, days });
    return res.body.due;
  };
  const auditOf = async (day: string) =>
    (await t.http().get('/api/v1/audit').query({ entityType: 'calendar_override', entityId: day }).set(auth(admin)).expect(200)).body.items;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, leader, officer] = await Promise.all([t.login('admin'), t.login('lanhdao'), t.login('canbo.sl-so-xd')]);
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('lists 2026 with Tết, the swaps and the compensatory day, named, for every role', async () => {
      const res = await t.http().get('/api/v1/calendar?year=2026').set(auth(officer)).expect(200);
      // Quốc khánh 2026 (the day next to 2/9 and its swap) has no confirmed source: the year says so.
      expect(res.body).toMatchObject({ year: 2026, hasBuiltInData: true, overrides: [], confirmations: [] });
      expect(res.body.notice).toContain('3 ngày chưa được xác nhận nguồn');
      const byDay = new Map(res.body.days.map((d: { day: string }) => [d.day, d]));
      expect(byDay.get('2026-02-17')).toEqual({
        day: '2026-02-17',
        weekday: 'Thứ Ba',
        kind: 'HOLIDAY',
        name: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
        source: 'BUILT_IN',
        provisional: false,
        sourceDocument: 'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Nguyên đán)',
        confirmed: true,
      });
      for (const day of ['2026-02-16', '2026-02-18', '2026-02-19', '2026-02-20'])
        expect(byDay.get(day)).toMatchObject({ kind: 'HOLIDAY', name: expect.stringContaining('Tết Nguyên đán') });
      expect(byDay.get('2026-01-10')).toMatchObject({
        weekday: 'Thứ Bảy',
        kind: 'WORKDAY',
        name: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026',
      });
      expect(byDay.get('2026-04-27')).toMatchObject({ kind: 'HOLIDAY', name: expect.stringContaining('Nghỉ bù Giỗ Tổ Hùng Vương') });
      expect(byDay.has('2026-02-21')).toBe(false);
      await t.http().get('/api/v1/calendar?year=2026').set(auth(leader)).expect(200);
    });

    it('warns that 2027 has no official notice yet and that 2030 has no built-in data', async () => {
      const y2027 = await t.http().get('/api/v1/calendar?year=2027').set(auth(admin)).expect(200);
      expect(y2027.body.notice).toContain('chưa có thông báo chính thức');
      expect(y2027.body.days.every((d: { provisional: boolean }) => d.provisional)).toBe(true);
      const y2030 = await t.http().get('/api/v1/calendar?year=2030').set(auth(admin)).expect(200);
      expect(y2030.body).toMatchObject({
        hasBuiltInData: false,
        days: [],
        notice: expect.stringContaining('chưa có lịch nghỉ lễ năm 2030'),
      });
    });

    it('computes due dates in working days across Tết and a swapped Saturday', async () => {
      expect(await due('2026-02-11', 5)).toBe('2026-02-25');
      expect(await due('2026-01-08', 3)).toBe('2026-01-12');
      expect(await due('2026-11-06', 1)).toBe('2026-11-09');
    });

    it('answers 401 without a token', async () => {
      expectProblem(await t.http().get('/api/v1/calendar?year=2026'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().get('/api/v1/calendar/working-days?from=2026-11-02&days=5'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().put('/api/v1/calendar/days/2026-11-24').send({ kind: 'HOLIDAY', name: 'X' }), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().delete('/api/v1/calendar/days/2026-11-24'), 401, 'UNAUTHENTICATED');
    });

    it('rejects bad queries with 422', async () => {
      for (const query of ['year=abc', 'year=1899', 'year=2026.5'])
        expectProblem(await t.http().get(`/api/v1/calendar?${query}`).set(auth(leader)), 422, 'VALIDATION_FAILED');
      for (const query of [
        'from=2026-13-01&days=5',
        'from=2026-11-02&days=-1',
        'from=2026-11-02&days=abc',
        'from=2026-11-02',
        'days=5',
        'from=2026-11-02&days=5&x=1',
      ]) {
        expectProblem(await t.http().get(`/api/v1/calendar/working-days?${query}`).set(auth(leader)), 422, 'VALIDATION_FAILED');
      }
    });
  });

  describe("administrators' overrides", () => {
    it('adds a holiday: the due date moves at once, the change is audited, and deleting it restores the date', async () => {
      expect(await due('2026-11-16', 7)).toBe('2026-11-25');
      const put = await t
        .http()
        .put('/api/v1/calendar/days/2026-11-24')
        .set(auth(admin))
        .set('X-Correlation-Id', 'calendar-put-0001')
        .send({ kind: 'HOLIDAY', name: '  Ngày Văn hóa Việt Nam '.normalize('NFD') })
        .expect(200);
      expect(put.body).toMatchObject({
        day: '2026-11-24',
        weekday: 'Thứ Ba',
        kind: 'HOLIDAY',
        name: 'Ngày Văn hóa Việt Nam',
        updatedBy: expect.any(String),
      });
      // The cached calendar was dropped by the write: the same process answers with the new day at once.
      expect(await due('2026-11-16', 7)).toBe('2026-11-26');

      const list = await t.http().get('/api/v1/calendar?year=2026').set(auth(leader)).expect(200);
      expect(list.body.days.find((d: { day: string }) => d.day === '2026-11-24')).toMatchObject({
        kind: 'HOLIDAY',
        name: 'Ngày Văn hóa Việt Nam',
        source: 'OVERRIDE',
      });
      expect(list.body.overrides).toEqual([expect.objectContaining({ day: '2026-11-24', kind: 'HOLIDAY' })]);

      await t
        .http()
        .put('/api/v1/calendar/days/2026-11-24')
        .set(auth(admin))
        .send({ kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam (24/11)' })
        .expect(200);
      const [update, create] = await auditOf('2026-11-24');
      expect(create).toMatchObject({
        action: 'CREATE',
        actorUsername: 'admin',
        correlationId: 'calendar-put-0001',
        before: null,
        after: { day: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' },
      });
      expect(update).toMatchObject({
        action: 'UPDATE',
        before: { name: 'Ngày Văn hóa Việt Nam' },
        after: { name: 'Ngày Văn hóa Việt Nam (24/11)' },
      });

      await t.http().delete('/api/v1/calendar/days/2026-11-24').set(auth(admin)).expect(204);
      expect(await due('2026-11-16', 7)).toBe('2026-11-25');
      const [removal] = await auditOf('2026-11-24');
      expect(removal).toMatchObject({
        action: 'DELETE',
        before: { day: '2026-11-24', name: 'Ngày Văn hóa Việt Nam (24/11)' },
        after: null,
      });
      expect(await countRows(t.db, 'calendar_overrides')).toBe(0);
      expectProblem(await t.http().delete('/api/v1/calendar/days/2026-11-24').set(auth(admin)), 404, 'NOT_FOUND');
    });

    it('cancels a built-in holiday with NORMAL', async () => {
      expect(await due('2026-04-24', 1)).toBe('2026-04-28');
      await t
        .http()
        .put('/api/v1/calendar/days/2026-04-27')
        .set(auth(admin))
        .send({ kind: 'NORMAL', name: 'Hủy nghỉ bù Giỗ Tổ theo chỉ đạo của tỉnh' })
        .expect(200);
      expect(await due('2026-04-24', 1)).toBe('2026-04-27');
      const list = await t.http().get('/api/v1/calendar?year=2026').set(auth(admin)).expect(200);
      expect(list.body.days.some((d: { day: string }) => d.day === '2026-04-27')).toBe(false);
      expect(list.body.overrides).toEqual([expect.objectContaining({ day: '2026-04-27', kind: 'NORMAL' })]);
      const [entry] = await auditOf('2026-04-27');
      expect(entry).toMatchObject({ action: 'CREATE', after: { kind: 'NORMAL' } });
      await t.http().delete('/api/v1/calendar/days/2026-04-27').set(auth(admin)).expect(204);
      expect(await due('2026-04-24', 1)).toBe('2026-04-28');
    });

    it('forbids leaders and officers to write, and writes nothing', async () => {
      const before = await countRows(t.db, 'calendar_overrides');
      const audits = await countRows(t.db, 'audit_log');
      for (const token of [leader, officer]) {
        expectProblem(
          await t.http().put('/api/v1/calendar/days/2026-11-24').set(auth(token)).send({ kind: 'HOLIDAY', name: 'Nghỉ' }),
          403,
          'FORBIDDEN',
        );
        expectProblem(await t.http().delete('/api/v1/calendar/days/2026-04-27').set(auth(token)), 403, 'FORBIDDEN');
      }
      expect(await countRows(t.db, 'calendar_overrides')).toBe(before);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });

    it('rejects a bad day, kind or name, or an override that changes nothing, with 422 and writes nothing', async () => {
      const before = await countRows(t.db, 'calendar_overrides');
      const audits = await countRows(t.db, 'audit_log');
      const put = (day: string, body: object) => t.http().put(`/api/v1/calendar/days/${day}`).set(auth(admin)).send(body);

      for (const day of ['2026-02-30', '2026-13-01', 'tet', '24-11-2026', '1999-01-01']) {
        const body = expectProblem(await put(day, { kind: 'HOLIDAY', name: 'Nghỉ' }), 422, 'VALIDATION_FAILED');
        expect(Object.keys(body.errors as object)).toEqual(['day']);
      }
      const badKind = expectProblem(await put('2026-11-24', { kind: 'PARTY', name: 'Liên hoan' }), 422, 'VALIDATION_FAILED');
      expect(Object.keys(badKind.errors as object)).toEqual(['kind']);
      const badBody = expectProblem(await put('2026-11-24', { kind: 'HOLIDAY', name: '   ', extra: 1 }), 422, 'VALIDATION_FAILED');
      expect(Object.keys(badBody.errors as object).sort()).toEqual(['extra', 'name']);
      expectProblem(await put('2026-11-24', { kind: 'HOLIDAY', name: 'x'.repeat(256) }), 422, 'VALIDATION_FAILED');
      expectProblem(await put('2026-11-24', {}), 422, 'VALIDATION_FAILED');

      const saturday = expectProblem(await put('2026-11-28', { kind: 'HOLIDAY', name: 'Nghỉ' }), 422, 'VALIDATION_FAILED');
      expect(saturday.errors).toEqual({ kind: ['Thứ Bảy, Chủ nhật đã là ngày nghỉ hằng tuần.'] });
      expectProblem(await put('2026-11-24', { kind: 'WORKDAY', name: 'Làm' }), 422, 'VALIDATION_FAILED');
      expectProblem(await put('2026-11-24', { kind: 'NORMAL', name: 'Hủy' }), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().delete('/api/v1/calendar/days/2026-02-30').set(auth(admin)), 422, 'VALIDATION_FAILED');

      expect(await countRows(t.db, 'calendar_overrides')).toBe(before);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });
  });
});
