import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { OwnServer } from './wall-server.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

// The wall's test stops and restarts its server: it runs its own, so the one the other tests share is untouched.
const server = new OwnServer();
let browser: Browser;
let close: () => Promise<void>;

beforeAll(async () => {
  await server.start();
  ({ browser, close } = await launchBrowser());
}, 120_000);
afterAll(async () => {
  await close?.();
  await server.destroy();
}, 60_000);

async function signInAs(username: string): Promise<string> {
  const data = await server.gql<{ signIn: { token: string } }>(
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }',
    { u: username, p: 'demo' },
  );
  return data.signIn.token;
}

/** An appeal registered by hand by the head, in the town; its registration number. */
async function registerItem(head: string, settlementId: string, subject: string): Promise<string> {
  const data = await server.gql<{ createItem: { number: string; status: string } }>(
    'mutation($i: ItemInput!) { createItem(input: $i) { number status } }',
    {
      i: {
        kind: 'APPEAL',
        channel: 'LETTER',
        identified: true,
        categoryCode: 'ZHKH_WATER',
        settlementId,
        subject,
        text: `${subject}. Прошу принять меры.`,
        applicant: { name: 'Соколова Анна Павловна', phone: '+7 903 111-22-33', address: 'г. Суровикино, ул. Мира, д. 7' },
      },
    },
    head,
  );
  expect(data.createItem.status).toBe('REGISTERED');
  return data.createItem.number;
}

const row = (page: Page, number: string) => page.locator(`[data-testid="wall-feed-row"][data-number="${number}"]`);

describe('the wall display of the МЦУ room', () => {
  it('opens with its token, shows new items live, says it is stale while the server is down and catches up after its restart', { timeout: 240_000 }, async () => {
    // --- the head creates a wall token (as on the tokens page)
    const head = await signInAs('head');
    const { createApiToken } = await server.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "Стена МЦУ (e2e)", kind: WALL_DISPLAY, scopes: [WALL_READ, KPI_READ, ORG_READ] }) { token } }',
      {},
      head,
    );
    const { settlements } = await server.gql<{ settlements: { id: string; name: string }[] }>('{ settlements { id name } }', {}, head);
    const town = settlements.find((s) => s.name === 'Городское поселение город Суровикино')!;
    expect(town).toBeDefined();

    // --- the TV opens /wall#token=… once, at 1920×1080; the browser is far from the municipality
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Vladivostok', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${server.baseUrl}/wall#token=${createApiToken.token}`);
    await page.getByTestId('wall-live').waitFor({ timeout: 20_000 });
    // The token left the address and stays on the device.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('otklik.wallToken'))).toBe(createApiToken.token);
    expect(await page.getByTestId('wall-stale').count()).toBe(0);
    // Every panel filled in from the demo district.
    await page.locator('[data-testid^="wall-sector-"][data-state]').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid^="wall-map-settlement-"]').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('wall-feed-row').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('wall-kpi-todayReceived').getByTestId('wall-kpi-value').textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);

    // --- an item registered now is in the feed within two seconds
    const first = await registerItem(head, town.id, `Нет воды (стена e2e ${Date.now()})`);
    await row(page, first).waitFor({ timeout: 2_000 });
    expect(await page.getByTestId('wall-feed-row').first().getAttribute('data-number')).toBe(first);
    const firstText = (await row(page, first).textContent()) ?? '';
    expect(firstText).toContain('Обращение');
    expect(firstText).toContain('Водоснабжение');
    expect(firstText).toContain('Суровикино');
    expect(firstText).toMatch(/осталось \d+ д/);
    // Personal data never reach the wall.
    expect(await page.getByTestId('wall').textContent()).not.toContain('Соколова');

    // --- the server stops: the wall says its data are stale
    await server.stop();
    await page.getByTestId('wall-stale').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('wall-live').count()).toBe(0);
    expect(await page.getByTestId('wall-stale').textContent()).toContain('Нет связи с сервером');

    // --- it starts again (same data, same ports): the wall reconnects by itself and catches up
    await server.start();
    await page.getByTestId('wall-stale').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('wall-live').waitFor({ timeout: 5_000 });
    const second = await registerItem(head, town.id, `Прорыв трубы (стена e2e ${Date.now()})`);
    await row(page, second).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('wall-feed-row').first().getAttribute('data-number')).toBe(second);
    // The first item is still listed, once.
    expect(await row(page, first).count()).toBe(1);

    // --- a screenshot of the wall as the room sees it
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}wall-1920x1080.png` });
    // The same wall on a 4K screen: everything is sized by the screen's width, so it looks the same, sharper.
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.screenshot({ path: `${artifacts}wall-3840x2160.png` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
