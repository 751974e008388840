import request from 'supertest';
import { createCompleteDossier, createSystem } from './support/dossier-fixtures';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

/** Issue 16, points 8 and 11: headers on every response, proxies trusted only when configured, __Host- cookies, /assets 404. */
const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');
const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];

function expectSecurityHeaders(res: request.Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('security headers and proxies, default configuration', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('puts the security headers on API JSON, problems, downloads, pages, assets and unknown routes', async () => {
    const token = await t.login('canbo.sl-so-xd');
    const systemId = await createSystem(t, token, 'SL-SO-XD', 'HDR-1', 'Hệ thống thử tiêu đề');
    const dossier = await createCompleteDossier(t, token, systemId);
    const [{ id: attachmentId }] = await t.db.query(`SELECT id FROM dossier_attachments WHERE dossier_id = $1 LIMIT 1`, [dossier.id]);
    const auth = { authorization: `Bearer ${token}` };
    const api = [
      await t.http().get('/api/health'),
      await t.http().get('/api/v1/auth/me').set(auth).expect(200),
      await t.http().get('/api/v1/auth/me').expect(401),
      await t.http().get('/api/v1/khong-co').expect(404),
      await t.http().get(`/api/v1/dossiers/${dossier.id}/attachments/${attachmentId}`).set(auth).expect(200),
      await t.http().get(`/api/v1/dossiers/${dossier.id}/documents/mau-02.pdf`).set(auth).expect(200),
    ];
    for (const res of api) {
      expectSecurityHeaders(res);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const page = await t.http().get('/dang-nhap').expect(200);
    expectSecurityHeaders(page);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    for (const res of [
      await t.http().get('/assets/app.css').expect(200),
      await t.http().get('/khong-co').expect(404),
      await t.http().get('/api/docs/').expect(200),
    ]) {
      expectSecurityHeaders(res);
    }
    // assets stay cacheable: nothing in them depends on who asks
    expect((await t.http().get('/assets/app.css')).headers['cache-control']).toMatch(/max-age/);
  });

  it('believes no X-Forwarded-For without TRUST_PROXY: a guesser cannot take a new address for every try', async () => {
    for (let i = 0; i < 5; i++)
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', `203.0.113.${i}`)
        .send({ username: 'lanhdao', password: 'sai' })
        .expect(401);
    expectProblem(
      await t.http().post('/api/v1/auth/login').set('x-forwarded-for', '203.0.113.99').send({ username: 'lanhdao', password: 'demo1234' }),
      429,
      'LOGIN_THROTTLED',
    );
    const rows: { address: string }[] = await t.db.query(`SELECT DISTINCT address FROM login_throttle`);
    expect(rows.map((r) => r.address)).not.toContain('203.0.113.0');
  });

  it('answers a missing asset and path traversal with a 404 problem, never a 500', async () => {
    for (const path of [
      '/assets/khong-co.css',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/fonts/..%2f..%2fpackage.json',
      '/assets/fonts/khong-co.ttf',
      '/assets/',
      '/assets/%00',
    ]) {
      const res = await t.http().get(path);
      expectProblem(res, 404, 'NOT_FOUND');
      expectSecurityHeaders(res);
      expect(res.text).not.toContain('"name"');
    }
  });
});

describe('security headers and proxies behind a configured proxy', () => {
  it('takes the client address and scheme from a trusted proxy only, and sends HSTS over HTTPS', async () => {
    const t = await withEnv({ TRUST_PROXY: 'loopback' }, () => createTestApp());
    try {
      const overHttps = await t.http().get('/api/health').set('x-forwarded-proto', 'https');
      expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect((await t.http().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
      for (let i = 0; i < 5; i++)
        await t
          .http()
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', '203.0.113.50')
          .send({ username: 'lanhdao', password: 'sai' })
          .expect(401);
      expectProblem(
        await t
          .http()
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', '203.0.113.50')
          .send({ username: 'lanhdao', password: 'demo1234' }),
        429,
        'LOGIN_THROTTLED',
      );
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', '203.0.113.51')
        .send({ username: 'lanhdao', password: 'demo1234' })
        .expect(200);
      // a session started over https is Secure even without PUBLIC_URL https
      const form = await t.http().get('/dang-nhap').set('x-forwarded-proto', 'https').expect(200);
      const res = await t
        .http()
        .post('/dang-nhap')
        .set('x-forwarded-proto', 'https')
        .set('cookie', jar(cookiesOf(form)))
        .type('form')
        .send({ username: 'thamdinh', password: 'demo1234', _csrf: csrfFrom(form.text) })
        .expect(303);
      expect(cookiesOf(res).find((c) => c.startsWith('capdo_session='))).toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });

  it('with PUBLIC_URL https: __Host- cookies, Secure, Path=/, no Domain, read back by the pages; HSTS on every answer', async () => {
    const t = await withEnv({ PUBLIC_URL: 'https://capdo.sonla.gov.vn' }, () => createTestApp());
    try {
      const form = await t.http().get('/dang-nhap').expect(200);
      expect(form.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const csrfCookie = cookiesOf(form).find((c) => c.startsWith('__Host-capdo_csrf='))!;
      expect(csrfCookie).toMatch(/; Secure/);
      const res = await t
        .http()
        .post('/dang-nhap')
        .set('cookie', jar(cookiesOf(form)))
        .type('form')
        .send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrfFrom(form.text) })
        .expect(303);
      const cookies = cookiesOf(res);
      for (const name of ['__Host-capdo_session=', '__Host-capdo_csrf=']) {
        const cookie = cookies.find((c) => c.startsWith(name))!;
        expect(cookie).toMatch(/; Path=\/(;|$)/);
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/; HttpOnly/);
        expect(cookie).not.toMatch(/Domain=/i);
      }
      const session = jar(cookies);
      const home = await t.http().get('/ho-so').set('cookie', session).expect(200);
      await t.http().get('/api/v1/auth/me').set('cookie', session).expect(200);
      // the bare name is not read on an https deployment: a cookie planted by a plain-http page is ignored
      await t
        .http()
        .get('/ho-so')
        .set('cookie', session.replace(/__Host-/g, ''))
        .expect(303);
      await t
        .http()
        .post('/dang-xuat')
        .set('cookie', session)
        .type('form')
        .send({ _csrf: csrfFrom(home.text) })
        .expect(303);
    } finally {
      await t.close();
    }
  });
});
