import { Page } from 'playwright-core';
import { ProviderAccount, startTestProvider, TestProvider, useProviderEnv } from '../support/oidc/test-provider';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, DESKTOP, screenshot, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

const ACCOUNTS: Record<string, ProviderAccount> = {
  'moi.canbo': {
    preferred_username: 'nguyen.van.moi',
    name: 'Nguyễn Văn Mới',
    agency_code: 'SL-SO-XD',
    realm_access: { roles: ['capdo-can-bo'] },
    groups: ['/so-xay-dung'],
  },
  'chua.co.nhom': { preferred_username: 'pham.van.d', agency_code: 'SL-SO-XD', groups: ['/phong-ke-toan'] },
};

/**
 * Issue 22, single sign-on in Chromium against a real OpenID provider (oidc-provider in a child process, Keycloak's
 * claim layout): the sign-in page's button, the provider's own login page, back in capdo with a new account; signing
 * out ends the provider's session too (its login page asks again); a refused person reads what to ask for. No serious
 * or critical axe-core violation on capdo's pages.
 */
describe('single sign-on in Chromium', () => {
  let provider: TestProvider;
  let restoreEnv: () => void;
  let app: BrowserApp;
  let page: Page;

  beforeAll(async () => {
    provider = await startTestProvider(ACCOUNTS);
    restoreEnv = useProviderEnv(provider.issuer);
    app = await startBrowserApp();
    await app.t.adminQuery(`INSERT INTO oidc_role_mappings (claim_value, role) VALUES ('capdo-can-bo', 'AGENCY_OFFICER')`);
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    // The provider's development pages import a web font; nothing leaves this machine.
    await context.route(
      (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
      (route) => route.abort(),
    );
    page = await context.newPage();
  });
  afterAll(async () => {
    await app?.close();
    restoreEnv?.();
    await provider?.stop();
  });

  async function throughProvider(login: string): Promise<void> {
    await page.goto('/dang-nhap');
    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer),
      page.getByRole('link', { name: 'Đăng nhập một lần (SSO)' }).click(),
    ]);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('mat-khau-bat-ky');
    await Promise.all([page.waitForURL((url) => url.origin === app.baseUrl), page.getByRole('button', { name: 'Sign-in' }).click()]);
  }

  it('signs a new officer in through the provider login page; capdo creates the account', async () => {
    await page.goto('/dang-nhap');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'sso-01-dang-nhap');
    await throughProvider('moi.canbo');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('header').textContent()).resolves.toContain('Nguyễn Văn Mới');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [user] = await app.t.adminQuery<{ role: string }>(`SELECT role FROM users WHERE username = 'nguyen.van.moi'`);
    expect(user.role).toBe('AGENCY_OFFICER');
  });

  it('signing out ends the provider session too: the next single sign-on asks for the login again', async () => {
    // capdo's sign-out page goes on by itself to the provider's end_session_endpoint.
    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer, { waitUntil: 'domcontentloaded' }),
      page.getByRole('button', { name: 'Đăng xuất' }).click(),
    ]);
    await Promise.all([
      page.waitForURL((url) => url.origin === app.baseUrl && url.pathname === '/dang-nhap'),
      page.getByRole('button', { name: 'Yes, sign me out' }).click(),
    ]);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer),
      page.getByRole('link', { name: 'Đăng nhập một lần (SSO)' }).click(),
    ]);
    await expect(page.locator('input[name="login"]').isVisible()).resolves.toBe(true);
  });

  it('shows a refused person what to ask the administrator', async () => {
    await throughProvider('chua.co.nhom');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Chưa đăng nhập một lần được vào capdo');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('«/phong-ke-toan»');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'sso-02-tu-choi');
  });
});
