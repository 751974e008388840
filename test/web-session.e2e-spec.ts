import request from 'supertest';
import { createCompleteDossier, createSystem, PDF } from './support/dossier-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

/** The web pages' session: cookie flags, CSRF, redirects to the sign-in page, and the API left as it was. */
describe('web sessions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');

  async function signIn(username: string): Promise<string> {
    const form = await t.http().get('/dang-nhap').expect(200);
    const cookies = cookiesOf(form);
    const res = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookies))
      .type('form')
      .send({ username, password: 'demo1234', _csrf: csrfFrom(form.text) })
      .expect(303);
    return jar(cookiesOf(res));
  }

  it('redirects a page without a session to the sign-in page, and remembers where to come back', async () => {
    const res = await t.http().get('/ho-so').expect(303);
    expect(res.headers.location).toBe('/dang-nhap?tiep=%2Fho-so');
  });

  it('signs in with an http-only, SameSite=Lax session cookie, not Secure over plain http even when an unknown client claims https', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    expect(form.text).toContain('Đăng nhập');
    // Without TRUST_PROXY nobody is believed about the scheme (the https case: test/security-headers.e2e-spec.ts).
    const res = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .set('x-forwarded-proto', 'https')
      .type('form')
      .send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrfFrom(form.text), tiep: '/he-thong' })
      .expect(303);
    expect(res.headers.location).toBe('/he-thong');
    const session = cookiesOf(res).find((c) => c.startsWith('capdo_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure|Domain/);
  });

  it('shows a wrong password next to the form in Vietnamese and keeps the username', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    const res = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username: 'canbo.sl-so-xd', password: 'sai-mat-khau', _csrf: csrfFrom(form.text) })
      .expect(401);
    expect(res.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(res.text).toContain('value="canbo.sl-so-xd"');
  });

  it("refuses a form post without the CSRF token, or with another browser's", async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    const other = await t.http().get('/dang-nhap').expect(200);
    const res = await t.http().post('/dang-xuat').set('cookie', cookies).type('form').send({}).expect(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Biểu mẫu đã hết hạn');
    await t
      .http()
      .post('/dang-xuat')
      .set('cookie', cookies)
      .type('form')
      .send({ _csrf: csrfFrom(other.text) })
      .expect(403);
  });

  it('binds the CSRF token to the session: a token of one session fails in another with the same cookie secret', async () => {
    const officer = await signIn('canbo.sl-so-xd');
    const appraiser = await signIn('thamdinh');
    const secretOf = (cookies: string) => /capdo_csrf=([^;]+)/.exec(cookies)![1];
    const sessionOf = (cookies: string) => /capdo_session=([^;]+)/.exec(cookies)![1];
    const officerToken = csrfFrom((await t.http().get('/thong-bao').set('cookie', officer).expect(200)).text);
    // the appraiser's session with the officer's CSRF secret: only the session differs
    const mixed = `capdo_session=${sessionOf(appraiser)}; capdo_csrf=${secretOf(officer)}`;
    await t.http().post('/dang-xuat').set('cookie', mixed).type('form').send({ _csrf: officerToken }).expect(403);
    const ownToken = csrfFrom((await t.http().get('/thong-bao').set('cookie', mixed).expect(200)).text);
    expect(ownToken).not.toBe(officerToken);
    await t.http().post('/dang-xuat').set('cookie', mixed).type('form').send({ _csrf: ownToken }).expect(303);
  });

  it('takes the token from the X-CSRF-Token header (htmx, uploads) and never from the query string', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    const page = await t.http().get('/ho-so').set('cookie', cookies).expect(200);
    const token = csrfFrom(page.text);
    expect(page.text).toContain(`hx-headers='{"X-CSRF-Token": "${token}"}'`);
    const missing = '00000000-0000-4000-8000-000000000000';
    const upload = () =>
      t
        .http()
        .post(`/ho-so/${missing}/tep`)
        .set('cookie', cookies)
        .field('kind', 'DESIGN_DOCUMENT')
        .attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');
    const byQuery = await upload().query({ _csrf: token }).expect(403);
    expect(byQuery.text).toContain('Biểu mẫu đã hết hạn');
    // past the guard: the dossier does not exist
    await upload().set('x-csrf-token', token).expect(404);
    await t.http().post('/thong-bao/da-doc-tat-ca').set('cookie', cookies).set('x-csrf-token', token).set('hx-request', 'true').expect(303);
  });

  it('uploads from the dossier page with the token in the header, and no token in any URL of the page', async () => {
    const api = await t.login('canbo.sl-so-xd');
    const systemId = await createSystem(t, api, 'SL-SO-XD', 'CSRF-UPLOAD-1', 'Hệ thống thử tải tệp');
    const { id } = await createCompleteDossier(t, api, systemId);
    const cookies = await signIn('canbo.sl-so-xd');
    const page = await t.http().get(`/ho-so/${id}`).set('cookie', cookies).expect(200);
    expect(page.text).toContain(`<form method="post" action="/ho-so/${id}/tep" enctype="multipart/form-data" hx-post="/ho-so/${id}/tep"`);
    expect(page.text).not.toMatch(/[?&](amp;)?_csrf=/);
    const res = await t
      .http()
      .post(`/ho-so/${id}/tep`)
      .set('cookie', cookies)
      .set('x-csrf-token', csrfFrom(page.text))
      .set('hx-request', 'true')
      .field('kind', 'OTHER')
      .attach('file', PDF, 'phu-luc.pdf');
    expect(res.status).toBe(303);
    expect(await t.db.query(`SELECT 1 FROM dossier_attachments WHERE dossier_id = $1 AND file_name = 'phu-luc.pdf'`, [id])).toHaveLength(1);
  });

  it('accepts the session cookie for reading the API, never for changing it', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    await t.http().get('/api/v1/auth/me').set('cookie', cookies).expect(200);
    const [{ id }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const res = await t
      .http()
      .post('/api/v1/systems')
      .set('cookie', cookies)
      .type('form')
      .send({ code: 'X', name: 'X', ownerAgencyId: id });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('keeps each role to its pages: an officer gets a Vietnamese 403 page for the appraisal queue', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    const res = await t.http().get('/tham-dinh').set('cookie', cookies).expect(403);
    expect(res.text).toContain('Không có quyền');
  });
});
