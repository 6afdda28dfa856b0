import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { coalesceWrites } from '../src/graphql/live-sockets.js';

/**
 * Messages to one socket in the same turn of the event loop go out in one write (graphql/live-sockets.ts): what a
 * fan-out of a change's two events to thousands of subscribers saves. Counted at the TCP socket under `ws`, with a
 * real server and client.
 */
let server: WebSocketServer | undefined;
afterEach(async () => {
  for (const c of server?.clients ?? []) c.terminate();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

async function pair(coalesce: boolean): Promise<{ serverSide: WebSocket; client: WebSocket; writes: () => number }> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await once(client, 'open');
  const [serverSide] = await accepted;
  if (coalesce) coalesceWrites(serverSide);
  const tcp = (serverSide as unknown as { _socket: { _writeGeneric: (...a: unknown[]) => unknown } })._socket;
  let count = 0;
  const original = tcp._writeGeneric.bind(tcp);
  tcp._writeGeneric = (...a: unknown[]) => {
    count += 1;
    return original(...a);
  };
  return { serverSide, client, writes: () => count };
}

async function receive(client: WebSocket, n: number): Promise<string[]> {
  const got: string[] = [];
  await new Promise<void>((resolve) =>
    client.on('message', (d: Buffer) => {
      got.push(d.toString());
      if (got.length === n) resolve();
    }),
  );
  return got;
}

describe('coalescing the writes of a WebSocket', () => {
  it('three messages sent in one turn leave in one write and arrive whole and in order', async () => {
    const { serverSide, client, writes } = await pair(true);
    const arriving = receive(client, 3);
    await Promise.resolve().then(() => {
      serverSide.send('{"n":1}');
      serverSide.send('{"n":2}');
      serverSide.send('x'.repeat(70_000));
    });
    const got = await arriving;
    expect(got.map((m) => m.slice(0, 7))).toEqual(['{"n":1}', '{"n":2}', 'xxxxxxx']);
    expect(got[2]).toHaveLength(70_000);
    expect(writes()).toBe(1);
    client.close();
  });

  it('without it, the same three messages take a write each', async () => {
    const { serverSide, client, writes } = await pair(false);
    const arriving = receive(client, 3);
    serverSide.send('{"n":1}');
    serverSide.send('{"n":2}');
    serverSide.send('x'.repeat(70_000));
    await arriving;
    expect(writes()).toBe(3);
    client.close();
  });

  it('messages of later turns are not held back: each turn writes on its own', async () => {
    const { serverSide, client, writes } = await pair(true);
    const first = receive(client, 1);
    serverSide.send('one');
    await first;
    client.removeAllListeners('message');
    const second = receive(client, 1);
    serverSide.send('two');
    expect(await second).toEqual(['two']);
    expect(writes()).toBe(2);
    client.close();
  });
});
