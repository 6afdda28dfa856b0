import { describe, expect, it } from 'vitest';
import type { KpiDrill } from '../drill';
import {
  PALETTE,
  bucketLabel,
  drillOfClick,
  mapBounds,
  mapChartOption,
  rankedRows,
  rankingChartOption,
  seriesChartOption,
  symbolSize,
  type ChartFormat,
  type MapPointInput,
  type RankingRowInput,
} from './options';

/* The options are plain objects: what ECharts will draw, checked without drawing. */
type Series = { id: string; type: string; stack?: string; data: { value: unknown; drill: KpiDrill | null; symbolSize?: number; itemStyle?: { color: string } }[]; label?: { formatter: (p: unknown) => string } };
type Option = { series: Series[]; xAxis: Record<string, unknown>; yAxis: Record<string, unknown> | Record<string, unknown>[]; tooltip: { formatter: (p: unknown) => string } };
const asOption = (o: unknown) => o as Option;

const format: ChartFormat = { count: (n) => String(n), share: (x) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`) };
const FROM = '2026-10-31T21:00:00.000Z';
const TO = '2026-11-27T09:01:00.000Z';

describe('seriesChartOption', () => {
  const points = [
    { from: '2026-10-31T21:00:00.000Z', to: '2026-11-01T21:00:00.000Z', figures: { received: 5, answered: 4, answeredOnTime: 3, onTimeShare: 0.75 } },
    { from: '2026-11-01T21:00:00.000Z', to: '2026-11-02T21:00:00.000Z', figures: { received: 2, answered: 0, answeredOnTime: 0, onTimeShare: null } },
  ];
  const option = asOption(
    seriesChartOption(points, {
      labels: ['01.11', '02.11'],
      scope: { sectorCode: 'ZHKH' },
      format,
      text: { received: 'Поступило', answeredOnTime: 'В срок', answeredLate: 'С опозданием', onTimeShare: 'Доля', hint: 'Нажмите' },
    }),
  );

  it('draws received, answers on time and late stacked, and the on-time share in per cent on its own axis', () => {
    expect(option.series.map((s) => [s.id, s.type, s.stack ?? null])).toEqual([
      ['received', 'bar', null],
      ['onTime', 'bar', 'answered'],
      ['late', 'bar', 'answered'],
      ['onTimeShare', 'line', null],
    ]);
    expect(option.series.map((s) => s.data.map((d) => d.value))).toEqual([
      [5, 2],
      [3, 0],
      [1, 0],
      [75, null],
    ]);
    expect(option.xAxis.data).toEqual(['01.11', '02.11']);
  });

  it('opens each bar and point as exactly its items: its set, its bucket, the page scope', () => {
    const [received, onTime, late, share] = option.series;
    expect(received!.data[1]!.drill).toEqual({ set: 'RECEIVED', from: points[1]!.from, to: points[1]!.to, scope: { sectorCode: 'ZHKH' } });
    expect(onTime!.data[0]!.drill?.set).toBe('ANSWERED_ON_TIME');
    expect(late!.data[0]!.drill?.set).toBe('ANSWERED_LATE');
    expect(share!.data[0]!.drill?.set).toBe('ANSWERED');
    // Nothing answered: no share, nothing to open.
    expect(share!.data[1]!.drill).toBeNull();
  });

  it('explains a bucket in its tooltip', () => {
    const html = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('01.11');
    expect(html).toContain('С опозданием');
    expect(html).toContain('75%');
  });
});

describe('bucketLabel', () => {
  it('names days and weeks by their first day and months by name, in the municipality', () => {
    expect(bucketLabel('2026-10-31T21:00:00.000Z', 'DAY', 'ru', 'Europe/Volgograd')).toBe('01.11');
    expect(bucketLabel('2026-10-31T21:00:00.000Z', 'MONTH', 'en', 'Europe/Volgograd')).toBe('Nov 2026');
    expect(bucketLabel('2026-10-31T21:00:00.000Z', 'MONTH', 'ru', 'Europe/Volgograd')).toMatch(/^нояб\.? 2026/);
  });
});

describe('ranking', () => {
  const row = (key: string, label: string, f: Partial<RankingRowInput['figures']>, scope: RankingRowInput['scope'] = { departmentId: key }): RankingRowInput => ({
    key,
    label,
    scope,
    figures: { received: 0, answered: 0, answeredOnTime: 0, onTimeShare: null, overdueOpen: 0, repeats: 0, ...f },
  });
  const rows = [
    row('d-roads', 'Дороги', { received: 10, answered: 8, answeredOnTime: 4, onTimeShare: 0.5, overdueOpen: 3 }),
    row('d-housing', 'ЖКХ', { received: 30, answered: 20, answeredOnTime: 18, onTimeShare: 0.9 }),
    row('-', 'Не назначено', { received: 12, overdueOpen: 5 }, null),
    row('d-culture', 'Культура', { received: 0 }),
  ];

  it('ranks the rows that have something of the measure, most first', () => {
    expect(rankedRows(rows, 'onTime').map((r) => r.key)).toEqual(['d-housing', 'd-roads']);
    expect(rankedRows(rows, 'received').map((r) => r.key)).toEqual(['d-housing', '-', 'd-roads']);
    expect(rankedRows(rows, 'overdue').map((r) => r.key)).toEqual(['-', 'd-roads']);
    expect(rankedRows(rows, 'received', 2).map((r) => r.key)).toEqual(['d-housing', '-']);
  });

  it('stacks answers on time and late per row, labelled with the on-time share, each opening its items', () => {
    const shown = rankedRows(rows, 'onTime');
    const option = asOption(
      rankingChartOption(shown, 'onTime', {
        from: FROM,
        to: TO,
        format,
        text: { answeredOnTime: 'В срок', answeredLate: 'С опозданием', received: 'Поступило', overdue: 'Просрочено', repeats: 'Повторные', onTimeShare: 'Доля', hint: 'Нажмите' },
      }),
    );
    expect((option.yAxis as Record<string, unknown>).data).toEqual(['ЖКХ', 'Дороги']);
    // The first row at the top.
    expect((option.yAxis as Record<string, unknown>).inverse).toBe(true);
    const [onTime, late] = option.series;
    expect(onTime!.data.map((d) => d.value)).toEqual([18, 4]);
    expect(late!.data.map((d) => d.value)).toEqual([2, 4]);
    expect(late!.data[1]!.drill).toEqual({ set: 'ANSWERED_LATE', from: FROM, to: TO, scope: { departmentId: 'd-roads' } });
    expect(onTime!.data[0]!.drill).toEqual({ set: 'ANSWERED_ON_TIME', from: FROM, to: TO, scope: { departmentId: 'd-housing' } });
    expect(late!.label!.formatter({ dataIndex: 1 })).toBe('50%');
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('90%');
  });

  it('leaves a row without a unit unopenable', () => {
    const option = asOption(
      rankingChartOption(rankedRows(rows, 'overdue'), 'overdue', {
        from: FROM,
        to: TO,
        format,
        text: { answeredOnTime: '', answeredLate: '', received: '', overdue: 'Просрочено', repeats: '', onTimeShare: '', hint: 'Нажмите' },
      }),
    );
    const [overdue] = option.series;
    expect(overdue!.data.map((d) => [d.value, d.drill?.set ?? null])).toEqual([
      [5, null],
      [3, 'OVERDUE_OPEN'],
    ]);
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).not.toContain('Нажмите');
  });

  it('escapes names in tooltips', () => {
    const option = asOption(
      rankingChartOption([row('x', '<b>Отдел</b>', { received: 1 })], 'received', {
        from: FROM,
        to: TO,
        format,
        text: { answeredOnTime: '', answeredLate: '', received: 'Поступило', overdue: '', repeats: '', onTimeShare: '', hint: '' },
      }),
    );
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('&lt;b&gt;Отдел&lt;/b&gt;');
  });
});

describe('map', () => {
  const point = (id: string, lat: number, lon: number, received: number, state: MapPointInput['state'] = null): MapPointInput => ({
    id,
    name: `Поселение ${id}`,
    label: id,
    lat,
    lon,
    received,
    onTimeShare: received ? 0.8 : null,
    state,
    scope: { settlementId: id },
  });
  const points = [point('town', 48.62, 42.85, 100, 'ON_TRACK'), point('chir', 48.36, 43.09, 25, 'FAILING'), point('lis', 48.75, 43.2, 0)];

  it('places each settlement at its longitude and latitude, sized by what was received and coloured by its state', () => {
    const option = asOption(mapChartOption(points, { from: FROM, to: TO, aspect: 4 / 3, format, text: { received: 'Поступило', onTimeShare: 'Доля', hint: 'Нажмите' } }));
    const data = option.series[0]!.data;
    expect(data.map((d) => d.value)).toEqual([
      [42.85, 48.62, 100],
      [43.09, 48.36, 25],
      [43.2, 48.75, 0],
    ]);
    expect(data.map((d) => d.symbolSize)).toEqual([48, 29, 6]);
    expect(data.map((d) => d.itemStyle?.color)).toEqual([PALETTE.onTime, PALETTE.late, PALETTE.none]);
    expect(data[1]!.drill).toEqual({ set: 'RECEIVED', from: FROM, to: TO, scope: { settlementId: 'chir' } });
    // Nothing received there: nothing to open.
    expect(data[2]!.drill).toBeNull();
    // No axes are drawn and no tiles are fetched: a plain plot.
    expect(option.xAxis.show).toBe(false);
    expect(option.yAxis).toMatchObject({ show: false });
  });

  it('keeps the distances true: a degree of longitude is cos(latitude) of a degree of latitude, and the plot fills its box', () => {
    const b = mapBounds(points, 4 / 3);
    const k = Math.cos((((48.36 + 48.75) / 2) * Math.PI) / 180);
    expect(((b.lonMax - b.lonMin) * k) / (b.latMax - b.latMin)).toBeCloseTo(4 / 3, 6);
    for (const p of points) {
      expect(p.lon).toBeGreaterThan(b.lonMin);
      expect(p.lon).toBeLessThan(b.lonMax);
      expect(p.lat).toBeGreaterThan(b.latMin);
      expect(p.lat).toBeLessThan(b.latMax);
    }
    expect(symbolSize(0, 100)).toBe(6);
    expect(symbolSize(100, 100)).toBe(48);
  });
});

describe('drillOfClick', () => {
  it('takes the drill-down of the clicked data item, if it has one', () => {
    const drill: KpiDrill = { set: 'RECEIVED', from: FROM, to: TO, scope: {} };
    expect(drillOfClick({ data: { value: 3, drill } })).toBe(drill);
    expect(drillOfClick({ data: { value: 3, drill: null } })).toBeNull();
    expect(drillOfClick({ data: 3 })).toBeNull();
    expect(drillOfClick(null)).toBeNull();
  });
});
