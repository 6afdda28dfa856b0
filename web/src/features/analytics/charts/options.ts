import type { EChartsCoreOption } from 'echarts/core';
import type { KpiBucket, KpiTargetState } from '../../../gql/graphql';
import type { KpiDrill, KpiScope } from '../drill';

/**
 * The charts of the analytics as ECharts options, built by pure functions from the figures (tested without a
 * browser). Every clickable data item carries its drill-down (`drill`): a click opens exactly its items.
 *
 * ECharts draws outside of CSS, so the colours are those of ui/theme.css, repeated here.
 */
export const PALETTE = {
  primary: '#1f4fd1',
  received: '#6f8fe6',
  onTime: '#17784a',
  late: '#c0262d',
  overdue: '#c0262d',
  repeats: '#935400',
  share: '#122047',
  atRisk: '#d08700',
  none: '#8a97ab',
  text: '#18202c',
  muted: '#556176',
  grid: '#dbe1ea',
} as const;

export const STATE_COLOURS: Record<KpiTargetState, string> = { ON_TRACK: PALETTE.onTime, AT_RISK: PALETTE.atRisk, FAILING: PALETTE.late };

/** A data item of a chart: its value and the items behind it (null: not clickable). */
export type DrillDatum = { value: number | null | (number | null)[]; drill: KpiDrill | null; name?: string };

/** The drill-down of a clicked chart element (ECharts hands the data item back as `data`). */
export function drillOfClick(params: unknown): KpiDrill | null {
  const data = (params as { data?: { drill?: KpiDrill | null } } | null)?.data;
  return data && typeof data === 'object' && data.drill ? data.drill : null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** How the charts write numbers, in the interface language. */
export type ChartFormat = { count: (n: number) => string; share: (x: number | null) => string };

const TEXT_STYLE = { color: PALETTE.muted, fontSize: 12 };
const tooltipBase = {
  confine: true,
  backgroundColor: '#ffffff',
  borderColor: PALETTE.grid,
  textStyle: { color: PALETTE.text, fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 12px rgb(16 24 40 / 12%); border-radius: 6px;',
};

function row(colour: string, name: string, value: string): string {
  return `<div style="display:flex;gap:8px;align-items:center"><span style="display:inline-block;width:9px;height:9px;border-radius:50%;background:${colour}"></span><span style="flex:1">${escapeHtml(name)}</span><b>${escapeHtml(value)}</b></div>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The series: received, answered on time and late (stacked) and the on-time share, per bucket.

export type SeriesPointInput = {
  from: string;
  to: string;
  figures: { received: number; answered: number; answeredOnTime: number; onTimeShare: number | null };
};

export type SeriesText = { received: string; answeredOnTime: string; answeredLate: string; onTimeShare: string; hint: string };

/** The label of a bucket: its first day (days, weeks) or its month, in the municipality's time zone. */
export function bucketLabel(from: string, bucket: KpiBucket, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'MONTH' ? { month: 'short', year: 'numeric', timeZone } : { day: '2-digit', month: '2-digit', timeZone };
  try {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', options).format(new Date(from));
  } catch {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { ...options, timeZone: undefined }).format(new Date(from));
  }
}

export function seriesChartOption(
  points: readonly SeriesPointInput[],
  ctx: { labels: readonly string[]; scope: KpiScope; text: SeriesText; format: ChartFormat },
): EChartsCoreOption {
  const { text, format, scope } = ctx;
  const drill = (p: SeriesPointInput, set: KpiDrill['set']): KpiDrill => ({ set, from: p.from, to: p.to, scope });
  const received: DrillDatum[] = points.map((p) => ({ value: p.figures.received, drill: drill(p, 'RECEIVED') }));
  const onTime: DrillDatum[] = points.map((p) => ({ value: p.figures.answeredOnTime, drill: drill(p, 'ANSWERED_ON_TIME') }));
  const late: DrillDatum[] = points.map((p) => ({ value: p.figures.answered - p.figures.answeredOnTime, drill: drill(p, 'ANSWERED_LATE') }));
  const share: DrillDatum[] = points.map((p) => ({
    value: p.figures.onTimeShare === null ? null : Number((p.figures.onTimeShare * 100).toFixed(1)),
    drill: p.figures.answered ? drill(p, 'ANSWERED') : null,
  }));
  return {
    animation: false,
    color: [PALETTE.received, PALETTE.onTime, PALETTE.late, PALETTE.share],
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: TEXT_STYLE },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const i = list[0]?.dataIndex ?? 0;
        const p = points[i];
        if (!p) return '';
        return [
          `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(ctx.labels[i] ?? '')}</div>`,
          row(PALETTE.received, text.received, format.count(p.figures.received)),
          row(PALETTE.onTime, text.answeredOnTime, format.count(p.figures.answeredOnTime)),
          row(PALETTE.late, text.answeredLate, format.count(p.figures.answered - p.figures.answeredOnTime)),
          row(PALETTE.share, text.onTimeShare, format.share(p.figures.onTimeShare)),
          `<div style="margin-top:4px;color:${PALETTE.muted}">${escapeHtml(text.hint)}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'category',
      data: [...ctx.labels],
      axisLabel: TEXT_STYLE,
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: TEXT_STYLE, splitLine: { lineStyle: { color: PALETTE.grid } } },
      { type: 'value', min: 0, max: 100, axisLabel: { ...TEXT_STYLE, formatter: '{value} %' }, splitLine: { show: false } },
    ],
    series: [
      { id: 'received', name: text.received, type: 'bar', data: received, barMaxWidth: 28, cursor: 'pointer' },
      { id: 'onTime', name: text.answeredOnTime, type: 'bar', stack: 'answered', data: onTime, barMaxWidth: 28, cursor: 'pointer' },
      { id: 'late', name: text.answeredLate, type: 'bar', stack: 'answered', data: late, barMaxWidth: 28, cursor: 'pointer' },
      {
        id: 'onTimeShare',
        name: text.onTimeShare,
        type: 'line',
        yAxisIndex: 1,
        data: share,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 2 },
        cursor: 'pointer',
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The ranking: one bar (or two stacked) per department, sector, settlement, category or channel.

export type RankingMeasure = 'onTime' | 'received' | 'overdue' | 'repeats';
export const RANKING_MEASURES: readonly RankingMeasure[] = ['onTime', 'received', 'overdue', 'repeats'];

export type RankingRowInput = {
  key: string;
  /** The name shown (short, in the interface language). */
  label: string;
  /** The row's scope (the page's, narrowed to the row); null: the row cannot be opened (e.g. "not assigned"). */
  scope: KpiScope | null;
  figures: { received: number; answered: number; answeredOnTime: number; onTimeShare: number | null; overdueOpen: number; repeats: number };
};

export type RankingText = { answeredOnTime: string; answeredLate: string; received: string; overdue: string; repeats: string; onTimeShare: string; hint: string };

/** How much of a measure a row has: what it is ranked by. */
export function measureValue(row: RankingRowInput, measure: RankingMeasure): number {
  const f = row.figures;
  return measure === 'onTime' ? f.answered : measure === 'received' ? f.received : measure === 'overdue' ? f.overdueOpen : f.repeats;
}

/** The rows a chart shows: those with something to show, most first, at most `limit`. */
export function rankedRows(rows: readonly RankingRowInput[], measure: RankingMeasure, limit = Number.POSITIVE_INFINITY): RankingRowInput[] {
  return rows
    .filter((r) => measureValue(r, measure) > 0)
    .sort((a, b) => measureValue(b, measure) - measureValue(a, measure) || a.label.localeCompare(b.label, 'ru'))
    .slice(0, limit);
}

/** Pixels a ranking of `n` rows needs. */
export function rankingHeight(n: number): number {
  return Math.max(120, 48 + n * 30);
}

export function rankingChartOption(
  shown: readonly RankingRowInput[],
  measure: RankingMeasure,
  ctx: { from: string; to: string; text: RankingText; format: ChartFormat },
): EChartsCoreOption {
  const { text, format } = ctx;
  const drill = (r: RankingRowInput, set: KpiDrill['set']): KpiDrill | null => (r.scope ? { set, from: ctx.from, to: ctx.to, scope: r.scope } : null);
  const bar = { type: 'bar' as const, barMaxWidth: 18, cursor: 'pointer' };
  const single = (id: string, name: string, colour: string, set: KpiDrill['set'], value: (r: RankingRowInput) => number) => ({
    ...bar,
    id,
    name,
    itemStyle: { color: colour },
    data: shown.map((r) => ({ value: value(r), drill: drill(r, set) })),
    label: { show: true, position: 'right', color: PALETTE.text, fontSize: 12, formatter: (p: { value: number }) => format.count(p.value) },
  });
  const series =
    measure === 'onTime'
      ? [
          {
            ...bar,
            id: 'onTime',
            name: text.answeredOnTime,
            stack: 'answered',
            itemStyle: { color: PALETTE.onTime },
            data: shown.map((r) => ({ value: r.figures.answeredOnTime, drill: drill(r, 'ANSWERED_ON_TIME') })),
          },
          {
            ...bar,
            id: 'late',
            name: text.answeredLate,
            stack: 'answered',
            itemStyle: { color: PALETTE.late },
            data: shown.map((r) => ({ value: r.figures.answered - r.figures.answeredOnTime, drill: drill(r, 'ANSWERED_LATE') })),
            // The on-time share at the end of each row.
            label: {
              show: true,
              position: 'right',
              color: PALETTE.text,
              fontSize: 12,
              formatter: (p: { dataIndex: number }) => format.share(shown[p.dataIndex]?.figures.onTimeShare ?? null),
            },
          },
        ]
      : measure === 'received'
        ? [single('received', text.received, PALETTE.received, 'RECEIVED', (r) => r.figures.received)]
        : measure === 'overdue'
          ? [single('overdue', text.overdue, PALETTE.overdue, 'OVERDUE_OPEN', (r) => r.figures.overdueOpen)]
          : [single('repeats', text.repeats, PALETTE.repeats, 'REPEATS', (r) => r.figures.repeats)];
  return {
    animation: false,
    grid: { left: 8, right: 56, top: measure === 'onTime' ? 32 : 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: measure === 'onTime' ? { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: TEXT_STYLE } : { show: false },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const r = shown[i];
        if (!r) return '';
        const f = r.figures;
        const lines =
          measure === 'onTime'
            ? [
                row(PALETTE.onTime, text.answeredOnTime, format.count(f.answeredOnTime)),
                row(PALETTE.late, text.answeredLate, format.count(f.answered - f.answeredOnTime)),
                row(PALETTE.share, text.onTimeShare, format.share(f.onTimeShare)),
              ]
            : measure === 'received'
              ? [row(PALETTE.received, text.received, format.count(f.received))]
              : measure === 'overdue'
                ? [row(PALETTE.overdue, text.overdue, format.count(f.overdueOpen))]
                : [row(PALETTE.repeats, text.repeats, format.count(f.repeats))];
        return [
          `<div style="font-weight:600;margin-bottom:4px;max-width:320px;white-space:normal">${escapeHtml(r.label)}</div>`,
          ...lines,
          r.scope ? `<div style="margin-top:4px;color:${PALETTE.muted}">${escapeHtml(text.hint)}</div>` : '',
        ].join('');
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: TEXT_STYLE, splitLine: { lineStyle: { color: PALETTE.grid } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => r.label),
      axisLabel: { ...TEXT_STYLE, color: PALETTE.text, interval: 0, width: 220, overflow: 'truncate' },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisTick: { show: false },
    },
    series,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The map: each settlement at its coordinates, sized by the items received, coloured by its on-time state.

export type MapPointInput = {
  id: string;
  /** Full name (tooltip) and short label (on the map). */
  name: string;
  label: string;
  lat: number;
  lon: number;
  received: number;
  onTimeShare: number | null;
  state: KpiTargetState | null;
  scope: KpiScope;
};

export type MapText = { received: string; onTimeShare: string; hint: string };

/** The symbol's diameter: its area grows with what was received; a settlement without items is a small dot. */
export function symbolSize(received: number, max: number): number {
  if (received <= 0 || max <= 0) return 6;
  return Math.round(10 + 38 * Math.sqrt(received / max));
}

/**
 * The bounds of the plot so that a degree of longitude is as long as it is on the ground at that latitude
 * (cos φ of a degree of latitude) and the plot fills `aspect` (width / height) with a margin around the points.
 */
export function mapBounds(points: readonly { lat: number; lon: number }[], aspect: number): { lonMin: number; lonMax: number; latMin: number; latMax: number } {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const latC = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lonC = (Math.min(...lons) + Math.max(...lons)) / 2;
  const k = Math.cos((latC * Math.PI) / 180);
  // In degrees of latitude (as on the ground).
  let w = Math.max((Math.max(...lons) - Math.min(...lons)) * k, 0.05) * 1.35;
  let h = Math.max(Math.max(...lats) - Math.min(...lats), 0.05) * 1.35;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  return { lonMin: lonC - w / k / 2, lonMax: lonC + w / k / 2, latMin: latC - h / 2, latMax: latC + h / 2 };
}

export function mapChartOption(
  points: readonly MapPointInput[],
  ctx: { from: string; to: string; aspect: number; text: MapText; format: ChartFormat },
): EChartsCoreOption {
  const { text, format } = ctx;
  const max = Math.max(0, ...points.map((p) => p.received));
  const bounds = points.length ? mapBounds(points, ctx.aspect) : { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1 };
  const axis = { type: 'value' as const, show: false, scale: true };
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 4, bottom: 4 },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = points[(params as { dataIndex: number }).dataIndex];
        if (!p) return '';
        return [
          `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(p.name)}</div>`,
          row(PALETTE.received, text.received, format.count(p.received)),
          row(p.state ? STATE_COLOURS[p.state] : PALETTE.none, text.onTimeShare, format.share(p.onTimeShare)),
          p.received ? `<div style="margin-top:4px;color:${PALETTE.muted}">${escapeHtml(text.hint)}</div>` : '',
        ].join('');
      },
    },
    xAxis: { ...axis, min: bounds.lonMin, max: bounds.lonMax },
    yAxis: { ...axis, min: bounds.latMin, max: bounds.latMax },
    series: [
      {
        id: 'settlements',
        type: 'scatter',
        cursor: 'pointer',
        data: points.map((p) => ({
          name: p.label,
          value: [p.lon, p.lat, p.received],
          symbolSize: symbolSize(p.received, max),
          itemStyle: { color: p.state ? STATE_COLOURS[p.state] : p.received ? PALETTE.primary : PALETTE.none, opacity: 0.8, borderColor: '#ffffff', borderWidth: 1 },
          drill: p.received ? { set: 'RECEIVED', from: ctx.from, to: ctx.to, scope: p.scope } : null,
        })),
        label: { show: true, position: 'right', formatter: '{b}', color: PALETTE.text, fontSize: 11 },
        labelLayout: { hideOverlap: true },
        emphasis: { scale: 1.15 },
      },
    ],
  };
}
