import { describe, expect, it } from 'vitest';
import { formatFigure, parseDecimal, percentInputToShare, shareToPercentInput } from './format';

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('formatFigure', () => {
  it('writes counts, shares, averages and rates in the interface language', () => {
    expect(plain(formatFigure(12345, 'count', 'ru'))).toBe('12 345');
    expect(formatFigure(12345, 'count', 'en')).toBe('12,345');
    expect(plain(formatFigure(0.875, 'share', 'ru'))).toBe('87,5 %');
    expect(formatFigure(0.875, 'share', 'en')).toBe('87.5%');
    expect(plain(formatFigure(0.9, 'share', 'ru'))).toBe('90 %');
    expect(formatFigure(6.44, 'days', 'ru')).toBe('6,4');
    expect(formatFigure(5, 'hours', 'en')).toBe('5.0');
    expect(formatFigure(3.694, 'rate', 'ru')).toBe('3,7');
  });

  it('shows a missing value as a dash', () => {
    for (const unit of ['count', 'share', 'days', 'hours', 'rate'] as const) {
      expect(formatFigure(null, unit, 'ru')).toBe('—');
      expect(formatFigure(undefined, unit, 'en')).toBe('—');
    }
    expect(formatFigure(Number.NaN, 'share', 'ru')).toBe('—');
  });
});

describe('per cent fields', () => {
  it('turns typed per cent into a share and back, with a comma or a point', () => {
    expect(percentInputToShare('90')).toBe(0.9);
    expect(percentInputToShare('87,5')).toBe(0.875);
    expect(percentInputToShare(' 7.3 ')).toBe(0.073);
    expect(percentInputToShare('девяносто')).toBeNull();
    expect(percentInputToShare('')).toBeNull();
    expect(shareToPercentInput(0.875)).toBe('87.5');
    expect(shareToPercentInput(0.07)).toBe('7');
    expect(parseDecimal('1e3')).toBeNull();
  });
});
