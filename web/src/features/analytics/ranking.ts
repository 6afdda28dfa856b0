import type { AnalyticsOptionsQuery, Channel, KpiDimension, KpiRankingQuery } from '../../gql/graphql';
import { localName } from '../../shared/localized';
import { CHANNELS } from '../items/codes';
import type { RankingRowInput } from './charts/options';
import type { KpiScope } from './drill';

/** The key of a ranking row without a unit (not assigned, no category): it cannot be opened as a scope. */
export const NO_KEY = '-';

/**
 * The rows of `kpiRanking` as the charts take them: a short name in the interface language, and the row's scope
 * (the page's scope narrowed to the row) for the drill-down. The ranking keys sectors and categories by id, the
 * scope by code: the codes come from the options. A row whose unit cannot be named as a scope has none.
 */
export function rankingRows(
  rows: KpiRankingQuery['kpiRanking'],
  by: KpiDimension,
  base: KpiScope,
  options: AnalyticsOptionsQuery | null | undefined,
  names: { locale: string; none: string; channel: (c: Channel) => string },
): RankingRowInput[] {
  const sectors = options?.sectors ?? [];
  const categories = sectors.flatMap((s) => s.categories);
  return rows.map((r) => {
    let scope: KpiScope | null = null;
    let label = r.name;
    if (r.key === NO_KEY) {
      label = names.none;
    } else if (by === 'DEPARTMENT') {
      const d = options?.departments.find((x) => x.id === r.key);
      label = d ? d.shortName || d.name : r.name;
      scope = { ...base, departmentId: r.key };
    } else if (by === 'SECTOR') {
      const s = sectors.find((x) => x.id === r.key);
      if (s) {
        label = localName(s, names.locale);
        scope = { ...base, sectorCode: s.code };
      }
    } else if (by === 'CATEGORY') {
      const c = categories.find((x) => x.id === r.key);
      if (c) {
        label = localName(c, names.locale);
        scope = { ...base, categoryCode: c.code };
      }
    } else if (by === 'SETTLEMENT') {
      scope = { ...base, settlementId: r.key };
    } else if ((CHANNELS as readonly string[]).includes(r.key)) {
      label = names.channel(r.key as Channel);
      scope = { ...base, channel: r.key as Channel };
    }
    return { key: r.key, label, scope, figures: r.figures };
  });
}
