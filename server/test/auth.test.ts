import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../src/db/seed/district.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

const ME = '{ me { username fullName roles municipality { code } } }';
/** Who the caller is: `{ me: { username } }`, or `{ me: null }` for an anonymous caller. */
const WHO = '{ me { username } }';

describe('sign-in', () => {
  it.each(demoAccounts.map((a) => [a.username, a.role]))('%s signs in and me returns the role %s', async (username, role) => {
    const token = await t.signInAs(username);
    const r = await t.gql<{ me: { username: string; roles: string[]; municipality: { code: string } | null } }>(ME, {}, token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.username).toBe(username);
    expect(r.data?.me.roles).toEqual([role]);
    // Every account but the regional one belongs to the demo municipality.
    expect(r.data?.me.municipality?.code ?? null).toBe(role === 'REGION' ? null : 'surovikino');
  });

  it('is anonymous without a token, and refuses protected operations with UNAUTHENTICATED', async () => {
    expect(await t.gql(ME)).toEqual({ data: { me: null } });
    expect(codeOf(await t.gql('{ departments { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await t.gql('mutation { signIn(username: "analyst", password: "nope") { token } }');
    const unknown = await t.gql('mutation { signIn(username: "nobody", password: "nope") { token } }');
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(codeOf(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('accepts the username in any case', async () => {
    const token = await t.signInAs('CURATOR');
    expect(await t.gql<{ me: { username: string } }>('{ me { username } }', {}, token)).toEqual({ data: { me: { username: 'curator' } } });
  });

  const signInFrom = (address: string, username: string, password: string) =>
    t.gql<{ signIn: { token: string } }>('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }', { u: username, p: password }, undefined, {
      'x-forwarded-for': address,
    });

  it('throttles guesses from one address with growing delays instead of locking the account; the owner signs in after the wait', async () => {
    const head = await t.signInAs('head');
    const created = await t.gql(
      `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'guessed.one', fullName: 'Тестов Тест', roles: ['ANALYST'], password: 'correct-horse' } },
      head,
    );
    expect(created.errors).toBeUndefined();
    t.clock.set('2026-11-20T10:00:00Z');
    // Three failures are free; the fourth earns a wait of 2 s, the fifth 4 s.
    for (let i = 0; i < 4; i++) expect(codeOf(await signInFrom('203.0.113.7', 'guessed.one', 'bad'))).toBe('INVALID_CREDENTIALS');
    const held = await signInFrom('203.0.113.7', 'guessed.one', 'correct-horse');
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 2 });
    t.clock.advance(2_000);
    expect(codeOf(await signInFrom('203.0.113.7', 'guessed.one', 'bad'))).toBe('INVALID_CREDENTIALS');
    expect((await signInFrom('203.0.113.7', 'guessed.one', 'correct-horse')).errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 4 });
    // The owner, elsewhere, is not held back by someone else's guesses.
    expect((await signInFrom('198.51.100.20', 'guessed.one', 'correct-horse')).errors).toBeUndefined();
    // And from the guessed address, after the wait.
    t.clock.advance(4_000);
    expect((await signInFrom('203.0.113.7', 'guessed.one', 'correct-horse')).errors).toBeUndefined();
  });

  it('answers an unknown username exactly as a wrong password, throttling included', async () => {
    t.clock.set('2026-11-21T10:00:00Z');
    const answers = async (username: string, address: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await signInFrom(address, username, 'wrong-password');
        out.push({ code: codeOf(r), retryAfter: r.errors?.[0]?.extensions?.retryAfter, message: r.errors?.[0]?.message });
      }
      return out;
    };
    expect(await answers('nobody.at.all', '203.0.113.50')).toEqual(await answers('analyst', '203.0.113.51'));
  });

  it('writes sign-ins, failures, throttling and administrative changes to the audit log the head reads', async () => {
    t.clock.set('2026-11-22T10:00:00Z');
    const head = await t.signInAs('head');
    await signInFrom('203.0.113.90', 'analyst', 'bad');
    const changed = await t.gql('mutation { createDepartment(input: { code: "audited", name: "Отдел для журнала", kind: OTHER }) { id } }', {}, head);
    expect(changed.errors).toBeUndefined();
    type Ev = { auditEvents: { action: string; actorLabel: string; ip: string | null; targetType: string | null; at: string }[] };
    const log = (await t.gql<Ev>('{ auditEvents(first: 50) { action actorLabel ip targetType at } }', {}, head)).data!.auditEvents;
    expect(log).toContainEqual(expect.objectContaining({ action: 'DEPARTMENT_CREATED', actorLabel: 'head', targetType: 'Department' }));
    // Newest first.
    const times = log.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(log).toContainEqual(expect.objectContaining({ action: 'SIGN_IN_FAILED', actorLabel: 'analyst', ip: '203.0.113.90' }));
    expect(log).toContainEqual(expect.objectContaining({ action: 'SIGN_IN', actorLabel: 'head' }));
    const failures = (await t.gql<Ev>('{ auditEvents(first: 5, actions: ["SIGN_IN_FAILED"]) { action actorLabel ip targetType at } }', {}, head)).data!.auditEvents;
    expect(failures.every((e) => e.action === 'SIGN_IN_FAILED')).toBe(true);
    // Only the head reads it.
    expect(codeOf(await t.gql('{ auditEvents { action } }', {}, await t.signInAs('curator')))).toBe('FORBIDDEN');
  });

  it('pages through the audit log by instant and id: events of the same instant are neither skipped nor repeated', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const head = await t.signInAs('head');
    // Four changes at one instant (the test clock stands still).
    for (const code of ['samea', 'sameb', 'samec', 'samed']) {
      const r = await t.gql(`mutation { createDepartment(input: { code: "${code}", name: "Отдел ${code}", kind: OTHER }) { id } }`, {}, head);
      expect(r.errors).toBeUndefined();
    }
    type Ev = { auditEvents: { id: string; at: string }[] };
    const q = 'query($b: DateTime, $i: ID) { auditEvents(first: 2, actions: ["DEPARTMENT_CREATED"], before: $b, beforeId: $i) { id at } }';
    const seen: string[] = [];
    let page = (await t.gql<Ev>(q, {}, head)).data!.auditEvents;
    while (page.length) {
      seen.push(...page.map((e) => e.id));
      const last = page.at(-1)!;
      page = (await t.gql<Ev>(q, { b: last.at, i: last.id }, head)).data!.auditEvents;
    }
    const all = (await t.gql<Ev>('{ auditEvents(first: 200, actions: ["DEPARTMENT_CREATED"]) { id at } }', {}, head)).data!.auditEvents;
    expect(all.filter((e) => e.at === '2026-11-23T09:00:00.000Z')).toHaveLength(4);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(codeOf(await t.gql('{ auditEvents(beforeId: "00000000-0000-0000-0000-000000000000") { id } }', {}, head))).toBe('BAD_USER_INPUT');
  });

  it('sets an httpOnly session cookie that authenticates the dashboard', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(username: "analyst", password: "${t.password}") { expiresAt } }` }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^otklik_session=ots_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.gql<{ me: { username: string } }>('{ me { username } }', {}, undefined, { cookie: cookie.split(';')[0]! });
    expect(me).toEqual({ data: { me: { username: 'analyst' } } });
  });
});

describe('sessions', () => {
  it('ends on sign-out', async () => {
    const token = await t.signInAs('pos_operator');
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: { username: 'pos_operator' } } });
    expect(await t.gql('mutation { signOut }', {}, token)).toEqual({ data: { signOut: true } });
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: null } });
  });

  it('expire after the configured time (12 hours), not before', async () => {
    const token = await t.signInAs('incident_manager');
    t.clock.advance(11 * 3_600_000);
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: { username: 'incident_manager' } } });
    t.clock.advance(2 * 3_600_000);
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: null } });
  });

  it('end when the password changes, except the one that changed it', async () => {
    const head = await t.signInAs('head');
    const created = await t.gql(
      `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'pw.change', fullName: 'Парольев Пётр', roles: ['ANALYST'], password: 'first-password' } },
      head,
    );
    expect(created.errors).toBeUndefined();
    const a = await t.signInAs('pw.change', 'first-password');
    const b = await t.signInAs('pw.change', 'first-password');
    expect(await t.gql(WHO, {}, b)).toEqual({ data: { me: { username: 'pw.change' } } });
    const short = await t.gql('mutation { changeMyPassword(currentPassword: "first-password", newPassword: "x") }', {}, a);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    const wrong = await t.gql('mutation { changeMyPassword(currentPassword: "nope", newPassword: "second-password") }', {}, a);
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const ok = await t.gql('mutation { changeMyPassword(currentPassword: "first-password", newPassword: "second-password") }', {}, a);
    expect(ok).toEqual({ data: { changeMyPassword: true } });
    expect(await t.gql(WHO, {}, a)).toEqual({ data: { me: { username: 'pw.change' } } });
    expect(await t.gql(WHO, {}, b)).toEqual({ data: { me: null } });
    const c = await t.signInAs('pw.change', 'second-password');
    expect(await t.gql(WHO, {}, c)).toEqual({ data: { me: { username: 'pw.change' } } });
  });

  it('stop for a deactivated user at once', async () => {
    const head = await t.signInAs('head');
    const created = await t.gql<{ createUser: { id: string } }>(
      `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'leaver', fullName: 'Уходящий Ушёл', roles: ['ANALYST'], password: 'leaver-pass' } },
      head,
    );
    expect(created.errors).toBeUndefined();
    const token = await t.signInAs('leaver', 'leaver-pass');
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: { username: 'leaver' } } });
    const updated = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }', { id: created.data!.createUser.id }, head);
    expect(updated).toEqual({ data: { updateUser: { active: false } } });
    expect(await t.gql(WHO, {}, token)).toEqual({ data: { me: null } });
    expect(codeOf(await t.gql('mutation { signIn(username: "leaver", password: "leaver-pass") { token } }'))).toBe(
      'INVALID_CREDENTIALS',
    );
  });
});

describe('API tokens', () => {
  const CREATE = `mutation($i: ApiTokenInput!) { createApiToken(input: $i) { token apiToken { id prefix scopes kind } } }`;

  it('are shown once, stored hashed, and act only within their scopes', async () => {
    const head = await t.signInAs('head');
    const r = await t.gql<{ createApiToken: { token: string; apiToken: { id: string; prefix: string } } }>(
      CREATE,
      { i: { name: 'Стена МЦУ', kind: 'WALL_DISPLAY', scopes: ['WALL_READ'] } },
      head,
    );
    expect(r.errors).toBeUndefined();
    const { token, apiToken } = r.data!.createApiToken;
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const stored = await t.orm.em.fork().getConnection().execute('select token_hash from api_token where id = ?', [apiToken.id]);
    expect(stored[0].token_hash).not.toContain(token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

    // The wall display reads the organisation, and nothing that needs a person's role.
    const sectors = await t.gql<{ sectors: unknown[] }>('{ sectors { code } }', {}, token);
    expect(sectors.errors).toBeUndefined();
    expect(sectors.data?.sectors.length).toBe(16);
    expect(codeOf(await t.gql('{ users { id } }', {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ apiTokens { id } }', {}, token))).toBe('FORBIDDEN');
    expect(await t.gql('{ me { id } }', {}, token)).toEqual({ data: { me: null } });

    // The list never holds the secret.
    const list = await t.gql<{ apiTokens: Record<string, unknown>[] }>('{ apiTokens { id name prefix } }', {}, head);
    expect(JSON.stringify(list.data)).not.toContain(token);

    const revoked = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, head);
    expect(revoked.errors).toBeUndefined();
    expect(codeOf(await t.gql('{ sectors { code } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuse scopes that the token kind may not have', async () => {
    const head = await t.signInAs('head');
    const r = await t.gql(CREATE, { i: { name: 'Стена', kind: 'WALL_DISPLAY', scopes: ['PERSONAL_DATA_READ'] } }, head);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toEqual([{ field: 'scopes', problems: [expect.stringContaining('PERSONAL_DATA_READ')] }]);
    const count = await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from api_token where name = 'Стена'`);
    expect(count[0].n).toBe(0);
  });
});
