import { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { NotificationsService, NotifyInput } from '../../src/notifications/notifications.service';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(180_000);

/**
 * Issue 23, point 7, in a real browser: the inbox shows when each event happened (the workflow clock's time, which
 * the demo sets to each step's date), newest event first, not when the row was written. No serious or critical
 * axe-core violation, on a desktop and a phone.
 */
describe('the inbox shows the time of the event in Chromium', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    const t = app.t;
    const notifications = t.app.get(NotificationsService);
    const clock = t.app.get(Clock);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE username = 'thamdinh'`);
    const notice = (title: string): NotifyInput => ({
      recipients: { userIds: [id] },
      kind: 'DOSSIER_ROUTED',
      title,
      body: 'Hồ sơ đề xuất cấp độ 2 đã được gửi đến Công an tỉnh Sơn La.',
    });
    for (const [at, title] of [
      ['2026-11-25T02:30:00Z', 'Hồ sơ gửi ngày 25/11/2026'],
      ['2026-10-19T02:30:00Z', 'Hồ sơ gửi ngày 19/10/2026'],
    ] as const) {
      clock.setFixed(at);
      try {
        await t.db.transaction((em) => notifications.notify(em, notice(title)));
      } finally {
        clock.setFixed(undefined);
      }
    }
  });
  afterAll(() => app?.close());

  const times = async (page: Page) =>
    page.locator('main ul.card li').evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector('strong')?.textContent ?? '',
        shown: li.querySelector('time')?.textContent ?? '',
        datetime: li.querySelector('time')?.getAttribute('datetime') ?? '',
      })),
    );

  it('lists the events by their time, in Vietnam time', async () => {
    const page = await signIn(app, 'thamdinh');
    await page.goto('/thong-bao');
    expect(await times(page)).toEqual([
      { title: 'Hồ sơ gửi ngày 25/11/2026', shown: '25/11/2026 09:30', datetime: '2026-11-25T02:30:00.000Z' },
      { title: 'Hồ sơ gửi ngày 19/10/2026', shown: '19/10/2026 09:30', datetime: '2026-10-19T02:30:00.000Z' },
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'thong-bao-thoi-diem');

    const phone = await signIn(app, 'thamdinh', PHONE);
    await phone.goto('/thong-bao');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await screenshot(phone, 'thong-bao-thoi-diem-dien-thoai');
  });
});
