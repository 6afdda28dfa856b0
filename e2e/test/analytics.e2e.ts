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

/** A person in their own browser context, signed in; the browser is in Vladivostok, far from the municipality. */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Vladivostok', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
  return page;
}

/** Text as a person reads it: the no-break spaces of numbers ("80 %") as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** The year of the demo municipality (Europe/Volgograd) today. */
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Volgograd', year: 'numeric' }).format(new Date());

const STATE_WORDS: Record<string, string> = { ON_TRACK: 'В норме', AT_RISK: 'Под угрозой', FAILING: 'Не выполнено' };
/** The colour of "answered on time" bars (analytics/charts/options.ts, PALETTE.onTime). */
const ON_TIME_FILL = '#17784a';

describe('analytics: a target, the figure against it, and the items behind a bar', () => {
  it('the curator sets the on-time target; the head sees the figure against it and opens a department’s items from the ranking', { timeout: 180_000 }, async () => {
    // --- the curator approves 80 % answered on time for the municipality, from the first of the year
    const curator = await as('curator');
    await curator.getByTestId('nav-analytics').click();
    await curator.getByTestId('tab-analytics-targets').click();
    await curator.waitForURL(/\/analytics\/targets$/);
    await curator.getByTestId('target-figure').selectOption('ON_TIME_SHARE');
    await curator.getByTestId('target-level').selectOption('MUNICIPALITY');
    await curator.getByTestId('target-value').fill('80');
    await curator.getByTestId('target-valid-from').fill(`${year}-01-01`);
    const comment = `e2e ${Date.now()}`;
    await curator.getByTestId('target-comment').fill(comment);
    await curator.getByTestId('target-submit').click();
    await curator.getByTestId('target-approved').waitFor({ timeout: 15_000 });
    // The list shows it, active, with who approved it.
    const approved = curator.locator('tr[data-testid^="target-"]').filter({ hasText: comment });
    await approved.waitFor({ timeout: 15_000 });
    const approvedText = plain(await approved.textContent());
    expect(approvedText).toContain('Ответы в срок');
    expect(approvedText).toContain('не ниже 80 %');
    expect(approvedText).toContain('Ковалёв Сергей Петрович (curator)');
    expect(await approved.locator('[data-status]').getAttribute('data-status')).toBe('ACTIVE');

    // --- the head has no form, only the list
    const head = await as('head');
    await head.getByTestId('nav-analytics').click();
    await head.waitForURL(/\/analytics$/);
    await head.getByTestId('tab-analytics-targets').click();
    await head.getByTestId('targets-read-only').waitFor();
    expect(await head.getByTestId('target-form').count()).toBe(0);
    await head.getByTestId('tab-analytics').click();
    await head.waitForURL(/\/analytics$/);

    // --- the head reads this year's figures: the on-time share against the curator's target, with its state
    await head.getByTestId('analytics-period').selectOption('year');
    await head.waitForURL((url) => url.searchParams.get('period') === 'year');
    const target = head.getByTestId('figure-target-onTimeShare');
    await target.waitFor({ timeout: 20_000 });
    expect(plain(await target.textContent())).toBe('цель: не ниже 80 % (муниципалитета)');
    const state = await head.getByTestId('figure-onTimeShare').getAttribute('data-state');
    expect(Object.keys(STATE_WORDS)).toContain(state);
    expect(plain(await head.getByTestId(`figure-state-onTimeShare`).textContent())).toBe(STATE_WORDS[state!]);
    expect(plain(await head.getByTestId('figure-value-onTimeShare').textContent())).toMatch(/^\d+(,\d)? %$/);

    // --- the ranking by department: the top department (most answered), as its table lists it
    const chart = head.getByTestId('ranking-chart');
    await chart.locator('svg').waitFor({ timeout: 20_000 });
    const top = head.locator('[data-testid^="ranking-row-"]').first();
    const departmentId = (await top.getAttribute('data-testid'))!.replace('ranking-row-', '');
    const department = (await top.getAttribute('data-name'))!;
    const onTime = Number(plain(await top.locator('[data-set="ANSWERED_ON_TIME"]').textContent()).replace(/\D/g, ''));
    expect(departmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(onTime).toBeGreaterThan(0);

    // Its bar of answers on time is the top one of that colour (the first row is drawn at the top).
    await chart.scrollIntoViewIfNeeded();
    const bars = chart.locator(`path[fill="${ON_TIME_FILL}"]`);
    const topBar = await bars.evaluateAll((els) => {
      // A bar is `M x y l w 0 l 0 h l -w 0 Z`; the legend's swatch of the same colour has rounded corners.
      const bar = /^M-?[\d.]+ -?[\d.]+l-?[\d.]+ 0l0 -?[\d.]+l-?[\d.]+ 0Z$/;
      let best = -1;
      let bestY = Number.POSITIVE_INFINITY;
      els.forEach((el, i) => {
        if (!bar.test(el.getAttribute('d') ?? '')) return;
        const y = el.getBoundingClientRect().top;
        if (y < bestY) [best, bestY] = [i, y];
      });
      return best;
    });
    expect(topBar).toBeGreaterThanOrEqual(0);
    await bars.nth(topBar).click();

    // --- the inbox lists exactly that department's answers on time of the year, and says why
    await head.waitForURL((url) => url.pathname === '/items' && (url.searchParams.get('kpi') ?? '').startsWith('ANSWERED_ON_TIME~'), { timeout: 15_000 });
    const kpi = new URL(head.url()).searchParams.get('kpi')!;
    expect(kpi.endsWith(`~department:${departmentId}`)).toBe(true);
    const chip = head.getByTestId('kpi-chip');
    await chip.waitFor();
    await expect.poll(async () => plain(await chip.textContent()), { timeout: 15_000 }).toContain(department);
    expect(plain(await chip.textContent())).toMatch(new RegExp(`^Показатель: Отвеченные в срок · 01\\.01\\.${year} — \\d{2}\\.\\d{2}\\.${year} · `));
    await expect.poll(() => head.getByTestId('items-total').textContent(), { timeout: 15_000 }).toBe(`Найдено: ${onTime}`);
    const rows = head.locator('[data-testid^="item-row-"]');
    await rows.first().waitFor();
    const departments = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4]?.textContent ?? ''));
    expect(departments.length).toBe(Math.min(onTime, 25));
    for (const d of departments) expect(plain(d)).toContain(department);

    // --- removing the chip lists the inbox as before; Back returns to the analytics as they were
    await head.getByTestId('kpi-chip-remove').click();
    await head.waitForURL((url) => url.pathname === '/items' && !url.searchParams.has('kpi'));
    expect(await head.getByTestId('kpi-chip').count()).toBe(0);
    await head.goBack();
    await head.waitForURL((url) => url.pathname === '/analytics' && url.searchParams.get('period') === 'year');
  });
});
