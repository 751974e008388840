import { Page } from 'playwright-core';
import { createCompleteDossier, createSystem, PDF } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';
import { todayInVietnam } from '../../src/common/dates';

jest.setTimeout(180_000);

/**
 * Issue 18, point 8, in a real browser: a level-3 dossier appraised "phù hợp" and submitted to its owner on a Tờ trình
 * (Mẫu 05) is approved by the owner's leadership (ND331 Art. 18.2, 20.3.b) from its desk, with the signed decision's
 * PDF; the desk, the dossier page and the routing page have no serious or critical axe-core violation.
 */
describe("the owner's leadership approves a level-3 dossier in Chromium", () => {
  let app: BrowserApp;
  let dossierId: string;
  let head: Page;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const expectNoSeriousViolations = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    const t = app.t;
    await t.adminQuery(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'giamdoc.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = 'SL-SO-XD')
         FROM users WHERE username = 'admin'`,
    );
    // Level 3 as the law assigns it (src/routing/competence.ts), ahead of the demo rules.
    await t.adminQuery(
      `INSERT INTO routing_rules (name, owner_agency_id, min_level, max_level, appraiser_agency_id, approver_kind, priority)
       SELECT 'Cấp độ 3: Công an tỉnh thẩm định, chủ quản phê duyệt', r.id, 3, 3, ca.id, 'OWNER', 10
         FROM agencies r, agencies ca WHERE r.code = 'SL-UBND' AND ca.code = 'SL-CA'`,
    );
    const officer = await t.login('canbo.sl-so-xd');
    const appraiser = await t.login('thamdinh');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'QLXD-3', 'Hệ thống quản lý cấp phép xây dựng');
    dossierId = (await createCompleteDossier(t, officer, systemId)).id;
    const act = async (token: string, action: string, body: object = {}) => {
      const current = await t
        .http()
        .get(`/api/v1/dossiers/${dossierId}`)
        .set({ authorization: `Bearer ${token}` });
      const res = await t
        .http()
        .post(`/api/v1/dossiers/${dossierId}/actions/${action}`)
        .set({ authorization: `Bearer ${token}` })
        .send({ version: current.body.version, ...body });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
    };
    await act(officer, 'submit');
    await act(appraiser, 'start-appraisal');
    await act(appraiser, 'appraise', { conclusion: 'SUITABLE', opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.' });
    await act(officer, 'request-approval', { submissionNumber: '12/TTr-SXD' });
  });
  afterAll(() => app?.close());

  it('finds the dossier on its desk from its home page', async () => {
    head = await signIn(app, 'giamdoc.sl-so-xd');
    expect(new URL(head.url()).pathname).toBe('/');
    await Promise.all([head.waitForURL('**/cho-quyet-dinh'), head.getByRole('link', { name: 'Hồ sơ chờ lãnh đạo quyết định' }).click()]);
    expect(await text(head, 'h1')).toBe('Hồ sơ chờ lãnh đạo quyết định');
    const row = head.locator('tbody tr', { hasText: 'Hệ thống quản lý cấp phép xây dựng' });
    expect(await row.count()).toBe(1);
    expect(await text(head, 'tbody tr .badge')).toBe('Đã trình chủ quản phê duyệt');
    expect(await head.locator('nav a[aria-current="page"]').textContent()).toBe('Hồ sơ chờ quyết định');
    await screenshot(head, 'pd-01-ho-so-cho-quyet-dinh');
    await expectNoSeriousViolations(head);
    await Promise.all([head.waitForURL(`**/ho-so/${dossierId}*`), row.getByRole('link').click()]);
  });

  it('reads the next step on the dossier page and approves with the signed PDF', async () => {
    expect(await text(head, '#buoc-tiep-theo')).toBe('Bước tiếp theo: Lãnh đạo Sở Xây dựng phê duyệt cấp độ (Mẫu 06).');
    expect(await text(head, '#thu-tuc')).toContain('Cấp độ 3: đơn vị chuyên trách thẩm định, chủ quản phê duyệt theo Tờ trình');
    expect(await head.locator(`#tai-lieu a[href="/api/v1/dossiers/${dossierId}/documents/mau-05.pdf"]`).count()).toBe(1);
    await expectNoSeriousViolations(head);
    const form = head.locator('#phe-duyet');
    await form.getByLabel('Số quyết định').fill('125/QĐ-SXD');
    // Dated today: the dossier was sent today, and a decision is not dated before it was first sent (issue 25).
    const decidedOn = todayInVietnam().split('-').reverse().join('/');
    await form.getByLabel('Ngày quyết định').fill(decidedOn);
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Bình');
    await form.getByLabel('Chức vụ người ký').fill('Giám đốc');
    await form
      .getByLabel('Bản quyết định đã ký (PDF, tối đa 10 MB)')
      .setInputFiles({ name: 'qd-125.pdf', mimeType: 'application/pdf', buffer: PDF });
    await screenshot(head, 'pd-02-phe-duyet');
    // htmx sends the multipart form with the CSRF token in a header, never in the URL.
    const [post] = await Promise.all([
      head.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/phe-duyet')),
      form.getByRole('button', { name: 'Phê duyệt cấp độ' }).click(),
    ]);
    expect(await post.headerValue('x-csrf-token')).toBeTruthy();
    await head.locator('.flash', { hasText: 'Đã phê duyệt cấp độ' }).waitFor();
    expect(await text(head, '.page-head .badge')).toBe('Đã được phê duyệt');
    expect(await text(head, '#thu-tuc')).toContain(`Số 125/QĐ-SXD ngày ${decidedOn}, cấp độ 3`);
    expect(await text(head, '#tep')).toContain('Quyết định đã ký');
    await screenshot(head, 'pd-03-da-phe-duyet');
    await expectNoSeriousViolations(head);
  });

  it('the routing page prints the competence table, without serious accessibility violations', async () => {
    const admin = await signIn(app, 'admin');
    await admin.goto('/quan-tri/phan-cong');
    expect(await text(admin, '#tham-quyen')).toBe('Thẩm quyền thẩm định, phê duyệt theo cấp độ');
    expect(await text(admin, 'section[aria-labelledby="tham-quyen"]')).toContain(
      'khoản 2 Điều 18, điểm b khoản 3 Điều 20 Nghị định 331/2026/NĐ-CP',
    );
    await screenshot(admin, 'pd-04-phan-cong');
    await expectNoSeriousViolations(admin);
    // The check can fail: an image without a text alternative is a critical violation.
    await admin.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/assets/none.png">')`);
    expect((await seriousAxeViolations(admin)).map((v) => v.id)).toContain('image-alt');
  });
});
