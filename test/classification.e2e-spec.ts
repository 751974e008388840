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
