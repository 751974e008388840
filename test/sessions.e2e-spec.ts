import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

/**
 * Issue 22, sessions that end: signing out ends the session at once, the web cookie and API tokens are distinct, the
 * idle timeout and the absolute lifetime end a session, and a password change ends every other session.
 */
describe('sessions that end, and changing one’s own password', () => {
  let t: TestApp;
  const STRONG = 'nui-rung-tay-bac-hoa-ban';

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  /** A fresh API session (t.login caches tokens; these tests need one session per sign-in). */
  async function apiToken(username: string, password = 'demo1234'): Promise<string> {
    const res = await t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    return res.body.accessToken as string;
  }

  /** A fresh browser session: its cookie header, its pages' CSRF token and the session cookie's token. */
  async function browser(username: string): Promise<WebSession & { token: string }> {
    const session = await webSession(t, username);
    return { ...session, token: /capdo_session=([^;]+)/.exec(session.cookie)![1] };
  }

  const me = (token: string) => t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
  const sessionIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;

  it('POST /api/v1/auth/logout ends the API session at once: the same token is refused right after', async () => {
    const token = await apiToken('canbo.sl-so-tp');
    await me(token).expect(200);
    await t.http().post('/api/v1/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    const refused = expectProblem(await me(token), 401, 'UNAUTHENTICATED');
    expect(refused.detail).toBe('Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc mật khẩu đã đổi). Vui lòng đăng nhập lại.');
    expect(refused.sessionEnded).toBe('REVOKED');
    expectProblem(await t.http().post('/api/v1/auth/logout').set('authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
    const [row] = await t.adminQuery<{ revoked_reason: string }>(`SELECT revoked_reason FROM sessions WHERE id = $1`, [sessionIdOf(token)]);
    expect(row.revoked_reason).toBe('SIGNED_OUT');
    expectProblem(await t.http().post('/api/v1/auth/logout'), 401, 'UNAUTHENTICATED');
  });

  it('web sign-out: replaying the old cookie lands on the sign-in page, which says the session ended', async () => {
    const web = await browser('canbo.sl-so-nv');
    await t
      .http()
      .post('/dang-xuat')
      .set('cookie', web.cookie)
      .type('form')
      .send({ _csrf: web.csrf })
      .expect(303)
      .expect('location', '/dang-nhap');
    const replay = await t.http().get('/he-thong').set('cookie', web.cookie).expect(303);
    expect(replay.headers.location).toBe('/dang-nhap?tiep=%2Fhe-thong&het=3');
    const login = await t.http().get(replay.headers.location).expect(200);
    expect(login.text).toContain('Phiên đăng nhập đã kết thúc (đã đăng xuất, mật khẩu vừa đổi');
    // htmx gets the same answer as a redirect it follows.
    const htmx = await t.http().get('/he-thong').set('cookie', web.cookie).set('hx-request', 'true').expect(401);
    expect(htmx.headers['hx-redirect']).toMatch(/^\/dang-nhap\?/);
  });

  it('the cookie’s token is refused as a bearer, and an API token is refused as the cookie', async () => {
    const web = await browser('canbo.sl-ttr');
    expectProblem(await me(web.token), 401, 'UNAUTHENTICATED');
    const token = await apiToken('canbo.sl-ttr');
    expectProblem(await t.http().get('/api/v1/auth/me').set('cookie', `capdo_session=${token}`), 401, 'UNAUTHENTICATED');
    const page = await t.http().get('/he-thong').set('cookie', `capdo_session=${token}`).expect(303);
    expect(page.headers.location).toMatch(/^\/dang-nhap\?/);
    // Each still works on its own channel.
    await me(token).expect(200);
    await t.http().get('/api/v1/auth/me').set('cookie', web.cookie).expect(200);
  });

  it('a session unused for SESSION_IDLE_MINUTES (30) ends: 401 with the Vietnamese reason, the page says why', async () => {
    const token = await apiToken('canbo.sl-ubnd');
    const web = await browser('canbo.sl-ubnd');
    await t.adminQuery(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [sessionIdOf(token)]);
    await me(token).expect(200);
    await t.adminQuery(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = ANY($1)`, [
      [sessionIdOf(token), sessionIdOf(web.token)],
    ]);
    const refused = expectProblem(await me(token), 401, 'UNAUTHENTICATED');
    expect(refused.detail).toBe('Phiên đăng nhập đã hết hạn do không sử dụng trong thời gian dài. Vui lòng đăng nhập lại.');
    expect(refused.sessionEnded).toBe('IDLE');
    const page = await t.http().get('/').set('cookie', web.cookie).expect(303);
    expect(page.headers.location).toBe('/dang-nhap?tiep=%2F&het=1');
    const login = await t.http().get(page.headers.location).expect(200);
    expect(login.text).toContain('Phiên đăng nhập đã kết thúc vì không có thao tác nào trong 30 phút.');
  });

  it('a session past its absolute lifetime (JWT_EXPIRES_IN_SECONDS) ends even while in use', async () => {
    const token = await apiToken('canbo.sl-ca');
    await me(token).expect(200);
    await t.adminQuery(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1`, [
      sessionIdOf(token),
    ]);
    const refused = expectProblem(await me(token), 401, 'UNAUTHENTICATED');
    expect(refused.detail).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    expect(refused.sessionEnded).toBe('EXPIRED');
  });

  it('a password change ends every other session of the account at once and keeps the current one, audited', async () => {
    const current = await apiToken('canbo.sl-so-yt');
    const other = await apiToken('canbo.sl-so-yt');
    const web = await browser('canbo.sl-so-yt');
    const bystander = await apiToken('canbo.sl-so-xd');
    await t
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${current}`)
      .send({ currentPassword: 'demo1234', newPassword: STRONG })
      .expect(204);
    await me(current).expect(200);
    expectProblem(await me(other), 401, 'UNAUTHENTICATED');
    expect((await t.http().get('/').set('cookie', web.cookie).expect(303)).headers.location).toBe('/dang-nhap?tiep=%2F&het=3');
    await me(bystander).expect(200);
    const reasons = await t.adminQuery<{ id: string; revoked_reason: string | null }>(
      `SELECT s.id, s.revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'canbo.sl-so-yt'`,
    );
    expect(reasons.find((r) => r.id === sessionIdOf(current))?.revoked_reason).toBeNull();
    expect(
      reasons
        .filter((r) => r.revoked_reason === 'PASSWORD_CHANGED')
        .map((r) => r.id)
        .sort(),
    ).toEqual([sessionIdOf(other), sessionIdOf(web.token)].sort());
    // The new password signs in, the old one no longer does.
    await apiToken('canbo.sl-so-yt', STRONG);
    expectProblem(
      await t.http().post('/api/v1/auth/login').send({ username: 'canbo.sl-so-yt', password: 'demo1234' }),
      401,
      'INVALID_CREDENTIALS',
    );
    const audit = await t.adminQuery<{ after: Record<string, unknown>; actor_username: string }>(
      `SELECT after, actor_username FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND entity_type = 'user'`,
    );
    expect(audit).toEqual([
      { actor_username: 'canbo.sl-so-yt', after: { username: 'canbo.sl-so-yt', wasTemporary: false, otherSessionsEnded: 2 } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(STRONG);
  });

  it('a wrong current password is refused with 422, and nothing is written', async () => {
    const token = await apiToken('canbo.sl-x-muonglan');
    const other = await apiToken('canbo.sl-x-muonglan');
    const [before] = await t.adminQuery<{ password_hash: string; version: number }>(
      `SELECT password_hash, version FROM users WHERE username = 'canbo.sl-x-muonglan'`,
    );
    const audits = await countRows(t.db, 'audit_log');
    const res = await t
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${token}`)
      .send({ currentPassword: 'khong-phai-mat-khau', newPassword: STRONG });
    const problem = expectProblem(res, 422, 'CURRENT_PASSWORD_INCORRECT');
    expect(problem.errors).toEqual({ currentPassword: ['Mật khẩu hiện tại không đúng.'] });
    const [after] = await t.adminQuery(`SELECT password_hash, version FROM users WHERE username = 'canbo.sl-x-muonglan'`);
    expect(after).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
    await me(other).expect(200);
  });

  it('a weak or common password is refused with feedback in Vietnamese, and nothing is written', async () => {
    const token = await apiToken('canbo.sl-p-chiengcoi');
    const [before] = await t.adminQuery(`SELECT password_hash, version FROM users WHERE username = 'canbo.sl-p-chiengcoi'`);
    const attempt = (newPassword: unknown, currentPassword: unknown = 'demo1234') =>
      t.http().post('/api/v1/auth/password').set('authorization', `Bearer ${token}`).send({ currentPassword, newPassword });

    const common = expectProblem(await attempt('Matkhau2024!'), 422, 'PASSWORD_TOO_WEAK');
    expect(common.detail).toMatch(/^Mật khẩu quá dễ đoán\. /);
    expect((common.errors as Record<string, string[]>).newPassword[0]).toMatch(/^Mật khẩu quá dễ đoán\. /);
    expectProblem(await attempt('password1234'), 422, 'PASSWORD_TOO_WEAK');
    const own = expectProblem(await attempt('canbo.sl-p-chiengcoi2026'), 422, 'PASSWORD_TOO_WEAK');
    expect(own.detail).toContain('không được chứa tên đăng nhập, họ tên');
    expect(expectProblem(await attempt('Ng4n!'), 422, 'PASSWORD_TOO_WEAK').detail).toBe('Mật khẩu phải dài ít nhất 10 ký tự.');
    expect(expectProblem(await attempt('demo1234'), 422, 'VALIDATION_FAILED').errors).toEqual({
      newPassword: ['Mật khẩu mới phải khác mật khẩu hiện tại.'],
    });
    // Bad input: missing, wrong types, unknown fields, too long.
    expectProblem(await t.http().post('/api/v1/auth/password').set('authorization', `Bearer ${token}`).send({}), 422, 'VALIDATION_FAILED');
    expectProblem(await attempt(12345678901), 422, 'VALIDATION_FAILED');
    expectProblem(await attempt('x'.repeat(300)), 422, 'VALIDATION_FAILED');
    expectProblem(
      await t
        .http()
        .post('/api/v1/auth/password')
        .set('authorization', `Bearer ${token}`)
        .send({ currentPassword: 'demo1234', newPassword: STRONG, role: 'ADMIN' }),
      422,
      'VALIDATION_FAILED',
    );
    const [after] = await t.adminQuery(`SELECT password_hash, version FROM users WHERE username = 'canbo.sl-p-chiengcoi'`);
    expect(after).toEqual(before);
    const [{ n }] = await t.adminQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND after->>'username' = 'canbo.sl-p-chiengcoi'`,
    );
    expect(n).toBe(0);
  });

  it('a temporary password: every route but "me", logout and the change refuses with PASSWORD_CHANGE_REQUIRED until it is changed', async () => {
    const token = await apiToken('canbo.sl-x-quynhnhai');
    await t.adminQuery(`UPDATE users SET must_change_password = true WHERE username = 'canbo.sl-x-quynhnhai'`);
    expectProblem(await t.http().get('/api/v1/systems').set('authorization', `Bearer ${token}`), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await me(token).expect(200)).body.mustChangePassword).toBe(true);
    await t
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${token}`)
      .send({ currentPassword: 'demo1234', newPassword: STRONG })
      .expect(204);
    await t.http().get('/api/v1/systems').set('authorization', `Bearer ${token}`).expect(200);
    const [row] = await t.adminQuery<{ must_change_password: boolean }>(
      `SELECT must_change_password FROM users WHERE username = 'canbo.sl-x-quynhnhai'`,
    );
    expect(row.must_change_password).toBe(false);
    const [{ after }] = await t.adminQuery<{ after: { wasTemporary: boolean } }>(
      `SELECT after FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND after->>'username' = 'canbo.sl-x-quynhnhai'`,
    );
    expect(after.wasTemporary).toBe(true);
  });

  it('a password change is an API call only with a bearer token: the cookie alone is refused (no CSRF through the API)', async () => {
    const web = await browser('canbo.sl-x-phiengkhoai');
    const [before] = await t.adminQuery(`SELECT password_hash, version FROM users WHERE username = 'canbo.sl-x-phiengkhoai'`);
    const res = await t
      .http()
      .post('/api/v1/auth/password')
      .set('cookie', web.cookie)
      .send({ currentPassword: 'demo1234', newPassword: STRONG });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    const [after] = await t.adminQuery(`SELECT password_hash, version FROM users WHERE username = 'canbo.sl-x-phiengkhoai'`);
    expect(after).toEqual(before);
  });
});
