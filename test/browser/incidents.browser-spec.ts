import { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { createSystem } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 20, point 5, in a real browser: an officer records a serious incident on the system's register page, sees
 * the 24-hour notice and the 72-hour report with their deadlines (ND331 Art. 31.2.d) and the external assessment
 * flag (Art. 31.2.c), records the notice as sent; the provincial police finds the incident on /su-co.
 */
describe('incident register in Chromium', () => {
  let app: BrowserApp;
  let systemId: string;
  let officer: Page;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    app = await startBrowserApp();
    app.t.app.get(Clock).setFixed(new Date('2026-12-01T05:00:00Z')); // 12:00 in Hà Nội
    systemId = await createSystem(
      app.t,
      await app.t.login('canbo.sl-so-xd'),
      'SL-SO-XD',
      'SU-CO-WEB',
      'Cổng thông tin Sở Xây dựng (sự cố)',
    );
  });
  afterAll(() => app?.close());

  it('the officer records a serious incident and sees its clocks, the external assessment and the notice to print', async () => {
    officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}`);
    expect(await text(officer, '#sau-phe-duyet')).toContain('Sự cố an ninh mạng: không có sự cố đang mở');
    await Promise.all([officer.waitForNavigation(), officer.locator('#sau-phe-duyet a', { hasText: 'Sự cố an ninh mạng' }).click()]);
    await officer.getByLabel('Tên sự cố').fill('Mã độc mã hóa dữ liệu máy chủ ứng dụng');
    await officer.getByLabel('Thời điểm phát hiện').fill('2026-12-01T09:30');
    await officer.getByLabel('Mức độ').selectOption('SERIOUS');
    await officer.getByLabel('Diễn biến, nguyên nhân, phạm vi ảnh hưởng').fill('Máy chủ ứng dụng bị mã hóa, dịch vụ công gián đoạn 2 giờ.');
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Ghi nhận sự cố' }).click()]);
    expect(await text(officer, '.flash')).toContain('Đã ghi nhận sự cố');
    const card = await text(officer, 'section[id^="su-co-"]');
    expect(card).toContain('Sự cố nghiêm trọng');
    expect(card).toContain('Thông báo ban đầu');
    expect(card).toContain('02/12/2026 09:30');
    expect(card).toContain('04/12/2026 09:30');
    expect(card).toContain('điểm c khoản 2 Điều 31');
    expect(await officer.locator('a', { hasText: 'In văn bản thông báo (PDF)' }).getAttribute('href')).toMatch(/\/notice\.pdf$/);
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'su-co-01-ghi-nhan');

    await officer.getByLabel('Đã gửi thông báo ban đầu lúc').fill('2026-12-01T11:00');
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Lưu', exact: true }).click()]);
    expect(await text(officer, '.flash')).toContain('Đã cập nhật sự cố');
    expect(await text(officer, 'section[id^="su-co-"]')).toContain('Đã gửi 01/12/2026 11:00');
  });

  it('the provincial police sees it on /su-co with the next deadline', async () => {
    const police = await signIn(app, 'thamdinh');
    await police.goto('/su-co');
    const row = await text(police, 'tbody tr');
    expect(row).toContain('Mã độc mã hóa dữ liệu máy chủ ứng dụng');
    expect(row).toContain('Cổng thông tin Sở Xây dựng (sự cố)');
    expect(row).toContain('04/12/2026 09:30');
    expect(await seriousAxeViolations(police)).toEqual([]);
    await screenshot(police, 'su-co-02-cong-an');
  });
});
