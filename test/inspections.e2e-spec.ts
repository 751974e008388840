import { createHash } from 'node:crypto';
import { Inspections1764161000000 } from '../migrations/1764161000000-Inspections';
import { Clock } from '../src/common/clock';
import { InspectionRemindersService } from '../src/inspections/inspection-reminders.service';
import { createSystem, PDF } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 20, point 3: inspections on the legal calendar (docs/legal/inspections.md). ND85 Art. 20.2.c intervals (fixed
 * before 19/08/2026, the ND331 policy defaults after), the policy table versioned by an administrator, an inspection
 * moving the next due date, findings as remediation items, reminders 30/7/1 days before and when overdue.
 */
describe('inspections (ND85 Art. 20.2.c; ND331 Arts. 27, 28.5, 31.2.c; Law 116 Art. 11.1.b)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let otherAppraiser: string;
  let leader: string;
  let admin: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const TODAY = '2026-12-06';
  const PERIODIC = { kind: 'PERIODIC', performer: 'Trung tâm An ninh mạng', independent: true, qualified: true, method: 'GRAY_BOX' };

  /** A system of Sở Xây dựng whose level was approved on `approvedOn` (the workflow's write, made directly here). */
  async function approvedSystem(code: string, level: number, approvedOn: string): Promise<string> {
    const id = await createSystem(t, officer, 'SL-SO-XD', code, `Hệ thống ${code}`);
    await t.db.query(
      `UPDATE systems SET approved_level = $2, approval_decision_number = '1/QĐ', approval_decision_date = $3, approval_decision_issuer = 'Công an tỉnh' WHERE id = $1`,
      [id, level, approvedOn],
    );
    return id;
  }
  const schedule = async (id: string, token = officer) =>
    (await t.http().get(`/api/v1/systems/${id}/inspection-schedule`).set(as(token)).expect(200)).body;
  const record = (token: string, id: string, body: object) => t.http().post(`/api/v1/systems/${id}/inspections`).set(as(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    [officer, otherOfficer, appraiser, leader, admin] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'lanhdao', 'admin'].map((u) => t.login(u)),
    );
    await t
      .http()
      .post('/api/v1/agencies')
      .set(as(admin))
      .send({ code: 'LC-CA', name: 'Công an tỉnh Lào Cai', kind: 'police', provinceCode: 'LC' })
      .expect(201);
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'thamdinh.lc', password_hash, 'Cán bộ thẩm định Lào Cai', 'APPRAISER', (SELECT id FROM agencies WHERE code = 'LC-CA') FROM users WHERE username = 'admin'`,
    );
    otherAppraiser = await t.login('thamdinh.lc');
  });
  beforeEach(() => clock.setFixed(TODAY));
  afterAll(async () => {
    clock.setFixed(undefined);
    await t.close();
  });

  it('ND331 policy defaults (ND85 Art. 20.2.c): a level 3 system approved 01/12/2025 is overdue on 06/12/2026; an inspection moves the date', async () => {
    const id = await approvedSystem('KT-L3', 3, '2025-12-01');
    expect(await schedule(id)).toMatchObject({
      regime: 'ND331',
      nextDueOn: '2026-12-01',
      basis: 'APPROVAL',
      intervalMonths: 12,
      overdue: true,
      policyVersion: 1,
      requiresIndependent: true,
    });
    const res = await record(officer, id, { ...PERIODIC, performedOn: '2026-12-05' }).expect(201);
    expect(res.body).toMatchObject({ kind: 'PERIODIC', kindLabel: 'Định kỳ', methodLabel: 'Kiểm tra hộp xám', warnings: [], findings: [] });
    expect(await schedule(id)).toMatchObject({ nextDueOn: '2027-12-05', basis: 'LAST_INSPECTION', overdue: false, daysLeft: 364 });
    // An ad-hoc inspection does not restart the cycle.
    await record(officer, id, { ...PERIODIC, kind: 'AD_HOC', performedOn: '2026-12-06' }).expect(201);
    expect((await schedule(id)).nextDueOn).toBe('2027-12-05');
  });

  it('a system without an approved level has no schedule yet', async () => {
    const id = await createSystem(t, officer, 'SL-SO-XD', 'KT-NONE', 'Hệ thống chưa phê duyệt');
    expect(await schedule(id)).toMatchObject({ nextDueOn: null, overdue: false, approvedLevel: null, articles: [] });
    // A retired system owes no inspection (and recording one is refused).
    const retired = await approvedSystem('KT-RETIRED', 3, '2025-01-10');
    const { version } = (await t.http().get(`/api/v1/systems/${retired}`).set(as(officer)).expect(200)).body;
    await t
      .http()
      .post(`/api/v1/systems/${retired}/retire`)
      .set(as(officer))
      .send({ version, retiredAt: '2026-06-30', reason: 'Thay thế' })
      .expect(200);
    expect(await schedule(retired)).toMatchObject({ nextDueOn: null, overdue: false, summary: expect.stringContaining('dừng vận hành') });
    expectProblem(await record(officer, retired, { ...PERIODIC, performedOn: '2026-11-01' }), 409, 'SYSTEM_RETIRED');
  });

  it('ND331 Art. 31.2.c: a level 5 system inspected by a non-qualified unit is recorded with a warning', async () => {
    const id = await approvedSystem('KT-L5', 5, '2026-02-28');
    expect(await schedule(id)).toMatchObject({ nextDueOn: '2026-08-28', overdue: true, onNationalSecurityList: true });
    const res = await record(appraiser, id, { ...PERIODIC, qualified: false, method: 'SELF_ASSESSMENT', performedOn: '2026-08-31' }).expect(
      201,
    );
    expect(res.body.warnings).toEqual([expect.stringContaining('Điều 31.2.c Nghị định 331/2026/NĐ-CP')]);
    // 31/08 + 6 months: the end of February (date-fns clamps the month end).
    expect((await schedule(id)).nextDueOn).toBe('2027-02-28');
  });

  it('records a report file with its sha256 and findings as remediation items; the finding is closed with a version', async () => {
    const id = await approvedSystem('KT-FILE', 4, '2026-01-15');
    const res = await t
      .http()
      .post(`/api/v1/systems/${id}/inspections`)
      .set(as(officer))
      .field('kind', 'PERIODIC')
      .field('performedOn', '2026-11-30')
      .field('performer', 'Trung tâm Giám sát an toàn không gian mạng quốc gia')
      .field('independent', 'true')
      .field('qualified', 'true')
      .field('method', 'BLACK_BOX')
      .field('findings', JSON.stringify([{ description: 'Chưa cập nhật bản vá máy chủ ứng dụng', dueOn: '2027-01-05' }]))
      .attach('file', PDF, 'Báo cáo kiểm tra.pdf')
      .expect(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.body.report).toEqual({ fileName: 'Báo cáo kiểm tra.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256 });
    const [finding] = res.body.findings;
    expect(finding).toMatchObject({ status: 'OPEN', dueOn: '2027-01-05', overdue: false, version: 1 });
    const file = await t.http().get(`/api/v1/systems/${id}/inspections/${res.body.id}/report`).set(as(leader)).buffer(true).expect(200);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(sha256);
    expect((await schedule(id)).openFindings).toBe(1);

    const url = `/api/v1/systems/${id}/inspections/${res.body.id}/findings/${finding.id}`;
    expectProblem(await t.http().patch(url).set(as(officer)).send({ version: 1, status: 'DONE' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t.http().patch(url).set(as(officer)).send({ version: 1, status: 'DONE', resolvedOn: '2026-12-07' }),
      422,
      'VALIDATION_FAILED',
    );
    const done = await t
      .http()
      .patch(url)
      .set(as(officer))
      .send({ version: 1, status: 'DONE', resolvedOn: '2026-12-04', note: 'Đã vá' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', statusLabel: 'Đã khắc phục', resolvedOn: '2026-12-04', note: 'Đã vá', version: 2 });
    expectProblem(await t.http().patch(url).set(as(officer)).send({ version: 1, status: 'OPEN' }), 409, 'VERSION_CONFLICT');
    // The legacy list on the system mirrors the table (Mẫu 08 column 12 read it).
    const system = (await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200)).body;
    expect(system.inspections).toEqual([
      { kind: 'PERIODIC', date: '2026-11-30', performer: 'Trung tâm Giám sát an toàn không gian mạng quốc gia' },
    ]);
  });

  it('Law 116 Art. 15: a system that becomes state-secret keeps no inspection report online; the audit keeps the hash', async () => {
    const id = await approvedSystem('KT-SECRET', 3, '2026-01-15');
    const res = await t
      .http()
      .post(`/api/v1/systems/${id}/inspections`)
      .set(as(officer))
      .field('kind', 'PERIODIC')
      .field('performedOn', '2026-11-30')
      .field('performer', 'Công an tỉnh')
      .field('independent', 'true')
      .field('qualified', 'true')
      .field('method', 'WHITE_BOX')
      .attach('file', PDF, 'bao-cao.pdf')
      .expect(201);
    const { version } = (await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200)).body;
    await t
      .http()
      .patch(`/api/v1/systems/${id}`)
      .set(as(officer))
      .send({ version, infoTypes: ['PRIVATE', 'STATE_SECRET'] })
      .expect(200);
    expectProblem(await t.http().get(`/api/v1/systems/${id}/inspections/${res.body.id}/report`).set(as(officer)), 404, 'NOT_FOUND');
    const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE action = 'INSPECTION_REPORTS_DROPPED' AND entity_id = $1`, [id]);
    expect(audit.after.files).toEqual([{ inspectionId: res.body.id, sha256: res.body.report.sha256 }]);
    const again = await t
      .http()
      .post(`/api/v1/systems/${id}/inspections`)
      .set(as(officer))
      .field('kind', 'AD_HOC')
      .field('performedOn', '2026-12-01')
      .field('performer', 'Công an tỉnh')
      .field('independent', 'true')
      .field('qualified', 'true')
      .field('method', 'WHITE_BOX')
      .attach('file', PDF, 'bao-cao.pdf');
    expectProblem(again, 422, 'STATE_SECRET_MINIMAL_METADATA');
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const id = await approvedSystem('KT-BAD', 3, '2026-01-15');
    const before = await countRows(t.db, 'inspections');
    const cases: [object, string][] = [
      [{ ...PERIODIC, performedOn: '2026-12-07' }, 'performedOn'],
      [{ ...PERIODIC, performedOn: '2026-02-30' }, 'performedOn'],
      [{ ...PERIODIC, performedOn: '2026-11-01', method: 'GUESSING' }, 'method'],
      [{ ...PERIODIC, performedOn: '2026-11-01', independent: 'maybe' }, 'independent'],
      [{ ...PERIODIC, performedOn: '2026-11-01', findings: [{ description: 'X', dueOn: '2026-10-01' }] }, 'findings.0.dueOn'],
      [{ ...PERIODIC, performedOn: '2026-11-01', findings: 'not json' }, 'findings'],
      [{ ...PERIODIC, performedOn: '2026-11-01', performer: '' }, 'performer'],
    ];
    for (const [body, field] of cases) {
      const problem = expectProblem(await record(officer, id, body), 422, 'VALIDATION_FAILED');
      expect(Object.keys(problem.errors as object)).toContain(field);
    }
    const exe = await t
      .http()
      .post(`/api/v1/systems/${id}/inspections`)
      .set(as(officer))
      .field('kind', 'PERIODIC')
      .field('performedOn', '2026-11-30')
      .field('performer', 'X')
      .field('independent', 'true')
      .field('qualified', 'true')
      .field('method', 'BLACK_BOX')
      .attach('file', Buffer.from('MZ\x90\x00 not a report'), 'bao-cao.pdf');
    expectProblem(exe, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(await countRows(t.db, 'inspections')).toBe(before);
  });

  it('wrong role, agency or province: 403 without the permission, 404 outside the scope; nothing written', async () => {
    const id = await approvedSystem('KT-ACCESS', 3, '2026-01-15');
    const before = await countRows(t.db, 'inspections');
    const body = { ...PERIODIC, performedOn: '2026-11-01' };
    expectProblem(await record(leader, id, body), 403, 'FORBIDDEN');
    expectProblem(await record(otherOfficer, id, body), 404, 'NOT_FOUND');
    expectProblem(await record(otherAppraiser, id, body), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`/api/v1/systems/${id}/inspections`).set(as(otherOfficer)), 404, 'NOT_FOUND');
    expectProblem(await t.http().get(`/api/v1/systems/${id}/inspection-schedule`).set(as(otherAppraiser)), 404, 'NOT_FOUND');
    expect(await countRows(t.db, 'inspections')).toBe(before);
    await t.http().get(`/api/v1/systems/${id}/inspections`).set(as(leader)).expect(200);
  });

  it('lists due and overdue inspections across systems in the caller’s scope, overdue first', async () => {
    const late = await approvedSystem('KT-LATE', 4, '2025-06-30');
    const res = await t.http().get('/api/v1/inspections/due').query({ overdue: 'true' }).set(as(leader)).expect(200);
    const row = res.body.items.find((r: { systemId: string }) => r.systemId === late);
    expect(row).toMatchObject({ nextDueOn: '2026-06-30', overdue: true, ownerName: expect.any(String) });
    expect(res.body.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    const dates = res.body.items.map((r: { nextDueOn: string }) => r.nextDueOn);
    expect(dates).toEqual([...dates].sort());
    const other = await t.http().get('/api/v1/inspections/due').set(as(otherAppraiser)).expect(200);
    expect(other.body.items).toEqual([]);
    const own = await t.http().get('/api/v1/inspections/due').set(as(otherOfficer)).expect(200);
    expect(own.body.items.find((r: { systemId: string }) => r.systemId === late)).toBeUndefined();
  });

  it('policy: version 1 holds the ND85 defaults; an administrator adds a version in force from then on', async () => {
    const list = (await t.http().get('/api/v1/inspection-policies').set(as(officer)).expect(200)).body;
    expect(list.versions[0]).toMatchObject({ version: 1, inForce: true });
    expect(list.versions[0].rules.map((r: { intervalMonths: number; isDefault: boolean }) => [r.intervalMonths, r.isDefault])).toEqual([
      [24, true],
      [24, true],
      [12, true],
      [12, true],
      [6, true],
    ]);
    const rules = [1, 2, 3, 4, 5].map((level) => ({ level, intervalMonths: level >= 3 ? 6 : 24, requiresIndependent: level >= 3 }));
    expectProblem(await t.http().post('/api/v1/inspection-policies').set(as(officer)).send({ rules, note: 'x' }), 403, 'FORBIDDEN');
    expectProblem(
      await t
        .http()
        .post('/api/v1/inspection-policies')
        .set(as(admin))
        .send({ rules: rules.slice(1), note: 'thiếu cấp độ 1' }),
      422,
      'VALIDATION_FAILED',
    );
    const id = await approvedSystem('KT-POLICY', 3, '2026-09-01');
    expect((await schedule(id)).nextDueOn).toBe('2027-09-01');
    const added = await t.http().post('/api/v1/inspection-policies').set(as(admin)).send({ rules, note: 'Hướng dẫn thử' }).expect(201);
    expect(added.body).toMatchObject({ version: 2, inForce: true });
    expect(await schedule(id)).toMatchObject({ nextDueOn: '2027-03-01', policyVersion: 2 });
    // Restore the defaults for the other tests (a third version, like an administrator would).
    const defaults = list.versions[0].rules.map((r: { level: number; intervalMonths: number; requiresIndependent: boolean }) => ({
      level: r.level,
      intervalMonths: r.intervalMonths,
      requiresIndependent: r.requiresIndependent,
    }));
    await t.http().post('/api/v1/inspection-policies').set(as(admin)).send({ rules: defaults, note: 'Trở lại mặc định' }).expect(201);
  });

  it('reminders: 30, 7 and 1 days before and when overdue, once per recipient per item per day', async () => {
    const id = await approvedSystem('KT-REMIND', 3, '2025-12-01');
    const inspection = await record(officer, id, {
      ...PERIODIC,
      kind: 'AD_HOC',
      performedOn: '2026-12-01',
      findings: [{ description: 'Thiếu nhật ký truy cập', dueOn: '2026-12-13' }],
    }).expect(201);
    expect(inspection.body.findings).toHaveLength(1);
    const reminders = t.app.get(InspectionRemindersService);
    const count = async (kind: string) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = $1 AND u.username = 'canbo.sl-so-xd' AND n.title LIKE $2`,
          [kind, '%KT-REMIND%'],
        )
      )[0].n as number;
    // 06/12: the inspection was due 01/12 (overdue); the finding is due 13/12 (7 days left).
    await reminders.run('2026-12-06');
    expect(await count('INSPECTION_DUE')).toBe(1);
    expect(await count('REMEDIATION_DUE')).toBe(1);
    await reminders.run('2026-12-06');
    expect(await count('INSPECTION_DUE')).toBe(1);
    expect(await count('REMEDIATION_DUE')).toBe(1);
    // 07/12: overdue again for the inspection (daily), nothing for the finding (6 days left).
    await reminders.run('2026-12-07');
    expect(await count('INSPECTION_DUE')).toBe(2);
    expect(await count('REMEDIATION_DUE')).toBe(1);
    await reminders.run('2026-12-12');
    expect(await count('REMEDIATION_DUE')).toBe(2);
    // 30 days before (13/11 for 13/12) and nothing on a day that is none of 30/7/1.
    await reminders.run('2026-11-13');
    expect(await count('REMEDIATION_DUE')).toBe(3);
    await reminders.run('2026-11-14');
    expect(await count('REMEDIATION_DUE')).toBe(3);
  });

  it('the migration copies the legacy typed inspections into the table, marked legacy', async () => {
    const id = await createSystem(t, officer, 'SL-SO-XD', 'KT-LEGACY', 'Hệ thống có kiểm tra nhập tay');
    await t.db.query(`UPDATE systems SET inspections = $2 WHERE id = $1`, [
      id,
      JSON.stringify([{ kind: 'BEFORE_GO_LIVE', date: '2024-05-02', performer: 'Sở Thông tin và Truyền thông', notes: 'Đạt' }]),
    ]);
    const runner = t.db.createQueryRunner();
    const migration = new Inspections1764161000000();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows = await t.db.query(
      `SELECT kind, to_char(performed_on, 'YYYY-MM-DD') AS performed_on, performer, summary, legacy, method FROM inspections WHERE system_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        kind: 'BEFORE_GO_LIVE',
        performed_on: '2024-05-02',
        performer: 'Sở Thông tin và Truyền thông',
        summary: 'Đạt',
        legacy: true,
        method: null,
      },
    ]);
    const listed = (await t.http().get(`/api/v1/systems/${id}/inspections`).set(as(officer)).expect(200)).body;
    expect(listed[0]).toMatchObject({ legacy: true, methodLabel: null, warnings: [] });
  });
});
