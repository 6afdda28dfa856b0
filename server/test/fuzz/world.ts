import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { systemEm } from '../../src/db/orm.js';
import { seedCalendar, seedRubricator } from '../../src/db/seed/district.js';
import { Municipality } from '../../src/modules/organisation/municipality.entity.js';
import { Department, DepartmentKind } from '../../src/modules/organisation/department.entity.js';
import { Settlement, SettlementKind } from '../../src/modules/organisation/settlement.entity.js';
import { User } from '../../src/modules/users/user.entity.js';
import { Role } from '../../src/modules/auth/roles.js';
import { hashPassword } from '../../src/modules/auth/secrets.js';
import type { GqlResult, TestApp } from '../harness.js';
import type { Entity, PickRef } from './arbitraries.js';

/**
 * The world the fuzzer runs in (test/fuzz.test.ts): the seeded district (A) with rows of every kind in every state
 * an operation can act on, a second municipality (B) whose ids the fuzzer sends too, the people who act, and a log
 * of every row any request writes.
 */

export const FUZZ_PASSWORD = 'fuzz-password-1';
/** How long one request may take (a statement is stopped after 5 s, DB_STATEMENT_TIMEOUT_MS). */
const ANSWER_WITHIN_MS = 20_000;
/** Ids of A's rows when none fits: a UUID no row has. */
const NO_ROW = '7d0b7f4e-0000-4000-8000-00000000f022';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The kinds of rows `replenish` makes again when an operation has used up those it can act on. */
const RESTOCKED: readonly Entity[] = ['item', 'problem', 'attachment', 'measure'];

const TABLES: Record<Entity, string> = {
  item: 'item',
  problem: 'problem',
  department: 'department',
  category: 'category',
  sector: 'sector',
  user: 'app_user',
  apiToken: 'api_token',
  measure: 'problem_measure',
  answerTemplate: 'answer_template',
  notification: 'notification',
  settlement: 'settlement',
  attachment: 'attachment',
  webhook: 'webhook',
  webhookDelivery: 'webhook_delivery',
  importFile: 'import_file',
  importMapping: 'import_mapping',
};

export type Actor = { username: string; id: string; token: string };
export type Sent = { status: number; text: string; body: GqlResult | null };
/** A row written by a request: its table, the operation, its id (or key) and, for an update, the columns that changed. */
export type Change = { tbl: string; op: string; ref: string | null; cols: string[] | null };

export class World {
  /** A: the seeded district; B: the other municipality. */
  a = '';
  b = '';
  /** The people who act, by username (fuzz.<role>, fuzz.self, fuzz.leaver), and their passwords as they change. */
  actors: Record<string, Actor> = {};
  passwords: Record<string, string> = {};
  /** Rows the fuzzer itself needs (its people, its department): never named in a request. */
  private infrastructure: string[] = [];
  private department = '';
  private bHead = '';
  private sql!: pg.Client;
  private round = 0;

  constructor(readonly t: TestApp) {}

  async query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.sql.query<T>(text, params)).rows;
  }

  /**
   * POST /graphql as it comes from `ip` (the server trusts X-Forwarded-For from a local proxy). An answer that takes
   * longer than ANSWER_WITHIN_MS is no answer: status 0.
   */
  async send(query: string, variables: Record<string, unknown>, token?: string, ip?: string): Promise<Sent> {
    let res: Response;
    try {
      res = await fetch(`${this.t.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(ip ? { 'x-forwarded-for': ip } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
    } catch (e) {
      return { status: 0, text: `no answer: ${(e as Error).name} ${(e as Error).message}`, body: null };
    }
    const text = await res.text();
    let body: GqlResult | null = null;
    try {
      body = JSON.parse(text) as GqlResult;
    } catch {
      body = null;
    }
    return { status: res.status, text, body };
  }

  /** A request that must succeed (the world's own steps): its data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = this.actors['fuzz.head']!.token): Promise<T> {
    const r = await this.send(query, variables, token);
    if (!r.body?.data || r.body.errors) throw new Error(`${query}: ${r.status} ${r.text.slice(0, 500)}`);
    return r.body.data as T;
  }

  async upload(token: string, name: string): Promise<string> {
    const res = await fetch(`${this.t.url}/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain', 'x-otklik-upload': '1' },
      body: `скан: ${name}`,
    });
    const json = (await res.json()) as { id?: string };
    if (res.status !== 201 || !json.id) throw new Error(`upload ${name}: ${res.status}`);
    return json.id;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Setting up

  async setUp(): Promise<void> {
    this.sql = new pg.Client({ connectionString: this.t.dbUrl });
    this.sql.on('error', () => undefined);
    await this.sql.connect();
    this.a = (await this.query<{ id: string }>(`select id from municipality where code = 'surovikino'`))[0]!.id;
    const seededHead = await this.t.signInAs('head');

    // The fuzzer's own department and people; a victim whose account the fuzzer may change.
    this.department = (
      await this.ok<{ createDepartment: { id: string } }>(
        'mutation { createDepartment(input: { code: "fuzz_dept", name: "Отдел фаззинга", kind: ADMIN_UNIT }) { id } }',
        {},
        seededHead,
      )
    ).createDepartment.id;
    const people: [string, Role[], string | null][] = [
      ...Object.values(Role)
        .filter((r) => r !== Role.REGION)
        .map((r): [string, Role[], string | null] => [`fuzz.${r.toLowerCase()}`, [r], r === Role.EXECUTOR ? this.department : null]),
      ['fuzz.self', [Role.ANALYST], null],
      ['fuzz.leaver', [Role.ANALYST], null],
      ['fuzz.victim', [Role.EXECUTOR], this.department],
    ];
    const sectors = (await this.query<{ code: string }>('select code from sector where municipality_id = $1 order by code', [this.a])).map((s) => s.code);
    for (const [username, roles, departmentId] of people) {
      const { createUser } = await this.ok<{ createUser: { id: string } }>(
        'mutation($i: UserInput!) { createUser(input: $i) { id } }',
        { i: { username, fullName: `Фаззер ${username}`, roles, departmentId, password: FUZZ_PASSWORD, sectorCodes: roles.includes(Role.SECTOR_LEAD) ? sectors : [] } },
        seededHead,
      );
      this.passwords[username] = FUZZ_PASSWORD;
      if (username === 'fuzz.victim') continue;
      this.infrastructure.push(createUser.id);
      this.actors[username] = { username, id: createUser.id, token: await this.t.signInAs(username, FUZZ_PASSWORD) };
    }
    this.infrastructure.push(this.department);

    await this.setUpOther();
    const head = this.actors['fuzz.head']!.token;
    await this.ok('mutation { saveAnswerTemplate(input: { title: "Шаблон", body: "Ваше обращение рассмотрено." }) { id } }', {}, head);
    for (const kind of ['INTEGRATOR', 'WALL_DISPLAY'])
      await this.ok('mutation($k: TokenKind!) { createApiToken(input: { name: "Фаззер", kind: $k, scopes: [ORG_READ] }) { id: token } }', { k: kind }, head);
    // The integrator who runs what only a token may (ingestion).
    const integrator = await this.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "Фаззер-интегратор", kind: INTEGRATOR, scopes: [ITEMS_INGEST, ORG_READ] }) { token } }',
      {},
      head,
    );
    this.actors['fuzz.integrator'] = { username: 'fuzz.integrator', id: '', token: integrator.createApiToken.token };
    await this.replenish(true);
    await this.installChangeLog();
  }

  /** B: a second district with a head, a department, a settlement, items, a problem, files, a template and a token. */
  private async setUpOther(): Promise<void> {
    await systemEm(this.t.orm).transactional(async (tx) => {
      const m = tx.create(Municipality, {
        code: 'kalach',
        name: 'Калачёвский муниципальный район Волгоградской области',
        shortName: 'Калачёвский район',
        regionName: 'Волгоградская область',
        timezone: 'Europe/Volgograd',
      });
      const { sectors } = seedRubricator(tx, m);
      seedCalendar(tx, m);
      tx.create(Settlement, { municipality: m, code: 'kalach_gp', name: 'Калачёвское городское поселение', kind: SettlementKind.URBAN, localities: [], streets: [] });
      const d = tx.create(Department, { municipality: m, code: 'kalach_housing', name: 'Отдел ЖКХ Калача', kind: DepartmentKind.ADMIN_UNIT, active: true });
      d.sectors.set([sectors.get('ZHKH')!]);
      tx.create(User, { municipality: m, username: 'kalach.head', fullName: 'Руководитель Калачёвского МЦУ', roles: [Role.HEAD], passwordHash: await hashPassword(FUZZ_PASSWORD), locale: 'ru', active: true });
      await tx.flush();
      this.b = m.id;
    });
    this.bHead = await this.t.signInAs('kalach.head', FUZZ_PASSWORD);
    const dept = (await this.query<{ id: string }>('select id from department where municipality_id = $1', [this.b]))[0]!.id;
    await this.ok('mutation($d: ID!) { createUser(input: { username: "kalach.executor", fullName: "Исполнитель Калача", roles: [EXECUTOR], departmentId: $d, password: "kalach-password" }) { id } }', { d: dept }, this.bHead);
    const file = await this.upload(this.bHead, 'калач.pdf');
    await this.upload(this.bHead, 'калач-черновик.pdf');
    const items: string[] = [];
    for (const n of [1, 2, 3]) {
      const { createItem } = await this.ok<{ createItem: { id: string; version: number } }>(
        'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
        { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, categoryCode: 'ZHKH_HEATING', text: `Не греют батареи, дом ${n}`, applicant: { name: 'Петров Пётр' }, attachmentIds: n === 1 ? [file] : [] } },
        this.bHead,
      );
      items.push(createItem.id);
      if (n === 1) await this.ok('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id } }', { id: createItem.id, v: createItem.version, d: dept }, this.bHead);
    }
    const { createProblem } = await this.ok<{ createProblem: { id: string } }>('mutation($i: [ID!]) { createProblem(input: { title: "Отопление в Калаче", itemIds: $i }) { id } }', { i: [items[2]] }, this.bHead);
    await this.ok('mutation($id: ID!) { confirmProblem(id: $id) { id } }', { id: createProblem.id }, this.bHead);
    await this.ok('mutation($p: ID!) { addProblemMeasure(problemId: $p, input: { text: "Промыть систему", dueDate: "2026-04-01" }) { id } }', { p: createProblem.id }, this.bHead);
    await this.ok('mutation { saveAnswerTemplate(input: { title: "Калач", body: "Шаблон ответа Калача" }) { id } }', {}, this.bHead);
    await this.ok('mutation { createApiToken(input: { name: "Калач", kind: INTEGRATOR, scopes: [ORG_READ] }) { token } }', {}, this.bHead);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rows to act on

  private async walk(kind: string, status: string, category?: string): Promise<string> {
    const head = this.actors['fuzz.head']!.token;
    const channel = kind === 'INCIDENT' ? 'SOCIAL_VK' : kind === 'MESSAGE' ? 'PHONE' : 'LETTER';
    const { createItem } = await this.ok<{ createItem: { id: string; version: number } }>(
      'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
      {
        i: {
          kind, channel, identified: true, register: status !== 'NEW',
          // Each text its own (a random tail): alike incidents would be grouped as posts of one (docs/text.md).
          text: `Фаззер: ${kind} ${status} ${randomUUID().replaceAll('-', '')}`,
          applicant: { name: 'Иванов Иван Иванович', phone: '+7 900 000-00-00', address: 'г. Суровикино, ул. Ленина, д. 1' },
          ...(category ? { categoryCode: category } : {}),
        },
      },
      head,
    );
    let { id, version } = createItem;
    const step = async (doc: string, vars: Record<string, unknown> = {}) => {
      const data = await this.ok<Record<string, { version: number }>>(doc, { id, v: version, ...vars }, head);
      version = Object.values(data)[0]!.version;
    };
    const path: Record<string, string[]> = {
      NEW: [],
      REGISTERED: [],
      ASSIGNED: ['assign'],
      IN_PROGRESS: ['assign', 'start'],
      WAITING_CITIZEN: ['assign', 'start', 'ask'],
      ON_REVIEW: ['assign', 'start', 'submit'],
      ANSWERED: ['assign', 'start', 'submit', 'approve'],
      REOPENED: ['assign', 'start', 'submit', 'approve', 'rate'],
    };
    for (const s of path[status]!) {
      if (s === 'assign') await step('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { version } }', { d: this.department });
      if (s === 'start') await step('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { version } }');
      if (s === 'ask') await step('mutation($id: ID!, $v: Int!) { askCitizen(id: $id, version: $v, comment: "Уточните адрес") { version } }');
      if (s === 'submit') await step('mutation($id: ID!, $v: Int!) { submitAnswer(id: $id, version: $v, input: { text: "Работы выполнены, фото приложено." }) { version } }');
      if (s === 'approve') await step('mutation($id: ID!, $v: Int!) { approveAnswer(id: $id, version: $v, input: { outcome: SUPPORTED_MEASURES_TAKEN }) { version } }');
      if (s === 'rate') await step('mutation($id: ID!, $v: Int!) { rateItem(id: $id, version: $v, input: { satisfied: false }) { version } }');
    }
    return id;
  }

  /**
   * Keeps rows of every kind in every state an operation can act on (the fuzzer's successes use them up): items in
   * each status, problems in each open status with items and measures, loose files, a proposal. In between tests a
   * step that fails (the fuzzer may have deactivated what it needs) is left out: these rows only aim the fuzzer deeper.
   */
  async replenish(strict = false): Promise<void> {
    const attempt = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        if (strict) throw e;
      }
    };
    const targets: [string, string][] = [
      ['APPEAL', 'NEW'], ['APPEAL', 'REGISTERED'], ['MESSAGE', 'REGISTERED'], ['APPEAL', 'ASSIGNED'], ['INCIDENT', 'ASSIGNED'],
      ['APPEAL', 'IN_PROGRESS'], ['INCIDENT', 'IN_PROGRESS'], ['MESSAGE', 'WAITING_CITIZEN'], ['APPEAL', 'ON_REVIEW'],
      ['APPEAL', 'ANSWERED'], ['APPEAL', 'REOPENED'],
    ];
    const counts = await this.query<{ kind: string; status: string; n: number }>(
      `select kind, status, count(*)::int as n from item where municipality_id = $1 and extended_at is null and parent_id is null group by 1, 2`,
      [this.a],
    );
    for (const [kind, status] of targets) {
      const have = counts.find((c) => c.kind === kind && c.status === status)?.n ?? 0;
      for (let i = have; i < 2; i++) await attempt(() => this.walk(kind, status));
    }
    const problems = await this.query<{ status: string; n: number }>(`select status, count(*)::int as n from problem where municipality_id = $1 group by 1`, [this.a]);
    for (const status of ['PROPOSED', 'CONFIRMED', 'IN_WORK']) {
      const have = problems.find((p) => p.status === status)?.n ?? 0;
      for (let i = have; i < 2; i++) {
        await attempt(async () => {
          const item = await this.walk('MESSAGE', 'REGISTERED');
          const { createProblem } = await this.ok<{ createProblem: { id: string } }>('mutation($i: [ID!]) { createProblem(input: { title: "Фаззер: проблема", itemIds: $i }) { id } }', { i: [item] });
          if (status === 'PROPOSED') return;
          await this.ok('mutation($id: ID!) { confirmProblem(id: $id) { id } }', { id: createProblem.id });
          await this.ok('mutation($p: ID!, $d: ID!) { addProblemMeasure(problemId: $p, input: { text: "Фаззер: мероприятие", dueDate: "2026-04-01", departmentId: $d }) { id } }', { p: createProblem.id, d: this.department });
          if (status === 'IN_WORK') await this.ok('mutation($id: ID!) { approveProblemPlan(id: $id) { id } }', { id: createProblem.id });
        });
      }
    }
    const loose = await this.query<{ n: number }>('select count(*)::int as n from attachment where municipality_id = $1 and item_id is null', [this.a]);
    for (let i = loose[0]!.n; i < 3; i++) await attempt(() => this.upload(this.actors['fuzz.head']!.token, `акт-${i}.pdf`));
    if (!(await this.proposals()).length) await attempt(() => this.makeProposal());
  }

  /** Three items of one category on one new street make a proposal (docs/problems.md). */
  async makeProposal(): Promise<void> {
    this.round += 1;
    const category = (await this.query<{ code: string }>('select code from category where municipality_id = $1 and active order by code limit 1', [this.a]))[0]?.code;
    const settlement = (await this.query<{ id: string }>('select id from settlement where municipality_id = $1 order by code limit 1', [this.a]))[0]!.id;
    if (!category) return;
    for (const n of [1, 2, 3]) {
      await this.ok('mutation($i: ItemInput!) { createItem(input: $i) { id } }', {
        i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: category, settlementId: settlement, address: `ул. Фаззерная ${this.round}, д. ${n}`, text: 'Фаззер: повторяется' },
      });
    }
  }

  /** The keys of the proposals as the fuzzer's head sees them now. */
  async proposals(): Promise<string[]> {
    const r = await this.send('{ problemProposals { key } }', {}, this.actors['fuzz.head']!.token);
    return ((r.body?.data?.problemProposals as { key: string }[] | undefined) ?? []).map((p) => p.key);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Naming rows when a request is made

  /**
   * Replaces the placeholders of generated arguments with what they name now: rows of A (those the operation can act
   * on, when `aimed`: the condition `aims` gives, in which `$3` is the operation's own `id`) or of B, the current
   * version of the item named by `id`, a proposal key, a password. Rows of the kinds `replenish` keeps that the
   * fuzzer's successes used up are made again first.
   */
  async resolve(args: Record<string, unknown>, actor: string, aims: Partial<Record<Entity, string>>): Promise<Record<string, unknown>> {
    const pools = new Map<string, string[]>();
    let ownId: string | null = null;
    const pool = async (p: PickRef): Promise<string[]> => {
      const aim = p.from === 'mine' && p.aimed ? aims[p.$pick] : undefined;
      const key = `${p.$pick}:${p.from}:${aim ?? ''}`;
      if (!pools.has(key)) {
        const table = TABLES[p.$pick];
        const read = async () =>
          (
            await this.query<{ id: string }>(
              `select id from ${table} where municipality_id = $1 and not (id = any($2::uuid[]))${aim ? ` and (${aim})` : ''}
               order by ${table === 'item' ? 'number' : 'created_at, id'}`,
              [p.from === 'mine' ? this.a : this.b, this.infrastructure, ...(aim?.includes('$3') ? [ownId] : [])],
            )
          ).map((r) => r.id);
        let ids = await read();
        if (!ids.length && aim && !aim.includes('$3') && RESTOCKED.includes(p.$pick)) {
          await this.replenish();
          ids = await read();
        }
        pools.set(key, ids);
      }
      return pools.get(key)!;
    };
    const walk = async (v: unknown): Promise<unknown> => {
      // One at a time: the fuzzer's one connection runs one statement at a time.
      if (Array.isArray(v)) {
        const out = [];
        for (const x of v) out.push(await walk(x));
        return out;
      }
      if (!v || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      if ('$pick' in o) {
        const p = o as unknown as PickRef;
        let ids = await pool(p);
        if (!ids.length && p.aimed) ids = await pool({ ...p, aimed: false });
        return ids.length ? ids[p.n % ids.length] : NO_ROW;
      }
      if ('$proposal' in o) {
        let keys = await this.proposals();
        if (!keys.length) {
          await this.makeProposal().catch(() => undefined);
          keys = await this.proposals();
        }
        return keys.length ? keys[(o.$proposal as number) % keys.length] : 'bm90LWEtcHJvcG9zYWw';
      }
      if ('$password' in o) return this.passwords[o.$password === 'self' ? actor : (o.$password as string)];
      if ('$version' in o) return o;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = await walk(x);
      return out;
    };
    // The operation's own row first: the other ids may be aimed by it (the items of this problem).
    const resolved: Record<string, unknown> = {};
    if ('id' in args) {
      resolved.id = await walk(args.id);
      ownId = typeof resolved.id === 'string' && UUID.test(resolved.id) ? resolved.id : null;
    }
    for (const [k, v] of Object.entries(args)) if (k !== 'id') resolved[k] = await walk(v);
    const version = resolved.version as { $version?: string } | undefined;
    if (version && typeof version === 'object' && '$version' in version) {
      const current = ownId ? ((await this.query<{ version: number }>('select version from item where id = $1', [ownId]))[0]?.version ?? 1) : 1;
      resolved.version = version.$version === 'current' ? current : version.$version === 'stale' ? current - 1 : current + 1;
    }
    return resolved;
  }

  /** Whose user id is this (for the fuzzer's book of passwords). */
  async usernameOf(id: unknown): Promise<string | undefined> {
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return (await this.query<{ username: string }>('select username from app_user where id = $1', [id]))[0]?.username;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Every row a request writes

  /**
   * A trigger on every table logs each row inserted, deleted or really changed (an update that leaves the row as it
   * was is not a change) into `fuzz_change`, in the writer's transaction: what a rolled-back request wrote is gone
   * from the log too. Left out, because a refused request may write them: the sign-in throttle's counters, the audit
   * log's failed and throttled sign-ins, and when a session or token was last seen (every request notes it).
   */
  private async installChangeLog(): Promise<void> {
    await this.query(`create unlogged table fuzz_change (id bigserial primary key, tbl text not null, op text not null, ref text, cols text[])`);
    await this.query(`
      create function fuzz_note() returns trigger language plpgsql as $$
      declare o jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - coalesce(tg_argv, '{}'::text[]) end;
              n jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - coalesce(tg_argv, '{}'::text[]) end;
      begin
        if tg_op = 'UPDATE' and o = n then return null; end if;
        insert into fuzz_change (tbl, op, ref, cols) values (
          tg_table_name, tg_op, coalesce(n, o) ->> coalesce((select k from jsonb_object_keys(coalesce(n, o)) k where k in ('id', 'key') limit 1), 'id'),
          case when tg_op = 'UPDATE' then (select array_agg(k order by k) from jsonb_object_keys(n) k where n -> k is distinct from o -> k) end);
        return null;
      end $$`);
    const ignored: Record<string, string[]> = { user_session: ['last_seen_at'], api_token: ['last_used_at'] };
    const tables = await this.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
       and table_name not in ('fuzz_change', 'mikro_orm_migrations', 'sign_in_throttle') order by 1`,
    );
    for (const { table_name: name } of tables) {
      const args = (ignored[name] ?? []).map((c) => `'${c}'`).join(', ');
      if (name === 'audit_event') {
        await this.query(`create trigger fuzz_note after insert on audit_event for each row when (new.action not in ('SIGN_IN_FAILED', 'SIGN_IN_THROTTLED')) execute function fuzz_note()`);
        await this.query(`create trigger fuzz_note_ud after update or delete on audit_event for each row execute function fuzz_note()`);
      } else {
        await this.query(`create trigger fuzz_note after insert or update or delete on "${name}" for each row execute function fuzz_note(${args})`);
      }
    }
  }

  /** The rows written since the last call. */
  async changes(): Promise<Change[]> {
    return this.query<Change>('delete from fuzz_change returning tbl, op, ref, cols');
  }

  async close(): Promise<void> {
    await this.sql?.end();
  }
}
