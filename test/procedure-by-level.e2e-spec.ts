import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, LEVEL3_FACTS } from './support/dossier-fixtures';
import { createAgencyHead, decide, LEVEL4_FACTS, LEVEL5_FACTS, MINISTRY_A05 } from './support/procedure-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 18, the proof: the procedure by level as Decree 331/2026 assigns it (Arts. 16–18, 20; docs/legal/). Level 3 is
 * appraised by the owner's specialised unit (Công an tỉnh) and approved by the owner on a Tờ trình (Mẫu 05); level 4
 * goes through the specialised unit's opinion (Mẫu 03) and the owner's submission to the ministry; level 5 ends with
 * the owner's plan (Mẫu 07) and the Prime Minister's List; the appraiser must be independent of the system (Art. 18.4);
 * routing cannot contradict the competence table. Every refusal is problem+json and writes nothing.
 */
describe('the procedure by level (ND331 Arts. 16–18, 20)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let strangerAppraiser: string;
  let admin: string;
  let leader: string;
  /** Giám đốc Sở Xây dựng: the owner's leadership of the Sở Xây dựng systems. */
  let head: string;
  /** Giám đốc Sở Y tế: a head of another owner. */
  let otherHead: string;
  /** A head and an officer of Lào Cai: another province. */
  let lcHead: string;
  let counter = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = async (id: string, token = officer) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(token)).expect(200)).body;
  const act = (token: string, id: string, action: string, body: object) =>
    t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);
  /** Takes the action with the version just read, expecting 200. */
  const step = async (token: string, id: string, action: string, body: object = {}) =>
    (await act(token, id, action, { version: (await get(id, admin)).version, ...body }).expect(200)).body;
  const decision = (number: string, extra: object = {}) => ({
    decisionNumber: number,
    decisionDate: '2026-11-25',
    signerName: 'Nguyễn Văn Hùng',
    signerTitle: 'Giám đốc Sở Xây dựng',
    ...extra,
  });
  const eventsOf = async (id: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM dossier_events WHERE dossier_id = $1`, [id]))[0].n;
  /** The refusal wrote nothing: same version, no history event, no decision file. */
  const unchanged = async (id: string, before: { version: number; events: number; files: number }) => {
    expect((await get(id, admin)).version).toBe(before.version);
    expect(await eventsOf(id)).toBe(before.events);
    expect(await decisionFiles(id)).toBe(before.files);
  };
  const snapshot = async (id: string) => ({
    version: (await get(id, admin)).version,
    events: await eventsOf(id),
    files: await decisionFiles(id),
  });
  const decisionFiles = async (id: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM dossier_attachments WHERE dossier_id = $1 AND kind = 'DECISION'`, [id]))[0].n;

  /** A complete draft of a Sở Xây dựng system with the facts given. */
  async function draft(facts: object, agency = 'SL-SO-XD', token = officer): Promise<string> {
    const systemId = await createSystem(t, token, agency, `PBL-${++counter}`, `Hệ thống thử trình tự ${counter}`);
    return (await createCompleteDossier(t, token, systemId, facts)).id;
  }
  /** Level 3, appraised SUITABLE by Công an tỉnh. */
  async function appraisedLevel3(): Promise<string> {
    const id = await draft(LEVEL3_FACTS);
    await step(officer, id, 'submit');
    await step(appraiser, id, 'start-appraisal');
    await step(appraiser, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Phù hợp' });
    return id;
  }
  /** Level 4 or 5 with Công an tỉnh's SUITABLE opinion (Mẫu 03). */
  async function withOpinion(facts: object): Promise<string> {
    const id = await draft(facts);
    await step(officer, id, 'request-opinion');
    await step(appraiser, id, 'give-opinion', { conclusion: 'SUITABLE', opinions: 'Nhất trí đề xuất' });
    return id;
  }
  /** Level 4 or 5 appraised SUITABLE by the ministry (recorded by an administrator). */
  async function appraisedByMinistry(facts: object): Promise<string> {
    const id = await withOpinion(facts);
    await step(head, id, 'owner-submit');
    await step(admin, id, 'start-appraisal');
    await step(admin, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Bộ Công an: phù hợp' });
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    head = await createAgencyHead(t, 'SL-SO-XD', 'giamdoc.sl-so-xd', 'Giám đốc Sở Xây dựng');
    otherHead = await createAgencyHead(t, 'SL-SO-YT', 'giamdoc.sl-so-yt', 'Giám đốc Sở Y tế');
    await t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'thamdinh.khac', password_hash, 'Thẩm định khác', 'APPRAISER', (SELECT id FROM agencies WHERE code = 'SL-SO-KHCN') FROM users WHERE username = 'admin'`,
    );
    [officer, otherOfficer, appraiser, strangerAppraiser, admin, leader] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'thamdinh.khac', 'admin', 'lanhdao'].map((u) => t.login(u)),
    );
    // Another province (Lào Cai) with its own head.
    const created = await t
      .http()
      .post('/api/v1/agencies')
      .set(as(admin))
      .send({ code: 'LC-UBND', name: 'UBND tỉnh Lào Cai', kind: 'province_committee', provinceCode: 'LC' })
      .expect(201);
    lcHead = await createAgencyHead(t, 'LC-UBND', 'giamdoc.lc-ubnd', 'Chủ tịch UBND tỉnh Lào Cai');
    expect(created.body.id).toEqual(expect.any(String));
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  describe('level 3: Công an tỉnh appraises, the owner approves on the Tờ trình (Art. 18.2.b, 20.3.b)', () => {
    let id: string;
    beforeAll(async () => {
      // Sent before the decisions below are dated: a decision is not dated before its dossier was first sent (issue 25).
      clock.setFixed('2026-11-16');
      id = await appraisedLevel3();
      clock.setFixed(undefined);
    });

    it('is the OWNER procedure, routed for approval to the owner, with no clock until the Tờ trình', async () => {
      const d = await get(id);
      expect(d).toMatchObject({ status: 'APPRAISED', proposedLevel: 3 });
      expect(d.workflow).toMatchObject({
        procedurePath: 'OWNER',
        appraiserName: 'Công an tỉnh Sơn La',
        approverName: 'Sở Xây dựng',
        dueOn: null,
        dueKind: null,
        approvalRequest: null,
      });
      expect(d.availableActions).toEqual(['request-approval', 'withdraw']);
      expect((await get(id, head)).availableActions).toEqual([]);
      expect((await get(id, appraiser)).availableActions).toEqual([]);
    });

    it('approve before the Tờ trình → 409 DOSSIER_WRONG_PROCEDURE, nothing written', async () => {
      const before = await snapshot(id);
      const body = expectProblem(
        await decide(t, head, id, 'approve', { version: before.version, ...decision('1/QĐ-SXD'), level: 3 }),
        409,
        'DOSSIER_WRONG_PROCEDURE',
      );
      expect(body.detail).toContain('Tờ trình');
      await unchanged(id, before);
    });

    it('the Tờ trình (Mẫu 05) is the officer’s: head and appraiser 403, another body 404, bad input 422, nothing written', async () => {
      const before = await snapshot(id);
      expectProblem(await act(head, id, 'request-approval', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(appraiser, id, 'request-approval', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(otherOfficer, id, 'request-approval', { version: before.version }), 404, 'NOT_FOUND');
      for (const body of [
        {},
        { version: 'x' },
        { version: before.version, submissionNumber: 'x'.repeat(61) },
        { version: before.version, submissionNumber: 12 },
      ])
        expectProblem(await act(officer, id, 'request-approval', body), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
    });

    it('the Tờ trình starts the 7-working-day approval clock on its receipt and puts the dossier on the head’s desk', async () => {
      clock.setFixed('2026-11-25');
      const res = await step(officer, id, 'request-approval', { submissionNumber: '12/TTr-SXD' });
      expect(res).toMatchObject({
        status: 'AWAITING_APPROVAL',
        statusLabel: 'Đã trình chủ quản phê duyệt',
        workflow: { dueKind: 'APPROVAL', dueOn: '2026-12-04', approvalRequest: { submittedOn: '2026-11-25', number: '12/TTr-SXD' } },
      });
      expect((await get(id, head)).availableActions).toEqual(['approve']);
      const desk = await t.http().get('/api/v1/decision-queue').set(as(head)).expect(200);
      expect(desk.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'AWAITING_APPROVAL', dueOn: '2026-12-04' });
      const otherDesk = await t.http().get('/api/v1/decision-queue').set(as(otherHead)).expect(200);
      expect(otherDesk.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    });

    it('refuses Công an tỉnh as approver (403), the officer (403), another owner’s head (404), another province’s head (404)', async () => {
      const before = await snapshot(id);
      const fields = { version: before.version, ...decision('2/QĐ-CAT'), level: 3 };
      const police = expectProblem(await decide(t, appraiser, id, 'approve', fields), 403, 'DOSSIER_ACTION_FORBIDDEN');
      expect(police.detail).toContain('thẩm quyền');
      expectProblem(await decide(t, officer, id, 'approve', fields), 403, 'FORBIDDEN');
      expectProblem(await decide(t, leader, id, 'approve', fields), 403, 'FORBIDDEN');
      expectProblem(await decide(t, otherHead, id, 'approve', fields), 404, 'NOT_FOUND');
      expectProblem(await decide(t, lcHead, id, 'approve', fields), 404, 'NOT_FOUND');
      await unchanged(id, before);
    });

    it('a decision needs its signed PDF: none → 422 DECISION_FILE_REQUIRED, not a PDF → 422, future date → 422; nothing written', async () => {
      clock.setFixed('2026-11-25');
      const before = await snapshot(id);
      const fields = { version: before.version, ...decision('3/QĐ-SXD'), level: 3 };
      expectProblem(await decide(t, head, id, 'approve', fields, null), 422, 'DECISION_FILE_REQUIRED');
      // JSON (no multipart at all) is the same refusal.
      expectProblem(await act(head, id, 'approve', fields), 422, 'DECISION_FILE_REQUIRED');
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      expectProblem(await decide(t, head, id, 'approve', fields, png, 'quyet-dinh.pdf'), 422, 'DECISION_FILE_REQUIRED');
      expectProblem(await decide(t, head, id, 'approve', fields, Buffer.from('not a pdf at all'), 'qd.txt'), 422, 'DECISION_FILE_REQUIRED');
      expectProblem(await decide(t, head, id, 'approve', { ...fields, decisionDate: '2026-11-26' }), 422, 'DECISION_DATE_IN_FUTURE');
      await unchanged(id, before);
    });

    it('bad decision input → 422 problem+json, never 500, nothing written', async () => {
      const before = await snapshot(id);
      const good = { version: before.version, ...decision('4/QĐ-SXD'), level: 3 };
      const bad: Record<string, unknown>[] = [
        { ...good, level: 9 },
        { ...good, level: 'ba' },
        { ...good, version: 'x' },
        { ...good, decisionDate: '2026-02-30' },
        { ...good, decisionNumber: '' },
        { ...good, signerName: 'x'.repeat(256) },
      ];
      for (const fields of bad)
        expectProblem(await decide(t, head, id, 'approve', fields as Record<string, string>), 422, 'VALIDATION_FAILED');
      const { signerTitle: _omit, ...withoutTitle } = good;
      expectProblem(await decide(t, head, id, 'approve', withoutTitle), 422, 'VALIDATION_FAILED');
      // A level other than the proposed one is a new proposal.
      expectProblem(await decide(t, head, id, 'approve', { ...good, level: 2 }), 422, 'DOSSIER_DECISION_INVALID');
      await unchanged(id, before);
    });

    it('the owner’s head approves (Mẫu 06): the level, the decision and its signed file in one transaction', async () => {
      clock.setFixed('2026-11-25');
      const { version } = await get(id);
      const res = await decide(t, head, id, 'approve', { version, ...decision('125/QĐ-SXD'), level: 3 }).expect(200);
      expect(res.body).toMatchObject({
        status: 'APPROVED',
        workflow: { decision: { number: '125/QĐ-SXD', level: 3, issuer: 'Sở Xây dựng', approvedBy: 'giamdoc.sl-so-xd' }, dueOn: null },
      });
      expect(res.body.attachments).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'DECISION' })]));
      expect(await decisionFiles(id)).toBe(1);
      const [system] = await t.db.query(
        `SELECT approved_level, approval_decision_number, approval_decision_issuer FROM systems WHERE id = $1`,
        [res.body.system.id],
      );
      expect(system).toEqual({ approved_level: 3, approval_decision_number: '125/QĐ-SXD', approval_decision_issuer: 'Sở Xây dựng' });
    });
  });

  describe('level 4: Mẫu 03 opinion, the owner submits to the ministry, the owner approves (Art. 18.3, 20.1.d, 20.3.b)', () => {
    let id: string;
    beforeAll(async () => {
      id = await draft(LEVEL4_FACTS);
    });

    it('the officer’s plain submit is refused 409 DOSSIER_WRONG_PROCEDURE; the path is MINISTRY', async () => {
      const before = await snapshot(id);
      const d = await get(id);
      expect(d).toMatchObject({ proposedLevel: 4, workflow: { procedurePath: 'MINISTRY', onNationalList: false } });
      expect(d.availableActions).toEqual(['request-opinion', 'withdraw']);
      const body = expectProblem(await act(officer, id, 'submit', { version: d.version }), 409, 'DOSSIER_WRONG_PROCEDURE');
      expect(body.detail).toContain('Mẫu 03');
      await unchanged(id, before);
    });

    it('request-opinion: head and appraiser 403, another body 404, bad input 422; the officer sends Mẫu 03 to Công an tỉnh', async () => {
      const before = await snapshot(id);
      expectProblem(await act(head, id, 'request-opinion', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(appraiser, id, 'request-opinion', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(otherOfficer, id, 'request-opinion', { version: before.version }), 404, 'NOT_FOUND');
      for (const body of [{}, { version: 0 }, { version: before.version, note: 'x'.repeat(4001) }])
        expectProblem(await act(officer, id, 'request-opinion', body), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
      clock.setFixed('2026-11-10');
      const res = await step(officer, id, 'request-opinion');
      expect(res).toMatchObject({
        status: 'AWAITING_OPINION',
        statusLabel: 'Đang xin ý kiến chuyên môn',
        workflow: {
          specialisedUnitName: 'Công an tỉnh Sơn La',
          opinionRequest: { requestedOn: '2026-11-10', unitName: 'Công an tỉnh Sơn La' },
          dueOn: null,
        },
      });
      const desk = await t.http().get('/api/v1/appraisal-queue').set(as(appraiser)).expect(200);
      expect(desk.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'AWAITING_OPINION' });
    });

    it('give-opinion is the specialised unit’s: officer 403, another unit 403, head 403, bad input 422, nothing written', async () => {
      const before = await snapshot(id);
      const good = { version: before.version, conclusion: 'SUITABLE', opinions: 'Nhất trí' };
      expectProblem(await act(officer, id, 'give-opinion', good), 403, 'FORBIDDEN');
      expectProblem(await act(head, id, 'give-opinion', good), 403, 'FORBIDDEN');
      expectProblem(await act(strangerAppraiser, id, 'give-opinion', good), 403, 'DOSSIER_ACTION_FORBIDDEN');
      for (const body of [
        { ...good, conclusion: 'MAYBE' },
        { version: before.version, conclusion: 'SUITABLE' },
        { ...good, opinions: '' },
        { ...good, reasons: 'không phải mảng' },
        { ...good, opinionDate: '2026-13-01' },
        { ...good, opinionNumber: 'x'.repeat(61) },
      ])
        expectProblem(await act(appraiser, id, 'give-opinion', body), 422, 'VALIDATION_FAILED');
      expectProblem(await act(appraiser, id, 'give-opinion', { ...good, conclusion: 'NOT_SUITABLE' }), 422, 'DOSSIER_APPRAISAL_INVALID');
      await unchanged(id, before);
      const res = await step(appraiser, id, 'give-opinion', {
        conclusion: 'SUITABLE',
        opinions: 'Nhất trí đề xuất cấp độ 4 và phương án',
        opinionNumber: '45/CAT-PA05',
        opinionDate: '2026-11-12',
      });
      expect(res).toMatchObject({
        status: 'OPINION_GIVEN',
        expertOpinion: { unit: 'Công an tỉnh Sơn La', number: '45/CAT-PA05', date: '2026-11-12', conclusion: 'SUITABLE' },
      });
    });

    it('owner-submit is the owner’s head’s: the officer’s submit 409, officer 403, another head 404, bad input 422', async () => {
      const before = await snapshot(id);
      expectProblem(await act(officer, id, 'submit', { version: before.version }), 409, 'DOSSIER_INVALID_TRANSITION');
      expectProblem(await act(officer, id, 'owner-submit', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(appraiser, id, 'owner-submit', { version: before.version }), 403, 'FORBIDDEN');
      expectProblem(await act(otherHead, id, 'owner-submit', { version: before.version }), 404, 'NOT_FOUND');
      expectProblem(await act(lcHead, id, 'owner-submit', { version: before.version }), 404, 'NOT_FOUND');
      for (const body of [{}, { version: '1; DROP TABLE dossiers' }, { version: before.version, note: 5 }])
        expectProblem(await act(head, id, 'owner-submit', body), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
      const desk = await t.http().get('/api/v1/decision-queue').set(as(head)).expect(200);
      expect(desk.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'OPINION_GIVEN' });
      expect((await get(id, head)).availableActions).toEqual(['owner-submit']);
    });

    it('the owner submits (Mẫu 02 in its name) to Bộ Công an; the ministry’s appraisal is recorded by an administrator', async () => {
      clock.setFixed('2026-11-16');
      const submitted = await step(head, id, 'owner-submit');
      expect(submitted).toMatchObject({
        status: 'SUBMITTED',
        workflow: { appraiserName: MINISTRY_A05, appraiserAgencyId: null, approverName: 'Sở Xây dựng', dueKind: 'VALIDITY' },
      });
      const before = await snapshot(id);
      expectProblem(await act(appraiser, id, 'start-appraisal', { version: before.version }), 403, 'DOSSIER_ACTION_FORBIDDEN');
      await unchanged(id, before);
      await step(admin, id, 'start-appraisal');
      const appraised = await step(admin, id, 'appraise', { conclusion: 'SUITABLE', opinions: 'Bộ Công an: phù hợp' });
      expect(appraised).toMatchObject({ status: 'APPRAISED', workflow: { appraisal: { appraiserName: MINISTRY_A05 } } });
    });

    it('then the Tờ trình and the owner’s approval; Mẫu 07 does not apply (409)', async () => {
      clock.setFixed('2026-11-25');
      await step(officer, id, 'request-approval');
      const before = await snapshot(id);
      expectProblem(
        await decide(t, head, id, 'approve-plan', { version: before.version, ...decision('5/QĐ-SXD') }),
        409,
        'DOSSIER_WRONG_PROCEDURE',
      );
      expectProblem(
        await decide(t, appraiser, id, 'approve', { version: before.version, ...decision('5/QĐ-CAT'), level: 4 }),
        403,
        'DOSSIER_ACTION_FORBIDDEN',
      );
      await unchanged(id, before);
      const res = await decide(t, head, id, 'approve', { version: before.version, ...decision('6/QĐ-SXD'), level: 4 }).expect(200);
      expect(res.body).toMatchObject({ status: 'APPROVED', workflow: { decision: { level: 4, issuer: 'Sở Xây dựng' } } });
      const history = await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(officer)).expect(200);
      expect(history.body.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
        'request-opinion:AWAITING_OPINION',
        'give-opinion:OPINION_GIVEN',
        'owner-submit:SUBMITTED',
        'start-appraisal:UNDER_APPRAISAL',
        'appraise:APPRAISED',
        'request-approval:AWAITING_APPROVAL',
        'approve:APPROVED',
      ]);
    });

    it('a NOT_SUITABLE opinion sends the dossier back to draft', async () => {
      const other = await draft(LEVEL4_FACTS);
      await step(officer, other, 'request-opinion');
      const res = await step(appraiser, other, 'give-opinion', {
        conclusion: 'NOT_SUITABLE',
        opinions: 'Chưa phù hợp',
        reasons: ['Phương án chưa có giám sát tập trung'],
      });
      expect(res).toMatchObject({
        status: 'DRAFT',
        expertOpinion: { conclusion: 'NOT_SUITABLE', reasons: ['Phương án chưa có giám sát tập trung'] },
      });
    });
  });

  describe('level 5: the owner approves the plan (Mẫu 07), the Prime Minister’s List approves the level (Art. 18.3.d–đ)', () => {
    let id: string;
    let systemId: string;
    beforeAll(async () => {
      // Sent before the decisions below are dated: a decision is not dated before its dossier was first sent (issue 25).
      clock.setFixed('2026-11-16');
      id = await appraisedByMinistry(LEVEL5_FACTS);
      systemId = (await get(id)).system.id;
      await step(officer, id, 'request-approval');
      clock.setFixed(undefined);
    });

    it('is the NATIONAL_LIST procedure; Mẫu 06 → 409 DOSSIER_WRONG_PROCEDURE, the List before the plan → 409', async () => {
      const d = await get(id, head);
      expect(d).toMatchObject({
        status: 'AWAITING_APPROVAL',
        proposedLevel: 5,
        workflow: { procedurePath: 'NATIONAL_LIST', onNationalList: true },
      });
      expect(d.availableActions).toEqual(['approve-plan']);
      const before = await snapshot(id);
      const body = expectProblem(
        await decide(t, head, id, 'approve', { version: before.version, ...decision('7/QĐ-SXD'), level: 5 }),
        409,
        'DOSSIER_WRONG_PROCEDURE',
      );
      expect(body.detail).toContain('Mẫu 07');
      expectProblem(
        await decide(t, admin, id, 'record-listing', { version: before.version, ...decision('8/QĐ-TTg') }),
        409,
        'DOSSIER_INVALID_TRANSITION',
      );
      await unchanged(id, before);
    });

    it('approve-plan: officer 403, police 403, another head 404, no file / future date / bad input 422, nothing written', async () => {
      clock.setFixed('2026-11-25');
      const before = await snapshot(id);
      const good = { version: before.version, ...decision('9/QĐ-SXD') };
      expectProblem(await decide(t, officer, id, 'approve-plan', good), 403, 'FORBIDDEN');
      expectProblem(await decide(t, appraiser, id, 'approve-plan', good), 403, 'DOSSIER_ACTION_FORBIDDEN');
      expectProblem(await decide(t, otherHead, id, 'approve-plan', good), 404, 'NOT_FOUND');
      expectProblem(await decide(t, head, id, 'approve-plan', good, null), 422, 'DECISION_FILE_REQUIRED');
      expectProblem(await decide(t, head, id, 'approve-plan', good, Buffer.from('GIF89a')), 422, 'DECISION_FILE_REQUIRED');
      expectProblem(await decide(t, head, id, 'approve-plan', { ...good, decisionDate: '2026-12-01' }), 422, 'DECISION_DATE_IN_FUTURE');
      for (const fields of [
        { ...good, decisionDate: 'hôm nay' },
        { ...good, version: -1 },
        { ...good, signerTitle: '' },
      ])
        expectProblem(await decide(t, head, id, 'approve-plan', fields), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
    });

    it('the owner approves the plan: AWAITING_LISTING, and the system has no approved level yet', async () => {
      clock.setFixed('2026-11-25');
      const { version } = await get(id);
      const res = await decide(t, head, id, 'approve-plan', { version, ...decision('10/QĐ-SXD') }).expect(200);
      expect(res.body).toMatchObject({
        status: 'AWAITING_LISTING',
        statusLabel: 'Chờ Thủ tướng phê duyệt Danh mục',
        workflow: { planDecision: { number: '10/QĐ-SXD', issuer: 'Sở Xây dựng' }, decision: null },
      });
      expect(await decisionFiles(id)).toBe(1);
      const [system] = await t.db.query(`SELECT approved_level FROM systems WHERE id = $1`, [systemId]);
      expect(system.approved_level).toBeNull();
      const desk = await t.http().get('/api/v1/appraisal-queue').set(as(admin)).expect(200);
      expect(desk.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'AWAITING_LISTING' });
    });

    it('record-listing is an administrator’s: head 403, officer 403, no file / future date / bad input 422, nothing written', async () => {
      clock.setFixed('2026-11-28');
      const before = await snapshot(id);
      const good = {
        version: before.version,
        decisionNumber: '1234/QĐ-TTg',
        decisionDate: '2026-11-27',
        signerName: 'Thủ tướng',
        signerTitle: 'Thủ tướng Chính phủ',
      };
      expectProblem(await decide(t, head, id, 'record-listing', good), 403, 'DOSSIER_ACTION_FORBIDDEN');
      expectProblem(await decide(t, officer, id, 'record-listing', good), 403, 'FORBIDDEN');
      expectProblem(await decide(t, appraiser, id, 'record-listing', good), 403, 'FORBIDDEN');
      expectProblem(await decide(t, admin, id, 'record-listing', good, null), 422, 'DECISION_FILE_REQUIRED');
      expectProblem(await decide(t, admin, id, 'record-listing', { ...good, decisionDate: '2026-11-29' }), 422, 'DECISION_DATE_IN_FUTURE');
      for (const fields of [
        { ...good, decisionNumber: '' },
        { ...good, decisionDate: '27/11/2026' },
        { ...good, version: 'v' },
      ])
        expectProblem(await decide(t, admin, id, 'record-listing', fields), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
    });

    it('the Prime Minister’s decision, recorded by an administrator: only now is the system’s approved level 5', async () => {
      clock.setFixed('2026-11-28');
      const { version } = await get(id);
      const res = await decide(t, admin, id, 'record-listing', {
        version,
        decisionNumber: '1234/QĐ-TTg',
        decisionDate: '2026-11-27',
        signerName: 'Thủ tướng Chính phủ',
        signerTitle: 'Thủ tướng Chính phủ',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'APPROVED',
        workflow: {
          decision: { number: '1234/QĐ-TTg', level: 5, issuer: 'Thủ tướng Chính phủ' },
          nationalListing: { decisionNumber: '1234/QĐ-TTg', decisionDate: '2026-11-27' },
        },
      });
      expect(await decisionFiles(id)).toBe(2);
      const [system] = await t.db.query(`SELECT approved_level, approval_decision_number FROM systems WHERE id = $1`, [systemId]);
      expect(system).toEqual({ approved_level: 5, approval_decision_number: '1234/QĐ-TTg' });
    });
  });

  describe('independence (Art. 18.4; TT12 Art. 6): Công an tỉnh does not appraise its own system', () => {
    let id: string;
    let caOfficer: string;
    let caHead: string;
    const council = {
      kind: 'COUNCIL',
      name: 'Hội đồng thẩm định độc lập hệ thống của Công an tỉnh',
      decisionNumber: '15/QĐ-CAT',
      decisionDate: '2026-11-02',
      members: [
        { name: 'Nguyễn Văn A', title: 'Phó Giám đốc Sở Khoa học và Công nghệ, Chủ tịch Hội đồng' },
        { name: 'Trần Thị B', title: 'Chuyên gia an toàn thông tin' },
      ],
    };
    const put = (token: string, body: object) => t.http().put(`/api/v1/dossiers/${id}/independent-appraiser`).set(as(token)).send(body);
    beforeAll(async () => {
      caOfficer = await t.login('canbo.sl-ca');
      caHead = await createAgencyHead(t, 'SL-CA', 'giamdoc.sl-ca', 'Giám đốc Công an tỉnh');
      id = await draft(LEVEL3_FACTS, 'SL-CA', caOfficer);
    });

    it('routed to the police, a dossier of the police’s own system is refused 422 DOSSIER_APPRAISER_NOT_INDEPENDENT', async () => {
      const before = await snapshot(id);
      const body = expectProblem(await act(caOfficer, id, 'submit', { version: before.version }), 422, 'DOSSIER_APPRAISER_NOT_INDEPENDENT');
      expect(body.detail).toContain('khoản 4 Điều 18');
      await unchanged(id, before);
    });

    it('PUT independent-appraiser: officer 403, another owner’s head 404, another province 404, bad input 422; nothing written', async () => {
      const before = await snapshot(id);
      const good = { version: before.version, ...council };
      expectProblem(await put(caOfficer, good), 403, 'FORBIDDEN');
      expectProblem(await put(appraiser, good), 403, 'FORBIDDEN');
      expectProblem(await put(head, good), 404, 'NOT_FOUND');
      expectProblem(await put(lcHead, good), 404, 'NOT_FOUND');
      const caId = (await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`))[0].id;
      const bad: object[] = [
        {},
        { ...good, kind: 'PANEL' },
        { ...good, members: [] },
        { ...good, members: [{ name: 'A' }] },
        { ...good, name: '' },
        { ...good, decisionDate: '2026-02-30' },
        { ...good, decisionDate: '2099-01-01' },
        { ...good, kind: 'UNIT', members: undefined },
        { ...good, kind: 'UNIT', agencyId: 'not-a-uuid' },
        { ...good, kind: 'UNIT', agencyId: caId },
        { ...good, kind: 'UNIT', agencyId: '00000000-0000-4000-8000-000000000000' },
      ];
      for (const body of bad) expectProblem(await put(caHead, body), 422, 'VALIDATION_FAILED');
      expectProblem(await put(caHead, { ...good, version: before.version + 5 }), 409, 'VERSION_CONFLICT');
      await unchanged(id, before);
    });

    it('with a council recorded by the owner’s head, the dossier is sent to the council (its opinion recorded by an administrator)', async () => {
      clock.setFixed('2026-11-03');
      const { version } = await get(id, caHead);
      const recorded = await put(caHead, { version, ...council }).expect(200);
      expect(recorded.body.workflow.independentAppraiser).toMatchObject({ kind: 'COUNCIL', name: council.name, members: council.members });
      const submitted = await step(caOfficer, id, 'submit');
      expect(submitted).toMatchObject({
        status: 'SUBMITTED',
        workflow: { appraiserName: council.name, appraiserAgencyId: null, approverName: 'Công an tỉnh Sơn La' },
      });
      expect((await get(id, appraiser)).availableActions).toEqual([]);
      expect((await get(id, admin)).availableActions).toEqual(expect.arrayContaining(['return', 'start-appraisal']));
      // Once sent, the independent appraiser is no longer changed.
      expectProblem(await put(caHead, { version: submitted.version, ...council }), 409, 'DOSSIER_INVALID_TRANSITION');
    });
  });

  describe('routing that contradicts the competence table (Art. 18; routing/competence.ts)', () => {
    let rule: (extra: object) => object;
    let ruleAudits: () => Promise<number>;
    beforeAll(async () => {
      const [{ id: tp }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-TP'`);
      const [{ id: ca }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`);
      rule = (extra) => ({ name: 'Quy tắc thử', ownerAgencyId: tp, priority: 5, appraiserAgencyId: ca, approverAgencyId: ca, ...extra });
      ruleAudits = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'routing_rule'`))[0].n;
    });

    it('refuses each contradiction with 422 ROUTING_CONTRADICTS_COMPETENCE, the article in the field message, nothing written', async () => {
      const [{ id: ca }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-CA'`);
      const rules = await countRows(t.db, 'routing_rules');
      const audits = await ruleAudits();
      const cases: [object, string, string][] = [
        // The demo's old rule: Công an tỉnh approves level 3 with no designation by the owner.
        [rule({ minLevel: 1, maxLevel: 3, approverKind: 'AGENCY' }), 'approverDesignation', 'khoản 2 Điều 18'],
        [
          rule({ minLevel: 3, maxLevel: 3, approverKind: 'EXTERNAL', approverAgencyId: null, approverExternalName: 'Bộ Công an' }),
          'approverKind',
          'khoản 2 Điều 18',
        ],
        [rule({ minLevel: 1, maxLevel: 2, approverKind: 'OWNER', approverAgencyId: null }), 'approverKind', 'khoản 1 Điều 18'],
        [
          rule({ minLevel: 4, maxLevel: 5, approverKind: 'OWNER', approverAgencyId: null, specialisedUnitAgencyId: ca }),
          'appraiserExternalName',
          'khoản 3 Điều 18',
        ],
        [
          rule({
            minLevel: 4,
            maxLevel: 4,
            appraiserAgencyId: null,
            appraiserExternalName: MINISTRY_A05,
            approverKind: 'OWNER',
            approverAgencyId: null,
          }),
          'specialisedUnitAgencyId',
          'khoản 1 Điều 20',
        ],
        [
          rule({
            minLevel: 4,
            maxLevel: 4,
            appraiserAgencyId: null,
            appraiserExternalName: 'Sở Thông tin và Truyền thông',
            approverKind: 'OWNER',
            approverAgencyId: null,
            specialisedUnitAgencyId: ca,
          }),
          'appraiserExternalName',
          'Điều 18',
        ],
      ];
      for (const [body, field, article] of cases) {
        const res = await t.http().post('/api/v1/routing-rules').set(as(admin)).send(body);
        const problem = expectProblem(res, 422, 'ROUTING_CONTRADICTS_COMPETENCE');
        const errors = problem.errors as Record<string, string[]>;
        expect({ field, messages: errors[field] }).toEqual({ field, messages: expect.arrayContaining([expect.stringContaining(article)]) });
      }
      expect(await countRows(t.db, 'routing_rules')).toBe(rules);
      expect(await ruleAudits()).toBe(audits);
    });

    it('refuses an update that would contradict it, and keeps the rule as it was', async () => {
      const rules = (await t.http().get('/api/v1/routing-rules').set(as(admin)).expect(200)).body as {
        id: string;
        minLevel: number;
        maxLevel: number;
        approverKind: string;
        version: number;
      }[];
      const level3 = rules.find((r) => r.minLevel <= 3 && r.maxLevel >= 3 && r.approverKind === 'OWNER')!;
      const audits = await ruleAudits();
      const problem = expectProblem(
        await t
          .http()
          .patch(`/api/v1/routing-rules/${level3.id}`)
          .set(as(admin))
          .send({ version: level3.version, approverKind: 'EXTERNAL', approverExternalName: 'Công an tỉnh' }),
        422,
        'ROUTING_CONTRADICTS_COMPETENCE',
      );
      expect(JSON.stringify(problem.errors)).toContain('Điều 18');
      const [row] = await t.db.query(`SELECT approver_kind, version FROM routing_rules WHERE id = $1`, [level3.id]);
      expect(row).toEqual({ approver_kind: 'OWNER', version: level3.version });
      expect(await ruleAudits()).toBe(audits);
    });

    it('accepts another body approving level 3 only with the owner’s designation recorded', async () => {
      const res = await t
        .http()
        .post('/api/v1/routing-rules')
        .set(as(admin))
        .send(
          rule({
            minLevel: 3,
            maxLevel: 3,
            approverKind: 'AGENCY',
            approverDesignation: 'Quyết định số 12/QĐ-UBND ngày 05/01/2026',
            active: false,
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({
        approverKind: 'AGENCY',
        approverDesignation: 'Quyết định số 12/QĐ-UBND ngày 05/01/2026',
        active: false,
      });
    });

    it('a stored rule that contradicts the table (saved before it was enforced) refuses the submission, nothing written', async () => {
      const tpOfficer = await t.login('canbo.sl-so-tp');
      const id = await draft(LEVEL3_FACTS, 'SL-SO-TP', tpOfficer);
      await t.adminQuery(
        `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_agency_id, approver_kind, approver_agency_id, priority)
         SELECT 'Quy tắc cũ: Công an tỉnh phê duyệt cấp độ 3', tp.id, 1, 3, ca.id, 'AGENCY', ca.id, 1 FROM agencies tp, agencies ca
          WHERE tp.code = 'SL-SO-TP' AND ca.code = 'SL-CA'`,
      );
      const before = await snapshot(id);
      const body = expectProblem(await act(tpOfficer, id, 'submit', { version: before.version }), 422, 'ROUTING_CONTRADICTS_COMPETENCE');
      expect(body.detail).toContain('khoản 2 Điều 18');
      await unchanged(id, before);
      expect((await get(id, tpOfficer)).status).toBe('DRAFT');
    });
  });

  describe('the request for listing (Art. 17, 20.4)', () => {
    const request = (number = '88/UBND-NC') => ({ requestNumber: number, requestDate: '2026-11-20' });

    it('a level-3 dossier under Công an tỉnh’s appraisal goes back to draft on the NATIONAL_LIST path', async () => {
      const id = await draft(LEVEL3_FACTS);
      await step(officer, id, 'submit');
      await step(appraiser, id, 'start-appraisal');
      expect((await get(id, head)).availableActions).toEqual(['request-listing']);
      const res = await step(head, id, 'request-listing', request());
      expect(res).toMatchObject({
        status: 'DRAFT',
        workflow: {
          procedurePath: 'NATIONAL_LIST',
          onNationalList: true,
          nationalListing: { requestNumber: '88/UBND-NC', requestDate: '2026-11-20', requestedBy: 'giamdoc.sl-so-xd' },
          appraiserName: null,
          dueOn: null,
        },
      });
      // Now the level-5 procedure: the officer asks for the Mẫu 03 opinion instead of submitting.
      const d = await get(id);
      expect(d.availableActions).toEqual(['request-opinion', 'withdraw']);
      expectProblem(await act(officer, id, 'submit', { version: d.version }), 409, 'DOSSIER_WRONG_PROCEDURE');
      // Recorded once.
      expectProblem(
        await act(head, id, 'request-listing', { version: d.version, ...request('89/UBND-NC') }),
        409,
        'DOSSIER_WRONG_PROCEDURE',
      );
    });

    it('a listed level-3 dossier then follows the level-5 path: Mẫu 03 to Công an tỉnh, the owner sends it to the ministry', async () => {
      const id = await draft(LEVEL3_FACTS);
      await step(head, id, 'request-listing', request('90/UBND-NC'));
      const asked = await step(officer, id, 'request-opinion');
      expect(asked).toMatchObject({ status: 'AWAITING_OPINION', workflow: { specialisedUnitName: 'Công an tỉnh Sơn La' } });
      await step(appraiser, id, 'give-opinion', { conclusion: 'SUITABLE', opinions: 'Nhất trí' });
      const sent = await step(head, id, 'owner-submit');
      expect(sent).toMatchObject({ status: 'SUBMITTED', workflow: { procedurePath: 'NATIONAL_LIST', appraiserName: MINISTRY_A05 } });
    });

    it('a level-4 dossier under the ministry’s appraisal stays with the ministry, now on the NATIONAL_LIST path', async () => {
      const id = await withOpinion(LEVEL4_FACTS);
      await step(head, id, 'owner-submit');
      await step(admin, id, 'start-appraisal');
      const res = await step(head, id, 'request-listing', request());
      expect(res).toMatchObject({
        status: 'UNDER_APPRAISAL',
        workflow: { procedurePath: 'NATIONAL_LIST', appraiserName: MINISTRY_A05, nationalListing: { requestNumber: '88/UBND-NC' } },
      });
    });

    it('wrong level 409, officer 403, appraiser 403, another head 404, bad input 422; nothing written', async () => {
      const level2 = await draft(LEVEL2_FACTS);
      const l2 = await snapshot(level2);
      expectProblem(await act(head, level2, 'request-listing', { version: l2.version, ...request() }), 409, 'DOSSIER_WRONG_PROCEDURE');
      await unchanged(level2, l2);
      const id = await draft(LEVEL3_FACTS);
      const before = await snapshot(id);
      const good = { version: before.version, ...request() };
      expectProblem(await act(officer, id, 'request-listing', good), 403, 'FORBIDDEN');
      expectProblem(await act(appraiser, id, 'request-listing', good), 403, 'FORBIDDEN');
      expectProblem(await act(otherHead, id, 'request-listing', good), 404, 'NOT_FOUND');
      expectProblem(await act(lcHead, id, 'request-listing', good), 404, 'NOT_FOUND');
      for (const body of [
        { version: before.version },
        { ...good, requestNumber: '' },
        { ...good, requestNumber: 'x'.repeat(61) },
        { ...good, requestDate: '2026-02-30' },
        { ...good, requestDate: undefined },
      ])
        expectProblem(await act(head, id, 'request-listing', body), 422, 'VALIDATION_FAILED');
      await unchanged(id, before);
    });
  });

  it('another province’s officer, appraiser, head and leader find none of these dossiers: 404 on every new route, nothing written', async () => {
    for (const [username, role] of [
      ['canbo.lc-ubnd', 'AGENCY_OFFICER'],
      ['thamdinh.lc-ubnd', 'APPRAISER'],
      ['lanhdao.lc-ubnd', 'LEADER'],
    ])
      await t.adminQuery(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id)
         SELECT $1, password_hash, 'Người dùng Lào Cai', $2, (SELECT id FROM agencies WHERE code = 'LC-UBND') FROM users WHERE username = 'admin'`,
        [username, role],
      );
    const strangers = await Promise.all(['canbo.lc-ubnd', 'thamdinh.lc-ubnd', 'lanhdao.lc-ubnd'].map((u) => t.login(u)));
    const id = await draft(LEVEL4_FACTS);
    const before = await snapshot(id);
    const v = before.version;
    const json: [string, object][] = [
      ['request-opinion', { version: v }],
      ['give-opinion', { version: v, conclusion: 'SUITABLE', opinions: 'Nhất trí' }],
      ['owner-submit', { version: v }],
      ['request-approval', { version: v }],
      ['request-listing', { version: v, requestNumber: '1/UBND', requestDate: '2026-11-20' }],
    ];
    const expectHidden = (res: Awaited<ReturnType<typeof act>>, label: string) => {
      // A permission the role lacks answers 403 before the dossier is looked up; otherwise the dossier does not exist.
      expect({ label, status: [403, 404].includes(res.status) }).toEqual({ label, status: true });
      expectProblem(res, res.status, res.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    };
    for (const token of [...strangers, lcHead]) {
      for (const [action, body] of json) expectHidden(await act(token, id, action, body), action);
      for (const action of ['approve', 'approve-plan', 'record-listing'] as const)
        expectHidden(
          await decide(t, token, id, action, { version: v, ...decision('1/QĐ'), ...(action === 'approve' ? { level: 4 } : {}) }),
          action,
        );
      expectHidden(
        await t
          .http()
          .put(`/api/v1/dossiers/${id}/independent-appraiser`)
          .set(as(token))
          .send({
            version: v,
            kind: 'COUNCIL',
            name: 'Hội đồng',
            decisionNumber: '1/QĐ',
            decisionDate: '2026-11-02',
            members: [{ name: 'A', title: 'B' }],
          }),
        'independent-appraiser',
      );
    }
    // Each route answers 404 to at least one of them: the dossier itself is hidden, not only the permission missing.
    expectProblem(await act(strangers[0], id, 'request-opinion', { version: v }), 404, 'NOT_FOUND');
    expectProblem(await act(strangers[1], id, 'give-opinion', { version: v, conclusion: 'SUITABLE', opinions: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await act(lcHead, id, 'owner-submit', { version: v }), 404, 'NOT_FOUND');
    expectProblem(await act(strangers[0], id, 'request-approval', { version: v }), 404, 'NOT_FOUND');
    expectProblem(
      await act(lcHead, id, 'request-listing', { version: v, requestNumber: '1/UBND', requestDate: '2026-11-20' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await decide(t, lcHead, id, 'approve', { version: v, ...decision('1/QĐ'), level: 4 }), 404, 'NOT_FOUND');
    expectProblem(await decide(t, lcHead, id, 'approve-plan', { version: v, ...decision('1/QĐ') }), 404, 'NOT_FOUND');
    expectProblem(await decide(t, lcHead, id, 'record-listing', { version: v, ...decision('1/QĐ') }), 404, 'NOT_FOUND');
    await unchanged(id, before);
  });

  describe('the decision queue (GET /api/v1/decision-queue)', () => {
    it('is the heads’ and administrators’ desk: officer, appraiser and leader 403; bad query 422', async () => {
      for (const token of [officer, appraiser, leader])
        expectProblem(await t.http().get('/api/v1/decision-queue').set(as(token)), 403, 'FORBIDDEN');
      for (const query of ['status=DRAFT', 'status=APPROVED', 'page=0', 'pageSize=100000', 'page=abc'])
        expectProblem(await t.http().get(`/api/v1/decision-queue?${query}`).set(as(head)), 422, 'VALIDATION_FAILED');
      const lc = await t.http().get('/api/v1/decision-queue').set(as(lcHead)).expect(200);
      expect(lc.body).toMatchObject({ items: [], total: 0 });
    });

    it('filters by a desk status', async () => {
      const res = await t.http().get('/api/v1/decision-queue?status=AWAITING_APPROVAL').set(as(head)).expect(200);
      expect(
        res.body.items.every(
          (i: { status: string; owner: { code: string } }) => i.status === 'AWAITING_APPROVAL' && i.owner.code === 'SL-SO-XD',
        ),
      ).toBe(true);
    });
  });
});
