import { describe, expect, it, vi } from 'vitest';
import { execute, gql } from '@apollo/client/core';

// The WebSocket itself is graphql-ws's business; here a fake client records what the link asks of it.
const clients: { dispose: ReturnType<typeof vi.fn>; subscribe: ReturnType<typeof vi.fn> }[] = [];
vi.mock('graphql-ws', () => ({
  createClient: vi.fn(() => {
    const client = {
      dispose: vi.fn(),
      subscribe: vi.fn((_payload: unknown, sink: { next: (v: unknown) => void; complete: () => void }) => {
        sink.next({ data: { ping: clients.length } });
        sink.complete();
        return () => undefined;
      }),
    };
    clients.push(client);
    return client;
  }),
}));

const { RestartableWsLink } = await import('./restartable-ws-link');

const subscription = gql`
  subscription Ping {
    ping
  }
`;

function run(link: InstanceType<typeof RestartableWsLink>) {
  return new Promise((resolve, reject) => execute(link, { query: subscription }).subscribe({ next: resolve, error: reject }));
}

describe('RestartableWsLink', () => {
  it('opens the connection lazily, and a fresh one after a restart (sign-in or sign-out)', async () => {
    const link = new RestartableWsLink({ url: 'ws://localhost/graphql', lazy: true });
    expect(clients).toHaveLength(0);

    expect(await run(link)).toEqual({ data: { ping: 1 } });
    expect(await run(link)).toEqual({ data: { ping: 1 } });
    expect(clients).toHaveLength(1);
    expect(clients[0]!.subscribe.mock.calls[0]![0]).toMatchObject({ operationName: 'Ping', query: expect.stringContaining('subscription Ping') });

    link.restart();
    expect(clients[0]!.dispose).toHaveBeenCalledTimes(1);
    expect(await run(link)).toEqual({ data: { ping: 2 } });
    expect(clients).toHaveLength(2);
  });
});
