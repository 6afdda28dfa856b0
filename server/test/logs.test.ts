import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogLevel } from '../src/shared/logger.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/**
 * Personal data never reach the logs: a failing write of an item with an applicant logs the failure (its kind,
 * SQLSTATE and table) at every level the product ships with, but not the statement, its values or the request.
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
