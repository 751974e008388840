import request from 'supertest';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, LEVEL3_FACTS } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Issue 19, points 2 and 7 (docs/legal/proposal-floor.md): a proposal is never below the level the criteria give
 * (ND85 Arts. 7–11; ND331 Arts. 11–15, 8.2, 8.3), checked at creation, update and submission; a higher one carries its
 * justification; an undetermined result is a floor. Disagreement goes to corrected facts (recorded) or to the note to
 * the appraiser. A system with users but only public information is a valid answer.
 */
describe('the proposed level against the criteria', () => {
  let t: TestApp;
  let officer: string;
  let otherOfficer: string;
  let leader: string;
  let appraiser: string;
  let systemId: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const JUSTIFIED = 'Hệ thống kết nối với nhiều hệ thống dùng chung của tỉnh, đề xuất cao hơn.';
  const ART_13_2_B = 'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP';
  const create = (body: object) =>
    t
      .http()
      .post('/api/v1/dossiers')
      .set(as(officer))
      .send({ systemId, ...body });
  const patch = (token: string, id: string, body: object) => t.http().patch(`/api/v1/dossiers/${id}`).set(as(token)).send(body);
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, otherOfficer, leader, appraiser] = await Promise.all(
      ['canbo.sl-so-xd', 'canbo.sl-so-yt', 'lanhdao', 'thamdinh'].map((u) => t.login(u)),
    );
    systemId = await createSystem(t, officer, 'SL-SO-XD', 'MOT-CUA-19', 'Hệ thống một cửa điện tử Sở Xây dựng');
  });
  afterAll(() => t.close());

  describe('at creation', () => {
    it('refuses a one-stop administrative-procedure system proposed at level 2, even justified, naming level 3 and Art. 13.2.b; writes nothing', async () => {
      const [dossiers, audits] = [await countRows(t.db, 'dossiers'), await countRows(t.db, 'audit_log')];
      const body = expectProblem(
        await create({
          facts: LEVEL3_FACTS,
          proposedLevel: 2,
          levelJustification: 'Hệ thống chỉ tiếp nhận hồ sơ, việc giải quyết do tỉnh thực hiện.',
        }),
        422,
        'PROPOSED_LEVEL_BELOW_CRITERIA',
      );
      expect(body.errors).toEqual({ proposedLevel: [expect.stringContaining(`thấp hơn cấp độ 3 xác định theo ${ART_13_2_B}`)] });
      expect(body.detail).toContain('ghi ý kiến gửi đơn vị thẩm định');
      expect([await countRows(t.db, 'dossiers'), await countRows(t.db, 'audit_log')]).toEqual([dossiers, audits]);
    });

    it('a higher proposal needs a justification', async () => {
      expectProblem(await create({ facts: LEVEL3_FACTS, proposedLevel: 4 }), 422, 'PROPOSED_LEVEL_UNJUSTIFIED');
      const res = await create({ facts: LEVEL3_FACTS, proposedLevel: 4, levelJustification: JUSTIFIED }).expect(201);
      expect(res.body).toMatchObject({ computedLevel: 3, proposedLevel: 4 });
    });

    it('an undetermined result is a floor: data subjects not declared, level 2 known (ND331 Art. 12.2.b, 13.2.c)', async () => {
      const facts = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], riskAssessedLevel: 2 };
      expectProblem(await create({ facts, proposedLevel: 1, levelJustification: JUSTIFIED }), 422, 'PROPOSED_LEVEL_BELOW_CRITERIA');
      expectProblem(await create({ facts, proposedLevel: 2 }), 422, 'PROPOSED_LEVEL_UNJUSTIFIED');
      const res = await create({ facts, proposedLevel: 2, levelJustification: JUSTIFIED }).expect(201);
      expect(res.body).toMatchObject({ computedLevel: 2, levelUndetermined: true, proposedLevel: 2 });
    });
  });

  describe('point 7: the facts are not over-validated', () => {
    it('a citizen system with users but only public information is evaluated normally (level 2), with a note', async () => {
      const facts = {
        systemType: 'CITIZEN_BUSINESS',
        infoTypes: ['PUBLIC'],
        users: 20,
        basicPersonalDataSubjects: 20,
        sensitivePersonalDataSubjects: 0,
      };
      for (const regime of ['ND85', 'ND331']) {
        const res = await t.http().post('/api/v1/classification/evaluate').set(as(officer)).send({ regime, facts }).expect(200);
        expect(res.body).toMatchObject({ level: 2, undetermined: false });
        expect(res.body.assumptions.join('\n')).toContain('không làm thay đổi cấp độ');
      }
      const created = await create({ facts }).expect(201);
      expect(created.body).toMatchObject({ computedLevel: 2, proposedLevel: 2 });
    });
  });

  describe('at update', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create({ facts: LEVEL3_FACTS, levelJustification: 'Hệ thống giải quyết thủ tục hành chính.' }).expect(201)).body.id;
    });

    it('refuses lowering the proposal, justified or not, and writes nothing', async () => {
      const d = await get(id);
      const audits = await countRows(t.db, 'audit_log');
      expectProblem(
        await patch(officer, id, { version: d.version, proposedLevel: 2, levelJustification: JUSTIFIED }),
        422,
        'PROPOSED_LEVEL_BELOW_CRITERIA',
      );
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
      expect((await get(id)).proposedLevel).toBe(3);
    });

    it('correcting the facts moves the level, and the audit keeps which facts changed from what to what', async () => {
      const d = await get(id);
      const corrected = { ...LEVEL3_FACTS, handlesAdminProcedures: false };
      const res = await patch(officer, id, { version: d.version, facts: corrected }).expect(200);
      expect(res.body).toMatchObject({ computedLevel: 2, proposedLevel: 2 });
      const [row] = await t.db.query(
        `SELECT before, after FROM audit_log WHERE entity_type = 'dossier' AND entity_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
        [id],
      );
      expect(row.before).toMatchObject({ computedLevel: 3, proposedLevel: 3 });
      expect(row.after).toMatchObject({
        computedLevel: 2,
        proposedLevel: 2,
        factsChanged: { handlesAdminProcedures: { before: true, after: false } },
      });
    });
  });

  describe('the note to the appraiser', () => {
    it('is written by the drafting body, refused on bad input, a wrong role or another agency, and read by the appraiser', async () => {
      const level2System = await createSystem(t, officer, 'SL-SO-XD', 'NOI-BO-19', 'Hệ thống quản lý nội bộ Sở Xây dựng');
      const { id } = await createCompleteDossier(t, officer, level2System, LEVEL2_FACTS);
      const note = 'Đơn vị cho rằng hệ thống chỉ phục vụ một phòng, đề nghị xem xét lại phạm vi hệ thống.';
      let d = await get(id);
      const audits = await countRows(t.db, 'audit_log');
      expectProblem(await patch(officer, id, { version: d.version, noteToAppraiser: 42 }), 422, 'VALIDATION_FAILED');
      expectProblem(await patch(officer, id, { version: d.version, noteToAppraiser: 'x'.repeat(5001) }), 422, 'VALIDATION_FAILED');
      expectProblem(await patch(leader, id, { version: d.version, noteToAppraiser: note }), 403, 'FORBIDDEN');
      expectProblem(await patch(otherOfficer, id, { version: d.version, noteToAppraiser: note }), 404, 'NOT_FOUND');
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
      const saved = await patch(officer, id, { version: d.version, noteToAppraiser: `  ${note}  ` }).expect(200);
      expect(saved.body.noteToAppraiser).toBe(note);

      d = await get(id);
      await t.http().post(`/api/v1/dossiers/${id}/actions/submit`).set(as(officer)).send({ version: d.version }).expect(200);
      const seen = await t.http().get(`/api/v1/dossiers/${id}`).set(as(appraiser)).expect(200);
      expect(seen.body.noteToAppraiser).toBe(note);
      const page = await webPage('thamdinh', `/tham-dinh/${id}`);
      expect(page.text).toContain('Ý kiến của đơn vị lập hồ sơ gửi đơn vị thẩm định');
      expect(page.text).toContain(note);
      // Sent, the dossier is no longer the drafter's to edit.
      expectProblem(
        await patch(officer, id, { version: (await get(id)).version, noteToAppraiser: 'Sửa sau khi gửi' }),
        409,
        'DOSSIER_NOT_EDITABLE',
      );
    });
  });

  describe('at submission', () => {
    it('refuses to send a stored proposal below the criteria (a draft written before the rule), writing nothing', async () => {
      const legacySystem = await createSystem(t, officer, 'SL-SO-XD', 'CU-19', 'Hệ thống lập trước quy định');
      const { id } = await createCompleteDossier(t, officer, legacySystem, LEVEL2_FACTS);
      // The classification of a one-stop system (level 3, Art. 13.2.b) stored beside a level-2 proposal, as before this rule.
      const evaluation = await t
        .http()
        .post('/api/v1/classification/evaluate')
        .set(as(officer))
        .send({ regime: 'ND331', facts: LEVEL3_FACTS })
        .expect(200);
      const { asOf: _asOf, ...result } = evaluation.body;
      await t.adminQuery(
        `UPDATE dossiers SET computed_level = 3, classification = jsonb_build_object('asOf', classification->'asOf', 'facts', $2::jsonb, 'result', $3::jsonb) WHERE id = $1`,
        [id, JSON.stringify(LEVEL3_FACTS), JSON.stringify(result)],
      );
      const d = await get(id);
      expect(d).toMatchObject({ computedLevel: 3, proposedLevel: 2 });
      const events = await countRows(t.db, 'dossier_events');
      const body = expectProblem(
        await t.http().post(`/api/v1/dossiers/${id}/actions/submit`).set(as(officer)).send({ version: d.version }),
        422,
        'PROPOSED_LEVEL_BELOW_CRITERIA',
      );
      expect(body.errors).toEqual({ proposedLevel: [expect.stringContaining(ART_13_2_B)] });
      expect(await countRows(t.db, 'dossier_events')).toBe(events);
      expect((await get(id)).status).toBe('DRAFT');
    });
  });

  describe('the wizard page', () => {
    it('offers no level below the criteria, says why, and refuses a lower one posted anyway', async () => {
      const wizard = `/he-thong/${systemId}/xac-dinh-cap-do`;
      const answers: [string, string][] = [
        ['a.systemType', 'CITIZEN_BUSINESS'],
        ['a.infoTypes', 'PUBLIC'],
        ['a.infoTypes', 'PERSONAL'],
        ['a.defenceSecuritySystem', 'false'],
        ['a.handlesAdminProcedures', 'true'],
        ['a.conditionalBusiness', 'false'],
        ['a.basicPersonalDataSubjects', '5000'],
        ['a.sensitivePersonalDataSubjects', '0'],
        ['a.nationalEgov24x7', 'false'],
        ['a.criticalNationalDataStorage', 'false'],
        // Mandatory in the questionnaire since issue 21 (ND331 Art. 10.2.a); a lower result leaves the level as it is.
        ['a.riskAssessedLevel', '2'],
      ];
      const summary = await webPost('canbo.sl-so-xd', wizard, [...answers, ['di', 'buoc-99']], 200);
      expect(summary.text).toContain('<option value="3" selected>Cấp độ 3 (theo tiêu chí)</option>');
      expect(summary.text).not.toContain('<option value="2"');
      expect(summary.text).toContain(`Cấp độ 3 do tiêu chí xác định (${ART_13_2_B})`);
      expect(summary.text).toContain('Ý kiến gửi đơn vị thẩm định');
      const dossiers = await countRows(t.db, 'dossiers');
      const refused = await webPost(
        'canbo.sl-so-xd',
        wizard,
        [
          ...answers,
          ['proposedLevel', '2'],
          ['levelJustification', 'Hệ thống chỉ tiếp nhận hồ sơ, việc giải quyết do tỉnh thực hiện.'],
          ['di', 'lap-ho-so'],
        ],
        422,
      );
      expect(refused.text).toContain(`thấp hơn cấp độ 3 xác định theo ${ART_13_2_B}`);
      expect(await countRows(t.db, 'dossiers')).toBe(dossiers);
      const tooLong = await webPost(
        'canbo.sl-so-xd',
        wizard,
        [...answers, ['proposedLevel', '3'], ['noteToAppraiser', 'ý'.repeat(5001)], ['di', 'lap-ho-so']],
        422,
      );
      expect(tooLong.text).toContain('tối đa 5000 ký tự');
      expect(await countRows(t.db, 'dossiers')).toBe(dossiers);
      const finished = await webPost(
        'canbo.sl-so-xd',
        wizard,
        [
          ...answers,
          ['proposedLevel', '3'],
          ['noteToAppraiser', 'Đề nghị đơn vị thẩm định xem xét phạm vi hệ thống.'],
          ['di', 'lap-ho-so'],
        ],
        303,
      );
      const id = /^\/ho-so\/([0-9a-f-]{36})$/.exec(finished.headers.location)![1];
      expect(await get(id)).toMatchObject({ proposedLevel: 3, noteToAppraiser: 'Đề nghị đơn vị thẩm định xem xét phạm vi hệ thống.' });
      // The dossier page: no level below the criteria offered, the note editable, a lower level posted anyway refused.
      const dossierPage = await webPage('canbo.sl-so-xd', `/ho-so/${id}`);
      expect(dossierPage.text).toContain('Cấp độ 3 (theo tiêu chí)');
      expect(dossierPage.text).toMatch(/<select id="f-proposedLevel"[^>]*>\s*<option value="3" selected>Cấp độ 3 \(theo tiêu chí\)</);
      expect(dossierPage.text).toContain('Đề nghị đơn vị thẩm định xem xét phạm vi hệ thống.');
      const lower = await webPost(
        'canbo.sl-so-xd',
        `/ho-so/${id}`,
        [
          ['version', String((await get(id)).version)],
          ['proposedLevel', '2'],
          ['levelJustification', 'Hệ thống chỉ tiếp nhận hồ sơ, việc giải quyết do tỉnh thực hiện.'],
        ],
        422,
      );
      expect(lower.text).toContain(`thấp hơn cấp độ 3 xác định theo ${ART_13_2_B}`);
      expect((await get(id)).proposedLevel).toBe(3);
    });
  });

  const sessions = new Map<string, WebSession>();
  async function browser(username: string): Promise<WebSession> {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  }
  async function webPage(username: string, path: string): Promise<request.Response> {
    return t
      .http()
      .get(path)
      .set('cookie', (await browser(username)).cookie)
      .expect(200);
  }
  async function webPost(username: string, path: string, pairs: [string, string][], status: number): Promise<request.Response> {
    const session = await browser(username);
    const res = await t
      .http()
      .post(path)
      .set('cookie', session.cookie)
      .type('form')
      .send(new URLSearchParams([['_csrf', session.csrf], ...pairs]).toString());
    expect({ path, status: res.status }).toEqual({ path, status });
    return res;
  }
});
