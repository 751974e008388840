import { createHash } from 'node:crypto';
import { PriorApprovalClaims1764130000000 } from '../migrations/1764130000000-PriorApprovalClaims';
import { ReportClaimWrites1764220000000 } from '../migrations/1764220000000-ReportClaimWrites';
import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { decide } from './support/procedure-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 16, point 1: an approved level comes only from the procedure. The reproductions of the issue (an officer
 * setting or overwriting `approvedLevel` through PATCH/POST, the reports counting it) and the claims that replace
 * them: declared with the decision's PDF, confirmed or rejected by an appraiser of the province or an administrator.
 */
describe('prior-approval claims: an approved level comes only from the procedure', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let leader: string;
  let admin: string;
  let xd: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const base = (systemId: string) => `/api/v1/systems/${systemId}/prior-approval`;
  const DECISION = {
    level: '2',
    decisionNumber: '45/QĐ-STTTT',
    decisionDate: '2023-06-12',
    issuer: 'Sở Thông tin và Truyền thông tỉnh Sơn La',
  };
  const claim = (
    token: string,
    systemId: string,
    fields: Record<string, string> = DECISION,
    file: Buffer | null = PDF,
    name = 'Quyết định 45.pdf',
  ) => {
    const req = t.http().post(base(systemId)).set(as(token));
    for (const [key, value] of Object.entries(fields)) req.field(key, value);
    return file ? req.attach('file', file, name) : req;
  };
  const report = async () => (await t.http().get('/api/v1/reports/approval-rate').set(as(leader)).expect(200)).body;
  const figures = async () =>
    (await report()).systems as { withApprovedLevel: number; claimedNotConfirmed: number; byLevel: Record<string, number> };
  const claimedOf = async (code: string) =>
    ((await report()).agencyRows as { code: string; claimedSystems: number }[]).find((r) => r.code === code)!.claimedSystems;
  const systemRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT approved_level, approval_decision_number, to_char(approval_decision_date, 'YYYY-MM-DD') AS approval_decision_date, version FROM systems WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    [officer, otherOfficer, appraiser, leader, admin] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'lanhdao', 'admin'].map((u) => t.login(u)),
    );
    [{ id: xd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  /** A level-2 system approved by Công an tỉnh through the workflow, decision 106/QĐ-CAT-PA05. */
  async function policeApproved(code: string): Promise<string> {
    const systemId = await createSystem(t, officer, 'SL-SO-XD', code, `Hệ thống ${code}`);
    const { id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const act = async (token: string, action: string, body: object = {}) => {
      const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
      await t
        .http()
        .post(`/api/v1/dossiers/${id}/actions/${action}`)
        .set(as(token))
        .send({ version, ...body })
        .expect(200);
    };
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    clock.setFixed('2026-11-25');
    await act(officer, 'submit');
    await act(appraiser, 'start-appraisal');
    const { version } = (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
    await decide(t, appraiser, id, 'approve', {
      version,
      decisionNumber: '106/QĐ-CAT-PA05',
      decisionDate: '2026-11-25',
      signerName: 'Đặng Trọng Cường',
      signerTitle: 'Giám đốc Công an tỉnh',
      level: 2,
    }).expect(200);
    return systemId;
  }

  describe('the migration', () => {
    it('turns recorded levels without an approved dossier into pending claims, clears them, and keeps the workflow’s levels', async () => {
      const typed = await createSystem(t, officer, 'SL-SO-XD', 'MIG-TYPED', 'Hệ thống có cấp độ tự ghi');
      const approved = await policeApproved('MIG-POLICE');
      await t.db.query(
        `UPDATE systems SET approved_level = 5, approval_decision_number = '1/QĐ-SXD', approval_decision_date = '2025-01-02', approval_decision_issuer = 'Sở Xây dựng' WHERE id = $1`,
        [typed],
      );
      const migration = new PriorApprovalClaims1764130000000();
      // The later migration that puts the report's triggers on the claims is undone first and done again after.
      const later = new ReportClaimWrites1764220000000();
      const runner = t.db.createQueryRunner();
      try {
        await later.down(runner);
        await migration.down(runner);
        await migration.up(runner);
        await later.up(runner);
      } finally {
        await runner.release();
      }
      expect(await systemRow(typed)).toMatchObject({ approved_level: null, approval_decision_number: null });
      expect(await systemRow(approved)).toMatchObject({ approved_level: 2, approval_decision_number: '106/QĐ-CAT-PA05' });
      const [claimRow] = await t.db.query(
        `SELECT level, decision_number, status, origin, evidence_sha256 FROM prior_approval_claims WHERE system_id = $1`,
        [typed],
      );
      expect(claimRow).toEqual({ level: 5, decision_number: '1/QĐ-SXD', status: 'CLAIMED', origin: 'MIGRATED', evidence_sha256: null });
      // The report facts follow the systems (trigger systems_period_facts_update).
      const facts = await t.db.query(`SELECT DISTINCT approved_level FROM report_period_facts WHERE system_id = $1`, [typed]);
      expect(facts).toEqual([{ approved_level: null }]);
      // An unverified claim has no PDF: nobody confirms it until the owner declares it again with the decision.
      const current = await t.http().get(base(typed)).set(as(appraiser)).expect(200);
      expectProblem(
        await t
          .http()
          .post(`${base(typed)}/confirm`)
          .set(as(appraiser))
          .send({ version: current.body.version }),
        422,
        'PRIOR_APPROVAL_EVIDENCE_MISSING',
      );
      expect(await systemRow(typed)).toMatchObject({ approved_level: null });
    });
  });

  describe('the reproductions of the issue', () => {
    it('PATCH or POST with approvedLevel and its decision is refused field by field, and nothing is written', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'REPRO-1', 'Hệ thống tái hiện 1');
      const before = await systemRow(systemId);
      const res = await t.http().patch(`/api/v1/systems/${systemId}`).set(as(officer)).send({
        version: before.version,
        approvedLevel: 1,
        approvalDecisionNumber: '1/QĐ-SXD',
        approvalDecisionDate: '2026-01-05',
        approvalDecisionIssuer: 'Sở Xây dựng',
      });
      const body = expectProblem(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(body.errors as object).sort()).toEqual([
        'approvalDecisionDate',
        'approvalDecisionIssuer',
        'approvalDecisionNumber',
        'approvedLevel',
      ]);
      expect(await systemRow(systemId)).toEqual(before);
      const systems = await countRows(t.db, 'systems');
      const created = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send({
          code: 'REPRO-5',
          name: 'Hệ thống mới cấp độ 5',
          ownerAgencyId: xd,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
          approvedLevel: 5,
          approvalDecisionNumber: '5/QĐ',
          approvalDecisionDate: '2026-01-05',
        });
      expectProblem(created, 422, 'VALIDATION_FAILED');
      expect(await countRows(t.db, 'systems')).toBe(systems);
    });

    it('a level the police approved (106/QĐ-CAT-PA05) is never overwritten: not by PATCH, not by a claim (409)', async () => {
      const systemId = await policeApproved('REPRO-POLICE');
      const { version } = await systemRow(systemId);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/systems/${systemId}`)
          .set(as(officer))
          .send({ version, approvedLevel: 1, approvalDecisionNumber: '1/QĐ-SXD', approvalDecisionDate: '2026-01-05' }),
        422,
        'VALIDATION_FAILED',
      );
      const claims = await countRows(t.db, 'prior_approval_claims');
      expectProblem(
        await claim(officer, systemId, { ...DECISION, level: '1', decisionNumber: '1/QĐ-SXD' }),
        409,
        'PRIOR_APPROVAL_WORKFLOW_APPROVED',
      );
      expectProblem(
        await claim(admin, systemId, { ...DECISION, level: '1', decisionNumber: '1/QĐ-SXD' }),
        409,
        'PRIOR_APPROVAL_WORKFLOW_APPROVED',
      );
      expect(await countRows(t.db, 'prior_approval_claims')).toBe(claims);
      expect(await systemRow(systemId)).toMatchObject({ approved_level: 2, approval_decision_number: '106/QĐ-CAT-PA05', version });
    });
  });

  describe('a claim, then its confirmation', () => {
    let systemId: string;

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'PRIOR-1', 'Mạng nội bộ Sở Xây dựng');
    });

    it('is declared by the owner’s officer with the PDF: 201 CLAIMED, audited, and not counted by the report', async () => {
      const before = await figures();
      const bodyBefore = await claimedOf('SL-SO-XD');
      const res = await claim(officer, systemId).expect(201);
      expect(res.body).toMatchObject({
        system: { id: systemId, code: 'PRIOR-1', ownerCode: 'SL-SO-XD' },
        level: 2,
        decisionNumber: '45/QĐ-STTTT',
        decisionDate: '2023-06-12',
        status: 'CLAIMED',
        statusLabel: 'Đã kê khai, chưa xác nhận',
        origin: 'DECLARED',
        evidence: {
          fileName: 'Quyết định 45.pdf',
          mediaType: 'application/pdf',
          sizeBytes: PDF.length,
          sha256: createHash('sha256').update(PDF).digest('hex'),
        },
        claimedBy: 'canbo.sl-so-xd',
        reviewedBy: null,
        version: 1,
      });
      expect(await systemRow(systemId)).toMatchObject({ approved_level: null });
      const after = await figures();
      expect(after).toMatchObject({
        withApprovedLevel: before.withApprovedLevel,
        claimedNotConfirmed: before.claimedNotConfirmed + 1,
        byLevel: before.byLevel,
      });
      expect(await claimedOf('SL-SO-XD')).toBe(bodyBefore + 1);
      const [audit] = await t.db.query(
        `SELECT actor_username, after->>'status' AS status FROM audit_log WHERE action = 'PRIOR_APPROVAL_CLAIM' AND entity_id = $1`,
        [systemId],
      );
      expect(audit).toEqual({ actor_username: 'canbo.sl-so-xd', status: 'CLAIMED' });
    });

    it('is shown to whoever may see the system, with its PDF; hidden from other agencies', async () => {
      for (const token of [officer, appraiser, leader, admin]) await t.http().get(base(systemId)).set(as(token)).expect(200);
      const pdf = await t
        .http()
        .get(`${base(systemId)}/evidence`)
        .set(as(leader))
        .buffer(true)
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['x-content-type-options']).toBe('nosniff');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="Quyet dinh 45.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định 45.pdf')}`,
      );
      expect(Buffer.compare(pdf.body as Buffer, PDF)).toBe(0);
      expectProblem(await t.http().get(base(systemId)).set(as(otherOfficer)), 404, 'NOT_FOUND');
      expectProblem(
        await t
          .http()
          .get(`${base(systemId)}/evidence`)
          .set(as(otherOfficer)),
        404,
        'NOT_FOUND',
      );
    });

    it('is in the province’s appraisers’ queue; leaders and officers have none', async () => {
      const queue = await t.http().get('/api/v1/prior-approval-claims').set(as(appraiser)).expect(200);
      expect(queue.body.items.map((c: { system: { id: string } }) => c.system.id)).toContain(systemId);
      expect(
        queue.body.items.every(
          (c: { status: string; system: { provinceCode: string } }) => c.status === 'CLAIMED' && c.system.provinceCode === 'SL',
        ),
      ).toBe(true);
      expectProblem(await t.http().get('/api/v1/prior-approval-claims').set(as(leader)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get('/api/v1/prior-approval-claims').set(as(officer)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get('/api/v1/prior-approval-claims?status=MAYBE').set(as(appraiser)), 422, 'VALIDATION_FAILED');
    });

    it('is confirmed by neither its own officer nor a leader', async () => {
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(officer))
          .send({ version: 1 }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(leader))
          .send({ version: 1 }),
        403,
        'FORBIDDEN',
      );
      expect(await systemRow(systemId)).toMatchObject({ approved_level: null });
    });

    it('confirmed by an appraiser of the province: the level is on record, audited, and the report counts it; a second confirmation is 409', async () => {
      const before = await figures();
      const { version } = await systemRow(systemId);
      const attempts = await Promise.all(
        [1, 2].map(() =>
          t
            .http()
            .post(`${base(systemId)}/confirm`)
            .set(as(appraiser))
            .send({ version: 1 }),
        ),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([200, 409]);
      const ok = attempts.find((r) => r.status === 200)!;
      expect(ok.body).toMatchObject({
        status: 'CONFIRMED',
        statusLabel: 'Đã xác nhận',
        reviewedBy: 'thamdinh',
        confirmedOnImport: false,
        version: 2,
      });
      expect(await systemRow(systemId)).toEqual({
        approved_level: 2,
        approval_decision_number: '45/QĐ-STTTT',
        approval_decision_date: '2023-06-12',
        version: version + 1,
      });
      const after = await figures();
      expect(after).toMatchObject({ withApprovedLevel: before.withApprovedLevel + 1, claimedNotConfirmed: before.claimedNotConfirmed - 1 });
      expect(after.byLevel['2']).toBe(before.byLevel['2'] + 1);
      const audits = await t.db.query(
        `SELECT actor_username, before->>'approvedLevel' AS b, after->>'approvedLevel' AS a FROM audit_log WHERE action = 'PRIOR_APPROVAL_CONFIRM' AND entity_id = $1`,
        [systemId],
      );
      expect(audits).toEqual([{ actor_username: 'thamdinh', b: null, a: '2' }]);
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(appraiser))
          .send({ version: 2 }),
        409,
        'PRIOR_APPROVAL_NOT_PENDING',
      );
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/reject`)
          .set(as(appraiser))
          .send({ version: 2, reason: 'Muộn' }),
        409,
        'PRIOR_APPROVAL_NOT_PENDING',
      );
    });

    it('once confirmed, a new claim is refused (409): changing the level is a new level dossier', async () => {
      expectProblem(await claim(officer, systemId, { ...DECISION, level: '1' }), 409, 'PRIOR_APPROVAL_ALREADY_CONFIRMED');
    });
  });

  describe('rejection', () => {
    it('needs a reason, leaves the system unchanged, and lets the owner declare again', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'PRIOR-2', 'Cổng thông tin cũ');
      await claim(officer, systemId, { ...DECISION, level: '3', decisionNumber: '7/QĐ-SXD' }).expect(201);
      const before = await systemRow(systemId);
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/reject`)
          .set(as(appraiser))
          .send({ version: 1 }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/reject`)
          .set(as(appraiser))
          .send({ version: 1, reason: '   ' }),
        422,
        'VALIDATION_FAILED',
      );
      const res = await t
        .http()
        .post(`${base(systemId)}/reject`)
        .set(as(appraiser))
        .send({ version: 1, reason: 'Sở Xây dựng không có thẩm quyền phê duyệt cấp độ 3' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Sở Xây dựng không có thẩm quyền phê duyệt cấp độ 3',
        reviewedBy: 'thamdinh',
      });
      expect(await systemRow(systemId)).toEqual(before);
      const again = await claim(officer, systemId).expect(201);
      expect(again.body).toMatchObject({ status: 'CLAIMED', level: 2 });
      // Declaring again while a claim is pending supersedes it: one pending claim per system.
      await claim(admin, systemId, { ...DECISION, decisionNumber: '46/QĐ-STTTT' }).expect(201);
      const statuses = await t.db.query(`SELECT status FROM prior_approval_claims WHERE system_id = $1 ORDER BY claimed_at`, [systemId]);
      expect(statuses.map((r: { status: string }) => r.status)).toEqual(['REJECTED', 'SUPERSEDED', 'CLAIMED']);
      expect((await t.http().get(base(systemId)).set(as(officer)).expect(200)).body).toMatchObject({
        decisionNumber: '46/QĐ-STTTT',
        claimedBy: 'admin',
      });
    });
  });

  describe('a system that becomes state-secret', () => {
    it('keeps no decision PDF online: the bytes are dropped in the same transaction, the audit keeps the hash', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'PRIOR-MAT', 'Hệ thống sẽ thành bí mật');
      await claim(officer, systemId).expect(201);
      const { version } = await systemRow(systemId);
      await t
        .http()
        .patch(`/api/v1/systems/${systemId}`)
        .set(as(officer))
        .send({ version, infoTypes: ['STATE_SECRET'] })
        .expect(200);
      const [row] = await t.db.query(
        `SELECT evidence_content IS NULL AS gone, evidence_sha256 FROM prior_approval_claims WHERE system_id = $1`,
        [systemId],
      );
      expect(row).toEqual({ gone: true, evidence_sha256: createHash('sha256').update(PDF).digest('hex') });
      expect((await t.http().get(base(systemId)).set(as(officer)).expect(200)).body).toMatchObject({ status: 'CLAIMED', evidence: null });
      expectProblem(
        await t
          .http()
          .get(`${base(systemId)}/evidence`)
          .set(as(officer)),
        422,
        'STATE_SECRET_MINIMAL_METADATA',
      );
      const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE action = 'PRIOR_APPROVAL_EVIDENCE_DROPPED' AND entity_id = $1`, [
        systemId,
      ]);
      expect(audit.after).toEqual({ reason: 'STATE_SECRET', files: [{ claimId: expect.any(String), sha256: row.evidence_sha256 }] });
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(appraiser))
          .send({ version: 1 }),
        422,
        'PRIOR_APPROVAL_EVIDENCE_MISSING',
      );
      expectProblem(await claim(officer, systemId), 422, 'STATE_SECRET_MINIMAL_METADATA');
    });
  });

  describe('web pages', () => {
    const cookiesOf = (res: { headers: Record<string, unknown> }): string[] =>
      ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
    const jar = (cookies: string[]) => cookies.map((c) => c.split(';')[0]).join('; ');
    const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    async function signIn(username: string): Promise<string> {
      const form = await t.http().get('/dang-nhap').expect(200);
      const res = await t
        .http()
        .post('/dang-nhap')
        .set('cookie', jar(cookiesOf(form)))
        .type('form')
        .send({ username, password: 'demo1234', _csrf: csrfFrom(form.text) })
        .expect(303);
      return jar(cookiesOf(res));
    }

    it('the officer declares a decision with its PDF on the system page; the appraiser confirms it there and finds it on /tham-dinh', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WEB-PRIOR', 'Hệ thống kê khai trên trang');
      const officerCookies = await signIn('canbo.sl-so-xd');
      const page = await t.http().get(`/he-thong/${systemId}`).set('cookie', officerCookies).expect(200);
      expect(page.text).toContain('Kê khai quyết định phê duyệt cấp độ đã có trước khi dùng capdo');
      const posted = await t
        .http()
        .post(`/he-thong/${systemId}/ke-khai-phe-duyet`)
        .set('cookie', officerCookies)
        .set('x-csrf-token', csrfFrom(page.text))
        .field({
          level: '2',
          decisionNumber: '88/QĐ-STTTT',
          decisionDate: '20/05/2024',
          issuer: 'Sở Thông tin và Truyền thông tỉnh Sơn La',
        })
        .attach('file', PDF, 'quyet-dinh.pdf')
        .expect(303);
      expect(posted.headers.location).toBe(`/he-thong/${systemId}#cap-do`);
      const declared = await t.http().get(`/he-thong/${systemId}`).set('cookie', officerCookies).expect(200);
      expect(declared.text).toContain('Đã kê khai, chưa xác nhận');
      expect(declared.text).not.toContain('Xác nhận đúng quyết định');

      const appraiserCookies = await signIn('thamdinh');
      const queue = await t.http().get('/tham-dinh').set('cookie', appraiserCookies).expect(200);
      expect(queue.text).toContain('Hệ thống kê khai trên trang');
      const review = await t.http().get(`/he-thong/${systemId}`).set('cookie', appraiserCookies).expect(200);
      expect(review.text).toContain('Xác nhận đúng quyết định');
      expect(review.text).toContain(`/he-thong/${systemId}/ke-khai-phe-duyet/quyet-dinh.pdf`);
      await t
        .http()
        .post(`/he-thong/${systemId}/ke-khai-phe-duyet/xac-nhan`)
        .set('cookie', appraiserCookies)
        .type('form')
        .send({ version: '1' })
        .expect(403);
      await t
        .http()
        .post(`/he-thong/${systemId}/ke-khai-phe-duyet/xac-nhan`)
        .set('cookie', appraiserCookies)
        .type('form')
        .send({ _csrf: csrfFrom(review.text), version: '1' })
        .expect(303);
      expect(await systemRow(systemId)).toMatchObject({
        approved_level: 2,
        approval_decision_number: '88/QĐ-STTTT',
        approval_decision_date: '2024-05-20',
      });
      const confirmed = await t.http().get(`/he-thong/${systemId}`).set('cookie', officerCookies).expect(200);
      expect(confirmed.text).toContain('Đã xác nhận');
      expect(confirmed.text).not.toContain('Gửi kê khai');
    });

    it('the edit form has no approved-level fields any more', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'WEB-FORM', 'Hệ thống sửa trên trang');
      const form = await t
        .http()
        .get(`/he-thong/${systemId}/sua`)
        .set('cookie', await signIn('canbo.sl-so-xd'))
        .expect(200);
      expect(form.text).not.toContain('name="approvedLevel"');
      expect(form.text).not.toContain('name="approvalDecisionNumber"');
    });
  });

  describe('refusals', () => {
    let systemId: string;

    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'PRIOR-3', 'Hệ thống thử từ chối');
    });

    it('a decision dated after today (Vietnam) is refused 422, and nothing is written', async () => {
      clock.setFixed('2026-03-10T16:30:00Z'); // 23:30 in Vietnam on 10/03: 11/03 is still tomorrow.
      const claims = await countRows(t.db, 'prior_approval_claims');
      const res = await claim(officer, systemId, { ...DECISION, decisionDate: '2026-03-11' });
      expect(expectProblem(res, 422, 'DECISION_DATE_IN_FUTURE').errors).toEqual({
        decisionDate: [expect.stringContaining('không được sau ngày hôm nay')],
      });
      expect(await countRows(t.db, 'prior_approval_claims')).toBe(claims);
      await claim(officer, systemId, { ...DECISION, decisionDate: '2026-03-10' }).expect(201);
    });

    it('wrong role, agency or province: 403 / 404, nothing written', async () => {
      const claims = await countRows(t.db, 'prior_approval_claims');
      expectProblem(await claim(leader, systemId), 403, 'FORBIDDEN');
      expectProblem(await claim(appraiser, systemId), 403, 'FORBIDDEN');
      expectProblem(await claim(otherOfficer, systemId), 404, 'NOT_FOUND');
      // An officer of the operator, not the owner, does not declare the owner's decisions.
      const operated = await t
        .http()
        .post('/api/v1/systems')
        .set(as(otherOfficer))
        .send({
          code: 'VH-XD',
          name: 'Hệ thống Sở Y tế vận hành',
          ownerAgencyId: (await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-YT'`))[0].id,
          operatorAgencyId: xd,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
        })
        .expect(201);
      expectProblem(await claim(officer, operated.body.id), 403, 'FORBIDDEN');
      // An appraiser of another province sees nothing of Sơn La.
      await t
        .http()
        .post('/api/v1/agencies')
        .set(as(admin))
        .send({ code: 'LC-CA', name: 'Công an tỉnh Lào Cai', kind: 'police', provinceCode: 'LC' })
        .expect(201);
      await t.db.query(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'thamdinh.lc', password_hash, 'Thẩm định Lào Cai', 'APPRAISER', (SELECT id FROM agencies WHERE code = 'LC-CA') FROM users WHERE username = 'admin'`,
      );
      const lcAppraiser = await t.login('thamdinh.lc');
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(lcAppraiser))
          .send({ version: 1 }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http().get(base(systemId)).set(as(lcAppraiser)), 404, 'NOT_FOUND');
      const queue = await t.http().get('/api/v1/prior-approval-claims').set(as(lcAppraiser)).expect(200);
      expect(queue.body.total).toBe(0);
      expect(await countRows(t.db, 'prior_approval_claims')).toBe(claims);
      expectProblem(await t.http().get(base(systemId)), 401, 'UNAUTHENTICATED');
    });

    it('bad input is problem+json, never 500, and writes nothing', async () => {
      const claims = await countRows(t.db, 'prior_approval_claims');
      const audit = await countRows(t.db, 'audit_log');
      expectProblem(
        await claim(officer, systemId, DECISION, Buffer.from('MZ\x90\x00 not a pdf'), 'quyet-dinh.pdf'),
        415,
        'ATTACHMENT_TYPE_NOT_ALLOWED',
      );
      expectProblem(await claim(officer, systemId, DECISION, null), 422, 'VALIDATION_FAILED');
      expectProblem(await claim(officer, systemId, DECISION, Buffer.alloc(0), 'rong.pdf'), 422, 'VALIDATION_FAILED');
      const bads: Record<string, string>[] = [
        { level: '7' },
        { level: 'hai' },
        { decisionDate: '2025-02-30' },
        { decisionNumber: '' },
        { issuer: 'x'.repeat(300) },
        { colour: 'red' },
      ];
      for (const bad of bads) {
        expectProblem(await claim(officer, systemId, { ...DECISION, ...bad }), 422, 'VALIDATION_FAILED');
      }
      const { level: _level, ...noLevel } = DECISION;
      expectProblem(await claim(officer, systemId, noLevel), 422, 'VALIDATION_FAILED');
      expectProblem(await claim(officer, 'not-a-uuid'), 404, 'NOT_FOUND');
      expectProblem(await claim(officer, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(appraiser))
          .send({ version: 'một' }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(appraiser))
          .send({ version: 1, extra: true }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .post(`${base(systemId)}/confirm`)
          .set(as(appraiser))
          .send({ version: 99 }),
        409,
        'VERSION_CONFLICT',
      );
      expect(await countRows(t.db, 'prior_approval_claims')).toBe(claims);
      expect(await countRows(t.db, 'audit_log')).toBe(audit);
    });
  });
});
