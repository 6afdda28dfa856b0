import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let head: string;
beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
});
afterAll(async () => t?.stop());

const PREVIEW = `query($kind: ItemKind!, $at: DateTime!, $urgent: Boolean, $category: String) {
  slaPreview(kind: $kind, registeredAt: $at, urgent: $urgent, categoryCode: $category) {
    registrationDueAt redirectDueAt answerDueAt firstReactionDueAt timezone calendarConfirmed } }`;

type Preview = { slaPreview: Record<string, string | boolean | null> };

describe('slaPreview over GraphQL (Суровикинский район, Europe/Volgograd, 2025–2026 calendar)', () => {
  it('an appeal registered on 29.12.2025: registration and redirect move past the New Year holidays', async () => {
    // D = 2025-12-29. D+3 = 01.01.2026 and D+7 = 05.01.2026 are days off (1–11 January), so both move to
    // Monday 12.01.2026, 23:59:59. D+30 = Wednesday 28.01.2026, a working day.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'APPEAL', at: '2025-12-29T10:00:00+03:00' }, head);
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview).toMatchObject({
      registrationDueAt: expect.stringMatching(/^2026-01-12T23:59:59(\.\d+)?\+03:00$/),
      redirectDueAt: expect.stringMatching(/^2026-01-12T23:59:59(\.\d+)?\+03:00$/),
      answerDueAt: expect.stringMatching(/^2026-01-28T23:59:59(\.\d+)?\+03:00$/),
      firstReactionDueAt: null,
      timezone: 'Europe/Volgograd',
      calendarConfirmed: true,
    });
  });

  it('a message registered on Friday 26.12.2025: ten working days skip 31.12 and the holidays', async () => {
    // Working days after D: 29.12 (1), 30.12 (2); 31.12.2025 and 1–11.01.2026 are off; then 12, 13, 14, 15,
    // 16, 19, 20, 21 January (3–10). Ends at 17:00 on 21.01.2026.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2025-12-26T15:00:00+03:00' }, head);
    expect(r.data?.slaPreview.answerDueAt).toMatch(/^2026-01-21T17:00:00(\.\d+)?\+03:00$/);
    expect(r.data?.slaPreview.registrationDueAt).toBeNull();
  });

  it('an urgent message has one working day', async () => {
    // Monday 02.02.2026 10:00 + 1 working day = end of Tuesday 03.02.2026.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', urgent: true }, head);
    expect(r.data?.slaPreview.answerDueAt).toMatch(/^2026-02-03T17:00:00(\.\d+)?\+03:00$/);
  });

  it('an urgent incident on Friday 06.03.2026 at 16:30: four working hours skip the weekend and 09.03', async () => {
    // 16:30–17:00 Friday is 0.5 h; Saturday, Sunday and Monday 09.03.2026 (moved day off) are not worked;
    // Tuesday 08:00 + 3.5 h = 11:30 (before the lunch break).
    const r = await t.gql<Preview>(PREVIEW, { kind: 'INCIDENT', at: '2026-03-06T16:30:00+03:00', urgent: true }, head);
    expect(r.data?.slaPreview.firstReactionDueAt).toMatch(/^2026-03-10T11:30:00(\.\d+)?\+03:00$/);
    expect(r.data?.slaPreview.answerDueAt).toBeNull();
  });

  it('a message of a category with its own answer time uses it', async () => {
    await t.gql('mutation { createCategory(input: { code: "ROADS_FAST", sectorCode: "ROADS", name: "Ямы на дорогах (ускоренно)", messageAnswerDays: 3 }) { id } }', {}, head);
    // Monday 02.02.2026: 3 working days after D = Thursday 05.02.2026, 17:00.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', category: 'ROADS_FAST' }, head);
    expect(r.data?.slaPreview.answerDueAt).toMatch(/^2026-02-05T17:00:00(\.\d+)?\+03:00$/);
  });

  it('says when a deadline falls in a provisional year', async () => {
    // 2027 is provisional in the reference calendar.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'APPEAL', at: '2026-12-20T10:00:00+03:00' }, head);
    expect(r.data?.slaPreview.calendarConfirmed).toBe(false);
  });

  it('refuses an unknown category with NOT_FOUND', async () => {
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', category: 'NOPE' }, head);
    expect(codeOf(r)).toBe('NOT_FOUND');
  });
});

describe('the production calendar', () => {
  it('warns the head in November that the coming year is provisional, and stops once it is confirmed', async () => {
    t.clock.set('2026-11-20T09:00:00+03:00');
    const before = await t.gql<{ calendarWarnings: { year: number; status: string }[] }>('{ calendarWarnings { year status } }', {}, head);
    expect(before.data?.calendarWarnings).toEqual([{ year: 2027, status: 'PROVISIONAL' }]);

    const save = await t.gql(
      `mutation($i: CalendarYearInput!) { saveCalendarYear(input: $i) { year status } }`,
      {
        i: {
          year: 2027,
          status: 'OFFICIAL',
          basis: 'Постановление Правительства РФ (тест)',
          nonWorkingWeekdays: ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
          workingWeekends: [],
          shortened: ['2027-12-30'],
        },
      },
      head,
    );
    expect(save.errors).toBeUndefined();
    const after = await t.gql<{ calendarWarnings: unknown[] }>('{ calendarWarnings { year status } }', {}, head);
    expect(after.data?.calendarWarnings).toEqual([]);
  });

  it('warns about a missing coming year', async () => {
    t.clock.set('2027-10-05T09:00:00+03:00');
    const later = await t.signInAs('head');
    const r = await t.gql<{ calendarWarnings: { year: number; status: string }[] }>('{ calendarWarnings { year status } }', {}, later);
    expect(r.data?.calendarWarnings).toEqual([{ year: 2028, status: 'MISSING' }]);
  });

  it('an edit changes the deadlines: a new day off moves a message deadline', async () => {
    t.clock.set('2026-11-20T09:00:00+03:00');
    head = await t.signInAs('head');
    const at = '2026-02-02T10:00:00+03:00';
    const r1 = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at, urgent: true }, head);
    expect(r1.data?.slaPreview.answerDueAt).toMatch(/^2026-02-03T17:00/);
    const years = await t.gql<{ calendarYears: { year: number; nonWorkingWeekdays: string[]; workingWeekends: string[]; shortened: string[]; status: string }[] }>(
      '{ calendarYears { year status nonWorkingWeekdays workingWeekends shortened } }',
      {},
      head,
    );
    const y2026 = years.data!.calendarYears.find((y) => y.year === 2026)!;
    await t.gql(
      `mutation($i: CalendarYearInput!) { saveCalendarYear(input: $i) { year } }`,
      { i: { ...y2026, nonWorkingWeekdays: [...y2026.nonWorkingWeekdays, '2026-02-03'] } },
      head,
    );
    const r2 = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at, urgent: true }, head);
    expect(r2.data?.slaPreview.answerDueAt).toMatch(/^2026-02-04T17:00/);
  });

  it('refuses a malformed date, and only the head edits it', async () => {
    const bad = await t.gql(
      `mutation { saveCalendarYear(input: { year: 2030, status: OFFICIAL, nonWorkingWeekdays: ["01.01.2030"], workingWeekends: [], shortened: [] }) { year } }`,
      {},
      head,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const curator = await t.signInAs('curator');
    const refused = await t.gql(
      `mutation { saveCalendarYear(input: { year: 2030, status: OFFICIAL, nonWorkingWeekdays: [], workingWeekends: [], shortened: [] }) { year } }`,
      {},
      curator,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
