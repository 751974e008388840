import { Page } from 'playwright-core';
import { PROVINCE_SYSTEMS, provinceWorkbook } from '../../src/systems/import-export/province-sheet.fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 21, points 4 and 5, in a real browser: a province's own list (title rows, a merged two-row header, agency
 * names instead of codes, numbering and section rows, a "Tổng cộng" footer) is uploaded on /he-thong/nhap-excel,
 * previewed row by row, completed with what the file truly lacks (type, information, state, the decisions' issuer)
 * and a column mapped by hand, then imported; the result links to the systems. axe-core clean on every step.
 */
describe('importing a province spreadsheet on the web', () => {
  let app: BrowserApp;
  let page: Page;
  let keptToken = '';
  const text = async (selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const axeClean = async () => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    page = await signIn(app, 'admin');
  });
  afterAll(() => app?.close());

  it('offers the upload on the page, stating the size limit, instead of sending the file to a technician', async () => {
    await page.goto('/he-thong');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Nhập từ tệp Excel' }).click()]);
    expect(await text('main')).not.toContain('POST /api/v1/systems/import');
    expect(await text('main')).toContain('tối đa 10 MB');
    await axeClean();
    await screenshot(page, 'nhap-excel-01-tai-len');
  });

  it('previews the list: header found under the title rows, only the truly missing columns asked for', async () => {
    await page.getByLabel(/Tệp cần nhập/).setInputFiles({
      name: 'danh-muc-httt-so-la.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await provinceWorkbook(),
    });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.locator('#ghep-cot').waitFor();
    expect(await text('main')).toContain('dòng tiêu đề là dòng 5 và 6');
    expect(await text('[role="alert"]')).toContain('"Loại hệ thống", "Loại thông tin", "Trạng thái"');
    expect(await text('[role="alert"]')).not.toContain('dòng đầu tiên phải là dòng tiêu đề');
    // The columns as read: the merged "Quyết định phê duyệt" over "Số" / "Ngày"; "Ghi chú" not recognised.
    expect(await page.locator('#cot-F').inputValue()).toBe('approvalDecisionNumber');
    expect(await page.locator('#cot-G').inputValue()).toBe('approvalDecisionDate');
    expect(await page.locator('#cot-C').inputValue()).toBe('ownerAgencyCode');
    expect(await page.locator('#cot-H').inputValue()).toBe('ignore');
    expect(await page.getByText('chưa nhận ra').count()).toBe(1);
    await axeClean();
    await screenshot(page, 'nhap-excel-02-thieu-cot');
  });

  it('asks for the issuer of the decisions once the rest is given, naming the rows', async () => {
    await page.getByLabel('Loại hệ thống').selectOption('Hệ thống thông tin phục vụ hoạt động nội bộ');
    await page.getByLabel('Thông tin công cộng').check();
    await page.getByLabel('Trạng thái').selectOption('Đang vận hành');
    await page.locator('#cot-H').selectOption('description');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Kiểm tra lại với lựa chọn trên' }).click()]);
    expect(await text('[role="alert"]')).toContain('Chưa nhập được');
    // Focus goes to the message (issue 21 point 9), which links to the rows in error.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('loi');
    expect(await page.locator('#loi a[href="#cac-dong"]').count()).toBe(1);
    expect(await text('#cac-dong')).toContain('1 hợp lệ, 2 có lỗi');
    expect(await text('tr.row-error')).toContain('cần nhập đủ cấp độ, số, ngày và cơ quan ban hành');
    // What was chosen is kept.
    expect(await page.getByLabel('Thông tin công cộng').isChecked()).toBe(true);
    expect(await page.locator('#cot-H').inputValue()).toBe('description');
    await axeClean();
  });

  it('shows every row as it will be written, then imports and links to the systems', async () => {
    await page.getByLabel('Cơ quan ban hành quyết định').fill('UBND tỉnh Sơn La');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Kiểm tra lại với lựa chọn trên' }).click()]);
    expect(await text('.flash')).toContain('Tất cả 3 dòng hợp lệ: 3 hệ thống sẽ được tạo mới');
    const rows = page.locator('#cac-dong + .table-wrap tbody tr');
    expect(await rows.count()).toBe(3);
    for (const [i, system] of PROVINCE_SYSTEMS.entries()) {
      const row = ((await rows.nth(i).textContent()) ?? '').replace(/\s+/g, ' ');
      expect(row).toContain(system.name);
      expect(row).toContain(system.code);
      expect(row).toContain('Sẽ tạo mới');
    }
    await axeClean();
    await screenshot(page, 'nhap-excel-03-xem-truoc');
    keptToken = await page.locator('input[name="token"]').inputValue();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Nhập 3 hệ thống' }).click()]);
    expect(await text('.flash')).toContain('3 hệ thống mới');
    await axeClean();
    await screenshot(page, 'nhap-excel-04-ket-qua');
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: PROVINCE_SYSTEMS[1].name }).click()]);
    expect(await text('main')).toContain('Đang nâng cấp');
    expect(await text('main')).toContain('UBND xã Đoàn Kết');
  });

  it('asks for the file again when the kept file is gone (imported already)', async () => {
    await page.goto('/he-thong/nhap-excel');
    // The preview's form posted again after the import, as a second click or the back button would.
    await Promise.all([
      page.waitForURL('**/nhap-excel/nhap'),
      page.evaluate(`(() => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/he-thong/nhap-excel/nhap';
        for (const [name, value] of [['_csrf', document.querySelector('input[name=_csrf]').value], ['token', ${JSON.stringify(keptToken)}]]) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      })()`),
    ]);
    expect(await text('[role="alert"]')).toContain('Hãy chọn lại tệp');
    await axeClean();
  });
});
