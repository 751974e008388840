import { createHash } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { PlanItemRemindersService } from '../src/plan-items/plan-item-reminders.service';
import { createPlanItemsFromApproval } from '../src/plan-items/plan-item-writes';
import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../src/classification/rules/classification.labels';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { decide } from './support/procedure-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * The approved plan, item by item (issue 20; TT12 Art. 9.6, 14.4, 14.9; ND331 Arts. 29–30, 33.1, 36.5, 36.10):
 * approval creates the items, Mẫu 08 cols 10–11 follow them, the status cannot be typed any more, and an upgraded
 * system does not go back into operation before its plan is fully deployed.
 */
describe('plan items after approval', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let leader: string;
  let systemId: string;
  let plan: {
    sections: { key: string; items: PlanItem[] }[];
    deploymentStatus: string;
    expectedOn: string | null;
    counts: Record<string, number>;
  };
  interface PlanItem {
    id: string;
    requirementId: string;
    status: string;
    plannedDate: string | null;
    version: number;
    declaredAtApproval: boolean;
    overdue: boolean;
  }
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const items = () => plan.sections.flatMap((s) => s.items);
  const reload = async (token = officer) => {
    plan = (await t.http().get(`/api/v1/systems/${systemId}/plan-items`).set(as(token)).expect(200)).body;
    return plan;
  };
  const patchItem = (token: string, item: PlanItem, body: object) =>
    t
      .http()
      .patch(`/api/v1/systems/${systemId}/plan-items/${item.id}`)
      .set(as(token))
      .send({ version: item.version, ...body });
  const system = async () => (await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body;
  const systemRow = async () =>
    (
      await t.db.query(
        `SELECT deployment_status, to_char(deployment_expected_on, 'YYYY-MM-DD') AS expected_on FROM systems WHERE id = $1`,
        [systemId],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    clock.setFixed('2026-12-01');
    [officer, otherOfficer, appraiser, leader] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'lanhdao'].map((u) => t.login(u)),
    );
    systemId = await createSystem(t, officer, 'SL-SO-XD', 'PA-1', 'Hệ thống quản lý cấp phép xây dựng');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    let d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    const codes: string[] = d.plan.map((p: { code: string }) => p.code);
    // Three requirements not yet implemented at approval: two planned, one not applicable.
    await t
      .http()
      .patch(`/api/v1/dossiers/${id}`)
      .set(as(officer))
      .send({
        version: d.version,
        planEntries: [
          { code: codes[0], status: 'PLANNED', plannedDate: '2026-12-31', description: 'Mua tường lửa' },
          { code: codes[1], status: 'PLANNED', plannedDate: '2027-03-31', description: 'Thuê đánh giá' },
          { code: codes[2], status: 'NOT_APPLICABLE', reason: 'Không có ứng dụng web' },
        ],
      })
      .expect(200);
    d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    await t.http().post(`/api/v1/dossiers/${id}/actions/submit`).set(as(officer)).send({ version: d.version }).expect(200);
    d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    await t.http().post(`/api/v1/dossiers/${id}/actions/start-appraisal`).set(as(appraiser)).send({ version: d.version }).expect(200);
    d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    const approved = await decide(t, appraiser, id, 'approve', {
      version: d.version,
      decisionNumber: '21/QĐ-CAT',
      // The dossier was sent on 01/12 (the clock above): its decision is not dated before that day (issue 25).
      decisionDate: '2026-12-01',
      signerName: 'Nguyễn Văn B',
      signerTitle: 'Giám đốc',
      level: 2,
    });
    if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.text}`);
  });
  afterAll(async () => {
    clock.setFixed(undefined);
    await t.close();
  });

  it('approval creates one item per requirement of the plan: implemented → done (declared), planned → with its date, not applicable → with its reason', async () => {
    await reload();
    expect(plan.sections.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd', 'dd', 'e', 'g']);
    const all = items();
    expect(all.length).toBeGreaterThan(10);
    expect(
      all
        .filter((i) => i.status === 'NOT_STARTED')
        .map((i) => i.plannedDate)
        .sort(),
    ).toEqual(['2026-12-31', '2027-03-31']);
    expect(all.filter((i) => i.status === 'NOT_APPLICABLE')).toHaveLength(1);
    expect(all.filter((i) => i.status === 'DONE').every((i) => i.declaredAtApproval)).toBe(true);
  });

  it('derives Mẫu 08 col 10 (partly deployed) and col 11 (the latest planned date among open items) onto the system', async () => {
    expect(plan).toMatchObject({ deploymentStatus: 'PARTIAL', expectedOn: '2027-03-31' });
    expect(await systemRow()).toEqual({ deployment_status: 'PARTIAL', expected_on: '2027-03-31' });
    expect((await system()).deploymentStatus).toBe('PARTIAL');
  });

  it('refuses typing the deployment status once items exist (422 DEPLOYMENT_STATUS_DERIVED), and writes nothing', async () => {
    const s = await system();
    const audits = await countRows(t.db, 'audit_log');
    const body = expectProblem(
      await t.http().patch(`/api/v1/systems/${systemId}`).set(as(officer)).send({ version: s.version, deploymentStatus: 'FULL' }),
      422,
      'DEPLOYMENT_STATUS_DERIVED',
    );
    expect(body.errors).toHaveProperty('deploymentStatus');
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
    // The form sends the field as it is: the same value passes.
    await t
      .http()
      .patch(`/api/v1/systems/${systemId}`)
      .set(as(officer))
      .send({ version: s.version, deploymentStatus: 'PARTIAL', description: 'Mô tả mới' })
      .expect(200);
  });

  it('refuses putting an upgraded system back into operation while its plan is not fully deployed, with the article (ND331 Art. 30.6)', async () => {
    let s = await system();
    await t.http().patch(`/api/v1/systems/${systemId}`).set(as(officer)).send({ version: s.version, lifecycle: 'UPGRADING' }).expect(200);
    s = await system();
    const body = expectProblem(
      await t.http().patch(`/api/v1/systems/${systemId}`).set(as(officer)).send({ version: s.version, lifecycle: 'IN_OPERATION' }),
      422,
      'PLAN_NOT_DEPLOYED_BEFORE_OPERATION',
    );
    expect(body.detail).toContain('khoản 6 Điều 30 Nghị định số 331/2026/NĐ-CP');
    expect(body.detail).toContain('còn 2 hạng mục chưa triển khai');
    expect((await system()).lifecycle).toBe('UPGRADING');
  });

  it('refuses bad changes of an item: not applicable without reason (422), a stale version (409), wrong role (403), another agency (404)', async () => {
    await reload();
    const open = items().find((i) => i.status === 'NOT_STARTED')!;
    const events = await countRows(t.db, 'plan_item_events');
    expectProblem(await patchItem(officer, open, { status: 'NOT_APPLICABLE' }), 422, 'VALIDATION_FAILED');
    expectProblem(await patchItem(officer, open, { status: 'DONE', version: open.version + 5 }), 409, 'VERSION_CONFLICT');
    expectProblem(await patchItem(appraiser, open, { status: 'DONE' }), 403, 'FORBIDDEN');
    expectProblem(await patchItem(otherOfficer, open, { status: 'DONE' }), 404, 'NOT_FOUND');
    expectProblem(await patchItem(officer, open, { status: 'FINISHED' }), 422, 'VALIDATION_FAILED');
    expectProblem(await patchItem(officer, open, { plannedDate: '2026-02-30' }), 422, 'VALIDATION_FAILED');
    expect(await countRows(t.db, 'plan_item_events')).toBe(events);
    expectProblem(await t.http().get(`/api/v1/systems/${systemId}/plan-items`).set(as(otherOfficer)), 404, 'NOT_FOUND');
  });

  it('keeps evidence files with their SHA-256, recognised by content; history records each change', async () => {
    await reload();
    const open = items().find((i) => i.status === 'NOT_STARTED')!;
    const uploaded = await t
      .http()
      .post(`/api/v1/systems/${systemId}/plan-items/${open.id}/evidence`)
      .set(as(officer))
      .attach('file', PDF, 'Biên bản nghiệm thu.pdf')
      .expect(201);
    expect(uploaded.body).toMatchObject({ fileName: 'Biên bản nghiệm thu.pdf', sha256: createHash('sha256').update(PDF).digest('hex') });
    const file = await t
      .http()
      .get(`/api/v1/systems/${systemId}/plan-items/${open.id}/evidence/${uploaded.body.id}`)
      .set(as(leader))
      .expect(200);
    expect(Buffer.from(file.body).equals(PDF)).toBe(true);
    expectProblem(
      await t
        .http()
        .post(`/api/v1/systems/${systemId}/plan-items/${open.id}/evidence`)
        .set(as(officer))
        .attach('file', Buffer.from('MZ not a pdf'), 'x.pdf'),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    await patchItem(officer, open, { status: 'IN_PROGRESS', responsibleUnit: 'Trung tâm CNTT', note: 'Đã ký hợp đồng' }).expect(200);
    const history = (await t.http().get(`/api/v1/systems/${systemId}/plan-items/${open.id}/history`).set(as(appraiser)).expect(200)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['UPDATED', 'EVIDENCE_ADDED', 'CREATED_AT_APPROVAL']);
    expect(history[0]).toMatchObject({ note: 'Đã ký hợp đồng', before: { status: 'NOT_STARTED' }, after: { status: 'IN_PROGRESS' } });
  });

  it('reminds the operator 30 days before a planned date and every day once overdue, once per recipient per item per day', async () => {
    const reminders = t.app.get(PlanItemRemindersService);
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'PLAN_ITEM_DUE'`))[0].n as number;
    // 2026-12-01 + 30 days = 2026-12-31: the first item's D30 reminder.
    const first = await reminders.run('2026-12-01');
    expect(first.reminded).toBeGreaterThan(0);
    const [note] = await t.db.query(`SELECT title, body FROM notifications WHERE kind = 'PLAN_ITEM_DUE' LIMIT 1`);
    expect(note.title).toContain('còn 30 ngày');
    expect(await reminders.run('2026-12-01')).toEqual({ reminded: 0 });
    expect(await reminders.run('2026-12-02')).toEqual({ reminded: 0 });
    const before = await count();
    const overdue = await reminders.run('2027-01-02');
    expect(overdue.reminded).toBe(first.reminded);
    expect(
      (await t.db.query(`SELECT title FROM notifications WHERE kind = 'PLAN_ITEM_DUE' ORDER BY created_at DESC, id LIMIT 1`))[0].title,
    ).toContain('quá hạn');
    expect(await reminders.run('2027-01-02')).toEqual({ reminded: 0 });
    expect(await count()).toBe(before + overdue.reminded);
  });

  it('lists items across systems within scope, with the overdue filter (appraisers and leaders)', async () => {
    clock.setFixed('2027-01-05');
    const list = (token: string, query = '') => t.http().get(`/api/v1/plan-items${query}`).set(as(token)).expect(200);
    const late = (await list(leader, '?overdue=true')).body;
    expect(late.items.length).toBeGreaterThan(0);
    expect(late.items.every((i: { overdue: boolean; systemName: string }) => i.overdue && i.systemName)).toBe(true);
    expect((await list(otherOfficer, '?overdue=true')).body.total).toBe(0);
    expectProblem(await t.http().get('/api/v1/plan-items?overdue=maybe').set(as(leader)), 422, 'VALIDATION_FAILED');
    clock.setFixed('2026-12-01');
  });

  it('derives FULL once every applicable item is done, clears col 11, and then lets the system go into operation', async () => {
    await reload();
    for (const open of items().filter((i) => ['NOT_STARTED', 'IN_PROGRESS'].includes(i.status))) {
      await patchItem(officer, open, { status: 'DONE' }).expect(200);
    }
    await reload();
    expect(plan).toMatchObject({ deploymentStatus: 'FULL', expectedOn: null });
    expect(await systemRow()).toEqual({ deployment_status: 'FULL', expected_on: null });
    const s = await system();
    await t
      .http()
      .patch(`/api/v1/systems/${systemId}`)
      .set(as(officer))
      .send({ version: s.version, lifecycle: 'IN_OPERATION' })
      .expect(200);
  });

  it("a newer approval's plan replaces the previous one: old items superseded (kept with their history), status derived from the new ones", async () => {
    await reload();
    const old = items();
    const { id: newer } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const [row] = await t.db.query(
      `SELECT id, system_id AS "systemId", plan_entries AS "planEntries", catalogue_id AS "catalogueId" FROM dossiers WHERE id = $1`,
      [newer],
    );
    const first = Object.keys(row.planEntries)[0];
    row.planEntries[first] = { status: 'PLANNED', plannedDate: '2027-09-30' };
    // What applyApproval does in the approving transaction (the approval itself is proven above).
    await t.db.transaction((em) => createPlanItemsFromApproval(em, null, { ...row, decision: { date: '2026-12-01' } }));
    await reload();
    expect(items().map((i) => i.id)).not.toContain(old[0].id);
    expect(plan).toMatchObject({ deploymentStatus: 'PARTIAL', expectedOn: '2027-09-30' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM plan_items WHERE system_id = $1 AND superseded_at IS NOT NULL`, [
      systemId,
    ]);
    expect(n).toBe(old.length);
    expectProblem(await patchItem(officer, old[0], { status: 'DONE' }), 409, 'PLAN_ITEM_SUPERSEDED');
    const history = (await t.http().get(`/api/v1/systems/${systemId}/plan-items/${old[0].id}/history`).set(as(officer)).expect(200)).body;
    expect(history[0].action).toBe('SUPERSEDED');
  });

  it('the systems import does not overwrite the derived status of a system with items (a blank or typed cell is ignored)', async () => {
    const before = await systemRow();
    const header = [
      'Mã cơ quan chủ quản',
      'Mã hệ thống',
      'Tên hệ thống',
      'Loại hệ thống',
      'Loại thông tin',
      'Trạng thái',
      'Tình trạng triển khai phương án',
    ];
    const line = [
      'SL-SO-XD',
      'PA-1',
      'Hệ thống quản lý cấp phép xây dựng',
      `"${SYSTEM_TYPE_LABELS.CITIZEN_BUSINESS}"`,
      `"${[INFO_TYPE_LABELS.PUBLIC, INFO_TYPE_LABELS.PERSONAL].join('; ')}"`,
      'Đang vận hành',
      'Chưa triển khai',
    ];
    const file = Buffer.from(`\uFEFF${header.join(',')}\r\n${line.join(',')}\r\n`, 'utf8');
    const res = await t.http().post('/api/v1/systems/import').set(as(officer)).attach('file', file, 'he-thong.csv');
    if (res.status !== 200) throw new Error(res.text);
    expect(await systemRow()).toEqual(before);
  });
});
