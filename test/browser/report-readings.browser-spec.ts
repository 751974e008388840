import { seedDemoActivity } from '../../seeds/demo-activity';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(240_000);

/**
 * The leader's report page on the Sơn La demo as of 06/01/2026: the figures of dispatch 256/UBND-NC stay the page's
 * headline, and "Các cách đếm khác" shows the other readings, each with its sentence (issue 19 point 8).
 */
describe('the report page shows the other readings beside the default (Chromium)', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    await seedDemoActivity(app.t.app);
  });
  afterAll(() => app?.close());

  const oneLine = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

  it('keeps 10/19 as the headline and explains each reading in a sentence, with no serious accessibility violation', async () => {
    const leader = await signIn(app, 'lanhdao');
    await leader.goto('/bao-cao?ngay=06/01/2026');
    expect(oneLine(await leader.locator('.grid .card').first().textContent())).toContain('(10/19)');
    const section = leader.getByRole('region', { name: 'Các cách đếm khác' });
    await section.scrollIntoViewIfNeeded();
    const text = oneLine(await section.textContent());
    expect(text).toContain('Số liệu chính của báo cáo đếm theo cơ quan chủ quản');
    for (const title of [
      'Theo cơ quan chủ quản (cách đếm mặc định)',
      'Theo đơn vị gửi hồ sơ (đơn vị vận hành)',
      'Theo đơn vị thẩm định',
      'Theo ngày ký quyết định phê duyệt',
    ])
      expect(await section.getByText(title, { exact: true }).count()).toBeGreaterThan(0);
    expect(text).toContain('Công an tỉnh đã tiếp nhận hồ sơ của 19 đơn vị');
    // One column per appraising body: Công an tỉnh Sơn La, then the independent council that appraised its own dossier.
    const appraisers = section.getByRole('region', { name: 'Bảng theo đơn vị thẩm định' });
    expect(oneLine(await appraisers.locator('thead').textContent())).toMatch(/Công an tỉnh Sơn La\s*Hội đồng thẩm định độc lập/);
    const row = async (label: string) => oneLine(await appraisers.getByRole('row', { name: label }).textContent());
    expect(await row('Cơ quan, đơn vị đã tiếp nhận hồ sơ')).toMatch(/hồ sơ\s*18\s*1$/);
    expect(await row('Hồ sơ yêu cầu bổ sung')).toMatch(/bổ sung\s*2\s*0$/);
    expect(await row('Hồ sơ đang thẩm định')).toMatch(/thẩm định\s*7\s*0$/);
    expect(await row('Cơ quan, đơn vị đã được phê duyệt')).toMatch(/phê duyệt\s*9\s*1$/);
    await screenshot(leader, '30-bao-cao-cach-dem-khac');
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('reads on a phone without a serious violation', async () => {
    const phone = await signIn(app, 'lanhdao', PHONE);
    await phone.goto('/bao-cao?ngay=06/01/2026');
    await phone.locator('#cach-dem-khac').scrollIntoViewIfNeeded();
    await screenshot(phone, '31-bao-cao-cach-dem-khac-dien-thoai');
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});
