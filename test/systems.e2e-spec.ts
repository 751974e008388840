import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('systems inventory', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let xd: string;
  let yt: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const idOf = async (code: string): Promise<string> => (await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code]))[0].id;
  const portal = (owner: string, extra: object = {}) => ({
    code: 'CONG-TTDT',
    name: 'Cổng thông tin điện tử Sở Xây dựng',
    ownerAgencyId: owner,
    systemType: 'CITIZEN_BUSINESS',
    infoTypes: ['PUBLIC', 'PERSONAL'],
    lifecycle: 'IN_OPERATION',
    goLiveDate: '2021-05-01',
    hosting: 'PROVINCIAL_DC',
    internetFacing: true,
    userCount: 1200,
    components: [{ name: 'Cổng dịch vụ' }, { name: 'Cơ sở dữ liệu' }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, leader, officer, otherOfficer, appraiser] = await Promise.all(
      ['admin', 'lanhdao', 'canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh'].map((u) => t.login(u)),
    );
    [xd, yt] = await Promise.all([idOf('SL-SO-XD'), idOf('SL-SO-YT')]);
  });
  afterAll(() => t.close());

  describe('create and read', () => {
    let id: string;

    it('lets an officer register a system of its own agency, audited', async () => {
      const res = await t.http().post('/api/v1/systems').set(as(officer)).send(portal(xd)).expect(201);
      id = res.body.id;
      expect(res.body).toMatchObject({
        code: 'CONG-TTDT',
        owner: { code: 'SL-SO-XD', name: 'Sở Xây dựng' },
        operator: { code: 'SL-SO-XD' },
        lifecycle: 'IN_OPERATION',
        lifecycleLabel: 'Đang vận hành',
        deploymentStatus: 'NOT_DEPLOYED',
        deploymentStatusLabel: 'Chưa triển khai',
        stateSecret: false,
        version: 1,
      });
      const [audit] = await t.db.query(`SELECT action, actor_username FROM audit_log WHERE entity_type = 'system' AND entity_id = $1`, [
        id,
      ]);
      expect(audit).toEqual({ action: 'CREATE', actor_username: 'canbo.sl-so-xd' });
    });

    it('refuses a second system with the same code for the same owner, and writes nothing', async () => {
      const before = await countRows(t.db, 'systems');
      expectProblem(await t.http().post('/api/v1/systems').set(as(officer)).send(portal(xd)), 409, 'DUPLICATE');
      expect(await countRows(t.db, 'systems')).toBe(before);
    });

    it('allows the same code under another owner', async () => {
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(otherOfficer))
        .send(portal(yt, { name: 'Cổng thông tin điện tử Sở Y tế' }))
        .expect(201);
    });

    it('refuses an officer registering a system for an agency that neither owns nor operates it', async () => {
      expectProblem(
        await t
          .http()
          .post('/api/v1/systems')
          .set(as(officer))
          .send(portal(yt, { code: 'KHAC' })),
        422,
        'SYSTEM_AGENCY_INVALID',
      );
    });

    it('scopes reads: own systems for officers, the province for leaders and appraisers, 404 outside', async () => {
      await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200);
      await t.http().get(`/api/v1/systems/${id}`).set(as(leader)).expect(200);
      await t.http().get(`/api/v1/systems/${id}`).set(as(appraiser)).expect(200);
      expectProblem(await t.http().get(`/api/v1/systems/${id}`).set(as(otherOfficer)), 404, 'NOT_FOUND');
      const list = await t.http().get('/api/v1/systems').set(as(otherOfficer)).expect(200);
      expect(list.body.items.map((s: { owner: { code: string } }) => s.owner.code)).toEqual(['SL-SO-YT']);
    });

    it('lets the operator agency see and edit a system it operates', async () => {
      const tt = await idOf('SL-TT-XTDT');
      const res = await t
        .http()
        .post('/api/v1/systems')
        .set(as(admin))
        .send(portal(tt, { code: 'VH', name: 'Hệ thống do Sở Xây dựng vận hành', operatorAgencyId: xd }))
        .expect(201);
      const seen = await t.http().get(`/api/v1/systems/${res.body.id}`).set(as(officer)).expect(200);
      await t
        .http()
        .patch(`/api/v1/systems/${res.body.id}`)
        .set(as(officer))
        .send({ version: seen.body.version, userCount: 5 })
        .expect(200);
    });

    it('forbids writes by leaders and appraisers', async () => {
      expectProblem(
        await t
          .http()
          .post('/api/v1/systems')
          .set(as(leader))
          .send(portal(xd, { code: 'X1' })),
        403,
        'FORBIDDEN',
      );
      expectProblem(await t.http().patch(`/api/v1/systems/${id}`).set(as(appraiser)).send({ version: 1, name: 'X' }), 403, 'FORBIDDEN');
    });

    it('rejects bad input field by field, never 500, nothing written', async () => {
      const before = await countRows(t.db, 'systems');
      const res = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send({
          ...portal(xd, { code: 'BAD' }),
          systemType: 'CASTLE',
          infoTypes: [],
          userCount: -5,
          goLiveDate: '01/05/2021',
          colour: 'red',
        });
      const body = expectProblem(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(body.errors as object).sort()).toEqual(['colour', 'goLiveDate', 'infoTypes', 'systemType', 'userCount']);
      expectProblem(
        await t
          .http()
          .post('/api/v1/systems')
          .set(as(officer))
          .send(portal(xd, { code: 'BAD2', components: [{ description: 'thiếu tên' }] })),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .post('/api/v1/systems')
          .set(as(officer))
          .send(portal(xd, { code: 'BAD3', approvedLevel: 2 })),
        422,
        'VALIDATION_FAILED',
      );
      expect(await countRows(t.db, 'systems')).toBe(before);
    });
  });

  describe('concurrency', () => {
    it('refuses a stale version with 409 and never loses the first update', async () => {
      const created = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(portal(xd, { code: 'MOT-CUA', name: 'Hệ thống một cửa điện tử' }))
        .expect(201);
      const id = created.body.id;
      const results = await Promise.all(
        ['Một cửa điện tử (A)', 'Một cửa điện tử (B)', 'Một cửa điện tử (C)'].map((name) =>
          t.http().patch(`/api/v1/systems/${id}`).set(as(officer)).send({ version: 1, name }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.body.name;
      const now = await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200);
      expect(now.body).toMatchObject({ name: winner, version: 2 });
      for (const loser of results.filter((r) => r.status === 409)) expectProblem(loser, 409, 'VERSION_CONFLICT');
    });
  });

  describe('state-secret guardrail', () => {
    it('keeps minimal metadata only: architecture fields are refused with a clear message', async () => {
      const res = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(portal(xd, { code: 'MAT', infoTypes: ['STATE_SECRET'], systemType: 'INTERNAL', internetFacing: undefined }));
      const body = expectProblem(res, 422, 'STATE_SECRET_MINIMAL_METADATA');
      expect(body.detail).toMatch(/bí mật nhà nước/);
      expect(Object.keys(body.errors as object).sort()).toEqual(['components', 'hosting']);
    });

    it('accepts a state-secret system with minimal metadata, and refuses adding architecture later', async () => {
      const res = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send({
          code: 'MAT',
          name: 'Hệ thống mật',
          ownerAgencyId: xd,
          systemType: 'INTERNAL',
          infoTypes: ['STATE_SECRET'],
          lifecycle: 'IN_OPERATION',
        })
        .expect(201);
      expect(res.body.stateSecret).toBe(true);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/systems/${res.body.id}`)
          .set(as(officer))
          .send({ version: 1, architectureDescription: 'Sơ đồ mạng nội bộ' }),
        422,
        'STATE_SECRET_MINIMAL_METADATA',
      );
    });

    it('refuses marking a system state-secret while it still holds architecture details', async () => {
      const res = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(portal(xd, { code: 'SAP-MAT' }))
        .expect(201);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/systems/${res.body.id}`)
          .set(as(officer))
          .send({ version: 1, infoTypes: ['STATE_SECRET'] }),
        422,
        'STATE_SECRET_MINIMAL_METADATA',
      );
      await t
        .http()
        .patch(`/api/v1/systems/${res.body.id}`)
        .set(as(officer))
        .send({ version: 1, infoTypes: ['STATE_SECRET'], hosting: null, internetFacing: null, components: [] })
        .expect(200);
    });
  });

  describe('update and retire', () => {
    it('records deployment status, regulation and inspections; the approved level is not a field (issue 16)', async () => {
      const created = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(portal(xd, { code: 'QLVB', name: 'Quản lý văn bản và điều hành' }))
        .expect(201);
      const res = await t
        .http()
        .patch(`/api/v1/systems/${created.body.id}`)
        .set(as(officer))
        .send({
          version: 1,
          deploymentStatus: 'PARTIAL',
          internalRegulationNumber: '12/QC-SXD',
          internalRegulationDate: '2025-06-01',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        approvedLevel: null,
        deploymentStatusLabel: 'Đã triển khai một số hạng mục',
        version: 2,
      });
      // Issue 20: inspections are recorded through their own route (src/inspections); systems.inspections is a mirror.
      const typed = await t
        .http()
        .patch(`/api/v1/systems/${created.body.id}`)
        .set(as(officer))
        .send({ version: 2, inspections: [{ kind: 'PERIODIC', date: '2026-03-10', performer: 'Công an tỉnh Sơn La' }] });
      expectProblem(typed, 422, 'INSPECTIONS_RECORDED_SEPARATELY');
      await t
        .http()
        .post(`/api/v1/systems/${created.body.id}/inspections`)
        .set(as(officer))
        .send({
          kind: 'PERIODIC',
          performedOn: '2026-03-10',
          performer: 'Công an tỉnh Sơn La',
          independent: true,
          qualified: true,
          method: 'GRAY_BOX',
        })
        .expect(201);
      const mirrored = await t.http().get(`/api/v1/systems/${created.body.id}`).set(as(officer)).expect(200);
      expect(mirrored.body).toMatchObject({
        version: 2,
        inspections: [{ kind: 'PERIODIC', date: '2026-03-10', performer: 'Công an tỉnh Sơn La' }],
      });
      const refused = await t
        .http()
        .patch(`/api/v1/systems/${created.body.id}`)
        .set(as(officer))
        .send({ version: 2, approvedLevel: 2, approvalDecisionNumber: '45/QĐ-SXD', approvalDecisionDate: '2025-12-20' });
      expect(Object.keys(expectProblem(refused, 422, 'VALIDATION_FAILED').errors as object).sort()).toEqual([
        'approvalDecisionDate',
        'approvalDecisionNumber',
        'approvedLevel',
      ]);
    });

    it('retires a system without deleting it, and refuses edits afterwards', async () => {
      const created = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send(portal(xd, { code: 'CU', name: 'Hệ thống cũ' }))
        .expect(201);
      const res = await t
        .http()
        .post(`/api/v1/systems/${created.body.id}/retire`)
        .set(as(officer))
        .send({ version: 1, retiredAt: '2026-06-30', reason: 'Chuyển sang hệ thống dùng chung' })
        .expect(200);
      expect(res.body).toMatchObject({ lifecycle: 'RETIRED', retiredAt: '2026-06-30', version: 2 });
      expectProblem(
        await t.http().patch(`/api/v1/systems/${created.body.id}`).set(as(officer)).send({ version: 2, name: 'X' }),
        409,
        'SYSTEM_RETIRED',
      );
      expectProblem(
        await t
          .http()
          .post(`/api/v1/systems/${created.body.id}/retire`)
          .set(as(officer))
          .send({ version: 2, retiredAt: '2026-07-01', reason: 'lại' }),
        409,
        'SYSTEM_RETIRED',
      );
      expectProblem(
        await t.http().post(`/api/v1/systems/${created.body.id}/retire`).set(as(officer)).send({ version: 2 }),
        422,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('list', () => {
    beforeAll(async () => {
      const coi = await idOf('SL-P-CHIENGCOI');
      const dkt = await idOf('SL-BV-DKT');
      await t
        .http()
        .post('/api/v1/systems')
        .set(as(admin))
        .send(portal(coi, { code: 'MC', name: 'Một cửa điện tử phường Chiềng Cơi' }))
        .expect(201);
      const his = await t
        .http()
        .post('/api/v1/systems')
        .set(as(admin))
        .send(portal(dkt, { code: 'HIS', name: 'Hệ thống thông tin bệnh viện' }))
        .expect(201);
      // A level on record, as a confirmed prior-approval claim leaves it (the route itself: prior-approvals.e2e-spec.ts).
      await t.db.query(
        `UPDATE systems SET approved_level = 3, approval_decision_number = '9/QĐ-SYT', approval_decision_date = '2025-11-01', approval_decision_issuer = 'Sở Y tế' WHERE id = $1`,
        [his.body.id],
      );
    });

    it('finds systems with or without diacritics', async () => {
      for (const q of ['chieng coi', 'Chiềng Cơi', 'mot cua dien tu phuong']) {
        const res = await t.http().get('/api/v1/systems').query({ q }).set(as(leader)).expect(200);
        expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(['Một cửa điện tử phường Chiềng Cơi']);
      }
      const d = await t.http().get('/api/v1/systems').query({ q: 'dien tu phuong' }).set(as(leader)).expect(200);
      expect(d.body.total).toBe(1);
    });

    it('filters by agency subtree, approved level and missing approval', async () => {
      const subtree = await t.http().get('/api/v1/systems').query({ agencyId: yt, includeSubtree: true }).set(as(leader)).expect(200);
      expect(subtree.body.items.map((s: { owner: { code: string } }) => s.owner.code).sort()).toEqual(['SL-BV-DKT', 'SL-SO-YT']);
      const only = await t.http().get('/api/v1/systems').query({ agencyId: yt }).set(as(leader)).expect(200);
      expect(only.body.items.map((s: { owner: { code: string } }) => s.owner.code)).toEqual(['SL-SO-YT']);
      const level3 = await t.http().get('/api/v1/systems?approvedLevel=3').set(as(leader)).expect(200);
      expect(level3.body.items.map((s: { code: string }) => s.code)).toEqual(['HIS']);
      const none = await t.http().get('/api/v1/systems?hasNoApprovedLevel=true&pageSize=200').set(as(leader)).expect(200);
      expect(none.body.items.every((s: { approvedLevel: number | null }) => s.approvedLevel === null)).toBe(true);
      const retired = await t.http().get('/api/v1/systems?lifecycle=RETIRED').set(as(leader)).expect(200);
      expect(retired.body.items.map((s: { code: string }) => s.code)).toEqual(['CU']);
    });

    it('sorts names in Vietnamese order and paginates', async () => {
      const res = await t.http().get('/api/v1/systems?pageSize=200').set(as(leader)).expect(200);
      const names: string[] = res.body.items.map((s: { name: string }) => s.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
      const page = await t.http().get('/api/v1/systems?pageSize=2&page=2&sort=-name').set(as(leader)).expect(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBe(res.body.total);
    });

    it('rejects bad filters with 422', async () => {
      for (const query of [
        'lifecycle=GONE',
        'approvedLevel=7',
        'sort=colour',
        'hasNoApprovedLevel=maybe',
        'agencyId=12',
        'asOf=2025-13-01',
      ]) {
        expectProblem(await t.http().get(`/api/v1/systems?${query}`).set(as(leader)), 422, 'VALIDATION_FAILED');
      }
    });
  });
});
