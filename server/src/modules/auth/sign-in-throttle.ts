import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../graphql/errors.js';

/**
 * Sign-in throttling (docs/security.md, "Signing in"): failed attempts are counted per username and address, per
 * username and per address, in PostgreSQL (so every instance sees them), and each count past its free allowance
 * makes the next attempt wait a growing delay. There is no lock that a stranger can set off: a person signing in
 * from another address is held back only by the lenient per-username count. An unknown username is counted and
 * answered exactly like a known one, so the answers tell nothing of which usernames exist.
 */
type Rule = { free: number; maxDelaySeconds: number };

const RULES: Record<'pair' | 'user' | 'address', Rule> = {
  // One address trying one username: after 3 failures, 2 s, then 4, 8, … up to 5 minutes.
  pair: { free: 3, maxDelaySeconds: 300 },
  // One username from anywhere (a distributed guess): after 10 failures, 2 s doubling up to a minute.
  user: { free: 10, maxDelaySeconds: 60 },
  // One address trying many usernames (spraying): after 20 failures, 2 s doubling up to 5 minutes.
  address: { free: 20, maxDelaySeconds: 300 },
};

/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

export function delaySeconds(rule: Rule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(2 ** (failures - rule.free), rule.maxDelaySeconds);
}

function keysOf(username: string, address: string | undefined): { key: string; rule: Rule }[] {
  const u = username.trim().toLowerCase();
  const a = address ?? 'unknown';
  return [
    { key: `pair:${u}|${a}`, rule: RULES.pair },
    { key: `user:${u}`, rule: RULES.user },
    { key: `address:${a}`, rule: RULES.address },
  ];
}

/** Refuses the attempt, before the password is looked at, while any of its counts makes it wait. */
export async function checkThrottle(em: EntityManager, username: string, address: string | undefined, now: Date): Promise<void> {
  const keys = keysOf(username, address).map((k) => k.key);
  const rows = (await em.getConnection().execute(
    `select max(blocked_until) as until from sign_in_throttle where key in (?, ?, ?) and blocked_until > ?`,
    [...keys, now],
  )) as { until: Date | string | null }[];
  const until = rows[0]?.until ? new Date(rows[0].until) : null;
  if (until) {
    const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw new AppError(ErrorCode.TOO_MANY_ATTEMPTS, `Too many failed attempts; try again in ${retryAfter} s`, {
      retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    });
  }
}

/** Counts a failed attempt against each of its keys and sets the wait it earns. */
export async function recordFailure(em: EntityManager, username: string, address: string | undefined, now: Date): Promise<void> {
  for (const { key, rule } of keysOf(username, address)) {
    const rows = (await em.getConnection().execute(
      `insert into sign_in_throttle (key, failures, first_failure_at, blocked_until) values (?, 1, ?, null)
       on conflict (key) do update set
         failures = case when sign_in_throttle.first_failure_at < ? then 1 else sign_in_throttle.failures + 1 end,
         first_failure_at = case when sign_in_throttle.first_failure_at < ? then excluded.first_failure_at else sign_in_throttle.first_failure_at end
       returning failures`,
      [key, now, new Date(now.getTime() - WINDOW_MS), new Date(now.getTime() - WINDOW_MS)],
    )) as { failures: number }[];
    const wait = delaySeconds(rule, Number(rows[0]!.failures));
    if (wait > 0) {
      await em.getConnection().execute(`update sign_in_throttle set blocked_until = ? where key = ?`, [new Date(now.getTime() + wait * 1000), key]);
    }
  }
}

/** A successful sign-in forgets the failures of that username (from that address and from anywhere). */
export async function clearFailures(em: EntityManager, username: string, address: string | undefined): Promise<void> {
  const [pair, user] = keysOf(username, address);
  await em.getConnection().execute(`delete from sign_in_throttle where key in (?, ?)`, [pair!.key, user!.key]);
}

/** Old counts are of no use: dropped by the scheduler. */
export async function purgeThrottle(em: EntityManager, now: Date): Promise<number> {
  const r = (await em.getConnection().execute(
    `delete from sign_in_throttle where first_failure_at < ? and (blocked_until is null or blocked_until < ?)`,
    [new Date(now.getTime() - WINDOW_MS), now],
    'run',
  )) as { affectedRows?: number };
  return r.affectedRows ?? 0;
}
