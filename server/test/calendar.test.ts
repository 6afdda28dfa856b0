import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/** Every test starts with the server's clock standing here, whatever the machine's date and the tests before. */
const WORKING_MONDAY = '2026-02-02T09:00:00+03:00';

let t: TestApp;
/** The head's session, valid at WORKING_MONDAY. */
let head: string;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(WORKING_MONDAY);
  head = await t.signInAs('head');
});
beforeEach(() => t.clock.set(WORKING_MONDAY));
afterAll(async () => t?.stop());

/** Stands the server's clock at `iso` and signs the head in there (a session lasts 12 hours of that clock). */
async function headAt(iso: string): Promise<string> {
  t.clock.set(iso);
  return t.signInAs('head');
}

type Year = { year: number; status: string; basis: string | null; nonWorkingWeekdays: string[]; workingWeekends: string[]; shortened: string[] };

async function calendarYears(): Promise<Year[]> {
  const r = await t.gql<{ calendarYears: Year[] }>('{ calendarYears { year status basis nonWorkingWeekdays workingWeekends shortened } }', {}, head);
  expect(r.errors).toBeUndefined();
  return r.data!.calendarYears;
}

const SAVE_YEAR = `mutation($i: CalendarYearInput!) { saveCalendarYear(input: $i) { year status nonWorkingWeekdays } }`;

/** Puts `year` of the calendar back as it is now once the test ends, so that no other test sees this one's edit. */
async function restoreAfterTest(year: number): Promise<Year> {
  const original = (await calendarYears()).find((y) => y.year === year);
  if (!original) throw new Error(`the seeded calendar has no ${year}`);
  onTestFinished(async () => {
    t.clock.set(WORKING_MONDAY);
    const r = await t.gql(SAVE_YEAR, { i: original }, head);
    expect(r.errors).toBeUndefined();
  });
  return original;
}

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
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview).toMatchObject({
      answerDueAt: expect.stringMatching(/^2026-01-21T17:00:00(\.\d+)?\+03:00$/),
      registrationDueAt: null,
      redirectDueAt: null,
      firstReactionDueAt: null,
    });
  });

  it('a registration before 2000 (year 1 was an internal error) is BAD_USER_INPUT naming registeredAt', async () => {
    for (const at of ['0001-03-02T09:00:00Z', '1999-12-31T20:59:59Z']) {
      const r = await t.gql<Preview>(PREVIEW, { kind: 'APPEAL', at }, head);
      expect(r.errors?.[0]?.extensions, at).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'registeredAt', problems: ['cannot be before 2000'] }] });
    }
  });

  it('an urgent message has one working day', async () => {
    // Monday 02.02.2026 10:00 + 1 working day = end of Tuesday 03.02.2026.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', urgent: true }, head);
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview.answerDueAt).toMatch(/^2026-02-03T17:00:00(\.\d+)?\+03:00$/);
  });

  it('an urgent incident on Friday 06.03.2026 at 16:30: four working hours skip the weekend and 09.03', async () => {
    // 16:30–17:00 Friday is 0.5 h; Saturday, Sunday and Monday 09.03.2026 (moved day off) are not worked;
    // Tuesday 08:00 + 3.5 h = 11:30 (before the lunch break).
    const r = await t.gql<Preview>(PREVIEW, { kind: 'INCIDENT', at: '2026-03-06T16:30:00+03:00', urgent: true }, head);
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview).toMatchObject({
      firstReactionDueAt: expect.stringMatching(/^2026-03-10T11:30:00(\.\d+)?\+03:00$/),
      answerDueAt: null,
    });
  });

  it('a message of a category with its own answer time uses it', async () => {
    const created = await t.gql('mutation { createCategory(input: { code: "ROADS_FAST", sectorCode: "ROADS", name: "Ямы на дорогах (ускоренно)", messageAnswerDays: 3 }) { id } }', {}, head);
    expect(created.errors).toBeUndefined();
    // Monday 02.02.2026: 3 working days after D = Thursday 05.02.2026, 17:00.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', category: 'ROADS_FAST' }, head);
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview.answerDueAt).toMatch(/^2026-02-05T17:00:00(\.\d+)?\+03:00$/);
  });

  it('a change of a category\'s answer time shows in the very next preview (the categories a preview reads are remembered)', async () => {
    const created = await t.gql<{ createCategory: { id: string } }>('mutation { createCategory(input: { code: "ROADS_LIGHT", sectorCode: "ROADS", name: "Разметка", messageAnswerDays: 3 }) { id } }', {}, head);
    expect(created.errors).toBeUndefined();
    const due = async () => (await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', category: 'ROADS_LIGHT' }, head)).data?.slaPreview.answerDueAt;
    expect(await due()).toMatch(/^2026-02-05T17:00:00(\.\d+)?\+03:00$/);
    const updated = await t.gql('mutation($id: ID!) { updateCategory(id: $id, input: { messageAnswerDays: 5 }) { id } }', { id: created.data!.createCategory.id }, head);
    expect(updated.errors).toBeUndefined();
    // Five working days after Monday 02.02.2026: Monday 09.02.2026, 17:00.
    expect(await due()).toMatch(/^2026-02-09T17:00:00(\.\d+)?\+03:00$/);
  });

  it('says when a deadline falls in a provisional year', async () => {
    // 2027 is provisional in the reference calendar: D+30 from 20.12.2026 is in January 2027; D+3 is not.
    const r = await t.gql<Preview>(PREVIEW, { kind: 'APPEAL', at: '2026-12-20T10:00:00+03:00' }, head);
    expect(r.errors).toBeUndefined();
    expect(r.data?.slaPreview.calendarConfirmed).toBe(false);
    const earlier = await t.gql<Preview>(PREVIEW, { kind: 'APPEAL', at: '2026-10-20T10:00:00+03:00' }, head);
    expect(earlier.data?.slaPreview.calendarConfirmed).toBe(true);
  });

  it('refuses an unknown category with NOT_FOUND', async () => {
    const r = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at: '2026-02-02T10:00:00+03:00', category: 'NOPE' }, head);
    expect(codeOf(r)).toBe('NOT_FOUND');
  });
});

describe('the production calendar', () => {
  it('warns the head in November that the coming year is provisional (not in September), and stops once it is confirmed', async () => {
    await restoreAfterTest(2027);
    const warnings = async (token: string) => t.gql<{ calendarWarnings: { year: number; status: string }[] }>('{ calendarWarnings { year status } }', {}, token);
    expect(await warnings(await headAt('2026-09-30T09:00:00+03:00'))).toEqual({ data: { calendarWarnings: [] } });
    const november = await headAt('2026-11-20T09:00:00+03:00');
    expect(await warnings(november)).toEqual({ data: { calendarWarnings: [{ year: 2027, status: 'PROVISIONAL' }] } });

    const save = await t.gql(
      SAVE_YEAR,
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
      november,
    );
    expect(save.errors).toBeUndefined();
    expect(await warnings(november)).toEqual({ data: { calendarWarnings: [] } });
  });

  it('in October warns about the coming year when it is missing, and about the current one while it is provisional', async () => {
    // The reference calendar has 2027 as provisional and no 2028.
    const later = await headAt('2027-10-05T09:00:00+03:00');
    const r = await t.gql<{ calendarWarnings: { year: number; status: string }[] }>('{ calendarWarnings { year status } }', {}, later);
    expect(r).toEqual({
      data: {
        calendarWarnings: [
          { year: 2027, status: 'PROVISIONAL' },
          { year: 2028, status: 'MISSING' },
        ],
      },
    });
  });

  it('an edit changes the deadlines: a new day off moves a message deadline', async () => {
    const y2026 = await restoreAfterTest(2026);
    const at = '2026-02-02T10:00:00+03:00';
    const r1 = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at, urgent: true }, head);
    expect(r1.errors).toBeUndefined();
    expect(r1.data?.slaPreview.answerDueAt).toMatch(/^2026-02-03T17:00/);
    const saved = await t.gql(SAVE_YEAR, { i: { ...y2026, nonWorkingWeekdays: [...y2026.nonWorkingWeekdays, '2026-02-03'] } }, head);
    expect(saved.errors).toBeUndefined();
    const r2 = await t.gql<Preview>(PREVIEW, { kind: 'MESSAGE', at, urgent: true }, head);
    expect(r2.errors).toBeUndefined();
    expect(r2.data?.slaPreview.answerDueAt).toMatch(/^2026-02-04T17:00/);
  });

  it('refuses a malformed date (BAD_USER_INPUT) and a curator\'s edit (FORBIDDEN), and saves neither', async () => {
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
    expect((await calendarYears()).map((y) => y.year)).not.toContain(2030);
  });
});
