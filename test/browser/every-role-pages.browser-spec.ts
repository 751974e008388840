import { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { createCompleteDossier, createSystem, LEVEL2_FACTS } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(240_000);

/**
 * Issue 21 points 6 and 7 in a real browser: the administrator's report chooser (the whole country, then a province,
 * then a body with its units), the Vietnamese 404 page signed in and out, and a decision dated tomorrow confirmed on the
 * appraisal page. axe-core finds no serious or critical violation on any page visited.
 */
describe('every role’s pages lead somewhere (Chromium)', () => {
  let app: BrowserApp;
  const oneLine = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const heading = async (page: Page) => oneLine(await page.locator('.page-head .muted').first().textContent());

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    app?.t.app.get(Clock).setFixed(undefined);
    await app?.close();
  });

  it("gives the administrator the whole country, then a chosen province's figures, then a body's", async () => {
    const admin = await signIn(app, 'admin');
    await admin.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
    await admin.waitForURL(/\/bao-cao/);
    expect(await heading(admin)).toContain('Toàn quốc');
    expect(await admin.getByLabel('Cơ quan và các đơn vị trực thuộc').isDisabled()).toBe(true);
    await screenshot(admin, '90-bao-cao-toan-quoc');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    await admin.getByLabel('Tỉnh, thành phố').selectOption('SL');
    await Promise.all([admin.waitForURL(/tinh=SL/), admin.getByRole('button', { name: 'Xem' }).click()]);
    expect(await heading(admin)).toContain('Sơn La');
    const province = oneLine(await admin.locator('#theo-khoi').locator('..').textContent());
    expect(province).toContain('Toàn tỉnh');
    expect(await admin.locator('#sau-phe-duyet').count()).toBe(1);
    expect(await admin.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')).toContain('province=SL');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const body = admin.getByLabel('Cơ quan và các đơn vị trực thuộc');
    expect(await body.isDisabled()).toBe(false);
    await body.selectOption({ label: 'UBND tỉnh Sơn La' });
    await Promise.all([admin.waitForURL(/coQuan=/), admin.getByRole('button', { name: 'Xem' }).click()]);
    expect(await heading(admin)).toContain('UBND tỉnh Sơn La');
    expect(await admin.getByRole('link', { name: 'Tải Excel (XLSX)' }).getAttribute('href')).toContain('rootAgency=');
    await screenshot(admin, '91-bao-cao-co-quan');
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it('shows a Vietnamese 404 page with a way home, with the menu when signed in', async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, locale: 'vi-VN' });
    const visitor = await context.newPage();
    const res = await visitor.goto('/khong-co-trang-nay');
    expect(res?.status()).toBe(404);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang này');
    expect(await visitor.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(1);
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await context.close();

    const officer = await signIn(app, 'canbo.sl-so-xd');
    const signedIn = await officer.goto('/ho-so/00000000-0000-4000-8000-000000000000');
    expect(signedIn?.status()).toBe(404);
    expect(await officer.getByRole('navigation', { name: 'Chức năng chính' }).count()).toBe(1);
    await screenshot(officer, '92-khong-tim-thay');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await Promise.all([officer.waitForURL((url) => url.pathname === '/'), officer.getByRole('link', { name: 'Về trang chủ' }).click()]);
  });

  it('asks the appraiser to confirm a decision dated tomorrow, then approves it', async () => {
    const clock = app.t.app.get(Clock);
    clock.setFixed('2026-12-01');
    const token = await app.t.login('canbo.sl-so-xd');
    const systemId = await createSystem(app.t, token, 'SL-SO-XD', 'NG-1', 'Hệ thống thử ngày quyết định');
    const { id } = await createCompleteDossier(app.t, token, systemId, LEVEL2_FACTS);
    const version = async () =>
      (
        await app.t
          .http()
          .get(`/api/v1/dossiers/${id}`)
          .set({ authorization: `Bearer ${token}` })
      ).body.version as number;
    await app.t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/submit`)
      .set({ authorization: `Bearer ${token}` })
      .send({ version: await version() });
    const appraiserToken = await app.t.login('thamdinh');
    await app.t
      .http()
      .post(`/api/v1/dossiers/${id}/actions/start-appraisal`)
      .set({ authorization: `Bearer ${appraiserToken}` })
      .send({ version: await version() })
      .expect(200);

    const appraiser = await signIn(app, 'thamdinh');
    await appraiser.goto(`/tham-dinh/${id}`);
    const form = appraiser.locator('#phe-duyet');
    const fill = async () => {
      await form.getByLabel('Số quyết định').fill('41/QĐ-CAT');
      await form.getByLabel('Ngày quyết định').fill('02/12/2026');
      await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn B');
      await form.getByLabel('Chức vụ người ký').fill('Giám đốc Công an tỉnh');
      await form.getByLabel('Bản quyết định đã ký (PDF, tối đa 10 MB)').setInputFiles({
        name: 'quyet-dinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      });
    };
    await fill();
    await form.getByRole('button', { name: 'Phê duyệt' }).click();
    const confirm = appraiser.getByLabel('Tôi xác nhận quyết định ghi ngày 02/12/2026 (sau hôm nay)');
    await confirm.waitFor();
    expect(oneLine(await appraiser.locator('#phe-duyet').textContent())).toContain('sau hôm nay (01/12/2026)');
    await screenshot(appraiser, '93-xac-nhan-ngay-quyet-dinh');
    expect(await seriousAxeViolations(appraiser)).toEqual([]);

    await confirm.check();
    await appraiser
      .locator('#phe-duyet')
      .getByLabel('Bản quyết định đã ký (PDF, tối đa 10 MB)')
      .setInputFiles({
        name: 'quyet-dinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      });
    await appraiser.locator('#phe-duyet').getByRole('button', { name: 'Phê duyệt' }).click();
    await appraiser.getByText('Đã phê duyệt cấp độ.').waitFor();
    expect(await seriousAxeViolations(appraiser)).toEqual([]);
  });
});
