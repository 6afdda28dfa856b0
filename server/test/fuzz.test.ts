import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLField } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema.js';
import { operationRules } from '../src/graphql/operation-policy.js';
import { Role, rolesGrant, type Permission } from '../src/modules/auth/roles.js';
import { CLOSED_STATUSES, ItemAction, rules } from '../src/modules/items/lifecycle.js';
import { ACTIVE_PROBLEM_STATUSES, ProblemStatus } from '../src/modules/problems/problem.enums.js';
import { argumentsArb, documentOf, type Entity, type Env } from './fuzz/arbitraries.js';
import { World, type Change, type Sent } from './fuzz/world.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Every mutation of the schema, fuzzed (docs/security.md, "Fuzzing"): fast-check draws its arguments from their
 * GraphQL types — mostly what a client would send, aimed at rows that exist (items in the statuses the operation
 * moves, items of the other municipality, stale versions), with Unicode oddities, extremes and junk mixed in — and
 * each request is sent as a person who may run the operation. Whatever the input: no 5xx, no
 * INTERNAL_SERVER_ERROR, a code on every error, no unhandled rejection in the server, and a refused request leaves
 * the database exactly as it was (test/fuzz/world.ts logs every row any request writes).
 *
 * CI runs FUZZ_RUNS (default 30) runs per mutation from the seed FUZZ_SEED (default 20261202); a longer run:
 *   FUZZ_RUNS=2000 pnpm --filter @otklik/server exec vitest run test/fuzz.test.ts
 * FUZZ_REPORT=1 prints what each mutation answered; FUZZ_TRACE=<mutation> every request of one mutation and its answer.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Mutations that cost much more per run than the rest (a report renders XLSX and PDF; solving answers every item). */
// retrainTextModel trains a model in each run that asks for one (tens of seconds): the fewest runs.
const COST: Record<string, number> = { generateReport: 5, solveProblem: 2, signOut: 5, retrainTextModel: 1000 };
/** Wednesday 11.03.2026, 10:00 in Volgograd: a working day. Each run moves the clock on by 100 ms. */
const START = '2026-03-11T07:00:00Z';

/** Which lifecycle action each item mutation takes: its item ids are aimed at items whose status allows it. */
const ITEM_ACTIONS: Record<string, ItemAction> = {
  registerItem: ItemAction.REGISTER,
  assignItem: ItemAction.ASSIGN,
  startItem: ItemAction.START,
  askCitizen: ItemAction.ASK_CITIZEN,
  citizenReplied: ItemAction.CITIZEN_REPLIED,
  submitAnswer: ItemAction.SUBMIT_ANSWER,
  publishInterimAnswer: ItemAction.PUBLISH_INTERIM,
  returnForRework: ItemAction.RETURN_FOR_REWORK,
  approveAnswer: ItemAction.APPROVE_ANSWER,
  rateItem: ItemAction.RATE,
  closeItem: ItemAction.CLOSE,
  extendItem: ItemAction.EXTEND,
  redirectItem: ItemAction.REDIRECT,
  leaveWithoutAnswer: ItemAction.LEAVE_WITHOUT_ANSWER,
  mergeItem: ItemAction.MERGE,
  classifyItem: ItemAction.CLASSIFY,
};

/** Which statuses of a problem each problem mutation starts from (docs/problems.md); the rest: any open problem. */
const PROBLEM_FROM: Record<string, readonly ProblemStatus[]> = {
  confirmProblem: [ProblemStatus.PROPOSED],
  approveProblemPlan: [ProblemStatus.CONFIRMED],
  addProblemMeasure: [ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK],
  addProblemReport: [ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK],
  solveProblem: [ProblemStatus.CONFIRMED, ProblemStatus.IN_WORK],
};
/** Mutations whose item ids name items of the problem `id`. */
const ITEMS_OF_THE_PROBLEM = ['splitProblem', 'unlinkProblemItems'];

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * SQL conditions that aim a mutation's ids at rows it can act on (the rest of the ids name any row); `$3` is the
 * mutation's own `id`.
 */
function aimsOf(mutation: string): Partial<Record<Entity, string>> {
  const action = ITEM_ACTIONS[mutation];
  const rule = action ? rules[action] : null;
  const item = ITEMS_OF_THE_PROBLEM.includes(mutation)
    ? 'id in (select item_id from problem_item where problem_id = $3 and active)'
    : rule
      ? `status in (${inList(rule.from)})${rule.kinds ? ` and kind in (${inList(rule.kinds)})` : ''}`
      : `status not in (${inList(CLOSED_STATUSES)})`;
  return {
    item,
    problem: `status in (${inList(PROBLEM_FROM[mutation] ?? ACTIVE_PROBLEM_STATUSES)})`,
    attachment: 'item_id is null',
    department: 'active',
    category: 'active',
    user: 'active',
    measure: `status in ('PLANNED', 'IN_PROGRESS')`,
    notification: 'read_at is null',
  };
}

/** The people who run the mutations: the first role here that holds a permission the mutation needs. */
const ROLE_ORDER: Role[] = [Role.HEAD, Role.CURATOR, Role.SECTOR_LEAD, Role.INCIDENT_MANAGER, Role.POS_OPERATOR, Role.EXECUTOR, Role.ANALYST];
/** Mutations on one's own account run as a person of their own, so that the others' sessions and passwords hold. */
const OWN_ACTOR: Record<string, string> = { changeMyPassword: 'fuzz.self', updateMyProfile: 'fuzz.self' };
/** Mutations only a token may run, and the token of test/fuzz/world.ts that runs them. */
const TOKEN_ACTOR: Record<string, string> = { ingestItems: 'fuzz.integrator', updateIngestedItem: 'fuzz.integrator' };

const schema = await buildAppSchema();
const mutations = Object.values(schema.getMutationType()!.getFields()) as GraphQLField<unknown, unknown>[];
const requirements = new Map(operationRules().filter((r) => r.kind === 'mutation').map((r) => [r.name, r.requires]));

/** Who runs `name`: a username of test/fuzz/world.ts, 'anonymous', or 'fresh' (a session of its own for each run). */
function actorFor(name: string): string {
  if (name === 'signOut') return 'fresh';
  if (OWN_ACTOR[name]) return OWN_ACTOR[name]!;
  if (TOKEN_ACTOR[name]) return TOKEN_ACTOR[name]!;
  const requires = requirements.get(name);
  if (!requires) throw new Error(`${name}: no guard read back from the resolvers`);
  if ('public' in requires) return 'anonymous';
  const role = ROLE_ORDER.find((r) => !requires.anyOf.length || requires.anyOf.some((p: Permission) => rolesGrant([r], p)));
  if (!role) throw new Error(`${name}: no person may run it (a token only?); teach the fuzzer which token to use`);
  return `fuzz.${role.toLowerCase()}`;
}

/** Strings cut short and the whole kept small, for a failure's message. */
function show(value: unknown): string {
  const s = JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));
  return s.length > 3_000 ? `${s.slice(0, 3_000)}…` : s;
}

let t: TestApp;
let world: World;
let env: Env;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const report: string[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // One client sends thousands of requests here: the rate limits (test/rate-limits.test.ts) would answer most of them.
  t = await startTestApp({ env: { RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_CONCURRENT: '0' } });
  t.clock.set(START);
  world = new World(t);
  await world.setUp();
  const codes = async (table: string) => (await world.query<{ code: string }>(`select distinct code from ${table} order by 1`)).map((r) => r.code);
  env = {
    now: new Date(START),
    categoryCodes: [...(await codes('category')), 'NOPE'],
    sectorCodes: [...(await codes('sector')), 'NOPE'],
    usernames: ['fuzz.victim', 'head', 'kalach.head', 'nobody.here', 'HEAD', ' head '],
  };
}, 180_000);

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  if (process.env.FUZZ_REPORT) console.info(`fuzz (seed ${SEED}, ${RUNS} runs):\n${report.join('\n')}`);
  await world?.close();
  await t?.stop();
});

/** What is wrong with one answer (nothing, for an answer that is fine). */
function faultsOf(name: string, sent: Sent, changes: Change[]): string[] {
  const faults: string[] = [];
  if (sent.status >= 500 || sent.status === 0) faults.push(sent.status ? `HTTP ${sent.status}` : sent.text);
  if (!sent.body) return [...faults, `not JSON: ${sent.text.slice(0, 300)}`];
  const errors = sent.body.errors ?? [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !code) faults.push(`an error without a code: ${e.message}`);
    // The database is up throughout: a 503 here is an error the server took for a lost connection.
    else if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') faults.push(`${code}: ${e.message}`);
  }
  const refused = errors.length > 0 && (sent.body.data == null || sent.body.data[name] == null);
  if (!errors.length && sent.body.data?.[name] === undefined) faults.push('neither data nor errors');
  if (refused && changes.length) faults.push(`refused, but wrote ${show(changes.slice(0, 10))}`);
  if (rejections.length) faults.push(`unhandled rejection: ${String(rejections.splice(0).map((r) => (r as Error)?.stack ?? r))}`);
  return faults;
}

describe('every mutation, fuzzed', () => {
  it('covers every mutation of the schema: each has a person who may run it and arguments the fuzzer can draw', () => {
    expect(mutations.length).toBeGreaterThan(40);
    const unfuzzable: string[] = [];
    for (const m of mutations) {
      try {
        actorFor(m.name);
        argumentsArb(m, env);
      } catch (e) {
        unfuzzable.push((e as Error).message);
      }
    }
    expect(unfuzzable).toEqual([]);
  });

  it.each(mutations.map((m) => [m.name, m] as const))(
    '%s: whatever its arguments, no 5xx, no INTERNAL_SERVER_ERROR, a code on every error, and a refusal writes nothing',
    async (name, mutation) => {
      const actor = actorFor(name);
      const doc = documentOf(mutation);
      const args = argumentsArb(mutation, env);
      const aims = aimsOf(name);
      const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);
      const numRuns = Math.max(3, Math.round(RUNS / (COST[name] ?? 1)));
      const outcomes = new Map<string, { n: number; first: string }>();
      await world.replenish();
      await world.changes();

      await fc.assert(
        fc.asyncProperty(args, fc.ipV4(), async (generated, ip) => {
          t.clock.advance(100);
          let token: string | undefined;
          if (actor === 'fresh') token = await t.signInAs('fuzz.leaver', world.passwords['fuzz.leaver']);
          else if (actor !== 'anonymous') token = world.actors[actor]!.token;
          const variables = await world.resolve(generated, actor, aims);
          await world.changes();
          const sent = await world.send(doc, variables, token, ip);
          const changes = await world.changes();
          const faults = faultsOf(name, sent, changes);
          if (process.env.FUZZ_TRACE === name) console.info(`${show(variables)}\n  → ${sent.status} ${show(sent.body?.errors ?? 'ok')}`);
          const outcome = sent.body?.errors?.length ? `${sent.status} ${sent.body.errors[0]!.extensions?.code}` : `${sent.status} ok`;
          const seen = outcomes.get(outcome) ?? { n: 0, first: sent.body?.errors?.[0]?.message.slice(0, 160) ?? '' };
          outcomes.set(outcome, { ...seen, n: seen.n + 1 });
          if (faults.length) {
            throw new Error(`${name} as ${actor}: ${faults.join('; ')}\n  variables: ${show(variables)}\n  answer: ${sent.status} ${show(sent.body?.errors ?? sent.text)}`);
          }
          // The fuzzer keeps its book of passwords as the mutations change them.
          if (!sent.body?.errors?.length) {
            if (name === 'changeMyPassword') world.passwords[actor] = variables.newPassword as string;
            if (name === 'setUserPassword') {
              const username = await world.usernameOf(variables.id);
              if (username) world.passwords[username] = variables.password as string;
            }
          }
        }),
        { seed, numRuns, endOnFailure: true },
      );

      report.push(`  ${name} as ${actor}:\n${[...outcomes].map(([o, { n, first }]) => `    ${o} ×${n}${first ? ` (${first})` : ''}`).join('\n')}`);
      // The generator must reach the resolvers, not only GraphQL's validation of variables (answered 400).
      expect([...outcomes.keys()].some((o) => o.startsWith('200'))).toBe(true);
    },
    120_000,
  );

  it('leaves no unhandled rejection behind after the last request', async () => {
    // A rejection is reported once the promise is collected: give the server's last promises a turn of the loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejections.map(String)).toEqual([]);
  });
});
