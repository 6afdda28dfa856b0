import { coerceInputValue, isInputObjectType, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { validate, type ValidationError } from 'class-validator';
import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { ItemFilter, ItemSort } from '../items/item.inputs.js';

/** What an export of items is asked for: the inbox's filter and sort, and whether to add the applicant. */
export type ItemExportOptions = {
  filter: ItemFilter | undefined;
  sort: ItemSort;
  personalData: boolean;
  /** CSV only: `;` (the default, what Excel expects in a Russian locale) or `,`. */
  delimiter: ';' | ',';
};

/** A register's order, oldest first; the inbox passes its own sort. */
export const DEFAULT_SORT = ItemSort.RECEIVED_ASC;

const KNOWN = new Set(['filter', 'sort', 'personalData', 'delimiter']);
const DELIMITERS = new Map<string, ';' | ','>([['semicolon', ';'], [';', ';'], ['comma', ','], [',', ',']]);

/** One entry per field, with all its problems (GraphQL reports each missing field of an object at the object). */
function merged(problems: FieldProblem[]): FieldProblem[] {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), ...p.problems]);
  return [...byField].map(([field, list]) => ({ field, problems: list }));
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = `${prefix}.${e.property}`;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints), codes: Object.keys(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The filter exactly as the GraphQL argument `items(filter:)` takes it: coerced by the schema's own `ItemFilter`
 * input type (unknown fields, enum values, dates, nested `kpi`), then checked by the same class-validator rules
 * that type-graphql runs. Problems are named like GraphQL's (`filter.kinds[0]`, `filter.search`).
 */
export function itemFilterReader(schema: GraphQLSchema): (json: string) => Promise<ItemFilter> {
  const type = schema.getType('ItemFilter');
  if (!isInputObjectType(type)) throw new Error('the schema has no input type ItemFilter');
  const filterType: GraphQLInputObjectType = type;
  return async (json) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw badInput([{ field: 'filter', problems: ['not JSON'] }]);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badInput([{ field: 'filter', problems: ['must be a JSON object (the GraphQL input ItemFilter)'] }]);
    }
    const problems: FieldProblem[] = [];
    const coerced = coerceInputValue(value, filterType, (path, _invalid, error) => {
      const field = ['filter', ...path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
      problems.push({ field, problems: [error.message] });
    }) as Record<string, unknown> | undefined;
    if (problems.length || !coerced) throw badInput(problems.length ? merged(problems) : [{ field: 'filter', problems: ['invalid'] }]);
    const filter = Object.assign(new ItemFilter(), coerced);
    const invalid = await validate(filter, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    if (invalid.length) throw badInput(flatten(invalid, 'filter'));
    return filter;
  };
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badInput([{ field: name, problems: ['give it once'] }]);
  return v;
}

/** Reads and checks the query string of `GET /exports/items.{csv,xlsx}`. */
export async function readExportQuery(
  query: Record<string, unknown>,
  readFilter: (json: string) => Promise<ItemFilter>,
): Promise<ItemExportOptions> {
  const unknown = Object.keys(query).filter((k) => !KNOWN.has(k));
  if (unknown.length) {
    throw badInput(unknown.map((field) => ({ field, problems: [`unknown parameter; known: ${[...KNOWN].join(', ')}`] })));
  }
  const filterJson = single(query, 'filter');
  const filter = filterJson === undefined || filterJson === '' ? undefined : await readFilter(filterJson);

  const sortText = single(query, 'sort') ?? DEFAULT_SORT;
  if (!(Object.values(ItemSort) as string[]).includes(sortText)) {
    throw badInput([{ field: 'sort', problems: [`one of ${Object.values(ItemSort).join(', ')}`] }]);
  }

  const pd = single(query, 'personalData') ?? '0';
  if (!['0', '1', 'true', 'false'].includes(pd)) throw badInput([{ field: 'personalData', problems: ['1 or 0'] }]);

  const delimiterText = single(query, 'delimiter') ?? 'semicolon';
  const delimiter = DELIMITERS.get(delimiterText);
  if (!delimiter) throw badInput([{ field: 'delimiter', problems: ['semicolon or comma'] }]);

  return { filter, sort: sortText as ItemSort, personalData: pd === '1' || pd === 'true', delimiter };
}
