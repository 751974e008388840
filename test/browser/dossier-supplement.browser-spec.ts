import { Locator, Page } from 'playwright-core';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(240_000);

/**
 * Issue 21 points 1, 2 and 9 in Chromium: the returned-dossier round trip (the appraiser returns with two requests,
 * the officer edits, uploads, ticks them and resubmits on the page, the appraiser sees the answers); the save that used
 * to drop a requirement's text; the edit conflict merged from two tabs; the refusal focused, with links to the fields.
 * No serious or critical axe-core violation on any page visited.
 */
describe('supplementing a returned dossier on the page, nothing typed lost, errors lead to the field', () => {
  let app: BrowserApp;
  let systemId: string;
  let dossierId: string;
  let officer: Page;
  let appraiser: Page;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const submit = async (page: Page, button: Locator): Promise<void> => {
    await Promise.all([page.waitForNavigation(), button.click()]);
  };
  const focusedId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id') as Promise<string>;
  const axeClean = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    const t = app.t;
    const canbo = await t.login('canbo.sl-so-xd');
    systemId = await createSystem(t, canbo, 'SL-SO-XD', 'BO-SUNG-WEB', 'Hệ thống quản lý văn bản điều hành');
    dossierId = (await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS)).id;
    const d = (
      await t
        .http()
        .get(`/api/v1/dossiers/${dossierId}`)
        .set({ authorization: `Bearer ${canbo}` })
        .expect(200)
    ).body;
    await t
      .http()
      .post(`/api/v1/dossiers/${dossierId}/actions/submit`)
      .set({ authorization: `Bearer ${canbo}` })
      .send({ version: d.version })
      .expect(200);
  });
  afterAll(() => app?.close());

  it('a return without items is refused at the items box; the message takes the focus and links to it', async () => {
    appraiser = await signIn(app, 'thamdinh');
    await appraiser.goto(`/tham-dinh/${dossierId}`);
    await submit(appraiser, appraiser.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(await focusedId(appraiser)).toBe('loi');
    expect(await text(appraiser, '#return-items-err')).toContain('cần nêu ít nhất một nội dung');
    await appraiser.locator('#loi a[href="#return-items"]').click();
    expect(await focusedId(appraiser)).toBe('return-items');
    await axeClean(appraiser);
    await screenshot(appraiser, 'bo-sung-01-loi-tra-lai');
    await appraiser
      .getByLabel('Nội dung cần bổ sung (mỗi nội dung một dòng)')
      .fill('Tệp đính kèm: sơ đồ mạng có địa chỉ IP\nBổ sung quyết định ban hành quy chế');
    await submit(appraiser, appraiser.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(await text(appraiser, '.flash')).toBe('Đã gửi yêu cầu bổ sung cho cơ quan lập hồ sơ.');
  });

  it('the officer edits, uploads, ticks both requests and resubmits on the page', async () => {
    officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/ho-so/${dossierId}`);
    expect(await text(officer, 'main')).not.toContain('chỉ xem, không sửa được');
    expect(await text(officer, '#yeu-cau-bo-sung-hop')).toContain('Tệp đính kèm: sơ đồ mạng có địa chỉ IP');
    // The request that names its part is also shown beside it, with a link to its mark.
    expect(await text(officer, '#tep .return-beside')).toContain('Tệp đính kèm: sơ đồ mạng có địa chỉ IP — đánh dấu khi đã bổ sung');
    expect(await officer.locator('.return-beside').count()).toBe(1);
    await axeClean(officer);
    await screenshot(officer, 'bo-sung-02-ho-so-tra-lai');
    // Typed and ticked before the upload, not saved yet: the upload keeps both (nothing typed is lost).
    await officer.getByLabel('Mô tả tổng quan').fill('Hệ thống quản lý văn bản; sơ đồ mạng có địa chỉ IP đính kèm.');
    await officer.getByLabel('Tệp đính kèm: sơ đồ mạng có địa chỉ IP — đã bổ sung').check();
    await officer.getByLabel('Loại tài liệu').selectOption('OTHER');
    await officer.locator('input[type="file"]').setInputFiles({ name: 'so-do-mang.pdf', mimeType: 'application/pdf', buffer: PDF });
    await officer.getByRole('button', { name: 'Tải lên' }).click();
    await officer.locator('.flash', { hasText: 'Đã tải lên "so-do-mang.pdf".' }).waitFor();
    expect(await officer.getByLabel('Mô tả tổng quan').inputValue()).toBe('Hệ thống quản lý văn bản; sơ đồ mạng có địa chỉ IP đính kèm.');
    expect(await officer.getByLabel('Tệp đính kèm: sơ đồ mạng có địa chỉ IP — đã bổ sung').isChecked()).toBe(true);
    expect(await text(officer, '#tep')).toContain('so-do-mang.pdf');
    await officer.getByLabel('Bổ sung quyết định ban hành quy chế — đã bổ sung').check();
    await submit(officer, officer.locator('#luu-ho-so'));
    expect(await text(officer, '.flash')).toBe('Đã lưu hồ sơ.');
    expect(await officer.getByLabel('Bổ sung quyết định ban hành quy chế — đã bổ sung').isChecked()).toBe(true);
    expect(await officer.getByLabel('Nội dung đã bổ sung').inputValue()).toBe(
      'Đã bổ sung: Tệp đính kèm: sơ đồ mạng có địa chỉ IP; Bổ sung quyết định ban hành quy chế.',
    );
    await axeClean(officer);
    await submit(officer, officer.getByRole('button', { name: 'Gửi lại hồ sơ đã bổ sung' }));
    expect(await text(officer, '.flash')).toBe('Đã gửi hồ sơ đến cơ quan thẩm định.');
  });

  it('the appraiser sees the answers on re-appraisal', async () => {
    await appraiser.goto(`/tham-dinh/${dossierId}`);
    const answers = await text(appraiser, '#da-bo-sung');
    expect(answers).toContain('Tệp đính kèm: sơ đồ mạng có địa chỉ IP — ✓ Đã bổ sung');
    expect(answers).toContain('Bổ sung quyết định ban hành quy chế — ✓ Đã bổ sung');
    expect(await text(appraiser, 'main')).toContain('so-do-mang.pdf');
    await axeClean(appraiser);
    await screenshot(appraiser, 'bo-sung-03-tham-dinh-lai');
  });

  it("the save that used to drop a requirement's text refuses it with the row marked and the text kept", async () => {
    const canbo = await app.t.login('canbo.sl-so-xd');
    const created = await app.t
      .http()
      .post('/api/v1/dossiers')
      .set({ authorization: `Bearer ${canbo}` })
      .send({ systemId: await createSystem(app.t, canbo, 'SL-SO-XD', 'BO-SUNG-WEB-2', 'Cổng thông tin Sở'), facts: LEVEL2_FACTS })
      .expect(201);
    await officer.goto(`/ho-so/${created.body.id}`);
    // Phần 4's sections may be collapsed: open them, as the officer would.
    await officer.evaluate("document.querySelectorAll('#phan-4 details').forEach((d) => { d.open = true; })");
    const base = (await officer.locator('select[name^="plan."][name$=".status"]').first().getAttribute('name'))!.replace(/\.status$/, '');
    const rowId = `yc-${base.slice('plan.'.length).replace(/[^A-Za-z0-9_-]/g, '-')}`;
    await officer.locator(`input[name="${base}.plannedDate"]`).fill('31/12/2026');
    await officer.locator(`textarea[name="${base}.text"]`).fill('Đã ban hành quy chế an toàn thông tin');
    await submit(officer, officer.locator('#luu-ho-so'));
    expect(await officer.locator('.flash').count()).toBe(0);
    expect(await focusedId(officer)).toBe('loi');
    expect(await text(officer, `#${rowId}-err`)).toContain('chưa chọn tình trạng');
    expect(await officer.locator(`textarea[name="${base}.text"]`).inputValue()).toBe('Đã ban hành quy chế an toàn thông tin');
    await officer.locator(`#loi a[href="#${rowId}"]`).click();
    expect(new URL(officer.url()).hash).toBe(`#${rowId}`);
    await axeClean(officer);
    await screenshot(officer, 'bo-sung-04-khong-mat-noi-dung');
  });

  it('the same dossier saved in two tabs: the second shows the other change, keeps the text, and merges', async () => {
    const canbo = await app.t.login('canbo.sl-so-xd');
    const { id } = await createCompleteDossier(app.t, canbo, systemId, LEVEL2_FACTS);
    const first = await officer.context().newPage();
    const second = await officer.context().newPage();
    await first.goto(`/ho-so/${id}`);
    await second.goto(`/ho-so/${id}`);
    await first.getByLabel('Thuyết minh', { exact: true }).fill('Thuyết minh của tab thứ nhất');
    await submit(first, first.locator('#luu-ho-so'));
    expect(await text(first, '.flash')).toBe('Đã lưu hồ sơ.');
    await second.getByLabel('Thuyết minh', { exact: true }).fill('Thuyết minh của tab thứ hai');
    await submit(second, second.locator('#luu-ho-so'));
    expect(await focusedId(second)).toBe('xung-dot');
    const conflict = await text(second, '#xung-dot');
    expect(conflict).toContain('Hồ sơ vừa được lưu ở nơi khác');
    expect(conflict).toMatch(/Thuyết minh\s*Bản vừa lưu\s*Thuyết minh của tab thứ nhất\s*Bạn nhập\s*Thuyết minh của tab thứ hai/);
    // Only the field the other save changed is listed, not every control of the page.
    expect(await second.locator('#xung-dot .conflict-changes > li').count()).toBe(1);
    expect(await second.getByLabel('Thuyết minh', { exact: true }).inputValue()).toBe('Thuyết minh của tab thứ hai');
    await axeClean(second);
    await screenshot(second, 'bo-sung-05-xung-dot');
    await submit(second, second.locator('#luu-ho-so'));
    expect(await text(second, '.flash')).toBe('Đã lưu hồ sơ.');
    expect(await second.getByLabel('Thuyết minh', { exact: true }).inputValue()).toBe('Thuyết minh của tab thứ hai');
    await first.close();
    await second.close();
  });
});
