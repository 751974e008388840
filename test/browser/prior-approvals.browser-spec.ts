import { Page } from 'playwright-core';
import { createSystem, PDF } from '../support/dossier-fixtures';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 16, point 1, in a real browser: an officer declares a level decision made before capdo with its PDF on the
 * system's page; it shows as "đã kê khai, chưa xác nhận"; the appraiser finds it on /tham-dinh and confirms it on the
 * system's page, and the level is then on record.
 */
describe('prior-approval claims in Chromium', () => {
  let app: BrowserApp;
  let systemId: string;
  let officer: Page;
  let appraiser: Page;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    app = await startBrowserApp();
    systemId = await createSystem(
      app.t,
      await app.t.login('canbo.sl-so-xd'),
      'SL-SO-XD',
      'LAN-KE-KHAI',
      'Mạng nội bộ Sở Xây dựng (kê khai)',
    );
  });
  afterAll(() => app?.close());

  it('the officer declares the decision with its PDF; it is shown as claimed, not yet counted', async () => {
    officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}`);
    await officer.getByText('Kê khai quyết định phê duyệt cấp độ đã có trước khi dùng capdo').click();
    await officer.getByLabel('Cấp độ', { exact: true }).selectOption('2');
    await officer.getByLabel('Số quyết định').fill('112/QĐ-STTTT');
    await officer.getByLabel('Ngày quyết định').fill('12/06/2023');
    await officer.getByLabel('Cơ quan ban hành').fill('Sở Thông tin và Truyền thông tỉnh Sơn La');
    await officer
      .locator('input[type="file"][name="file"]')
      .setInputFiles({ name: 'quyet-dinh-112.pdf', mimeType: 'application/pdf', buffer: PDF });
    const [post] = await Promise.all([
      officer.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/ke-khai-phe-duyet')),
      officer.getByRole('button', { name: 'Gửi kê khai' }).click(),
    ]);
    expect(post.url()).not.toContain('_csrf');
    await officer.locator('.flash', { hasText: 'Đã kê khai quyết định phê duyệt' }).waitFor();
    expect(await text(officer, '#cap-do')).toContain('Đã kê khai, chưa xác nhận');
    expect(await text(officer, '#cap-do')).toContain('Chưa được phê duyệt cấp độ');
    await screenshot(officer, 'pa-01-da-ke-khai');
  });

  it('the appraiser finds it on /tham-dinh and confirms it on the system page; the level is on record', async () => {
    appraiser = await signIn(app, 'thamdinh');
    await appraiser.goto('/tham-dinh');
    expect(await text(appraiser, '#ke-khai-phe-duyet')).toContain('Mạng nội bộ Sở Xây dựng (kê khai)');
    await Promise.all([
      appraiser.waitForNavigation(),
      appraiser.locator('#ke-khai-phe-duyet a', { hasText: 'Mạng nội bộ Sở Xây dựng (kê khai)' }).click(),
    ]);
    await screenshot(appraiser, 'pa-02-tham-dinh-ke-khai');
    await Promise.all([appraiser.waitForNavigation(), appraiser.getByRole('button', { name: 'Xác nhận đúng quyết định' }).click()]);
    expect(await text(appraiser, '.flash')).toContain('Đã xác nhận quyết định phê duyệt');
    expect(await text(appraiser, '#cap-do')).toContain('Cấp độ 2');
    expect(await text(appraiser, '#cap-do')).toContain('Quyết định số 112/QĐ-STTTT ngày 12/06/2023');
    const [row] = await app.t.db.query(`SELECT approved_level FROM systems WHERE id = $1`, [systemId]);
    expect(row.approved_level).toBe(2);
    await screenshot(appraiser, 'pa-03-da-xac-nhan');
  });
});
