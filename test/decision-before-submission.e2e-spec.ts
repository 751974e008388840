import type { QueryRunner } from 'typeorm';
import { ApprovalAfterSubmission1764200000000 } from '../migrations/1764200000000-ApprovalAfterSubmission';
import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { createAgencyHead, decide, LEVEL5_FACTS } from './support/procedure-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 25 point 2: one reading of odd dates. A decision approves a dossier that was sent (ND331 Arts. 20.3, 24.1;
 * ND85 Arts. 12, 14.3): dated before the Vietnamese day of the dossier's first submission it is refused at the source
 * (422 DECISION_DATE_BEFORE_SUBMISSION on `decisionDate`, nothing written), and the database holds every writer to an
 * approval at or after the first submission (constraint dossiers_approved_after_submission, NOT VALID).
 */
describe('a decision is not dated before its dossier was first sent (docs/legal/decision-date.md)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let appraiser: string;
  let head: string;
  let admin: string;
  let counter = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const act = (token: string, id: string, action: string, body: object = {}) =>
    t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(admin)).expect(200)).body;
  const step = async (token: string, id: string, action: string, body: object = {}) =>
    act(token, id, action, { version: (await get(id)).version, ...body }).expect(200);
  const one = async <T>(sql: string, params: unknown[]): Promise<T> => (await t.db.query(sql, params))[0] as T;

  /** What a refused decision must leave as it was: the dossier, its history, the audit log, its files, the system's level. */
  const snapshot = async (id: string) => ({
    dossier: await one<{ status: string; version: number }>(`SELECT status, version, approved_at, decision FROM dossiers WHERE id = $1`, [
      id,
    ]),
    events: await one(`SELECT count(*)::int AS n FROM dossier_events WHERE dossier_id = $1`, [id]),
    audit: await one(`SELECT count(*)::int AS n FROM audit_log`, []),
    files: await one(`SELECT count(*)::int AS n FROM dossier_attachments WHERE dossier_id = $1 AND kind = 'DECISION'`, [id]),
    system: await one(
      `SELECT s.approved_level, s.approval_decision_date FROM systems s JOIN dossiers d ON d.system_id = s.id WHERE d.id = $1`,
      [id],
    ),
  });

  async function draft(facts: object): Promise<string> {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', `DBS-${++counter}`, `Hệ thống thử ngày quyết định ${counter}`);
    return (await createCompleteDossier(t, officer, systemId, facts)).id;
  }
  const decision = (number: string, decisionDate: string) => ({
    decisionNumber: number,
    decisionDate,
    signerName: 'A',
    signerTitle: 'Giám đốc',
  });

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.sl-so-xd', 'Giám đốc Sở Xây dựng');
    [officer, appraiser, admin] = await Promise.all(['canbo.sl-so-xd', 'thamdinh', 'admin'].map((u) => t.login(u)));
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  it('approve (Mẫu 06) dated the day before the first submission → 422 on decisionDate naming both days, nothing written', async () => {
    const id = await draft(LEVEL2_FACTS);
    clock.setFixed('2026-11-10T09:00:00+07:00');
    await step(officer, id, 'submit');
    await step(appraiser, id, 'start-appraisal');
    // Returned and sent again: the first submission still counts (10/11), not the resubmission.
    await step(appraiser, id, 'return', { items: ['Bổ sung sơ đồ mạng'] });
    clock.setFixed('2026-11-16T09:00:00+07:00');
    await step(officer, id, 'submit');
    await step(appraiser, id, 'start-appraisal');
    clock.setFixed('2026-11-25T10:00:00+07:00');
    const before = await snapshot(id);
    const refused = await decide(t, appraiser, id, 'approve', {
      version: before.dossier.version,
      ...decision('7/QĐ-CAT', '2026-11-09'),
      level: 2,
    });
    const body = expectProblem(refused, 422, 'DECISION_DATE_BEFORE_SUBMISSION');
    expect(body.detail).toBe(
      'Quyết định ghi ngày 09/11/2026, trước ngày hồ sơ được gửi lần đầu (10/11/2026). ' +
        'Quyết định phê duyệt hồ sơ đã gửi nên không thể ghi ngày trước ngày gửi; hãy kiểm tra lại ngày ghi trên quyết định.',
    );
    expect(body.errors).toEqual({ decisionDate: [body.detail] });
    expect(await snapshot(id)).toEqual(before);

    // Dated on the day of the first submission (before the resubmission): accepted, counted from when it is recorded.
    const approved = await decide(t, appraiser, id, 'approve', {
      version: before.dossier.version,
      ...decision('7/QĐ-CAT', '2026-11-10'),
      level: 2,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', workflow: { decision: { date: '2026-11-10' } } });
    const row = await one<{ first: Date; approved: Date }>(
      `SELECT first_submitted_at AS first, approved_at AS approved FROM dossiers WHERE id = $1`,
      [id],
    );
    expect(row.first.toISOString()).toBe('2026-11-10T02:00:00.000Z');
    expect(row.approved.toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });

  it('the day is Vietnam’s: a dossier sent at 00:30 on 21/11 (17:30 UTC on 20/11) is not approved by a decision of 20/11', async () => {
    const id = await draft(LEVEL2_FACTS);
    clock.setFixed('2026-11-20T17:30:00Z');
    await step(officer, id, 'submit');
    await step(appraiser, id, 'start-appraisal');
    clock.setFixed('2026-11-25T10:00:00+07:00');
    const { version } = await get(id);
    const body = expectProblem(
      await decide(t, appraiser, id, 'approve', { version, ...decision('8/QĐ-CAT', '2026-11-20'), level: 2 }),
      422,
      'DECISION_DATE_BEFORE_SUBMISSION',
    );
    expect(body.detail).toContain('(21/11/2026)');
    await decide(t, appraiser, id, 'approve', { version, ...decision('8/QĐ-CAT', '2026-11-21'), level: 2 }).expect(200);
  });

  it('approve-plan (Mẫu 07) and record-listing (the List) are held to the same day, nothing written when refused', async () => {
    const id = await draft(LEVEL5_FACTS);
    clock.setFixed('2026-11-02T09:00:00+07:00');
    await step(officer, id, 'request-opinion');
    await step(appraiser, id, 'give-opinion', { conclusion: 'SUITABLE', opinions: 'Nhất trí đề xuất' });
    clock.setFixed('2026-11-04T09:00:00+07:00');
    await step(head, id, 'owner-submit');
    await step(admin, id, 'start-appraisal');
    await step(admin, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Bộ Công an: phù hợp' });
    await step(officer, id, 'request-approval');
    clock.setFixed('2026-11-25T09:00:00+07:00');
    let before = await snapshot(id);
    // The Mẫu 03 request (02/11) is not the submission: the dossier was first sent to the ministry on 04/11.
    let body = expectProblem(
      await decide(t, head, id, 'approve-plan', { version: before.dossier.version, ...decision('9/QĐ-SXD', '2026-11-03') }),
      422,
      'DECISION_DATE_BEFORE_SUBMISSION',
    );
    expect(body.errors).toEqual({ decisionDate: [expect.stringContaining('03/11/2026, trước ngày hồ sơ được gửi lần đầu (04/11/2026)')] });
    expect(await snapshot(id)).toEqual(before);
    await decide(t, head, id, 'approve-plan', { version: before.dossier.version, ...decision('9/QĐ-SXD', '2026-11-04') }).expect(200);

    before = await snapshot(id);
    const listing = { version: before.dossier.version, ...decision('1234/QĐ-TTg', '2026-10-30'), signerTitle: 'Thủ tướng Chính phủ' };
    body = expectProblem(await decide(t, admin, id, 'record-listing', listing), 422, 'DECISION_DATE_BEFORE_SUBMISSION');
    expect(body.detail).toContain('30/10/2026');
    expect(await snapshot(id)).toEqual(before);
    await decide(t, admin, id, 'record-listing', { ...listing, decisionDate: '2026-11-24' }).expect(200);
  });

  it('the database refuses an approval before the first submission from any writer (the constraint is NOT VALID: legacy rows stay)', async () => {
    const [constraint] = await t.adminQuery<{ def: string; validated: boolean }>(
      `SELECT pg_get_constraintdef(oid) AS def, convalidated AS validated FROM pg_constraint WHERE conname = 'dossiers_approved_after_submission'`,
    );
    expect(constraint).toEqual({
      def: 'CHECK (((approved_at IS NULL) OR (first_submitted_at IS NULL) OR (approved_at >= first_submitted_at))) NOT VALID',
      validated: false,
    });
    const { id } = await one<{ id: string }>(`SELECT id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at LIMIT 1`, []);
    const write = `UPDATE dossiers SET approved_at = first_submitted_at - interval '1 second' WHERE id = $1`;
    await expect(t.db.query(write, [id])).rejects.toThrow(/dossiers_approved_after_submission/);
    await expect(t.adminQuery(write, [id])).rejects.toThrow(/dossiers_approved_after_submission/);
    // At the boundary (the same instant) an approval is allowed.
    await t.db.query(`UPDATE dossiers SET approved_at = first_submitted_at WHERE id = $1`, [id]);

    // A row written before the constraint existed: the migration adds it over the row without checking it.
    const migration = new ApprovalAfterSubmission1764200000000();
    const admin = { query: (sql: string) => t.adminQuery(sql) } as unknown as QueryRunner;
    await migration.down(admin);
    await t.adminQuery(write, [id]);
    await migration.up(admin);
    const legacy = await one<{ early: boolean }>(`SELECT approved_at < first_submitted_at AS early FROM dossiers WHERE id = $1`, [id]);
    expect(legacy.early).toBe(true);
  });
});
