import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => close?.());

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe('the audit log page', () => {
  it('the head, on a phone in another time zone, opens Журнал аудита and finds their own sign-in first, at municipal time', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Vladivostok', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'head');
      // On a phone the navigation is folded into the menu.
      await page.getByTestId('menu-toggle').click({ timeout: 15_000 });
      await page.getByTestId('nav-audit').click();
      await page.waitForURL(/\/audit$/);
      await page.getByTestId('page-title').filter({ hasText: 'Журнал аудита' }).waitFor({ timeout: 15_000 });

      await page.getByTestId('audit-group').selectOption('signIns');
      const first = page.locator('tr[data-testid^="audit-"]').first();
      await expect.poll(async () => first.getByTestId('audit-action').getAttribute('data-action'), { timeout: 15_000 }).toBe('SIGN_IN');
      expect(plain(await first.getByTestId('audit-action').textContent())).toBe('Вход в систему');
      // Named once the list of users has come (the log itself holds the username).
      await expect.poll(async () => plain(await first.getByTestId('audit-actor').textContent()), { timeout: 15_000 }).toMatch(/^Гордеева Наталья Викторовна ?head$/);
      expect(plain(await first.getByTestId('audit-ip').textContent())).toMatch(/127\.0\.0\.1/);

      // The time is the municipality's (Europe/Volgograd), not the browser's.
      const at = await first.locator('time').getAttribute('datetime');
      const municipal = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Volgograd', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      expect(plain(await first.getByTestId('audit-at').textContent())).toBe(plain(municipal.format(new Date(at!))));

      // At 390 px the table scrolls in its own frame; the page itself does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
