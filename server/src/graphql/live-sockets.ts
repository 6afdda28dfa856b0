import type { WebSocket } from 'ws';
import type { AppPubSub, Topics } from './pubsub.js';
import type { Viewer } from './context.js';
import { logger, safeError } from '../shared/logger.js';

/**
 * A WebSocket is a session like any other: when the session or token behind it ends (sign-out, a password
 * change, deactivation, a revoked token, expiry) its socket is closed at once, so its subscriptions hear
 * nothing more and it answers no more operations. When a person's roles, department or sectors change, the
 * socket is closed with "service restart", so the client reconnects and is seen anew.
 *
 * Revocations travel as `ACCESS_REVOKED` events on the pubsub, like every other event, so that a bus between
 * server instances carries them too.
 */
export const CLOSE_REVOKED = { code: 4401, reason: 'Unauthorized' } as const;
export const CLOSE_ACCESS_CHANGED = { code: 1012, reason: 'Access changed: reconnect' } as const;

export type Revocation = Topics['ACCESS_REVOKED'][0];

/** Whether a revocation ends this viewer's session or token (or, ACCESS_CHANGED, how it is seen). */
export function revokes(r: Revocation, v: Viewer): boolean {
  return v.kind === 'user'
    ? (r.sessionId !== undefined && r.sessionId === v.sessionId) || (r.userId !== undefined && r.userId === v.userId && r.exceptSessionId !== v.sessionId)
    : r.tokenId !== undefined && r.tokenId === v.tokenId;
}

type Entry = { socket: WebSocket; viewer: Viewer; expiry?: NodeJS.Timeout };

export class LiveSockets {
  private readonly entries = new Set<Entry>();
  private readonly stopListening: () => void;

  constructor(pubsub: AppPubSub) {
    const events = pubsub.subscribe('ACCESS_REVOKED');
    void (async () => {
      for await (const r of events) this.revoke(r);
    })().catch((e: unknown) => logger.error('live sockets: revocations stopped', safeError(e)));
    this.stopListening = () => void events.return?.(undefined);
  }

  /** Tracks an authenticated socket until it closes; closes it when its session expires. */
  add(socket: WebSocket, viewer: Viewer, expiresAt: Date | null, now: Date): void {
    const entry: Entry = { socket, viewer };
    if (expiresAt) {
      const ms = expiresAt.getTime() - now.getTime();
      // Timers hold at most ~24.8 days; a longer token is re-checked at each new operation.
      if (ms < 2 ** 31 - 1) entry.expiry = setTimeout(() => socket.close(CLOSE_REVOKED.code, CLOSE_REVOKED.reason), Math.max(ms, 0));
      entry.expiry?.unref();
    }
    this.entries.add(entry);
    socket.once('close', () => this.remove(entry));
  }

  private remove(entry: Entry): void {
    if (entry.expiry) clearTimeout(entry.expiry);
    this.entries.delete(entry);
  }

  /** Closes the sockets a revocation names. */
  revoke(r: Revocation): number {
    let closed = 0;
    for (const e of [...this.entries]) {
      if (!revokes(r, e.viewer)) continue;
      const how = r.reason === 'ACCESS_CHANGED' ? CLOSE_ACCESS_CHANGED : CLOSE_REVOKED;
      e.socket.close(how.code, how.reason);
      this.remove(e);
      closed += 1;
    }
    return closed;
  }

  get size(): number {
    return this.entries.size;
  }

  stop(): void {
    this.stopListening();
    for (const e of this.entries) if (e.expiry) clearTimeout(e.expiry);
    this.entries.clear();
  }
}

/**
 * Whether a browser page on `origin` may use the session cookie on this server: the same origin as the request
 * (its Host), or one of the configured dashboard origins. A request without an Origin is not a browser's
 * cross-site request (browsers always send it with a WebSocket).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) return true;
  return allowed.includes(parsed.origin);
}

/**
 * Messages sent to one socket within the same turn of the event loop leave in one write (one system call) instead
 * of one each: a change usually makes two events (CREATED and REGISTERED) that reach every subscriber together,
 * and writing to the sockets is most of what a fan-out costs. The socket is corked at its first message of the
 * turn and uncorked when the turn's promise jobs are done (`process.nextTick` runs after them), so nothing waits
 * for a later turn. Uses the `ws` socket's underlying TCP socket; without one it does nothing.
 */
export function coalesceWrites(socket: WebSocket): void {
  const tcp = (socket as unknown as { _socket?: { cork?: () => void; uncork?: () => void; writable?: boolean } })._socket;
  if (!tcp?.cork || !tcp.uncork) return;
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  let corked = false;
  const uncork = () => {
    corked = false;
    tcp.uncork!();
  };
  socket.send = ((...args: unknown[]) => {
    if (!corked && tcp.writable) {
      corked = true;
      tcp.cork!();
      process.nextTick(uncork);
    }
    send(...args);
  }) as WebSocket['send'];
}
