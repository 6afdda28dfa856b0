import type { ClassifyOptionsQuery } from '../../gql/graphql';
import { localName } from '../../shared/localized';

/** A share (0–1) as a whole percentage in the interface language: «87 %», "87%". */
export function percent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

type Sector = ClassifyOptionsQuery['sectors'][number];
export type RubricCategory = Sector['categories'][number];

/**
 * The machine speaks in the rubricator's codes; a person reads names. `category(code)` and `sector(code)` name them
 * in the interface language, or give the code itself while the rubricator is not loaded (or no longer has it).
 */
export function rubricator(sectors: readonly Sector[] | undefined, locale: string) {
  const categories = new Map<string, RubricCategory>();
  const sectorNames = new Map<string, string>();
  for (const s of sectors ?? []) {
    sectorNames.set(s.code, localName(s, locale));
    for (const c of s.categories) categories.set(c.code, c);
  }
  return {
    categoryOf: (code: string | null | undefined) => (code ? (categories.get(code) ?? null) : null),
    category: (code: string) => {
      const c = categories.get(code);
      return c ? localName(c, locale) : code;
    },
    sector: (code: string) => sectorNames.get(code) ?? code,
  };
}
