import { Arg, Authorized, Ctx as Context, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { oneReadableMunicipalityId } from '../../shared/tenancy.js';
import { Permission } from '../auth/roles.js';
import { ItemKind } from '../items/item.enums.js';
import { slaPreview, toZonedIso } from '../sla/index.js';
import { CalendarYear } from './calendar-year.entity.js';
import { CalendarWarning, CalendarYearInput } from './calendar.types.js';
import * as calendars from './calendar.service.js';

@ObjectType({ description: 'The deadlines a new item would get. Timestamps are ISO 8601 with the municipality’s offset.' })
export class SlaPreview {
  @Field(() => String, { nullable: true, description: 'APPEAL: registration deadline (3 calendar days from receipt)' })
  registrationDueAt!: string | null;

  @Field(() => String, { nullable: true, description: 'APPEAL: redirect deadline (7 calendar days)' })
  redirectDueAt!: string | null;

  @Field(() => String, { nullable: true, description: 'APPEAL: 30 calendar days; MESSAGE: 10 working days (1 if urgent)' })
  answerDueAt!: string | null;

  @Field(() => String, { nullable: true, description: 'INCIDENT: 8 working hours (4 if urgent)' })
  firstReactionDueAt!: string | null;

  @Field({ description: 'IANA time zone of the municipality' })
  timezone!: string;

  @Field({ description: 'false when a deadline falls in a year whose production calendar is provisional or missing' })
  calendarConfirmed!: boolean;
}

@Resolver()
export class CalendarResolver {
  @Authorized(Permission.ORG_READ)
  @Query(() => SlaPreview, { description: 'What a new item will get, before it exists' })
  async slaPreview(
    @Context() ctx: Ctx,
    @Arg('kind', () => ItemKind) kind: ItemKind,
    @Arg('registeredAt', () => Date) registeredAt: Date,
    @Arg('urgent', () => Boolean, { nullable: true }) urgent?: boolean,
    @Arg('categoryCode', () => String, { nullable: true }) categoryCode?: string,
    @Arg('receivedAt', () => Date, { nullable: true }) receivedAt?: Date,
    @Arg('municipalityId', () => ID, { nullable: true, description: 'For a regional reader' }) municipalityId?: string,
  ): Promise<SlaPreview> {
    const mid = oneReadableMunicipalityId(ctx, municipalityId);
    // Deadlines are counted on the production calendar, which begins in 2000 (as createItem's receivedAt).
    const early = Object.entries({ registeredAt, receivedAt }).filter(([, d]) => d && d.getTime() < Date.UTC(2000, 0, 1));
    if (early.length) throw badInput(early.map(([field]) => ({ field, problems: ['cannot be before 2000'] })));
    const calendar = await calendars.calendarFor(ctx.em, mid, ctx.now().getTime());
    let messageAnswerDays: number | null = null;
    if (categoryCode) {
      // The municipality's categories, remembered by the process (calendar.service.ts).
      const days = await calendars.categoryAnswerDays(ctx.em, mid, categoryCode, ctx.now().getTime());
      if (days === undefined) throw notFound('Category', categoryCode);
      messageAnswerDays = days;
    }
    const p = slaPreview(kind, registeredAt, { urgent: urgent ?? false, messageAnswerDays, receivedAt }, calendar);
    const iso = (d: Date | null) => (d ? toZonedIso(d, calendar.zone) : null);
    return {
      registrationDueAt: iso(p.registrationDueAt),
      redirectDueAt: iso(p.redirectDueAt),
      answerDueAt: iso(p.answerDueAt),
      firstReactionDueAt: iso(p.firstReactionDueAt),
      timezone: calendar.zone,
      calendarConfirmed: p.calendarStatus === 'official',
    };
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [CalendarYear], { description: 'The production calendar of your municipality' })
  calendarYears(@Context() ctx: Ctx) {
    return calendars.listCalendarYears(ctx);
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [CalendarWarning], { description: 'Current or coming years that are provisional or missing' })
  calendarWarnings(@Context() ctx: Ctx, @Arg('municipalityId', () => ID, { nullable: true }) municipalityId?: string) {
    return calendars.calendarWarnings(ctx, municipalityId);
  }

  @Authorized(Permission.ORG_MANAGE)
  @Mutation(() => CalendarYear, { description: 'Creates or replaces one year of the production calendar' })
  saveCalendarYear(@Context() ctx: Ctx, @Arg('input') input: CalendarYearInput) {
    return calendars.saveCalendarYear(ctx, input);
  }
}
