import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
import { launchBrowser, signIn, gql } from './browser.js';

/*
 * Every page each demo role can reach, at a phone and a laptop (and a full-HD screen for the head), checked for what tends to come
 * back once fixed: the page scrolling sideways, text of the inbox clipped where the design does not truncate on
 * purpose, console and page errors, and serious or critical accessibility violations (axe-core).
 */

const baseUrl = inject('baseUrl');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const ROLES = ['head', 'curator', 'sector_lead', 'incident_manager', 'pos_operator', 'executor', 'analyst', 'region'] as const;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const FULL_HD = { width: 1920, height: 1080 };
/**
 * Every role at a phone and a laptop, where layouts break (the phone's folded menu and cards, the laptop's narrowest
 * table); the full-HD screen, which only adds room, for the head alone, who reaches every page.
 */
const viewportsOf = (role: (typeof ROLES)[number]) => (role === 'head' ? [PHONE, LAPTOP, FULL_HD] : [PHONE, LAPTOP]);

let browser: Browser;
let close: () => Promise<void>;
let wallToken: string | undefined;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  // A wall token, as the head makes one on the tokens page, so the wall display is checked too.
  const { signIn: head } = await gql<{ signIn: { token: string } }>(
    baseUrl,
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }',
    { u: 'head', p: 'demo' },
  );
  const { createApiToken } = await gql<{ createApiToken: { token: string } }>(
    baseUrl,
    'mutation { createApiToken(input: { name: "Стена МЦУ (pages e2e)", kind: WALL_DISPLAY, scopes: [WALL_READ, KPI_READ, ORG_READ] }) { token } }',
    {},
    head.token,
  );
  wallToken = createApiToken.token;
}, 120_000);
afterAll(async () => close?.());

/** Waits for the page's content rather than for some time: the network quiet, a heading shown, no loader left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page.getByTestId('page-title').first().waitFor({ timeout: 15_000 });
  await page
    .waitForFunction(() => !document.querySelector('.loading[role="status"], [aria-busy="true"]'), undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

/** The page scrolling sideways. */
async function sidewaysScroll(page: Page): Promise<string[]> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) {
      // The elements where the overflow starts: sticking out while their parent does not, and not inside a clipping
      // or scrolling box that itself fits.
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
      const clipped = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX;
          if (o !== 'visible' && a.getBoundingClientRect().right <= innerWidth + 1) return true;
        }
        return false;
      };
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        const parent = el.parentElement?.getBoundingClientRect();
        if (r.width > 0 && r.right > innerWidth + 1 && (!parent || parent.right <= innerWidth + 1) && !clipped(el)) {
          culprits.push(`${el.parentElement ? name(el.parentElement) + ' > ' : ''}${name(el)} (right ${Math.round(r.right)})`);
          if (culprits.length >= 4) break;
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits };
  });
  return scrollWidth > innerWidth ? [`scrolls sideways: scrollWidth ${scrollWidth} > ${innerWidth}; widest: ${culprits.join(', ')}`] : [];
}

/**
 * Text clipped in the inbox's table cells (or its cards on a phone): an element that hides overflow and has more
 * content than room, horizontally or (line-clamped) vertically, is allowed only where the design truncates on
 * purpose, with a title holding the full text; badges and numbers are never clipped.
 */
async function clippedInboxText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const cells = document.querySelectorAll<HTMLElement>('table td *, [data-testid="items-cards"] *');
    for (const el of Array.from(cells)) {
      const style = getComputedStyle(el);
      // Screen-reader-only text (.visually-hidden: a 1×1 clipped box) is not shown, so not clipped for anyone.
      if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
      if (!hides || style.display === 'none') continue;
      const clipped = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      if (!clipped) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const isBadgeOrNumber =
        !!el.closest('.badge, [class*="badge"], [data-testid="deadline-badge"], [data-testid^="item-link-"]') || /^[\d\s.,:%+−-]+$/.test(text);
      const title = el.getAttribute('title') ?? el.closest('[title]')?.getAttribute('title') ?? '';
      const onPurpose = !isBadgeOrNumber && title.replace(/\s+/g, ' ').trim() === text;
      if (!onPurpose) {
        const row = el.closest('[data-testid^="item-row-"]')?.getAttribute('data-testid') ?? '';
        problems.push(
          `clipped inbox text in ${row} <${el.tagName.toLowerCase()} class="${String(el.className)}">: "${text.slice(0, 60)}" (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}${title ? `, title "${title.slice(0, 40)}"` : ', no title'})`,
        );
      }
    }
    return problems;
  });
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Serious and critical violations of axe-core's rules. */
async function accessibility(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), e.g. ${v.nodes.slice(0, 3).map((t) => JSON.stringify(t)).join(', ')}`);
}

/** The nav entries the role is shown (the same rule as the route guard). */
async function navPaths(page: Page): Promise<string[]> {
  const links = page.locator('a[data-testid^="nav-"]');
  if ((await links.count()) === 0 && (await page.getByTestId('menu-toggle').isVisible())) {
    await page.getByTestId('menu-toggle').click();
    await links.first().waitFor({ timeout: 10_000 });
  }
  const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

/** Visits every page `paths` lists (and one item card) in a context of its own at `vp`; returns what it found. */
async function visitAll(storageState: StorageState, vp: { width: number; height: number }, paths: string[], withWall: boolean): Promise<string[]> {
  const size = `${vp.width}×${vp.height}`;
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Volgograd', viewport: vp, storageState });
  const page = await context.newPage();
  const problems: string[] = [];
  let at = '/';
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${size} ${at}: console error: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => problems.push(`${size} ${at}: page error: ${e.message.slice(0, 300)}`));
  try {
    const check = async (path: string) => {
      at = path;
      await page.goto(`${baseUrl}${path}`);
      await settle(page);
      for (const p of await sidewaysScroll(page)) problems.push(`${size} ${path}: ${p}`);
      if (path === '/items') for (const p of await clippedInboxText(page)) problems.push(`${size} ${path}: ${p}`);
      for (const p of await accessibility(page)) problems.push(`${size} ${path}: ${p}`);
    };

    let itemPath: string | undefined;
    for (const path of paths) {
      await check(path);
      if (path === '/items') {
        const link = page.locator('a[data-testid^="item-link-"]').first();
        if (await link.count()) itemPath = new URL((await link.getAttribute('href'))!, baseUrl).pathname;
      }
    }
    // One item card of an item the role can see.
    if (paths.includes('/items')) {
      if (itemPath) await check(itemPath);
      else problems.push(`${size} /items: no item shown to open its card`);
    }
    // The wall display, with a wall token (one role is enough: it does not depend on who signed in).
    if (withWall && wallToken) {
      at = '/wall';
      await page.goto(`${baseUrl}/wall#token=${wallToken}`);
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
      await page.locator('[data-testid="wall-feed-row"]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      for (const p of await sidewaysScroll(page)) problems.push(`${size} /wall: ${p}`);
      for (const p of await accessibility(page)) problems.push(`${size} /wall: ${p}`);
    }
  } finally {
    await context.close();
  }
  return problems;
}

// The roles run side by side, three at a time (most of a page's time is waiting for the network to go quiet, so they
// overlap well); each role's screen sizes one after another, since the server caps one person's requests in flight
// (RATE_LIMIT_CONCURRENT) at what one browser sends, not three.
describe.concurrent('every page of every role', () => {
  for (const role of ROLES) {
    const viewports = viewportsOf(role);
    const sizes = viewports.map((vp) => `${vp.width}×${vp.height}`).join(', ');
    it(
      `${role} at ${sizes}: every page without sideways scroll, clipped inbox text, console errors or serious accessibility violations`,
      { timeout: 300_000 },
      async ({ expect }) => {
        // One sign-in per role; each screen size then gets a browser context of its own holding that session.
        const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Volgograd', viewport: LAPTOP });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`/sign-in: page error: ${e.message.slice(0, 300)}`));
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`/sign-in: console error: ${m.text().slice(0, 300)}`);
        });
        let paths: string[];
        let storageState: StorageState;
        try {
          await signIn(page, baseUrl, role);
          await page.getByTestId('brand').waitFor({ timeout: 15_000 });
          await settle(page);
          paths = await navPaths(page);
          storageState = await context.storageState();
        } finally {
          await context.close();
        }
        expect(paths.length).toBeGreaterThan(0);

        for (const vp of viewports) problems.push(...(await visitAll(storageState, vp, paths, role === 'head')));
        expect(problems, problems.join('\n')).toEqual([]);
      },
    );
  }
});
