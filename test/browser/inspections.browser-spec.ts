import { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { createSystem, PDF } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 20, point 3, in a real browser: an officer sees a level 3 system overdue for its yearly inspection (ND85
 * Art. 20.2.c, the ND331 policy default), records an inspection with its report and one finding; the next due date
 * moves a year on; the provincial police sees the system on /kiem-tra; the administrator reads the policy page.
 */
describe('inspections in Chromium', () => {
  let app: BrowserApp;
  let systemId: string;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    app = await startBrowserApp();
    app.t.app.get(Clock).setFixed('2026-12-06');
    systemId = await createSystem(
      app.t,
      await app.t.login('canbo.sl-so-xd'),
      'SL-SO-XD',
      'KT-WEB',
      'Cổng dịch vụ công Sở Xây dựng (kiểm tra)',
    );
    await app.t.db.query(
      `UPDATE systems SET approved_level = 3, approval_decision_number = '7/QĐ-CAT', approval_decision_date = '2025-11-20', approval_decision_issuer = 'Công an tỉnh Sơn La' WHERE id = $1`,
      [systemId],
    );
  });
  afterAll(() => app?.close());

  it('the provincial police sees the overdue system on /kiem-tra', async () => {
    const police = await signIn(app, 'thamdinh');
    await police.goto('/kiem-tra?quaHan=1');
    const row = await text(police, 'tbody tr');
    expect(row).toContain('Cổng dịch vụ công Sở Xây dựng (kiểm tra)');
    expect(row).toContain('20/11/2026');
    expect(row).toContain('Quá hạn');
    expect(await seriousAxeViolations(police)).toEqual([]);
    await screenshot(police, 'kt-01-cong-an');
  });

  it('the officer records an inspection with its report and a finding; the next due date moves on', async () => {
    const officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}`);
    expect(await text(officer, '#sau-phe-duyet')).toContain('Kiểm tra, đánh giá: quá hạn từ 20/11/2026');
    await Promise.all([officer.waitForNavigation(), officer.locator('#sau-phe-duyet a', { hasText: 'Kiểm tra, đánh giá' }).click()]);
    expect(await text(officer, '#han-kiem-tra')).toContain('Đã quá hạn kiểm tra từ ngày 20/11/2026');
    expect(await text(officer, '#han-kiem-tra')).toContain('Điều 28.5.a Nghị định 331/2026/NĐ-CP');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await officer.getByLabel('Ngày kiểm tra').fill('04/12/2026');
    await officer.getByLabel('Đơn vị thực hiện').fill('Trung tâm Giám sát an toàn không gian mạng quốc gia');
    await officer.getByLabel('Phương thức').selectOption('GRAY_BOX');
    await officer.getByLabel('Do bộ phận, đơn vị độc lập với đơn vị vận hành thực hiện').check();
    await officer.getByLabel('Tổ chức chuyên môn được cấp phép, đơn vị sự nghiệp phù hợp hoặc được chỉ định').check();
    await officer.getByLabel(/Tồn tại cần khắc phục/).fill('Chưa cập nhật bản vá máy chủ ứng dụng | 31/01/2027');
    await officer
      .locator('input[type="file"][name="file"]')
      .setInputFiles({ name: 'bao-cao-kiem-tra.pdf', mimeType: 'application/pdf', buffer: PDF });
    const [post] = await Promise.all([
      officer.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/kiem-tra')),
      officer.getByRole('button', { name: 'Ghi nhận', exact: true }).click(),
    ]);
    expect(post.url()).not.toContain('_csrf');
    await officer.locator('.flash', { hasText: 'Đã ghi nhận lần kiểm tra' }).waitFor();
    expect(await text(officer, '#han-kiem-tra')).toContain('Kiểm tra tiếp theo trước ngày 04/12/2027');
    expect(await text(officer, '#ton-tai')).toContain('Chưa cập nhật bản vá máy chủ ứng dụng');
    expect(await text(officer, '#lich-su')).toContain('bao-cao-kiem-tra.pdf');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'kt-02-ghi-nhan');

    await officer.getByLabel('Ngày khắc phục xong').fill('05/12/2026');
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: /Đã khắc phục/ }).click()]);
    expect(await text(officer, '.flash')).toContain('Đã ghi nhận tồn tại đã được khắc phục');
    expect(await officer.locator('#ton-tai').count()).toBe(0);
  });

  it('the administrator reads the policy page with the ND85 defaults marked and issues a new version', async () => {
    const admin = await signIn(app, 'admin');
    await admin.goto('/quan-tri/chinh-sach-kiem-tra');
    const current = await text(admin, 'section.card');
    expect(current).toContain('Phiên bản 1');
    expect(current).toContain('Đang áp dụng');
    expect(current).toContain('Mặc định (Nghị định 85/2016/NĐ-CP)');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await screenshot(admin, 'kt-03-chinh-sach');
    // A new version: level 3 every 6 months; the system's next date follows it.
    await admin.locator('#interval3').fill('6');
    await admin.getByLabel('Căn cứ, lý do').fill('Hướng dẫn thử của Bộ Công an');
    await Promise.all([admin.waitForNavigation(), admin.getByRole('button', { name: 'Ban hành phiên bản mới' }).click()]);
    expect(await text(admin, '.flash')).toContain('Đã ban hành phiên bản 2');
    expect(await text(admin, 'section.card')).toContain('Phiên bản 2');
    await admin.goto(`/he-thong/${systemId}/kiem-tra`);
    expect(await text(admin, '#han-kiem-tra')).toContain('Kiểm tra tiếp theo trước ngày 04/06/2027');
  });
});
