import request from 'supertest';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from './support/dossier-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Issue 21, points 1, 2 and 9 on the dossier page: a returned dossier is supplemented on the page (edit, upload, tick
 * the appraiser's requests, resubmit); nothing typed is lost (a requirement row's text and date without a status, an
 * edit conflict merged once seen); refusals link to their fields.
 */
describe('the dossier page: supplement, nothing lost, errors lead to the field', () => {
  let t: TestApp;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const sessions = new Map<string, WebSession>();
  let systemId: string;

  async function browser(username: string): Promise<WebSession> {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  }
  const page = async (username: string, path: string, status = 200): Promise<request.Response> => {
    const res = await t
      .http()
      .get(path)
      .set('cookie', (await browser(username)).cookie);
    expect({ path, status: res.status }).toEqual({ path, status });
    return res;
  };
  const post = async (username: string, path: string, form: Record<string, string | string[]>) => {
    const s = await browser(username);
    return t
      .http()
      .post(path)
      .set('cookie', s.cookie)
      .type('form')
      .send({ ...form, _csrf: s.csrf });
  };
  const dossier = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/dossiers/${id}`)
        .set(as(await t.login('admin')))
        .expect(200)
    ).body;
  const act = async (token: string, id: string, action: string, body: object = {}) =>
    t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/${action}`)
      .set(as(token))
      .send({ version: (await dossier(id)).version, ...body });

  beforeAll(async () => {
    t = await createTestApp();
    systemId = await createSystem(t, await t.login('canbo.sl-so-xd'), 'SL-SO-XD', 'BO-SUNG-1', 'Hệ thống một cửa điện tử');
  }, 120_000);
  afterAll(() => t?.close());

  async function returned(items: unknown[]): Promise<string> {
    const canbo = await t.login('canbo.sl-so-xd');
    const thamdinh = await t.login('thamdinh');
    const { id } = await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS);
    expect((await act(canbo, id, 'submit')).status).toBe(200);
    const res = await act(thamdinh, id, 'return', { items });
    expect(res.status).toBe(200);
    return id;
  }

  it("reproduction: a returned dossier's page is editable, with an upload, for the officer who prepared it", async () => {
    const id = await returned(['Bổ sung sơ đồ mạng']);
    const html = (await page('canbo.sl-so-xd', `/ho-so/${id}`)).text;
    expect(html).not.toContain('chỉ xem, không sửa được');
    expect(html).not.toMatch(/<fieldset[^>]*disabled/);
    expect(html).toContain('Tải lên tệp mới');
    expect(html).toContain('Bổ sung sơ đồ mạng');
    // A role that may not edit reads its role as the reason, never the "Yêu cầu bổ sung" status.
    for (const username of ['lanhdao', 'thamdinh']) {
      const other = (await page(username, `/ho-so/${id}`)).text;
      expect(other).not.toContain('Yêu cầu bổ sung&quot;: chỉ xem');
      expect(other).not.toContain('Yêu cầu bổ sung": chỉ xem');
      expect(other).toMatch(
        /Bạn đang xem với vai trò [^:]+: chỉ xem\. Cán bộ của cơ quan chủ quản hoặc đơn vị vận hành sửa, bổ sung hồ sơ này\./,
      );
      expect(other).toMatch(/<fieldset[^>]*disabled/);
    }
  });

  it('the officer ticks the requests on the page; the ticks are saved, pre-fill the note and reach the appraiser', async () => {
    const id = await returned(['Bổ sung sơ đồ mạng', 'Bổ sung quy chế']);
    let html = (await page('canbo.sl-so-xd', `/ho-so/${id}`)).text;
    expect(html).toContain('name="returnItemsDone" value="1" id="bo-sung-1"');
    const canbo = await t.login('canbo.sl-so-xd');
    // The API does what the page does: the marks are part of the dossier's update.
    const d = await dossier(id);
    const patched = await t
      .http()
      .patch(`/api/v1/dossiers/${id}`)
      .set(as(canbo))
      .send({ version: d.version, returnItemsDone: [1] });
    expect(patched.status).toBe(200);
    expect(patched.body.workflow.returnItemsDone).toEqual([1]);
    html = (await page('canbo.sl-so-xd', `/ho-so/${id}`)).text;
    expect(html).toMatch(/id="bo-sung-1" checked/);
    expect(html).toContain('Đã bổ sung: Bổ sung quy chế.');
    expect((await act(canbo, id, 'submit', { note: 'Đã bổ sung: Bổ sung quy chế.' })).status).toBe(200);
    const appraisal = (await page('thamdinh', `/tham-dinh/${id}`)).text;
    expect(appraisal).toContain('Yêu cầu bổ sung lần trước và phần trả lời');
    expect(appraisal).toMatch(/Bổ sung quy chế — <span class="done">✓ Đã bổ sung/);
    expect(appraisal).toMatch(/Bổ sung sơ đồ mạng — <span class="muted">chưa đánh dấu/);
  });

  it('the page form saves the ticks it shows (and none when all are unticked)', async () => {
    const id = await returned(['Bổ sung sơ đồ mạng', 'Bổ sung quy chế']);
    const d = await dossier(id);
    const res = await post('canbo.sl-so-xd', `/ho-so/${id}`, {
      version: String(d.version),
      proposedLevel: String(d.proposedLevel),
      levelJustification: d.levelJustification,
      returnItemsShown: '1',
      returnItemsDone: ['0', '1'],
    });
    expect(res.status).toBe(303);
    expect((await dossier(id)).workflow.returnItemsDone).toEqual([0, 1]);
  });

  it('refuses marks on a dossier not returned, or beyond the list, with 422 and nothing written', async () => {
    const canbo = await t.login('canbo.sl-so-xd');
    const { id } = await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS);
    let d = await dossier(id);
    let res = await t
      .http()
      .patch(`/api/v1/dossiers/${id}`)
      .set(as(canbo))
      .send({ version: d.version, returnItemsDone: [0] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty('returnItemsDone');
    const returnedId = await returned(['Bổ sung sơ đồ mạng']);
    d = await dossier(returnedId);
    for (const bad of [[1], [-1], ['x'], 'x', [0.5]]) {
      res = await t.http().patch(`/api/v1/dossiers/${returnedId}`).set(as(canbo)).send({ version: d.version, returnItemsDone: bad });
      expect({ bad, status: res.status, type: res.type }).toEqual({ bad, status: 422, type: 'application/problem+json' });
    }
    expect((await dossier(returnedId)).version).toBe(d.version);
  });

  it('refuses the marks to a wrong role and to another agency', async () => {
    const id = await returned(['Bổ sung sơ đồ mạng']);
    const d = await dossier(id);
    const send = async (username: string) =>
      (
        await t
          .http()
          .patch(`/api/v1/dossiers/${id}`)
          .set(as(await t.login(username)))
          .send({ version: d.version, returnItemsDone: [0] })
      ).status;
    expect(await send('thamdinh')).toBe(403);
    expect(await send('lanhdao')).toBe(403);
    expect([403, 404]).toContain(await send('canbo.sl-so-yt'));
    expect((await dossier(id)).workflow.returnItemsDone).toEqual([]);
    // The page of another agency's officer is not editable either.
    const other = await t
      .http()
      .get(`/ho-so/${id}`)
      .set('cookie', (await browser('canbo.sl-so-yt')).cookie);
    expect([403, 404]).toContain(other.status);
  });

  it('reproduction: text and date typed into a "Chưa trả lời" row are refused with the row marked, not dropped', async () => {
    const canbo = await t.login('canbo.sl-so-xd');
    const created = await t
      .http()
      .post('/api/v1/dossiers')
      .set(as(canbo))
      .send({ systemId, facts: LEVEL2_FACTS, levelJustification: 'Theo tiêu chí.' })
      .expect(201);
    const code: string = created.body.plan[0].code;
    const res = await post('canbo.sl-so-xd', `/ho-so/${created.body.id}`, {
      version: String(created.body.version),
      proposedLevel: String(created.body.proposedLevel),
      levelJustification: 'Theo tiêu chí.',
      [`plan.${code}.status`]: '',
      [`plan.${code}.plannedDate`]: '31/12/2026',
      [`plan.${code}.text`]: 'Đã ban hành quy chế an toàn thông tin',
    });
    expect(res.status).toBe(422);
    expect(res.text).not.toContain('Đã lưu hồ sơ');
    expect(res.text).toContain('Đã ban hành quy chế an toàn thông tin');
    expect(res.text).toContain('31/12/2026');
    expect(res.text).toContain('chưa chọn tình trạng');
    const anchor = `yc-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    expect(res.text).toContain(`href="#${anchor}"`);
    expect(res.text).toMatch(/role="alert" tabindex="-1" id="loi" autofocus/);
    expect((await dossier(created.body.id)).version).toBe(created.body.version);
  });

  it('an edit conflict keeps the typed text, shows the other change, and the next save merges', async () => {
    const canbo = await t.login('canbo.sl-so-xd');
    const { id } = await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS);
    const d = await dossier(id);
    const form = (justification: string, version: number) => ({
      version: String(version),
      proposedLevel: String(d.proposedLevel),
      levelJustification: justification,
      'description.overview': d.description.overview,
    });
    expect((await post('canbo.sl-so-xd', `/ho-so/${id}`, form('Bản của tab thứ nhất', d.version))).status).toBe(303);
    const second = await post('canbo.sl-so-xd', `/ho-so/${id}`, form('Bản của tab thứ hai', d.version));
    expect(second.status).toBe(409);
    expect(second.text).toContain('Hồ sơ vừa được lưu ở nơi khác');
    expect(second.text).toContain('Bản của tab thứ nhất');
    expect(second.text).toMatch(/<textarea id="f-levelJustification"[^>]*>Bản của tab thứ hai</);
    expect(second.text).toContain('href="#f-levelJustification"');
    const current = (await dossier(id)).version;
    expect(second.text).toContain(`name="version" value="${current}"`);
    const merged = await post('canbo.sl-so-xd', `/ho-so/${id}`, form('Bản của tab thứ hai', current));
    expect(merged.status).toBe(303);
    expect((await dossier(id)).levelJustification).toBe('Bản của tab thứ hai');
  });

  it('a return without items and "chưa phù hợp" without reasons show the message at their box', async () => {
    const canbo = await t.login('canbo.sl-so-xd');
    const { id } = await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS);
    expect((await act(canbo, id, 'submit')).status).toBe(200);
    let d = await dossier(id);
    let res = await post('thamdinh', `/tham-dinh/${id}/yeu-cau-bo-sung`, { version: String(d.version), items: '  ' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="return-items-err">cần nêu ít nhất một nội dung/);
    expect(res.text).toContain('href="#return-items"');
    expect((await act(await t.login('thamdinh'), id, 'start-appraisal')).status).toBe(200);
    d = await dossier(id);
    res = await post('thamdinh', `/tham-dinh/${id}/tham-dinh`, {
      version: String(d.version),
      conclusion: 'NOT_SUITABLE',
      opinions: 'Chưa đạt',
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="appraise-reasons-err">nêu rõ nội dung chưa phù hợp/);
    expect(res.text).toContain('href="#appraise-reasons"');
    expect((await dossier(id)).status).toBe('UNDER_APPRAISAL');
  });
});
