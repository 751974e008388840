import { Clock } from '../src/common/clock';
import { AGENCY_CONTACTS, COMPLETE_DESCRIPTION, createCompleteDossier, createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { decide, LEVEL4_FACTS } from './support/procedure-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * The dossier's full contents (Circular 12/2022 Art. 8; Decree 331/2026 Art. 21.2, 22): the owner's and operator's
 * details on the agencies, the architecture tables and the level 4–5 parts in the description, completeness by level
 * and regime; and the internal regulation, which warns at submission and blocks only the approval (TT12 Art. 9.7;
 * ND331 Art. 30.7).
 */
describe('dossier contents (TT12 Art. 8; ND331 Art. 22)', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let admin: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = async (id: string, token = officer) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(token)).expect(200)).body;
  const completeness = async (id: string) =>
    (await t.http().get(`/api/v1/dossiers/${id}/completeness`).set(as(officer)).expect(200)).body as {
      missing: { code: string; message: string }[];
      warnings: { code: string; message: string }[];
    };
  const agencyId = async (code: string): Promise<string> => (await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code]))[0].id;
  const draft = async (systemId: string, facts: object) =>
    (
      await t
        .http()
        .post('/api/v1/dossiers')
        .set(as(officer))
        .send({ systemId, facts, levelJustification: 'Theo tiêu chí của Nghị định.' })
        .expect(201)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer, appraiser, admin] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh', 'admin'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t.close());

  describe('the owner’s and operator’s details on the agency (Art. 22.3.a–b)', () => {
    it('an administrator records them; the API gives them back; blank clears one', async () => {
      const id = await agencyId('SL-SO-TC');
      const before = (await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body;
      const res = await t
        .http()
        .patch(`/api/v1/agencies/${id}`)
        .set(as(admin))
        .send({ version: before.version, ...AGENCY_CONTACTS, email: 'stc@sonla.gov.vn' })
        .expect(200);
      expect(res.body).toMatchObject({ ...AGENCY_CONTACTS, email: 'stc@sonla.gov.vn', version: before.version + 1 });
      const cleared = await t
        .http()
        .patch(`/api/v1/agencies/${id}`)
        .set(as(admin))
        .send({ version: res.body.version, phone: '  ' })
        .expect(200);
      expect(cleared.body).toMatchObject({ phone: null, address: AGENCY_CONTACTS.address });
    });

    it('bad input is refused 422 and nothing is written; an officer may not change them (403)', async () => {
      const id = await agencyId('SL-SO-TC');
      const before = (await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body;
      for (const body of [{ email: 'không phải thư' }, { phone: 'gọi tôi' }, { address: 'x'.repeat(501) }, { representativeName: 12 }]) {
        const problem = expectProblem(
          await t
            .http()
            .patch(`/api/v1/agencies/${id}`)
            .set(as(admin))
            .send({ version: before.version, ...body }),
          422,
          'VALIDATION_FAILED',
        );
        expect(Object.keys(problem.errors as object)).toEqual(Object.keys(body));
      }
      expectProblem(
        await t.http().patch(`/api/v1/agencies/${id}`).set(as(officer)).send({ version: before.version, phone: '0212 1' }),
        403,
      );
      expect((await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body).toEqual(before);
    });

    it('a dossier whose operator lacks them lists what is missing, by name', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'CT-CHU-QUAN', 'Cổng thông tin chủ quản');
      const d = await draft(systemId, LEVEL2_FACTS);
      await t.db.query(`UPDATE agencies SET email = NULL, representative_title = NULL WHERE id = $1`, [d.owner.id]);
      const items = (await completeness(d.id)).missing.filter((m) => m.code === 'OWNER_DETAILS_MISSING');
      expect(items).toHaveLength(1);
      expect(items[0].message).toContain('chức vụ người đại diện, thư điện tử');
      await t.db.query(`UPDATE agencies SET email = 'sxd@sonla.gov.vn', representative_title = 'Giám đốc' WHERE id = $1`, [d.owner.id]);
      expect((await completeness(d.id)).missing.map((m) => m.code)).not.toContain('OWNER_DETAILS_MISSING');
    });
  });

  describe('the architecture, the design and the level 4–5 parts in the description (Art. 21.2, 22.3.d, 22.4.c, 22.5)', () => {
    let systemId: string;
    beforeAll(async () => {
      systemId = await createSystem(t, officer, 'SL-SO-XD', 'CT-NOI-DUNG', 'Cổng thông tin nội dung');
    });

    it('a new draft lists each part by level and regime; saved, they are stored and the list empties', async () => {
      const d = await draft(systemId, LEVEL4_FACTS);
      const codes = (await completeness(d.id)).missing.map((m) => m.code);
      for (const code of [
        'LOGICAL_MODEL_MISSING',
        'PHYSICAL_MODEL_MISSING',
        'EQUIPMENT_LIST_MISSING',
        'APPLICATION_LIST_MISSING',
        'NETWORK_ZONES_MISSING',
        'DESIGN_APPROVAL_MISSING',
        'PRELIMINARY_RISKS_MISSING',
        'RELATED_SYSTEMS_MISSING',
        'THREATS_MISSING',
        'PUBLIC_IMPACT_MISSING',
        'CONTINUOUS_OPERATION_MISSING',
      ])
        expect(codes).toContain(code);
      const res = await t
        .http()
        .patch(`/api/v1/dossiers/${d.id}`)
        .set(as(officer))
        .send({ version: d.version, description: COMPLETE_DESCRIPTION })
        .expect(200);
      expect(res.body.description).toMatchObject({ ...COMPLETE_DESCRIPTION, overview: d.description.overview });
      const after = (await completeness(d.id)).missing.map((m) => m.code);
      expect(
        after.filter((c) => codes.includes(c) && /MODEL|LIST|ZONES|DESIGN_APPROVAL|RISKS|SYSTEMS|THREATS|IMPACT|OPERATION/.test(c)),
      ).toEqual([]);
    });

    it('a level-2 draft is not asked the level 4–5 parts', async () => {
      const d = await draft(systemId, LEVEL2_FACTS);
      const codes = (await completeness(d.id)).missing.map((m) => m.code);
      expect(codes).toContain('EQUIPMENT_LIST_MISSING');
      expect(codes).not.toContain('RELATED_SYSTEMS_MISSING');
      expect(codes).not.toContain('CONTINUOUS_OPERATION_MISSING');
    });

    it('bad input is refused 422 with the field named, and nothing is written', async () => {
      const d = await draft(systemId, LEVEL2_FACTS);
      const bad: [object, string][] = [
        [{ equipment: [{ name: '', location: 'TTDL', purpose: 'x' }] }, 'description.equipment[0].name'],
        [{ equipment: [{ name: 'Tường lửa', location: 'TTDL' }] }, 'description.equipment[0].purpose'],
        [
          { applications: [{ name: 'Cổng', server: 'APP', location: 'TTDL', operatingSystem: 'Linux', purpose: 'x', extra: 1 }] },
          'description.applications[0].extra',
        ],
        [{ networkZones: [{ name: 'DMZ', privateAddresses: 12 }] }, 'description.networkZones[0].privateAddresses'],
        [{ networkZones: 'DMZ' }, 'description.networkZones'],
        [{ designDocument: { approvalDate: '2024-02-30' } }, 'description.designDocument.approvalDate'],
        [{ logicalModel: 'x'.repeat(20001) }, 'description.logicalModel'],
        [{ equipment: Array.from({ length: 201 }, () => ({ name: 'a', location: 'b', purpose: 'c' })) }, 'description.equipment'],
      ];
      for (const [description, field] of bad) {
        const problem = expectProblem(
          await t.http().patch(`/api/v1/dossiers/${d.id}`).set(as(officer)).send({ version: d.version, description }),
          422,
          'VALIDATION_FAILED',
        );
        expect(Object.keys(problem.errors as object)).toContain(field);
      }
      expect(await get(d.id)).toMatchObject({ version: d.version, description: d.description });
    });

    it('another body’s officer cannot read or write the contents (404); nothing is written', async () => {
      const d = await draft(systemId, LEVEL2_FACTS);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/dossiers/${d.id}`)
          .set(as(otherOfficer))
          .send({ version: d.version, description: COMPLETE_DESCRIPTION }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http().get(`/api/v1/dossiers/${d.id}/completeness`).set(as(otherOfficer)), 404, 'NOT_FOUND');
      expect((await get(d.id)).version).toBe(d.version);
    });

    it('the explanatory report prints them', async () => {
      const d = await draft(systemId, LEVEL2_FACTS);
      await t
        .http()
        .patch(`/api/v1/dossiers/${d.id}`)
        .set(as(officer))
        .send({ version: d.version, description: COMPLETE_DESCRIPTION })
        .expect(200);
      const res = await t.http().get(`/api/v1/dossiers/${d.id}/documents/thuyet-minh.docx`).set(as(officer)).buffer(true).expect(200);
      expect(res.headers['content-type']).toContain('officedocument');
    });
  });

  describe('the internal regulation warns at submission and blocks only the approval (TT12 Art. 9.7; ND331 Art. 30.7)', () => {
    it('submits with a warning; the approval is refused 422 INTERNAL_REGULATION_MISSING until it is issued', async () => {
      const ownerAgencyId = await agencyId('SL-SO-XD');
      const system = await t
        .http()
        .post('/api/v1/systems')
        .set(as(officer))
        .send({
          code: 'QUY-CHE-CHUA',
          name: 'Hệ thống chưa có quy chế',
          ownerAgencyId,
          systemType: 'CITIZEN_BUSINESS',
          infoTypes: ['PUBLIC', 'PERSONAL'],
          lifecycle: 'IN_OPERATION',
          description: 'Hệ thống phục vụ người dân',
          scope: 'Toàn tỉnh',
          servedPopulation: 'Người dân, doanh nghiệp',
        })
        .expect(201);
      const { id } = await createCompleteDossier(t, officer, system.body.id, LEVEL2_FACTS);
      const check = await completeness(id);
      expect(check.missing).toEqual([]);
      expect(check.warnings.map((w) => w.code)).toEqual(['INTERNAL_REGULATION_MISSING']);
      let d = await get(id);
      // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
      t.app.get(Clock).setFixed('2026-11-25');
      const submitted = await t
        .http()
        .post(`/api/v1/dossiers/${id}/actions/submit`)
        .set(as(officer))
        .send({ version: d.version })
        .expect(200);
      expect(submitted.body.status).toBe('SUBMITTED');
      expect(submitted.body.warnings).toEqual([expect.objectContaining({ code: 'INTERNAL_REGULATION_MISSING' })]);
      d = await get(id);
      await t.http().post(`/api/v1/dossiers/${id}/actions/start-appraisal`).set(as(appraiser)).send({ version: d.version }).expect(200);
      d = await get(id);
      const decision = { decisionNumber: '9/QĐ-CAT', decisionDate: '2026-11-25', signerName: 'A', signerTitle: 'Giám đốc', level: 2 };
      const refused = expectProblem(
        await decide(t, appraiser, id, 'approve', { version: d.version, ...decision }),
        422,
        'INTERNAL_REGULATION_MISSING',
      );
      expect(refused.detail).toContain('quy chế');
      t.app.get(Clock).setFixed(undefined);
      expect((await get(id)).status).toBe('UNDER_APPRAISAL');
      const s = (await t.http().get(`/api/v1/systems/${system.body.id}`).set(as(officer)).expect(200)).body;
      await t
        .http()
        .patch(`/api/v1/systems/${system.body.id}`)
        .set(as(officer))
        .send({ version: s.version, internalRegulationNumber: '3/QC-SXD', internalRegulationDate: '2026-11-20' })
        .expect(200);
      const approved = await decide(t, appraiser, id, 'approve', { version: d.version, ...decision }).expect(200);
      expect(approved.body.status).toBe('APPROVED');
    });
  });

  describe('the dossier page (a commune officer’s form, no script)', () => {
    const browser = (username: string): Promise<WebSession> => webSession(t, username);

    it('an administrator records a body’s details on its page; bad input stays on the page (422, nothing written); an officer may not (403)', async () => {
      const id = await agencyId('SL-SO-NV');
      const before = (await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body;
      const s = await browser('admin');
      const page = await t.http().get(`/quan-tri/co-quan/${id}`).set('cookie', s.cookie).expect(200);
      expect(page.text).toContain('Văn bản quy định chức năng, nhiệm vụ, quyền hạn');
      const send = (form: Record<string, string>) =>
        t
          .http()
          .post(`/quan-tri/co-quan/${id}`)
          .set('cookie', s.cookie)
          .type('form')
          .send({ _csrf: s.csrf, version: String(before.version), ...form });
      const refused = await send({ ...AGENCY_CONTACTS, email: 'sai địa chỉ' });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('thư điện tử không hợp lệ');
      expect(refused.text).toContain('value="sai địa chỉ"');
      expect((await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body).toEqual(before);
      expect((await send({ ...AGENCY_CONTACTS, representativeName: 'Lò Thị Mai' })).status).toBe(303);
      expect((await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body).toMatchObject({
        ...AGENCY_CONTACTS,
        representativeName: 'Lò Thị Mai',
        version: before.version + 1,
      });
      const o = await browser('canbo.sl-so-nv');
      expect((await t.http().get(`/quan-tri/co-quan/${id}`).set('cookie', o.cookie)).status).toBe(403);
      const denied = await t
        .http()
        .post(`/quan-tri/co-quan/${id}`)
        .set('cookie', o.cookie)
        .type('form')
        .send({ _csrf: o.csrf, version: String(before.version + 1), phone: '0212 0000 000' });
      expect(denied.status).toBe(403);
      expect((await t.http().get(`/api/v1/agencies/${id}`).set(as(admin)).expect(200)).body.version).toBe(before.version + 1);
    });

    it('shows the tables with blank rows; a half-filled row is refused on its row (422, nothing written); filled rows are saved', async () => {
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'CT-TRANG', 'Cổng thông tin trang');
      const d = await draft(systemId, LEVEL2_FACTS);
      const s = await browser('canbo.sl-so-xd');
      const page = await t.http().get(`/ho-so/${d.id}`).set('cookie', s.cookie).expect(200);
      for (const phrase of [
        'Chủ quản và đơn vị vận hành',
        'Mô hình lô-gic',
        'Danh mục thiết bị và thiết bị mạng chính',
        'Danh mục ứng dụng, dịch vụ',
        'Quy hoạch vùng mạng và địa chỉ IP',
        'name="description.equipment.1.name"',
        'Tên tài liệu thiết kế',
      ])
        expect(page.text).toContain(phrase);
      expect(page.text).not.toContain('Nội dung thêm của hồ sơ cấp độ 4, 5');
      const save = (form: Record<string, string>) =>
        t
          .http()
          .post(`/ho-so/${d.id}`)
          .set('cookie', s.cookie)
          .type('form')
          .send({ version: String(d.version), _csrf: s.csrf, ...form });
      // Row 2 (the second one) has a name but no place or purpose: refused on that row, nothing written.
      const refused = await save({
        'description.equipment.0.name': '',
        'description.equipment.0.location': '',
        'description.equipment.0.purpose': '',
        'description.equipment.1.name': 'Tường lửa',
        'description.equipment.1.location': '',
        'description.equipment.1.purpose': '',
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('value="Tường lửa"');
      expect(refused.text).toMatch(/<tr class="has-error">\s*<td id="r-equipment-1">2<p class="error">/);
      expect((await get(d.id)).version).toBe(d.version);
      const saved = await save({
        'description.logicalModel': 'Ba lớp',
        'description.equipment.0.name': 'Tường lửa trung tâm',
        'description.equipment.0.location': 'Phòng máy chủ',
        'description.equipment.0.purpose': 'Bảo vệ vùng biên',
        'description.equipment.0.mainNetworkDevice': 'on',
        'description.equipment.1.name': '',
        'description.networkZones.0.name': 'Vùng máy chủ',
        'description.networkZones.0.privateAddresses': '10.0.0.0/24',
        'description.networkZones.0.publicAddresses': '',
      });
      expect(saved.status).toBe(303);
      expect((await get(d.id)).description).toMatchObject({
        logicalModel: 'Ba lớp',
        equipment: [{ name: 'Tường lửa trung tâm', location: 'Phòng máy chủ', purpose: 'Bảo vệ vùng biên', mainNetworkDevice: true }],
        networkZones: [{ name: 'Vùng máy chủ', privateAddresses: '10.0.0.0/24', publicAddresses: null }],
      });
    });
  });
});
