import type { Viewer } from '../../graphql/context.js';
import type { AppPubSub } from '../../graphql/pubsub.js';
import { revokes, type Revocation } from '../../graphql/live-sockets.js';
import { hearEverywhere } from '../live/outbox.js';

/** At most this many remembered viewers; the oldest is forgotten first. */
const MAX_ENTRIES = 20_000;

/**
 * The viewers this instance checked a moment ago, by the hash of their secret, so that a session or a token is
 * read from the database once every `ttlMs` rather than on every request (docs/performance.md: the check was one
 * statement of every request, and most requests are a few statements). It stays exact where it matters:
 * - an ended session or token is forgotten when its `ACCESS_REVOKED` is announced in this process (sign-out, a
 *   password changed or set, deactivation, a token revoked; before the change commits, so never too late) and when
 *   it arrives from any instance through the live bus (after the commit), the same events that close WebSockets;
 * - a change of a person's roles, department or sectors (ACCESS_CHANGED) is forgotten the same way, so the next
 *   request sees the person anew;
 * - the session's or token's own expiry is checked on every request, on the request's clock.
 * What it cannot hear (a row changed by hand in the database) holds for at most `ttlMs`. Only viewers that exist
 * are remembered: an unknown secret is asked for every time, and cannot fill the memory.
 */
export class ViewerCache {
  private readonly entries = new Map<string, { viewer: Viewer; until: number }>();
  private readonly stops: (() => void)[] = [];
  /** Counts revocations: a check that started before one must not remember what it read (it may be stale). */
  private revocations = 0;

  constructor(
    private readonly ttlMs: number,
    pubsub?: AppPubSub,
  ) {
    if (ttlMs <= 0) return;
    this.stops.push(hearEverywhere('ACCESS_REVOKED', pubsub, 'viewer cache', (r) => this.revoke(r)));
  }

  /** The remembered viewer of this secret's hash, if it is still fresh and its session or token not expired at `now`. */
  get(hash: string, now: Date): Viewer | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const expiresAt = entry.viewer.expiresAt;
    if (entry.until <= performance.now() || (expiresAt && expiresAt.getTime() <= now.getTime())) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.viewer;
  }

  /** The mark to take before reading a viewer from the database, for `set`. */
  get mark(): number {
    return this.revocations;
  }

  /** Remembers a viewer read from the database, unless a revocation was heard since `mark` was taken. */
  set(hash: string, viewer: Viewer, mark: number): void {
    if (this.ttlMs <= 0 || mark !== this.revocations) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { viewer, until: performance.now() + this.ttlMs });
  }

  /** Forgets the viewers a revocation names. */
  revoke(r: Revocation): void {
    this.revocations += 1;
    for (const [hash, entry] of this.entries) if (revokes(r, entry.viewer)) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.entries.clear();
  }
}
