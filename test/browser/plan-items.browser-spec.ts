import { Clock } from '../../src/common/clock';
import { Page } from 'playwright-core';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from '../support/dossier-fixtures';
import { decide } from '../support/procedure-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 20, plan items, in a real browser: after approval the system page links to the plan; the plan page groups the
 * items by the seven sections with the late and next-due first; the officer marks an item done and attaches evidence on
 * the item's page, and the derived status follows. No serious or critical axe-core violation on either page.
 */
describe('plan items in Chromium', () => {
  let app: BrowserApp;
  let systemId: string;
  let officer: Page;
  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    app = await startBrowserApp();
    const t = app.t;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const [canbo, thamdinh] = await Promise.all([t.login('canbo.sl-so-xd'), t.login('thamdinh')]);
    systemId = await createSystem(t, canbo, 'SL-SO-XD', 'PA-TRINH-DUYET', 'Hệ thống quản lý hồ sơ xây dựng');
    const { id } = await createCompleteDossier(t, canbo, systemId, LEVEL2_FACTS);
    const get = async () => (await t.http().get(`/api/v1/dossiers/${id}`).set(as(canbo)).expect(200)).body;
    let d = await get();
    const codes: string[] = d.plan.map((p: { code: string }) => p.code);
    await t
      .http()
      .patch(`/api/v1/dossiers/${id}`)
      .set(as(canbo))
      .send({
        version: d.version,
        planEntries: [
          { code: codes[0], status: 'PLANNED', plannedDate: '2026-01-31', description: 'Mua tường lửa' },
          { code: codes[1], status: 'PLANNED', plannedDate: '2027-06-30', description: 'Thuê đánh giá' },
        ],
      })
      .expect(200);
    d = await get();
    // Sent on or before the day the decision is dated: a decision is not dated before its dossier was first sent (issue 25).
    t.app.get(Clock).setFixed('2026-11-20');
    await t.http().post(`/api/v1/dossiers/${id}/actions/submit`).set(as(canbo)).send({ version: d.version }).expect(200);
    d = await get();
    await t.http().post(`/api/v1/dossiers/${id}/actions/start-appraisal`).set(as(thamdinh)).send({ version: d.version }).expect(200);
    d = await get();
    await decide(t, thamdinh, id, 'approve', {
      version: d.version,
      decisionNumber: '31/QĐ-CAT',
      decisionDate: '2026-11-20',
      signerName: 'Nguyễn Văn B',
      signerTitle: 'Giám đốc',
      level: 2,
    }).expect(200);
    t.app.get(Clock).setFixed(undefined);
  });
  afterAll(() => app?.close());

  it('the system page links to the plan; the plan page shows the derived status and the late item first', async () => {
    officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}`);
    expect(await text(officer, '#sau-phe-duyet')).toMatch(/Phương án: \d+\/\d+ hạng mục đã triển khai, 1 hạng mục quá hạn/);
    await Promise.all([officer.waitForNavigation(), officer.locator('#sau-phe-duyet a', { hasText: 'Phương án' }).click()]);
    expect(await text(officer, 'main')).toContain('Đã triển khai một số hạng mục');
    expect(await text(officer, 'main')).toContain('30/06/2027');
    expect(await text(officer, '#viec-can-lam li')).toContain('Quá hạn');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'phuong-an-01');
  });

  it("the province's leader finds the late item on /phuong-an", async () => {
    const leader = await signIn(app, 'lanhdao');
    await leader.goto('/phuong-an');
    expect(await text(leader, 'main')).toContain('Hệ thống quản lý hồ sơ xây dựng');
    expect(await text(leader, 'tbody tr')).toContain('Quá hạn');
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await screenshot(leader, 'phuong-an-03-danh-sach');
  });

  it('the system form shows the derived status with a link to the plan instead of asking for it', async () => {
    await officer.goto(`/he-thong/${systemId}/sua`);
    expect(await officer.locator('select[name="deploymentStatus"]').count()).toBe(0);
    expect(await text(officer, 'main')).toContain('tính từ các hạng mục của phương án đã được phê duyệt');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await officer.goto(`/he-thong/${systemId}/phuong-an`);
  });

  it('the leader\'s "Sau phê duyệt" page puts the late plan item first and leads to it', async () => {
    const leader = await signIn(app, 'lanhdao');
    await leader.goto('/');
    await Promise.all([leader.waitForNavigation(), leader.getByRole('link', { name: 'Sau phê duyệt' }).click()]);
    const first = await text(leader, '.task-list li');
    expect(first).toContain('Hạng mục phương án quá hạn triển khai: 1');
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await screenshot(leader, 'sau-phe-duyet-lanh-dao');
    await Promise.all([leader.waitForNavigation(), leader.locator('.task-list li a').first().click()]);
    expect(leader.url()).toContain('/phuong-an');
  });

  it('the officer marks the late item done and attaches evidence; history and status follow', async () => {
    await Promise.all([officer.waitForNavigation(), officer.locator('#viec-can-lam li a').first().click()]);
    await officer.getByLabel('Trạng thái').selectOption('DONE');
    await officer.getByLabel('Ghi chú cho lịch sử').fill('Đã nghiệm thu tường lửa');
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Lưu' }).click()]);
    expect(await text(officer, '.flash')).toContain('Đã cập nhật hạng mục');
    expect(await text(officer, 'main')).toContain('Đã nghiệm thu tường lửa');
    await officer
      .locator('input[type="file"][name="file"]')
      .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: PDF });
    await officer.getByRole('button', { name: 'Tải lên' }).click();
    await officer.locator('.flash', { hasText: 'Đã lưu tệp minh chứng' }).waitFor();
    expect(await text(officer, 'main')).toContain('bien-ban.pdf');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, 'phuong-an-02-hang-muc');
    await officer.goto(`/he-thong/${systemId}/phuong-an`);
    expect(await officer.locator('#viec-can-lam li', { hasText: 'Quá hạn' }).count()).toBe(0);
  });

  it('an appraiser reads the plan without the forms', async () => {
    const appraiser = await signIn(app, 'thamdinh');
    await appraiser.goto(`/he-thong/${systemId}/phuong-an`);
    await Promise.all([appraiser.waitForNavigation(), appraiser.locator('#viec-can-lam li a').first().click()]);
    expect(await appraiser.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    expect(await text(appraiser, 'main')).toContain('Lịch sử');
  });
});
