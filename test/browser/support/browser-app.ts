import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

/** Debian's Chromium; never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT_DIR = join(__dirname, '..', 'output');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real application (createTestApp: its own database copied from the migrated, seeded template) on 127.0.0.1 and a free port. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  // Playwright gives the browser a fresh, temporary --user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A separate browser (own cookies) signed in through the sign-in page. */
export async function signIn(app: BrowserApp, username: string, viewport = DESKTOP): Promise<Page> {
  const context: BrowserContext = await app.browser.newContext({
    baseURL: app.baseUrl,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}
