import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChange } from '../audit/audit.service.js';
import type { Ctx } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { oneReadableMunicipalityId, writableMunicipalityId } from '../../shared/tenancy.js';
import { catalogueOf } from '../organisation/catalogue.js';
import { Municipality } from '../organisation/municipality.entity.js';
import { WorkingCalendar, type ProductionCalendarData, parseProductionCalendar } from '../sla/index.js';
import { CalendarStatus, CalendarYear } from './calendar-year.entity.js';
import type { CalendarYearInput } from './calendar.types.js';

/**
 * Working calendars per municipality, built from its CalendarYear rows. Cached in the process, keyed by
 * municipality: callers pass only a municipality the viewer may read (shared/tenancy.ts). An edit
 * invalidates the municipality's entry (other server instances pick it up within `TTL_MS`).
 */
const TTL_MS = 60_000;
const cache = new Map<string, { calendar: WorkingCalendar; at: number }>();

export function invalidateCalendar(municipalityId: string): void {
  cache.delete(municipalityId);
}

function toData(rows: CalendarYear[]): ProductionCalendarData {
  return {
    years: Object.fromEntries(
      rows.map((r) => [
        String(r.year),
        {
          status: r.status === CalendarStatus.OFFICIAL ? 'official' : 'provisional',
          basis: r.basis,
          holidays: [],
          nonWorkingWeekdays: r.nonWorkingWeekdays,
          workingWeekends: r.workingWeekends,
          shortened: r.shortened,
        },
      ]),
    ),
  };
}

/**
 * The message answer period of a category of the municipality: days, null for the default, undefined: no such
 * category. For slaPreview, which the registration form asks as the operator types: from the municipality's
 * remembered catalogue (organisation/catalogue.ts, forgotten at once on a change of a category), not read per request.
 */
export async function categoryAnswerDays(em: EntityManager, municipalityId: string, code: string, nowMs = Date.now()): Promise<number | null | undefined> {
  const category = (await catalogueOf(em, municipalityId, nowMs)).categoryByCode.get(code);
  return category ? (category.messageAnswerDays ?? null) : undefined;
}

/** The working calendar of a municipality (needs an EntityManager that may read it). */
export async function calendarFor(em: EntityManager, municipalityId: string, nowMs = Date.now()): Promise<WorkingCalendar> {
  const hit = cache.get(municipalityId);
  if (hit && nowMs - hit.at < TTL_MS) return hit.calendar;
  // Sequential: `em` may be inside a transaction, whose one connection runs one query at a time.
  const municipality = await em.findOne(Municipality, { id: municipalityId });
  const rows = await em.find(CalendarYear, { municipality: municipalityId });
  if (!municipality) throw notFound('Municipality', municipalityId);
  const calendar = new WorkingCalendar(toData(rows), municipality.timezone);
  cache.set(municipalityId, { calendar, at: nowMs });
  return calendar;
}

export function listCalendarYears(ctx: Ctx): Promise<CalendarYear[]> {
  return ctx.em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
}

/** Creates or replaces one year of the viewer's municipality's calendar. */
export async function saveCalendarYear(ctx: Ctx, input: CalendarYearInput): Promise<CalendarYear> {
  const municipalityId = writableMunicipalityId(ctx);
  const payload = {
    status: input.status === CalendarStatus.OFFICIAL ? 'official' : 'provisional',
    holidays: [],
    nonWorkingWeekdays: input.nonWorkingWeekdays,
    workingWeekends: input.workingWeekends,
    shortened: input.shortened,
  };
  try {
    parseProductionCalendar({ years: { [String(input.year)]: payload } });
  } catch (e) {
    const problems = (e as { problems?: string[] }).problems ?? [String((e as Error).message)];
    throw badInput([{ field: 'input', problems }]);
  }
  let row = await ctx.em.findOne(CalendarYear, { year: input.year });
  if (!row) {
    row = ctx.em.create(CalendarYear, {
      municipality: municipalityId,
      year: input.year,
      status: input.status,
      nonWorkingWeekdays: [],
      workingWeekends: [],
      shortened: [],
    });
  }
  row.status = input.status;
  row.basis = input.basis ?? undefined;
  row.nonWorkingWeekdays = [...new Set(input.nonWorkingWeekdays)].sort();
  row.workingWeekends = [...new Set(input.workingWeekends)].sort();
  row.shortened = [...new Set(input.shortened)].sort();
  auditChange(ctx, municipalityId, 'CALENDAR_SAVED', { type: 'CalendarYear', id: String(input.year) });
  await ctx.em.flush();
  invalidateCalendar(municipalityId);
  return row;
}

export type CalendarWarning = { year: number; status: 'PROVISIONAL' | 'MISSING' };

/**
 * Warnings for the head: the current and the coming year must be in the calendar and official. From
 * October on, the next year is "coming".
 */
export async function calendarWarnings(ctx: Ctx, municipalityId?: string): Promise<CalendarWarning[]> {
  const id = oneReadableMunicipalityId(ctx, municipalityId);
  const calendar = await calendarFor(ctx.em, id, ctx.now().getTime());
  const local = calendar.localDate(ctx.now());
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const years = month >= 10 ? [year, year + 1] : [year];
  return years.flatMap((y) => {
    const status = calendar.yearStatus(y);
    return status === 'official' ? [] : [{ year: y, status: status === 'provisional' ? 'PROVISIONAL' : 'MISSING' } as CalendarWarning];
  });
}
