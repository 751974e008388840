import request from 'supertest';
import { createSystem } from './support/dossier-fixtures';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('classification and requirements', () => {
  let t: TestApp;
  let officer: string;
  const auth = () => ({ authorization: `Bearer ${officer}` });
  const evaluate = (body: object) => t.http().post('/api/v1/classification/evaluate').set(auth()).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo.sl-p-chiengcoi');
  });
  afterAll(() => t.close());

  describe('POST /api/v1/classification/evaluate', () => {
    it('gives level 3 under ND331 for a one-stop-shop that handles administrative procedures, with its article', async () => {
      const res = await evaluate({
        asOf: '2026-11-25',
        facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true },
      }).expect(200);
      expect(res.body).toMatchObject({ regime: 'ND331', level: 3, undetermined: false, asOf: '2026-11-25' });
      expect(res.body.matchedRules).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: 'R9', level: 3, article: expect.stringContaining('Điều 13') })]),
      );
    });

    it('chooses ND85 on 18/8/2026 and ND331 on 19/8/2026; the transitional override keeps ND85', async () => {
      const facts = { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] };
      expect((await evaluate({ asOf: '2026-08-18', facts }).expect(200)).body.regime).toBe('ND85');
      expect((await evaluate({ asOf: '2026-08-19', facts }).expect(200)).body.regime).toBe('ND331');
      expect((await evaluate({ asOf: '2026-10-01', transitionalProject: true, facts }).expect(200)).body.regime).toBe('ND85');
      expect((await evaluate({ regime: 'ND85', asOf: '2026-10-01', facts }).expect(200)).body).toMatchObject({ regime: 'ND85', level: 1 });
    });

    it('applies the ND85 user threshold on both sides of 10,000', async () => {
      const facts = (users: number) => ({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], users });
      expect((await evaluate({ regime: 'ND85', facts: facts(9_999) }).expect(200)).body.level).toBe(2);
      expect((await evaluate({ regime: 'ND85', facts: facts(10_000) }).expect(200)).body.level).toBe(3);
    });

    it('takes the highest level of the components', async () => {
      const res = await evaluate({
        regime: 'ND331',
        facts: {
          systemType: 'INTERNAL',
          infoTypes: ['PUBLIC'],
          components: [{ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SHARED_REGIONAL' }],
        },
      }).expect(200);
      expect(res.body.level).toBe(3);
      expect(res.body.matchedRules).toEqual(
        expect.arrayContaining([expect.objectContaining({ componentPath: 'components[0]', level: 3 })]),
      );
    });

    it('says undetermined, with what to justify by hand, for an "other" system no criterion covers', async () => {
      const res = await evaluate({ regime: 'ND85', facts: { systemType: 'OTHER', infoTypes: ['PUBLIC'] } }).expect(200);
      expect(res.body).toMatchObject({ undetermined: true, level: null });
      expect(res.body.manualJustification.length).toBeGreaterThan(0);
    });

    it.each([
      [{ systemType: 'CASTLE', infoTypes: ['PUBLIC'] }, 'facts.systemType'],
      [{ systemType: 'INTERNAL', infoTypes: ['PUBLIC', 'GOSSIP'] }, 'facts.infoTypes[1]'],
      [{ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], users: -1 }, 'facts.users'],
      [{ systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'NONE' }, 'facts.nationalSecurityHarm'],
      [
        {
          systemType: 'INTERNAL',
          infoTypes: ['PUBLIC'],
          components: [{ systemType: 'INTERNAL', infoTypes: ['PUBLIC'], riskAssessedLevel: 9 }],
        },
        'facts.components[0].riskAssessedLevel',
      ],
    ])('refuses invalid facts %j with 422 naming %s', async (facts, field) => {
      const body = expectProblem(await evaluate({ regime: 'ND331', facts }), 422, 'CLASSIFICATION_FACTS_INVALID');
      expect(Object.keys(body.errors as object)).toContain(field);
    });

    it('refuses a malformed request shape with 422 and writes nothing', async () => {
      const audits = await countRows(t.db, 'audit_log');
      expectProblem(await evaluate({ regime: 'ND99', facts: {} }), 422, 'VALIDATION_FAILED');
      expectProblem(await evaluate({ facts: 'INTERNAL' }), 422, 'VALIDATION_FAILED');
      expectProblem(
        await evaluate({ asOf: '2026-02-30', facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] } }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await evaluate({ asOf: '2010-01-01', facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] } }),
        422,
        'VALIDATION_FAILED',
      );
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });

    it('requires a signed-in user', async () => {
      expectProblem(await t.http().post('/api/v1/classification/evaluate').send({ facts: {} }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('the national-security List criteria (Decree 331/2026 Art. 16, 17, 20.4)', () => {
    const level3 = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true };

    it('Art. 16.3: a level-3 system of a Law 116 Art. 9.2 field with a consequence a–g stays level 3 and belongs on the List', async () => {
      const res = await evaluate({
        regime: 'ND331',
        facts: { ...level3, nationalSecurityFields: ['NATIONAL_SECTOR'], nationalSecurityConsequences: ['NATIONAL_ECONOMY'] },
      }).expect(200);
      expect(res.body).toMatchObject({ level: 3, undetermined: false, onNationalSecurityList: true });
      expect(res.body.nationalSecurityList).toEqual({
        meets: true,
        criteria: [expect.stringMatching(/^Điểm c Khoản 3 Điều 16 Nghị định 331\/2026\/NĐ-CP: .*Điểm g Khoản 2 Điều 9 Luật An ninh mạng/)],
      });
    });

    it('Art. 16.4: a level-5 system is on the List without any criterion; without the new facts a level-3 system is not', async () => {
      const five = await evaluate({
        regime: 'ND331',
        facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], pmDesignatedLevel: 5 },
      }).expect(200);
      expect(five.body.nationalSecurityList).toEqual({ meets: true, criteria: [expect.stringContaining('Khoản 4 Điều 16')] });
      const three = await evaluate({ regime: 'ND331', facts: level3 }).expect(200);
      expect(three.body).toMatchObject({ level: 3, onNationalSecurityList: false, nationalSecurityList: { meets: false, criteria: [] } });
    });

    it('refuses the criteria under Decree 85 with 422 naming the field; an Art. 16.3 consequence without its field is noted, not refused', async () => {
      const audits = await countRows(t.db, 'audit_log');
      const nd85 = expectProblem(
        await evaluate({ regime: 'ND85', facts: { ...level3, nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'] } }),
        422,
        'CLASSIFICATION_FACTS_INVALID',
      );
      expect(nd85.errors).toEqual({
        'facts.nationalSecurityCriteria': [expect.stringContaining('không áp dụng cho hồ sơ theo Nghị định 85/2016/NĐ-CP')],
      });
      const alone = await evaluate({ regime: 'ND331', facts: { ...level3, nationalSecurityConsequences: ['CENTRAL_LEADERSHIP'] } }).expect(
        200,
      );
      expect(alone.body).toMatchObject({ level: 3, onNationalSecurityList: false });
      expect(alone.body.assumptions).toEqual(expect.arrayContaining([expect.stringContaining('chưa chọn lĩnh vực nào')]));
      const unknown = expectProblem(
        await evaluate({ regime: 'ND331', facts: { ...level3, nationalSecurityFields: ['CASINO'] } }),
        422,
        'CLASSIFICATION_FACTS_INVALID',
      );
      expect(Object.keys(unknown.errors as object)).toEqual(['facts.nationalSecurityFields[0]']);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });

    it('the questionnaire asks the criteria under Decree 331 only, the consequences after a field', async () => {
      const nd331 = await t.http().get('/api/v1/classification/questionnaire?regime=ND331').set(auth()).expect(200);
      const consequences = nd331.body.questions.find((q: { id: string }) => q.id === 'nationalSecurityConsequences');
      expect(consequences).toMatchObject({ answerType: 'multi', required: false, askWhen: { field: 'nationalSecurityFields' } });
      expect(nd331.body.questions.map((q: { id: string }) => q.id)).toEqual(
        expect.arrayContaining(['nationalSecurityCriteria', 'nationalSecurityFields']),
      );
      const nd85 = await t.http().get('/api/v1/classification/questionnaire?regime=ND85').set(auth()).expect(200);
      expect(nd85.body.questions.map((q: { id: string }) => q.id).filter((id: string) => id.startsWith('nationalSecurityC'))).toEqual([]);
    });

    describe('the level wizard page', () => {
      const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');
      const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];
      let cookies: string;
      let csrf: string;
      let wizard: string;
      const required: [string, string][] = [
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
      const post = (pairs: [string, string][]) =>
        t
          .http()
          .post(wizard)
          .set('cookie', cookies)
          .type('form')
          .send(new URLSearchParams([['_csrf', csrf], ...pairs]).toString());

      beforeAll(async () => {
        const token = await t.login('canbo.sl-so-xd');
        const systemId = await createSystem(t, token, 'SL-SO-XD', 'ANQG-01', 'Hệ thống điều hành công trình');
        const form = await t.http().get('/dang-nhap').expect(200);
        const signedIn = await t
          .http()
          .post('/dang-nhap')
          .set('cookie', jar(cookiesOf(form)))
          .type('form')
          .send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrfFrom(form.text) })
          .expect(303);
        cookies = jar(cookiesOf(signedIn));
        wizard = `/he-thong/${systemId}/xac-dinh-cap-do`;
        csrf = csrfFrom((await t.http().get(wizard).set('cookie', cookies).expect(200)).text);
      });

      it('asks the Art. 16.1–16.2 criteria as a fieldset with its legend and a labelled checkbox for each', async () => {
        const summary = await post([...required, ['di', 'buoc-99']]).expect(200);
        const row = new RegExp(
          '<td>Hệ thống có phục vụ chỉ đạo, điều hành công trình quan trọng[^<]*</td><td>Không có trường hợp nào</td><td><button[^>]*value="buoc-(\\d+)"',
        );
        const step = row.exec(summary.text)![1];
        const page = await post([...required, ['di', `buoc-${step}`]]).expect(200);
        expect(page.text).toMatch(
          /<fieldset[^>]*>\s*<legend class="question-text" id="cau-hoi">Hệ thống có phục vụ chỉ đạo, điều hành công trình quan trọng/,
        );
        expect(page.text).toContain(
          '<label class="choice"><input type="checkbox" name="a.nationalSecurityCriteria" value="SECURITY_WORKS_COMMAND"> <span>Phục vụ chỉ đạo, điều hành của công trình quan trọng liên quan đến an ninh quốc gia (khoản 1 Điều 16)</span></label>',
        );
        expect(page.text).not.toContain('id="danh-muc-anqg"');

        const ticked = await post([...required, ['buoc', step], ['a.nationalSecurityCriteria', 'SECURITY_WORKS_COMMAND']]).expect(200);
        expect(ticked.text).toContain(
          'Hệ thống có dấu hiệu thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia: hồ sơ theo trình tự của cấp độ 5 (khoản 4 Điều 20); chủ quản lập hồ sơ đề nghị đưa vào Danh mục (Điều 17).',
        );
        expect(ticked.text).toContain('Khoản 1 Điều 16 Nghị định 331/2026/NĐ-CP: hệ thống phục vụ chỉ đạo, điều hành');
        expect(ticked.text).toMatch(/<p class="result-level">Cấp độ 3<\/p>/);
      });

      it('drops the Art. 16.3 consequences when no field of Law 116 Art. 9.2 is chosen, and keeps them with one', async () => {
        const consequence: [string, string] = ['a.nationalSecurityConsequences', 'CENTRAL_LEADERSHIP'];
        const without = await post([...required, consequence, ['di', 'buoc-99']]).expect(200);
        expect(without.text).not.toContain('id="danh-muc-anqg"');
        const withField = await post([...required, ['a.nationalSecurityFields', 'CENTRAL_BODIES'], consequence, ['di', 'buoc-99']]).expect(
          200,
        );
        expect(withField.text).toContain('id="danh-muc-anqg"');
        expect(withField.text).toContain('Điểm g Khoản 3 Điều 16');
      });

      it('the draft dossier keeps the criteria in its classification snapshot, with the List in the result', async () => {
        const token = await t.login('canbo.sl-so-xd');
        const finished = await post([
          ...required,
          ['a.nationalSecurityCriteria', 'TELECOM_WORKS_COMMAND'],
          ['proposedLevel', '3'],
          ['di', 'lap-ho-so'],
        ]).expect(303);
        const dossierId = /^\/ho-so\/([0-9a-f-]{36})$/.exec(finished.headers.location)![1];
        const dossier = await t
          .http()
          .get(`/api/v1/dossiers/${dossierId}`)
          .set({ authorization: `Bearer ${token}` })
          .expect(200);
        expect(dossier.body.classification.facts.nationalSecurityCriteria).toEqual(['TELECOM_WORKS_COMMAND']);
        expect(dossier.body.classification.result).toMatchObject({
          level: 3,
          nationalSecurityList: { meets: true, criteria: [expect.stringContaining('Khoản 2 Điều 16')] },
        });
      });
    });
  });

  describe('GET /api/v1/classification/questionnaire', () => {
    it('lists the ND331 questions in Vietnamese, each answerable as a fact', async () => {
      const res = await t.http().get('/api/v1/classification/questionnaire?regime=ND331').set(auth()).expect(200);
      const ids = res.body.questions.map((q: { id: string }) => q.id);
      expect(ids[0]).toBe('systemType');
      expect(ids).toEqual(
        expect.arrayContaining([
          'infoTypes',
          'handlesAdminProcedures',
          'basicPersonalDataSubjects',
          'sensitivePersonalDataSubjects',
          'riskAssessedLevel',
        ]),
      );
      expect(ids).not.toContain('publicServiceLevel');
      const systemType = res.body.questions[0];
      expect(systemType.text).toMatch(/hệ thống/i);
      expect(systemType.options.map((o: { value: string }) => o.value)).toEqual([
        'INTERNAL',
        'CITIZEN_BUSINESS',
        'INFRASTRUCTURE',
        'INDUSTRIAL_CONTROL',
        'OTHER',
      ]);
    });

    it('asks ND85 questions for an ND85 date', async () => {
      const res = await t.http().get('/api/v1/classification/questionnaire?asOf=2025-03-01').set(auth()).expect(200);
      expect(res.body.regime).toBe('ND85');
      expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining(['publicServiceLevel', 'users']));
    });

    it('rejects an unknown regime', async () => {
      expectProblem(await t.http().get('/api/v1/classification/questionnaire?regime=ND1').set(auth()), 422, 'VALIDATION_FAILED');
    });
  });

  describe('GET /api/v1/classification/rulebooks/:regime', () => {
    it('lists every criterion with its article', async () => {
      const res = await t.http().get('/api/v1/classification/rulebooks/ND85').set(auth()).expect(200);
      expect(res.body.rules.length).toBeGreaterThanOrEqual(20);
      expect(res.body.rules.every((r: { article: string }) => /Điều \d+/.test(r.article))).toBe(true);
      expectProblem(await t.http().get('/api/v1/classification/rulebooks/ND1').set(auth()), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/v1/requirements', () => {
    it('lists what a level-3 security plan must answer, grouped, mapped to TCVN 11930:2017', async () => {
      const res = await t.http().get('/api/v1/requirements?level=3').set(auth()).expect(200);
      expect(res.body.catalogue).toMatchObject({ id: 'TT12-2022', standard: 'TCVN 11930:2017' });
      expect(res.body.total).toBe(66);
      expect(res.body.items.filter((r: { kind: string }) => r.kind === 'MANAGEMENT')).toHaveLength(22);
      expect(res.body.items.find((r: { tcvnClause: string | null }) => r.tcvnClause)?.tcvnClause).toMatch(/^7\./);
      expect(res.body.groups.map((g: { groupName: string }) => g.groupName)).toContain('Thiết lập chính sách an toàn thông tin');
    });

    it('filters by kind and lists the catalogues, the successor standards marked as planned', async () => {
      const res = await t.http().get('/api/v1/requirements?level=1&kind=TECHNICAL').set(auth()).expect(200);
      expect(res.body.total).toBe(19);
      const catalogues = await t.http().get('/api/v1/requirements/catalogues').set(auth()).expect(200);
      expect(catalogues.body.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
        'TT12-2022:available',
        'TCVN-14423-2025:planned',
        'TCVN-14423-2026:planned',
      ]);
    });

    it('rejects a level outside 1–5, a missing level and a catalogue without data', async () => {
      expectProblem(await t.http().get('/api/v1/requirements?level=6').set(auth()), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/requirements').set(auth()), 422, 'VALIDATION_FAILED');
      expectProblem(
        await t.http().get('/api/v1/requirements?level=2&catalogue=TCVN-14423-2026').set(auth()),
        422,
        'REQUIREMENT_CATALOGUE_NOT_AVAILABLE',
      );
    });
  });
});
