import { Page } from 'playwright-core';
import { createCompleteDossier, createSystem } from '../support/dossier-fixtures';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(300_000);

/** The page's width and the innermost elements reaching past the right edge of the screen (tag#id.class), outside any .table-wrap. */
const STICKING_OUT = `(() => {
  const reach = (e) => e.getBoundingClientRect().right;
  const out = (e) => reach(e) > window.innerWidth + 2 && !e.closest('.table-wrap');
  return [document.documentElement.scrollWidth, ...[...document.querySelectorAll('body *')]
    .filter((e) => out(e) && ![...e.children].some(out))
    .slice(0, 8)
    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(' ').join('.') : '') + ' ' + Math.round(reach(e)))];
})()`;

/**
 * Issue 21 points 8 and 10 in a real browser: the questionnaire shows no level before the first answer, will not let
 * the risk assessment (mandatory, ND331 Art. 10.2.a) be skipped, and shows a skipped question as skipped; and the
 * officer's pages fit a 390 px phone with the dossier list's system names readable and due dates visible.
 */
describe('the questionnaire tells the truth; the officer’s pages at phone width', () => {
  let app: BrowserApp;

  const text = async (page: Page, selector: string): Promise<string> =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const next = async (page: Page): Promise<void> => {
    await Promise.all([page.waitForNavigation(), page.locator('.wizard-nav button[value="tiep"]').click()]);
  };
  const questionId = async (page: Page): Promise<string> =>
    ((await page.locator('section[aria-labelledby="cau-hoi"] input').first().getAttribute('name')) ?? '').slice(2);
  const expectAxeClean = async (page: Page, where: string): Promise<void> => {
    expect({ where, violations: await seriousAxeViolations(page) }).toEqual({ where, violations: [] });
  };

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.close());

  it('no level before the first answer; the risk assessment cannot be skipped; a skipped question reads "Bỏ qua"', async () => {
    const token = await app.t.login('canbo.sl-so-xd');
    const systemId = await createSystem(app.t, token, 'SL-SO-XD', 'WIZ-21', 'Cổng thông tin điện tử của Sở');
    const officer = await signIn(app, 'canbo.sl-so-xd');
    await officer.goto(`/he-thong/${systemId}/xac-dinh-cap-do`);
    // The registration's facts pre-fill the answers, but no level is claimed before the officer answers.
    expect(await officer.locator('#ket-qua .result-level').count()).toBe(0);
    expect(await text(officer, '#chua-co-cap-do')).toContain('hãy trả lời câu hỏi đầu tiên');
    await expectAxeClean(officer, 'câu 1, chưa trả lời');
    // The first answer (htmx posts on change) brings the provisional level and says how many mandatory questions remain.
    await officer.locator('input[name="a.systemType"][value="INTERNAL"]').check();
    await officer.locator('#ket-qua .result-level').waitFor();
    expect(await text(officer, '#tam-tinh')).toMatch(/^Tạm tính: còn \d+ câu hỏi bắt buộc chưa trả lời/);

    const asked: string[] = [];
    for (let step = 0; step < 30 && !(await officer.locator('#tom-tat').count()); step += 1) {
      const id = await questionId(officer);
      asked.push(id);
      if (id === 'riskAssessedLevel') {
        // Art. 10.2.a: mandatory at the first determination, so no "bỏ qua" choice and no moving on without it.
        expect(await text(officer, '#cau-hoi')).toContain('(bắt buộc)');
        expect(await officer.locator('input[name="a.riskAssessedLevel"][value=""]').count()).toBe(0);
        await next(officer);
        expect(await questionId(officer)).toBe('riskAssessedLevel');
        expect(await text(officer, '#loi-cau-hoi')).toBe('hãy trả lời câu hỏi này trước khi tiếp tục');
        // The message takes the focus (read out first), and the choices right below it are marked invalid.
        expect(await officer.evaluate('document.activeElement && document.activeElement.id')).toBe('loi-cau-hoi');
        expect(await officer.locator('input[name="a.riskAssessedLevel"][aria-invalid="true"]').count()).toBe(5);
        await screenshot(officer, 'e21-cau-hoi-bat-buoc');
        await expectAxeClean(officer, 'câu đánh giá rủi ro, lỗi');
        await officer.locator('input[name="a.riskAssessedLevel"][value="2"]').check();
      } else if (id === 'infoTypes') {
        await officer.locator('input[name="a.infoTypes"][value="PRIVATE"]').check();
      } else if (await officer.locator(`input[name="a.${id}"][value="false"]`).count()) {
        await officer.locator(`input[name="a.${id}"][value="false"]`).check();
      }
      if (id === 'nationalEgov24x7') expect(await text(officer, 'section[aria-labelledby="cau-hoi"] .hint')).toContain('Nói đơn giản');
      await next(officer);
    }
    // Asked only where it can apply: the risk framework is not issued; the national List criteria are optional.
    expect(asked).toContain('riskAssessedLevel');
    expect(asked).toContain('pmDesignatedLevel');
    expect(asked).not.toContain('riskFrameworkLevel');
    expect(await text(officer, '#ket-qua .result-level')).toBe('Cấp độ 2');
    expect(await officer.locator('#tam-tinh').count()).toBe(0);
    const pmRow = officer.locator('#tom-tat ~ .table-wrap tr', { hasText: 'Thủ tướng Chính phủ đã quyết định' });
    expect(await text(officer, '#tom-tat ~ .table-wrap tr.answer-skipped td:nth-child(2)')).toBe('Bỏ qua');
    expect((await pmRow.locator('td').nth(1).textContent())?.trim()).toBe('Bỏ qua');
    expect(await officer.locator('#tom-tat ~ .table-wrap td', { hasText: 'Chưa trả lời' }).count()).toBe(0);
    const pmIndex = asked.indexOf('pmDesignatedLevel');
    expect(await text(officer, `#tien-do li:nth-child(${pmIndex + 1})`)).toContain('bỏ qua');
    await screenshot(officer, 'e21-tom-tat-bo-qua');
    await expectAxeClean(officer, 'tóm tắt');
  });

  it('at 390 px the officer’s pages do not scroll sideways; the dossier list keeps names readable and due dates visible', async () => {
    // A commune officer with long system names, one draft and two dossiers sent (so with a due date).
    const token = await app.t.login('canbo.sl-x-bacyen');
    const names = [
      'Hệ thống thông tin giải quyết thủ tục hành chính và một cửa điện tử của Ủy ban nhân dân xã Bắc Yên',
      'Cổng thông tin điện tử xã Bắc Yên',
      'Hệ thống quản lý văn bản và điều hành tác nghiệp liên thông bốn cấp chính quyền',
    ];
    const dossierIds: string[] = [];
    for (const [i, name] of names.entries()) {
      const systemId = await createSystem(app.t, token, 'SL-X-BACYEN', `DT-${i}`, name);
      const { id, version } = await createCompleteDossier(app.t, token, systemId);
      dossierIds.push(id);
      if (i > 0) {
        await app.t
          .http()
          .post(`/api/v1/dossiers/${id}/actions/submit`)
          .set({ authorization: `Bearer ${token}` })
          .send({ version })
          .expect(200);
      }
    }
    const officer = await signIn(app, 'canbo.sl-x-bacyen', PHONE);
    const dossier = { id: dossierIds[0] };
    for (const path of ['/', '/he-thong', '/ho-so', `/ho-so/${dossier.id}`]) {
      const response = await officer.goto(path);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      const width = (await officer.evaluate('document.documentElement.scrollWidth')) as number;
      // On failure, the elements that stick out (outside a .table-wrap, which scrolls by itself) say where.
      const sticking = width <= PHONE.width + 2 ? [] : await officer.evaluate(STICKING_OUT);
      expect({ path, width: width <= PHONE.width + 2, sticking }).toEqual({ path, width: true, sticking: [] });
      await expectAxeClean(officer, path);
      const shot: Record<string, string> = { '/': 'trang-chu', '/he-thong': 'he-thong', '/ho-so': 'ho-so' };
      await screenshot(officer, `e21-dien-thoai-${shot[path] ?? 'mot-ho-so'}`);
    }
    for (const path of ['/', '/ho-so']) {
      await officer.goto(path);
      const rows = officer.locator('.dossier-table tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (let i = 0; i < Math.min(await rows.count(), 8); i += 1) {
        const name = rows.nth(i).locator('td.system-cell a');
        const box = (await name.boundingBox())!;
        // The name wraps in full inside the screen (never cut to nothing) and the due date is on screen in the card.
        const cut = await name.evaluate(
          (a: { scrollWidth: number; clientWidth: number; getBoundingClientRect(): { right: number } }) =>
            a.scrollWidth > a.clientWidth + 1 || a.getBoundingClientRect().right > 392,
        );
        expect({ path, row: i, wide: box.width >= 120, cut }).toEqual({ path, row: i, wide: true, cut: false });
        const due = rows.nth(i).locator('td.due-cell');
        expect(await due.isVisible()).toBe(true);
        const dueBox = (await due.boundingBox())!;
        expect(dueBox.x + dueBox.width).toBeLessThanOrEqual(PHONE.width + 2);
        expect(await text(officer, `.dossier-table tbody tr:nth-child(${i + 1}) td.due-cell`)).toBeTruthy();
      }
    }
  });
});
