import { seedDemoActivity } from '../../seeds/demo-activity';
import { Clock } from '../../src/common/clock';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(240_000);

/**
 * The leader's report page on the Sơn La demo (issue 20 §7): the "Sau phê duyệt" section — plans fully deployed and
 * inspections by level tier, with both workbooks — and the annual report's progress before 20/12 and 25/12.
 */
describe('the report page shows what happens after approval (Chromium)', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    await seedDemoActivity(app.t.app);
    app.t.app.get(Clock).setFixed('2026-12-10');
  });
  afterAll(() => app?.close());

  const oneLine = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

  it('shows the tiers, the downloads and the annual report, with no serious accessibility violation', async () => {
    const leader = await signIn(app, 'lanhdao');
    await leader.goto('/bao-cao');
    const section = leader.getByRole('region', { name: 'Bảng sau phê duyệt theo nhóm cấp độ' });
    await section.scrollIntoViewIfNeeded();
    const head = oneLine(await section.locator('thead').textContent());
    expect(head).toContain('Triển khai đầy đủ');
    expect(head).toContain('Quá hạn kiểm tra');
    for (const tier of ['Cấp độ 1–2', 'Cấp độ 3', 'Cấp độ 4–5', 'Tổng cộng'])
      expect(await section.getByRole('row', { name: new RegExp(`^${tier}`) }).count()).toBe(1);
    expect(await leader.getByRole('link', { name: 'Tải hạng mục phương án (XLSX)' }).getAttribute('href')).toContain(
      '/api/v1/reports/plan-items.xlsx',
    );
    const annual = oneLine(await leader.locator('#bao-cao-nam').textContent());
    expect(annual).toContain('Báo cáo năm 2026 (số liệu từ 15/12/2025 đến 14/12/2026)');
    expect(annual).toContain('Chủ quản gửi Bộ Công an — trước ngày 25/12/2026');
    await screenshot(leader, '40-bao-cao-sau-phe-duyet');
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('reads on a phone without a serious violation', async () => {
    const phone = await signIn(app, 'lanhdao', PHONE);
    await phone.goto('/bao-cao');
    await phone.locator('#sau-phe-duyet').scrollIntoViewIfNeeded();
    await screenshot(phone, '41-bao-cao-sau-phe-duyet-dien-thoai');
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });

  it('lets an officer record the annual report it sent, with no serious violation', async () => {
    const officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto('/bao-cao');
    const form = officer.getByRole('form', { name: 'Ghi nhận cơ quan đã gửi báo cáo năm 2026' });
    await form.getByLabel('Ngày gửi').fill('09/12/2026');
    await form.getByLabel('Số văn bản báo cáo').fill('125/BC-SXD');
    await form.getByRole('button', { name: 'Ghi nhận đã gửi' }).click();
    await officer.waitForURL(/\/bao-cao/);
    expect(oneLine(await officer.locator('body').textContent())).toContain('Đã ghi nhận báo cáo năm 2026, văn bản số 125/BC-SXD.');
    await officer.locator('#bao-cao-nam').scrollIntoViewIfNeeded();
    await screenshot(officer, '42-bao-cao-nam-can-bo');
    expect(await seriousAxeViolations(officer)).toEqual([]);
  });
});
