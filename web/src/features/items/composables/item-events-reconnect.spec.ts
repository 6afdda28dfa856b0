import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApollo } from '../../../app/apollo/client';
import { pass } from '../../../test/clock';
import { itemRowFixture } from '../../../test/items';
import { itemEventsSubscription } from '../graphql/item-events.subscription';
import { itemChange } from '../test/live-server';

type Message = { type: string; id?: string; payload?: { variables?: Record<string, unknown> } & Record<string, unknown> };

/**
 * A WebSocket on the server's side of graphql-transport-ws, enough for graphql-ws: it acknowledges the connection,
 * records what the client sends, and lets the test send events and close it as the server would.
 */
class ServerSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: ServerSocket[] = [];

  readyState = ServerSocket.CONNECTING;
  readonly sent: Message[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    ServerSocket.all.push(this);
    void Promise.resolve().then(() => {
      this.readyState = ServerSocket.OPEN;
      this.onopen?.({});
    });
  }

  send(data: string): void {
    const message = JSON.parse(data) as Message;
    this.sent.push(message);
    if (message.type === 'connection_init') void Promise.resolve().then(() => this.deliver({ type: 'connection_ack' }));
  }

  deliver(message: Message): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === ServerSocket.CLOSED) return;
    this.readyState = ServerSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean: true });
  }

  /** The subscribe messages this socket received. */
  subscriptions(): Message[] {
    return this.sent.filter((m) => m.type === 'subscribe');
  }
}

afterEach(() => {
  ServerSocket.all = [];
  vi.unstubAllGlobals();
});

describe('itemEvents over a real graphql-ws client', () => {
  it('after the server drops the connection, graphql-ws subscribes again with after: the cursor of the last event received', async () => {
    vi.stubGlobal('WebSocket', ServerSocket);
    const { client } = createApollo({ httpUri: 'http://localhost/graphql', wsUrl: 'ws://localhost/graphql' });
    const cursors: string[] = [];
    const subscription = client
      .subscribe({ query: itemEventsSubscription, variables: {}, fetchPolicy: 'no-cache' })
      .subscribe({ next: (r) => cursors.push(r.data!.itemEvents.cursor) });
    await flushPromises();

    const first = ServerSocket.all[0]!;
    const [subscribe] = first.subscriptions();
    expect(subscribe!.payload!.variables).toEqual({});
    for (const cursor of ['41', '42']) {
      first.deliver({ type: 'next', id: subscribe!.id, payload: { data: itemChange({ ...itemRowFixture(), __typename: 'Item' }, { cursor }) } });
    }
    expect(cursors).toEqual(['41', '42']);

    // Too slow (docs/live.md, close 4420): graphql-ws waits a little, connects again and sends the subscription again.
    first.close(4420, 'Too slow: events waited too long');
    await pass(5_000);
    await flushPromises();
    expect(ServerSocket.all).toHaveLength(2);
    expect(ServerSocket.all[1]!.subscriptions().map((m) => m.payload!.variables)).toEqual([{ after: '42' }]);
    subscription.unsubscribe();
  });
});
