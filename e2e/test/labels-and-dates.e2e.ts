import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let close: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await close?.();
});

/**
 * The head in a browser whose system is American English (mm/dd/yyyy, 10:44 PM) in New York: a native date input
 * would follow that. The dashboard is in Russian and counts in the municipality's time (Europe/Volgograd).
 */
async function head(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, 'head');
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
  return page;
}

/** A day some time ago on the municipality's calendar, as the Russian interface writes it. */
function daysAgoInVolgograd(days: number): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Volgograd', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
}

/** The whole field of a control: its label, hint and problems. */
const fieldText = (page: Page, testid: string) =>
  page.getByTestId(testid).locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " field ")][1]').textContent();

describe('dates in the interface language and no raw codes (issue 10)', () => {
  it('types the time of receipt as дд.мм.гггг чч:мм on an English system, and refuses a future one as it is typed', { timeout: 90_000 }, async () => {
    const page = await head();
    await page.goto(`${baseUrl}/items/new`);
    const receivedAt = page.getByTestId('item-received-at');
    await receivedAt.waitFor();
    expect(await receivedAt.getAttribute('type')).toBe('text');
    expect(await receivedAt.inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    await page.getByTestId('item-kind').selectOption('APPEAL');
    await page.getByTestId('sla-answer-due').waitFor({ timeout: 15_000 });

    // Digits only, as on a phone's number pad: the separators come by themselves.
    await receivedAt.fill('');
    await receivedAt.pressSequentially('040320301000');
    expect(await receivedAt.inputValue()).toBe('04.03.2030 10:00');
    // At once, without submitting: the reason under the field and no impossible deadlines.
    await expect.poll(() => fieldText(page, 'item-received-at')).toContain('Не может быть в будущем');
    expect(await page.getByTestId('sla-preview').count()).toBe(0);
    await page.getByTestId('sla-preview-blocked').waitFor();

    // The calendar is Russian too: Monday first.
    await page.getByTestId('date-field-open').click();
    const calendar = page.getByTestId('date-field-calendar');
    await calendar.waitFor();
    expect((await calendar.locator('th').allTextContents()).map((s) => s.trim())).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    // It opens on the day typed, with the focus on it (a day after today, which cannot be picked); Escape closes it
    // and gives focus back to its button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).toBe('2030-03-04');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))).toBe('true');
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('date-field-open');

    await receivedAt.fill(`${daysAgoInVolgograd(2)} 09:30`);
    await expect.poll(() => page.getByTestId('sla-answer-due').textContent(), { timeout: 15_000 }).toMatch(/^\d{2}\.\d{2}\.\d{4}, 23:59$/);
    expect(await fieldText(page, 'item-received-at')).not.toContain('Не может быть');
  });

  it('offers a wall token only the scopes that give it something, and its expiry as дд.мм.гггг', { timeout: 60_000 }, async () => {
    const page = await head();
    await page.goto(`${baseUrl}/tokens`);
    await page.getByTestId('token-create').click();
    const scopes = page.locator('[data-testid^="token-scope-"]');
    await scopes.first().waitFor();
    const offered = await scopes.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).checked]));
    expect(offered).toEqual([
      ['WALL_READ', true],
      ['KPI_READ', true],
    ]);
    const expires = page.getByTestId('token-expires');
    expect(await expires.getAttribute('type')).toBe('text');
    await expires.pressSequentially('31122099');
    expect(await expires.inputValue()).toBe('31.12.2099');
  });

  it('names an item’s channel, source and history actors in words on its card', { timeout: 60_000 }, async () => {
    const page = await head();
    await page.goto(`${baseUrl}/items?all=1`);
    const links = page.locator('[data-testid^="item-link-"]');
    await links.first().waitFor({ timeout: 15_000 });
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${baseUrl}/items?all=1`);
      await links.nth(i).click();
      await page.getByTestId('item-history').waitFor({ timeout: 15_000 });
      const source = (await page.getByTestId('item-source').textContent())!;
      expect(source).toMatch(/Панель МЦУ|Интеграция с ПОС|Мониторинг соцсетей|Другая система: /);
      const history = (await page.getByTestId('item-history').textContent())!;
      expect(history).not.toMatch(/\b(?:dashboard|monitoring|POS|scheduler|system)\b|[A-Z]{2,}_[A-Z_]+/);
    }
  });
});
