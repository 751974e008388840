import { JwtService } from '@nestjs/jwt';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The tests play clients at several addresses through a proxy on this host (README: TRUST_PROXY).
    process.env.TRUST_PROXY = 'loopback';
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    delete process.env.TRUST_PROXY;
  });

  const from = (address: string) => ({
    login: (username: string, password: string) =>
      t.http().post('/api/v1/auth/login').set('x-forwarded-for', address).set('user-agent', 'thu-nghiem/1.0').send({ username, password }),
  });
  const auditOf = (
    address: string,
  ): Promise<{ action: string; entity_id: string; actor_id: string | null; after: Record<string, unknown> }[]> =>
    t.db.query(
      `SELECT action, entity_id, actor_id, after FROM audit_log WHERE action LIKE 'SIGN_IN%' AND after->>'address' = $1 ORDER BY id`,
      [address],
    );

  it('signs in a demo officer and returns a bearer token with the user', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'canbo.sl-so-xd', password: 'demo1234' }).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 8 * 3600,
      user: { username: 'canbo.sl-so-xd', role: 'AGENCY_OFFICER', provinceCode: 'SL' },
    });
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('canbo.sl-so-xd');
  });

  it('stores argon2id hashes, never the password', async () => {
    const [{ password_hash }] = await t.db.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = expectProblem(
      await t.http().post('/api/v1/auth/login').send({ username: 'lanhdao', password: 'nope' }),
      401,
      'INVALID_CREDENTIALS',
    );
    const unknown = expectProblem(
      await t.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'nope' }),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('slows down one address guessing a password, says when to retry, and leaves the same user signing in from elsewhere', async () => {
    // Before issue 16 five wrong passwords locked `admin` for everyone, the real administrator included.
    for (let i = 0; i < 5; i++) expectProblem(await from('203.0.113.5').login('admin', `wrong-${i}`), 401, 'INVALID_CREDENTIALS');
    const refused = await from('203.0.113.5').login('admin', 'demo1234');
    expectProblem(refused, 429, 'LOGIN_THROTTLED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(25);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
    await from('198.51.100.7').login('admin', 'demo1234').expect(200);
    // the guessing address may still sign in another account until its own counter runs out
    await from('203.0.113.5').login('lanhdao', 'demo1234').expect(200);
  });

  it('evaluates at most the allowed number of 40 parallel tries; the rest get 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => from('203.0.113.40').login('thamdinh', `wrong-${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    for (const res of answers.filter((r) => r.status === 429)) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await auditOf('203.0.113.40');
    expect(audit.filter((a) => a.action === 'SIGN_IN_FAILED')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'SIGN_IN_THROTTLED')).toHaveLength(1);
  });

  it('throttles one address spraying many usernames, by its own counter', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await from('203.0.113.77').login(`khong-co-${i}`, 'demo1234')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(4).fill(429));
    expectProblem(await from('203.0.113.77').login('canbo.sl-so-xd', 'demo1234'), 429, 'LOGIN_THROTTLED');
    await from('198.51.100.77').login('canbo.sl-so-xd', 'demo1234').expect(200);
    const [{ failures }] = await t.db.query(`SELECT failures FROM login_throttle WHERE address = '203.0.113.77' AND username = ''`);
    expect(failures).toBe(20);
  });

  it('never slows down an office whose sign-ins succeed, however many share its address', async () => {
    for (let i = 0; i < 30; i++)
      await from('198.51.100.100')
        .login(i % 2 ? 'lanhdao' : 'thamdinh', 'demo1234')
        .expect(200);
    const [{ failures }] = await t.db.query(`SELECT failures FROM login_throttle WHERE address = '198.51.100.100' AND username = ''`);
    expect(failures).toBe(0);
  });

  it('counts IPv6 clients by their /64 network', async () => {
    for (let i = 0; i < 5; i++)
      await from(`2001:db8:5:6::${i + 1}`)
        .login('lanhdao', 'sai')
        .expect(401);
    expectProblem(await from('2001:db8:5:6:ffff::9').login('lanhdao', 'demo1234'), 429, 'LOGIN_THROTTLED');
    await from('2001:db8:5:7::1').login('lanhdao', 'demo1234').expect(200);
  });

  it('prunes counters idle for LOGIN_FORGET_MINUTES, keeps those still blocking', async () => {
    await t.db.query(
      `INSERT INTO login_throttle (address, username, failures, last_attempt_at, blocked_until) VALUES
         ('192.0.2.1', '', 3, now() - interval '16 minutes', NULL),
         ('192.0.2.1', 'admin', 3, now() - interval '16 minutes', NULL),
         ('192.0.2.2', 'admin', 12, now() - interval '16 minutes', now() + interval '5 minutes'),
         ('192.0.2.3', 'admin', 1, now() - interval '14 minutes', NULL)`,
    );
    await from('198.51.100.200').login('admin', 'sai').expect(401);
    const left: { address: string }[] = await t.db.query(
      `SELECT address FROM login_throttle WHERE address LIKE '192.0.2.%' ORDER BY address`,
    );
    expect(left.map((r) => r.address)).toEqual(['192.0.2.2', '192.0.2.3']);
  });

  it('writes every sign-in to the audit log with address and browser, unknown names too, never the password', async () => {
    await from('198.51.100.31').login('canbo.sl-so-xd', 'demo1234').expect(200);
    await from('198.51.100.31').login('canbo.sl-so-xd', 'mat-khau-sai-31').expect(401);
    const longName = `ke-la-${'x'.repeat(80)}`;
    // the sign-in page goes through the same service
    const form = await t.http().get('/dang-nhap').expect(200);
    const cookies = ([] as string[])
      .concat(form.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await t
      .http()
      .post('/dang-nhap')
      .set('cookie', cookies)
      .set('x-forwarded-for', '198.51.100.31')
      .set('user-agent', 'trinh-duyet/2.0')
      .type('form')
      .send({ username: longName, password: 'mat-khau-sai-32', _csrf: csrf })
      .expect(401);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE username = 'canbo.sl-so-xd'`);
    const audit = await auditOf('198.51.100.31');
    expect(audit.map((a) => a.action)).toEqual(['SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED']);
    expect(audit[0]).toMatchObject({
      entity_id: id,
      actor_id: id,
      after: { username: 'canbo.sl-so-xd', address: '198.51.100.31', userAgent: 'thu-nghiem/1.0', knownUser: true },
    });
    expect(audit[1]).toMatchObject({ entity_id: id, actor_id: null, after: { username: 'canbo.sl-so-xd', knownUser: true } });
    expect(audit[2]).toMatchObject({
      entity_id: longName.slice(0, 64),
      actor_id: null,
      after: { username: longName.slice(0, 64), knownUser: false, userAgent: 'trinh-duyet/2.0' },
    });
    const dump = JSON.stringify(await t.db.query(`SELECT * FROM audit_log WHERE action LIKE 'SIGN_IN%'`));
    expect(dump).not.toContain('mat-khau-sai');
    expect(dump).not.toContain('demo1234');
  });

  it('refuses missing, malformed, forged and expired tokens', async () => {
    expectProblem(await t.http().get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.http().get('/api/v1/auth/me').set('authorization', 'Bearer not-a-token'), 401, 'UNAUTHENTICATED');
    const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({ sub: 'x', username: 'admin', role: 'ADMIN' });
    expectProblem(await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${forged}`), 401, 'UNAUTHENTICATED');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE username = 'admin'`);
    const expired = t.app.get(JwtService).sign({ sub: id, username: 'admin', role: 'ADMIN' }, { expiresIn: -10 });
    expectProblem(await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${expired}`), 401, 'UNAUTHENTICATED');
  });

  it('stops a deactivated account at once, even with a valid token', async () => {
    const token = await t.login('canbo.sl-ttr');
    await t.db.query(`UPDATE users SET active = false WHERE username = 'canbo.sl-ttr'`);
    expectProblem(await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it('reads the session and its account in one query per authenticated request, as they are now (issue 25: it was two)', async () => {
    const token = await t.login('canbo.sl-so-yt');
    const me = () => t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
    await me().expect(200);
    const sent: string[] = [];
    const spy = jest.spyOn(t.db.logger, 'logQuery').mockImplementation((query: string) => void sent.push(query));
    try {
      expect((await me().expect(200)).body).toMatchObject({ username: 'canbo.sl-so-yt', role: 'AGENCY_OFFICER' });
      // The guard's one query (GET /auth/me reads nothing else; `last_seen_at` is written at most once a minute).
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/FROM sessions s\s+LEFT JOIN users u ON u\.id = s\.user_id AND u\.active\s+LEFT JOIN agencies a/);
      // Read on every request, not kept: a role changed behind the server's back counts at the next request.
      await t.adminQuery(`UPDATE users SET role = 'AGENCY_HEAD' WHERE username = 'canbo.sl-so-yt'`);
      expect((await me().expect(200)).body.role).toBe('AGENCY_HEAD');
      await t.adminQuery(`UPDATE users SET active = false WHERE username = 'canbo.sl-so-yt'`);
      const refused = expectProblem(await me(), 401, 'UNAUTHENTICATED');
      expect(refused.detail).toBe('Tài khoản không còn hoạt động. Vui lòng liên hệ quản trị viên.');
      expect(sent).toHaveLength(3);
    } finally {
      spy.mockRestore();
      await t.adminQuery(`UPDATE users SET role = 'AGENCY_OFFICER', active = true WHERE username = 'canbo.sl-so-yt'`);
    }
  });

  it('counts nothing and audits nothing on bad input', async () => {
    const before = [await countRows(t.db, 'login_throttle'), await countRows(t.db, 'audit_log')];
    expectProblem(await t.http().post('/api/v1/auth/login').send({ username: '' }), 422, 'VALIDATION_FAILED');
    expect([await countRows(t.db, 'login_throttle'), await countRows(t.db, 'audit_log')]).toEqual(before);
  });
});
