import type { RouteLocationRaw } from 'vue-router';
import type { Channel, ItemKind, KpiDrillInput, KpiItemSet, KpiScopeInput } from '../../gql/graphql';
import { CHANNELS, ITEM_KINDS } from '../items/codes';
import { KPI_ITEM_SETS } from './figures';

/**
 * A KPI drill-down: exactly the items behind a figure (docs/kpi.md, "The items behind a figure"), as the inbox
 * takes it in its address: `/items?kpi=ANSWERED_LATE~2026-10-31T21:00:00.000Z~2026-11-30T21:00:00.000Z~department:<id>`
 * — the set, the period [from, to) as ISO instants, then the scope, one `key:value` each. `~` needs no escaping
 * in an address, so the link stays readable.
 */
export type KpiScope = {
  sectorCode?: string;
  departmentId?: string;
  settlementId?: string;
  categoryCode?: string;
  channel?: Channel;
  kind?: ItemKind;
  municipalityId?: string;
};

export type KpiDrill = { set: KpiItemSet; from: string; to: string; scope: KpiScope };

/** The short names of the scope in the address, in the order they are written. */
export const SCOPE_PARAMS = [
  ['sector', 'sectorCode'],
  ['department', 'departmentId'],
  ['settlement', 'settlementId'],
  ['category', 'categoryCode'],
  ['channel', 'channel'],
  ['kind', 'kind'],
  ['municipality', 'municipalityId'],
] as const satisfies readonly (readonly [string, keyof KpiScope])[];

const SEPARATOR = '~';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Ids, codes: nothing that could break the address format. */
const VALUE = /^[\w.-]{1,100}$/;

/** A scope without its empty entries. */
export function cleanScope(scope: KpiScope): KpiScope {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => typeof v === 'string' && v !== '')) as KpiScope;
}

export function encodeDrill(drill: KpiDrill): string {
  const scope = cleanScope(drill.scope);
  const parts = [drill.set, new Date(drill.from).toISOString(), new Date(drill.to).toISOString()];
  for (const [short, field] of SCOPE_PARAMS) if (scope[field]) parts.push(`${short}:${scope[field]}`);
  return parts.join(SEPARATOR);
}

/** The drill-down of an address, or null when anything in it is unknown or malformed (then it is ignored). */
export function decodeDrill(value: string | null | undefined): KpiDrill | null {
  if (!value) return null;
  const [set, from, to, ...rest] = value.split(SEPARATOR);
  if (!set || !(KPI_ITEM_SETS as readonly string[]).includes(set)) return null;
  if (!from || !to || !ISO.test(from) || !ISO.test(to)) return null;
  const fromMs = new Date(from).getTime();
  const toMs = new Date(to).getTime();
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) return null;
  const scope: KpiScope = {};
  for (const part of rest) {
    const at = part.indexOf(':');
    const short = part.slice(0, at);
    const v = part.slice(at + 1);
    const param = SCOPE_PARAMS.find(([s]) => s === short);
    if (at < 1 || !param || !VALUE.test(v) || scope[param[1]]) return null;
    if (param[1] === 'channel' && !(CHANNELS as readonly string[]).includes(v)) return null;
    if (param[1] === 'kind' && !(ITEM_KINDS as readonly string[]).includes(v)) return null;
    (scope as Record<string, string>)[param[1]] = v;
  }
  return { set: set as KpiItemSet, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), scope };
}

/** What the server is asked: `filter.kpi`. */
export function drillInput(drill: KpiDrill): KpiDrillInput {
  const scope = cleanScope(drill.scope);
  return { set: drill.set, from: drill.from, to: drill.to, ...(Object.keys(scope).length ? { scope: scope as KpiScopeInput } : {}) };
}

/** The inbox listing exactly the items of a drill-down. */
export function drillLocation(drill: KpiDrill): RouteLocationRaw {
  return { name: 'items', query: { kpi: encodeDrill(drill) } };
}
