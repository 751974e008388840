import { Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, DESKTOP, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

const TEMPORARY = /^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/;

/**
 * Issue 22 in a real browser: an administrator finds and adds an account on /quan-tri/nguoi-dung, reads its temporary
 * password once, gives it a new one, and the new user signs in with it and is made to change it before anything else;
 * the bulk page previews a sheet and lists the new passwords to print; an agency's head sees its own officers only.
 * axe-core finds nothing serious or critical on any of these pages.
 */
describe('account administration in the browser', () => {
  let app: BrowserApp;
  let admin: Page;
  let temporaryPassword = '';
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const axeClean = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);
  const submit = (page: Page, name: string) =>
    Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await signIn(app, 'admin');
  });
  afterAll(() => app?.close());

  it('lists the accounts with a search and filters, and refuses a new account without a role beside its field', async () => {
    await admin.goto('/quan-tri/nguoi-dung');
    expect(await text(admin, 'h1')).toBe('Tài khoản');
    await admin.getByLabel('Tìm theo tên đăng nhập, họ tên hoặc thư điện tử').fill('so xay dung');
    await admin.getByLabel('Vai trò', { exact: true }).first().selectOption('AGENCY_HEAD');
    await submit(admin, 'Tìm');
    expect(await text(admin, 'main table tbody')).toContain('thutruong.sl-so-xd');
    expect(await text(admin, '#so-tai-khoan')).toBe('1 tài khoản khớp điều kiện tìm.');
    await axeClean(admin);
    await screenshot(admin, 'tai-khoan-01-danh-sach');

    await admin.locator('#create-username').fill('lo.vanmoi');
    await admin.locator('#create-fullName').fill('Lò Văn Mới');
    await submit(admin, 'Thêm tài khoản');
    expect(await text(admin, '[role="alert"]')).toContain('Chưa thêm được.');
    expect(await admin.locator('#create-fullName').inputValue()).toBe('Lò Văn Mới');
    await axeClean(admin);
  });

  it('adds the account and shows its temporary password once, to hand over in person', async () => {
    await admin.locator('#create-role').selectOption('AGENCY_OFFICER');
    await admin.locator('#create-agencyId').selectOption({ label: 'Sở Xây dựng (SL-SO-XD)' });
    await admin.locator('#create-title').fill('Chuyên viên');
    await submit(admin, 'Thêm tài khoản');
    expect(await text(admin, '#mat-khau-tam')).toContain('hãy trao tận tay, người dùng phải đổi khi đăng nhập');
    temporaryPassword = await text(admin, '#mat-khau-tam code');
    expect(temporaryPassword).toMatch(TEMPORARY);
    await axeClean(admin);
    await screenshot(admin, 'tai-khoan-02-mat-khau-tam');
  });

  it('gives a new temporary password on the account page, another one, and says the sessions ended', async () => {
    await admin.goto('/quan-tri/nguoi-dung?q=lo.vanmoi');
    await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: 'lo.vanmoi' }).click()]);
    expect(await text(admin, 'h1')).toContain('Lò Văn Mới');
    await axeClean(admin);
    const first = temporaryPassword;
    await submit(admin, 'Cấp lại mật khẩu');
    temporaryPassword = await text(admin, '#mat-khau-tam code');
    expect(temporaryPassword).toMatch(TEMPORARY);
    expect(temporaryPassword).not.toBe(first);
    expect(await text(admin, '#mat-khau-tam')).toContain('Mọi phiên đăng nhập của tài khoản này đã kết thúc.');
    await axeClean(admin);
  });

  it('lets the new user sign in with the temporary password and makes it change the password first', async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, viewport: DESKTOP, locale: 'vi-VN' });
    const user = await context.newPage();
    await user.goto('/dang-nhap');
    await user.getByLabel('Tên đăng nhập').fill('lo.vanmoi');
    await user.getByLabel('Mật khẩu').fill(temporaryPassword);
    await Promise.all([
      user.waitForURL((url) => !url.pathname.startsWith('/dang-nhap')),
      user.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    expect(new URL(user.url()).pathname).toBe('/doi-mat-khau');
    await user.goto('/he-thong');
    expect(new URL(user.url()).pathname).toBe('/doi-mat-khau');
    await axeClean(user);
    await screenshot(user, 'tai-khoan-03-doi-mat-khau');
    // Its own password, then back to what it asked for.
    await user.locator('#f-currentPassword').fill(temporaryPassword);
    await user.locator('#f-newPassword').fill('Ngựa vằn gặm cỏ dưới trăng Mộc Châu');
    await user.locator('#f-confirmPassword').fill('Ngựa vằn gặm cỏ dưới trăng Mộc Châu');
    await submit(user, 'Đổi mật khẩu');
    expect(new URL(user.url()).pathname).toBe('/he-thong');
    expect(await text(user, '.flash')).toContain('Đã đổi mật khẩu.');
    await context.close();

    // Its session shows on its page for the administrator (the page, not the reset's answer: no second reset).
    await admin.goto(new URL(admin.url()).pathname.replace(/\/cap-lai-mat-khau$/, ''));
    expect(await text(admin, '#phien')).toContain('Chrome trên Linux');
  });

  it('adds accounts from a sheet: a preview with the errors, then the list of temporary passwords to print', async () => {
    await admin.goto('/quan-tri/nguoi-dung/nhap');
    await axeClean(admin);
    const header = 'Tên đăng nhập,Họ và tên,Chức vụ,Thư điện tử,Mã cơ quan,Vai trò';
    await admin.getByLabel(/Tệp danh sách tài khoản/).setInputFiles({
      name: 'tai-khoan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [header, 'nhap.mot,Lò Văn Một,,,SL-SO-XD,Cán bộ', 'canbo.sl-so-xd,Trùng,,,SL-SO-XD,AGENCY_OFFICER'].join('\n'),
        'utf8',
      ),
    });
    // The upload goes by htmx (the CSRF token in its header: a multipart body is read after the guards).
    await admin.getByRole('button', { name: 'Xem trước' }).click();
    await admin.locator('#cac-dong').waitFor();
    expect(await text(admin, '[role="alert"]')).toContain('Chưa tạo được.');
    expect(await text(admin, '#nhap-tai-khoan table')).toContain('Tên đăng nhập: đã có tài khoản với tên đăng nhập này');
    await axeClean(admin);
    await screenshot(admin, 'tai-khoan-04-xem-truoc');

    await Promise.all([admin.waitForNavigation(), admin.getByRole('link', { name: 'Chọn tệp khác' }).click()]);
    await admin.getByLabel(/Tệp danh sách tài khoản/).setInputFiles({
      name: 'tai-khoan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [header, 'nhap.mot,Lò Văn Một,,,SL-SO-XD,AGENCY_OFFICER', 'nhap.hai,Cầm Thị Hai,,,SL-SO-YT,AGENCY_OFFICER'].join('\n'),
        'utf8',
      ),
    });
    await admin.getByRole('button', { name: 'Xem trước' }).click();
    await admin.locator('#cac-dong').waitFor();
    expect(await text(admin, '[role="status"]')).toContain('Tất cả 2 dòng hợp lệ');
    await submit(admin, 'Tạo 2 tài khoản');
    expect(await text(admin, '.flash')).toContain('Đã tạo 2 tài khoản');
    const passwords = await admin.locator('.temp-password-list code').allTextContents();
    expect(passwords).toHaveLength(2);
    for (const password of passwords) expect(password).toMatch(TEMPORARY);
    // The print button works under the pages' policy (no inline script): it opens the browser's print dialog.
    await admin.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
    await admin.getByRole('button', { name: 'In danh sách mật khẩu' }).click();
    expect(await admin.evaluate('window.printed')).toBe(1);
    await axeClean(admin);
    await screenshot(admin, 'tai-khoan-05-ket-qua');
  });

  it("shows an agency's head its own officers under “Tài khoản cán bộ”", async () => {
    const head = await signIn(app, 'thutruong.sl-so-xd');
    await Promise.all([head.waitForNavigation(), head.getByRole('link', { name: 'Tài khoản cán bộ' }).click()]);
    expect(await text(head, 'h1')).toBe('Tài khoản cán bộ');
    const rows = await text(head, 'main table tbody');
    expect(rows).toContain('canbo.sl-so-xd');
    expect(rows).not.toContain('canbo.sl-so-yt');
    expect(await head.locator('#create-role').count()).toBe(0);
    await axeClean(head);
    await screenshot(head, 'tai-khoan-06-thu-truong');
  });
});
