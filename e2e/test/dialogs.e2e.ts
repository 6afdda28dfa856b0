import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';

/**
 * Dialogs in the browser itself (finding 5 of issue 10): the merge dialog keeps focus inside after a search (its
 * button turns into a spinner, which takes focus away from it), Escape closes it wherever focus is, and focus goes
 * back to the button that opened it. Component tests cannot show this: the test DOM has no native modal dialog.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => close?.());

/** The head on the card of a registered item, which may be merged into another. */
async function cardOfRegisteredItem(): Promise<{ page: Page; number: string }> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Volgograd', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'head');
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
  await page.goto(`${baseUrl}/items?status=REGISTERED`);
  await page.locator('[data-testid^="item-link-"]').first().click({ timeout: 15_000 });
  await page.getByTestId('action-MERGE').waitFor({ timeout: 15_000 });
  const number = (await page.getByTestId('item-number').textContent())!.trim();
  return { page, number };
}

const focus = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const dialog = document.querySelector('dialog[open]');
    return {
      inDialog: !!dialog && !!active && active !== document.body && dialog.contains(active),
      testid: active?.getAttribute('data-testid') ?? active?.tagName ?? null,
    };
  });

describe('the merge dialog in Chromium', () => {
  it('keeps focus inside after a search, closes on Escape and gives focus back to its button', async () => {
    const { page, number } = await cardOfRegisteredItem();
    await page.getByTestId('action-MERGE').click();
    await page.locator('dialog[open]').waitFor();
    // It opens on its first field.
    expect(await focus(page)).toEqual({ inDialog: true, testid: 'merge-search' });

    await page.getByTestId('merge-search').fill(number.slice(0, 9));
    // A click on "Найти": the button is disabled while it searches, which takes focus away from it.
    await page.getByTestId('merge-find').click();
    await page.locator('[data-testid^="merge-candidate-"]').first().waitFor({ timeout: 15_000 });
    expect((await focus(page)).inDialog).toBe(true);
    // Tab goes round inside the dialog, never to the page behind.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focus(page)).inDialog).toBe(true);
    }

    await page.keyboard.press('Escape');
    await page.locator('dialog').waitFor({ state: 'detached' });
    expect((await focus(page)).testid).toBe('action-MERGE');
    await page.context().close();
  });

  it('closes on Escape even when focus has gone nowhere', async () => {
    const { page } = await cardOfRegisteredItem();
    await page.getByTestId('action-MERGE').click();
    await page.locator('dialog[open]').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.locator('dialog').waitFor({ state: 'detached' });
    expect((await focus(page)).testid).toBe('action-MERGE');
    await page.context().close();
  });
});
