import request from 'supertest';
import { RoleMappingsService } from '../src/auth/oidc/role-mappings.service';
import { AppConfig } from '../src/config/app-config';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';
import { cookiesOf, jar, webSession, WebSession } from './support/web-session';

/**
 * Issue 22 (E): the administrator's table that turns the provider's roles and groups into capdo roles
 * (`/api/v1/sign-in/role-mappings`), the lookup single sign-on makes with it, and the settings page
 * `/quan-tri/dang-nhap-mot-lan` (what capdo is configured with, never the secret; the table, editable).
 */
describe('single sign-on role mappings and settings page', () => {
  let t: TestApp;
  let admin: string;
  let mappings: RoleMappingsService;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const api = '/api/v1/sign-in/role-mappings';
  const auditOf = (id: string) =>
    t.db.query(
      `SELECT action, before, after, actor_username FROM audit_log WHERE entity_type = 'oidc_role_mapping' AND entity_id = $1 ORDER BY id`,
      [id],
    );
  const create = async (claimValue: string, role: string) =>
    (await t.http().post(api).set(auth(admin)).send({ claimValue, role }).expect(201)).body as {
      id: string;
      claimValue: string;
      role: string;
    };
  /** Rows of the table and audit rows: a refused request changes neither. */
  const footprint = async () => [await countRows(t.db, 'oidc_role_mappings'), await countRows(t.db, 'audit_log')];

  beforeAll(async () => {
    t = await createTestApp();
    // The owner's leadership of an agency (the demo has none): it manages its officers' accounts, not sign-in.
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'giamdoc.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = 'SL-SO-XD')
         FROM users WHERE username = 'admin'`,
    );
    admin = await t.login('admin');
    mappings = t.app.get(RoleMappingsService);
  });
  afterAll(() => t.close());

  describe('the API (permission sign-in:configure)', () => {
    it('creates, lists, changes and removes a mapping, each change audited with the administrator', async () => {
      const created = await create('/SoLa/can-bo', 'AGENCY_OFFICER');
      expect(created).toMatchObject({ id: expect.any(String), claimValue: '/SoLa/can-bo', role: 'AGENCY_OFFICER' });
      const listed = await t.http().get(api).set(auth(admin)).expect(200);
      expect(listed.body).toContainEqual(expect.objectContaining({ id: created.id, claimValue: '/SoLa/can-bo', role: 'AGENCY_OFFICER' }));

      const changed = await t.http().patch(`${api}/${created.id}`).set(auth(admin)).send({ role: 'AGENCY_HEAD' }).expect(200);
      expect(changed.body).toMatchObject({ id: created.id, claimValue: '/SoLa/can-bo', role: 'AGENCY_HEAD' });
      const renamed = await t.http().patch(`${api}/${created.id}`).set(auth(admin)).send({ claimValue: '/SoLa/lanh-dao' }).expect(200);
      expect(renamed.body).toMatchObject({ claimValue: '/SoLa/lanh-dao', role: 'AGENCY_HEAD' });

      await t.http().delete(`${api}/${created.id}`).set(auth(admin)).expect(204);
      expect((await t.http().get(api).set(auth(admin)).expect(200)).body.map((m: { id: string }) => m.id)).not.toContain(created.id);
      expect(await auditOf(created.id)).toEqual([
        { action: 'CREATE', before: null, after: { claimValue: '/SoLa/can-bo', role: 'AGENCY_OFFICER' }, actor_username: 'admin' },
        {
          action: 'UPDATE',
          before: { claimValue: '/SoLa/can-bo', role: 'AGENCY_OFFICER' },
          after: { claimValue: '/SoLa/can-bo', role: 'AGENCY_HEAD' },
          actor_username: 'admin',
        },
        {
          action: 'UPDATE',
          before: { claimValue: '/SoLa/can-bo', role: 'AGENCY_HEAD' },
          after: { claimValue: '/SoLa/lanh-dao', role: 'AGENCY_HEAD' },
          actor_username: 'admin',
        },
        { action: 'DELETE', before: { claimValue: '/SoLa/lanh-dao', role: 'AGENCY_HEAD' }, after: null, actor_username: 'admin' },
      ]);
    });

    it('trims the value typed around it but keeps its case; a change to nothing new writes no audit row', async () => {
      const created = await create('  Capdo-Tham-Dinh  ', 'APPRAISER');
      expect(created.claimValue).toBe('Capdo-Tham-Dinh');
      await t.http().patch(`${api}/${created.id}`).set(auth(admin)).send({ role: 'APPRAISER' }).expect(200);
      expect((await auditOf(created.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE']);
    });

    it('refuses a value already mapped (409 DUPLICATE), on create and on rename, writing nothing', async () => {
      const first = await create('capdo-lanh-dao', 'LEADER');
      const other = await create('capdo-lanh-dao-2', 'LEADER');
      const before = await footprint();
      const dup = expectProblem(
        await t.http().post(api).set(auth(admin)).send({ claimValue: 'capdo-lanh-dao', role: 'ADMIN' }),
        409,
        'DUPLICATE',
      );
      expect(dup.errors).toEqual({ claimValue: ['đã được ánh xạ'] });
      expect(dup.detail).toContain('capdo-lanh-dao');
      expectProblem(await t.http().patch(`${api}/${other.id}`).set(auth(admin)).send({ claimValue: 'capdo-lanh-dao' }), 409, 'DUPLICATE');
      expect(await footprint()).toEqual(before);
      // The case differs: another provider value, so another mapping.
      await create('Capdo-Lanh-Dao', 'LEADER');
      expect((await t.http().get(api).set(auth(admin))).body.find((m: { id: string }) => m.id === first.id).role).toBe('LEADER');
    });

    it('lets only one of two administrators adding the same value at once through; the other gets DUPLICATE', async () => {
      const results = await Promise.allSettled([1, 2, 3].map(() => mappings.create({ claimValue: 'cung-luc', role: 'LEADER' })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
        expect(r.reason).toMatchObject({ code: 'DUPLICATE' });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM oidc_role_mappings WHERE claim_value = 'cung-luc'`)).toEqual([{ n: 1 }]);
    });

    it('refuses bad input with 422 problem+json and writes nothing', async () => {
      const target = await create('nhom-sua-sai', 'AGENCY_OFFICER');
      const before = await footprint();
      const bodies: object[] = [
        {},
        { claimValue: 'x' },
        { role: 'LEADER' },
        { claimValue: '', role: 'LEADER' },
        { claimValue: '   ', role: 'LEADER' },
        { claimValue: 'x'.repeat(256), role: 'LEADER' },
        { claimValue: 'can\nbo', role: 'LEADER' },
        { claimValue: 'can-bo', role: 'SUPERUSER' },
        { claimValue: 'can-bo', role: 'leader' },
        { claimValue: 42, role: 'LEADER' },
        { claimValue: ['can-bo'], role: 'LEADER' },
        { claimValue: 'can-bo', role: 'LEADER', id: '00000000-0000-0000-0000-000000000000' },
        { claimValue: 'can-bo', role: 'LEADER', isAdmin: true },
      ];
      for (const body of bodies) {
        const res = await t.http().post(api).set(auth(admin)).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 422 });
        expectProblem(res, 422, 'VALIDATION_FAILED');
      }
      for (const body of [{ claimValue: '' }, { role: 'ROOT' }, { claimValue: null }, { version: 1 }]) {
        const res = await t.http().patch(`${api}/${target.id}`).set(auth(admin)).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 422 });
      }
      expectProblem(await t.http().post(api).set(auth(admin)).set('content-type', 'application/json').send('{"claimValue":'), 400);
      expectProblem(await t.http().patch(`${api}/not-a-uuid`).set(auth(admin)).send({ role: 'LEADER' }), 404, 'NOT_FOUND');
      expectProblem(await t.http().delete(`${api}/00000000-0000-4000-8000-000000000000`).set(auth(admin)), 404, 'NOT_FOUND');
      expectProblem(
        await t.http().patch(`${api}/00000000-0000-4000-8000-000000000000`).set(auth(admin)).send({ role: 'LEADER' }),
        404,
        'NOT_FOUND',
      );
      expect(await footprint()).toEqual(before);
    });

    it('refuses every other role (403 FORBIDDEN) and anonymous callers (401), writing nothing', async () => {
      const target = await create('nhom-cua-quan-tri', 'AGENCY_OFFICER');
      // Signing in is audited: sign in first, then count.
      const others = await Promise.all(['lanhdao', 'thamdinh', 'canbo.sl-so-xd', 'giamdoc.sl-so-xd'].map((u) => t.login(u)));
      const before = await footprint();
      for (const token of others) {
        expectProblem(await t.http().get(api).set(auth(token)), 403, 'FORBIDDEN');
        expectProblem(
          await t
            .http()
            .post(api)
            .set(auth(token))
            .send({ claimValue: `tu-cap-${token.slice(-6)}`, role: 'ADMIN' }),
          403,
          'FORBIDDEN',
        );
        expectProblem(await t.http().patch(`${api}/${target.id}`).set(auth(token)).send({ role: 'ADMIN' }), 403, 'FORBIDDEN');
        expectProblem(await t.http().delete(`${api}/${target.id}`).set(auth(token)), 403, 'FORBIDDEN');
      }
      expectProblem(await t.http().get(api), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().post(api).send({ claimValue: 'x', role: 'ADMIN' }), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().delete(`${api}/${target.id}`), 401, 'UNAUTHENTICATED');
      expect(await footprint()).toEqual(before);
      expect((await t.http().get(api).set(auth(admin))).body.find((m: { id: string }) => m.id === target.id).role).toBe('AGENCY_OFFICER');
    });
  });

  describe('rolesFor: the lookup single sign-on makes', () => {
    beforeAll(async () => {
      await create('sl-can-bo', 'AGENCY_OFFICER');
      await create('/SoLa/CanBo', 'AGENCY_OFFICER');
      await create('sl-tham-dinh', 'APPRAISER');
      await create('Lãnh đạo Sở', 'AGENCY_HEAD');
    });

    it('gives the distinct roles of the values that have a mapping, ignoring the others', async () => {
      expect(await mappings.rolesFor(['offline_access', 'uma_authorization', 'sl-can-bo'])).toEqual(['AGENCY_OFFICER']);
      expect(await mappings.rolesFor(['sl-can-bo', '/SoLa/CanBo'])).toEqual(['AGENCY_OFFICER']);
      expect(await mappings.rolesFor(['sl-tham-dinh', 'sl-can-bo'])).toEqual(['APPRAISER', 'AGENCY_OFFICER']);
      expect(await mappings.rolesFor(['default-roles-sonla'])).toEqual([]);
      expect(await mappings.rolesFor([])).toEqual([]);
    });

    it('matches exactly and case-sensitively (Unicode NFC): no prefix, no case folding, no trimming', async () => {
      expect(await mappings.rolesFor(['SL-CAN-BO', 'sl-can', ' sl-can-bo', '/sola/canbo', 'sl-can-bo%'])).toEqual([]);
      expect(await mappings.rolesFor(['Lãnh đạo Sở'.normalize('NFD')])).toEqual(['AGENCY_HEAD']);
    });

    it('answers from the table as it is now: a removed mapping stops counting at once', async () => {
      const temporary = await create('sl-tam', 'LEADER');
      expect(await mappings.rolesFor(['sl-tam'])).toEqual(['LEADER']);
      await t.http().delete(`${api}/${temporary.id}`).set(auth(admin)).expect(204);
      expect(await mappings.rolesFor(['sl-tam'])).toEqual([]);
    });
  });

  describe('the settings page /quan-tri/dang-nhap-mot-lan', () => {
    const sessions = new Map<string, WebSession>();
    const browser = async (username: string): Promise<WebSession> => {
      const session = sessions.get(username) ?? (await webSession(t, username));
      sessions.set(username, session);
      return session;
    };
    const page = async (username: string, path = '/quan-tri/dang-nhap-mot-lan'): Promise<request.Response> =>
      t
        .http()
        .get(path)
        .set('cookie', (await browser(username)).cookie);
    const post = async (username: string, path: string, form: Record<string, string>, csrf = true): Promise<request.Response> => {
      const s = await browser(username);
      return t
        .http()
        .post(path)
        .set('cookie', s.cookie)
        .type('form')
        .send(csrf ? { ...form, _csrf: s.csrf } : form);
    };

    it('says single sign-on is off ("chưa bật") when OIDC_ISSUER_URL is unset, and is linked from /quan-tri', async () => {
      const home = await page('admin', '/quan-tri');
      expect(home.text).toContain('href="/quan-tri/dang-nhap-mot-lan"');
      const res = await page('admin');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Đăng nhập một lần (SSO)</h1>');
      expect(res.text).toContain('chưa bật');
      expect(res.text).toContain('aria-current="page"');
    });

    describe('with single sign-on configured', () => {
      const SECRET = 'bi-mat-cua-capdo-7f3a';
      const saved: Partial<AppConfig> = {};
      const KEYS = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'LOCAL_SIGN_IN', 'PUBLIC_URL'] as const;
      beforeAll(() => {
        const config = t.app.get(AppConfig);
        for (const key of KEYS) Object.assign(saved, { [key]: config[key] });
        Object.assign(config, {
          OIDC_ISSUER_URL: 'https://sso.sonla.gov.vn/realms/sonla',
          OIDC_CLIENT_ID: 'capdo-sonla',
          OIDC_CLIENT_SECRET: SECRET,
          LOCAL_SIGN_IN: 'admins',
          PUBLIC_URL: 'https://capdo.sonla.gov.vn',
        });
      });
      afterAll(() => Object.assign(t.app.get(AppConfig), saved));

      it('shows the issuer, client id, scopes, claim names and the addresses to register — never the secret', async () => {
        const res = await page('admin');
        expect(res.status).toBe(200);
        expect(res.text).toContain('đang bật');
        for (const shown of [
          '<code>https://sso.sonla.gov.vn/realms/sonla</code>',
          '<code>capdo-sonla</code>',
          '<code>openid profile email</code>',
          '<code>preferred_username</code>',
          '<code>name</code>',
          '<code>agency_code</code>',
          '<code>realm_access.roles, groups</code>',
          '<code>https://capdo.sonla.gov.vn/dang-nhap/sso/ve</code>',
          '<code>https://capdo.sonla.gov.vn/dang-nhap</code>',
          'đã đặt (không hiển thị)',
          'Chỉ quản trị viên được đăng nhập bằng mật khẩu',
        ])
          expect(res.text).toContain(shown);
        expect(res.text).not.toContain(SECRET);
      });
    });

    it('adds, changes and removes a mapping through the forms, with CSRF', async () => {
      const added = await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa', { claimValue: 'trang-can-bo', role: 'AGENCY_OFFICER' });
      expect(added.status).toBe(303);
      expect(added.headers.location).toBe('/quan-tri/dang-nhap-mot-lan');
      const [row] = await t.db.query(`SELECT id, role FROM oidc_role_mappings WHERE claim_value = 'trang-can-bo'`);
      expect(row.role).toBe('AGENCY_OFFICER');
      const shown = await t
        .http()
        .get(added.headers.location)
        .set('cookie', `${(await browser('admin')).cookie}; ${jar(cookiesOf(added))}`);
      expect(shown.text).toContain('Đã thêm ánh xạ “trang-can-bo”.');
      expect(shown.text).toContain(`action="/quan-tri/dang-nhap-mot-lan/anh-xa/${row.id}"`);
      expect(shown.text).toContain('value="trang-can-bo"');

      const changed = await post('admin', `/quan-tri/dang-nhap-mot-lan/anh-xa/${row.id}`, {
        claimValue: 'trang-can-bo',
        role: 'AGENCY_HEAD',
      });
      expect(changed.status).toBe(303);
      expect((await t.db.query(`SELECT role FROM oidc_role_mappings WHERE id = $1`, [row.id]))[0].role).toBe('AGENCY_HEAD');

      const before = await footprint();
      expect((await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa', { claimValue: 'khong-csrf', role: 'LEADER' }, false)).status).toBe(
        403,
      );
      expect((await post('admin', `/quan-tri/dang-nhap-mot-lan/anh-xa/${row.id}/xoa`, {}, false)).status).toBe(403);
      expect(await footprint()).toEqual(before);

      const removed = await post('admin', `/quan-tri/dang-nhap-mot-lan/anh-xa/${row.id}/xoa`, {});
      expect(removed.status).toBe(303);
      expect(await t.db.query(`SELECT 1 FROM oidc_role_mappings WHERE id = $1`, [row.id])).toEqual([]);
      const after = await t
        .http()
        .get('/quan-tri/dang-nhap-mot-lan')
        .set('cookie', `${(await browser('admin')).cookie}; ${jar(cookiesOf(removed))}`);
      expect(after.text).toContain('Đã xóa ánh xạ “trang-can-bo”.');
      expect(after.text).not.toContain('value="trang-can-bo"');
    });

    it('shows a refused form again with its message beside the field (422), writing nothing', async () => {
      await create('trang-trung', 'LEADER');
      const other = await create('trang-khac', 'LEADER');
      const before = await footprint();
      const empty = await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa', { claimValue: '  ', role: '' });
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('Chưa thêm được.');
      expect(empty.text).toMatch(/id="them-claimValue-err">không được để trống/);
      expect(empty.text).toMatch(/id="them-role-err">hãy chọn một trong các lựa chọn/);
      const dup = await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa', { claimValue: 'trang-trung', role: 'APPRAISER' });
      expect(dup.status).toBe(422);
      expect(dup.text).toContain('đã được ánh xạ');
      expect(dup.text).toContain('value="trang-trung"');
      const rename = await post('admin', `/quan-tri/dang-nhap-mot-lan/anh-xa/${other.id}`, { claimValue: 'trang-trung', role: 'LEADER' });
      expect(rename.status).toBe(422);
      expect(rename.text).toContain(`id="gia-tri-${other.id}-err"`);
      expect(rename.text).toContain('Chưa lưu được.');
      const badRole = await post('admin', `/quan-tri/dang-nhap-mot-lan/anh-xa/${other.id}`, { claimValue: 'trang-khac', role: 'ROOT' });
      expect(badRole.status).toBe(422);
      expect(await footprint()).toEqual(before);
      const missing = await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa/00000000-0000-4000-8000-000000000000/xoa', {});
      expect(missing.status).toBe(404);
      expect((await post('admin', '/quan-tri/dang-nhap-mot-lan/anh-xa/khong-phai-id', { claimValue: 'x', role: 'LEADER' })).status).toBe(
        404,
      );
      expect(await footprint()).toEqual(before);
    });

    it('is for administrators only: other roles get 403 on the page and on every form, nothing written', async () => {
      const target = await create('trang-quyen', 'AGENCY_OFFICER');
      const others = ['lanhdao', 'thamdinh', 'canbo.sl-so-xd', 'giamdoc.sl-so-xd'];
      for (const username of others) await browser(username);
      const before = await footprint();
      for (const username of others) {
        expect({ username, status: (await page(username)).status }).toEqual({ username, status: 403 });
        expect(
          (await post(username, '/quan-tri/dang-nhap-mot-lan/anh-xa', { claimValue: `tu-cap-${username}`, role: 'ADMIN' })).status,
        ).toBe(403);
        expect(
          (await post(username, `/quan-tri/dang-nhap-mot-lan/anh-xa/${target.id}`, { claimValue: 'trang-quyen', role: 'ADMIN' })).status,
        ).toBe(403);
        expect((await post(username, `/quan-tri/dang-nhap-mot-lan/anh-xa/${target.id}/xoa`, {})).status).toBe(403);
      }
      expect(await footprint()).toEqual(before);
      const anonymous = await t.http().get('/quan-tri/dang-nhap-mot-lan');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toContain('/dang-nhap');
    });
  });
});
