import request from 'supertest';
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
    const res = await t.http().post('/dang-nhap').set('cookie', jar(cookies)).type('form').send({ username, password: 'demo1234', _csrf: csrfFrom(form.text) }).expect(303);
    return jar(cookiesOf(res));
  }

  it('redirects a page without a session to the sign-in page, and remembers where to come back', async () => {
    const res = await t.http().get('/ho-so').expect(303);
    expect(res.headers.location).toBe('/dang-nhap?tiep=%2Fho-so');
  });

  it('signs in with an http-only, SameSite=Lax session cookie, Secure behind HTTPS', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    expect(form.text).toContain('Đăng nhập');
    const res = await t.http().post('/dang-nhap').set('cookie', jar(cookiesOf(form))).set('x-forwarded-proto', 'https').type('form').send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrfFrom(form.text), tiep: '/he-thong' }).expect(303);
    expect(res.headers.location).toBe('/he-thong');
    const session = cookiesOf(res).find((c) => c.startsWith('capdo_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Secure/);
  });

  it('shows a wrong password next to the form in Vietnamese and keeps the username', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    const res = await t.http().post('/dang-nhap').set('cookie', jar(cookiesOf(form))).type('form').send({ username: 'canbo.sl-so-xd', password: 'sai-mat-khau', _csrf: csrfFrom(form.text) }).expect(401);
    expect(res.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(res.text).toContain('value="canbo.sl-so-xd"');
  });

  it('refuses a form post without the CSRF token, or with another browser\'s', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    const other = await t.http().get('/dang-nhap').expect(200);
    const res = await t.http().post('/dang-xuat').set('cookie', cookies).type('form').send({}).expect(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Biểu mẫu đã hết hạn');
    await t.http().post('/dang-xuat').set('cookie', cookies).type('form').send({ _csrf: csrfFrom(other.text) }).expect(403);
  });

  it('accepts the session cookie for reading the API, never for changing it', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    await t.http().get('/api/v1/auth/me').set('cookie', cookies).expect(200);
    const [{ id }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const res = await t.http().post('/api/v1/systems').set('cookie', cookies).type('form').send({ code: 'X', name: 'X', ownerAgencyId: id });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('keeps each role to its pages: an officer gets a Vietnamese 403 page for the appraisal queue', async () => {
    const cookies = await signIn('canbo.sl-so-xd');
    const res = await t.http().get('/tham-dinh').set('cookie', cookies).expect(403);
    expect(res.text).toContain('Không có quyền');
  });
});
