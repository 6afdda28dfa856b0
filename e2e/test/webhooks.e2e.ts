import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let close: () => Promise<void>;

/** A receiving system: answers every POST with 204 and keeps what it was sent. */
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/otklik`;
});
afterAll(async () => {
  await close?.();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The page scrolls sideways by this many pixels (0: it does not). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the webhooks page', () => {
  it('the head registers a webhook with a generated secret, pings it, sees the ping delivered in the log (HTTP 204), and the receiver can check its signature', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Volgograd', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'head');
      await page.getByTestId('nav-webhooks').click({ timeout: 15_000 });
      await page.waitForURL(/\/webhooks$/);
      await page.getByTestId('page-title').filter({ hasText: 'Вебхуки' }).waitFor({ timeout: 15_000 });

      await page.getByTestId('webhook-create').click();
      await page.getByLabel('Адрес (URL)').fill(receiverUrl);
      await page.getByTestId('webhook-generate').click();
      const secret = await page.getByTestId('webhook-secret').inputValue();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      await page.getByTestId('webhook-secret-once').waitFor();
      await page.getByLabel('Создано', { exact: true }).check();
      await page.getByLabel('Описание').fill('Приёмник e2e');
      await page.getByTestId('webhook-submit').click();
      await expect.poll(() => page.getByTestId('webhook-notice').textContent(), { timeout: 15_000 }).toBe(`Вебхук зарегистрирован; секрет …${secret.slice(-4)}`);

      const row = page.getByTestId('webhook-row').filter({ hasText: receiverUrl });
      expect(await row.getByTestId('webhook-owner').textContent()).toBe('пользователь head');
      await row.getByTestId('webhook-ping').click();
      // The log opens on the ping, and reads itself again while it waits: no reload needed.
      const ping = page.getByTestId('delivery').filter({ hasText: 'Проверка (PING)' }).first();
      await expect.poll(() => ping.getByTestId('delivery-status').textContent(), { timeout: 30_000, interval: 250 }).toBe('Доставлено');
      await ping.getByTestId('delivery-toggle').click();
      const attempt = ping.getByTestId('delivery-attempt').first();
      expect(await attempt.locator('td').nth(2).textContent()).toBe('204');

      // What the receiver got is signed with the secret generated on the page: HMAC-SHA256 over "t.body".
      const sent = received.find((r) => r.headers['x-otklik-event'] === 'PING');
      expect(sent?.path).toBe('/otklik');
      const signature = Object.fromEntries(String(sent!.headers['x-otklik-signature']).split(',').map((p) => p.split('=', 2) as [string, string]));
      expect(signature.v1).toBe(createHmac('sha256', secret).update(`${signature.t}.${sent!.body}`).digest('hex'));
      expect(JSON.parse(sent!.body)).toMatchObject({ event: 'PING', id: sent!.headers['x-otklik-delivery'] });

      // On a phone, the list and the open log fit the screen (once the layout has followed the new width: the
      // navigation folds into a menu when the app sees the media query change).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('menu-toggle').waitFor({ timeout: 15_000 });
      await expect.poll(() => sideways(page), { timeout: 15_000 }).toBe(0);
      const panel = page.locator('dialog[open] .panel__body');
      await expect.poll(() => panel.evaluate((el) => el.scrollWidth - el.clientWidth), { timeout: 15_000 }).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => sideways(page), { timeout: 15_000 }).toBe(0);

      // Deleted once confirmed: the list no longer has it.
      await row.getByTestId('webhook-delete').click();
      await page.getByTestId('webhook-delete-confirm').click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
