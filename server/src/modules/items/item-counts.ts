import type { AppPubSub } from '../../graphql/pubsub.js';
import { hearEverywhere } from '../live/outbox.js';

/** At most this many remembered counts; the oldest is forgotten first. */
const MAX_ENTRIES = 5_000;

/**
 * The lists' counts this instance counted a moment ago, so that the inbox's `totalCount` is not recounted for every
 * page and every person who opens the same list (docs/performance.md: at 200,000 items the count was three quarters
 * of the database's work for an inbox page, and it grows with the open items). A list's count changes only when an
 * item changes, and every change of an item is announced (`ITEM_EVENT`), so a count stays exact:
 * - the counts of a municipality are forgotten when an item of it changes: at once in the process that announces
 *   the change (before it commits, never too late) and when the announcement arrives from any instance through the
 *   live bus (after the commit); a count being read while that happens is not remembered (the `mark`);
 * - a count whose condition depends on the clock (a deadline state, the overdue queue: a value that is a Date) is
 *   never remembered: it changes as time passes;
 * - what no announcement tells (a row changed by hand, the retention job's erasure of applicants, which only an
 *   applicant search counts) holds for at most `ttlMs`.
 * Counts are kept per municipality and per statement (its text and values: the viewer's reach is in them), so two
 * people see the same count only for the same list.
 */
export class ItemCounts {
  private readonly entries = new Map<string, { scope: string; n: number; until: number }>();
  private readonly stops: (() => void)[] = [];
  /** Per scope (a municipality, or 'all' for a regional reader's counts), the changes heard so far. */
  private readonly changes = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    pubsub?: AppPubSub,
  ) {
    if (ttlMs <= 0) return;
    this.stops.push(hearEverywhere('ITEM_EVENT', pubsub, 'item counts', (e) => this.changed(e.municipalityId)));
  }

  /** The key of a count statement, or null when it is not to be remembered (off, or its condition reads the clock). */
  key(scope: string, text: string, params: readonly unknown[]): string | null {
    if (this.ttlMs <= 0 || params.some((p) => p instanceof Date)) return null;
    return `${scope}\u0000${text}\u0000${JSON.stringify(params)}`;
  }

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= performance.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.n;
  }

  /** The mark to take before counting, for `set`. */
  mark(scope: string): number {
    return this.changes.get(scope) ?? 0;
  }

  /** Remembers a count, unless an item of its scope changed since `mark` was taken. */
  set(key: string, scope: string, n: number, mark: number): void {
    if (this.ttlMs <= 0 || mark !== this.mark(scope)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { scope, n, until: performance.now() + this.ttlMs });
  }

  /** An item of this municipality changed: its counts and the regional ones are forgotten. */
  changed(municipalityId: string): void {
    this.changes.set(municipalityId, (this.changes.get(municipalityId) ?? 0) + 1);
    // A regional reader's counts span every municipality: they are forgotten too, and their mark moves with any change.
    this.changes.set('all', (this.changes.get('all') ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.scope === municipalityId || entry.scope === 'all') this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.entries.clear();
  }
}
