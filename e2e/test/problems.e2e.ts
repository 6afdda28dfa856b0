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

/** GraphQL over HTTP as an integrator would call it, with a person's bearer token. */
async function graphql<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

async function tokenOf(username: string): Promise<string> {
  const data = await graphql<{ signIn: { token: string } }>(null, 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', {
    u: username,
    p: 'demo',
  });
  return data.signIn.token;
}

/** Text as a person reads it: no-break spaces as plain ones, runs of spaces as one. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** A street name nobody has used: digits of the clock as Russian letters (the street of an address has no digits). */
function uniqueStreet(): string {
  const letters = 'абвгдежзик';
  const word = String(Date.now()).slice(-7).split('').map((d) => letters[Number(d)]).join('');
  return `Проверочная ${word}`;
}

const SETTLEMENT = 'Городское поселение город Суровикино';
const HOUSING = 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи';

describe('a recurring problem: proposed from the data, confirmed, solved, and its items answered', () => {
  it('the head confirms the proposal of three items on one street, opens the problem, solves it, and every item gets the answer', { timeout: 180_000 }, async () => {
    // --- three residents write about the water on one street; the head registers and assigns them (GraphQL)
    const token = await tokenOf('head');
    const org = await graphql<{ settlements: { id: string; name: string }[]; departments: { id: string; name: string }[] }>(
      token,
      'query { settlements { id name } departments(activeOnly: true) { id name } }',
    );
    const settlementId = org.settlements.find((s) => s.name === SETTLEMENT)!.id;
    const departmentId = org.departments.find((d) => d.name === HOUSING)!.id;
    const street = uniqueStreet();
    const items: { id: string; number: string }[] = [];
    for (const [i, who] of ['Петров Пётр Петрович', 'Сидорова Анна Ивановна', 'Кузнецов Олег Сергеевич'].entries()) {
      const created = await graphql<{ createItem: { id: string; number: string; version: number } }>(
        token,
        'mutation($input: ItemInput!) { createItem(input: $input) { id number version } }',
        {
          input: {
            kind: 'APPEAL',
            channel: 'LETTER',
            identified: true,
            categoryCode: 'ZHKH_WATER',
            settlementId,
            address: `г. Суровикино, ул. ${street}, д. ${10 + i}`,
            subject: `Нет холодной воды (e2e ${street})`,
            text: `Третий день нет холодной воды в доме ${10 + i} по ул. ${street}.`,
            applicant: { name: who, phone: `+7 900 000-10-0${i}`, address: `г. Суровикино, ул. ${street}, д. ${10 + i}` },
          },
        },
      );
      await graphql(token, 'mutation($id: ID!, $version: Int!, $input: AssignInput!) { assignItem(id: $id, version: $version, input: $input) { id } }', {
        id: created.createItem.id,
        version: created.createItem.version,
        input: { departmentId },
      });
      items.push({ id: created.createItem.id, number: created.createItem.number });
    }

    // --- the head opens the problems, the proposals, and finds the street among them
    const head = await as('head');
    await head.getByTestId('nav-problems').click();
    await head.waitForURL(/\/problems$/);
    await head.getByTestId('problems-tab-proposals').click();
    await head.waitForURL((url) => url.pathname === '/problems' && url.searchParams.get('tab') === 'proposals');
    const card = head.locator('[data-proposal]').filter({ hasText: `ул. ${street}` });
    await card.waitFor({ timeout: 20_000 });
    expect(plain(await card.getByTestId('proposal-title').textContent())).toBe(`Водоснабжение: ${SETTLEMENT}, ул. ${street}`);
    expect(plain(await card.getByTestId('proposal-items').textContent())).toBe('3 обращения');
    expect(plain(await card.getByTestId('proposal-residents').textContent())).toBe('3 жителя');
    await card.getByTestId('proposal-toggle-items').click();
    for (const item of items) await card.getByTestId(`item-${item.number}`).waitFor();

    // --- confirms it (the title and area proposed, the department of its items by default)
    await card.getByTestId('proposal-confirm').click();
    const form = head.getByTestId('confirm-proposal-form');
    expect(await form.getByTestId('confirm-proposal-area').inputValue()).toBe(`ул. ${street}`);
    await form.getByTestId('confirm-proposal-submit').click();
    await head.getByTestId('problems-done').waitFor({ timeout: 15_000 });
    expect(plain(await head.getByTestId('problems-done').textContent())).toContain(`Проблема «Водоснабжение: ${SETTLEMENT}, ул. ${street}» подтверждена`);
    // The proposal is gone: its items are in a problem now.
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);

    // --- the problem is on the list, confirmed, with its three items
    await head.getByTestId('problems-tab-list').click();
    const row = head.locator('tr[data-testid^="problem-row-"]').filter({ hasText: `ул. ${street}` });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('CONFIRMED');
    await row.locator('a[data-testid^="problem-link-"]').click();
    await head.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const problemId = new URL(head.url()).pathname.split('/').pop()!;

    // --- the card: where, who answers, the three items
    await head.locator('[data-testid="problem-status"][data-status="CONFIRMED"]').waitFor({ timeout: 15_000 });
    // Shown by its short name (the full name on hover).
    expect(plain(await head.getByTestId('problem-department').textContent())).toBe('Отдел ЖКХ');
    expect(plain(await head.getByTestId('problem-area').textContent())).toBe(`ул. ${street}`);
    expect(plain(await head.getByTestId('problem-counts').textContent())).toBe('3 обращения, ждут ответа: 3; 3 жителя');
    for (const item of items) {
      expect(await head.getByTestId(`problem-item-${item.number}`).getAttribute('data-status')).toBe('ASSIGNED');
    }

    // --- the head solves it: one answer for everyone, measures taken
    const answer = `Участок водопровода на ул. ${street} заменён, водоснабжение восстановлено (e2e).`;
    await head.getByTestId('problem-solve').click();
    await head.getByTestId('solve-answer').fill(answer);
    await head.getByTestId('solve-outcome').selectOption('SUPPORTED_MEASURES_TAKEN');
    await head.getByTestId('solve-submit').click();
    const result = head.getByTestId('solve-result');
    await result.waitFor({ timeout: 30_000 });
    expect(plain(await head.getByTestId('solve-summary').textContent())).toContain('Ответ дан: 3. Ждут проверки: 0. Пропущено: 0.');
    for (const item of items) await head.getByTestId('solve-answered').getByTestId(`solve-entry-${item.id}`).waitFor();
    expect(plain(await head.getByTestId('solve-answered').textContent())).toContain('Ответ одобрен и отправлен');

    // --- the card says solved, with the answer; every item shows the answer was given
    await head.locator('[data-testid="problem-status"][data-status="SOLVED"]').waitFor();
    expect(await head.getByTestId('problem-outcome').getAttribute('data-outcome')).toBe('SUPPORTED_MEASURES_TAKEN');
    expect(plain(await head.getByTestId('problem-answer').textContent())).toBe(answer);
    expect(await head.getByTestId('problem-actions').count()).toBe(0);
    for (const item of items) {
      expect(await head.getByTestId(`problem-item-${item.number}`).getAttribute('data-status')).toBe('ANSWERED');
    }

    // --- and the server agrees: each item is ANSWERED with the problem's answer approved, and the problem SOLVED
    const check = await graphql<{ problem: { status: string; openItemCount: number; outcome: string } }>(
      token,
      'query($id: ID!) { problem(id: $id) { status openItemCount outcome } }',
      { id: problemId },
    );
    expect(check.problem).toEqual({ status: 'SOLVED', openItemCount: 0, outcome: 'SUPPORTED_MEASURES_TAKEN' });
    for (const item of items) {
      const { item: got } = await graphql<{ item: { status: string; outcome: string; answers: { text: string; status: string; kind: string }[] } }>(
        token,
        'query($id: ID!) { item(id: $id) { status outcome answers { text status kind } } }',
        { id: item.id },
      );
      expect(got.status).toBe('ANSWERED');
      expect(got.outcome).toBe('SUPPORTED_MEASURES_TAKEN');
      expect(got.answers.some((a) => a.text === answer && a.kind === 'FINAL' && ['APPROVED', 'PUBLISHED'].includes(a.status))).toBe(true);
    }

    // --- one item's card shows it answered, with the outcome (opened from the problem)
    await head.getByTestId(`problem-item-link-${items[0]!.number}`).click();
    await head.getByTestId('item-number').filter({ hasText: items[0]!.number }).waitFor();
    await head.locator('[data-testid="item-status"][data-status="ANSWERED"]').waitFor({ timeout: 15_000 });
    expect(await head.getByTestId('item-outcome').getAttribute('data-outcome')).toBe('SUPPORTED_MEASURES_TAKEN');
  });
});

describe('reports: generated on request and downloaded with the session cookie', () => {
  it('the curator generates last week’s report on the reports page and downloads its XLSX and PDF', { timeout: 180_000 }, async () => {
    const curator = await as('curator');
    await curator.getByTestId('nav-reports').click();
    await curator.waitForURL(/\/reports$/);
    // The last week that ended, in the municipality (the browser is in Vladivostok), is proposed.
    const period = curator.getByTestId('report-period');
    const start = await period.inputValue();
    expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
    await curator.getByTestId('report-generate').click();
    const done = curator.getByTestId('report-generated');
    await done.waitFor({ timeout: 60_000 });
    expect(plain(await done.textContent())).toMatch(/^Недельный отчёт сформирован: \d{2}\.\d{2}\.\d{4} — \d{2}\.\d{2}\.\d{4}\./);

    // In the list, on request by the curator, with both files.
    const xlsxLink = done.locator('a[data-testid^="generated-xlsx-"]');
    const id = (await xlsxLink.getAttribute('data-testid'))!.replace('generated-xlsx-', '');
    const row = curator.getByTestId(`report-${id}`);
    await row.waitFor({ timeout: 15_000 });
    expect(plain(await row.getByTestId('report-origin').textContent())).toBe('По запросу: curator');

    // Both download in the browser, with its cookie alone.
    for (const [format, magic] of [
      ['xlsx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      const [download] = await Promise.all([curator.waitForEvent('download', { timeout: 30_000 }), row.getByTestId(`report-${format}-${id}`).click()]);
      expect(download.suggestedFilename()).toBe(`otchet-nedelya-${start}.${format}`);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });
});
