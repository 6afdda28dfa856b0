import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger, setLogLevel } from '../src/shared/logger.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/**
 * Personal data never reach the logs: a failing write of an item with an applicant logs the failure (its kind,
 * SQLSTATE and table) at every level the product ships with, but not the statement, its values or the request.
 * Every line is one JSON object, and the lines written while a request is served carry its request id.
 */

let t: TestApp;
let head: string;
let lines: string[] = [];
const APPLICANT = { name: 'Секретова Тайна Ивановна', phone: '+7 999 123-45-67', email: 'secret.person@example.ru', address: 'ул. Потайная, д. 13, кв. 31' };
const TRACES = ['Секретова', 'Тайна', '123-45-67', 'secret.person', 'Потайная'];

beforeAll(async () => {
  t = await startTestApp();
  head = await t.signInAs('head');
  // A failure the database raises while storing such an applicant, as a broken constraint or a full disk would.
  await t.orm.em.fork().getConnection().execute(`
    create function refuse_secret() returns trigger language plpgsql as $$
    begin
      if new.applicant_name like 'Секретова%' then raise exception 'refused: %', new.applicant_name; end if;
      return new;
    end $$;
    create trigger refuse_secret before insert on item for each row execute function refuse_secret();`);
});
afterAll(async () => {
  setLogLevel('error');
  await t?.stop();
});
afterEach(() => vi.restoreAllMocks());

const CREATE_ITEM = 'mutation($i: ItemInput!) { createItem(input: $i) { id } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Line = { level: string; time: string; msg: string; requestId?: string } & Record<string, unknown>;

/** The captured output as JSON lines (each must parse). */
function parsed(): Line[] {
  return lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

/** A GraphQL POST with its own headers; its answer, its headers and the log lines written meanwhile. */
async function post(query: string, variables: Record<string, unknown>, token: string, headers: Record<string, string> = {}) {
  capture();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  vi.restoreAllMocks();
  return { res, body, log: parsed() };
}

function capture(): void {
  lines = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
}

describe('logs', () => {
  it.each(['debug', 'info', 'warn', 'error'] as const)(
    'at level %s, a failed insert of an item logs the failure without the applicant’s name, phone, e-mail or address',
    async (level) => {
      setLogLevel(level);
      capture();
      const r = await t.gql(
        'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
        { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Прошу проверить', applicant: APPLICANT } },
        head,
      );
      vi.restoreAllMocks();
      expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(r)).not.toContain('Секретова');
      const log = lines.join('');
      // The failure is logged (so this test cannot pass by logging nothing) ...
      expect(log).toContain('unexpected error');
      expect(log).toContain('"sqlState":"P0001"');
      // ... and nothing of the applicant is.
      for (const trace of TRACES) expect(log).not.toContain(trace);
    },
  );
});

describe('log lines', () => {
  it('are each one JSON object with a level name, an ISO time and a message', async () => {
    setLogLevel('debug');
    const { log } = await post('query LogProbe { me { username } }', {}, head);
    expect(log.length).toBeGreaterThan(0);
    for (const line of log) {
      expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line.msg).toEqual(expect.any(String));
    }
  });

  it('of one request carry its sane X-Request-Id, which the answer echoes, down to the resolver’s failure', async () => {
    setLogLevel('debug');
    const id = 'probe-0123456789abcdef';
    const { res, log } = await post(CREATE_ITEM, { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Прошу проверить', applicant: APPLICANT } }, head, { 'x-request-id': id });
    expect(res.headers.get('x-request-id')).toBe(id);
    const failure = log.find((l) => l.msg === 'unexpected error');
    expect(failure?.requestId).toBe(id);
    const access = log.filter((l) => l.msg === 'graphql operation');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ requestId: id, level: 'warn', transport: 'http', type: 'mutation', codes: ['INTERNAL_SERVER_ERROR'] });
    for (const trace of TRACES) expect(JSON.stringify(log)).not.toContain(trace);
  });

  it('of one request carry a new UUID, also in the answer, when its X-Request-Id is unfit (spaces, too long)', async () => {
    setLogLevel('debug');
    for (const unfit of ['has spaces in it', 'x'.repeat(129)]) {
      const { res, log } = await post('query LogProbe { me { username } }', {}, head, { 'x-request-id': unfit });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      const access = log.find((l) => l.msg === 'graphql operation');
      expect(access?.requestId).toBe(id);
    }
  });

  it('say of an operation who ran it by id and role, its name, type, duration and codes, and never its variables', async () => {
    setLogLevel('warn');
    const analyst = await t.signInAs('analyst');
    const { body, log } = await post('query LogRefused($search: String) { users(search: $search) { id } }', { search: 'Секретова' }, analyst);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const access = log.filter((l) => l.msg === 'graphql operation');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 'warn', operation: 'LogRefused', type: 'query', codes: ['FORBIDDEN'], viewer: 'user', roles: ['ANALYST'] });
    expect(access[0]!.userId).toEqual(expect.any(String));
    expect(access[0]!.durationMs).toEqual(expect.any(Number));
    expect(access[0]).not.toHaveProperty('variables');
    expect(access[0]).not.toHaveProperty('username');
    expect(JSON.stringify(log)).not.toContain('Секретова');
  });

  it('redact the keys that hold personal data or secrets, at the top and one level down, at any level', () => {
    setLogLevel('debug');
    capture();
    logger.error('careless line', { applicant: APPLICANT, item: { applicantPhone: APPLICANT.phone, text: 'Секретова пишет' }, token: 'otk_secret_value', variables: { i: APPLICANT } });
    logger.debug('careless line', { email: APPLICANT.email, req: { headers: { authorization: 'Bearer otk_secret_value', cookie: 'otklik_session=ots_x' } } });
    vi.restoreAllMocks();
    const log = parsed();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ applicant: '[redacted]', item: { applicantPhone: '[redacted]', text: '[redacted]' }, token: '[redacted]', variables: '[redacted]' });
    expect(log[1]).toMatchObject({ email: '[redacted]', req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } } });
    const text = lines.join('');
    for (const trace of [...TRACES, 'otk_secret_value', 'ots_x']) expect(text).not.toContain(trace);
  });
});
