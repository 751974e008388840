import { Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/password';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, DESKTOP, screenshot, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 22 (D) in a real browser: an officer given a temporary password signs in and is made to change it before
 * anything else (a weak choice refused with the reason), lands where they were going, finds "Đổi mật khẩu" by their
 * name; after signing out, Back does not show the pages again. axe-core finds no serious or critical violation.
 */
describe('changing a password in the browser', () => {
  let app: BrowserApp;
  let page: Page;
  const TEMPORARY = 'Tam-thoi-Kx7pQ2mVz9';
  const CHOSEN = 'ruong-bac-thang-mu-cang-chai';
  const text = async (selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const axeClean = async () => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    // What an administrator's reset leaves behind: a known temporary password that must be changed.
    await app.t.adminQuery(`UPDATE users SET password_hash = $1, must_change_password = true WHERE username = 'canbo.sl-so-tp'`, [
      await hashPassword(TEMPORARY),
    ]);
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
  });
  afterAll(() => app?.close());

  it('a temporary password leads straight to the change, which refuses a weak choice with the reason', async () => {
    await page.goto('/he-thong');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('canbo.sl-so-tp');
    await page.getByLabel('Mật khẩu').fill(TEMPORARY);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/doi-mat-khau'),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    expect(new URL(page.url()).searchParams.get('tiep')).toBe('/he-thong');
    expect(await text('h1')).toBe('Đổi mật khẩu');
    expect(await text('main')).toContain('Bạn đang dùng mật khẩu tạm thời do quản trị viên cấp.');
    await axeClean();
    await screenshot(page, 'password-change-01-bat-buoc');

    // Any other page sends them back here.
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
    await page.goto('/he-thong');
    expect(new URL(page.url()).searchParams.get('tiep')).toBe('/he-thong');

    await page.getByLabel('Mật khẩu tạm thời').fill(TEMPORARY);
    await page.locator('#f-newPassword').fill('Matkhau2024!');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Matkhau2024!');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Đổi mật khẩu' }).click()]);
    await page.waitForSelector('[role="alert"]');
    expect(await text('[role="alert"]')).toContain('Chưa đổi được mật khẩu.');
    expect(await text('#f-newPassword-err')).toContain('Mật khẩu quá dễ đoán.');
    expect(await page.locator('#f-newPassword').inputValue()).toBe('');
    await axeClean();
    await screenshot(page, 'password-change-02-qua-de-doan');
  });

  it('a strong password is accepted: back to the page asked for, with a confirmation, and the header links the page', async () => {
    await page.getByLabel('Mật khẩu tạm thời').fill(TEMPORARY);
    await page.locator('#f-newPassword').fill(CHOSEN);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(CHOSEN);
    await Promise.all([page.waitForURL((url) => url.pathname === '/he-thong'), page.getByRole('button', { name: 'Đổi mật khẩu' }).click()]);
    expect(await text('.flash')).toBe('Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.');
    const [row] = await app.t.adminQuery<{ must_change_password: boolean }>(
      `SELECT must_change_password FROM users WHERE username = 'canbo.sl-so-tp'`,
    );
    expect(row.must_change_password).toBe(false);

    await Promise.all([
      page.waitForURL((url) => url.pathname === '/doi-mat-khau'),
      page.getByRole('link', { name: 'Đổi mật khẩu' }).click(),
    ]);
    expect(await text('main')).not.toContain('mật khẩu tạm thời');
    expect(await page.getByLabel('Mật khẩu hiện tại').count()).toBe(1);
    await axeClean();
    await screenshot(page, 'password-change-03-tu-doi');
  });

  it('after signing out, Back does not show the pages again', async () => {
    await page.goto('/he-thong');
    expect(await text('main')).toContain('Hệ thống');
    await Promise.all([page.waitForURL((url) => url.pathname === '/dang-nhap'), page.getByRole('button', { name: 'Đăng xuất' }).click()]);
    await page.goBack();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    expect(await text('body')).not.toContain('Đăng xuất');
    expect(await text('h1')).toBe('Đăng nhập');
    await axeClean();
    await screenshot(page, 'password-change-04-sau-dang-xuat');

    // The new password signs in.
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('canbo.sl-so-tp');
    await page.getByLabel('Mật khẩu').fill(CHOSEN);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
  });
});
