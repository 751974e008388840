import { Locator, Page } from 'playwright-core';
import { AppConfig } from '../../src/config/app-config';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 22 (E) in a real browser: the administrator reaches the single sign-on settings from /quan-tri, reads what
 * capdo is configured with and the addresses to register at the provider, and keeps the role mapping table (add, a
 * refused duplicate shown beside its field, change, remove). axe-core finds no serious or critical violation.
 */
describe('single sign-on settings page', () => {
  let app: BrowserApp;
  let page: Page;
  const text = async (selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const submit = async (button: Locator): Promise<void> => {
    await Promise.all([page.waitForNavigation(), button.click()]);
  };
  const axeClean = async () => expect(await seriousAxeViolations(page)).toEqual([]);
  const roleOf = async (claimValue: string) =>
    (await app.t.db.query(`SELECT role FROM oidc_role_mappings WHERE claim_value = $1`, [claimValue]))[0]?.role as string | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await signIn(app, 'admin');
  });
  afterAll(() => app?.close());

  it('is reached from the administration home and says what capdo is configured with', async () => {
    await page.goto('/quan-tri');
    await submit(page.getByRole('link', { name: 'Đăng nhập một lần (SSO)' }));
    expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap-mot-lan');
    expect(await text('h1')).toBe('Đăng nhập một lần (SSO)');
    expect(await text('#trang-thai')).toContain('chưa bật');
    expect(await text('main')).toContain(`${app.baseUrl}/dang-nhap/sso/ve`);
    expect(await text('main')).toContain('Chưa có ánh xạ nào');
    await axeClean();
    await screenshot(page, 'sso-settings-01-chua-bat');
  });

  it('adds a mapping, shows a refused duplicate beside its field, changes and removes a row', async () => {
    await page.getByLabel('Vai trò hoặc nhóm tại nhà cung cấp').fill('/SoLa/can-bo');
    await page.locator('#them-role').selectOption('AGENCY_OFFICER');
    await submit(page.getByRole('button', { name: 'Thêm', exact: true }));
    expect(await text('.flash')).toContain('Đã thêm ánh xạ “/SoLa/can-bo”.');
    expect(await roleOf('/SoLa/can-bo')).toBe('AGENCY_OFFICER');

    await page.getByLabel('Vai trò hoặc nhóm tại nhà cung cấp').fill('/SoLa/can-bo');
    await page.locator('#them-role').selectOption('LEADER');
    await submit(page.getByRole('button', { name: 'Thêm', exact: true }));
    expect(await text('[role="alert"]')).toContain('Chưa thêm được.');
    expect(await text('#them-claimValue-err')).toContain('đã được ánh xạ');
    expect(await page.getByLabel('Vai trò hoặc nhóm tại nhà cung cấp').inputValue()).toBe('/SoLa/can-bo');
    await axeClean();
    await screenshot(page, 'sso-settings-02-trung');

    await page.goto('/quan-tri/dang-nhap-mot-lan');
    await page.getByLabel('Vai trò trong capdo (dòng /SoLa/can-bo)').selectOption('AGENCY_HEAD');
    await submit(page.getByRole('button', { name: 'Lưu dòng /SoLa/can-bo' }));
    expect(await text('.flash')).toContain('Đã lưu ánh xạ “/SoLa/can-bo”.');
    expect(await roleOf('/SoLa/can-bo')).toBe('AGENCY_HEAD');
    await axeClean();
    await screenshot(page, 'sso-settings-03-bang');

    await submit(page.getByRole('button', { name: /^Xóa dòng \/SoLa\/can-bo/ }));
    expect(await text('.flash')).toContain('Đã xóa ánh xạ “/SoLa/can-bo”.');
    expect(await roleOf('/SoLa/can-bo')).toBeUndefined();
    await axeClean();
  });

  it('when single sign-on is configured, shows its settings and the addresses to register, never the secret', async () => {
    const config = app.t.app.get(AppConfig);
    const saved = { ...config };
    Object.assign(config, {
      OIDC_ISSUER_URL: 'https://sso.sonla.gov.vn/realms/sonla',
      OIDC_CLIENT_ID: 'capdo-sonla',
      OIDC_CLIENT_SECRET: 'bi-mat-khong-hien-thi',
      LOCAL_SIGN_IN: 'admins',
      PUBLIC_URL: 'https://capdo.sonla.gov.vn',
    });
    try {
      await page.goto('/quan-tri/dang-nhap-mot-lan');
      expect(await text('#trang-thai')).toContain('đang bật');
      expect(await text('main')).toContain('https://capdo.sonla.gov.vn/dang-nhap/sso/ve');
      expect(await page.content()).not.toContain('bi-mat-khong-hien-thi');
      await axeClean();
      await screenshot(page, 'sso-settings-04-dang-bat');
    } finally {
      Object.assign(config, saved);
    }
  });
});
