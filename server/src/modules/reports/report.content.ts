import { DateTime } from 'luxon';
import type { Ctx } from '../../graphql/context.js';
import { figureStates } from '../kpi/kpi-target.service.js';
import { KPI_FIGURES, type KpiFigure, KpiTargetState } from '../kpi/kpi-target.types.js';
import { kpiRanking, kpis, kpiSeries, previousOf } from '../kpi/kpi.service.js';
import { KpiBucket, KpiDimension, type KpiFigures, type KpiRankingRow } from '../kpi/kpi.types.js';
import { listProblems } from '../problems/problem-queries.js';
import { statsOf } from '../problems/problem.sql.js';
import { ReportKind } from './report.entity.js';

type FigureField = keyof Omit<KpiFigures, 'from' | 'to' | 'scope'>;
type Format = 'count' | 'share' | 'number';

/** The figures of the "Показатели" section, in order, with their Russian names. */
export const REPORT_FIGURES: readonly { field: FigureField; label: string; format: Format }[] = [
  { field: 'received', label: 'Поступило', format: 'count' },
  { field: 'perThousandResidents', label: 'На 1000 жителей', format: 'number' },
  { field: 'answered', label: 'Дан ответ', format: 'count' },
  { field: 'answeredOnTime', label: 'Ответов в срок', format: 'count' },
  { field: 'onTimeShare', label: 'Доля ответов в срок', format: 'share' },
  { field: 'overdueOpen', label: 'Просрочено (открытые)', format: 'count' },
  { field: 'meanAnswerDays', label: 'Среднее время ответа, дн.', format: 'number' },
  { field: 'medianAnswerDays', label: 'Медианное время ответа, дн.', format: 'number' },
  { field: 'meanFirstReactionHours', label: 'Первая реакция на инцидент, раб. ч', format: 'number' },
  { field: 'extendedShare', label: 'Доля продлённых', format: 'share' },
  { field: 'redirectedShare', label: 'Доля перенаправленных', format: 'share' },
  { field: 'reworkShare', label: 'Доля возвращённых на доработку', format: 'share' },
  { field: 'reopenedShare', label: 'Доля повторно открытых', format: 'share' },
  { field: 'rated', label: 'Оценок', format: 'count' },
  { field: 'satisfiedShare', label: 'Доля удовлетворённых', format: 'share' },
  { field: 'repeats', label: 'Повторные обращения', format: 'count' },
];

export const STATE_LABELS: Record<KpiTargetState, string> = {
  [KpiTargetState.ON_TRACK]: 'в норме',
  [KpiTargetState.AT_RISK]: 'под угрозой',
  [KpiTargetState.FAILING]: 'не выполнено',
};

export type FigureRow = {
  label: string;
  format: Format;
  value: number | null;
  previous: number | null;
  change: number | null;
  target: number | null;
  state: string | null;
};
export type SeriesRow = { label: string; received: number; answered: number; onTimeShare: number | null };
export type UnitRow = { name: string; received: number; answered: number; onTimeShare: number | null; overdueOpen: number };
export type ProblemRow = { title: string; status: string; items: number; openItems: number };

export type ReportContent = {
  kind: ReportKind;
  municipalityName: string;
  zone: string;
  periodFrom: string;
  periodTo: string;
  /** e.g. "неделя 02.03.2026 – 08.03.2026" */
  periodLabel: string;
  from: Date;
  to: Date;
  generatedAt: Date;
  generatedBy: string;
  figures: FigureRow[];
  series: SeriesRow[];
  sectors: UnitRow[];
  departments: UnitRow[];
  categories: UnitRow[];
  problems: ProblemRow[];
};

/** The period of a report: the local week from a Monday, or the calendar month from its first day. */
export function reportPeriod(kind: ReportKind, start: DateTime): { from: DateTime; to: DateTime } {
  return { from: start, to: kind === ReportKind.WEEKLY ? start.plus({ weeks: 1 }) : start.plus({ months: 1 }) };
}

const unitRow = (r: KpiRankingRow): UnitRow => ({
  name: r.key === '-' ? 'Не указано' : r.name,
  received: r.figures.received,
  answered: r.figures.answered,
  onTimeShare: r.figures.onTimeShare,
  overdueOpen: r.figures.overdueOpen,
});

/** Everything a report shows, through the KPI and problem services, as `ctx`'s viewer (of one municipality). */
export async function reportContent(
  ctx: Ctx,
  args: { kind: ReportKind; from: DateTime; to: DateTime; municipalityName: string; generatedBy: string },
): Promise<ReportContent> {
  const from = args.from.toJSDate();
  const to = args.to.toJSDate();
  const current = await kpis(ctx, {}, from, to);
  const previous = await previousOf(ctx, current);
  const states = new Map((await figureStates(ctx, current)).map((s) => [s.figure, s]));
  const byField = new Map(Object.entries(KPI_FIGURES).map(([figure, meta]) => [meta.field as string, figure as KpiFigure]));
  const figures: FigureRow[] = REPORT_FIGURES.map((f) => {
    const value = (current[f.field] as number | null) ?? null;
    const before = (previous[f.field] as number | null) ?? null;
    const figure = byField.get(f.field);
    const s = figure ? states.get(figure) : undefined;
    return {
      label: f.label,
      format: f.format,
      value,
      previous: before,
      change: value !== null && before !== null ? value - before : null,
      target: s?.target ?? null,
      state: s?.state ? STATE_LABELS[s.state] : null,
    };
  });

  const bucket = args.kind === ReportKind.WEEKLY ? KpiBucket.DAY : KpiBucket.WEEK;
  const points = await kpiSeries(ctx, {}, from, to, bucket);
  const zone = current.scope.zone;
  const series = points.map((p) => ({
    label: bucket === KpiBucket.DAY
      ? DateTime.fromJSDate(p.from, { zone }).toFormat('dd.MM')
      : `${DateTime.fromJSDate(p.from, { zone }).toFormat('dd.MM')}–${DateTime.fromJSDate(p.to, { zone }).minus({ days: 1 }).toFormat('dd.MM')}`,
    received: p.figures.received,
    answered: p.figures.answered,
    onTimeShare: p.figures.onTimeShare,
  }));

  const sectors = (await kpiRanking(ctx, {}, KpiDimension.SECTOR, from, to)).map(unitRow);
  // Departments that are late first: lowest on-time share, then most overdue; none answered after those that did.
  const departments = (await kpiRanking(ctx, {}, KpiDimension.DEPARTMENT, from, to))
    .map(unitRow)
    .sort((a, b) =>
      (a.onTimeShare ?? 2) - (b.onTimeShare ?? 2) || b.overdueOpen - a.overdueOpen || a.name.localeCompare(b.name, 'ru'));
  const categories = (await kpiRanking(ctx, {}, KpiDimension.CATEGORY, from, to)).map(unitRow).slice(0, 10);

  const top = await listProblems(ctx, { first: 10 });
  const stats = top.nodes.length ? await statsOf(ctx.em, top.nodes.map((p) => p.id)) : new Map();
  const problems = top.nodes.map((p) => ({
    title: p.title,
    status: p.status,
    items: stats.get(p.id)?.items ?? 0,
    openItems: stats.get(p.id)?.openItems ?? 0,
  }));

  const last = args.to.minus({ days: 1 });
  const periodLabel = args.kind === ReportKind.WEEKLY
    ? `неделя ${args.from.toFormat('dd.MM.yyyy')} – ${last.toFormat('dd.MM.yyyy')}`
    : `${args.from.setLocale('ru').toFormat('LLLL yyyy')} (${args.from.toFormat('dd.MM.yyyy')} – ${last.toFormat('dd.MM.yyyy')})`;
  return {
    kind: args.kind,
    municipalityName: args.municipalityName,
    zone,
    periodFrom: args.from.toISODate()!,
    periodTo: args.to.toISODate()!,
    periodLabel,
    from,
    to,
    generatedAt: ctx.now(),
    generatedBy: args.generatedBy,
    figures,
    series,
    sectors,
    departments,
    categories,
    problems,
  };
}
