/**
 * The baseline of the live benchmark (bench/live.ts forks it; not run by hand): a bare graphql-ws server, as the
 * graphql-ws documentation sets one up, with no database, no authentication and no middleware. A graphql-js schema
 * with one Subscription field, `itemEvents`, of the same shape as Otklik's `ItemChange` (the `item` with its
 * category, settlement, deadline and masked applicant), resolved by graphql-js's default resolvers from plain
 * objects; an in-process pubsub whose subscribers each get an async iterator with a queue.
 *
 * `POST /publish` broadcasts one change: the same two events a created-and-registered item makes in Otklik
 * (CREATED, then REGISTERED), with the item object as Otklik delivered it to the wall in the same run (sent by the
 * bench as `payload` over IPC; a built-in copy otherwise), a fresh cursor and item id; it answers `{ itemId }`
 * after the publish, as Otklik's mutation answers after its commit. IPC as bench/live-child.ts.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLBoolean, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { answerParent } from './live-child.js';

type Change = { cursor: string; type: string; at: string; itemId: string; item: Record<string, unknown> };

/** The item as Otklik's wall receives it (replaced by the real one the bench captured). */
let template: Change[] = ['CREATED', 'REGISTERED'].map((type) => ({
  cursor: '0',
  type,
  at: new Date().toISOString(),
  itemId: '',
  item: {
    number: '2026-000001',
    kind: 'APPEAL',
    status: type === 'CREATED' ? 'NEW' : 'REGISTERED',
    category: { name: 'Водоснабжение' },
    settlement: { name: 'г. Суровикино' },
    dueAt: type === 'CREATED' ? null : new Date(Date.now() + 30 * 86_400_000).toISOString(),
    deadlineState: type === 'CREATED' ? null : 'ON_TIME',
    applicant: { name: 'С***а А.', masked: true },
  },
}));

// ---- a minimal pubsub: a set of listeners, an async iterator with a queue per subscriber
const listeners = new Set<(c: Change) => void>();
function subscribe(): AsyncIterableIterator<Change> {
  const queue: Change[] = [];
  let waiting: ((r: IteratorResult<Change>) => void) | null = null;
  const push = (c: Change) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w({ value: c, done: false });
    } else queue.push(c);
  };
  listeners.add(push);
  const it: AsyncIterableIterator<Change> = {
    next: () =>
      queue.length
        ? Promise.resolve({ value: queue.shift()!, done: false })
        : new Promise<IteratorResult<Change>>((resolve) => {
            waiting = resolve;
          }),
    return: () => {
      listeners.delete(push);
      waiting?.({ value: undefined, done: true });
      waiting = null;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
function publish(c: Change): void {
  for (const l of [...listeners]) l(c);
}

// ---- the schema: the shape of Otklik's ItemChange, default resolvers
const Named = new GraphQLObjectType({ name: 'Named', fields: { name: { type: GraphQLString } } });
const Applicant = new GraphQLObjectType({
  name: 'Applicant',
  fields: { name: { type: GraphQLString }, phone: { type: GraphQLString }, masked: { type: new GraphQLNonNull(GraphQLBoolean) } },
});
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    number: { type: new GraphQLNonNull(GraphQLString) },
    kind: { type: new GraphQLNonNull(GraphQLString) },
    status: { type: new GraphQLNonNull(GraphQLString) },
    category: { type: Named },
    settlement: { type: Named },
    dueAt: { type: GraphQLString },
    deadlineState: { type: GraphQLString },
    applicant: { type: Applicant },
  },
});
const ItemChange = new GraphQLObjectType({
  name: 'ItemChange',
  fields: {
    cursor: { type: new GraphQLNonNull(GraphQLString) },
    type: { type: new GraphQLNonNull(GraphQLString) },
    at: { type: new GraphQLNonNull(GraphQLString) },
    itemId: { type: new GraphQLNonNull(GraphQLString) },
    item: { type: Item },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: { itemEvents: { type: new GraphQLNonNull(ItemChange), subscribe: () => subscribe(), resolve: (c: Change) => c } },
  }),
});

// ---- the server
let cursor = 0;
const published = new Map<string, number>();
const httpServer = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    const itemId = randomUUID();
    const at = new Date().toISOString();
    for (const t of template) {
      published.set(`${itemId} ${t.type}`, performance.timeOrigin + performance.now());
      publish({ ...t, cursor: String(++cursor), at, itemId, item: { ...t.item } });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemId }));
  });
});
const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
const cleanup = useServer({ schema }, wsServer);
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
const address = httpServer.address();
const port = typeof address === 'object' && address ? address.port : 0;

answerParent(
  {
    listeners: () => listeners.size,
    published: (key) => {
      const at = published.get(key as string) ?? null;
      published.clear();
      return at;
    },
    payload: (data) => {
      template = data as Change[];
      return true;
    },
  },
  async () => {
    await cleanup.dispose();
    wsServer.close();
    httpServer.close();
  },
);
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
