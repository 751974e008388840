import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Account administration (issue 22): an administrator manages every account; an agency's head its own agency's
 * officers only. Every change is audited; deactivation, a reset and "sign out everywhere" end the sessions at once;
 * a temporary password allows nothing but changing it.
 */
describe('account administration (/api/v1/users)', () => {
  let t: TestApp;
  let admin: string;
  let head: string;
  const ids: Record<string, string> = {};
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const agencyId = async (code: string) =>
    ((await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code])) as { id: string }[])[0].id;
  const userId = async (username: string) =>
    ((await t.db.query(`SELECT id FROM users WHERE username = $1`, [username])) as { id: string }[])[0].id;
  const signIn = async (username: string, password: string) => {
    const res = await t.http().post('/api/v1/auth/login').send({ username, password });
    return { status: res.status, token: res.body.accessToken as string, body: res.body };
  };
  const create = (token: string, body: object) => t.http().post('/api/v1/users').set(as(token)).send(body);
  const writes = async () => ({ users: await countRows(t.db, 'users'), audit: await countRows(t.db, 'audit_log') });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ids.xd = await agencyId('SL-SO-XD');
    ids.yt = await agencyId('SL-SO-YT');
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'giamdoc.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', $1 FROM users WHERE username = 'admin'`,
      [ids.xd],
    );
    head = await t.login('giamdoc.sl-so-xd');
    // A body of another province, with an officer.
    ids.hn = (
      await t
        .http()
        .post('/api/v1/agencies')
        .set(as(admin))
        .send({ code: 'HN-UBND', name: 'UBND thành phố Hà Nội', kind: 'province_committee', provinceCode: 'HN' })
        .expect(201)
    ).body.id;
    ids.hnOfficer = (
      await create(admin, { username: 'canbo.hn', fullName: 'Cán bộ Hà Nội', role: 'AGENCY_OFFICER', agencyId: ids.hn }).expect(201)
    ).body.user.id;
  });
  afterAll(() => t.close());

  describe('an administrator', () => {
    it('creates an account with a temporary password shown once, audited without the password', async () => {
      const res = await create(admin, {
        username: ' Nguyen.VanA ',
        fullName: 'Nguyễn Văn A',
        title: 'Chuyên viên',
        email: 'nguyenvana@sonla.gov.vn',
        role: 'AGENCY_OFFICER',
        agencyId: ids.xd,
      }).expect(201);
      expect(res.body.user).toMatchObject({
        username: 'nguyen.vana',
        fullName: 'Nguyễn Văn A',
        title: 'Chuyên viên',
        email: 'nguyenvana@sonla.gov.vn',
        role: 'AGENCY_OFFICER',
        agencyId: ids.xd,
        agencyCode: 'SL-SO-XD',
        agencyName: expect.any(String),
        active: true,
        mustChangePassword: true,
        lastSignInAt: null,
        version: 1,
      });
      expect(res.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(JSON.stringify(res.body.user)).not.toMatch(/passwordHash|password_hash|argon2/i);
      const audit = await t.db.query(
        `SELECT action, actor_username, after::text AS after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`,
        [res.body.user.id],
      );
      expect(audit).toEqual([{ action: 'CREATE', actor_username: 'admin', after: expect.stringContaining('nguyen.vana') }]);
      expect(audit[0].after).not.toContain(res.body.temporaryPassword);
      expect(audit[0].after).not.toMatch(/argon2|password_?hash/i);
      ids.vana = res.body.user.id;
      ids.vanaPassword = res.body.temporaryPassword;
    });

    it('the temporary password signs in but allows nothing but changing it (PASSWORD_CHANGE_REQUIRED), then lifts', async () => {
      const { status, token } = await signIn('nguyen.vana', ids.vanaPassword);
      expect(status).toBe(200);
      await t.http().get('/api/v1/auth/me').set(as(token)).expect(200);
      expectProblem(await t.http().get('/api/v1/systems').set(as(token)), 403, 'PASSWORD_CHANGE_REQUIRED');
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(as(token))
        .send({ currentPassword: ids.vanaPassword, newPassword: 'Cây bàng đầu ngõ 2026 trổ lá' })
        .expect(204);
      await t.http().get('/api/v1/systems').set(as(token)).expect(200);
      const account = await t.http().get(`/api/v1/users/${ids.vana}`).set(as(admin)).expect(200);
      expect(account.body).toMatchObject({ mustChangePassword: false, lastSignInAt: expect.any(String) });
    });

    it('lists and searches accounts with their agency, title, e-mail, state and last sign-in', async () => {
      const found = await t.http().get('/api/v1/users').query({ q: 'nguyen van' }).set(as(admin)).expect(200);
      expect(found.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(found.body.items[0]).toMatchObject({
        username: 'nguyen.vana',
        fullName: 'Nguyễn Văn A',
        agencyName: expect.any(String),
        title: 'Chuyên viên',
        email: 'nguyenvana@sonla.gov.vn',
        active: true,
        lastSignInAt: expect.any(String),
      });
      const byMail = await t.http().get('/api/v1/users').query({ q: 'NGUYENVANA@SONLA' }).set(as(admin)).expect(200);
      expect(byMail.body.items.map((u: { username: string }) => u.username)).toEqual(['nguyen.vana']);
      const byAgency = await t
        .http()
        .get('/api/v1/users')
        .query({ agencyId: ids.xd, role: 'AGENCY_OFFICER', pageSize: 200 })
        .set(as(admin))
        .expect(200);
      expect(byAgency.body.items.length).toBeGreaterThanOrEqual(2);
      for (const u of byAgency.body.items) expect(u).toMatchObject({ agencyId: ids.xd, role: 'AGENCY_OFFICER' });
      const everyone = await t.http().get('/api/v1/users').query({ pageSize: 200 }).set(as(admin)).expect(200);
      expect(everyone.body.total).toBe(await countRows(t.db, 'users'));
      expect(everyone.body.items.map((u: { username: string }) => u.username)).toContain('canbo.hn');
      const page2 = await t.http().get('/api/v1/users').query({ pageSize: 2, page: 2 }).set(as(admin)).expect(200);
      expect(page2.body.items).toEqual(everyone.body.items.slice(2, 4));
    });

    it('edits name, title, e-mail, role and agency with the version read; a stale version is 409, nothing written', async () => {
      const current = (await t.http().get(`/api/v1/users/${ids.vana}`).set(as(admin)).expect(200)).body;
      const res = await t
        .http()
        .patch(`/api/v1/users/${ids.vana}`)
        .set(as(admin))
        .send({ version: current.version, fullName: 'Nguyễn Văn An', title: '', email: null, agencyId: ids.yt })
        .expect(200);
      expect(res.body).toMatchObject({
        fullName: 'Nguyễn Văn An',
        title: null,
        email: null,
        agencyCode: 'SL-SO-YT',
        version: current.version + 1,
      });
      const before = await writes();
      expectProblem(
        await t.http().patch(`/api/v1/users/${ids.vana}`).set(as(admin)).send({ version: current.version, fullName: 'Cũ' }),
        409,
        'VERSION_CONFLICT',
      );
      expect(await writes()).toEqual(before);
      const [audit] = await t.db.query(`SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [ids.vana]);
      expect(audit).toMatchObject({ before: { fullName: 'Nguyễn Văn A' }, after: { fullName: 'Nguyễn Văn An' } });
    });

    it('a change of role ends the sessions at once', async () => {
      const { token } = await signIn('canbo.sl-so-yt', 'demo1234');
      const id = await userId('canbo.sl-so-yt');
      const { version } = (await t.http().get(`/api/v1/users/${id}`).set(as(admin)).expect(200)).body;
      await t.http().patch(`/api/v1/users/${id}`).set(as(admin)).send({ version, role: 'AGENCY_HEAD' }).expect(200);
      expectProblem(await t.http().get('/api/v1/auth/me').set(as(token)), 401, 'UNAUTHENTICATED');
      const again = await t.http().get(`/api/v1/users/${id}`).set(as(admin)).expect(200);
      await t.http().patch(`/api/v1/users/${id}`).set(as(admin)).send({ version: again.body.version, role: 'AGENCY_OFFICER' }).expect(200);
    });

    it('deactivation ends every session at once and refuses sign-in; reactivation lets the account sign in again', async () => {
      const web = await t.http().post('/api/v1/auth/login').send({ username: 'canbo.sl-vp-ubnd', password: 'demo1234' }).expect(200);
      const { token } = await signIn('canbo.sl-vp-ubnd', 'demo1234');
      const id = await userId('canbo.sl-vp-ubnd');
      const res = await t.http().post(`/api/v1/users/${id}/deactivate`).set(as(admin)).expect(200);
      expect(res.body).toMatchObject({ active: false });
      for (const old of [token, web.body.accessToken])
        expectProblem(await t.http().get('/api/v1/auth/me').set(as(old)), 401, 'UNAUTHENTICATED');
      expect((await signIn('canbo.sl-vp-ubnd', 'demo1234')).status).toBe(401);
      const [row] = await t.db.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_reason = 'DEACTIVATED'`, [id]);
      expect(row.n).toBe(2);
      const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'DEACTIVATE'`, [id]);
      expect(audit.after).toEqual({ active: false, sessionsEnded: 2 });
      // Deactivating again changes nothing and writes nothing.
      const before = await writes();
      await t.http().post(`/api/v1/users/${id}/deactivate`).set(as(admin)).expect(200);
      expect(await writes()).toEqual(before);
      const listed = await t.http().get('/api/v1/users').query({ active: 'false' }).set(as(admin)).expect(200);
      expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(id);
      expect((await t.http().post(`/api/v1/users/${id}/reactivate`).set(as(admin)).expect(200)).body).toMatchObject({ active: true });
      expect((await signIn('canbo.sl-vp-ubnd', 'demo1234')).status).toBe(200);
    });

    it('a password reset ends every session, and the temporary password must be changed first', async () => {
      const { token } = await signIn('canbo.sl-so-yt', 'demo1234');
      const id = await userId('canbo.sl-so-yt');
      const res = await t.http().post(`/api/v1/users/${id}/reset-password`).set(as(admin)).expect(200);
      expect(res.body).toEqual({ temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/) });
      expectProblem(await t.http().get('/api/v1/auth/me').set(as(token)), 401, 'UNAUTHENTICATED');
      expect((await signIn('canbo.sl-so-yt', 'demo1234')).status).toBe(401);
      const fresh = await signIn('canbo.sl-so-yt', res.body.temporaryPassword);
      expect(fresh.status).toBe(200);
      expectProblem(await t.http().get('/api/v1/systems').set(as(fresh.token)), 403, 'PASSWORD_CHANGE_REQUIRED');
      const audit = await t.db.query(`SELECT after::text AS after FROM audit_log WHERE entity_id = $1 AND action = 'PASSWORD_RESET'`, [id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].after).not.toContain(res.body.temporaryPassword);
    });

    it('"sign out everywhere" ends every session of the account at once', async () => {
      const one = await signIn('canbo.sl-so-xd', 'demo1234');
      const two = await signIn('canbo.sl-so-xd', 'demo1234');
      const id = await userId('canbo.sl-so-xd');
      const res = await t.http().post(`/api/v1/users/${id}/sign-out-everywhere`).set(as(admin)).expect(200);
      expect(res.body.sessionsEnded).toBeGreaterThanOrEqual(2);
      for (const { token } of [one, two]) expectProblem(await t.http().get('/api/v1/auth/me').set(as(token)), 401, 'UNAUTHENTICATED');
      expect((await signIn('canbo.sl-so-xd', 'demo1234')).status).toBe(200);
    });

    it('does not deactivate or demote itself (409 ACCOUNT_SELF_CHANGE), nothing written', async () => {
      const me = await userId('admin');
      const before = await writes();
      expectProblem(await t.http().post(`/api/v1/users/${me}/deactivate`).set(as(admin)), 409, 'ACCOUNT_SELF_CHANGE');
      const { version } = (await t.http().get(`/api/v1/users/${me}`).set(as(admin)).expect(200)).body;
      expectProblem(
        await t.http().patch(`/api/v1/users/${me}`).set(as(admin)).send({ version, role: 'LEADER' }),
        409,
        'ACCOUNT_SELF_CHANGE',
      );
      expect(await writes()).toEqual(before);
      await t.http().get('/api/v1/auth/me').set(as(admin)).expect(200);
    });

    it('deactivates and demotes another administrator while one remains', async () => {
      const created = await create(admin, { username: 'quantri2', fullName: 'Quản trị viên 2', role: 'ADMIN' }).expect(201);
      expect(created.body.user).toMatchObject({ role: 'ADMIN', agencyId: null });
      const id = created.body.user.id;
      await t.http().patch(`/api/v1/users/${id}`).set(as(admin)).send({ version: 1, role: 'LEADER' }).expect(422);
      const demoted = await t
        .http()
        .patch(`/api/v1/users/${id}`)
        .set(as(admin))
        .send({ version: 1, role: 'LEADER', agencyId: ids.xd })
        .expect(200);
      expect(demoted.body).toMatchObject({ role: 'LEADER', agencyId: ids.xd });
      await t.http().post(`/api/v1/users/${id}/deactivate`).set(as(admin)).expect(200);
    });
  });

  describe('bad input: 4xx problem+json, nothing written', () => {
    const bad: [string, object, number, string, string][] = [
      ['a username with diacritics', { username: 'nguyễn', fullName: 'X', role: 'ADMIN' }, 422, 'VALIDATION_FAILED', 'username'],
      ['a username too short', { username: 'ab', fullName: 'X', role: 'ADMIN' }, 422, 'VALIDATION_FAILED', 'username'],
      ['no full name', { username: 'khongten', fullName: '  ', role: 'ADMIN' }, 422, 'VALIDATION_FAILED', 'fullName'],
      ['an unknown role', { username: 'vaitro', fullName: 'X', role: 'ROOT' }, 422, 'VALIDATION_FAILED', 'role'],
      ['a bad e-mail', { username: 'thu', fullName: 'X', role: 'ADMIN', email: 'khong-phai' }, 422, 'VALIDATION_FAILED', 'email'],
      [
        'an officer without an agency',
        { username: 'khongcoquan', fullName: 'X', role: 'AGENCY_OFFICER' },
        422,
        'VALIDATION_FAILED',
        'agencyId',
      ],
      [
        'an agency id that is not a uuid',
        { username: 'coquan', fullName: 'X', role: 'LEADER', agencyId: 'SL' },
        422,
        'VALIDATION_FAILED',
        'agencyId',
      ],
      ['an unknown field', { username: 'thua', fullName: 'X', role: 'ADMIN', password: 'tu-dat' }, 422, 'VALIDATION_FAILED', 'password'],
    ];
    it.each(bad)('refuses %s', async (_, body, status, code, field) => {
      const before = await writes();
      const problem = expectProblem(await create(admin, body), status, code) as { errors: Record<string, string[]> };
      expect(Object.keys(problem.errors ?? {})).toContain(field);
      expect(await writes()).toEqual(before);
    });

    it('refuses a NUL character in a name (400, as the database refuses it), nothing written', async () => {
      const before = await writes();
      expectProblem(await create(admin, { username: 'nul', fullName: 'A\u0000B', role: 'ADMIN' }), 400, 'BAD_REQUEST');
      expect(await writes()).toEqual(before);
    });

    it('refuses an unknown agency and a merged one', async () => {
      const before = await writes();
      const unknown = expectProblem(
        await create(admin, { username: 'lac', fullName: 'X', role: 'LEADER', agencyId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'VALIDATION_FAILED',
      ) as { errors: Record<string, string[]> };
      expect(unknown.errors.agencyId).toEqual(['không có cơ quan, đơn vị này']);
      expect(await writes()).toEqual(before);
      const dissolved = (
        await t
          .http()
          .post('/api/v1/agencies')
          .set(as(admin))
          .send({ code: 'SL-GIAI-THE', name: 'Ban đã giải thể', kind: 'department', parentId: ids.xd })
          .expect(201)
      ).body.id;
      await t.adminQuery(`UPDATE agencies SET status = 'DISSOLVED' WHERE id = $1`, [dissolved]);
      const writesNow = await writes();
      const gone = expectProblem(
        await create(admin, { username: 'giaithe', fullName: 'X', role: 'AGENCY_OFFICER', agencyId: dissolved }),
        422,
        'VALIDATION_FAILED',
      ) as { errors: Record<string, string[]> };
      expect(gone.errors.agencyId).toEqual(['cơ quan, đơn vị đã sáp nhập hoặc giải thể']);
      expect(await writes()).toEqual(writesNow);
    });

    it('refuses a taken username (409 DUPLICATE), whatever its case', async () => {
      const before = await writes();
      expectProblem(
        await create(admin, { username: 'CANBO.SL-SO-XD', fullName: 'X', role: 'AGENCY_OFFICER', agencyId: ids.xd }),
        409,
        'DUPLICATE',
      );
      expect(await writes()).toEqual(before);
    });

    it('refuses bad filters, a bad version, and answers 404 to an unknown or malformed id', async () => {
      expectProblem(await t.http().get('/api/v1/users').query({ role: 'ROOT' }).set(as(admin)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/users').query({ active: 'maybe' }).set(as(admin)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/users').query({ pageSize: 1000 }).set(as(admin)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().patch(`/api/v1/users/${ids.vana}`).set(as(admin)).send({ fullName: 'X' }), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/users/khong-phai-uuid').set(as(admin)), 404, 'NOT_FOUND');
      expectProblem(await t.http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/deactivate').set(as(admin)), 404, 'NOT_FOUND');
    });
  });

  describe("an agency's head manages its own agency's officers only", () => {
    it("lists its own agency's accounts, never another agency's or province's", async () => {
      const res = await t.http().get('/api/v1/users').query({ pageSize: 200 }).set(as(head)).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const u of res.body.items) expect(u.agencyId).toBe(ids.xd);
      const other = await t.http().get('/api/v1/users').query({ agencyId: ids.yt }).set(as(head)).expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
    });

    it('creates an officer of its own agency (the agency may be left out)', async () => {
      const res = await create(head, { username: 'canbo2.sl-so-xd', fullName: 'Cán bộ 2 Sở Xây dựng', role: 'AGENCY_OFFICER' }).expect(201);
      expect(res.body.user).toMatchObject({ role: 'AGENCY_OFFICER', agencyId: ids.xd, mustChangePassword: true });
      ids.headsOfficer = res.body.user.id;
      const [audit] = await t.db.query(`SELECT actor_username FROM audit_log WHERE entity_id = $1 AND action = 'CREATE'`, [
        ids.headsOfficer,
      ]);
      expect(audit.actor_username).toBe('giamdoc.sl-so-xd');
    });

    it('edits, resets, signs out, deactivates and reactivates its own officers', async () => {
      const id = ids.headsOfficer;
      await t
        .http()
        .patch(`/api/v1/users/${id}`)
        .set(as(head))
        .send({ version: 1, title: 'Chuyên viên chính', role: 'AGENCY_OFFICER', agencyId: ids.xd })
        .expect(200);
      await t.http().post(`/api/v1/users/${id}/reset-password`).set(as(head)).expect(200);
      await t.http().post(`/api/v1/users/${id}/sign-out-everywhere`).set(as(head)).expect(200);
      await t.http().post(`/api/v1/users/${id}/deactivate`).set(as(head)).expect(200);
      await t.http().post(`/api/v1/users/${id}/reactivate`).set(as(head)).expect(200);
    });

    it('never gives a role, moves an account to another agency, or creates elsewhere: 403, nothing written', async () => {
      const before = await writes();
      const { version } = (await t.http().get(`/api/v1/users/${ids.headsOfficer}`).set(as(head)).expect(200)).body;
      const refusals = [
        await create(head, { username: 'pho.sl-so-xd', fullName: 'Phó Giám đốc', role: 'AGENCY_HEAD' }),
        await create(head, { username: 'quantri3', fullName: 'X', role: 'ADMIN' }),
        await create(head, { username: 'canbo3.sl-so-yt', fullName: 'X', role: 'AGENCY_OFFICER', agencyId: ids.yt }),
        await create(head, { username: 'canbo3.hn', fullName: 'X', role: 'AGENCY_OFFICER', agencyId: ids.hn }),
        await t.http().patch(`/api/v1/users/${ids.headsOfficer}`).set(as(head)).send({ version, role: 'AGENCY_HEAD' }),
        await t.http().patch(`/api/v1/users/${ids.headsOfficer}`).set(as(head)).send({ version, agencyId: ids.yt }),
      ];
      for (const res of refusals) expectProblem(res, 403, 'FORBIDDEN');
      expect(await writes()).toEqual(before);
    });

    it('may not touch its own agency’s heads, itself or administrators (403 in its agency, 404 outside)', async () => {
      const before = await writes();
      const self = await userId('giamdoc.sl-so-xd');
      expectProblem(await t.http().post(`/api/v1/users/${self}/deactivate`).set(as(head)), 403, 'FORBIDDEN');
      expectProblem(await t.http().post(`/api/v1/users/${self}/reset-password`).set(as(head)), 403, 'FORBIDDEN');
      expectProblem(
        await t
          .http()
          .post(`/api/v1/users/${await userId('admin')}/reset-password`)
          .set(as(head)),
        404,
        'NOT_FOUND',
      );
      expect(await writes()).toEqual(before);
    });

    it("answers 404 for another agency's and another province's accounts, nothing written", async () => {
      const before = await writes();
      for (const id of [await userId('canbo.sl-so-yt'), ids.hnOfficer]) {
        expectProblem(await t.http().get(`/api/v1/users/${id}`).set(as(head)), 404, 'NOT_FOUND');
        expectProblem(await t.http().patch(`/api/v1/users/${id}`).set(as(head)).send({ version: 1, fullName: 'X' }), 404, 'NOT_FOUND');
        for (const action of ['deactivate', 'reactivate', 'reset-password', 'sign-out-everywhere'])
          expectProblem(await t.http().post(`/api/v1/users/${id}/${action}`).set(as(head)), 404, 'NOT_FOUND');
      }
      expect(await writes()).toEqual(before);
    });
  });

  describe('wrong role', () => {
    it.each(['canbo.sl-so-xd', 'lanhdao', 'thamdinh'])('%s manages no account (403), nothing written', async (username) => {
      const token = await t.login(username);
      const before = await writes();
      expectProblem(await t.http().get('/api/v1/users').set(as(token)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get(`/api/v1/users/${ids.vana}`).set(as(token)), 403, 'FORBIDDEN');
      expectProblem(await create(token, { username: 'khongduoc', fullName: 'X', role: 'ADMIN' }), 403, 'FORBIDDEN');
      expectProblem(await t.http().post(`/api/v1/users/${ids.vana}/reset-password`).set(as(token)), 403, 'FORBIDDEN');
      expect(await writes()).toEqual(before);
    });

    it('without signing in: 401', async () => {
      expectProblem(await t.http().get('/api/v1/users'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().post('/api/v1/users').send({}), 401, 'UNAUTHENTICATED');
    });
  });
});
