/**
 * Clicks a chart drawn by ECharts (SVG renderer) at a point of its drawing, as a person would: ECharts finds the
 * element under the pointer itself. happy-dom lays nothing out, so the point's offset within the chart, which a
 * browser computes, is given here; nothing of ECharts is replaced.
 */
export function clickChartAt(chart: Element, x: number, y: number): void {
  const surface = chart.querySelector('svg')?.parentElement;
  if (!surface) throw new Error('no chart drawn here');
  for (const type of ['mousemove', 'mousedown', 'mouseup', 'click']) {
    const event = new MouseEvent(type, { clientX: x, clientY: y, bubbles: true });
    Object.defineProperty(event, 'offsetX', { value: x });
    Object.defineProperty(event, 'offsetY', { value: y });
    surface.dispatchEvent(event);
  }
}

/** A bar as ECharts' SVG renderer draws it: `M x y l w 0 l 0 h l -w 0 Z` (a legend's swatch has rounded corners). */
const BAR = /^M-?[\d.]+ -?[\d.]+l-?[\d.]+ 0l0 -?[\d.]+l-?[\d.]+ 0Z$/;

/** The centre of each bar of one colour, in drawing order. */
export function barCentres(chart: Element, fill: string): { x: number; y: number }[] {
  return [...chart.querySelectorAll('path')]
    .filter((p) => p.getAttribute('fill') === fill && BAR.test(p.getAttribute('d') ?? ''))
    .map((p) => {
      const n = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      // M x y l w 0 l 0 h l -w 0 Z
      const [x = 0, y = 0, w = 0, , , h = 0] = n;
      return { x: x + w / 2, y: y + h / 2 };
    });
}
