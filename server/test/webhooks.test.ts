import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startScheduler, type Scheduler } from '../src/jobs/scheduler.js';
import { addressProblem, isPublicAddress, urlFormProblem } from '../src/modules/webhooks/webhook-url.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/*
 * Webhooks over real HTTP (docs/integrators.md, "Webhooks"): the server runs with its scheduler (pg-boss), and the
 * subscribers' endpoints are real HTTP servers started here. Backoff base 100 ms and a dispatcher round every 100 ms,
 * so retries take a second or two; an attempt's time-out is 20 s, far longer than any wait below, so an endpoint that
 * never answers holds its request for the whole test.
 */

const BASE_MS = 100;
const MAX_ATTEMPTS = 5;
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_BACKOFF_BASE_MS: String(BASE_MS),
  WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  WEBHOOK_TIMEOUT_MS: '20000',
  WEBHOOK_CONCURRENCY: '4',
  WEBHOOK_POLL_MS: '100',
};

type Received = { headers: IncomingHttpHeaders; body: string; at: number; res: ServerResponse };

/** A subscriber's endpoint: answers each request with what `answer` says (a status, or 'hang': never). */
class Endpoint {
  readonly received: Received[] = [];
  answer: (n: number) => number | 'hang' = () => 200;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now(), res });
        const a = this.answer(this.received.length);
        if (a !== 'hang') res.writeHead(a).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }

  bodies(): { event: string; item?: { id: string } }[] {
    return this.received.map((r) => JSON.parse(r.body) as { event: string; item?: { id: string } });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

/** The receiver's check, written here from the documented scheme (not the server's code). */
function signedBy(secret: string, r: Received, toleranceS = 300): boolean {
  const header = String(r.headers['x-otklik-signature'] ?? '');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest('hex');
  return expected === m[2] && Math.abs(Date.now() / 1000 - Number(m[1])) <= toleranceS;
}

let t: TestApp;
let scheduler: Scheduler;
let head: string;
const endpoints: Endpoint[] = [];

const endpoint = async () => {
  const e = await new Endpoint().start();
  endpoints.push(e);
  return e;
};

async function token(scopes: string[], name = `webhooks ${scopes.join(' ')}`): Promise<{ token: string; id: string }> {
  const r = await t.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
    'mutation($s: [Scope!]!, $n: String!) { createApiToken(input: { name: $n, kind: INTEGRATOR, scopes: $s }) { token apiToken { id } } }',
    { s: scopes, n: name },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return { token: r.data.createApiToken.token, id: r.data.createApiToken.apiToken.id };
}

async function createWebhook(as: string, url: string, secret: string, eventTypes = ['CREATED']): Promise<string> {
  const r = await t.gql<{ createWebhook: { id: string } }>(
    'mutation($i: WebhookInput!) { createWebhook(input: $i) { id } }',
    { i: { url, secret, eventTypes } },
    as,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createWebhook.id;
}

const APPLICANT = 'Петров Пётр Петрович';

async function createItem(text: string): Promise<string> {
  const r = await t.gql<{ createItem: { id: string } }>(
    'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
    { i: { kind: 'MESSAGE', channel: 'PHONE', identified: true, text, categoryCode: 'ZHKH_HEATING', applicant: { name: APPLICANT, phone: '+79001234567' } } },
    head,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createItem.id;
}

type Delivery = { id: string; status: string; eventType: string; itemId: string | null; body: string; attempts: { number: number; at: string; httpStatus: number | null; error: string | null; durationMs: number }[] };

async function deliveries(as: string, webhookId: string): Promise<Delivery[]> {
  const r = await t.gql<{ webhookDeliveries: { nodes: Delivery[] } }>(
    'query($w: ID!) { webhookDeliveries(webhookId: $w, first: 100) { nodes { id status eventType itemId body attempts { number at httpStatus error durationMs } } } }',
    { w: webhookId },
    as,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.webhookDeliveries.nodes;
}

beforeAll(async () => {
  t = await startTestApp({ env: WEBHOOK_ENV });
  head = await t.signInAs('head');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.dbUrl, DATA_DIR: t.dataDir, LOG_LEVEL: 'error', ...WEBHOOK_ENV });
  scheduler = await startScheduler({ orm: t.orm, databaseUrl: t.dbUrl, now: t.clock.now, config });
}, 120_000);

afterAll(async () => {
  await scheduler?.stop();
  for (const e of endpoints) await e.stop();
  await t?.stop();
});

describe('webhooks', () => {
  it('an endpoint that fails three times receives the event on the fourth try, signed; the four attempts are logged with growing waits', async () => {
    const hook = await endpoint();
    hook.answer = (n) => (n <= 3 ? 500 : 200);
    const sub = await token(['ITEMS_READ', 'WEBHOOKS']);
    const secret = 'whsec-fourth-try-0123456789';
    const webhookId = await createWebhook(sub.token, hook.url, secret);
    const itemId = await createItem('Холодные батареи в подъезде, четвёртая попытка');

    await vi.waitFor(() => expect(hook.received).toHaveLength(4), { timeout: 20_000, interval: 50 });
    const [first, , , fourth] = hook.received;
    // The same delivery each time: the same id and the same bytes; the fourth, answered 200, carries a valid signature.
    expect(new Set(hook.received.map((r) => r.headers['x-otklik-delivery'])).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    expect(signedBy(secret, fourth!)).toBe(true);
    expect(signedBy('another-secret-0123456789', fourth!)).toBe(false);
    expect(fourth!.headers['x-otklik-event']).toBe('CREATED');
    expect(fourth!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(fourth!.body) as { id: string; event: string; item: Record<string, unknown> };
    expect(body).toMatchObject({ id: first!.headers['x-otklik-delivery'], event: 'CREATED', item: { id: itemId, kind: 'MESSAGE', status: 'NEW', categoryCode: 'ZHKH_HEATING' } });
    expect(body.item.number).toMatch(/^\d{4}-\d+$/);
    // No personal data in a payload: the applicant is read over GraphQL, through the access policy.
    expect(fourth!.body).not.toContain('Петров');
    expect(fourth!.body).not.toContain('79001234567');

    await vi.waitFor(async () => expect((await deliveries(sub.token, webhookId))[0]?.status).toBe('DELIVERED'), { timeout: 5_000, interval: 50 });
    const [d] = await deliveries(sub.token, webhookId);
    expect(d).toMatchObject({ eventType: 'CREATED', itemId, body: fourth!.body });
    expect(d!.attempts.map((a) => [a.number, a.httpStatus, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 500, 'HTTP 500'],
      [4, 200, null],
    ]);
    // Exponential backoff: the endpoint saw the retries after at least 100, 200 and 400 ms.
    const gaps = hook.received.slice(1).map((r, i) => r.at - hook.received[i]!.at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(BASE_MS * 2 ** i - 5));
  }, 30_000);

  it("an endpoint that never answers does not delay another subscriber's deliveries", async () => {
    const hanging = await endpoint();
    hanging.answer = () => 'hang';
    const healthy = await endpoint();
    const slowSub = await token(['ITEMS_READ', 'WEBHOOKS'], 'never answers');
    const fastSub = await token(['ITEMS_READ', 'WEBHOOKS'], 'answers');
    // The hanging subscriber registers first, so its deliveries are made before the other's.
    await createWebhook(slowSub.token, hanging.url, 'whsec-hanging-0123456789');
    const fastHook = await createWebhook(fastSub.token, healthy.url, 'whsec-healthy-0123456789');

    const first = await createItem('Не вывозят мусор, первое сообщение');
    await vi.waitFor(() => expect(hanging.received).toHaveLength(1), { timeout: 10_000, interval: 20 });
    // The hanging endpoint now holds a request open (for up to 20 s); a second item is made meanwhile.
    const sentAt = Date.now();
    const second = await createItem('Не вывозят мусор, второе сообщение');
    await vi.waitFor(() => expect(healthy.bodies().map((b) => b.item?.id)).toEqual([first, second]), { timeout: 5_000, interval: 20 });
    const arrived = healthy.received[1]!.at - sentAt;
    // Delivered while the other endpoint's first request is still unanswered, within a few dispatcher rounds.
    expect(hanging.received[0]!.res.writableEnded).toBe(false);
    expect(hanging.received[0]!.res.socket?.destroyed).toBe(false);
    expect(arrived).toBeLessThan(3_000);
    const fast = await deliveries(fastSub.token, fastHook);
    expect(fast.map((d) => [d.status, d.attempts.length])).toEqual([
      ['DELIVERED', 1],
      ['DELIVERED', 1],
    ]);
  }, 30_000);

  it('after the last attempt a delivery is DEAD (dead-lettered); replayWebhookDelivery sends it again and it is delivered', async () => {
    const hook = await endpoint();
    let down = true;
    hook.answer = () => (down ? 503 : 204);
    const sub = await token(['ITEMS_READ', 'WEBHOOKS']);
    const webhookId = await createWebhook(sub.token, hook.url, 'whsec-dead-letter-0123456789');
    await createItem('Яма на дороге у школы');

    await vi.waitFor(async () => expect((await deliveries(sub.token, webhookId))[0]?.status).toBe('DEAD'), { timeout: 20_000, interval: 100 });
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);
    const dead = await t.gql<{ webhookDeliveries: { nodes: { id: string }[] } }>(
      'query($w: ID!) { webhookDeliveries(webhookId: $w, status: DEAD) { nodes { id } } }',
      { w: webhookId },
      sub.token,
    );
    const deadId = dead.data!.webhookDeliveries.nodes[0]!.id;

    down = false;
    const replay = await t.gql<{ replayWebhookDelivery: { status: string } }>('mutation($id: ID!) { replayWebhookDelivery(id: $id) { status } }', { id: deadId }, sub.token);
    expect(replay).toEqual({ data: { replayWebhookDelivery: { status: 'PENDING' } } });
    await vi.waitFor(async () => expect((await deliveries(sub.token, webhookId))[0]?.status).toBe('DELIVERED'), { timeout: 10_000, interval: 50 });
    const [d] = await deliveries(sub.token, webhookId);
    expect(d!.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 503, 503, 503, 204]);
    expect(hook.received.at(-1)!.headers['x-otklik-delivery']).toBe(deadId);
  }, 30_000);

  it("a revoked token's webhook receives nothing more: the head's webhook gets the event, the token's gets no delivery", async () => {
    const tokenHook = await endpoint();
    const headHook = await endpoint();
    const sub = await token(['ITEMS_READ', 'WEBHOOKS'], 'to be revoked');
    const tokenWebhook = await createWebhook(sub.token, tokenHook.url, 'whsec-revoked-0123456789');
    const headWebhook = await createWebhook(head, headHook.url, 'whsec-head-0123456789');
    const revoked = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: sub.id }, head);
    expect(revoked.errors).toBeUndefined();

    const itemId = await createItem('Не горят фонари во дворе');
    // The head's delivery is made in the same round as the token's would be.
    await vi.waitFor(() => expect(headHook.bodies().map((b) => b.item?.id)).toContain(itemId), { timeout: 10_000, interval: 50 });
    expect(tokenHook.received).toHaveLength(0);
    // The head sees every webhook of the municipality, and the token's has no delivery.
    expect(await deliveries(head, tokenWebhook)).toEqual([]);
    expect((await deliveries(head, headWebhook)).map((d) => d.itemId)).toEqual([itemId]);
  }, 30_000);

  it('pingWebhook sends a signed PING', async () => {
    const hook = await endpoint();
    const secret = 'whsec-ping-0123456789abcdef';
    const webhookId = await createWebhook(head, hook.url, secret);
    const r = await t.gql<{ pingWebhook: { id: string; eventType: string } }>('mutation($w: ID!) { pingWebhook(webhookId: $w) { id eventType } }', { w: webhookId }, head);
    expect(r.data?.pingWebhook.eventType).toBe('PING');
    await vi.waitFor(() => expect(hook.received).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(hook.received[0]!.headers['x-otklik-event']).toBe('PING');
    expect(hook.received[0]!.headers['x-otklik-delivery']).toBe(r.data!.pingWebhook.id);
    expect(signedBy(secret, hook.received[0]!)).toBe(true);
  }, 30_000);
});

describe('webhook registration', () => {
  it('the secret is never returned: a webhook shows its last four characters, and the type has no secret field', async () => {
    const sub = await token(['ITEMS_READ', 'WEBHOOKS']);
    await createWebhook(sub.token, 'http://127.0.0.1:9/hook', 'whsec-shown-never-abcdWXYZ');
    const r = await t.gql<{ webhooks: { url: string; secretHint: string; owner: string; eventTypes: string[] }[] }>('{ webhooks { url secretHint owner eventTypes } }', {}, sub.token);
    expect(r.data!.webhooks).toEqual([{ url: 'http://127.0.0.1:9/hook', secretHint: '…WXYZ', owner: 'token:webhooks ITEMS_READ WEBHOOKS', eventTypes: ['CREATED'] }]);
    const type = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Webhook") { fields { name } } }');
    expect(type.data!.__type.fields.map((f) => f.name)).not.toContain('secret');
  });

  it("a token sees only its own webhooks and cannot read or replay another's (NOT_FOUND)", async () => {
    const a = await token(['ITEMS_READ', 'WEBHOOKS'], 'owner a');
    const b = await token(['ITEMS_READ', 'WEBHOOKS'], 'owner b');
    const hookA = await createWebhook(a.token, 'http://127.0.0.1:9/a', 'whsec-owner-a-0123456789');
    const listB = await t.gql<{ webhooks: { id: string }[] }>('{ webhooks { id } }', {}, b.token);
    expect(listB.data!.webhooks.map((w) => w.id)).not.toContain(hookA);
    const read = await t.gql('query($w: ID!) { webhookDeliveries(webhookId: $w) { nodes { id } } }', { w: hookA }, b.token);
    expect(codeOf(read)).toBe('NOT_FOUND');
    const del = await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hookA }, b.token);
    expect(codeOf(del)).toBe('NOT_FOUND');
  });

  it('refuses a URL that is not http(s) or carries credentials, a short secret, and a token that cannot read items', async () => {
    const sub = await token(['ITEMS_READ', 'WEBHOOKS']);
    const create = (i: Record<string, unknown>, as = sub.token) => t.gql('mutation($i: WebhookInput!) { createWebhook(input: $i) { id } }', { i }, as);
    const ok = { url: 'https://127.0.0.1/hook', secret: 'whsec-0123456789abcdef', eventTypes: ['CREATED'] };
    const field = (r: Awaited<ReturnType<typeof create>>) => (r.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.[0]?.field;
    for (const url of ['ftp://127.0.0.1/hook', 'https://user:pass@127.0.0.1/hook', 'not a url']) {
      const r = await create({ ...ok, url });
      expect([codeOf(r), field(r)], url).toEqual(['BAD_USER_INPUT', 'url']);
    }
    const short = await create({ ...ok, secret: 'short' });
    expect([codeOf(short), field(short)]).toEqual(['BAD_USER_INPUT', 'secret']);
    const noRead = await token(['WEBHOOKS']);
    expect(codeOf(await create(ok, noRead.token))).toBe('FORBIDDEN');
  });

  it('refuses private, loopback, link-local and mapped addresses unless they are allowed; public ones pass', async () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ['93.184.216.34', '2a00:1450:4010:c0e::65']) expect(isPublicAddress(a), a).toBe(true);
    expect(await addressProblem('http://127.0.0.1:8080/hook', false)).toMatch(/not a public address/);
    expect(await addressProblem('http://[::1]/hook', false)).toMatch(/not a public address/);
    expect(await addressProblem('http://localhost/hook', false)).toMatch(/not a public address/);
    expect(await addressProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(await addressProblem('http://93.184.216.34/hook', false)).toBeNull();
    expect(urlFormProblem('file:///etc/passwd')).toMatch(/http/);
  });
});
