import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Bad requests get JSON in the GraphQL error format with a code, in every environment, and reveal nothing of the
 * server (docs/security.md, "Input"): no stack, no file path, no SQL.
 */

let t: TestApp;
let head: string;
beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
});
afterAll(async () => t?.stop());

async function raw(path: string, init: RequestInit): Promise<{ status: number; type: string | null; text: string; json: { errors?: { message: string; extensions?: Record<string, unknown> }[] } | null }> {
  const res = await fetch(`${t.url}${path}`, init);
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, type: res.headers.get('content-type'), text, json };
}

const revealsNothing = (text: string) => {
  expect(text).not.toMatch(/\bat .*\(|\/work\/|node_modules|\.ts:\d+|select |insert |SyntaxError/i);
};

describe('requests GraphQL cannot read', () => {
  it('a malformed JSON body gets 400 BAD_REQUEST as JSON, without a stack or a path', async () => {
    const r = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` }, body: '{"query": "{ me { id } }"' });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/application\/json/);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    revealsNothing(r.text);
  });

  it('a 5 MB body gets 413 PAYLOAD_TOO_LARGE as JSON', async () => {
    const body = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'я'.repeat(2_500_000) } });
    const r = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(413);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    revealsNothing(r.text);
  });

  it('an unknown method on /graphql is answered as JSON with a code', async () => {
    const r = await raw('/graphql', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.json?.errors?.[0]?.extensions?.code).toBeTruthy();
    revealsNothing(r.text);
  });
});

describe('text the server will not store', () => {
  const create = (text: string) =>
    t.gql('mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }', { t: text }, head);

  it('a NUL byte in a text, in a search or written inline is refused with CONTROL_CHARACTERS, and nothing is stored', async () => {
    const count = async () => Number(((await t.orm.em.fork().getConnection().execute('select count(*)::int as n from item')) as { n: number }[])[0]!.n);
    const before = await count();
    const r = await create('Нет воды\u0000 в доме');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTERS' });
    const search = await t.gql('query($s: String) { items(filter: { search: $s }) { totalCount } }', { s: 'вода\u0000' }, head);
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTERS' });
    const inline = await t.gql('{ items(filter: { search: "вода\\u0000" }) { totalCount } }', {}, head);
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTERS' });
    expect(await count()).toBe(before);
    // Tabs and line breaks are text.
    expect((await create('Первая строка\n\tвторая строка')).errors).toBeUndefined();
  });

  it('a control character is answered HTTP 400 (the caller’s mistake), not 500, in a variable and written inline', async () => {
    const post = (body: unknown) =>
      raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${head}` }, body: JSON.stringify(body) });
    const variable = await post({ query: 'mutation($t: String!) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: $t }) { id } }', variables: { t: 'вода\u0000' } });
    const inline = await post({ query: '{ items(filter: { search: "\\u001b[31m" }) { totalCount } }' });
    for (const r of [variable, inline]) {
      expect(r.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTERS' });
      expect(r.json?.errors?.[0]?.extensions).not.toHaveProperty('http');
      expect(r.status).toBe(400);
    }
  });

  it('a value a validator cannot read (a lone surrogate in an e-mail) is refused BAD_USER_INPUT on its path, not an internal error', async () => {
    const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, head);
    const id = users.data!.users.find((u) => u.username === 'analyst')!.id;
    for (const email of ['\ud800', 'a\udc00@example.ru']) {
      const r = await t.gql('mutation($id: ID!, $e: String) { updateUser(id: $id, input: { email: $e }) { email } }', { id, e: email }, head);
      expect(r.errors?.[0]).toMatchObject({ path: ['updateUser'], extensions: { code: 'BAD_USER_INPUT' } });
    }
    const stored = await t.orm.em.fork().getConnection().execute('select email from app_user where id = ?', [id]);
    expect(stored[0].email).toBeNull();
  });

  it('a text of only spaces is refused as too short, naming the field', async () => {
    const r = await create('   ');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(r.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'text', codes: ['minLength'] })]);
    expect((await create('  да  ')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await create(' Нет ')).errors).toBeUndefined();
  });
});
