import { Locator, Page } from 'playwright-core';
import { PDF } from '../support/dossier-fixtures';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';
import { todayInVietnam } from '../../src/common/dates';

jest.setTimeout(180_000);

/**
 * The whole path in a real browser: an officer of a body that has never filed registers a system, answers the
 * level wizard, fills and submits the dossier; the appraiser returns it, the officer supplements and resubmits,
 * the appraiser appraises, the officer submits the Tờ trình and the
 * owner's leadership approves with the signed decision; the leader's approval rate moves.
 */
describe('the web interface in Chromium', () => {
  let app: BrowserApp;
  let agency: { code: string; name: string };
  let officer: Page;
  let appraiser: Page;
  let leader: Page;
  let dossierUrl: string;
  let dossierId: string;

  const submit = async (page: Page, button: Locator): Promise<void> => {
    await Promise.all([page.waitForNavigation(), button.click()]);
  };
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const flash = (page: Page) => text(page, '.flash');

  /** The dashboard's figure "approved / submitted" as two numbers. */
  const approvalFigures = async (page: Page): Promise<{ approved: number; submitted: number; notSubmitted: string }> => {
    await page.goto('/bao-cao');
    const [approved, submitted] = (/\((\d+)\/(\d+)\)/.exec(await text(page, '.grid .card:first-child .stat-label')) ?? [])
      .slice(1)
      .map(Number);
    return { approved, submitted, notSubmitted: await text(page, '#chua-gui + .table-wrap, section[aria-labelledby="chua-gui"]') };
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    // A department with no dossier at all, so that its first approval moves the province's figures.
    [agency] = await app.t.db.query(
      `SELECT a.code, a.name FROM agencies a WHERE a.kind = 'department' AND a.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.owner_agency_id = a.id) ORDER BY a.code LIMIT 1`,
    );
  });
  afterAll(() => app?.close());

  it('sends a visitor to the sign-in page and shows a wrong password in Vietnamese', async () => {
    const context = await app.browser.newContext({ baseURL: app.baseUrl, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto('/ho-so');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('canbo.sl-so-xd');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await submit(page, page.getByRole('button', { name: 'Đăng nhập' }));
    expect(await text(page, '[role="alert"]')).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('canbo.sl-so-xd');
    await screenshot(page, '01-dang-nhap');
    const phone = await (await app.browser.newContext({ baseURL: app.baseUrl, viewport: PHONE, locale: 'vi-VN' })).newPage();
    await phone.goto('/dang-nhap');
    await screenshot(phone, '01-dang-nhap-dien-thoai');
    await context.close();
  });

  it('the leader notes the approval rate before', async () => {
    leader = await signIn(app, 'lanhdao');
    expect(new URL(leader.url()).pathname).toBe('/bao-cao');
    const before = await approvalFigures(leader);
    expect(before.notSubmitted).toContain(agency.name);
    await screenshot(leader, '02-bao-cao-truoc');
    (globalThis as { before?: unknown }).before = before;
  });

  it('an officer registers a system; a refused form keeps what was typed and shows the error beside the field', async () => {
    officer = await signIn(app, `canbo.${agency.code.toLowerCase()}`);
    expect(new URL(officer.url()).pathname).toBe('/');
    await screenshot(officer, '03-trang-chu-can-bo');
    await officer.getByRole('link', { name: 'Đăng ký hệ thống mới' }).click();
    await officer.getByLabel('Mã hệ thống').fill('DVC-01');
    await officer.getByLabel('Mô tả tổng quan').fill('Cổng tiếp nhận hồ sơ trực tuyến của Sở');
    await officer.getByLabel('Ngày đưa vào sử dụng').fill('31/02/2024');
    await submit(officer, officer.getByRole('button', { name: 'Đăng ký hệ thống' }));
    expect(await text(officer, '#f-name-err')).toContain('không được để trống');
    expect(await text(officer, '#f-goLiveDate-err')).toContain('không có ngày này');
    expect(await text(officer, '#f-systemType-err')).not.toBe('');
    expect(await officer.getByLabel('Mã hệ thống').inputValue()).toBe('DVC-01');
    expect(await officer.getByLabel('Mô tả tổng quan').inputValue()).toBe('Cổng tiếp nhận hồ sơ trực tuyến của Sở');
    await screenshot(officer, '04-dang-ky-he-thong-loi');

    await officer.getByLabel('Tên hệ thống').fill('Cổng dịch vụ công trực tuyến của Sở');
    await officer.getByLabel('Ngày đưa vào sử dụng').fill('15/03/2024');
    await officer.getByLabel('Phục vụ người dân, doanh nghiệp', { exact: false }).check();
    await officer.locator('input[name="infoTypes"][value="PUBLIC"]').check();
    await officer.locator('input[name="infoTypes"][value="PERSONAL"]').check();
    await officer.getByLabel('Phạm vi, quy mô').fill('Toàn tỉnh');
    await officer.getByLabel('Đối tượng phục vụ').fill('Người dân, doanh nghiệp');
    await officer.getByLabel('Số quy chế bảo đảm an toàn, an ninh mạng').fill('15/QC-SO');
    await officer.getByLabel('Ngày ban hành quy chế').fill('01/06/2025');
    await submit(officer, officer.getByRole('button', { name: 'Đăng ký hệ thống' }));
    expect(await flash(officer)).toBe('Đã đăng ký hệ thống "Cổng dịch vụ công trực tuyến của Sở".');
    expect(await text(officer, 'dl.facts')).toContain('15/03/2024');
  });

  it('answers the level wizard step by step; the level and its articles follow the answers', async () => {
    await officer.getByRole('link', { name: 'Xác định cấp độ và lập hồ sơ' }).click();
    expect(await text(officer, 'h1')).toContain('Xác định cấp độ');
    const answers: Record<string, string> = {
      defenceSecuritySystem: 'false',
      handlesAdminProcedures: 'true',
      conditionalBusiness: 'false',
      basicPersonalDataSubjects: '5000',
      sensitivePersonalDataSubjects: '0',
      nationalEgov24x7: 'false',
      criticalNationalDataStorage: 'false',
      riskAssessedLevel: '2',
    };
    const asked: string[] = [];
    for (let step = 0; step < 30 && !(await officer.locator('#tom-tat').count()); step += 1) {
      const input = officer.locator('section[aria-labelledby="cau-hoi"] input').first();
      const id = (await input.getAttribute('name'))!.slice(2);
      asked.push(id);
      const wanted = answers[id];
      if (wanted !== undefined && (await input.getAttribute('type')) === 'text') await input.fill(wanted);
      else if (wanted !== undefined) await officer.locator(`input[name="a.${id}"][value="${wanted}"]`).check();
      if (id === 'handlesAdminProcedures') {
        // htmx posts the answers on change and swaps in the evaluator's result: level 3, Điểm b Khoản 2 Điều 13.
        await officer.locator('#ket-qua .result-level', { hasText: 'Cấp độ 3' }).waitFor();
        expect(await text(officer, '#ket-qua')).toContain('Điều 13 Nghị định 331/2026/NĐ-CP');
        await screenshot(officer, '05-trinh-huong-dan-cap-do');
        const phone = await officer.context().newPage();
        await phone.setViewportSize(PHONE);
        await phone.goto(officer.url().replace(/\/xac-dinh-cap-do.*/, '/xac-dinh-cap-do'));
        await screenshot(phone, '05-trinh-huong-dan-dien-thoai');
        await phone.close();
      }
      await submit(officer, officer.locator('.wizard-nav button[value="tiep"]'));
    }
    // askWhen: the citizen-service questions are asked, the defence-harm question is not.
    expect(asked).toEqual(expect.arrayContaining(['systemType', 'infoTypes', 'handlesAdminProcedures', 'basicPersonalDataSubjects']));
    expect(asked).not.toContain('nationalSecurityHarm');
    expect(asked).not.toContain('infrastructureScope');
    expect(await text(officer, '#ket-qua .result-level')).toBe('Cấp độ 3');
    await officer.getByLabel('Thuyết minh đề xuất cấp độ').fill('Hệ thống giải quyết thủ tục hành chính trực tuyến nên thuộc cấp độ 3.');
    await screenshot(officer, '06-ket-qua-cap-do');
    await submit(officer, officer.getByRole('button', { name: 'Lập hồ sơ đề xuất cấp độ' }));
    expect(await flash(officer)).toContain('Đã lập hồ sơ đề xuất cấp độ');
    dossierUrl = new URL(officer.url()).pathname;
    dossierId = dossierUrl.split('/').pop()!;
    expect(await text(officer, '#con-thieu')).toContain('Còn thiếu');
  });

  it('fills the dossier: a wrong date is shown on its requirement and nothing typed is lost', async () => {
    // The explanatory report's contents (ND331 Art. 21.2, 22.3.d, 22.4.c): models, one row per table, the design's approval.
    const contents: Record<string, string> = {
      'textarea[name="description.logicalModel"]': 'Cổng web, máy chủ ứng dụng, cơ sở dữ liệu',
      'textarea[name="description.physicalModel"]': 'Hai máy chủ ảo tại Trung tâm dữ liệu tỉnh',
      'input[name="description.equipment.0.name"]': 'Tường lửa trung tâm',
      'input[name="description.equipment.0.location"]': 'Trung tâm dữ liệu tỉnh',
      'input[name="description.equipment.0.purpose"]': 'Bảo vệ vùng biên',
      'input[name="description.applications.0.name"]': 'Cổng một cửa',
      'input[name="description.applications.0.server"]': 'APP-01',
      'input[name="description.applications.0.location"]': 'Trung tâm dữ liệu tỉnh',
      'input[name="description.applications.0.operatingSystem"]': 'Ubuntu Server 22.04',
      'input[name="description.applications.0.purpose"]': 'Tiếp nhận hồ sơ',
      'input[name="description.networkZones.0.name"]': 'Vùng máy chủ',
      'input[name="description.networkZones.0.privateAddresses"]': '10.10.20.0/24',
      'input[name="description.designDocument.approvalNumber"]': '125/QĐ-UBND',
      'input[name="description.designDocument.approvalDate"]': '15/03/2024',
      'textarea[name="description.preliminaryRisks"]': 'Tấn công từ chối dịch vụ; gián đoạn vài giờ',
    };
    for (const [selector, value] of Object.entries(contents)) await officer.locator(selector).fill(value);
    for (const key of ['a', 'b', 'c', 'd', 'dd', 'e', 'g'])
      await officer.locator(`textarea[name="planSections.${key}"]`).fill(`Nội dung phương án mục ${key}`);
    const statuses = officer.locator('select[name^="plan."]');
    const count = await statuses.count();
    expect(count).toBeGreaterThan(30);
    for (let i = 0; i < count; i += 1) {
      await statuses.nth(i).selectOption('IMPLEMENTED');
      await officer.locator('textarea[name^="plan."]').nth(i).fill('Đã triển khai theo quy chế của Sở');
    }
    const firstRow = officer.locator('.plan-table tbody tr[id^="yc-"]').first();
    await firstRow.locator('select').selectOption('PLANNED');
    await firstRow.locator('input[name$=".plannedDate"]').fill('31/13/2026');
    await submit(officer, officer.getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await text(officer, '#loi')).toContain('Chưa lưu được');
    expect(await firstRow.locator('.error').textContent()).toContain('không có ngày này');
    expect(await officer.locator('textarea[name="planSections.g"]').inputValue()).toBe('Nội dung phương án mục g');
    expect(
      await officer
        .locator('textarea[name^="plan."]')
        .nth(count - 1)
        .inputValue(),
    ).toBe('Đã triển khai theo quy chế của Sở');
    await screenshot(officer, '07-ho-so-loi-ngay');
    await firstRow.locator('input[name$=".plannedDate"]').fill('31/12/2026');
    await submit(officer, officer.getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await flash(officer)).toBe('Đã lưu hồ sơ.');
  });

  it('attaches the design document and the risk assessment; the completeness list empties; the forms are linked', async () => {
    for (const [kind, name] of [
      ['DESIGN_DOCUMENT', 'thiet-ke.pdf'],
      ['RISK_ASSESSMENT', 'danh-gia-rui-ro.pdf'],
    ]) {
      await officer.getByLabel('Loại tài liệu').selectOption(kind);
      await officer.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
      // htmx sends the upload with the CSRF token in a header, never in the URL, and swaps the page's content
      const [upload] = await Promise.all([
        officer.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/tep')),
        officer.getByRole('button', { name: 'Tải lên' }).click(),
      ]);
      expect(upload.url()).not.toContain('_csrf');
      expect(await upload.headerValue('x-csrf-token')).toBeTruthy();
      await officer.locator('.flash', { hasText: `Đã tải lên "${name}".` }).waitFor();
      expect(await flash(officer)).toBe(`Đã tải lên "${name}".`);
    }
    expect(await text(officer, '#con-thieu')).toContain('Hồ sơ đã đủ các nội dung bắt buộc');
    for (const href of [
      `/api/v1/dossiers/${dossierId}/documents/mau-02.pdf`,
      `/api/v1/dossiers/${dossierId}/documents/mau-02.docx`,
      `/api/v1/dossiers/${dossierId}/documents/thuyet-minh.pdf`,
    ]) {
      expect(await officer.locator(`#tai-lieu a[href="${href}"]`).count()).toBe(1);
    }
    await screenshot(officer, '08-ho-so-day-du');
    const phone = await officer.context().newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(dossierUrl);
    await screenshot(phone, '08-ho-so-dien-thoai');
    await phone.close();
    await submit(officer, officer.getByRole('button', { name: 'Gửi thẩm định' }));
    expect(await flash(officer)).toBe('Đã gửi hồ sơ đến cơ quan thẩm định.');
    expect(await text(officer, '.page-head .badge')).toBe('Đã gửi thẩm định');
  });

  it('the appraiser finds it in the queue by due date and returns it with a list', async () => {
    appraiser = await signIn(app, 'thamdinh');
    expect(new URL(appraiser.url()).pathname).toBe('/tham-dinh');
    const row = appraiser.locator('tbody tr', { hasText: 'Cổng dịch vụ công trực tuyến của Sở' });
    expect(await row.count()).toBe(1);
    const dues = await appraiser.locator('tbody tr td:first-child strong').allTextContents();
    const iso = dues.map((d) => d.split('/').reverse().join('-'));
    expect(iso).toEqual([...iso].sort());
    await screenshot(appraiser, '09-hang-cho-tham-dinh');
    await submit(appraiser, row.getByRole('link'));
    expect(await text(appraiser, 'main')).toContain('Nội dung đã gửi — lần 1');
    await appraiser
      .getByLabel('Nội dung cần bổ sung (mỗi nội dung một dòng)')
      .fill('Bổ sung sơ đồ mạng có địa chỉ IP\nBổ sung quyết định ban hành quy chế');
    await screenshot(appraiser, '10-tham-dinh');
    await submit(appraiser, appraiser.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(await flash(appraiser)).toBe('Đã gửi yêu cầu bổ sung cho cơ quan lập hồ sơ.');
  });

  it('the officer is notified, reads what to supplement and sends it back', async () => {
    await officer.goto('/thong-bao');
    expect(await text(officer, 'header .count')).toBe('1');
    expect(await text(officer, 'main ul.card li')).toContain('Bổ sung sơ đồ mạng có địa chỉ IP');
    await screenshot(officer, '11-thong-bao');
    await submit(officer, officer.getByRole('button', { name: 'Mở hồ sơ' }));
    expect(new URL(officer.url()).pathname).toBe(dossierUrl);
    expect(await text(officer, '#yeu-cau-bo-sung + ul, section[aria-labelledby="yeu-cau-bo-sung"]')).toContain(
      'Bổ sung quyết định ban hành quy chế',
    );
    await officer.getByLabel('Nội dung đã bổ sung').fill('Đã bổ sung sơ đồ mạng và quyết định ban hành quy chế 15/QC-SO.');
    await screenshot(officer, '12-ho-so-yeu-cau-bo-sung');
    await submit(officer, officer.getByRole('button', { name: 'Gửi lại hồ sơ đã bổ sung' }));
    expect(await flash(officer)).toBe('Đã gửi hồ sơ đến cơ quan thẩm định.');
  });

  it('the appraiser accepts and appraises; the officer submits the Tờ trình (Mẫu 05) to the owner', async () => {
    await appraiser.goto(`/tham-dinh/${dossierId}`);
    expect(await text(appraiser, 'main')).toContain('lần 2');
    expect(await text(appraiser, 'main')).toContain('Đã bổ sung sơ đồ mạng');
    await submit(appraiser, appraiser.getByRole('button', { name: 'Tiếp nhận, bắt đầu thẩm định' }));
    await appraiser.getByLabel('Phù hợp', { exact: true }).check();
    await appraiser.getByLabel('Ý kiến thẩm định').fill('Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.');
    await submit(appraiser, appraiser.getByRole('button', { name: 'Ghi ý kiến thẩm định' }));
    expect(await flash(appraiser)).toBe('Đã ghi ý kiến thẩm định.');
    // ND331 Art. 18.2: the police appraise a level-3 dossier; the owner approves it, not the appraiser.
    expect(await appraiser.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    await officer.goto(dossierUrl);
    expect(await text(officer, '#buoc-tiep-theo')).toBe('Bước tiếp theo: Đơn vị vận hành trình chủ quản phê duyệt (Tờ trình, Mẫu 05).');
    expect(await officer.locator(`#tai-lieu a[href="/api/v1/dossiers/${dossierId}/documents/mau-05.pdf"]`).count()).toBe(1);
    await officer.getByLabel('Số Tờ trình (không bắt buộc)').fill('12/TTr-SO');
    await submit(officer, officer.getByRole('button', { name: 'Trình chủ quản phê duyệt' }));
    expect(await flash(officer)).toBe('Đã trình chủ quản phê duyệt (Tờ trình, Mẫu 05).');
    expect(await text(officer, '.page-head .badge')).toBe('Đã trình chủ quản phê duyệt');
  });

  it("the owner's leadership approves with a decision number and the signed PDF, and gets the decision (Mẫu 06)", async () => {
    await app.t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT $1, password_hash, 'Giám đốc Sở', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = $2) FROM users WHERE username = 'admin'
       ON CONFLICT (username) DO NOTHING`,
      [`giamdoc.${agency.code.toLowerCase()}`, agency.code],
    );
    const head = await signIn(app, `giamdoc.${agency.code.toLowerCase()}`);
    await head.goto('/cho-quyet-dinh');
    await submit(head, head.locator('tbody tr', { hasText: 'Cổng dịch vụ công trực tuyến của Sở' }).getByRole('link'));
    const form = head.locator('#phe-duyet');
    await form.getByLabel('Số quyết định').fill('125/QĐ-SO');
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Bình');
    await form.getByLabel('Chức vụ người ký').fill('Giám đốc');
    await form.getByLabel('Ngày quyết định').fill('30/02/2026');
    const pdfFile = { name: 'quyet-dinh-125.pdf', mimeType: 'application/pdf', buffer: PDF };
    await form.getByLabel('Bản quyết định đã ký (PDF, tối đa 10 MB)').setInputFiles(pdfFile);
    await form.getByRole('button', { name: 'Phê duyệt cấp độ' }).click();
    await head.locator('#approve-decisionDate-err').waitFor();
    expect(await text(head, '#approve-decisionDate-err')).toContain('không có ngày này');
    expect(await form.getByLabel('Số quyết định').inputValue()).toBe('125/QĐ-SO');
    // Dated today: the dossier was sent today, and a decision is not dated before it was first sent (issue 25).
    const decidedOn = todayInVietnam().split('-').reverse().join('/');
    await form.getByLabel('Ngày quyết định').fill(decidedOn);
    // A browser never sends a file again after a refused post: it is chosen again.
    await form.getByLabel('Bản quyết định đã ký (PDF, tối đa 10 MB)').setInputFiles(pdfFile);
    await form.getByRole('button', { name: 'Phê duyệt cấp độ' }).click();
    await head.locator('.flash', { hasText: 'Đã phê duyệt cấp độ' }).waitFor();
    expect(await text(head, '.page-head .badge')).toBe('Đã được phê duyệt');
    expect(await text(head, '#thu-tuc')).toContain(`Số 125/QĐ-SO ngày ${decidedOn}, cấp độ 3`);
    expect(await head.locator(`#tai-lieu a[href="/api/v1/dossiers/${dossierId}/documents/mau-06.pdf"]`).count()).toBe(1);
    // The link works with the browser's session cookie alone (read-only GET), as a click would.
    const pdf = await head.request.get(`/api/v1/dossiers/${dossierId}/documents/mau-06.pdf`);
    expect({ status: pdf.status(), type: pdf.headers()['content-type'], magic: (await pdf.body()).subarray(0, 5).toString() }).toEqual({
      status: 200,
      type: expect.stringContaining('application/pdf'),
      magic: '%PDF-',
    });
    await screenshot(head, '13-da-phe-duyet');
  });

  it('the leader sees one more body submitted and approved', async () => {
    const before = (globalThis as { before?: { approved: number; submitted: number } }).before!;
    const after = await approvalFigures(leader);
    expect(after).toMatchObject({ approved: before.approved + 1, submitted: before.submitted + 1 });
    expect(after.notSubmitted).not.toContain(agency.name);
    await screenshot(leader, '14-bao-cao-sau');
    const phone = await leader.context().newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto('/bao-cao');
    await screenshot(phone, '14-bao-cao-dien-thoai');
    expect(await leader.locator('a[href^="/api/v1/reports/approval-rate?"][href*="format=pdf"]').count()).toBe(1);
    expect(await leader.locator('a[href^="/api/v1/reports/approval-rate?"][href*="format=xlsx"]').count()).toBe(1);
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]) {
      const href = (await leader.locator(`a[href*="format=${format}"]`).getAttribute('href'))!;
      const file = await leader.request.get(href);
      expect({ format, status: file.status(), type: file.headers()['content-type'] }).toEqual({
        format,
        status: 200,
        type: expect.stringContaining(type),
      });
    }
  });

  it('an administrator reaches every admin screen; a refused holiday keeps its text and says why', async () => {
    const admin = await signIn(app, 'admin');
    expect(new URL(admin.url()).pathname).toBe('/quan-tri');
    for (const [path, heading] of [
      ['/quan-tri/co-quan', 'Cơ quan, đơn vị'],
      ['/quan-tri/nguoi-dung', 'Tài khoản'],
      ['/quan-tri/phan-cong', 'Phân công thẩm định, phê duyệt'],
      ['/quan-tri/chien-dich', 'Chiến dịch theo văn bản chỉ đạo'],
      ['/quan-tri/nhat-ky', 'Nhật ký thay đổi'],
    ]) {
      const response = await admin.goto(path);
      expect({ path, status: response?.status(), heading: await text(admin, 'h1') }).toEqual({ path, status: 200, heading });
    }
    expect(await text(admin, 'main table')).toContain('DOSSIER_APPROVE');
    await admin.goto('/quan-tri/co-quan');
    await screenshot(admin, '15-quan-tri-co-quan');
    await admin.goto('/quan-tri/lich?nam=2026');
    await admin.getByRole('textbox', { name: 'Ngày', exact: true }).fill('24/11/2026');
    await submit(admin, admin.getByRole('button', { name: 'Lưu' }));
    expect(await text(admin, '#f-name-err')).toContain('không được để trống');
    expect(await admin.getByRole('textbox', { name: 'Ngày', exact: true }).inputValue()).toBe('24/11/2026');
    await admin.getByLabel('Tên ngày hoặc lý do').fill('Ngày Văn hóa Việt Nam');
    await submit(admin, admin.getByRole('button', { name: 'Lưu' }));
    expect(await flash(admin)).toBe('Đã lưu điều chỉnh lịch.');
    expect(await text(admin, 'main table')).toContain('Ngày Văn hóa Việt Nam');
    await screenshot(admin, '16-quan-tri-lich');
  });
});
