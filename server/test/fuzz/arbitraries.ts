import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import {
  FLOAT_EXTREMES,
  INT_EXTREMES,
  ODD_DATES,
  ODD_IDS,
  ODD_INSTANTS,
  floatJunk,
  instantJunk,
  intJunk,
  isoDate,
  isoInstant,
  junkValue,
  oddString,
  phrase,
} from './values.js';

/**
 * Arbitraries for the arguments of any mutation, derived from its GraphQL types (test/fuzz.test.ts). Rows that a
 * value names (an item, the item's current version, a proposal, the actor's password) are drawn as placeholders and
 * named only when the request is made (test/fuzz/world.ts), because the rows change as the fuzzer runs.
 *
 * A type or an ID the fuzzer does not know throws `Unfuzzable`, so a new mutation fails the test until it is taught
 * here, instead of being skipped.
 */

export class Unfuzzable extends Error {}

/** The tables an ID names. */
export const ENTITIES = [
  'item',
  'problem',
  'department',
  'category',
  'sector',
  'user',
  'apiToken',
  'measure',
  'answerTemplate',
  'notification',
  'settlement',
  'attachment',
  'webhook',
  'webhookDelivery',
  'importFile',
  'importMapping',
] as const;
export type Entity = (typeof ENTITIES)[number];

/** A row to name when the request is made: of the actor's municipality (`aimed`: one the operation can act on), or of the other. */
export type PickRef = { $pick: Entity; from: 'mine' | 'other'; aimed: boolean; n: number };
/** The version of the row named by the operation's `id`, as it is when the request is made. */
export type VersionRef = { $version: 'current' | 'stale' | 'ahead' };
/** A key of problemProposals as they are then. */
export type ProposalRef = { $proposal: number };
/** The current password of a person (`self`: the actor). */
export type PasswordRef = { $password: string };
/** An argument or input field left out of the request. */
export const OMIT = Symbol('omit');

/** ID arguments and input fields by name. `id`/`ids` name the mutation's own entity (see `entityOfId`). */
const ID_NAMES: Record<string, Entity> = {
  departmentId: 'department',
  settlementId: 'settlement',
  settlementIds: 'settlement',
  executorId: 'user',
  ownerId: 'user',
  attachmentIds: 'attachment',
  itemIds: 'item',
  parentId: 'item',
  problemId: 'problem',
  sourceId: 'problem',
  targetId: 'problem',
  webhookId: 'webhook',
  fileId: 'importFile',
};
/** GraphQL types of the entities. */
const TYPE_ENTITIES: Record<string, Entity> = {
  Item: 'item',
  Problem: 'problem',
  Department: 'department',
  Category: 'category',
  Sector: 'sector',
  User: 'user',
  ApiToken: 'apiToken',
  ProblemMeasure: 'measure',
  AnswerTemplate: 'answerTemplate',
  Notification: 'notification',
  Settlement: 'settlement',
  Attachment: 'attachment',
  Webhook: 'webhook',
  WebhookDelivery: 'webhookDelivery',
  ImportMapping: 'importMapping',
};

function entityOfId(mutation: GraphQLField<unknown, unknown>, name: string): Entity {
  const byName = ID_NAMES[name];
  if (byName) return byName;
  if (name === 'id' || name === 'ids') {
    const returned = TYPE_ENTITIES[getNamedType(mutation.type).name];
    if (returned) return returned;
    // A mutation that returns no entity names it: setUserPassword, solveProblem, markNotificationsRead.
    const named = Object.keys(TYPE_ENTITIES)
      .filter((t) => mutation.name.includes(t))
      .sort((a, b) => b.length - a.length)[0];
    if (named) return TYPE_ENTITIES[named]!;
  }
  throw new Unfuzzable(`${mutation.name}: which rows may the ID "${name}" name? Teach test/fuzz/arbitraries.ts (ID_NAMES)`);
}

/** How a run mixes its values: mostly what a client would send, with odd values of the right type, or with junk. */
type Mode = 'valid' | 'odd' | 'junk';
const W: Record<Mode, { valid: number; odd: number; junk: number; nullOnNonNull: number }> = {
  valid: { valid: 40, odd: 1, junk: 0, nullOnNonNull: 0 },
  odd: { valid: 3, odd: 2, junk: 0, nullOnNonNull: 0 },
  junk: { valid: 10, odd: 2, junk: 1, nullOnNonNull: 1 },
};

/** What the arbitraries need to know of the world: the instant the server's clock starts at, and the codes in use. */
export type Env = { now: Date; categoryCodes: string[]; sectorCodes: string[]; usernames: string[] };

type Site = { mutation: GraphQLField<unknown, unknown>; name: string; parent: string; mode: Mode; hasDefault: boolean };

function leaf(mode: Mode, valid: fc.Arbitrary<unknown>, odd: fc.Arbitrary<unknown>, junk: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const w = W[mode];
  return fc.oneof(
    { weight: w.valid, arbitrary: valid },
    { weight: w.odd, arbitrary: odd },
    ...(w.junk ? [{ weight: w.junk, arbitrary: junk }] : []),
  );
}

/**
 * Valid-looking values of String fields whose meaning the name gives away (the rest get text), and for dates the odd
 * values that belong to them.
 */
function stringHint(site: Site, env: Env): { valid: fc.Arbitrary<unknown>; odd?: fc.Arbitrary<unknown> } | undefined {
  const day = (days: number) => isoDate(env.now, days);
  const monday = fc.integer({ min: -60, max: 1 }).map((w) => {
    const d = new Date(env.now.getTime() + w * 7 * 86_400_000);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  });
  const firstOfMonth = fc.integer({ min: -14, max: 1 }).map((m) => {
    const d = new Date(Date.UTC(env.now.getUTCFullYear(), env.now.getUTCMonth() + m, 1));
    return d.toISOString().slice(0, 10);
  });
  const dates = (valid: fc.Arbitrary<string>) => ({ valid, odd: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) }, { weight: 1, arbitrary: oddString() }) });
  const password = fc.string({ unit: 'grapheme', minLength: 8, maxLength: 30 });
  const valid = (a: fc.Arbitrary<unknown>) => ({ valid: a });
  const hints: Record<string, () => { valid: fc.Arbitrary<unknown>; odd?: fc.Arbitrary<unknown> }> = {
    'signIn.username': () => valid(fc.oneof(fc.constantFrom(...env.usernames), fc.stringMatching(/^[a-z][a-z0-9_.-]{1,20}$/))),
    'signIn.password': () => valid(fc.oneof({ weight: 3, arbitrary: fc.constant<PasswordRef>({ $password: 'fuzz.victim' }) }, { weight: 1, arbitrary: password })),
    username: () => valid(fc.stringMatching(/^[a-z][a-z0-9_.-]{1,20}$/)),
    password: () => valid(password),
    newPassword: () => valid(password),
    currentPassword: () => valid(fc.oneof({ weight: 4, arbitrary: fc.constant<PasswordRef>({ $password: 'self' }) }, { weight: 1, arbitrary: password })),
    email: () => valid(fc.oneof({ weight: 4, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: fc.constant('') })),
    phone: () => valid(fc.stringMatching(/^\+7 9\d\d \d\d\d-\d\d-\d\d$/)),
    locale: () => valid(fc.constantFrom('ru', 'en')),
    code: () => valid(fc.stringMatching(/^[a-z][a-z0-9_]{1,20}$/)),
    categoryCode: () => valid(fc.constantFrom(...env.categoryCodes)),
    categoryCodes: () => valid(fc.constantFrom(...env.categoryCodes)),
    sectorCode: () => valid(fc.constantFrom(...env.sectorCodes)),
    sectorCodes: () => valid(fc.constantFrom(...env.sectorCodes)),
    key: () => valid(fc.nat().map((n): ProposalRef => ({ $proposal: n }))),
    // Reports are of periods that have begun: mostly a Monday or a 1st in the past.
    periodStart: () => dates(fc.oneof({ weight: 2, arbitrary: monday }, { weight: 2, arbitrary: firstOfMonth }, { weight: 1, arbitrary: day(400) })),
    validFrom: () => dates(day(400)),
    validTo: () => dates(day(800)),
    dueDate: () => dates(day(200)),
    nonWorkingWeekdays: () => dates(day(800)),
    workingWeekends: () => dates(day(800)),
    shortened: () => dates(day(800)),
  };
  return (hints[`${site.parent}.${site.name}`] ?? hints[site.name])?.();
}

function intHint(site: Site): fc.Arbitrary<unknown> | undefined {
  const hints: Record<string, () => fc.Arbitrary<unknown>> = {
    version: () =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constant<VersionRef>({ $version: 'current' }) },
        { weight: 2, arbitrary: fc.constant<VersionRef>({ $version: 'stale' }) },
        { weight: 1, arbitrary: fc.constant<VersionRef>({ $version: 'ahead' }) },
      ),
    days: () => fc.integer({ min: 1, max: 30 }),
    year: () => fc.integer({ min: 2024, max: 2030 }),
    minItems: () => fc.integer({ min: 2, max: 5 }),
    windowDays: () => fc.integer({ min: 7, max: 366 }),
    position: () => fc.integer({ min: 0, max: 30 }),
    messageAnswerDays: () => fc.integer({ min: 1, max: 30 }),
  };
  return hints[site.name]?.();
}

function floatHint(site: Site): fc.Arbitrary<unknown> | undefined {
  const hints: Record<string, () => fc.Arbitrary<unknown>> = {
    // A share (0..1) mostly; counts and days are ≥ 0.
    value: () => fc.oneof({ weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) }),
    atRiskMargin: () => fc.double({ min: 0, max: 0.5, noNaN: true }),
    lat: () => fc.double({ min: 48.3, max: 48.9, noNaN: true }),
    lon: () => fc.double({ min: 42.4, max: 43.2, noNaN: true }),
  };
  return hints[site.name]?.();
}

function dateTimeHint(site: Site, env: Env): fc.Arbitrary<unknown> {
  if (site.name === 'receivedAt') return isoInstant(env.now, 60, 0);
  if (site.name === 'expiresAt') return isoInstant(env.now, 0, 400);
  return isoInstant(env.now, 60, 60);
}

function idArb(site: Site, entity: Entity): fc.Arbitrary<unknown> {
  const pick = (from: 'mine' | 'other', aimed: boolean, e: Entity = entity) => fc.nat().map((n): PickRef => ({ $pick: e, from, aimed, n }));
  const mine = fc.oneof({ weight: 3, arbitrary: pick('mine', true) }, { weight: 1, arbitrary: pick('mine', false) });
  const odd = fc.oneof(
    { weight: 3, arbitrary: pick('other', false) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS) },
    // A real row of another kind: a department where an item goes.
    { weight: 1, arbitrary: fc.constantFrom(...ENTITIES.filter((e) => e !== entity)).chain((e) => pick('mine', false, e)) },
  );
  return leaf(site.mode, mine, odd, fc.constantFrom<unknown>(12, -1, 1.5, true, {}, []));
}

function scalarArb(site: Site, typeName: string, env: Env): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'String': {
      const hint = stringHint(site, env);
      return leaf(site.mode, hint?.valid ?? phrase(), hint?.odd ?? oddString(), junkValue());
    }
    case 'Int':
      return leaf(site.mode, intHint(site) ?? fc.integer({ min: 0, max: 100 }), fc.constantFrom(...INT_EXTREMES), intJunk());
    case 'Float':
      return leaf(site.mode, floatHint(site) ?? fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constantFrom(...FLOAT_EXTREMES), floatJunk());
    case 'Boolean':
      return leaf(site.mode, fc.boolean(), fc.boolean(), fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes', []));
    case 'ID':
      return idArb(site, entityOfId(site.mutation, site.name));
    case 'DateTime':
      return leaf(site.mode, dateTimeHint(site, env), fc.constantFrom(...ODD_INSTANTS), instantJunk());
    case 'JSONObject':
      return leaf(
        site.mode,
        fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
        fc.constantFrom<unknown>({}, { __proto__: 1 }, { constructor: { prototype: 1 } }, { a: 'x'.repeat(10_000) }),
        fc.constantFrom<unknown>('x', 1, [], [{}], true),
      );
    default:
      throw new Unfuzzable(`${site.mutation.name}: no values for the scalar ${typeName} at "${site.name}"; teach test/fuzz/arbitraries.ts`);
  }
}

function namedArb(type: GraphQLInputType, site: Site, env: Env, depth: number): fc.Arbitrary<unknown> {
  if (isScalarType(type)) return scalarArb(site, type.name, env);
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return leaf(site.mode, fc.constantFrom(...values), fc.constantFrom(...values), fc.constantFrom<unknown>('NOT_A_VALUE', values[0]!.toLowerCase(), ` ${values[0]}`, 0, true));
  }
  if (isInputObjectType(type)) {
    if (depth > 4) throw new Unfuzzable(`${site.mutation.name}: input ${type.name} nests deeper than the fuzzer goes`);
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(fields.map((f: GraphQLInputField) => [f.name, typeArb(f.type, { ...site, name: f.name, parent: type.name, hasDefault: f.defaultValue !== undefined }, env, depth + 1)])),
    );
    const unknownField = record.map((r) => ({ ...r, notAField: 'x' }));
    return site.mode === 'junk' ? fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: unknownField }) : record;
  }
  throw new Unfuzzable(`${site.mutation.name}: no values for ${String(type)}`);
}

function typeArb(type: GraphQLInputType, site: Site, env: Env, depth: number): fc.Arbitrary<unknown> {
  const w = W[site.mode];
  if (isNonNullType(type)) {
    const inner = valueArb(type.ofType, site, env, depth);
    // A field with a default may be left out; anything else left out or null is GraphQL's to refuse.
    return fc.oneof(
      { weight: 40, arbitrary: inner },
      ...(site.hasDefault ? [{ weight: 10, arbitrary: fc.constant(OMIT) }] : []),
      ...(w.nullOnNonNull ? [{ weight: w.nullOnNonNull, arbitrary: fc.constant(null) }, { weight: w.nullOnNonNull, arbitrary: fc.constant(OMIT) }] : []),
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: valueArb(type, site, env, depth) },
    { weight: 3, arbitrary: fc.constant(OMIT) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A value of a type that is not non-null itself (its elements or fields may be). */
function valueArb(type: GraphQLInputType, site: Site, env: Env, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) throw new Unfuzzable(`${site.mutation.name}: ${String(type)} inside a non-null type`);
  return isListType(type) ? listArb(type.ofType, site, env, depth) : namedArb(type, site, env, depth);
}

function listArb(element: GraphQLInputType, site: Site, env: Env, depth: number): fc.Arbitrary<unknown> {
  // The list's default is the list's: an element is never left out.
  const one = typeArb(element, { ...site, hasDefault: false }, env, depth).map((v) => (v === OMIT ? null : v));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }) },
    { weight: 3, arbitrary: fc.constant([]) },
    // One value where a list goes: GraphQL reads it as a list of one.
    { weight: 1, arbitrary: one },
    ...(site.mode === 'valid' ? [] : [{ weight: 1, arbitrary: fc.array(one, { minLength: 30, maxLength: 250 }) }]),
  );
}

const strip = (args: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== OMIT));

/** The variables of one request to `mutation`: mostly valid, some odd, some junk. */
export function argumentsArb(mutation: GraphQLField<unknown, unknown>, env: Env): fc.Arbitrary<Record<string, unknown>> {
  const build = (mode: Mode) =>
    fc
      .record(
        Object.fromEntries(
          mutation.args.map((a: GraphQLArgument) => [
            a.name,
            typeArb(a.type, { mutation, name: a.name, parent: mutation.name, mode, hasDefault: a.defaultValue !== undefined }, env, 0),
          ]),
        ),
      )
      .map(strip);
  return fc.oneof({ weight: 6, arbitrary: build('valid') }, { weight: 3, arbitrary: build('odd') }, { weight: 1, arbitrary: build('junk') });
}

/** The scalar fields of what a mutation returns (those that need no arguments): enough to resolve what it wrote. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const leaves = Object.values(named.getFields()).filter(
    (f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
  );
  return ` { __typename ${leaves.map((f) => f.name).join(' ')} }`;
}

/** The document of one mutation: every argument a variable, the scalar fields of the result selected. */
export function documentOf(mutation: GraphQLField<unknown, unknown>): string {
  const defs = mutation.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz${defs ? `(${defs})` : ''} { ${mutation.name}${call ? `(${call})` : ''}${selectionOf(mutation.type)} }`;
}
