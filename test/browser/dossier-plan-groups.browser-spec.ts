import { Page } from 'playwright-core';
import { createSystem, LEVEL2_FACTS } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 21 point 3 in a real browser: Phần 4 by the groups of Circular 12/2022 Art. 9.3–9.4, each with its progress;
 * a plain explanation per requirement; "Trả lời cả nhóm" saves a whole group with what else was typed, and the progress
 * follows; a refused group answer shows its message at the field; the risk assessment guide beside the preliminary
 * risks (ND331 Art. 22.4.c). No serious or critical axe-core violation on any page visited.
 */
describe('dossier plan by group in Chromium', () => {
  let app: BrowserApp;
  let dossierId: string;
  let officer: Page;
  /** The group answer is open on a section with nothing answered yet, folded otherwise: open it only when folded. */
  const openGroupAnswer = async (group: string): Promise<void> => {
    const answer = officer.locator(`#nhom-${group} details.group-answer`);
    if ((await answer.getAttribute('open')) === null) await answer.locator(':scope > summary').click();
  };
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    app = await startBrowserApp();
    const t = app.t;
    const canbo = await t.login('canbo.sl-so-xd');
    const systemId = await createSystem(t, canbo, 'SL-SO-XD', 'NHOM-YC', 'Hệ thống cấp phép xây dựng');
    const created = await t
      .http()
      .post('/api/v1/dossiers')
      .set({ authorization: `Bearer ${canbo}` })
      .send({ systemId, facts: LEVEL2_FACTS });
    expect(created.status).toBe(201);
    dossierId = created.body.id;
    officer = await signIn(app, 'canbo.sl-so-xd');
  });
  afterAll(() => app?.close());

  it('shows the plan by group with progress and plain explanations', async () => {
    await officer.goto(`/ho-so/${dossierId}`);
    expect(await text(officer, '#nhom-POLICY > summary')).toBe('Thiết lập chính sách an toàn thông tin 0/3 đã trả lời');
    expect(await officer.locator('details.plan-section').count()).toBe(11);
    // A group is open until it is answered; each requirement shows its explanation, the example on demand.
    const explanation = officer.locator('#nhom-SERVER .req-explain').first();
    expect(await explanation.isVisible()).toBe(true);
    expect(await text(officer, '#nhom-SERVER')).toContain('Nhật ký hệ thống — Bảo đảm an toàn máy chủ');
    await officer.locator('#nhom-SERVER details.req-help > summary').first().click();
    expect(await officer.locator('#nhom-SERVER details.req-help p').first().isVisible()).toBe(true);
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'nhom-yeu-cau-01');
    await officer.locator('#phan-4').screenshot({ path: `${__dirname}/output/nhom-yeu-cau-01-phan-4.png` });
  });

  it('answers a whole group at once with what else was typed; the progress follows', async () => {
    await officer.goto(`/ho-so/${dossierId}`);
    await officer.locator('#f-description-overview').fill('Cấp phép xây dựng trực tuyến cho người dân');
    await openGroupAnswer('POLICY');
    await officer.locator('#f-nhom-POLICY-status').selectOption('IMPLEMENTED');
    await officer.locator('#f-nhom-POLICY-text').fill('Theo Quy chế an toàn thông tin số 12/QĐ-UBND ngày 15/3/2025');
    await Promise.all([officer.waitForNavigation(), officer.locator('button[name="nhom"][value="POLICY"]').click()]);
    expect(await text(officer, 'main')).toContain('Đã trả lời 3 yêu cầu của nhóm "Thiết lập chính sách an toàn thông tin"');
    expect(await text(officer, '#nhom-POLICY-tien-do')).toBe('✓ 3/3 đã trả lời');
    // A finished group folds to its summary; the next group is still open.
    expect(await officer.locator('#nhom-POLICY').getAttribute('open')).toBeNull();
    expect(await officer.locator('#nhom-ORGANISATION').getAttribute('open')).not.toBeNull();
    expect(await text(officer, '#tien-do-yeu-cau')).toMatch(/^3\/\d+ yêu cầu đã trả lời/);
    expect(await officer.locator('#f-description-overview').inputValue()).toBe('Cấp phép xây dựng trực tuyến cho người dân');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'nhom-yeu-cau-02-da-tra-loi');
  });

  it('a group answer "không áp dụng" without a reason is refused at the reason box, the group left open', async () => {
    await officer.goto(`/ho-so/${dossierId}`);
    await openGroupAnswer('DATA');
    await officer.locator('#f-nhom-DATA-status').selectOption('NOT_APPLICABLE');
    await Promise.all([officer.waitForNavigation(), officer.locator('button[name="nhom"][value="DATA"]').click()]);
    expect(await officer.locator('#nhom-DATA').getAttribute('open')).not.toBeNull();
    expect(await text(officer, '#f-nhom-DATA-text-err')).toBe('hãy ghi lý do không áp dụng');
    expect(await officer.locator('#f-nhom-DATA-text').getAttribute('aria-invalid')).toBe('true');
    expect(await text(officer, '#nhom-DATA-tien-do')).toMatch(/^0\/\d+ đã trả lời/);
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'nhom-yeu-cau-03-tu-choi');
    await officer.locator('#nhom-DATA').screenshot({ path: `${__dirname}/output/nhom-yeu-cau-03-nhom-du-lieu.png` });
  });

  it('answers several groups with one "Lưu lại": every group whose answer was chosen', async () => {
    await officer.goto(`/ho-so/${dossierId}`);
    for (const group of ['NETWORK', 'APPLICATION']) {
      await openGroupAnswer(group);
      await officer.locator(`#f-nhom-${group}-status`).selectOption('PLANNED');
      await officer.locator(`#f-nhom-${group}-plannedDate`).fill('30/06/2027');
      await officer.locator(`#f-nhom-${group}-text`).fill('Trang bị trong năm 2027 theo kế hoạch của Sở');
    }
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Lưu lại' }).click()]);
    expect(await text(officer, 'main')).toMatch(/Đã lưu hồ sơ và trả lời \d+ yêu cầu của 2 nhóm\./);
    for (const group of ['NETWORK', 'APPLICATION'])
      expect(await text(officer, `#nhom-${group}-tien-do`)).toMatch(/^✓ (\d+)\/\1 đã trả lời/);
    expect(await seriousAxeViolations(officer)).toEqual([]);
  });

  it('the risk assessment guide sits beside the preliminary risks, with the outline to download', async () => {
    await officer.goto(`/ho-so/${dossierId}`);
    const guide = officer.locator('#huong-dan-rui-ro');
    expect(await guide.count()).toBe(1); // an ND331 dossier: preliminary risks (ND331 Art. 22.4.c)
    await guide.locator('summary').click();
    expect(await text(officer, '#huong-dan-rui-ro')).toContain('Những nguy cơ chính');
    const [download] = await Promise.all([officer.waitForEvent('download'), guide.locator('a[download]').click()]);
    expect(download.suggestedFilename()).toBe('de-cuong-danh-gia-rui-ro.docx');
    expect(await seriousAxeViolations(officer)).toEqual([]);
  });
});
