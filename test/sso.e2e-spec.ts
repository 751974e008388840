import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { cookiesOf, csrfFrom, jar } from './support/web-session';
import {
  ProviderAccount,
  ProviderBrowser,
  startTestProvider,
  TEST_CLIENT_ID,
  TestProvider,
  useProviderEnv,
} from './support/oidc/test-provider';
import { RogueProvider, startRogueProvider } from './support/oidc/rogue-provider';

jest.setTimeout(120_000);

const CAPDO_URL = 'http://127.0.0.1:3999';

/** Keycloak's claim layout: realm roles, groups (as paths), the agency code as a user attribute. */
const ACCOUNTS: Record<string, ProviderAccount> = {
  'new.officer': {
    preferred_username: 'Nguyen.Van.Moi',
    name: 'Nguyễn Văn Mới',
    email: 'moi@sonla.gov.vn',
    agency_code: 'SL-SO-XD',
    realm_access: { roles: ['offline_access', 'capdo-can-bo'] },
    groups: ['/so-xay-dung'],
  },
  'known.officer': {
    preferred_username: 'canbo.sl-so-xd',
    name: 'Cán Bộ Sở Xây Dựng (SSO)',
    agency_code: 'SL-SO-XD',
    realm_access: { roles: ['capdo-can-bo'] },
  },
  'unknown.agency': { preferred_username: 'tran.thi.b', agency_code: 'SL-KHONG-CO', realm_access: { roles: ['capdo-can-bo'] } },
  'no.agency': { preferred_username: 'le.van.c', realm_access: { roles: ['capdo-can-bo'] } },
  'no.role': {
    preferred_username: 'pham.van.d',
    agency_code: 'SL-SO-XD',
    realm_access: { roles: ['offline_access'] },
    groups: ['/phong-ke-toan'],
  },
  'two.roles': { preferred_username: 'hoang.van.e', agency_code: 'SL-SO-XD', realm_access: { roles: ['capdo-can-bo', 'capdo-tham-dinh'] } },
  'no.username': { name: 'Không Tên', agency_code: 'SL-SO-XD', realm_access: { roles: ['capdo-can-bo'] } },
  deactivated: { preferred_username: 'canbo.sl-ca', agency_code: 'SL-CA', realm_access: { roles: ['capdo-can-bo'] } },
  // A provider user carrying the username of capdo's local (break-glass) administrator.
  'local.admin': { preferred_username: 'admin', name: 'Trùng Tên', agency_code: 'SL-SO-XD', realm_access: { roles: ['capdo-can-bo'] } },
};

interface Begun {
  cookie: string;
  authUrl: URL;
  state: string;
}

async function begin(t: TestApp, next = '/he-thong'): Promise<Begun> {
  const res = await t
    .http()
    .get(`/dang-nhap/sso?tiep=${encodeURIComponent(next)}`)
    .expect(303);
  const authUrl = new URL(res.headers.location);
  return { cookie: jar(cookiesOf(res)), authUrl, state: authUrl.searchParams.get('state')! };
}

const openCallback = (t: TestApp, url: URL, cookie: string) => t.http().get(`${url.pathname}${url.search}`).set('cookie', cookie);

async function signInThrough(t: TestApp, browser: ProviderBrowser, login: string): Promise<request.Response> {
  const started = await begin(t);
  const callback = await browser.walk(started.authUrl.toString(), login);
  return openCallback(t, callback, started.cookie);
}

const sessionCookieOf = (res: request.Response) =>
  cookiesOf(res).find((c) => c.startsWith('capdo_session=') && !c.startsWith('capdo_session=;'));

describe('single sign-on through a real OpenID provider (oidc-provider, Keycloak claim layout)', () => {
  let provider: TestProvider;
  let restoreEnv: () => void;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startTestProvider(ACCOUNTS);
    // supertest listens on a new port for each request: capdo's address must not change between redirect and callback.
    restoreEnv = useProviderEnv(provider.issuer, { PUBLIC_URL: CAPDO_URL });
    t = await createTestApp();
    await t.adminQuery(
      `INSERT INTO oidc_role_mappings (claim_value, role) VALUES ('capdo-can-bo', 'AGENCY_OFFICER'), ('capdo-tham-dinh', 'APPRAISER')`,
    );
    await t.adminQuery(`UPDATE users SET active = false WHERE username = 'canbo.sl-ca'`);
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv?.();
    await provider?.stop();
  });

  const audits = (action: string) =>
    t.adminQuery<{ entity_id: string; after: Record<string, unknown> }>(
      `SELECT entity_id, after FROM audit_log WHERE action = $1 ORDER BY id`,
      [action],
    );

  it('shows the single sign-on button on the sign-in page, carrying where to continue', async () => {
    const page = await t.http().get('/dang-nhap?tiep=/he-thong').expect(200);
    expect(page.text).toContain('href="/dang-nhap/sso?tiep=%2Fhe-thong"');
    expect(page.text).toContain('Đăng nhập một lần (SSO)');
    expect(page.text).not.toContain('Dành cho quản trị viên');
  });

  it('sends the browser to the provider with state, nonce and a PKCE S256 challenge, the state in a short http-only cookie', async () => {
    const { authUrl, cookie, state } = await begin(t);
    expect(authUrl.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authUrl.searchParams)).toMatchObject({
      client_id: TEST_CLIENT_ID,
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      redirect_uri: `${CAPDO_URL}/dang-nhap/sso/ve`,
      nonce: expect.any(String),
      code_challenge: expect.any(String),
    });
    expect(cookie).toContain(`capdo_sso=${state}`);
    const [row] = await t.adminQuery<{ next_path: string }>(`SELECT next_path FROM oidc_sign_ins WHERE state = $1`, [state]);
    expect(row.next_path).toBe('/he-thong');
  });

  it('creates the account of an unknown person of a known agency with one mapped role, and signs them in (audited)', async () => {
    const res = await signInThrough(t, new ProviderBrowser(provider.issuer), 'new.officer');
    expect({ status: res.status, location: res.headers.location }).toEqual({ status: 303, location: '/he-thong' });
    const session = sessionCookieOf(res)!;
    expect(session).toContain('HttpOnly');
    const home = await t
      .http()
      .get('/thong-bao')
      .set('cookie', jar([session]))
      .expect(200);
    expect(home.text).toContain('Nguyễn Văn Mới');
    const [user] = await t.adminQuery<Record<string, unknown>>(
      `SELECT u.role, u.oidc_subject, u.email, u.full_name, a.code, u.last_sign_in_at IS NOT NULL AS signed_in
         FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = 'nguyen.van.moi'`,
    );
    expect(user).toEqual({
      role: 'AGENCY_OFFICER',
      oidc_subject: 'new.officer',
      email: 'moi@sonla.gov.vn',
      full_name: 'Nguyễn Văn Mới',
      code: 'SL-SO-XD',
      signed_in: true,
    });
    const [row] = await t.adminQuery<{ via: string; kind: string; has_id_token: boolean }>(
      `SELECT s.via, s.kind, s.id_token IS NOT NULL AS has_id_token FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'nguyen.van.moi'`,
    );
    expect(row).toEqual({ via: 'OIDC', kind: 'WEB', has_id_token: true });
    expect((await audits('CREATE')).filter((a) => a.after.via === 'sso')).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ username: 'nguyen.van.moi', role: 'AGENCY_OFFICER', via: 'sso' }) }),
    ]);
  });

  it('signs a known person in again without a second account; the cookie is not an API bearer token', async () => {
    const res = await signInThrough(t, new ProviderBrowser(provider.issuer), 'new.officer');
    expect(res.status).toBe(303);
    const [{ n }] = await t.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'nguyen.van.moi'`);
    expect(n).toBe(1);
    const token = sessionCookieOf(res)!.split(';')[0].split('=')[1];
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`).expect(401);
  });

  it('links an existing capdo account by its username and brings its name in line with the provider (audited)', async () => {
    const res = await signInThrough(t, new ProviderBrowser(provider.issuer), 'known.officer');
    expect(res.status).toBe(303);
    const [user] = await t.adminQuery<{ oidc_subject: string; full_name: string }>(
      `SELECT oidc_subject, full_name FROM users WHERE username = 'canbo.sl-so-xd'`,
    );
    expect(user).toEqual({ oidc_subject: 'known.officer', full_name: 'Cán Bộ Sở Xây Dựng (SSO)' });
    const updates = (await audits('UPDATE')).filter((a) => a.after.via === 'sso');
    expect(updates).toEqual([
      expect.objectContaining({ after: { fullName: 'Cán Bộ Sở Xây Dựng (SSO)', via: 'sso', linkedToProvider: true } }),
    ]);
  });

  it('does not hold a single sign-on session up on a temporary capdo password (no capdo password to change there)', async () => {
    await t.adminQuery(`UPDATE users SET must_change_password = true WHERE username = 'canbo.sl-so-xd'`);
    try {
      const res = await signInThrough(t, new ProviderBrowser(provider.issuer), 'known.officer');
      const cookie = sessionCookieOf(res)!.split(';')[0];
      const home = await t.http().get('/he-thong').set('cookie', cookie).expect(200);
      expect(home.text).not.toContain('href="/doi-mat-khau"');
    } finally {
      await t.adminQuery(`UPDATE users SET must_change_password = false WHERE username = 'canbo.sl-so-xd'`);
    }
  });

  describe.each([
    ['unknown.agency', 'UNKNOWN_AGENCY', 'thêm cơ quan, đơn vị có mã «SL-KHONG-CO»'],
    ['no.agency', 'NO_AGENCY', 'không ghi mã cơ quan, đơn vị (thuộc tính «agency_code»)'],
    ['no.role', 'NO_ROLE', '«offline_access», «/phong-ke-toan»'],
    ['two.roles', 'SEVERAL_ROLES', 'ứng với nhiều vai trò capdo khác nhau'],
    ['no.username', 'NO_USERNAME', 'không có tên đăng nhập (thuộc tính «preferred_username»)'],
    ['deactivated', 'DEACTIVATED', 'Tài khoản capdo «canbo.sl-ca» đã bị khóa'],
    ['local.admin', 'LOCAL_ADMIN', 'là tài khoản quản trị viên riêng của capdo'],
  ])('refuses %s', (login, reason, says) => {
    it(`answers 403 with a page that says what to ask for, no session, logged and audited (${reason})`, async () => {
      const usersBefore = await t.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      const res = await signInThrough(t, new ProviderBrowser(provider.issuer), login);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('Chưa đăng nhập một lần được vào capdo');
      expect(decodeHtml(res.text)).toContain(says);
      expect(sessionCookieOf(res)).toBeUndefined();
      expect(await t.adminQuery(`SELECT count(*)::int AS n FROM users`)).toEqual(usersBefore);
      const refused = await audits('SSO_REFUSED');
      expect(refused.at(-1)!.after).toMatchObject({ reason });
    });
  });

  it('keeps "where to continue" on this site only (no open redirect through the sign-in)', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/dang-nhap/sso']) {
      const { state } = await begin(t, next);
      const [row] = await t.adminQuery<{ next_path: string }>(`SELECT next_path FROM oidc_sign_ins WHERE state = $1`, [state]);
      expect({ next, path: row.next_path }).toEqual({ next, path: '/' });
    }
  });

  it('answers a callback without any parameter with the 400 page, nothing written but the audit', async () => {
    const before = await t.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM sessions`);
    const res = await t.http().get('/dang-nhap/sso/ve');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(await t.adminQuery(`SELECT count(*)::int AS n FROM sessions`)).toEqual(before);
  });

  it('refuses a callback whose state is not the one of this browser (400), and one without the cookie', async () => {
    const mine = await begin(t);
    const callback = await new ProviderBrowser(provider.issuer).walk(mine.authUrl.toString(), 'new.officer');
    const other = await begin(t);
    const forged = await openCallback(t, callback, other.cookie);
    expect(forged.status).toBe(400);
    expect(decodeHtml(forged.text)).toContain('không bắt đầu từ trình duyệt của bạn');
    expect(sessionCookieOf(forged)).toBeUndefined();
    const cookieless = await t.http().get(`${callback.pathname}${callback.search}`);
    expect(cookieless.status).toBe(400);
    expect((await audits('SSO_FAILED')).slice(-2).map((a) => a.after.reason)).toEqual(['STATE_MISMATCH', 'STATE_MISMATCH']);
  });

  it('refuses a replayed callback: the sign-in is used once (400)', async () => {
    const started = await begin(t);
    const callback = await new ProviderBrowser(provider.issuer).walk(started.authUrl.toString(), 'new.officer');
    expect((await openCallback(t, callback, started.cookie)).status).toBe(303);
    const replay = await openCallback(t, callback, started.cookie);
    expect(replay.status).toBe(400);
    expect(sessionCookieOf(replay)).toBeUndefined();
    expect((await audits('SSO_FAILED')).at(-1)!.after.reason).toBe('UNKNOWN_STATE');
  });

  it('refuses a sign-in older than ten minutes (400)', async () => {
    const started = await begin(t);
    const callback = await new ProviderBrowser(provider.issuer).walk(started.authUrl.toString(), 'new.officer');
    await t.adminQuery(`UPDATE oidc_sign_ins SET created_at = now() - interval '11 minutes' WHERE state = $1`, [started.state]);
    expect((await openCallback(t, callback, started.cookie)).status).toBe(400);
  });

  it('gives no session when the PKCE verifier does not match the challenge (the provider refuses the code, 401)', async () => {
    const started = await begin(t);
    const callback = await new ProviderBrowser(provider.issuer).walk(started.authUrl.toString(), 'new.officer');
    await t.adminQuery(`UPDATE oidc_sign_ins SET code_verifier = $2 WHERE state = $1`, [started.state, 'x'.repeat(64)]);
    const res = await openCallback(t, callback, started.cookie);
    expect(res.status).toBe(401);
    expect(decodeHtml(res.text)).toContain('Không xác minh được thông tin đăng nhập');
    expect(sessionCookieOf(res)).toBeUndefined();
    expect((await audits('SSO_FAILED')).at(-1)!.after).toMatchObject({
      reason: 'TOKEN_REJECTED',
      detail: expect.stringContaining('invalid_grant'),
    });
  });

  it('gives no session when the ID token carries another nonce than the one this sign-in sent (401)', async () => {
    const started = await begin(t);
    const callback = await new ProviderBrowser(provider.issuer).walk(started.authUrl.toString(), 'new.officer');
    await t.adminQuery(`UPDATE oidc_sign_ins SET nonce = 'another-nonce' WHERE state = $1`, [started.state]);
    const res = await openCallback(t, callback, started.cookie);
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBeUndefined();
    expect((await audits('SSO_FAILED')).at(-1)!.after).toMatchObject({
      reason: 'TOKEN_REJECTED',
      detail: expect.stringContaining('nonce'),
    });
  });

  it('gives no session when the provider answers with an error (the person cancelled, 401)', async () => {
    const started = await begin(t);
    const callback = new URL(started.authUrl.searchParams.get('redirect_uri')!);
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('state', started.state);
    callback.searchParams.set('iss', provider.issuer);
    const res = await openCallback(t, callback, started.cookie);
    expect(res.status).toBe(401);
    expect((await audits('SSO_FAILED')).at(-1)!.after.reason).toBe('PROVIDER_ERROR');
  });

  it('signing out ends the capdo session and takes the browser on to end the provider session too', async () => {
    const browser = new ProviderBrowser(provider.issuer);
    const signedIn = await signInThrough(t, browser, 'new.officer');
    const cookie = jar([sessionCookieOf(signedIn)!]);
    const page = await t.http().get('/thong-bao').set('cookie', cookie).expect(200);
    const out = await t
      .http()
      .post('/dang-xuat')
      .set('cookie', jar([...cookie.split('; '), ...cookiesOf(page)]))
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(200);
    // A page that goes on by itself (the pages' form-action 'self' forbids the form a redirect to another site).
    const href = decodeHtml(/<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(out.text)![1]);
    expect(out.text).toContain('Đã đăng xuất khỏi capdo');
    expect(cookiesOf(out).find((c) => c.startsWith('capdo_session='))).toMatch(/^capdo_session=;/);
    const endSession = new URL(href);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toEqual(expect.any(String));
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${CAPDO_URL}/dang-nhap`);
    await t.http().get('/thong-bao').set('cookie', cookie).expect(303);
    // Before signing out at the provider, its session signs in again without the login page; afterwards it asks again.
    const back = await browser.walk(endSession.toString());
    expect(back.pathname).toBe('/dang-nhap');
    const again = await begin(t);
    await expect(browser.walk(again.authUrl.toString())).rejects.toThrow('the provider asks for a login');
  });

  it('sends a password session to the sign-in page on sign-out, as before', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    const signedIn = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username: 'admin', password: 'demo1234', _csrf: csrfFrom(form.text) })
      .expect(303);
    const cookie = jar([...cookiesOf(form).filter((c) => !c.startsWith('capdo_csrf=')), ...cookiesOf(signedIn)]);
    const page = await t.http().get('/thong-bao').set('cookie', cookie).expect(200);
    const out = await t
      .http()
      .post('/dang-xuat')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    expect(out.headers.location).toBe('/dang-nhap');
  });
});

describe('single sign-on refusals a real provider never produces (a rogue issuer)', () => {
  let rogue: RogueProvider;
  let restoreEnv: () => void;
  let t: TestApp;

  beforeAll(async () => {
    rogue = await startRogueProvider(TEST_CLIENT_ID, {
      sub: 'rogue-officer',
      preferred_username: 'rogue.officer',
      name: 'Người Thử',
      agency_code: 'SL-SO-XD',
      realm_access: { roles: ['capdo-can-bo'] },
    });
    restoreEnv = useProviderEnv(rogue.issuer, { PUBLIC_URL: CAPDO_URL, LOCAL_SIGN_IN: 'admins' });
    t = await createTestApp();
    await t.adminQuery(`INSERT INTO oidc_role_mappings (claim_value, role) VALUES ('capdo-can-bo', 'AGENCY_OFFICER')`);
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv?.();
    await rogue?.stop();
  });

  async function attempt(): Promise<request.Response> {
    const started = await begin(t);
    const callback = await new ProviderBrowser(rogue.issuer).walk(started.authUrl.toString());
    return openCallback(t, callback, started.cookie);
  }

  it.each([
    ['WRONG_AUDIENCE', 'aud'],
    ['WRONG_ISSUER', 'iss'],
    ['EXPIRED', 'exp'],
    ['WRONG_NONCE', 'nonce'],
  ] as const)('gives no session for an ID token with %s (401, audited)', async (mode, claim) => {
    rogue.mode = mode;
    const res = await attempt();
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBeUndefined();
    const [last] = await t.adminQuery<{ after: { reason: string; detail: string } }>(
      `SELECT after FROM audit_log WHERE action = 'SSO_FAILED' ORDER BY id DESC LIMIT 1`,
    );
    expect(last.after.reason).toBe('TOKEN_REJECTED');
    expect(last.after.detail).toContain(`claim "${claim}"`);
    const [{ n }] = await t.adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'rogue.officer'`);
    expect(n).toBe(0);
  });

  it('signs in with the same issuer when nothing is wrong (the control)', async () => {
    rogue.mode = 'GOOD';
    const res = await attempt();
    expect(res.status).toBe(303);
    expect(sessionCookieOf(res)).toBeDefined();
  });

  it('labels the password form for administrators only when LOCAL_SIGN_IN=admins, and refuses an officer there', async () => {
    const form = await t.http().get('/dang-nhap').expect(200);
    expect(form.text).toContain('Dành cho quản trị viên');
    const refused = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username: 'canbo.sl-so-xd', password: 'demo1234', _csrf: csrfFrom(form.text) });
    expect(refused.status).toBe(403);
  });
});

describe('single sign-on switched off (no OIDC_ISSUER_URL)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('shows no single sign-on button, and its addresses answer the 404 page', async () => {
    const page = await t.http().get('/dang-nhap').expect(200);
    expect(page.text).not.toContain('/dang-nhap/sso');
    const begun = await t.http().get('/dang-nhap/sso');
    expect(begun.status).toBe(404);
    expect(begun.headers['content-type']).toContain('text/html');
    expect(decodeHtml(begun.text)).toContain('Đăng nhập một lần (SSO) chưa được bật');
    expect((await t.http().get('/dang-nhap/sso/ve?code=x&state=y')).status).toBe(400);
  });
});

function decodeHtml(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
