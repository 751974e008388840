import request from 'supertest';
import { countRows, createTestApp, TestApp } from './support/test-app';
import { cookiesOf, csrfFrom, jar, webSession, WebSession } from './support/web-session';

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const TEMPORARY = /<code translate="no">([A-Za-z0-9-]{19})<\/code>/;
const HEADER = 'Tên đăng nhập,Họ và tên,Chức vụ,Thư điện tử,Mã cơ quan,Vai trò';

/**
 * The account pages (issue 22): the list with its search and filters, "Thêm tài khoản", an account's page (edit,
 * lock, new temporary password, sign out everywhere, its sessions) and the bulk page — for an administrator, and for an
 * agency's head over its own officers only. Posts need the CSRF token; refusals are pages with the reason, never a
 * 500, and write nothing.
 */
describe('account pages', () => {
  let t: TestApp;
  let xd: string;
  const sessions = new Map<string, WebSession>();
  const browser = async (username: string): Promise<WebSession> => {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  };
  const get = async (username: string, path: string): Promise<request.Response> =>
    t
      .http()
      .get(path)
      .set('cookie', (await browser(username)).cookie);
  const post = async (username: string, path: string, form: Record<string, string | string[]> = {}): Promise<request.Response> => {
    const s = await browser(username);
    return t
      .http()
      .post(path)
      .set('cookie', s.cookie)
      .type('form')
      .send({ ...form, _csrf: s.csrf });
  };
  const upload = async (username: string, csv: string, name = 'tai-khoan.csv'): Promise<request.Response> => {
    const s = await browser(username);
    return t
      .http()
      .post('/quan-tri/nguoi-dung/nhap/xem-truoc')
      .set('cookie', s.cookie)
      .set('x-csrf-token', s.csrf)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: name, contentType: 'text/csv' });
  };
  const idOf = async (username: string): Promise<string> =>
    (await t.db.query(`SELECT id FROM users WHERE username = $1`, [username]))[0]?.id;
  const user = async (username: string) =>
    (
      await t.db.query(
        `SELECT id, full_name, title, email, role, agency_id, active, must_change_password, version FROM users WHERE username = $1`,
        [username],
      )
    )[0];
  /** Signs in through the sign-in page with this browser's User-Agent: the session's cookie. */
  const signIn = async (username: string, password: string, userAgent = CHROME_WINDOWS): Promise<request.Response> => {
    const form = await t.http().get('/dang-nhap').set('user-agent', userAgent).expect(200);
    return t
      .http()
      .post('/dang-nhap')
      .set('user-agent', userAgent)
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username, password, _csrf: csrfFrom(form.text) });
  };

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: xd }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    // Another province: Lào Cai, with a body and its officer.
    const admin = { authorization: `Bearer ${await t.login('admin')}` };
    const create = async (body: object) => (await t.http().post('/api/v1/agencies').set(admin).send(body).expect(201)).body.id as string;
    const lcRoot = await create({ code: 'LC-UBND', name: 'UBND tỉnh Lào Cai', kind: 'province_committee', provinceCode: 'LC' });
    const lc = await create({ code: 'LC-SO-XD', name: 'Sở Xây dựng tỉnh Lào Cai', kind: 'department', parentId: lcRoot });
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'canbo.lc-so-xd', password_hash, 'Cán bộ Sở Xây dựng Lào Cai', 'AGENCY_OFFICER', $1 FROM users WHERE username = 'admin'`,
      [lc],
    );
  });
  afterAll(() => t?.close());

  describe('the list', () => {
    it('shows an administrator every account with its agency, last sign-in and state, a search, filters and the add form', async () => {
      await browser('canbo.sl-so-xd');
      const res = await get('admin', '/quan-tri/nguoi-dung');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Tài khoản</h1>');
      expect(res.text).toContain('role="search"');
      for (const name of ['vaiTro', 'coQuan', 'tinhTrang']) expect(res.text).toContain(`<select id="${name}" name="${name}">`);
      expect(res.text).toContain('<h2 id="them-tieu-de">Thêm tài khoản</h2>');
      expect(res.text).toContain('href="/quan-tri/nguoi-dung/nhap"');
      // About 200 demo accounts: 50 a page.
      expect(res.text).toMatch(/Trang 1 \/ [4-9]/);
      const found = await get('admin', '/quan-tri/nguoi-dung?q=canbo');
      expect(found.text).toMatch(/href="\/quan-tri\/nguoi-dung\/[0-9a-f-]{36}">canbo\.lc-so-xd<\/a>/);
      const signedIn = await get('admin', '/quan-tri/nguoi-dung?q=canbo.sl-so-x');
      expect(signedIn.text).toMatch(
        /canbo\.sl-so-xd<\/a><\/td><td>[^]*?<td>\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/td><td><span class="badge ok">Đang dùng<\/span>/,
      );
      expect((await get('admin', '/quan-tri/nguoi-dung?q=canbo.sl-so-yt')).text).toContain('Chưa đăng nhập');
    });

    it('searches without diacritics and filters by role, agency and state', async () => {
      const found = await get(
        'admin',
        `/quan-tri/nguoi-dung?q=${encodeURIComponent('so xay dung')}&vaiTro=AGENCY_HEAD&coQuan=${xd}&tinhTrang=dang-dung`,
      );
      expect(found.status).toBe(200);
      expect(found.text).toContain('>thutruong.sl-so-xd</a>');
      expect(found.text).not.toContain('>canbo.sl-so-xd</a>');
      expect(found.text).toContain('1 tài khoản khớp điều kiện tìm.');
      expect(found.text).toContain('<option value="AGENCY_HEAD" selected>');
      const locked = await get('admin', '/quan-tri/nguoi-dung?tinhTrang=da-khoa');
      expect(locked.text).toContain('Không có tài khoản nào khớp điều kiện tìm.');
    });

    it('reads filters it cannot use as no filter: never a 400 or a 500', async () => {
      for (const query of [
        'vaiTro=ROOT',
        "coQuan=x'%20OR%201=1",
        'trang=-4',
        'trang=abc',
        'q[]=a&q[]=b',
        `q=${'x'.repeat(3000)}`,
        'tinhTrang[a]=1',
      ]) {
        const res = await get('admin', `/quan-tri/nguoi-dung?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 200 });
      }
    });

    it('refuses the roles without user:manage, on the list, the account page and every post', async () => {
      const adminId = await idOf('admin');
      for (const username of ['lanhdao', 'thamdinh', 'canbo.sl-so-xd']) {
        expect((await get(username, '/quan-tri/nguoi-dung')).status).toBe(403);
        expect((await get(username, `/quan-tri/nguoi-dung/${adminId}`)).status).toBe(403);
        expect((await get(username, '/quan-tri/nguoi-dung/nhap')).status).toBe(403);
        expect((await post(username, '/quan-tri/nguoi-dung', { username: 'tu.tao', fullName: 'X', role: 'ADMIN' })).status).toBe(403);
        expect((await post(username, `/quan-tri/nguoi-dung/${adminId}/cap-lai-mat-khau`)).status).toBe(403);
      }
      expect(await idOf('tu.tao')).toBeUndefined();
    });

    it('sends a visitor without a session to the sign-in page', async () => {
      const res = await t.http().get('/quan-tri/nguoi-dung');
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/dang-nhap/);
    });
  });

  describe('adding an account', () => {
    it('creates it, shows its temporary password once, and the new user must change it at sign-in', async () => {
      const auditBefore = await countRows(t.db, 'audit_log');
      const res = await post('admin', '/quan-tri/nguoi-dung', {
        username: ' Nguyen.VanMoi ',
        fullName: 'Nguyễn Văn Mới',
        title: 'Chuyên viên',
        email: 'moi@sonla.gov.vn',
        role: 'AGENCY_OFFICER',
        agencyId: xd,
      });
      expect(res.status).toBe(201);
      expect(res.text).toContain('hãy trao tận tay, người dùng phải đổi khi đăng nhập');
      const password = TEMPORARY.exec(res.text)![1];
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
      expect(await user('nguyen.vanmoi')).toMatchObject({
        full_name: 'Nguyễn Văn Mới',
        role: 'AGENCY_OFFICER',
        agency_id: xd,
        must_change_password: true,
      });
      expect(await countRows(t.db, 'audit_log')).toBe(auditBefore + 1);
      const audit = await t.db.query(
        `SELECT before, after FROM audit_log WHERE entity_type = 'user' AND action = 'CREATE' ORDER BY id DESC LIMIT 1`,
      );
      expect(JSON.stringify(audit)).not.toContain(password);
      // Never again: the account's own page does not show it.
      expect((await get('admin', `/quan-tri/nguoi-dung/${await idOf('nguyen.vanmoi')}`)).text).not.toContain(password);
      // The temporary password signs in, and leads to the password change first.
      const signedIn = await signIn('nguyen.vanmoi', password);
      expect(signedIn.status).toBe(303);
      const home = await t
        .http()
        .get('/')
        .set('cookie', jar(cookiesOf(signedIn)));
      expect(home.status).toBe(303);
      expect(home.headers.location).toMatch(/^\/doi-mat-khau/);
    });

    it('shows the refusals beside their fields, writing nothing', async () => {
      const before = await countRows(t.db, 'users');
      const cases: [Record<string, string>, number, string][] = [
        [{ username: '', fullName: '', role: '' }, 422, 'Chưa thêm được.'],
        [{ username: 'Có dấu!', fullName: 'A', role: 'ADMIN' }, 422, 'Tên đăng nhập: không đúng định dạng'],
        [{ username: 'thu.email', fullName: 'A', role: 'ADMIN', email: 'khong-phai-thu' }, 422, 'thư điện tử không hợp lệ'],
        [{ username: 'thu.coquan', fullName: 'A', role: 'APPRAISER', agencyId: '' }, 422, 'vai trò này cần có cơ quan, đơn vị'],
        [{ username: 'thu.coquan2', fullName: 'A', role: 'APPRAISER', agencyId: 'khong-phai-uuid' }, 422, 'id="create-agencyId-err"'],
        [{ username: 'thu.vaitro', fullName: 'A', role: 'ROOT' }, 422, 'hãy chọn một trong các lựa chọn'],
        [{ username: 'canbo.sl-so-xd', fullName: 'A', role: 'AGENCY_OFFICER', agencyId: xd }, 409, 'đã được dùng'],
      ];
      for (const [form, status, text] of cases) {
        const res = await post('admin', '/quan-tri/nguoi-dung', form);
        expect({ form, status: res.status }).toEqual({ form, status });
        expect(res.text).toContain(text);
        expect(res.text).toContain('role="alert"');
        expect(res.text).not.toMatch(TEMPORARY);
      }
      // What was typed stays in the form.
      const kept = await post('admin', '/quan-tri/nguoi-dung', { username: 'thu.giu', fullName: 'Lò Thị Giữ', role: '' });
      expect(kept.text).toContain('value="Lò Thị Giữ"');
      expect(await countRows(t.db, 'users')).toBe(before);
    });

    it('refuses a post without the CSRF token, writing nothing', async () => {
      const s = await browser('admin');
      const res = await t
        .http()
        .post('/quan-tri/nguoi-dung')
        .set('cookie', s.cookie)
        .type('form')
        .send({ username: 'khong.csrf', fullName: 'A', role: 'ADMIN' });
      expect(res.status).toBe(403);
      const forged = await t
        .http()
        .post(`/quan-tri/nguoi-dung/${await idOf('canbo.sl-so-xd')}/khoa`)
        .set('cookie', s.cookie)
        .type('form')
        .send({ _csrf: 'x'.repeat(40) });
      expect(forged.status).toBe(403);
      expect(await idOf('khong.csrf')).toBeUndefined();
      expect((await user('canbo.sl-so-xd')).active).toBe(true);
    });
  });

  describe("an account's page", () => {
    it('lists its open sessions with the browser, the address and the last activity', async () => {
      const id = await idOf('canbo.sl-so-yt');
      expect((await signIn('canbo.sl-so-yt', 'demo1234')).status).toBe(303);
      const res = await get('admin', `/quan-tri/nguoi-dung/${id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Các phiên đăng nhập đang mở');
      expect(res.text).toContain('Chrome trên Windows');
      expect(res.text).toContain('<td>Mật khẩu</td>');
      expect(res.text).toMatch(/<td>(::ffff:)?127\.0\.0\.1<\/td>|<td>::1<\/td>/);
    });

    it("saves the edit with the version read, and refuses a stale one with the page's message", async () => {
      const before = await user('canbo.sl-so-yt');
      const id = before.id;
      const saved = await post('admin', `/quan-tri/nguoi-dung/${id}`, {
        version: String(before.version),
        fullName: 'Cán bộ Sở Y tế',
        title: 'Chuyên viên chính',
        email: '',
        role: 'AGENCY_OFFICER',
        agencyId: before.agency_id,
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe(`/quan-tri/nguoi-dung/${id}`);
      expect(await user('canbo.sl-so-yt')).toMatchObject({ title: 'Chuyên viên chính', email: null, version: before.version + 1 });
      const stale = await post('admin', `/quan-tri/nguoi-dung/${id}`, {
        version: String(before.version),
        fullName: 'Tên khác',
        role: 'AGENCY_OFFICER',
        agencyId: before.agency_id,
      });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('Hãy tải lại');
      expect(stale.text).toContain('value="Tên khác"');
      const bad = await post('admin', `/quan-tri/nguoi-dung/${id}`, {
        version: 'abc',
        fullName: '',
        role: 'AGENCY_OFFICER',
        agencyId: before.agency_id,
      });
      expect(bad.status).toBe(422);
      expect((await user('canbo.sl-so-yt')).full_name).toBe('Cán bộ Sở Y tế');
    });

    it('gives a new temporary password once, ends every session at once, and the old password no longer works', async () => {
      const id = await idOf('canbo.sl-so-yt');
      const old = await signIn('canbo.sl-so-yt', 'demo1234');
      const oldCookie = jar(cookiesOf(old));
      expect((await t.http().get('/he-thong').set('cookie', oldCookie)).status).toBe(200);
      const res = await post('admin', `/quan-tri/nguoi-dung/${id}/cap-lai-mat-khau`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Đã cấp lại mật khẩu. Mật khẩu tạm thời');
      expect(res.text).toContain('hãy trao tận tay, người dùng phải đổi khi đăng nhập');
      expect(res.text).toContain('Không có phiên nào đang mở.');
      const password = TEMPORARY.exec(res.text)![1];
      const replay = await t.http().get('/he-thong').set('cookie', oldCookie);
      expect(replay.status).toBe(303);
      expect(replay.headers.location).toMatch(/^\/dang-nhap/);
      expect((await signIn('canbo.sl-so-yt', 'demo1234')).status).not.toBe(303);
      expect((await signIn('canbo.sl-so-yt', password)).status).toBe(303);
      expect((await user('canbo.sl-so-yt')).must_change_password).toBe(true);
    });

    it('locks and unlocks an account, ending its sessions; "Đăng xuất khỏi mọi thiết bị" ends them too', async () => {
      const id = await idOf('canbo.sl-so-tc');
      const open = jar(cookiesOf(await signIn('canbo.sl-so-tc', 'demo1234')));
      const everywhere = await post('admin', `/quan-tri/nguoi-dung/${id}/dang-xuat-moi-noi`);
      expect(everywhere.status).toBe(303);
      expect((await t.http().get('/he-thong').set('cookie', open)).status).toBe(303);
      const flashed = await t
        .http()
        .get(everywhere.headers.location)
        .set('cookie', [(await browser('admin')).cookie, ...cookiesOf(everywhere).map((c) => c.split(';')[0])].join('; '));
      expect(flashed.text).toContain('Đã kết thúc 1 phiên đăng nhập.');

      const again = jar(cookiesOf(await signIn('canbo.sl-so-tc', 'demo1234')));
      expect((await post('admin', `/quan-tri/nguoi-dung/${id}/khoa`)).status).toBe(303);
      expect((await user('canbo.sl-so-tc')).active).toBe(false);
      expect((await t.http().get('/he-thong').set('cookie', again)).status).toBe(303);
      expect((await get('admin', `/quan-tri/nguoi-dung/${id}`)).text).toContain('Mở khóa tài khoản');
      expect((await post('admin', `/quan-tri/nguoi-dung/${id}/mo-khoa`)).status).toBe(303);
      expect((await user('canbo.sl-so-tc')).active).toBe(true);
      const audit = await t.db.query(
        `SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 AND action <> 'SIGN_IN' ORDER BY id`,
        [id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['SIGN_OUT_EVERYWHERE', 'DEACTIVATE', 'REACTIVATE']);
    });

    it('refuses an administrator locking or demoting itself, with the reason on the page', async () => {
      const me = await user('admin');
      const page = await get('admin', `/quan-tri/nguoi-dung/${me.id}`);
      expect(page.text).not.toContain('Khóa tài khoản</button>');
      const locked = await post('admin', `/quan-tri/nguoi-dung/${me.id}/khoa`);
      expect(locked.status).toBeGreaterThanOrEqual(400);
      expect(locked.status).toBeLessThan(500);
      expect(locked.text).toContain('Chưa thực hiện được.');
      const demoted = await post('admin', `/quan-tri/nguoi-dung/${me.id}`, {
        version: String(me.version),
        fullName: me.full_name,
        role: 'LEADER',
        agencyId: xd,
      });
      expect(demoted.status).toBeGreaterThanOrEqual(400);
      expect(demoted.status).toBeLessThan(500);
      expect(await user('admin')).toMatchObject({ active: true, role: 'ADMIN' });
    });

    it('answers an unknown or malformed id with the not-found page', async () => {
      expect((await get('admin', '/quan-tri/nguoi-dung/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('admin', '/quan-tri/nguoi-dung/khong-co')).status).toBe(404);
      expect((await post('admin', '/quan-tri/nguoi-dung/00000000-0000-4000-8000-000000000000/khoa')).status).toBe(404);
    });
  });

  describe("an agency's head", () => {
    const head = 'thutruong.sl-so-xd';

    it("sees its own agency's accounts only, without the administration menu or other agencies' filters", async () => {
      const res = await get(head, '/quan-tri/nguoi-dung');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Tài khoản cán bộ</h1>');
      expect(res.text).toContain('>canbo.sl-so-xd</a>');
      expect(res.text).not.toContain('>canbo.sl-so-yt</a>');
      expect(res.text).not.toContain('>admin</a>');
      expect(res.text).not.toContain('aria-label="Quản trị"');
      expect(res.text).not.toContain('name="vaiTro"');
      expect(res.text).not.toContain('name="role"');
      const other = await get(head, `/quan-tri/nguoi-dung?coQuan=${await (await user('canbo.sl-so-yt')).agency_id}`);
      expect(other.text).not.toContain('>canbo.sl-so-yt</a>');
    });

    it('creates an officer of its own agency whatever role or agency the post names', async () => {
      const [{ id: yt }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-YT'`);
      const res = await post(head, '/quan-tri/nguoi-dung', {
        username: 'canbo2.sl-so-xd',
        fullName: 'Lò Văn Hai',
        role: 'ADMIN',
        agencyId: yt,
      });
      expect(res.status).toBe(201);
      expect(res.text).toMatch(TEMPORARY);
      expect(await user('canbo2.sl-so-xd')).toMatchObject({ role: 'AGENCY_OFFICER', agency_id: xd, must_change_password: true });
    });

    it("manages its own officers, but not another agency's (404) or another province's (404), nor a head (403), writing nothing", async () => {
      const own = await idOf('canbo2.sl-so-xd');
      const page = await get(head, `/quan-tri/nguoi-dung/${own}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Cấp lại mật khẩu</button>');
      expect(page.text).not.toContain('name="role"');
      expect((await post(head, `/quan-tri/nguoi-dung/${own}/cap-lai-mat-khau`)).status).toBe(200);

      for (const username of ['canbo.sl-so-yt', 'canbo.lc-so-xd', 'admin']) {
        const id = await idOf(username);
        expect({ username, status: (await get(head, `/quan-tri/nguoi-dung/${id}`)).status }).toEqual({ username, status: 404 });
        expect({ username, status: (await post(head, `/quan-tri/nguoi-dung/${id}/khoa`)).status }).toEqual({ username, status: 404 });
        expect((await user(username)).active).toBe(true);
      }
      // A head of its own agency: in sight, not its to change.
      await t.db.query(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'photruong.sl-so-xd', password_hash, 'Phó Giám đốc', 'AGENCY_HEAD', $1 FROM users WHERE username = 'admin'`,
        [xd],
      );
      const deputy = await user('photruong.sl-so-xd');
      const deputyPage = await get(head, `/quan-tri/nguoi-dung/${deputy.id}`);
      expect(deputyPage.status).toBe(200);
      expect(deputyPage.text).not.toContain('Khóa tài khoản</button>');
      expect(deputyPage.text).toContain('Tài khoản này do quản trị viên quản lý');
      const locked = await post(head, `/quan-tri/nguoi-dung/${deputy.id}/khoa`);
      expect(locked.status).toBe(403);
      expect(locked.text).toContain('chỉ quản lý tài khoản cán bộ của cơ quan mình');
      const promoted = await post(head, `/quan-tri/nguoi-dung/${deputy.id}`, { version: String(deputy.version), fullName: 'Đổi tên' });
      expect(promoted.status).toBe(403);
      expect(await user('photruong.sl-so-xd')).toMatchObject({ active: true, full_name: 'Phó Giám đốc', version: deputy.version });
    });
  });

  describe('adding accounts from a sheet', () => {
    it('previews each row with its errors in Vietnamese, writes nothing until confirmed, then lists each temporary password once', async () => {
      const before = await countRows(t.db, 'users');
      const bad = await upload(
        'admin',
        [
          HEADER,
          'nhap.mot,Lò Văn Một,Chuyên viên,mot@sonla.gov.vn,SL-SO-XD,"Cán bộ cơ quan, đơn vị"',
          'canbo.sl-so-xd,Trùng Tên,,,SL-SO-XD,AGENCY_OFFICER',
          'nhap.ba,Ba,,,KHONG-CO,Sếp',
        ].join('\n'),
      );
      expect(bad.status).toBe(200);
      expect(bad.text).toContain('Chưa tạo được.');
      expect(bad.text).toContain('Tên đăng nhập: đã có tài khoản với tên đăng nhập này');
      expect(bad.text).toContain('Mã cơ quan: không có cơ quan, đơn vị mã KHONG-CO');
      expect(bad.text).not.toContain('>Tạo 1 tài khoản</button>');
      expect(await countRows(t.db, 'users')).toBe(before);

      const good = await upload(
        'admin',
        [HEADER, 'nhap.mot,Lò Văn Một,Chuyên viên,,SL-SO-XD,AGENCY_OFFICER', 'nhap.hai,Cầm Thị Hai,,,SL-SO-YT,Cán bộ cơ quan đơn vị'].join(
          '\n',
        ),
      );
      expect(good.status).toBe(200);
      expect(good.text).toContain('Tất cả 2 dòng hợp lệ');
      const token = /name="token" value="([^"]+)"/.exec(good.text)![1];
      expect(await countRows(t.db, 'users')).toBe(before);
      const done = await post('admin', '/quan-tri/nguoi-dung/nhap', { token });
      expect(done.status).toBe(200);
      expect(done.text).toContain('Đã tạo 2 tài khoản');
      expect(done.text).toContain('data-print');
      expect(done.text).toContain('hãy trao tận tay, người dùng phải đổi khi đăng nhập');
      expect([...done.text.matchAll(new RegExp(TEMPORARY, 'g'))]).toHaveLength(2);
      expect(await countRows(t.db, 'users')).toBe(before + 2);
      expect(await user('nhap.hai')).toMatchObject({ must_change_password: true, role: 'AGENCY_OFFICER' });
      // The file is forgotten: the same confirmation creates nothing more.
      const again = await post('admin', '/quan-tri/nguoi-dung/nhap', { token });
      expect(again.status).toBe(422);
      expect(again.text).toContain('Hãy chọn lại tệp');
      expect(await countRows(t.db, 'users')).toBe(before + 2);
    });

    it('refuses no file, a file that is no sheet, a stranger token and a head’s rows for other roles, writing nothing', async () => {
      const before = await countRows(t.db, 'users');
      const s = await browser('admin');
      const none = await t
        .http()
        .post('/quan-tri/nguoi-dung/nhap/xem-truoc')
        .set('cookie', s.cookie)
        .set('x-csrf-token', s.csrf)
        .field('x', '1');
      expect(none.status).toBe(422);
      expect(none.text).toContain('Chưa chọn tệp để nhập.');
      const junk = await upload('admin', '\u0000\u0001PNG', 'a.xlsx');
      expect(junk.status).toBeGreaterThanOrEqual(400);
      expect(junk.status).toBeLessThan(500);
      for (const token of ['', '../../etc/passwd', 'x'.repeat(3000), '00000000-0000-4000-8000-000000000000']) {
        expect((await post('admin', '/quan-tri/nguoi-dung/nhap', { token })).status).toBe(422);
      }
      const adminToken = /name="token" value="([^"]+)"/.exec(
        (await upload('admin', [HEADER, 'nhap.bon,Bốn,,,SL-SO-XD,AGENCY_OFFICER'].join('\n'))).text,
      )![1];
      expect((await post('thutruong.sl-so-xd', '/quan-tri/nguoi-dung/nhap', { token: adminToken })).status).toBe(422);
      const headRows = await upload(
        'thutruong.sl-so-xd',
        [HEADER, 'nhap.nam,Năm,,,SL-SO-XD,ADMIN', 'nhap.sau,Sáu,,,SL-SO-YT,AGENCY_OFFICER'].join('\n'),
      );
      expect(headRows.status).toBe(200);
      expect(headRows.text).toContain('chỉ được tạo tài khoản cán bộ của cơ quan mình');
      expect(headRows.text).toContain('2 có lỗi');
      expect((await upload('canbo.sl-so-xd', HEADER)).status).toBe(403);
      expect(await countRows(t.db, 'users')).toBe(before);
    });
  });
});
