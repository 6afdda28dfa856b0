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
 * A person in their own browser context (own cookie, own WebSocket), signed in. The browser is in Vladivostok
 * (UTC+10), far from the municipality (Europe/Volgograd, UTC+3): the dashboard must show the municipality's time.
 */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Vladivostok', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
  return page;
}

/** The card shows the status; its raw code is in data-status. */
async function statusIs(page: Page, status: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="item-status"][data-status="${status}"]`).waitFor({ timeout });
}

/** Finds the item in the inbox by its number and opens its card. */
async function openFromInbox(page: Page, number: string, queue?: string): Promise<void> {
  await page.getByTestId('nav-items').click();
  await page.waitForURL(/\/items(\?|$)/);
  if (queue) await page.getByTestId(`queue-${queue}`).click();
  await page.getByTestId('filter-search').fill(number);
  await page.getByTestId('filter-search').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === number);
  await page.getByTestId(`item-link-${number}`).click({ timeout: 15_000 });
  await page.getByTestId('item-number').filter({ hasText: number }).waitFor();
}

describe('an appeal through its whole lifecycle, by four people', () => {
  it('is registered by hand, assigned, answered, approved beside the machine’s findings in the answer, rated and closed', { timeout: 180_000 }, async () => {
    // --- head registers an appeal that came through the website form of an identified citizen
    const head = await as('head');
    await head.getByTestId('nav-items').click();
    await head.getByTestId('items-new').click();
    await head.getByTestId('item-kind').selectOption('APPEAL');
    await head.getByTestId('item-channel').selectOption('WEB_FORM');
    // An electronic appeal needs an identified citizen: the form says so.
    await head.getByTestId('identification-rule').waitFor();
    await head.getByTestId('item-identified').check();
    await head.getByTestId('item-applicant-name').fill('Петров Пётр Петрович');
    await head.getByTestId('item-applicant-address').fill('г. Суровикино, ул. Ленина, д. 12, кв. 3');
    const subject = `Нет холодной воды (e2e ${Date.now()})`;
    await head.getByTestId('item-subject').fill(subject);
    await head.getByTestId('item-text').fill('Третий день нет холодной воды в доме 12 по ул. Ленина. Прошу восстановить водоснабжение.');
    await head.getByTestId('item-category').selectOption('ZHKH_WATER');
    await head.getByTestId('item-settlement').selectOption({ label: 'Городское поселение город Суровикино' });
    // The answer deadline it will get is previewed before it exists (30 calendar days for an appeal), ending at
    // 23:59 in the municipality (it would read 06:59 in the browser's Vladivostok time).
    await expect
      .poll(() => head.getByTestId('sla-answer-due').textContent(), { timeout: 15_000 })
      .toMatch(/^\d{2}\.\d{2}\.\d{4}, 23:59$/);
    await head.getByTestId('item-submit').click();

    await head.waitForURL(/\/items\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await statusIs(head, 'REGISTERED');
    const number = (await head.getByTestId('item-number').textContent())!.trim();
    expect(number).toMatch(/^\d{4}-\d{6}$/);
    expect(await head.getByTestId('item-subject').textContent()).toBe(subject);

    // --- head assigns it to the housing department and its executor
    await head.getByTestId('action-ASSIGN').click();
    // Departments are offered by their short names (the full name on hover).
    await head.getByTestId('assign-department').selectOption({ label: 'Отдел ЖКХ' });
    await head.getByTestId('assign-executor').selectOption({ label: 'Захаров Игорь Николаевич' });
    await head.getByTestId('assign-submit').click();
    await statusIs(head, 'ASSIGNED');
    expect(await head.getByTestId('item-executor').textContent()).toContain('Захаров Игорь Николаевич');
    // Only what the server offers the head now.
    expect(await head.getByTestId('action-START').count()).toBe(1);
    expect(await head.getByTestId('action-APPROVE_ANSWER').count()).toBe(0);

    // --- the executor is told, finds it in their queue, starts it and answers
    const executor = await as('executor');
    await executor.getByTestId('notifications-bell').click();
    await executor.getByTestId('notifications-panel').getByText(`Вам назначено ${number}`).waitFor({ timeout: 15_000 });
    await executor.keyboard.press('Escape');
    await openFromInbox(executor, number, 'MINE');
    await statusIs(executor, 'ASSIGNED');
    await executor.getByTestId('action-START').click();
    await statusIs(executor, 'IN_PROGRESS');
    await executor.getByTestId('action-SUBMIT_ANSWER').click();
    await executor
      .getByTestId('answer-text')
      .fill('Аварийная бригада МУП «Водоканал» заменила участок трубы 27.11.2026; водоснабжение восстановлено, акт приложен.');
    await executor.getByTestId('answer-submit').click();
    await statusIs(executor, 'ON_REVIEW');
    expect(await executor.getByTestId('action-APPROVE_ANSWER').count()).toBe(0);

    // --- the lead of the ЖКХ sector reviews and approves it
    const lead = await as('sector_lead');
    await openFromInbox(lead, number, 'MY_REVIEW');
    await statusIs(lead, 'ON_REVIEW');
    await lead.getByTestId('action-APPROVE_ANSWER').click();
    // Beside the answer, what the machine found in it when it was submitted: a concrete measure with a date, but not
    // the street the citizen wrote from (the answer names no place).
    const checks = lead.getByTestId('review-answer').getByTestId('answer-checks');
    await checks.waitFor();
    const codes = await checks.getByTestId('answer-check').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code));
    expect(codes).toContain('PLACE_MISSING');
    expect(codes).not.toContain('NO_DATE');
    expect(codes).not.toContain('NO_MEASURE');
    await lead.getByTestId('review-outcome').selectOption('SUPPORTED_MEASURES_TAKEN');
    await lead.getByTestId('review-approve').click();
    await statusIs(lead, 'ANSWERED');
    expect(await lead.getByTestId('item-outcome').getAttribute('data-outcome')).toBe('SUPPORTED_MEASURES_TAKEN');

    // --- the head's card followed the others' changes live; the head records the citizen's rating
    await statusIs(head, 'ANSWERED', 20_000);
    await head.getByTestId('action-RATE').click();
    await head.getByTestId('rate-satisfied').check();
    await head.getByTestId('rate-submit').click();
    await statusIs(head, 'CLOSED');
    // Nothing more to do with a closed item.
    await head.getByTestId('item-no-actions').waitFor();
    expect(await head.getByTestId('item-actions').count()).toBe(0);

    // --- the history lists every step, newest first, with who did it
    const history = head.getByTestId('item-history');
    const events = await history.locator('[data-event]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.event));
    expect(events.filter((e) => e !== 'DUE_SOON' && e !== 'OVERDUE')).toEqual([
      'RATE',
      'APPROVE_ANSWER',
      'SUBMIT_ANSWER',
      'START',
      'ASSIGN',
      'REGISTER',
      'CREATED',
    ]);
    const text = (await history.textContent()) ?? '';
    for (const who of ['Гордеева Наталья Викторовна', 'Захаров Игорь Николаевич', 'Мельникова Ольга Ивановна']) expect(text).toContain(who);
    expect(text).toContain('На проверке → Ответ дан');
    expect(text).toContain('Ответ дан → Закрыто');
  });
});
