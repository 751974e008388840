import { createTestApp, TestApp } from './support/test-app';
import { cookiesOf, csrfFrom, jar, webSession } from './support/web-session';

/** Issue 22: the "Đổi mật khẩu" page, and the forced change after a temporary password. */
describe('/doi-mat-khau', () => {
  let t: TestApp;
  const STRONG = 'suoi-da-den-mua-lua-chin';

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const browser = (username: string, password?: string) => webSession(t, username, { password, page: '/doi-mat-khau' });
  const hashOf = async (username: string) =>
    (await t.adminQuery<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = $1`, [username]))[0].password_hash;

  it('is linked by the name in the header on every page, and shows the form with the policy', async () => {
    const web = await browser('canbo.sl-so-tp');
    const home = await t.http().get('/').set('cookie', web.cookie).expect(200);
    expect(home.text).toContain('<a class="password-link" href="/doi-mat-khau">Đổi mật khẩu</a>');
    const page = await t.http().get('/doi-mat-khau').set('cookie', web.cookie).expect(200);
    expect(page.text).toContain('<h1>Đổi mật khẩu</h1>');
    expect(page.text).toContain('Mật khẩu mới dài ít nhất 10 ký tự');
    expect(page.text).toContain('autocomplete="current-password"');
    expect(page.text).toContain('autocomplete="new-password"');
    expect(page.text).not.toContain('mật khẩu tạm thời do quản trị viên cấp');
  });

  it('changes the password, back to where the person was going with a confirmation; other browsers are signed out', async () => {
    const web = await browser('canbo.sl-so-nv');
    const elsewhere = await browser('canbo.sl-so-nv');
    const res = await t
      .http()
      .post('/doi-mat-khau')
      .set('cookie', web.cookie)
      .type('form')
      .send({ _csrf: web.csrf, tiep: '/he-thong', currentPassword: 'demo1234', newPassword: STRONG, confirmPassword: STRONG })
      .expect(303)
      .expect('location', '/he-thong');
    const flash = jar(cookiesOf(res));
    const next = await t.http().get('/he-thong').set('cookie', `${web.cookie}; ${flash}`).expect(200);
    expect(next.text).toContain('Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.');
    expect((await t.http().get('/he-thong').set('cookie', elsewhere.cookie).expect(303)).headers.location).toBe(
      '/dang-nhap?tiep=%2Fhe-thong&het=3',
    );
    await browser('canbo.sl-so-nv', STRONG);
  });

  it('refuses a wrong current password, a weak one and a mismatched confirmation on the form, writing nothing', async () => {
    const web = await browser('canbo.sl-ttr');
    const before = await hashOf('canbo.sl-ttr');
    const post = (fields: Record<string, string>) =>
      t
        .http()
        .post('/doi-mat-khau')
        .set('cookie', web.cookie)
        .type('form')
        .send({ _csrf: web.csrf, ...fields });

    const wrong = await post({ currentPassword: 'sai-mat-khau', newPassword: STRONG, confirmPassword: STRONG }).expect(422);
    expect(wrong.text).toContain('Chưa đổi được mật khẩu.');
    expect(wrong.text).toMatch(/<a href="#f-currentPassword">Mật khẩu hiện tại: Mật khẩu hiện tại không đúng\.<\/a>/);
    expect(wrong.text).toContain('aria-invalid="true"');
    // The fields are empty again, so the page does not claim that what was typed is still there.
    expect(wrong.text).not.toContain('vẫn còn nguyên');

    const weak = await post({ currentPassword: 'demo1234', newPassword: 'Matkhau2024!', confirmPassword: 'Matkhau2024!' }).expect(422);
    expect(weak.text).toContain('Mật khẩu quá dễ đoán.');
    expect(weak.text).toContain('href="#f-newPassword"');

    const mismatch = await post({ currentPassword: 'demo1234', newPassword: STRONG, confirmPassword: STRONG + 'x' }).expect(422);
    expect(mismatch.text).toContain('Hai lần nhập mật khẩu mới chưa khớp nhau.');
    expect(mismatch.text).toContain('href="#f-confirmPassword"');

    const empty = await post({}).expect(422);
    expect(empty.text).toContain('Mật khẩu hiện tại: không được để trống');
    // The passwords typed are never sent back into the page.
    for (const page of [wrong, weak, mismatch]) expect(page.text).not.toContain(STRONG);
    expect(weak.text).not.toContain('Matkhau2024!');
    expect(await hashOf('canbo.sl-ttr')).toBe(before);
  });

  it('refuses a post without the CSRF token, and sends a visitor who is not signed in to the sign-in page', async () => {
    const web = await browser('canbo.sl-ubnd');
    const before = await hashOf('canbo.sl-ubnd');
    const forged = await t
      .http()
      .post('/doi-mat-khau')
      .set('cookie', web.cookie)
      .type('form')
      .send({ currentPassword: 'demo1234', newPassword: STRONG, confirmPassword: STRONG })
      .expect(403);
    expect(forged.text).toContain('Biểu mẫu đã hết hạn');
    expect(await hashOf('canbo.sl-ubnd')).toBe(before);
    expect((await t.http().get('/doi-mat-khau').expect(303)).headers.location).toBe('/dang-nhap?tiep=%2Fdoi-mat-khau');
    await t
      .http()
      .post('/doi-mat-khau')
      .type('form')
      .send({ currentPassword: 'demo1234', newPassword: STRONG })
      .expect(303)
      .expect('location', '/dang-nhap');
  });

  it('a temporary password: every page leads to the change first (htmx too), then back to the page asked for', async () => {
    const web = await browser('canbo.sl-ca');
    await t.adminQuery(`UPDATE users SET must_change_password = true WHERE username = 'canbo.sl-ca'`);
    const forced = await t.http().get('/he-thong').set('cookie', web.cookie).expect(303);
    expect(forced.headers.location).toBe('/doi-mat-khau?tiep=%2Fhe-thong');
    const htmx = await t.http().get('/he-thong').set('cookie', web.cookie).set('hx-request', 'true').expect(403);
    expect(htmx.headers['hx-redirect']).toBe('/doi-mat-khau?tiep=%2Fhe-thong');
    const post = await t.http().post('/he-thong/moi').set('cookie', web.cookie).type('form').send({ _csrf: web.csrf }).expect(303);
    expect(post.headers.location).toBe('/doi-mat-khau');

    const page = await t.http().get(forced.headers.location).set('cookie', web.cookie).expect(200);
    expect(page.text).toContain('Bạn đang dùng mật khẩu tạm thời do quản trị viên cấp.');
    expect(page.text).toContain('<input type="hidden" name="tiep" value="/he-thong">');
    expect(page.text).toContain('Mật khẩu tạm thời');
    await t
      .http()
      .post('/doi-mat-khau')
      .set('cookie', web.cookie)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), tiep: '/he-thong', currentPassword: 'demo1234', newPassword: STRONG, confirmPassword: STRONG })
      .expect(303)
      .expect('location', '/he-thong');
    await t.http().get('/he-thong').set('cookie', web.cookie).expect(200);
    // Signing out still works with a temporary password.
    await t.adminQuery(`UPDATE users SET must_change_password = true WHERE username = 'canbo.sl-ca'`);
    await t
      .http()
      .post('/dang-xuat')
      .set('cookie', web.cookie)
      .type('form')
      .send({ _csrf: web.csrf })
      .expect(303)
      .expect('location', '/dang-nhap');
  });

  it('only same-site paths are a place to go back to afterwards', async () => {
    const web = await browser('canbo.sl-so-yt');
    const page = await t.http().get('/doi-mat-khau?tiep=https://evil.example/').set('cookie', web.cookie).expect(200);
    expect(page.text).toContain('<input type="hidden" name="tiep" value="/">');
  });
});
