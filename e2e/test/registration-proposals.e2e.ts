import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gql, launchBrowser, signIn } from './browser.js';

// Issue 13, "Done when": the operator types a text into the registration form and sees the category, settlement
// and urgency proposed as they type, with the confidence, and a likely duplicate offered — and merges into it.

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

const tokenOf = async (username: string) =>
  (await gql<{ signIn: { token: string } }>(baseUrl, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: 'demo' }))
    .signIn.token;

/** A person in their own browser context, signed in (on a wide screen: the phone header hides the name). */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Vladivostok', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
  return page;
}

describe('the registration form proposes as the operator types', () => {
  it(
    'shows category, settlement, confidence and urgency, offers the earlier item as a duplicate and merges into it',
    { timeout: 120_000 },
    async () => {
      const token = await tokenOf('pos_operator');
      // The earlier message about the same matter, registered through the API.
      const { createItem: main } = await gql<{ createItem: { id: string; number: string } }>(
        baseUrl,
        'mutation($i: ItemInput!) { createItem(input: $i) { id number } }',
        { i: { kind: 'MESSAGE', channel: 'SOCIAL_VK', identified: false, text: 'в хуторе Лысове на улице Садовой не вывозят мусор уже месяц', register: true } },
        token,
      );
      // The text model answers: global-setup.ts waited for it before any test.

      const page = await as('pos_operator');
      await page.getByTestId('nav-items').click();
      await page.getByTestId('items-new').click();
      await page.getByTestId('item-channel').selectOption('PHONE');
      const text = page.getByTestId('item-text');

      // An urgent text: the urgency is proposed with its reason.
      await text.fill('В хуторе Лысове на улице Садовой в подъезде дома 5 сильно пахнет газом');
      const urgent = page.locator('[data-testid="proposal-urgent"][data-urgent="true"]');
      await urgent.waitFor({ timeout: 15_000 });
      expect(await urgent.textContent()).toContain('Запах газа');
      expect(await page.getByTestId('proposal-category').getAttribute('data-code')).toBe('ZHKH_GAS');

      // The same matter as the earlier message, typed key by key at the end: the proposal follows the text.
      await text.fill('Уже месяц в хуторе Лысове на улице Садовой ');
      await text.pressSequentially('не вывозят мусор, баки переполнены', { delay: 40 });
      const category = page.locator('[data-testid="proposal-category"][data-code^="WASTE_"]');
      await category.waitFor({ timeout: 15_000 });
      expect(await category.textContent()).toMatch(/Вывоз ТКО|свалки/);
      expect(await page.getByTestId('proposal-settlement').textContent()).toContain('Лысовское');
      expect(await page.getByTestId('proposal-confidence').textContent()).toMatch(/^\s*уверенность \d{1,3}\s%\s*$/);
      expect(await page.locator('[data-testid="proposal-urgent"]').getAttribute('data-urgent')).toBe('false');
      // Nothing was taken by itself.
      expect(await page.getByTestId('item-category').inputValue()).toBe('');

      // Accepting fills the form: category and, as the operator left them empty, settlement and address.
      await page.getByTestId('proposal-accept-all').click();
      expect(await page.getByTestId('item-category').inputValue()).toMatch(/^WASTE_/);
      expect(await page.getByTestId('item-settlement').locator('option:checked').textContent()).toContain('Лысовское');
      expect(await page.getByTestId('item-address').inputValue()).toContain('Садовая');

      // The earlier message is offered as a likely duplicate; one click registers this one and merges it there.
      const candidate = page.locator(`[data-testid="duplicate-candidate"][data-number="${main.number}"]`);
      await candidate.waitFor({ timeout: 15_000 });
      expect(await candidate.textContent()).toContain('не вывозят мусор');
      expect(await candidate.getByTestId('duplicate-similarity').textContent()).toMatch(/сходство \d{1,3}\s%/);
      await candidate.getByTestId('duplicate-merge').click();

      await page.waitForURL(new RegExp(`/items/${main.id}$`), { timeout: 15_000 });
      await page.getByTestId('item-number').filter({ hasText: main.number }).waitFor();
      const toast = page.getByTestId('item-toast');
      await toast.waitFor();
      expect(await toast.textContent()).toMatch(new RegExp(`Зарегистрировано № \\d{4}-\\d{6} и объединено с № ${main.number}`));
    },
  );

  it('lays the proposal out without overlap in a narrow form (a 1024-pixel laptop beside the deadlines) and a wide one, the hint of an urgency not yet takeable included', { timeout: 120_000 }, async () => {
    const page = await as('pos_operator');
    await page.goto(`${baseUrl}/items/new`);
    await page.getByTestId('item-text').fill('Третий день нет воды в хуторе Лысов на улице Центральной, дом 5, дети без воды');
    await page.getByTestId('proposal-urgent-needs-category').waitFor({ timeout: 15_000 });
    for (const width of [1024, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      // Every pair of boxes in a row of the panel (the label, the value, the button or the hint), and every box in a
      // value, intersect in no more than a pixel.
      const overlaps = await page.getByTestId('text-proposal').evaluate((panel) => {
        const found: string[] = [];
        const rows = [...panel.querySelectorAll(':scope > .proposal__part')];
        for (const row of rows) {
          const boxes = [...row.children, ...row.querySelectorAll('.proposal__value > *')].map((e) => ({ e, r: e.getBoundingClientRect() }));
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!;
              const b = boxes[j]!;
              if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (w > 1 && h > 1) found.push(`"${a.e.textContent?.trim().slice(0, 30)}" over "${b.e.textContent?.trim().slice(0, 30)}"`);
            }
          }
        }
        return found;
      });
      expect(overlaps, `at ${width} px`).toEqual([]);
    }
  });

  it('keeps the form usable on a phone, the proposal under the text', { timeout: 120_000 }, async () => {
    const page = await as('pos_operator');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/items/new`);
    await page.getByTestId('item-text').fill('В хуторе Лысове на улице Садовой уже месяц не вывозят мусор');
    const panel = page.getByTestId('text-proposal');
    await page.getByTestId('proposal-category').waitFor({ timeout: 15_000 });
    const textBox = (await page.getByTestId('item-text').boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.y).toBeGreaterThanOrEqual(textBox.y + textBox.height);
    // Nothing is wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(390);
    await page.getByTestId('proposal-accept-category').click();
    expect(await page.getByTestId('item-category').inputValue()).toMatch(/^WASTE_/);
  });
});
