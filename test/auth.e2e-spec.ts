import { JwtService } from '@nestjs/jwt';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('signs in a demo officer and returns a bearer token with the user', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'canbo.sl-so-xd', password: 'demo1234' }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600, user: { username: 'canbo.sl-so-xd', role: 'AGENCY_OFFICER', provinceCode: 'SL' } });
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('canbo.sl-so-xd');
  });

  it('stores argon2id hashes, never the password', async () => {
    const [{ password_hash }] = await t.db.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = expectProblem(await t.http().post('/api/v1/auth/login').send({ username: 'lanhdao', password: 'nope' }), 401, 'INVALID_CREDENTIALS');
    const unknown = expectProblem(await t.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'nope' }), 401, 'INVALID_CREDENTIALS');
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('throttles repeated failures for a username, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) await t.http().post('/api/v1/auth/login').send({ username: 'thamdinh', password: `wrong-${i}` }).expect(401);
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'thamdinh', password: 'demo1234' });
    expectProblem(res, 429, 'LOGIN_THROTTLED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // another account is not affected
    await t.http().post('/api/v1/auth/login').send({ username: 'lanhdao', password: 'demo1234' }).expect(200);
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

  it('writes nothing but a failure row on bad input', async () => {
    const before = await countRows(t.db, 'login_failures');
    expectProblem(await t.http().post('/api/v1/auth/login').send({ username: '' }), 422, 'VALIDATION_FAILED');
    expect(await countRows(t.db, 'login_failures')).toBe(before);
  });
});
