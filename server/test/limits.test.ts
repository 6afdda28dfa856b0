import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { queryObserver } from '../src/db/orm.js';
import { armorRules, costOf, DEFAULT_LIMITS } from '../src/graphql/limits.js';
import { buildAppSchema } from '../src/graphql/schema.js';
import { startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Hostile queries (docs/security.md, "Limits"): refused before they run, each with QUERY_TOO_COMPLEX and the limit
 * it broke, while everyone else is served; and every operation the dashboard sends stays within the limits.
 */

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.signInAs('analyst');
});
afterAll(async () => t?.stop());

const limitOf = (r: GqlResult) => r.errors?.[0]?.extensions as { code?: string; limit?: string; max?: number; found?: number } | undefined;

/** `n` aliases of a page of 100 items with their applicants: the measured 109 KB query at n = 1,000. */
const aliasedPages = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: items(first: 100) { nodes { id number kind status subject text receivedAt dueAt applicant { name phone email address } } }`).join(' ')} }`;

/** One page of 100 items with three lists each: tens of thousands of rows to read. */
const heavy = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `h${i}: items(first: 100) { nodes { id history { type at comment } answers { text } attachments { fileName } } }`).join(' ')} }`;

describe('hostile queries', () => {
  it('the 1,000-alias query and heavy ones sent at once are refused without reading an item, and a concurrent `me` answers', async () => {
    expect(aliasedPages(1000).length).toBeGreaterThan(100_000);
    const itemReads: string[] = [];
    queryObserver.current = (sql) => {
      if (/from "item" /.test(sql)) itemReads.push(sql);
    };
    try {
      const [huge, ...rest] = await Promise.all([
        t.gql(aliasedPages(1000), {}, analyst),
        t.gql(heavy(10), {}, analyst),
        t.gql(heavy(30), {}, analyst),
        t.gql(aliasedPages(25), {}, analyst),
        t.gql<{ me: { username: string } }>('{ me { username } }', {}, analyst),
      ]);
      const me = rest.pop()!;
      expect(limitOf(huge)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: DEFAULT_LIMITS.maxTokens });
      for (const r of rest) {
        expect(r.data ?? null).toBeNull();
        expect(limitOf(r)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.maxCost });
        expect(limitOf(r)!.found).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
      }
      expect(me).toEqual({ data: { me: { username: 'analyst' } } });
      expect(itemReads).toEqual([]);
    } finally {
      queryObserver.current = null;
    }
  });

  it('answers each refusal HTTP 400 (the caller asked for too much), not 500: tokens, aliases, depth and cost', async () => {
    const post = async (query: string) => {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
      return { status: res.status, limit: body.errors?.[0]?.extensions?.limit, http: body.errors?.[0]?.extensions?.http };
    };
    const aliases = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    const deep = '{ departments { sectors { categories { sector { categories { sector { categories { sector { categories { sector { categories { sector { code } } } } } } } } } } } } }';
    expect(await post(aliasedPages(1000))).toEqual({ status: 400, limit: 'tokens', http: undefined });
    expect(await post(aliases)).toEqual({ status: 400, limit: 'aliases', http: undefined });
    expect(await post(deep)).toEqual({ status: 400, limit: 'depth', http: undefined });
    expect(await post(aliasedPages(25))).toEqual({ status: 400, limit: 'cost', http: undefined });
  });

  it('refuses more aliases, directives or levels than allowed, naming the limit', async () => {
    const aliases = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expect(limitOf(await t.gql(aliases, {}, analyst))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 30, found: 31 });
    const directives = `{ me { ${Array.from({ length: DEFAULT_LIMITS.maxDirectives + 1 }, () => 'id @include(if: true)').join(' ')} } }`;
    expect(limitOf(await t.gql(directives, {}, analyst))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
    const deep = '{ departments { sectors { categories { sector { categories { sector { categories { sector { categories { sector { categories { sector { code } } } } } } } } } } } } }';
    expect(limitOf(await t.gql(deep, {}, analyst))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12 });
    // Under each limit the same shapes run.
    const fine = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expect((await t.gql(fine, {}, analyst)).errors).toBeUndefined();
  });

  it('sizes a page by its `first` variable: six pages of 25 items with their lists pass, the same of 100 items are refused, each time the same document is sent', async () => {
    const page = (alias: string) => `${alias}: items(first: $n) { nodes { id history { type comment actor { username } } answers { text author { username } } } }`;
    const doc = `query($n: Int!) { ${['a', 'b', 'c', 'd', 'e', 'f'].map(page).join(' ')} }`;
    expect((await t.gql(doc, { n: 25 }, analyst)).errors).toBeUndefined();
    expect(limitOf(await t.gql(doc, { n: 100 }, analyst))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    // The same document again: its cost is remembered per variables, never one set's for another's.
    expect((await t.gql(doc, { n: 25 }, analyst)).errors).toBeUndefined();
    expect(limitOf(await t.gql(doc, { n: 100 }, analyst))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('applies the same limits to operations over graphql-ws', async () => {
    const client = createClient({
      url: t.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${analyst}` },
      retryAttempts: 0,
    });
    try {
      const first = async (query: string) => {
        const it = client.iterate({ query });
        try {
          return (await it.next()).value as GqlResult;
        } catch (e) {
          return { errors: e as GqlResult['errors'] };
        } finally {
          await it.return?.();
        }
      };
      expect(limitOf(await first(aliasedPages(1000)))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
      expect(limitOf(await first(heavy(10)))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      const aliases = `subscription { itemEvents { ${Array.from({ length: 31 }, (_, i) => `c${i}: cursor`).join(' ')} } }`;
      expect(limitOf(await first(aliases))).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
      expect(await first('{ me { username } }')).toEqual({ data: { me: { username: 'analyst' } } });
    } finally {
      await client.dispose();
    }
  });
});

/** A plausible value of an input type: its required fields filled, lists of one. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  const scalar: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, ID: '7d0b7f4e-0000-4000-8000-00000000abcd', DateTime: '2026-03-01T00:00:00Z', Date: '2026-03-01' };
  return scalar[type.name] ?? 'x';
}

/** The dashboard's documents, as graphql-codegen generates them (web/src/gql). */
const GENERATED = new URL('../../web/src/gql/graphql.ts', import.meta.url).href;

describe('the dashboard within the limits', () => {
  it('every operation the dashboard sends passes every limit, with its pages at their largest (100)', async () => {
    const generated = (await import(GENERATED)) as Record<string, unknown>;
    const documents = Object.entries(generated).filter(([name, v]) => name.endsWith('Document') && (v as DocumentNode)?.kind === Kind.DOCUMENT) as [string, DocumentNode][];
    expect(documents.length).toBeGreaterThan(50);
    const schema = await buildAppSchema();
    const rules = [...specifiedRules, ...armorRules(DEFAULT_LIMITS)];
    const over: string[] = [];
    for (const [name, doc] of documents) {
      const text = print(doc);
      parse(text, { maxTokens: DEFAULT_LIMITS.maxTokens });
      const errors = validate(schema, doc, rules);
      if (errors.length) over.push(`${name}: ${errors.map((e) => e.message).join('; ')}`);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      // Pages at 100; every other variable a plausible value of its type (it sizes nothing).
      const variables = Object.fromEntries(
        (op?.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          /^(first|last|limit)$/.test(v.variable.name.value) ? 100 : sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
        ]),
      );
      const cost = costOf(schema, doc, variables, DEFAULT_LIMITS);
      if (cost > DEFAULT_LIMITS.maxCost / 2) over.push(`${name}: cost ${cost} (more than half the limit)`);
    }
    expect(over).toEqual([]);
  });
});
