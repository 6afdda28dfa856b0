import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let close: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  dir = await mkdtemp(join(tmpdir(), 'otklik-e2e-import-'));
});
afterAll(async () => {
  await close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ROWS = 2000;
/** Rows (from 0) with a date that does not exist: the check lists them by line (the header is line 1). */
const BAD = [99, 1499];

/** A CSV whose headers the page does not all recognise: "Когда" and "Обращение" are mapped by hand. */
async function csv(): Promise<string> {
  const lines = ['Ид;Когда;Обращение;ФИО заявителя'];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`E2E-${Date.now()}-${i};${BAD.includes(i) ? '30.02.2026 10:00' : `${day}.10.2026 10:${String(i % 60).padStart(2, '0')}`};Не горит фонарь у дома ${i};Петров Пётр ${i}`);
  }
  const path = join(dir, 'старая-система.csv');
  await writeFile(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** Follows a job's progress bar until it says Готово; the values of "rows done" it showed on the way. */
async function watch(page: Page): Promise<number[]> {
  const job = page.getByTestId('import-job').first();
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const processed = Number(await job.getByTestId('import-progress').getAttribute('data-processed'));
        if (seen.at(-1) !== processed) seen.push(processed);
        return job.getByTestId('import-status').textContent();
      },
      { timeout: 120_000, interval: 25 },
    )
    .toBe('Готово');
  return seen;
}

describe('the import page', () => {
  it('the ПОС operator uploads a CSV, maps its columns, checks it (the bad rows by line), imports it and watches the progress bar reach the end', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'pos_operator');
      await page.getByTestId('nav-import').click({ timeout: 15_000 });
      await page.waitForURL(/\/import$/);
      await page.getByTestId('page-title').filter({ hasText: 'Импорт' }).waitFor({ timeout: 15_000 });

      await page.getByLabel('Файл CSV или XLSX').setInputFiles(await csv());
      await page.getByTestId('import-file-info').waitFor({ timeout: 15_000 });
      // "Ид" and "ФИО заявителя" are recognised; the date and the text are chosen by hand.
      expect(await page.getByTestId('import-map-0').inputValue()).toBe('EXTERNAL_ID');
      expect(await page.getByTestId('import-map-3').inputValue()).toBe('APPLICANT_NAME');
      await page.getByLabel('Поле: Когда').selectOption('RECEIVED_AT');
      await page.getByLabel('Поле: Обращение').selectOption('TEXT');
      await page.getByTestId('import-source').fill('e2e-old-system');
      await page.getByLabel('Вид, если в строке не указан').selectOption('MESSAGE');
      await page.getByLabel('Канал, если в строке не указан').selectOption('PHONE');

      await page.getByTestId('import-dry-run').click();
      await watch(page);
      const check = page.getByTestId('import-job').first();
      expect(await check.getByTestId('import-totals').textContent()).toContain('С ошибками: 2');
      for (const i of BAD) await check.getByTestId(`import-error-${i + 2}`).waitFor({ timeout: 15_000 });
      expect(await check.getByTestId(`import-error-${BAD[0]! + 2}`).textContent()).toContain('Когда');

      await page.getByTestId('import-start').click();
      await page.getByTestId('import-job').first().getByText('Загрузка', { exact: false }).waitFor({ timeout: 15_000 });
      const seen = await watch(page);
      // The bar moved: it showed a part done on the way, and ended with every row.
      expect(seen.some((n) => n > 0 && n < ROWS)).toBe(true);
      expect(seen.at(-1)).toBe(ROWS);
      const done = page.getByTestId('import-job').first();
      expect(await done.getByTestId('import-progress').getAttribute('value')).toBe('100');
      expect((await done.getByTestId('import-totals').textContent())?.replace(/\s+/g, ' ')).toContain(`Создано: ${(ROWS - BAD.length).toLocaleString('ru-RU').replace(/\s/g, ' ')}`);
    } finally {
      await context.close();
    }
  });

  it('on a phone the mapping of a file fits the screen: the page does not scroll sideways and every column has its labelled select', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'head');
      // On a phone the navigation is folded into the menu.
      await page.getByTestId('menu-toggle').click({ timeout: 15_000 });
      await page.getByTestId('nav-import').click();
      await page.waitForURL(/\/import$/);
      await page.getByLabel('Файл CSV или XLSX').setInputFiles(await csv());
      await page.getByTestId('import-file-info').waitFor({ timeout: 15_000 });
      for (const header of ['Ид', 'Когда', 'Обращение', 'ФИО заявителя']) expect(await page.getByLabel(`Поле: ${header}`).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
