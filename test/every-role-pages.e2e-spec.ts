import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from './support/dossier-fixtures';
import { decide } from './support/procedure-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Issue 21 points 6 and 7: every role's pages lead somewhere (the administrator's report chooser and national view,
 * a Vietnamese 404 page, people named by name and title), and approvals are not dated in the future without a
 * confirmation — a decision dated after a report's day does not count in that day's report.
 */
describe("every role's pages lead somewhere; approvals not dated in the future", () => {
  let t: TestApp;
  let clock: Clock;
  const sessions = new Map<string, WebSession>();
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const browser = async (username: string): Promise<WebSession> => {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  };
  const page = async (username: string | null, path: string): Promise<request.Response> =>
    username
      ? t
          .http()
          .get(path)
          .set('cookie', (await browser(username)).cookie)
      : t.http().get(path);

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    clock.setFixed(undefined);
    await t.close();
  });

  describe('the report page for every role (point 6)', () => {
    it('gives the administrator the whole country first, with a province chooser — not a dead end', async () => {
      const res = await page('admin', '/bao-cao');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Toàn quốc');
      expect(res.text).toContain('<select id="tinh" name="tinh"');
      expect(res.text).toMatch(/<option value="SL"[^>]*>[^<]*\(SL\)<\/option>/);
      // No body to choose before a province is chosen.
      expect(res.text).toMatch(/<select id="coQuan" name="coQuan"[^>]* disabled>/);
    });

    it('shows a chosen province, its bodies to choose from, and a chosen body with the units under it', async () => {
      const province = await page('admin', '/bao-cao?tinh=SL');
      expect(province.status).toBe(200);
      expect(province.text).toMatch(/<option value="SL" selected>/);
      expect(province.text).toContain('Sau phê duyệt');
      const [{ id: ubnd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-UBND'`);
      expect(province.text).toContain(`<option value="${ubnd}"`);
      const body = await page('admin', `/bao-cao?tinh=SL&coQuan=${ubnd}`);
      expect(body.status).toBe(200);
      expect(body.text).toMatch(new RegExp(`<option value="${ubnd}" selected>`));
      // The files carry the scope chosen.
      expect(body.text).toContain(`rootAgency=${ubnd}`);
    });

    it('refuses a province or a body that is not in the lists beside its field (422), never a 500', async () => {
      const province = await page('admin', '/bao-cao?tinh=ZZ');
      expect(province.status).toBe(422);
      expect(province.text).toContain('id="tinh-err"');
      expect(province.text).toContain('Toàn quốc');
      const body = await page('admin', `/bao-cao?tinh=SL&coQuan=${randomUUID()}`);
      expect(body.status).toBe(422);
      expect(body.text).toContain('id="coQuan-err"');
      const junk = await page('admin', '/bao-cao?tinh=%00%27&coQuan=abc');
      expect(junk.status).toBe(422);
    });

    it.each([
      ['lanhdao', 'UBND tỉnh Sơn La'],
      ['thamdinh', 'UBND tỉnh Sơn La'],
      ['thutruong.sl-so-xd', 'Sở Xây dựng'],
    ])('%s sees its own scope and no chooser; a province in the address is ignored', async (username, title) => {
      const res = await page(username, '/bao-cao?tinh=HN');
      expect(res.status).toBe(200);
      expect(res.text).toContain(title);
      expect(res.text).not.toContain('id="tinh"');
    });

    it("an officer's report page is its own agency's figures (the annual report form beside them), no chooser", async () => {
      const res = await page('canbo.sl-so-xd', '/bao-cao?tinh=HN');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Sở Xây dựng');
      expect(res.text).not.toContain('id="tinh"');
    });

    it('API: the approval-rate report for an administrator without a province is the national view; a leader keeps its province', async () => {
      const admin = await t.login('admin');
      const national = await t.http().get('/api/v1/reports/approval-rate').set(as(admin)).expect(200);
      expect(national.body.scope).toEqual({ provinceCode: null, rootAgency: null, title: 'Toàn quốc' });
      const explicit = await t.http().get('/api/v1/reports/approval-rate').query({ scope: 'national' }).set(as(admin)).expect(200);
      expect(national.body.agencies).toEqual(explicit.body.agencies);
      const leader = await t
        .http()
        .get('/api/v1/reports/approval-rate')
        .set(as(await t.login('lanhdao')))
        .expect(200);
      expect(leader.body.scope.provinceCode).toBe('SL');
      expectProblem(await t.http().get('/api/v1/reports/approval-rate').query({ province: 'sl' }).set(as(admin)), 422, 'VALIDATION_FAILED');
    });
  });

  describe('the 404 page (point 6)', () => {
    it('answers an unknown address outside /api/ with a Vietnamese page, status 404, a link home; the API keeps problem+json', async () => {
      const res = await page(null, '/khong-co-trang-nay');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('<html lang="vi">');
      expect(res.text).toContain('Không tìm thấy trang này');
      expect(res.text).toContain('href="/"');
      expect(res.text).toContain('href="/dang-nhap"');
      expectProblem(await t.http().get('/api/v1/khong-co'), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await t.http().post('/api/khong-co').send({}), 404, 'ROUTE_NOT_FOUND');
    });

    it('shows the menu to a signed-in user, and the same page for an unknown id on a page', async () => {
      const unknown = await page('canbo.sl-so-xd', '/khong-co-trang-nay');
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('aria-label="Chức năng chính"');
      expect(unknown.text).toContain('Cán bộ Sở Xây dựng');
      expect(unknown.text).not.toContain('href="/dang-nhap"');
      const dossier = await page('canbo.sl-so-xd', `/ho-so/${randomUUID()}`);
      expect(dossier.status).toBe(404);
      expect(dossier.text).toContain('Không tìm thấy trang này');
      expect(dossier.text).toContain('aria-label="Chức năng chính"');
    });

    it('a forged or expired session cookie only loses the menu', async () => {
      const res = await t.http().get('/khong-co').set('cookie', 'capdo_session=not-a-token');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('aria-label="Chức năng chính"');
    });
  });

  describe('approvals dated in the future (point 7) and names in the history (point 6)', () => {
    let id: string;
    const fields = {
      decisionNumber: '31/QĐ-CAT',
      signerName: 'Nguyễn Văn B',
      signerTitle: 'Giám đốc Công an tỉnh',
      level: 2,
    };
    const version = async (token: string) => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(token)).expect(200)).body.version;
    const report = async (token: string, asOf: string) =>
      (await t.http().get('/api/v1/reports/approval-rate').query({ asOf }).set(as(token)).expect(200)).body;

    beforeAll(async () => {
      clock.setFixed('2026-12-01');
      const officer = await t.login('canbo.sl-so-xd');
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'TL-1', 'Hệ thống thử ngày quyết định');
      ({ id } = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS));
      await t
        .http()
        .post(`/api/v1/dossiers/${id}/actions/submit`)
        .set(as(officer))
        .send({ version: await version(officer) })
        .expect(200);
      const appraiser = await t.login('thamdinh');
      await t
        .http()
        .post(`/api/v1/dossiers/${id}/actions/start-appraisal`)
        .set(as(appraiser))
        .send({ version: await version(appraiser) })
        .expect(200);
    });

    it('ND30/2020 Art. 15.2: a decision dated tomorrow is refused (422) with the field to confirm, nothing written', async () => {
      const appraiser = await t.login('thamdinh');
      const before = await version(appraiser);
      const res = await decide(t, appraiser, id, 'approve', { version: before, ...fields, decisionDate: '2026-12-02' });
      const body = expectProblem(res, 422, 'DECISION_DATE_IN_FUTURE');
      expect(body.detail).toContain('02/12/2026');
      expect(Object.keys(body.errors as object)).toEqual(['confirmFutureDate']);
      expect(await version(appraiser)).toBe(before);
      expectProblem(
        await decide(t, appraiser, id, 'approve', { version: before, ...fields, decisionDate: '2026-12-02', confirmFutureDate: 'có' }),
        422,
        'VALIDATION_FAILED',
      );
    });

    it('the page shows the refusal with the confirmation box and the date', async () => {
      const s = await browser('thamdinh');
      const res = await t
        .http()
        .post(`/tham-dinh/${id}/phe-duyet`)
        .set('cookie', s.cookie)
        .set('x-csrf-token', s.csrf)
        .field('version', String(await version(await t.login('thamdinh'))))
        .field('decisionNumber', fields.decisionNumber)
        .field('decisionDate', '02/12/2026')
        .field('signerName', fields.signerName)
        .field('signerTitle', fields.signerTitle)
        .field('level', '2')
        .attach('file', PDF, 'quyet-dinh.pdf');
      expect(res.status).toBe(422);
      expect(res.text).toContain('name="confirmFutureDate" value="true"');
      expect(res.text).toContain('Tôi xác nhận quyết định ghi ngày 02/12/2026 (sau hôm nay)');
    });

    it('confirmed, it is approved; today\u2019s report does not count it, tomorrow\u2019s does', async () => {
      const leader = await t.login('lanhdao');
      const todayBefore = await report(leader, '2026-12-01');
      const appraiser = await t.login('thamdinh');
      const approved = await decide(t, appraiser, id, 'approve', {
        version: await version(appraiser),
        ...fields,
        decisionDate: '2026-12-02',
        confirmFutureDate: 'true',
      }).expect(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', workflow: { decision: { date: '2026-12-02' } } });
      const today = await report(leader, '2026-12-01');
      const tomorrow = await report(leader, '2026-12-02');
      expect(today.systems.withApprovedLevel).toBe(todayBefore.systems.withApprovedLevel);
      expect(tomorrow.systems.withApprovedLevel).toBe(todayBefore.systems.withApprovedLevel + 1);
      const row = (r: { agencyRows: { code: string; firstApprovedAt: string | null }[] }) =>
        r.agencyRows.find((a) => a.code === 'SL-SO-XD')!;
      expect(row(today).firstApprovedAt === null || row(today).firstApprovedAt! < '2026-12-02').toBe(true);
      expect(row(tomorrow).firstApprovedAt).not.toBeNull();
    });

    it("the owner's head sees the same confirmation on the dossier page (level 3, Mẫu 06) and approves once confirmed", async () => {
      const officer = await t.login('canbo.sl-so-xd');
      const systemId = await createSystem(t, officer, 'SL-SO-XD', 'TL-3', 'Hệ thống cấp độ 3 thử ngày quyết định');
      const { id: level3 } = await createCompleteDossier(t, officer, systemId);
      const v = async () => (await t.http().get(`/api/v1/dossiers/${level3}`).set(as(officer)).expect(200)).body.version;
      const act = async (token: string, action: string, body: object = {}) =>
        t
          .http()
          .post(`/api/v1/dossiers/${level3}/actions/${action}`)
          .set(as(token))
          .send({ version: await v(), ...body })
          .expect(200);
      const appraiser = await t.login('thamdinh');
      await act(officer, 'submit');
      await act(appraiser, 'start-appraisal');
      await act(appraiser, 'appraise', { conclusion: 'SUITABLE', opinions: 'Phù hợp' });
      await act(officer, 'request-approval', { submissionNumber: '12/TTr-SXD' });
      const s = await browser('thutruong.sl-so-xd');
      const post = async (extra: Record<string, string>) => {
        let req = t
          .http()
          .post(`/ho-so/${level3}/phe-duyet`)
          .set('cookie', s.cookie)
          .set('x-csrf-token', s.csrf)
          .field('version', String(await v()))
          .field('decisionNumber', '51/QĐ-SXD')
          .field('decisionDate', '02/12/2026')
          .field('signerName', 'Lò Văn C')
          .field('signerTitle', 'Giám đốc Sở Xây dựng')
          .field('level', '3');
        for (const [k, value] of Object.entries(extra)) req = req.field(k, value);
        return req.attach('file', PDF, 'quyet-dinh.pdf');
      };
      const refused = await post({});
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Tôi xác nhận quyết định ghi ngày 02/12/2026 (sau hôm nay)');
      expect((await t.http().get(`/api/v1/dossiers/${level3}`).set(as(officer))).body.status).toBe('AWAITING_APPROVAL');
      const approved = await post({ confirmFutureDate: 'true' });
      expect([200, 303]).toContain(approved.status);
      expect((await t.http().get(`/api/v1/dossiers/${level3}`).set(as(officer))).body.status).toBe('APPROVED');
    });

    it("the history names people by full name and title, keeping the username for the API's callers", async () => {
      const officer = await t.login('canbo.sl-so-xd');
      const history = (await t.http().get(`/api/v1/dossiers/${id}/history`).set(as(officer)).expect(200)).body;
      const submit = history.find((e: { action: string }) => e.action === 'submit');
      expect(submit).toMatchObject({ actor: 'canbo.sl-so-xd', actorName: 'Cán bộ Sở Xây dựng, Chuyên viên' });
      const approve = history.find((e: { action: string }) => e.action === 'approve');
      expect(approve.actorName).toBe('Cán bộ thẩm định Công an tỉnh, Cán bộ thẩm định, Công an tỉnh');
      const dossierPage = await page('canbo.sl-so-xd', `/ho-so/${id}`);
      expect(dossierPage.text).toContain('Cán bộ Sở Xây dựng, Chuyên viên');
      expect(dossierPage.text).not.toMatch(/\), canbo\.sl-so-xd/);
      const audit = await page('admin', '/quan-tri/nhat-ky');
      expect(audit.text).toContain('Quản trị hệ thống, Quản trị viên hệ thống');
      const me = await t.http().get('/api/v1/auth/me').set(as(officer)).expect(200);
      expect(me.body.title).toBe('Chuyên viên');
    });
  });
});
