import request from 'supertest';
import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, LEVEL3_FACTS } from './support/dossier-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Issue 19 point 1 (docs/legal/regime-by-act.md): the regime follows the date of each act, not the day a draft was opened
 * (Law 64/2025 Art. 58.2; Decree 331 Art. 38). A draft opened on 18/08/2026 and sent after 19/08/2026 is re-evaluated
 * under Decree 331 at submission; the Art. 39.1 carve-out follows the system's facts, only within its window; the
 * 12-month compliance date is kept on the system.
 */
describe('the regime of each act (Law 64/2025 Art. 58.2; ND331 Arts. 38, 39.1)', () => {
  let t: TestApp;
  let clock: Clock;
  let officer: string;
  let otherOfficer: string;
  let appraiser: string;
  let counter = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = async (id: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(officer)).expect(200)).body;
  const submit = async (id: string) =>
    t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/submit`)
      .set(as(officer))
      .send({ version: (await get(id)).version });
  const eventsOf = async (id: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM dossier_events WHERE dossier_id = $1`, [id]))[0].n as number;
  /** Decree 85 answers of a one-stop system: online public service of level 3 or more, personal data (ND85 Art. 9.2.a). */
  const ONE_STOP_ND85 = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], publicServiceLevel: 'GE3', users: 4000 };

  async function system(extra: object = {}): Promise<string> {
    const id = await createSystem(t, officer, 'SL-SO-XD', `RBA-${++counter}`, `Hệ thống thử chế độ pháp lý ${counter}`);
    if (Object.keys(extra).length === 0) return id;
    const version = (await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200)).body.version;
    await t
      .http()
      .patch(`/api/v1/systems/${id}`)
      .set(as(officer))
      .send({ version, ...extra })
      .expect(200);
    return id;
  }

  /** The page as the officer's browser sees it. */
  async function page(path: string): Promise<string> {
    const cookies = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const jar = (list: string[]) => list.map((c) => c.split(';')[0]).join('; ');
    const form = await t.http().get('/dang-nhap').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const signedIn = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookies(form)))
      .type('form')
      .send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrf })
      .expect(303);
    const cookie = jar([...cookies(form).filter((c) => !c.startsWith('capdo_session=')), ...cookies(signedIn)]);
    return (await t.http().get(path).set('cookie', cookie).expect(200)).text;
  }

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
    [officer, otherOfficer, appraiser] = await Promise.all(['canbo.sl-so-xd', 'canbo.sl-so-yt', 'thamdinh'].map((u) => t.login(u)));
  });
  afterEach(() => clock.setFixed(undefined));
  afterAll(() => t.close());

  describe('a draft opened on 18/08/2026 and submitted on 20/08/2026', () => {
    let id: string;
    beforeAll(async () => {
      clock.setFixed('2026-08-18');
      id = (await createCompleteDossier(t, officer, await system(), ONE_STOP_ND85)).id;
      clock.setFixed(undefined);
    });

    it('was opened under Decree 85', async () => {
      expect(await get(id)).toMatchObject({ regime: 'ND85', computedLevel: 3, transitionalProject: false });
    });

    it('is refused at submission, told what changed and which facts Decree 331 needs, nothing written', async () => {
      clock.setFixed('2026-08-20');
      const before = { version: (await get(id)).version, events: await eventsOf(id) };
      const body = expectProblem(await submit(id), 422, 'DOSSIER_REGIME_CHANGED');
      expect(body.detail).toContain('Nghị định 331/2026/NĐ-CP');
      expect(body.detail).toContain('Khoản 2 Điều 58 Luật số 64/2025/QH15');
      expect(body.detail).toContain('20/08/2026');
      expect(body.regimeChange).toMatchObject({ from: 'ND85', to: 'ND331', basis: 'ND331_IN_FORCE', automatic: false });
      expect(Object.keys(body.errors as object)).toEqual(
        expect.arrayContaining(['facts.handlesAdminProcedures', 'facts.basicPersonalDataSubjects', 'facts.sensitivePersonalDataSubjects']),
      );
      const after = await get(id);
      expect({ version: after.version, regime: after.regime, status: after.status, events: await eventsOf(id) }).toEqual({
        ...before,
        regime: 'ND85',
        status: 'DRAFT',
      });
    });

    it('new facts on 20/08/2026 re-run the classification under Decree 331; then it is sent under Decree 331', async () => {
      clock.setFixed('2026-08-20');
      const before = await get(id);
      const patched = await t
        .http()
        .patch(`/api/v1/dossiers/${id}`)
        .set(as(officer))
        .send({ version: before.version, facts: LEVEL3_FACTS })
        .expect(200);
      expect(patched.body).toMatchObject({ regime: 'ND331', computedLevel: 3, proposedLevel: 3 });
      expect(patched.body.rulebookVersion).not.toBe(before.rulebookVersion);
      const sent = await submit(id);
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'SUBMITTED', regime: 'ND331' });
      expect(sent.body.regimeChange).toBeUndefined();
    });
  });

  it('a draft whose level Decree 331 settles the same is switched at submission and says so', async () => {
    clock.setFixed('2026-08-18');
    const { id } = await createCompleteDossier(t, officer, await system(), LEVEL2_FACTS);
    expect((await get(id)).regime).toBe('ND85');
    clock.setFixed('2026-08-25');
    const sent = await submit(id);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'SUBMITTED', regime: 'ND331', computedLevel: 2 });
    expect(sent.body.regimeChange).toMatchObject({ from: 'ND85', to: 'ND331', automatic: true });
    expect(sent.body.regimeChange.message).toContain('không thay đổi');
    const [event] = await t.db.query(`SELECT details FROM dossier_events WHERE dossier_id = $1 AND action = 'submit'`, [id]);
    expect(event.details.regimeChange).toMatchObject({ from: 'ND85', to: 'ND331' });
  });

  describe('the transitional carve-out (ND331 Art. 39.1) follows the system', () => {
    let building: string;
    beforeAll(async () => {
      building = await system({ lifecycle: 'PLANNED', goLiveDate: null, investmentStartDate: '2026-03-01' });
    });

    it('the system records its start date and the 12-month compliance date; the page shows it', async () => {
      const s = (await t.http().get(`/api/v1/systems/${building}`).set(as(officer)).expect(200)).body;
      expect(s).toMatchObject({ investmentStartDate: '2026-03-01', transitional: true, transitionalComplianceDueOn: '2027-06-30' });
      const operating = (
        await t
          .http()
          .get(`/api/v1/systems/${await system()}`)
          .set(as(officer))
          .expect(200)
      ).body;
      expect(operating).toMatchObject({ investmentStartDate: null, transitional: false, transitionalComplianceDueOn: null });
      const html = await page(`/he-thong/${building}`);
      expect(html).toContain('Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP');
      expect(html).toContain('30/06/2027');
      expect(html).toContain('01/03/2026');
      expect(await page(`/he-thong/${building}/sua`)).toContain('name="investmentStartDate"');
    });

    it('inside its window a draft and its submission stay under Decree 85', async () => {
      clock.setFixed('2026-10-01');
      // The level questionnaire asks the questions of the regime of the day for this system.
      const nd85 = 'Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ';
      const nd331 = 'Nghị định 331/2026/NĐ-CP về bảo vệ an ninh mạng đối với hệ thống thông tin';
      const wizard = await page(`/he-thong/${building}/xac-dinh-cap-do`);
      expect([wizard.includes(nd85), wizard.includes(nd331)]).toEqual([true, false]);
      const ordinary = await page(`/he-thong/${await system()}/xac-dinh-cap-do`);
      expect([ordinary.includes(nd85), ordinary.includes(nd331)]).toEqual([false, true]);
      const { id } = await createCompleteDossier(t, officer, building, ONE_STOP_ND85);
      expect(await get(id)).toMatchObject({ regime: 'ND85', transitionalProject: true });
      clock.setFixed('2026-10-02');
      const sent = await submit(id);
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'SUBMITTED', regime: 'ND85', transitionalProject: true });
    });

    it('after its window (31/12/2026) the same draft is refused under Decree 331', async () => {
      clock.setFixed('2026-12-30');
      const { id } = await createCompleteDossier(t, officer, building, ONE_STOP_ND85);
      expect((await get(id)).regime).toBe('ND85');
      clock.setFixed('2027-01-04');
      const body = expectProblem(await submit(id), 422, 'DOSSIER_REGIME_CHANGED');
      expect(body.regimeChange).toMatchObject({ to: 'ND331', basis: 'ND331_AFTER_ART_39_1_WINDOW' });
      expect(body.detail).toContain('Khoản 1 Điều 39');
      expect((await get(id)).status).toBe('DRAFT');
    });

    it('a transitionalProject flag the system contradicts is refused, nothing written', async () => {
      clock.setFixed('2026-10-01');
      const operating = await system();
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM dossiers`))[0].n;
      const before = await count();
      for (const [systemId, flag] of [
        [operating, true],
        [building, false],
      ] as const) {
        const res = await t
          .http()
          .post('/api/v1/dossiers')
          .set(as(officer))
          .send({ systemId, facts: LEVEL2_FACTS, transitionalProject: flag });
        const body = expectProblem(res, 422, 'VALIDATION_FAILED');
        expect((body.errors as Record<string, string[]>).transitionalProject[0]).toContain('Khoản 1 Điều 39');
      }
      expectProblem(
        await t
          .http()
          .post('/api/v1/dossiers')
          .set(as(officer))
          .send({ systemId: operating, facts: LEVEL2_FACTS, transitionalProject: 'yes' }),
        422,
        'VALIDATION_FAILED',
      );
      expect(await count()).toBe(before);
    });
  });

  describe('the start date on the system: bad input and wrong role write nothing', () => {
    let id: string;
    beforeAll(async () => {
      id = await system();
    });
    const current = async () => (await t.http().get(`/api/v1/systems/${id}`).set(as(officer)).expect(200)).body;

    it.each([['2026-02-30'], ['01/03/2026'], [20260301], [true]])('investmentStartDate %p → 422', async (value) => {
      const before = await current();
      expectProblem(
        await t.http().patch(`/api/v1/systems/${id}`).set(as(officer)).send({ version: before.version, investmentStartDate: value }),
        422,
        'VALIDATION_FAILED',
      );
      expect(await current()).toEqual(before);
    });

    it('the compliance date is not the form’s to set → 422', async () => {
      const before = await current();
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/systems/${id}`)
          .set(as(officer))
          .send({ version: before.version, transitionalComplianceDueOn: '2027-06-30' }),
        422,
        'VALIDATION_FAILED',
      );
      expect(await current()).toEqual(before);
    });

    it('an appraiser 403, another agency 404', async () => {
      const before = await current();
      const body = { version: before.version, lifecycle: 'UPGRADING', investmentStartDate: '2026-02-01' };
      expectProblem(await t.http().patch(`/api/v1/systems/${id}`).set(as(appraiser)).send(body), 403, 'FORBIDDEN');
      expectProblem(await t.http().patch(`/api/v1/systems/${id}`).set(as(otherOfficer)).send(body), 404, 'NOT_FOUND');
      expect(await current()).toEqual(before);
    });

    it('a null start date clears it, and the compliance date with it', async () => {
      let s = await current();
      s = (
        await t
          .http()
          .patch(`/api/v1/systems/${id}`)
          .set(as(officer))
          .send({ version: s.version, lifecycle: 'UPGRADING', investmentStartDate: '2026-02-01' })
          .expect(200)
      ).body;
      expect(s.transitionalComplianceDueOn).toBe('2027-06-30');
      s = (
        await t.http().patch(`/api/v1/systems/${id}`).set(as(officer)).send({ version: s.version, investmentStartDate: null }).expect(200)
      ).body;
      expect(s).toMatchObject({ investmentStartDate: null, transitionalComplianceDueOn: null, transitional: false });
    });
  });
});
