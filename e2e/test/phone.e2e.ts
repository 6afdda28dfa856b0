import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signIn, gql } from './browser.js';

const baseUrl = inject('baseUrl');
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

let browser: Browser;
let close: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  await mkdir(artifacts, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await close?.();
});

const tokenOf = async (username: string) =>
  (await gql<{ signIn: { token: string } }>(baseUrl, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: 'demo' }))
    .signIn.token;

/**
 * An appeal for the housing department, assigned by the head to the executor through the API (as the head's
 * dashboard does), with a long subject: its registration number.
 */
async function appealForTheExecutor(subject: string): Promise<string> {
  const head = await tokenOf('head');
  const executor = await tokenOf('executor');
  const { me } = await gql<{ me: { id: string } }>(baseUrl, '{ me { id } }', {}, executor);
  const { departments, settlements } = await gql<{ departments: { id: string; code: string }[]; settlements: { id: string; code: string }[] }>(
    baseUrl,
    '{ departments { id code } settlements { id code } }',
    {},
    head,
  );
  const { createItem } = await gql<{ createItem: { id: string; number: string; version: number } }>(
    baseUrl,
    'mutation($i: ItemInput!) { createItem(input: $i) { id number version } }',
    {
      i: {
        kind: 'APPEAL',
        channel: 'LETTER',
        identified: true,
        categoryCode: 'ZHKH_WATER',
        settlementId: settlements.find((s) => s.code === 'surovikino_gp')!.id,
        subject,
        text: `${subject}. Прошу принять меры и сообщить о результатах.`,
        applicant: { name: 'Лебедева Анна Павловна', phone: '+7 903 111-22-33', address: 'г. Суровикино, ул. Ленина, д. 12, кв. 3' },
      },
    },
    head,
  );
  await gql(
    baseUrl,
    'mutation($id: ID!, $v: Int!, $d: ID!, $e: ID) { assignItem(id: $id, version: $v, input: { departmentId: $d, executorId: $e }) { id } }',
    { id: createItem.id, v: createItem.version, d: departments.find((d) => d.code === 'housing')!.id, e: me.id },
    head,
  );
  return createItem.number;
}

/** A person in their own browser context at the given size, in Russian, signed in; uncaught page errors are kept. */
async function as(username: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Volgograd', viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signIn(page, baseUrl, username);
  await page.getByTestId('brand').waitFor({ timeout: 15_000 });
  return { page, errors };
}

/** How far the page is wider than the window (0: it does not scroll sideways). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Deadline badges of the inbox table whose text is cut, or that stick out of their cell's content (into its padding
 * or beyond) or out of the table's box.
 */
function clippedBadges(page: Page) {
  return page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    if (!wrap) throw new Error('no table');
    const box = wrap.getBoundingClientRect();
    return [...wrap.querySelectorAll<HTMLElement>('[data-testid="deadline-badge"]')]
      .map((badge) => {
        const r = badge.getBoundingClientRect();
        const td = badge.closest('td')!;
        const cell = td.getBoundingClientRect();
        const style = getComputedStyle(td);
        const left = cell.left + parseFloat(style.paddingLeft);
        const right = cell.right - parseFloat(style.paddingRight);
        return {
          text: badge.textContent?.trim() ?? '',
          cut: badge.scrollWidth > badge.clientWidth,
          outOfCell: r.left < left - 0.5 || r.right > right + 0.5,
          outOfTable: r.left < box.left - 0.5 || r.right > box.right + 0.5,
        };
      })
      .filter((b) => b.cut || b.outOfCell || b.outOfTable);
  });
}

async function switchTo(page: Page, locale: 'ru' | 'en') {
  await page.getByTestId(`locale-${locale}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

describe('the dashboard on a phone (390×844)', () => {
  it('lets the executor find an appeal in the inbox and answer it, nothing wider than the screen, the notifications within it', { timeout: 180_000 }, async () => {
    const subject = `Нет холодной воды в многоквартирном доме по улице Ленина (e2e ${Date.now()})`;
    const number = await appealForTheExecutor(subject);
    const { page, errors } = await as('executor', PHONE);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    // --- the navigation is a menu behind a button: it opens, and leads to the inbox
    const toggle = page.getByTestId('menu-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('nav-items').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('nav-items').click();
    await page.waitForURL(/\/items(\?|$)/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // --- the notifications open within the screen (the panel hangs from the bell, which is not at the screen's edge)
    await page.getByTestId('notifications-bell').click();
    const panel = (await page.getByTestId('notifications-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press('Escape');

    // --- the inbox: cards, every queue in sight, the filters folded, no sideways scrolling
    const cards = page.getByTestId('items-cards');
    await cards.locator('[data-testid^="item-row-"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('table').count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    for (const queue of await page.locator('[data-testid^="queue-"]:not([data-testid^="queue-count"])').all()) {
      const box = (await queue.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.getByTestId('filter-kind').isVisible()).toBe(false);
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-kind').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('filters-toggle').click();
    await page.screenshot({ path: `${artifacts}inbox-390-ru.png`, fullPage: false });

    // --- the executor finds the new appeal in their queue and opens it
    await page.getByTestId('queue-MINE').click();
    await page.getByTestId('filter-search').fill(number);
    await page.getByTestId('filter-search').press('Enter');
    const card = cards.getByTestId(`item-row-${number}`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('Отдел ЖКХ');
    expect(await card.textContent()).toContain('г. Суровикино');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await card.getByTestId(`item-link-${number}`).click();
    await page.getByTestId('item-number').filter({ hasText: number }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // --- starts it and answers from the phone: the buttons within the screen, the answer field as wide as the form
    const start = page.getByTestId('action-START');
    const startBox = (await start.boundingBox())!;
    expect(startBox.x + startBox.width).toBeLessThanOrEqual(PHONE.width);
    await start.click();
    await page.locator('[data-testid="item-status"][data-status="IN_PROGRESS"]').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${artifacts}card-390-ru.png`, fullPage: false });
    await page.getByTestId('action-SUBMIT_ANSWER').click();
    const text = page.getByTestId('answer-text');
    await text.waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const field = (await text.boundingBox())!;
    expect(field.x).toBeGreaterThanOrEqual(0);
    expect(field.x + field.width).toBeLessThanOrEqual(PHONE.width);
    expect(field.width).toBeGreaterThan(PHONE.width * 0.7);
    await page.screenshot({ path: `${artifacts}answer-390-ru.png`, fullPage: false });
    await text.fill('Аварийная бригада заменила участок трубы, водоснабжение восстановлено. Акт приложен к ответу.');
    await page.getByTestId('answer-submit').click();
    await page.locator('[data-testid="item-status"][data-status="ON_REVIEW"]').waitFor({ timeout: 15_000 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // --- the same in English
    await switchTo(page, 'en');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}card-390-en.png`, fullPage: false });
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-items').click();
    await cards.locator('[data-testid^="item-row-"]').first().waitFor({ timeout: 15_000 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}inbox-390-en.png`, fullPage: false });
    await switchTo(page, 'ru');
    expect(errors).toEqual([]);
  });
});

describe('the inbox at 1440×900', () => {
  it('the head’s inbox fits its box: no deadline badge cut or sticking out, no sideways scrolling', { timeout: 120_000 }, async () => {
    const { page, errors } = await as('head', DESKTOP);
    for (const locale of ['ru', 'en'] as const) {
      if (locale === 'en') await switchTo(page, 'en');
      for (const query of ['', '?deadline=OVERDUE', '?deadline=DUE_SOON', '?deadline=OVERDUE&sort=RECEIVED_DESC']) {
        await page.goto(`${baseUrl}/items${query}`);
        await page.locator('table [data-testid="deadline-badge"]').first().waitFor({ timeout: 15_000 });
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        expect(await clippedBadges(page)).toEqual([]);
      }
    }
    await switchTo(page, 'ru');
    expect(errors).toEqual([]);
  });

  it('the executor’s inbox fits its box: no deadline badge cut or sticking out, no sideways scrolling', { timeout: 120_000 }, async () => {
    const { page, errors } = await as('executor', DESKTOP);
    for (const locale of ['ru', 'en'] as const) {
      if (locale === 'en') await switchTo(page, 'en');
      for (const query of ['', '?queue=MINE', '?deadline=OVERDUE']) {
        await page.goto(`${baseUrl}/items${query}`);
        await page.locator('table [data-testid="deadline-badge"]').first().waitFor({ timeout: 15_000 });
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        expect(await page.evaluate(() => {
          const wrap = document.querySelector('.table-wrap')!;
          return wrap.scrollWidth - wrap.clientWidth;
        })).toBeLessThanOrEqual(0);
        expect(await clippedBadges(page)).toEqual([]);
      }
      // The overdue ones, the longest badges ("просрочено на 6 д 5 ч"), are there to be measured.
      expect(await page.locator('table [data-testid="deadline-badge"][data-state="OVERDUE"]').count()).toBeGreaterThan(0);
      await page.goto(`${baseUrl}/items`);
      await page.locator('table [data-testid="deadline-badge"]').first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: `${artifacts}inbox-1440-${locale}.png`, fullPage: false });
      const first = page.locator('table [data-testid^="item-link-"]').first();
      await first.click();
      await page.getByTestId('item-number').waitFor({ timeout: 15_000 });
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${artifacts}card-1440-${locale}.png`, fullPage: false });
    }
    await switchTo(page, 'ru');
    expect(errors).toEqual([]);
  });
});
