import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { PDF } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, OUTPUT_DIR, screenshot, startBrowserApp } from './support/browser-app';

jest.setTimeout(600_000);

/**
 * Issue 21's proof: a commune officer goes from signing in to a SUBMITTED level-2 dossier through the pages only
 * (register the system → questionnaire → dossier → requirements → attachments → submit), and the effort is counted:
 * - pages: documents loaded in the tab (navigations of the main frame; htmx swaps are counted apart as `partialUpdates`);
 * - clicks: buttons, links, radio buttons and checkboxes clicked;
 * - fields: text typed into an input or textarea, a choice made in a select, a file chosen.
 * The counts go to test/browser/output/walkthrough.json. Where the pages offer a group answer per section
 * ("Trả lời cả nhóm", issue 21 point 3) the walkthrough uses it; otherwise it answers each requirement row.
 */
describe('walkthrough: a commune officer submits a level-2 dossier through the pages', () => {
  let app: BrowserApp;
  let agency: { code: string; name: string };
  let page: Page;
  const counts = { pages: 0, clicks: 0, fields: 0, partialUpdates: 0 };
  const perStep: Record<string, { pages: number; clicks: number; fields: number }> = {};
  const visited = new Set<string>();
  const axeFindings: { path: string; violations: unknown[] }[] = [];

  const click = async (target: Locator): Promise<void> => {
    counts.clicks += 1;
    await target.click();
  };
  /** A click that loads a new page. */
  const clickAndLoad = async (target: Locator): Promise<void> => {
    counts.clicks += 1;
    await Promise.all([page.waitForNavigation(), target.click()]);
  };
  const fill = async (target: Locator, value: string): Promise<void> => {
    counts.fields += 1;
    await target.fill(value);
  };
  const choose = async (target: Locator, value: string): Promise<void> => {
    counts.fields += 1;
    await target.selectOption(value);
  };
  const tick = async (target: Locator): Promise<void> => {
    if (await target.isChecked()) return;
    counts.clicks += 1;
    await target.check();
  };
  const text = async (selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  let stepStart = { ...counts };
  const endStep = (name: string): void => {
    perStep[name] = {
      pages: counts.pages - stepStart.pages,
      clicks: counts.clicks - stepStart.clicks,
      fields: counts.fields - stepStart.fields,
    };
    stepStart = { ...counts };
  };
  /** axe on the first visit of each kind of page (ids replaced), the walkthrough's pages being the officer's whole path. */
  const checkAxe = async (): Promise<void> => {
    const path = new URL(page.url()).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    if (visited.has(path)) return;
    visited.add(path);
    const violations = await seriousAxeViolations(page);
    if (violations.length) axeFindings.push({ path, violations });
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    // A commune (UBND xã) of the Sơn La demo with no system registered yet: a first-time officer.
    [agency] = await app.t.db.query(
      `SELECT a.code, a.name FROM agencies a WHERE a.kind = 'commune' AND a.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM systems s WHERE s.owner_agency_id = a.id OR s.operator_agency_id = a.id)
        ORDER BY a.code LIMIT 1`,
    );
  });
  afterAll(() => app?.close());

  it('signs in, registers the system, answers the questionnaire, fills, attaches and submits', async () => {
    expect(agency).toBeDefined();
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) counts.pages += 1;
    });
    page.on('request', (r) => {
      if (r.headers()['hx-request']) counts.partialUpdates += 1;
    });

    // 1. Sign in.
    await page.goto('/dang-nhap');
    await fill(page.getByLabel('Tên đăng nhập'), `canbo.${agency.code.toLowerCase()}`);
    await fill(page.getByLabel('Mật khẩu'), 'demo1234');
    await clickAndLoad(page.getByRole('button', { name: 'Đăng nhập' }));
    expect(new URL(page.url()).pathname).toBe('/');
    await checkAxe();
    endStep('signIn');

    // 2. Register the system: what a commune officer knows about its document-management system.
    await clickAndLoad(page.getByRole('link', { name: 'Đăng ký hệ thống mới' }).first());
    await checkAxe();
    await fill(page.getByLabel('Tên hệ thống'), `Hệ thống quản lý văn bản và điều hành của ${agency.name}`);
    await fill(page.getByLabel('Mã hệ thống'), 'QLVB-XA');
    await tick(page.locator('input[name="systemType"][value="INTERNAL"]'));
    await tick(page.locator('input[name="infoTypes"][value="PUBLIC"]'));
    await tick(page.locator('input[name="infoTypes"][value="PRIVATE"]'));
    await fill(page.getByLabel('Mô tả tổng quan'), 'Quản lý văn bản đến, văn bản đi và điều hành công việc của xã');
    await fill(page.getByLabel('Phạm vi, quy mô'), 'Toàn xã; 25 cán bộ, công chức');
    await fill(page.getByLabel('Đối tượng phục vụ'), 'Cán bộ, công chức của xã');
    await clickAndLoad(page.getByRole('button', { name: 'Đăng ký hệ thống' }));
    expect(await text('.flash')).toContain('Đã đăng ký hệ thống');
    await checkAxe();
    endStep('registerSystem');

    // 3. The questionnaire, one question a step: "Không" to every yes/no question (an internal system of a commune),
    //    0 to counts, optional questions left as they are.
    await clickAndLoad(page.getByRole('link', { name: 'Xác định cấp độ và lập hồ sơ' }).first());
    await checkAxe();
    for (let step = 0; step < 30 && !(await page.locator('#tom-tat').count()); step += 1) {
      const input = page.locator('section[aria-labelledby="cau-hoi"] input').first();
      const name = (await input.getAttribute('name'))!;
      const type = await input.getAttribute('type');
      if (type === 'text') {
        if ((await input.inputValue()) === '') await fill(input, '0');
      } else if (type === 'radio' && (await page.locator(`input[name="${name}"][value="false"]`).count())) {
        await tick(page.locator(`input[name="${name}"][value="false"]`));
      } else if (type === 'radio' && !(await page.locator(`input[name="${name}"]:checked`).count())) {
        // A level question with no default (the risk assessment's result, mandatory since issue 21): level 2.
        await tick(page.locator(`input[name="${name}"][value="2"]`));
      }
      await clickAndLoad(page.locator('.wizard-nav button[value="tiep"]'));
      expect(await page.locator('section[aria-labelledby="cau-hoi"] .error').count()).toBe(0);
    }
    await checkAxe();
    expect(await text('#ket-qua .result-level')).toBe('Cấp độ 2');
    // The dossier needs a justification (Phần 3); where the page drafts one from the criteria, the officer keeps it.
    const justification = page.getByLabel('Thuyết minh đề xuất cấp độ');
    if (!(await justification.inputValue()).trim()) {
      await fill(justification, 'Hệ thống phục vụ hoạt động nội bộ của xã, xử lý thông tin riêng; theo tiêu chí là cấp độ 2.');
    }
    await clickAndLoad(page.getByRole('button', { name: 'Lập hồ sơ đề xuất cấp độ' }));
    expect(await text('.flash')).toContain('Đã lập hồ sơ đề xuất cấp độ');
    const dossierPath = new URL(page.url()).pathname;
    await checkAxe();
    endStep('questionnaire');

    // 4. The dossier's contents: the explanatory report (ND331 Art. 21.2) and the security plan's sections.
    const contents: Record<string, string> = {
      'textarea[name="description.logicalModel"]': 'Máy chủ ứng dụng và cơ sở dữ liệu, người dùng truy cập qua mạng nội bộ',
      'textarea[name="description.physicalModel"]': 'Một máy chủ ảo tại Trung tâm dữ liệu tỉnh',
      'input[name="description.equipment.0.name"]': 'Tường lửa',
      'input[name="description.equipment.0.location"]': 'Trung tâm dữ liệu tỉnh',
      'input[name="description.equipment.0.purpose"]': 'Bảo vệ vùng biên',
      'input[name="description.applications.0.name"]': 'Quản lý văn bản',
      'input[name="description.applications.0.server"]': 'APP-01',
      'input[name="description.applications.0.location"]': 'Trung tâm dữ liệu tỉnh',
      'input[name="description.applications.0.operatingSystem"]': 'Ubuntu Server 22.04',
      'input[name="description.applications.0.purpose"]': 'Văn bản đến, đi',
      'input[name="description.networkZones.0.name"]': 'Vùng máy chủ',
      'input[name="description.networkZones.0.privateAddresses"]': '10.10.30.0/24',
      'input[name="description.designDocument.approvalNumber"]': '12/QĐ-UBND',
      'input[name="description.designDocument.approvalDate"]': '15/03/2024',
      'textarea[name="description.preliminaryRisks"]': 'Mã độc qua thư điện tử; mất dữ liệu khi hỏng máy chủ',
    };
    for (const [selector, value] of Object.entries(contents)) {
      if (await page.locator(selector).count()) await fill(page.locator(selector), value);
    }
    for (const key of ['a', 'b', 'c', 'd', 'dd', 'e', 'g']) {
      const section = page.locator(`textarea[name="planSections.${key}"]`);
      if (await section.count()) await fill(section, `Nội dung phương án mục ${key}`);
    }
    await clickAndLoad(page.getByRole('button', { name: 'Lưu hồ sơ' }).first());
    expect(await text('.flash')).toBe('Đã lưu hồ sơ.');
    endStep('dossierContents');

    // 5. The requirements (TT12 Art. 9 for level 2): a group answer per section when the page offers it ("Trả lời cả
    //    nhóm", issue 21), otherwise a status and a description on every row. Closed sections are opened by a click.
    const openDetails = async (details: Locator): Promise<void> => {
      if ((await details.count()) && (await details.getAttribute('open')) === null) await click(details.locator(':scope > summary'));
    };
    const groupButtons = page.locator('button[formaction$="/yeu-cau/nhom"]');
    const groups: string[] = [];
    for (let i = 0; i < (await groupButtons.count()); i += 1) groups.push((await groupButtons.nth(i).getAttribute('value'))!);
    const usedGroupAnswers = groups.length > 0;
    for (const group of groups) {
      const section = page.locator(`details.plan-section[id="nhom-${group}"]`);
      await openDetails(section);
      const answer = section.locator('details.group-answer');
      await openDetails(answer);
      await choose(answer.locator(`select[name="nhom.${group}.status"]`), 'IMPLEMENTED');
      await fill(answer.locator(`textarea[name="nhom.${group}.text"]`), 'Đã triển khai theo quy chế của xã');
    }
    if (usedGroupAnswers) {
      // Every group's answer chosen, one save answers them all.
      await clickAndLoad(page.getByRole('button', { name: 'Lưu lại' }));
      expect(await text('.flash')).toContain(`Đã lưu hồ sơ và trả lời`);
      expect(await text('#tien-do-yeu-cau')).toMatch(/^(\d+)\/\1 yêu cầu đã trả lời/);
    }
    if (!usedGroupAnswers) {
      const statuses = page.locator('select[name^="plan."]');
      const rows = await statuses.count();
      for (let i = 0; i < rows; i += 1) {
        if (!(await statuses.nth(i).isVisible())) await openDetails(statuses.nth(i).locator('xpath=ancestor::details[1]'));
        await choose(statuses.nth(i), 'IMPLEMENTED');
        await fill(page.locator('textarea[name^="plan."]').nth(i), 'Đã triển khai theo quy chế của xã');
      }
      await clickAndLoad(page.getByRole('button', { name: 'Lưu hồ sơ' }).first());
      expect(await text('.flash')).toBe('Đã lưu hồ sơ.');
    }
    await checkAxe();
    endStep('requirements');

    // 6. Attachments the completeness list asks for (design document, risk assessment).
    for (const [kind, name] of [
      ['DESIGN_DOCUMENT', 'thiet-ke.pdf'],
      ['RISK_ASSESSMENT', 'danh-gia-rui-ro.pdf'],
    ]) {
      await choose(page.getByLabel('Loại tài liệu'), kind);
      counts.fields += 1;
      await page.locator('input[type="file"][name="file"]').first().setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
      await click(page.getByRole('button', { name: 'Tải lên' }).first());
      await page.locator('.flash', { hasText: `Đã tải lên "${name}".` }).waitFor();
    }
    const missing = await text('#con-thieu');
    expect(missing).toContain('Hồ sơ đã đủ các nội dung bắt buộc');
    await checkAxe();
    endStep('attachments');

    // 7. Submit.
    await clickAndLoad(page.getByRole('button', { name: 'Gửi thẩm định' }).first());
    expect(await text('.flash')).toBe('Đã gửi hồ sơ đến cơ quan thẩm định.');
    expect(await text('.page-head .badge')).toBe('Đã gửi thẩm định');
    await screenshot(page, 'walkthrough-submitted');
    endStep('submit');
    const [dossier] = await app.t.db.query(`SELECT status, proposed_level FROM dossiers WHERE id = $1`, [dossierPath.split('/').pop()]);
    expect(dossier).toEqual({ status: 'SUBMITTED', proposed_level: 2 });

    const result = { agency: agency.code, level: 2, usedGroupAnswers, ...counts, perStep, axeFindings };
    writeFileSync(join(OUTPUT_DIR, 'walkthrough.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Walkthrough (commune officer → submitted level-2 dossier): ${JSON.stringify(result)}`);
    expect(axeFindings).toEqual([]);
  });
});
