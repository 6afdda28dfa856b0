import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The SQL of recurring problems (docs/problems.md): the normalised street of an item's address, the resident an
 * item comes from, the figures of a problem, and the proposals. Raw SQL does not pass the ORM's tenant filter:
 * every query here takes the municipality as an explicit condition (null only for a regional reader, who reads
 * every municipality). Personal data are only ever counted here, never returned.
 */

/** Named bindings for knex (`:name`), so that regular expressions may hold any character. */
export class Sql {
  readonly bindings: Record<string, unknown> = {};
  private n = 0;

  bind(value: unknown): string {
    const key = `b${this.n++}`;
    this.bindings[key] = value;
    return `:${key}`;
  }

  list(values: readonly unknown[]): string {
    return values.length ? values.map((v) => this.bind(v)).join(', ') : 'null';
  }

  /** Embeds a knex query (`?` placeholders) as a subquery with its bindings. */
  embed(query: { sql: string; bindings: readonly unknown[] }): string {
    let i = 0;
    return query.sql.replace(/\?/g, () => this.bind(query.bindings[i++]));
  }

  async rows<T>(em: EntityManager, sql: string): Promise<T[]> {
    return ((await em.getKnex().raw(sql, this.bindings as never)) as { rows: T[] }).rows;
  }
}

/** lower() that also works under the C locale: Cyrillic capitals and ё are folded by hand. */
export const lowerRu = (x: string) =>
  `translate(lower(${x}), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдееежзийклмнопрстуфхцчшщъыьэюяе')`;

// ---------------------------------------------------------------------------------------------------------------
// The street of an address

/** Street-type markers and their canonical short form: "улица Ленина" and "ул. Ленина" are one street. */
export const STREET_MARKERS: Record<string, string> = {
  ул: 'ул',
  улица: 'ул',
  пер: 'пер',
  переулок: 'пер',
  'пр-кт': 'пр-т',
  'пр-т': 'пр-т',
  просп: 'пр-т',
  проспект: 'пр-т',
  пл: 'пл',
  площадь: 'пл',
  мкр: 'мкр',
  микрорайон: 'мкр',
  'б-р': 'б-р',
  бульвар: 'б-р',
  проезд: 'проезд',
  ш: 'ш',
  шоссе: 'ш',
  туп: 'туп',
  тупик: 'туп',
  наб: 'наб',
  набережная: 'наб',
};

/** A marker (after the start, a space or a comma, before a dot or a space) and the rest: groups 2 and 4. */
const STREET = String.raw`(^|[\s,])(${Object.keys(STREET_MARKERS).join('|')})([.\s]+)(.+)$`;
/** The house, building, flat… part of the rest, with everything after it. */
const HOUSE = String.raw`[\s,]+(д|дом|зд|здание|корп|корпус|к|стр|строение|кв|квартира|оф|офис|уч|участок|влд|владение)[.\s]*№*\s*\d.*$`;
/** A bare house number at the end ("Ленина 5", "Ленина, 12а", "Ленина 12/1"). */
const NUMBER = String.raw`[\s,]+№*\s*\d+\s*[а-я]{0,1}(\s*/\s*\d+\s*[а-я]{0,1}){0,1}$`;

/**
 * The street of an address as a key: lower-case, the street-type marker in its short form, the name without
 * house numbers, e.g. "г. Суровикино, улица Ленина, д. 5, кв. 2" → "ул ленина". Null when the address names no
 * street-type marker (such an item is clustered by settlement only). `address` is a SQL expression.
 */
export function streetKeySql(address: string): string {
  const text = String.raw`regexp_replace(${lowerRu(`coalesce(${address}, '')`)}, '\s+', ' ', 'g')`;
  const m = `regexp_match(${text}, '${STREET}')`;
  const marker = `case (${m})[2] ${Object.entries(STREET_MARKERS)
    .map(([k, v]) => `when '${k}' then '${v}'`)
    .join(' ')} end`;
  let rest = `(${m})[4]`;
  rest = `regexp_replace(${rest}, '${HOUSE}', '')`;
  rest = `regexp_replace(${rest}, '${NUMBER}', '')`;
  rest = String.raw`btrim(regexp_replace(regexp_replace(${rest}, '[.,;"«»()]+', ' ', 'g'), '\s+', ' ', 'g'))`;
  return `(${marker} || ' ' || nullif(${rest}, ''))`;
}

/** "ул ленина" → "ул. Ленина" (for titles). */
export function prettyStreet(key: string): string {
  const [marker, ...rest] = key.split(' ');
  const name = rest.join(' ');
  return `${marker}. ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Residents

/**
 * The resident an item comes from, as a key to count distinct residents: the phone (its last ten digits), else
 * the e-mail, else the name (lower-case, spaces collapsed); an item with none of them counts as a resident of its
 * own. `x` is an alias of `item`.
 */
export function residentSql(x: string): string {
  return String.raw`coalesce(
    'p:' || nullif(right(regexp_replace(coalesce(${x}.applicant_phone, ''), '\D', '', 'g'), 10), ''),
    'e:' || nullif(lower(btrim(${x}.applicant_email)), ''),
    'n:' || nullif(regexp_replace(btrim(${lowerRu(`${x}.applicant_name`)}), '\s+', ' ', 'g'), ''),
    'i:' || ${x}.id::text)`;
}

/** Items that wait for an answer: not answered, closed, redirected or merged. */
export const AWAITING_ANSWER = `not in ('ANSWERED', 'CLOSED', 'REDIRECTED', 'MERGED')`;

/** The figures of problem `p` over all its linked items (a lateral subquery aliased `s`). */
export const STATS_LATERAL = `left join lateral (
    select count(*)::int as items,
           (count(*) filter (where x.status ${AWAITING_ANSWER}))::int as open_items,
           count(distinct ${residentSql('x')})::int as residents
    from problem_item l join item x on x.id = l.item_id
    where l.problem_id = p.id) s on true`;

export type ProblemStats = { items: number; openItems: number; residents: number };

/** The figures of several problems at once. */
export async function statsOf(em: EntityManager, problemIds: readonly string[]): Promise<Map<string, ProblemStats>> {
  const q = new Sql();
  const rows = await q.rows<{ id: string; items: number; open_items: number; residents: number }>(
    em,
    `select p.id, coalesce(s.items, 0) as items, coalesce(s.open_items, 0) as open_items, coalesce(s.residents, 0) as residents
     from problem p ${STATS_LATERAL}
     where p.id in (${q.list(problemIds)})`,
  );
  return new Map(rows.map((r) => [r.id, { items: r.items, openItems: r.open_items, residents: r.residents }]));
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals

export type ProposalRow = {
  municipality_id: string;
  category_id: string;
  settlement_id: string | null;
  street: string | null;
  item_count: number;
  resident_count: number;
  first_received_at: Date;
  last_received_at: Date;
  item_ids: string[];
};

export type ProposalQuery = {
  /** null: every municipality (a regional reader) */
  municipalityId: string | null;
  since: Date;
  now: Date;
  minItems: number;
  /** the items the viewer reaches, as a knex subquery selecting ids; null: all */
  reach: { sql: string; bindings: readonly unknown[] } | null;
  /** one category and settlement only (the clusters there are the same as in the whole) */
  only: { categoryId: string; settlementId: string | null } | null;
  limit: number;
};

/**
 * Clusters of recent items that recur (docs/problems.md, "Proposals"). Candidates: items received in the window,
 * with a category, not merged or redirected, never linked to a problem, that the viewer reaches. A cluster is the
 * items of one category on one street of one settlement, when at least `minItems` of them are there; the items of
 * the category and settlement left over (no street, or a street with fewer) form one more cluster when there are
 * enough of them. Each item is in at most one cluster. Ranked by distinct residents, then items, then the latest.
 */
export async function proposalRows(em: EntityManager, p: ProposalQuery): Promise<ProposalRow[]> {
  const q = new Sql();
  const min = q.bind(p.minItems);
  const sql = `
    with cand as (
      select i.id, i.municipality_id, i.category_id, i.settlement_id, i.received_at,
             ${streetKeySql('i.address')} as street,
             ${residentSql('i')} as resident
      from item i
      where ${p.municipalityId ? `i.municipality_id = ${q.bind(p.municipalityId)}` : 'true'}
        and i.category_id is not null
        and i.status not in ('MERGED', 'REDIRECTED')
        and i.received_at >= ${q.bind(p.since)} and i.received_at <= ${q.bind(p.now)}
        and not exists (select 1 from problem_item l where l.item_id = i.id)
        ${p.reach ? `and i.id in (${q.embed(p.reach)})` : ''}
        ${p.only ? `and i.category_id = ${q.bind(p.only.categoryId)} and ${p.only.settlementId ? `i.settlement_id = ${q.bind(p.only.settlementId)}` : 'i.settlement_id is null'}` : ''}
    ),
    streets as (
      select category_id, settlement_id, street from cand where street is not null
      group by category_id, settlement_id, street having count(*) >= ${min}
    ),
    placed as (
      select c.*, (s.street is not null) as on_street
      from cand c
      left join streets s on s.category_id = c.category_id and s.settlement_id is not distinct from c.settlement_id and s.street = c.street
    )
    select municipality_id, category_id, settlement_id, case when on_street then street end as street,
           count(*)::int as item_count, count(distinct resident)::int as resident_count,
           min(received_at) as first_received_at, max(received_at) as last_received_at,
           array_agg(id order by received_at, id) as item_ids
    from placed
    where on_street or settlement_id is not null
    group by municipality_id, category_id, settlement_id, case when on_street then street end
    having count(*) >= ${min}
    order by resident_count desc, item_count desc, last_received_at desc, category_id, settlement_id, street
    limit ${q.bind(p.limit)}`;
  return q.rows<ProposalRow>(em, sql);
}
