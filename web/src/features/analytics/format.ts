import type { FigureUnit } from './figures';

const intl = (locale: string) => (locale === 'en' ? 'en-GB' : 'ru-RU');

/**
 * A figure's number in the interface language, without its unit word: counts as integers, shares in per cent
 * (one decimal at most), averages and rates with one decimal. A missing value (nothing answered, nothing rated,
 * no population) is "—".
 */
export function formatFigure(value: number | null | undefined, unit: FigureUnit, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'count':
      return new Intl.NumberFormat(intl(locale), { maximumFractionDigits: 0 }).format(value);
    case 'share':
      return new Intl.NumberFormat(intl(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(intl(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }
}

/** A share 0..1 as a number of per cent for a form field (0.9 → "90"; 0.875 → "87.5"). */
export function shareToPercentInput(value: number): string {
  return String(Number((value * 100).toPrecision(12)));
}

/** What a person typed in a per-cent field, as a share (90 → 0.9, "87,5" → 0.875); null when not a number. */
export function percentInputToShare(input: string): number | null {
  const n = parseDecimal(input);
  return n === null ? null : Number((n / 100).toPrecision(12));
}

/** A decimal number typed with a comma or a point; null when it is not one. */
export function parseDecimal(input: string): number | null {
  const s = input.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
