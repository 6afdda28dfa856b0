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

const accounts: [string, string, string][] = [
  ['head', 'HEAD', 'Гордеева Наталья Викторовна'],
  ['curator', 'CURATOR', 'Ковалёв Сергей Петрович'],
  ['sector_lead', 'SECTOR_LEAD', 'Мельникова Ольга Ивановна'],
  ['incident_manager', 'INCIDENT_MANAGER', 'Синицын Артём Олегович'],
  ['pos_operator', 'POS_OPERATOR', 'Белова Марина Андреевна'],
  ['executor', 'EXECUTOR', 'Захаров Игорь Николаевич'],
  ['analyst', 'ANALYST', 'Фролова Дарья Сергеевна'],
  ['region', 'REGION', 'Дежурный ЦУР Волгоградской области'],
];

describe('signing in through the dashboard', () => {
  it.each(accounts)('%s signs in, sees their name and role, and signs out', async (username, role, fullName) => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, username);
      await expect.poll(() => page.getByTestId('viewer-name').textContent(), { timeout: 15_000 }).toContain(fullName);
      const me = await page.evaluate(async () => {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ me { username roles } }' }),
        });
        return (await res.json()) as { data: { me: { username: string; roles: string[] } } };
      });
      expect(me.data.me).toEqual({ username, roles: [role] });
      await expect.poll(() => page.getByTestId('viewer-roles').getAttribute('data-roles')).toBe(role);

      await page.getByTestId('signout').click();
      await page.waitForURL(/\/sign-in/, { timeout: 15_000 });
      const after = await page.evaluate(async () => {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ me { username } }' }),
        });
        return (await res.json()) as { data: { me: unknown } };
      });
      expect(after.data.me).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('shows a translated error for a wrong password and stays on the sign-in page', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'head', 'wrong-password');
      await expect.poll(() => page.getByTestId('signin-error').textContent(), { timeout: 15_000 }).toMatch(/неверн/i);
      expect(page.url()).toMatch(/\/sign-in/);
    } finally {
      await context.close();
    }
  });

  it('sends a role home, still signed in, from a page it may not use', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'analyst');
      await expect.poll(() => page.getByTestId('viewer-name').textContent(), { timeout: 15_000 }).toContain('Фролова');
      expect(await page.getByTestId('nav-tokens').count()).toBe(0);
      await page.goto(`${baseUrl}/tokens`);
      // The guard sends the analyst to the home page (not to sign-in, not to an error).
      await page.waitForURL((url) => url.pathname === '/', { timeout: 15_000 });
      await page.getByTestId('page-title').filter({ hasText: 'Стартовая страница' }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('viewer-name').textContent()).toContain('Фролова');
    } finally {
      await context.close();
    }
  });
});
