import type { WallEnv } from '../env';
import { trackingLink } from '../../../test/network';

/**
 * A stand-in for the Otklik server, for the wall's component tests: it speaks graphql-ws (the graphql-transport-ws
 * protocol) over a fake WebSocket class and answers HTTP GraphQL through a fake fetch, so the wall runs its real
 * client (Apollo, graphql-ws, its reconnection and cursors) with nothing of them replaced. A test answers queries
 * by operation name, pushes events to the subscriptions of an operation, and stops and starts the server.
 *
 * Socket events arrive as microtasks, as a browser delivers them after the current task: `settle()` delivers them.
 */

type Variables = Record<string, unknown>;
type Result = { data?: unknown; errors?: unknown[] };
type Message = { type: string; id?: string; payload?: unknown };
type Close = { code: number; reason: string; wasClean: boolean };

export type Subscribed = { id: string; operationName: string; variables: Variables; socket: FakeSocket };
export type Requested = { operationName: string; variables: Variables; headers: Record<string, string>; credentials?: RequestCredentials };

interface FakeSocket {
  readyState: number;
  protocol: string;
  url: string;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: Close) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: string }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const [CONNECTING, OPEN, CLOSING, CLOSED] = [0, 1, 2, 3];

export class WallServer {
  /** Whether it accepts connections and answers requests. */
  up = true;
  /** Whether it answers the wall's pings (a dead network does not). */
  answersPings = true;
  /** Every socket opened to it, and the `connection_init` payload of each. */
  readonly sockets: FakeSocket[] = [];
  readonly connectionParams: unknown[] = [];
  /** Every subscription ever started, in order; `active` holds those still running. */
  readonly subscribed: Omit<Subscribed, 'socket'>[] = [];
  readonly active = new Map<string, Subscribed>();
  /** Every HTTP request, in order. */
  readonly requests: Requested[] = [];
  private readonly handlers = new Map<string, (variables: Variables) => Result | Promise<Result>>();

  /** Answers the query (or mutation) of this name with this result, or with what the function returns. */
  answer(operationName: string, result: Result | ((variables: Variables) => Result | Promise<Result>)): this {
    this.handlers.set(operationName, typeof result === 'function' ? result : () => result);
    return this;
  }

  /** The running subscriptions of an operation. */
  running(operationName: string): Subscribed[] {
    return [...this.active.values()].filter((s) => s.operationName === operationName);
  }

  /** Sends a result to every running subscription of the operation; says to how many. */
  push(operationName: string, data: unknown): number {
    const targets = this.running(operationName);
    for (const s of targets) this.deliver(s.socket, { id: s.id, type: 'next', payload: { data } });
    return targets.length;
  }

  /** Ends every running subscription of the operation with these GraphQL errors (as graphql-ws's `error`). */
  fail(operationName: string, errors: unknown[]): number {
    const targets = this.running(operationName);
    for (const s of targets) {
      this.active.delete(s.id);
      this.deliver(s.socket, { id: s.id, type: 'error', payload: errors });
    }
    return targets.length;
  }

  /** The server goes away: every socket closes (1006 as after a crash, 1001 as after a clean stop); nothing answers. */
  stop(code = 1006): void {
    this.up = false;
    for (const socket of this.sockets) {
      if (socket.readyState === CLOSED) continue;
      this.drop(socket, { code, reason: '', wasClean: code !== 1006 });
    }
  }

  /** Closes every open socket with this code and reason, and stays up (as the server closing a connection). */
  closeSockets(code: number, reason = ''): void {
    for (const socket of this.sockets) {
      if (socket.readyState === CLOSED) continue;
      this.drop(socket, { code, reason, wasClean: true });
    }
  }

  /** The server is back: new connections and requests are answered. */
  start(): void {
    this.up = true;
  }

  /** What the wall's client is given instead of the browser's network. */
  env(): WallEnv {
    return {
      httpUri: 'http://wall.test/graphql',
      wsUrl: 'ws://wall.test/graphql',
      fetch: this.fetch,
      webSocketImpl: this.socketClass(),
      links: [trackingLink()],
    };
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName: string; variables?: Variables };
    this.requests.push({
      operationName: body.operationName,
      variables: body.variables ?? {},
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      credentials: init?.credentials,
    });
    if (!this.up) throw new TypeError('Failed to fetch');
    const handler = this.handlers.get(body.operationName);
    const result = handler ? await handler(body.variables ?? {}) : { errors: [{ message: `no answer for ${body.operationName}` }] };
    const text = JSON.stringify(result);
    return { ok: true, status: 200, headers: new Headers({ 'content-type': 'application/json' }), text: async () => text } as unknown as Response;
  };

  private socketClass(): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    return class Socket implements FakeSocket {
      static readonly CONNECTING = CONNECTING;
      static readonly OPEN = OPEN;
      static readonly CLOSING = CLOSING;
      static readonly CLOSED = CLOSED;
      readyState = CONNECTING;
      onopen: FakeSocket['onopen'] = null;
      onclose: FakeSocket['onclose'] = null;
      onerror: FakeSocket['onerror'] = null;
      onmessage: FakeSocket['onmessage'] = null;
      constructor(
        readonly url: string,
        readonly protocol: string,
      ) {
        server.sockets.push(this);
        queueMicrotask(() => {
          if (this.readyState !== CONNECTING) return;
          if (!server.up) {
            // As a browser does when nothing listens: an error, then a close 1006.
            this.readyState = CLOSED;
            this.onerror?.({ type: 'error' });
            this.onclose?.({ code: 1006, reason: '', wasClean: false });
            return;
          }
          this.readyState = OPEN;
          this.onopen?.({ type: 'open' });
        });
      }
      send(data: string) {
        if (this.readyState !== OPEN) throw new Error('not open');
        server.receive(this, JSON.parse(data) as Message);
      }
      close(code = 1000, reason = '') {
        if (this.readyState === CLOSED) return;
        server.drop(this, { code, reason, wasClean: true });
      }
    };
  }

  private receive(socket: FakeSocket, message: Message) {
    switch (message.type) {
      case 'connection_init':
        this.connectionParams.push(message.payload);
        this.deliver(socket, { type: 'connection_ack' }, true);
        return;
      case 'ping':
        if (this.answersPings) this.deliver(socket, { type: 'pong' }, true);
        return;
      case 'subscribe': {
        const payload = message.payload as { operationName: string; variables?: Variables };
        const entry = { id: message.id!, operationName: payload.operationName, variables: payload.variables ?? {} };
        this.subscribed.push(entry);
        this.active.set(entry.id, { ...entry, socket });
        return;
      }
      case 'complete':
        this.active.delete(message.id!);
        return;
      default:
        return;
    }
  }

  private deliver(socket: FakeSocket, message: Message, later = false) {
    const send = () => {
      if (socket.readyState === OPEN) socket.onmessage?.({ data: JSON.stringify(message) });
    };
    if (later) queueMicrotask(send);
    else send();
  }

  private drop(socket: FakeSocket, event: Close) {
    socket.readyState = CLOSED;
    for (const [id, s] of this.active) if (s.socket === socket) this.active.delete(id);
    queueMicrotask(() => socket.onclose?.(event));
  }
}
