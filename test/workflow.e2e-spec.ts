import { Clock } from '../src/common/clock';
import { DueRemindersService } from '../src/workflow/due-reminders.service';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { createAgencyHead, decide, LEVEL4_FACTS } from './support/procedure-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('appraisal and approval workflow', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let strangerAppraiser: string;
  let leader: string;
  let admin: string;
  /** The owner's leadership (Giám đốc Sở Xây dựng): approves from level 3 (ND331 Art. 18.2.b, 20.3.b). */
  let head: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const act = (token: string, id: string, action: string, body: object) =>
    t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.sl-so-xd', 'Giám đốc Sở Xây dựng');
    // An appraiser of another body, to prove only the routed body appraises.
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'thamdinh.khac', password_hash, 'Thẩm định khác', 'APPRAISER', (SELECT id FROM agencies WHERE code = 'SL-SO-KHCN') FROM users WHERE username = 'admin'`,
    );
    [officer, otherOfficer, appraiser, strangerAppraiser, leader, admin] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'thamdinh.khac', 'lanhdao', 'admin'].map((u) => t.login(u)),
    );
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  describe('the full path: submit → return → resubmit → appraise → Tờ trình → the owner approves', () => {
    let systemId: string;
    let id: string;

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'MOT-CUA', 'Hệ thống một cửa điện tử Sở Xây dựng');
      id = (await createCompleteDossier(t, officer, systemId)).id;
    });

    it('submits: routes to Công an tỉnh for appraisal and to the owner for approval, freezes revision 1, starts the 5-working-day validity clock', async () => {
      clock.setFixed('2026-11-02');
      const d = await get(id);
      const res = await act(officer, id, 'submit', { version: d.version, note: 'Kính gửi Công an tỉnh' }).expect(200);
      expect(res.body).toMatchObject({ status: 'SUBMITTED', statusLabel: 'Đã gửi thẩm định' });
      expect(res.body.workflow).toMatchObject({
        currentRevision: 1,
        appraiserName: 'Công an tỉnh Sơn La',
        // Level 3: the owner approves (ND331 Art. 18.2.b), no longer Công an tỉnh.
        approverName: 'Sở Xây dựng',
        procedurePath: 'OWNER',
        receivedOn: '2026-11-02',
        dueOn: '2026-11-09',
        dueKind: 'VALIDITY',
        overdue: false,
      });
      const revisions = await t.http().get(`/api/v1/dossiers/${id}/revisions`).set(as(appraiser)).expect(200);
      expect(revisions.body).toHaveLength(1);
      expect(revisions.body[0]).toMatchObject({
        number: 1,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        submittedBy: 'canbo.sl-so-xd',
      });
      const frozen = await t.http().get(`/api/v1/dossiers/${id}/revisions/1`).set(as(appraiser)).expect(200);
      expect(frozen.body.content.attachments.map((a: { sha256: string }) => a.sha256)).toHaveLength(2);
      expect(frozen.body.content.plan).toHaveLength(66);
      // What the caller may do is not part of what was sent.
      expect(frozen.body.content).not.toHaveProperty('availableActions');
      expect(res.body.availableActions).toEqual(['withdraw']);
    });

    it('offers each user the actions the transition table and their role for this dossier allow (availableActions)', async () => {
      const actionsOf = async (token: string) =>
        (await t.http().get(`/api/v1/dossiers/${id}`).set(as(token)).expect(200)).body.availableActions;
      expect(await actionsOf(officer)).toEqual(['withdraw']);
      expect(await actionsOf(appraiser)).toEqual(['return', 'start-appraisal']);
      expect(await actionsOf(strangerAppraiser)).toEqual([]);
      expect(await actionsOf(leader)).toEqual([]);
      // The owner's leadership (and an administrator recording its paper decision) may ask for the List (ND331 Art. 17.2).
      expect(await actionsOf(admin)).toEqual(['request-listing', 'withdraw']);
      expect(await actionsOf(head)).toEqual(['request-listing']);
    });

    it('keeps the frozen revision immutable in PostgreSQL and the draft closed to edits', async () => {
      await expect(t.db.query(`UPDATE dossier_revisions SET sha256 = repeat('0', 64) WHERE dossier_id = $1`, [id])).rejects.toThrow(
        /immutable/,
      );
      const d = await get(id);
      expectProblem(
        await t.http().patch(`/api/v1/dossiers/${id}`).set(as(officer)).send({ version: d.version, levelJustification: 'sửa sau khi gửi' }),
        409,
        'DOSSIER_NOT_EDITABLE',
      );
    });

    it('refuses appraisal actions by the officer (403), by another body (403) and by a leader (403)', async () => {
      const d = await get(id);
      expectProblem(await act(officer, id, 'start-appraisal', { version: d.version }), 403, 'FORBIDDEN');
      expectProblem(await act(strangerAppraiser, id, 'start-appraisal', { version: d.version }), 403, 'DOSSIER_ACTION_FORBIDDEN');
      expectProblem(await act(leader, id, 'return', { version: d.version, items: ['x'] }), 403, 'FORBIDDEN');
      expectProblem(await act(otherOfficer, id, 'withdraw', { version: d.version }), 404, 'NOT_FOUND');
    });

    it('returns for supplement with the list; the officer sees it and resubmits; the clock restarts', async () => {
      clock.setFixed('2026-11-04');
      let d = await get(id);
      expectProblem(await act(appraiser, id, 'return', { version: d.version, items: [] }), 422, 'VALIDATION_FAILED');
      const returned = await act(appraiser, id, 'return', { version: d.version, items: ['Bổ sung sơ đồ mạng có địa chỉ IP'] }).expect(200);
      expect(returned.body).toMatchObject({
        status: 'RETURNED',
        statusLabel: 'Yêu cầu bổ sung',
        workflow: { returnItems: ['Bổ sung sơ đồ mạng có địa chỉ IP'], dueOn: null },
      });
      clock.setFixed('2026-11-10');
      d = await get(id);
      // The officer supplements the returned dossier: edits and a new attachment, then resubmits.
      await t
        .http()
        .patch(`/api/v1/dossiers/${id}`)
        .set(as(officer))
        .send({ version: d.version, description: { architecture: 'Sơ đồ mạng: vùng DMZ 10.10.1.0/24, vùng máy chủ 10.10.2.0/24' } })
        .expect(200);
      await t
        .http()
        .post(`/api/v1/dossiers/${id}/attachments`)
        .set(as(officer))
        .field('kind', 'OTHER')
        .attach('file', PDF, 'Sơ đồ mạng.pdf')
        .expect(201);
      d = await get(id);
      const resubmitted = await act(officer, id, 'submit', { version: d.version }).expect(200);
      expect(resubmitted.body.workflow).toMatchObject({
        currentRevision: 2,
        receivedOn: '2026-11-10',
        dueOn: '2026-11-17',
        dueKind: 'VALIDITY',
      });
    });

    it('starts the appraisal: 15 working days for level 3 under ND331 from the resubmission (10/11), shown in the queue by due date', async () => {
      clock.setFixed('2026-11-11');
      const d = await get(id);
      const res = await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
      // ND331 Art. 23.3: counted from the receipt of the complete, valid dossier (10/11), not from this click (11/11).
      expect(res.body.workflow).toMatchObject({ dueKind: 'APPRAISAL', dueOn: '2026-12-01' });
      const queue = await t.http().get('/api/v1/appraisal-queue').set(as(appraiser)).expect(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
      expect(queue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ overdue: false, dueOn: '2026-12-01', revision: 2 });
    });

    it('keeps the queue to appraisers and answers unknown revisions with 404', async () => {
      expectProblem(await t.http().get('/api/v1/appraisal-queue').set(as(officer)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get('/api/v1/appraisal-queue?status=DRAFT').set(as(appraiser)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get(`/api/v1/dossiers/${id}/revisions/99`).set(as(appraiser)), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`/api/v1/dossiers/${id}/revisions/abc`).set(as(appraiser)), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(otherOfficer)), 404, 'NOT_FOUND');
    });

    it('marks the dossier overdue once the due day has passed', async () => {
      clock.setFixed('2026-12-03');
      const queue = await t.http().get('/api/v1/appraisal-queue').set(as(appraiser)).expect(200);
      expect(queue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ overdue: true });
      expect(queue.body.overdue).toBeGreaterThanOrEqual(1);
      expect((await get(id)).workflow.overdue).toBe(true);
    });

    it('NOT_SUITABLE sends the dossier back to draft; it comes back as a new revision', async () => {
      clock.setFixed('2026-11-20');
      let d = await get(id);
      expectProblem(
        await act(appraiser, id, 'appraise', { version: d.version, conclusion: 'NOT_SUITABLE' }),
        422,
        'DOSSIER_APPRAISAL_INVALID',
      );
      const res = await act(appraiser, id, 'appraise', {
        version: d.version,
        conclusion: 'NOT_SUITABLE',
        reasons: ['Phương án sao lưu chưa đáp ứng'],
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'DRAFT', workflow: { appraisal: { conclusion: 'NOT_SUITABLE', revision: 2 } } });
      d = await get(id);
      await t
        .http()
        .patch(`/api/v1/dossiers/${id}`)
        .set(as(officer))
        .send({ version: d.version, planSections: { e: 'Sao lưu hằng ngày tại trung tâm dữ liệu tỉnh' } })
        .expect(200);
      d = await get(id);
      const again = await act(officer, id, 'submit', { version: d.version }).expect(200);
      expect(again.body.workflow.currentRevision).toBe(3);
      d = await get(id);
      await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
    });

    it('SUITABLE, then the Tờ trình starts the approval clock; the owner approves and the system gets its level in the same transaction', async () => {
      clock.setFixed('2026-11-25');
      let d = await get(id);
      const appraised = await act(appraiser, id, 'appraise', {
        version: d.version,
        conclusion: 'SUITABLE',
        opinions: 'Hồ sơ phù hợp',
      }).expect(200);
      // Level 3: the approval clock waits for the Tờ trình to reach the owner (ND331 Art. 20.3.b, 24.2); it used to start here.
      expect(appraised.body).toMatchObject({ status: 'APPRAISED', workflow: { dueKind: null, dueOn: null } });
      expect(appraised.body.availableActions).toEqual([]);
      expect((await get(id)).availableActions).toEqual(['request-approval', 'withdraw']);
      d = await get(id);
      const fields = {
        decisionNumber: '125/QĐ-SXD',
        decisionDate: '2026-11-25',
        signerName: 'Nguyễn Văn Hùng',
        signerTitle: 'Giám đốc Sở Xây dựng',
      };
      // Before the Tờ trình the owner cannot approve a level-3 dossier.
      expectProblem(await decide(t, head, id, 'approve', { version: d.version, ...fields, level: 3 }), 409, 'DOSSIER_WRONG_PROCEDURE');
      const requested = await act(officer, id, 'request-approval', { version: d.version, submissionNumber: '12/TTr-SXD' }).expect(200);
      expect(requested.body).toMatchObject({
        status: 'AWAITING_APPROVAL',
        workflow: { dueKind: 'APPROVAL', dueOn: '2026-12-04', approvalRequest: { submittedOn: '2026-11-25', number: '12/TTr-SXD' } },
      });
      d = await get(id);
      expectProblem(await decide(t, officer, id, 'approve', { version: d.version, ...fields, level: 3 }), 403, 'FORBIDDEN');
      // Công an tỉnh appraised; it does not approve a level-3 system (ND331 Art. 18.2.b).
      expectProblem(
        await decide(t, appraiser, id, 'approve', { version: d.version, ...fields, level: 3 }),
        403,
        'DOSSIER_ACTION_FORBIDDEN',
      );
      expectProblem(await decide(t, head, id, 'approve', { version: d.version, ...fields, level: 2 }), 422, 'DOSSIER_DECISION_INVALID');
      // Issue 16: a decision dated after today (Vietnam's day, 25/11 here) has not been made yet (ND331 Art. 20.3).
      expectProblem(
        await decide(t, head, id, 'approve', { version: d.version, ...fields, decisionDate: '2026-11-26', level: 3 }),
        422,
        'DECISION_DATE_IN_FUTURE',
      );
      const approved = await decide(t, head, id, 'approve', { version: d.version, ...fields, level: 3 }).expect(200);
      expect(approved.body).toMatchObject({
        status: 'APPROVED',
        statusLabel: 'Đã được phê duyệt',
        workflow: { decision: { number: '125/QĐ-SXD', level: 3, revision: 3, issuer: 'Sở Xây dựng' }, dueOn: null },
      });
      const system = await t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200);
      expect(system.body).toMatchObject({
        approvedLevel: 3,
        approvalDecisionNumber: '125/QĐ-SXD',
        approvalDecisionDate: '2026-11-25',
        approvalDecisionIssuer: 'Sở Xây dựng',
      });
    });

    it('records the whole history with actors, statuses and revisions', async () => {
      const res = await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(leader)).expect(200);
      expect(
        res.body.map((e: { action: string; toStatus: string; revision: number | null }) => `${e.action}:${e.toStatus}:${e.revision}`),
      ).toEqual([
        'submit:SUBMITTED:1',
        'return:RETURNED:1',
        'submit:SUBMITTED:2',
        'start-appraisal:UNDER_APPRAISAL:2',
        'appraise:DRAFT:2',
        'submit:SUBMITTED:3',
        'start-appraisal:UNDER_APPRAISAL:3',
        'appraise:APPRAISED:3',
        'request-approval:AWAITING_APPROVAL:3',
        'approve:APPROVED:3',
      ]);
      expect(res.body[0]).toMatchObject({ actor: 'canbo.sl-so-xd', actionLabel: 'Gửi thẩm định', note: 'Kính gửi Công an tỉnh' });
      expect(res.body[1].details.items).toEqual(['Bổ sung sơ đồ mạng có địa chỉ IP']);
      const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'DOSSIER_%'`, [id]);
      expect(audits[0].n).toBe(10);
    });

    it('a newer approved dossier supersedes the previous one', async () => {
      // Sent and decided on 27/11: a decision is not dated before its dossier was first sent (workflow/decision-date.ts).
      clock.setFixed('2026-11-27');
      const next = await createCompleteDossier(t, officer, systemId);
      let d = await get(next.id);
      await act(officer, next.id, 'submit', { version: d.version }).expect(200);
      d = await get(next.id);
      await act(appraiser, next.id, 'start-appraisal', { version: d.version }).expect(200);
      d = await get(next.id);
      await act(appraiser, next.id, 'appraise', { version: d.version, conclusion: 'SUITABLE' }).expect(200);
      d = await get(next.id);
      await act(officer, next.id, 'request-approval', { version: d.version }).expect(200);
      d = await get(next.id);
      await decide(t, head, next.id, 'approve', {
        version: d.version,
        decisionNumber: '200/QĐ-SXD',
        decisionDate: '2026-11-27',
        signerName: 'A',
        signerTitle: 'Giám đốc',
        level: 3,
      }).expect(200);
      expect((await get(id)).status).toBe('SUPERSEDED');
      const history = await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(officer)).expect(200);
      expect(history.body.at(-1)).toMatchObject({ action: 'supersede', toStatus: 'SUPERSEDED' });
    });
  });

  it('refuses to submit an incomplete dossier with the completeness list', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'THIEU', 'Hệ thống thiếu hồ sơ');
    const created = await t.http().post('/api/v1/dossiers').set(as(officer)).send({ systemId, facts: LEVEL2_FACTS }).expect(201);
    const events = await countRows(t.db, 'dossier_events');
    const body = expectProblem(await act(officer, created.body.id, 'submit', { version: created.body.version }), 422, 'DOSSIER_INCOMPLETE');
    expect((body.missing as { code: string }[]).map((m) => m.code)).toContain('DESIGN_DOCUMENT_MISSING');
    expect(await countRows(t.db, 'dossier_events')).toBe(events);
  });

  it('levels 1–2: the same body appraises and approves in one step', async () => {
    clock.setFixed('2026-11-25');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'NOI-BO', 'Hệ thống quản lý nội bộ');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    let d = await get(id);
    expect(d.proposedLevel).toBe(2);
    await act(officer, id, 'submit', { version: d.version }).expect(200);
    d = await get(id);
    const started = await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
    expect(started.body.availableActions).toEqual(['return', 'appraise', 'approve']);
    d = await get(id);
    const res = await decide(t, appraiser, id, 'approve', {
      version: d.version,
      decisionNumber: '7/QĐ-CAT',
      decisionDate: '2026-11-25',
      signerName: 'A',
      signerTitle: 'Giám đốc',
      level: 2,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', workflow: { appraisal: { conclusion: 'SUITABLE' }, decision: { level: 2 } } });
  });

  it('routes levels 4–5 through the owner to the Ministry of Public Security, recorded by an administrator, approved by the owner', async () => {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'HA-TANG', 'Hạ tầng dùng chung toàn quốc');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL4_FACTS);
    let d = await get(id);
    // ND331 Art. 20.1.d: the operating unit no longer sends a level-4 dossier itself (it used to, with a typed expert opinion).
    expectProblem(await act(officer, id, 'submit', { version: d.version }), 409, 'DOSSIER_WRONG_PROCEDURE');
    await act(officer, id, 'request-opinion', { version: d.version }).expect(200);
    d = await get(id);
    await act(appraiser, id, 'give-opinion', { version: d.version, conclusion: 'SUITABLE', opinions: 'Nhất trí đề xuất cấp độ 4' }).expect(
      200,
    );
    d = await get(id);
    const submitted = await act(head, id, 'owner-submit', { version: d.version }).expect(200);
    expect(submitted.body.workflow).toMatchObject({ appraiserName: expect.stringContaining('Bộ Công an'), approverName: 'Sở Xây dựng' });
    d = await get(id);
    expect(d.availableActions).toEqual(['withdraw']);
    expect((await t.http().get(`/api/v1/dossiers/${id}`).set(as(appraiser)).expect(200)).body.availableActions).toEqual([]);
    expect((await t.http().get(`/api/v1/dossiers/${id}`).set(as(admin)).expect(200)).body.availableActions).toEqual([
      'return',
      'start-appraisal',
      'request-listing',
      'withdraw',
    ]);
    expectProblem(await act(appraiser, id, 'start-appraisal', { version: d.version }), 403, 'DOSSIER_ACTION_FORBIDDEN');
    await act(admin, id, 'start-appraisal', { version: d.version }).expect(200);
    const queue = await t.http().get('/api/v1/appraisal-queue').set(as(admin)).expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('concurrent conflicting actions: exactly one wins, the others get 409, history shows one', async () => {
    clock.setFixed('2026-11-25');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'DUA', 'Hệ thống tranh chấp');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    let d = await get(id);
    await act(officer, id, 'submit', { version: d.version }).expect(200);
    d = await get(id);
    await act(appraiser, id, 'start-appraisal', { version: d.version }).expect(200);
    d = await get(id);
    const attempts = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        decide(t, appraiser, id, 'approve', {
          version: d.version,
          decisionNumber: '9/QĐ',
          decisionDate: '2026-11-25',
          signerName: 'A',
          signerTitle: 'B',
          level: 2,
        }),
      ),
      ...Array.from({ length: 5 }, () => act(officer, id, 'withdraw', { version: d.version, note: 'Rút để sửa' })),
    ]);
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const history = await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(officer)).expect(200);
    expect(history.body.filter((e: { action: string }) => e.action === 'approve' || e.action === 'withdraw')).toHaveLength(1);
  });

  it('rejects bad action input with 422 and unknown ids with 404', async () => {
    expectProblem(await act(officer, '00000000-0000-4000-8000-000000000000', 'submit', { version: 1 }), 404, 'NOT_FOUND');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'SAI', 'Hệ thống nhập sai');
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    expectProblem(await act(officer, id, 'submit', {}), 422, 'VALIDATION_FAILED');
    expectProblem(await act(officer, id, 'submit', { version: 'one' }), 422, 'VALIDATION_FAILED');
    expectProblem(await decide(t, appraiser, id, 'approve', { version: 1, level: 9 }), 422, 'VALIDATION_FAILED');
    expectProblem(await act(officer, id, 'start-appraisal', { version: 1 }), 403, 'FORBIDDEN');
    expectProblem(await act(officer, id, 'submit', { version: 1 }), 409, 'VERSION_CONFLICT');
  });
});

describe('due-date reminders', () => {
  let t: TestApp;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('tells the appraising body 2 working days before the limit and once it is overdue, each only once', async () => {
    const officer = await t.login('canbo.sl-so-xd');
    const appraiser = await t.login('thamdinh');
    const clock = t.app.get(Clock);
    clock.setFixed('2026-11-02');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'NHAC', 'Hệ thống nhắc hạn');
    const { id } = await createCompleteDossier(t, officer, systemId);
    const d = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer))).body;
    await t.http().post(`/api/v1/dossiers/${id}/actions/submit`).set(as(officer)).send({ version: d.version }).expect(200);
    clock.setFixed(undefined);
    const reminders = t.app.get(DueRemindersService);
    expect(await reminders.run('2026-11-04')).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders.run('2026-11-05')).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await reminders.run('2026-11-05')).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders.run('2026-11-10')).toEqual({ dueSoon: 0, overdue: 1 });
    const inbox = await t.http().get('/api/v1/notifications').set(as(appraiser)).expect(200);
    const kinds = inbox.body.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['DOSSIER_ROUTED', 'DUE_SOON', 'OVERDUE']));
    expect(inbox.body.items.find((n: { kind: string }) => n.kind === 'OVERDUE').title).toBe('Quá hạn: Hệ thống nhắc hạn');
  });
});
