import { Page } from 'playwright-core';
import { createSystem, PDF } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 20, point 4, in a real browser: an approved system whose edit raises the computed level shows the banner
 * "Cần xác định lại cấp độ" with the new level and its articles, and a button to the new-dossier flow; the appraiser
 * finds it on /xac-dinh-lai and dismisses it with a reason, then records an ND331 Art. 8.3 trigger on the system page.
 */
describe('re-determination in Chromium', () => {
  let app: BrowserApp;
  let systemId: string;
  const name = 'Cổng dịch vụ công Sở Xây dựng (xác định lại)';
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const expectNoSeriousViolations = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    const officer = await app.t.login('canbo.sl-so-xd');
    const appraiser = await app.t.login('thamdinh');
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    systemId = await createSystem(app.t, officer, 'SL-SO-XD', 'XDL-WEB', name);
    // Level 2 on record through a confirmed prior decision (the workflow is not what this test looks at).
    await app.t
      .http()
      .post(`/api/v1/systems/${systemId}/prior-approval`)
      .set(as(officer))
      .field({ level: '2', decisionNumber: '77/QĐ-CAT-PA05', decisionDate: '2024-03-01', issuer: 'Công an tỉnh Sơn La' })
      .attach('file', PDF, 'quyet-dinh.pdf')
      .expect(201);
    const claim = (await app.t.http().get(`/api/v1/systems/${systemId}/prior-approval`).set(as(officer)).expect(200)).body;
    await app.t
      .http()
      .post(`/api/v1/systems/${systemId}/prior-approval/confirm`)
      .set(as(appraiser))
      .send({ version: claim.version })
      .expect(200);
    const { version } = (await app.t.http().get(`/api/v1/systems/${systemId}`).set(as(officer)).expect(200)).body;
    await app.t
      .http()
      .patch(`/api/v1/systems/${systemId}`)
      .set(as(officer))
      .send({ version, systemType: 'CITIZEN_BUSINESS', infoTypes: ['PRIVATE', 'PERSONAL'], basicPersonalDataSubjects: 250_000 })
      .expect(200);
  });
  afterAll(() => app?.close());

  it('the officer sees the banner with the new level and the articles, and starts a new dossier from it', async () => {
    const officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}`);
    const banner = await text(officer, '#xac-dinh-lai');
    expect(banner).toContain('Cần xác định lại cấp độ');
    expect(banner).toContain('cấp độ 2');
    expect(banner).toContain('cấp độ 3');
    expect(banner).toContain('Điểm c Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP');
    expect(banner).toContain('Điều 25 Nghị định 331/2026/NĐ-CP');
    expect(await text(officer, '#sau-phe-duyet')).toContain('cần xác định lại (cấp độ 3)');
    await expectNoSeriousViolations(officer);
    await screenshot(officer, 'xdl-01-canh-bao');
    await Promise.all([officer.waitForNavigation(), officer.getByRole('link', { name: 'Lập hồ sơ xác định lại cấp độ' }).click()]);
    expect(new URL(officer.url()).pathname).toBe(`/he-thong/${systemId}/xac-dinh-cap-do`);
  });

  it('the appraiser finds it on /xac-dinh-lai, dismisses it with a reason, and records a split/merge trigger on the system page', async () => {
    const appraiser = await signIn(app, 'thamdinh');
    await appraiser.goto('/xac-dinh-lai');
    expect(await text(appraiser, 'main')).toContain(name);
    await expectNoSeriousViolations(appraiser);
    await screenshot(appraiser, 'xdl-02-danh-sach');
    await appraiser
      .locator('tr', { hasText: name })
      .getByLabel('Lý do không cần xác định lại')
      .fill('Số chủ thể dữ liệu nhập nhầm; đơn vị đã xác nhận.');
    await Promise.all([
      appraiser.waitForNavigation(),
      appraiser.locator('tr', { hasText: name }).getByRole('button', { name: 'Đóng cảnh báo' }).click(),
    ]);
    expect(await text(appraiser, '.flash')).toContain('Đã đóng cảnh báo');
    expect(new URL(appraiser.url()).pathname).toBe('/xac-dinh-lai');
    const [flag] = await app.t.db.query(`SELECT status, resolution_note FROM redetermination_flags WHERE system_id = $1`, [systemId]);
    expect(flag).toEqual({ status: 'DISMISSED', resolution_note: 'Số chủ thể dữ liệu nhập nhầm; đơn vị đã xác nhận.' });

    await appraiser.goto(`/he-thong/${systemId}`);
    await appraiser.getByText('Ghi căn cứ phải xác định lại cấp độ').click();
    await appraiser.getByLabel('Căn cứ', { exact: true }).selectOption('SPLIT_MERGE');
    await appraiser.getByLabel('Nội dung, văn bản kèm theo').fill('Công văn 15/CAT-PA05: hệ thống tách khỏi cổng chung để giảm cấp độ.');
    await Promise.all([appraiser.waitForNavigation(), appraiser.getByRole('button', { name: 'Ghi căn cứ' }).click()]);
    expect(await text(appraiser, '.flash')).toContain('Đã ghi căn cứ xác định lại cấp độ');
    const banner = await text(appraiser, '#xac-dinh-lai');
    expect(banner).toContain('Phân tách hoặc hợp nhất hệ thống không phù hợp');
    expect(banner).toContain('Khoản 3 Điều 8 Nghị định 331/2026/NĐ-CP');
    await expectNoSeriousViolations(appraiser);
    await screenshot(appraiser, 'xdl-03-ghi-can-cu');
  });
});
