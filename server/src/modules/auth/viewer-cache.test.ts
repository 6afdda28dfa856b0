import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserViewer, Viewer } from '../../graphql/context.js';
import { Role } from './roles.js';
import { ViewerCache } from './viewer-cache.js';
import { emit } from '../live/outbox.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const person = (over: Partial<UserViewer> = {}): Viewer => ({
  kind: 'user',
  userId: 'u-1',
  sessionId: 's-1',
  username: 'executor',
  roles: [Role.EXECUTOR],
  municipalityId: 'm-1',
  departmentId: 'd-1',
  sectorIds: [],
  expiresAt: new Date(NOW.getTime() + 12 * 3_600_000),
  ...over,
});

let cache: ViewerCache;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance'] });
  cache = new ViewerCache(5_000);
});
afterEach(() => {
  cache.stop();
  vi.useRealTimers();
});

describe('ViewerCache', () => {
  it('remembers a checked viewer for its time, then asks again', () => {
    cache.set('h', person(), cache.mark);
    vi.advanceTimersByTime(4_999);
    expect(cache.get('h', NOW)).toMatchObject({ userId: 'u-1' });
    vi.advanceTimersByTime(1);
    expect(cache.get('h', NOW)).toBeUndefined();
  });

  it('never serves a session past its own expiry on the request clock, however fresh', () => {
    cache.set('h', person({ expiresAt: new Date(NOW.getTime() + 1_000) }), cache.mark);
    expect(cache.get('h', new Date(NOW.getTime() + 999))).toBeDefined();
    expect(cache.get('h', new Date(NOW.getTime() + 1_000))).toBeUndefined();
  });

  it('forgets the session, the person or the token a revocation names, and no other', () => {
    cache.set('a', person(), cache.mark);
    cache.set('b', person({ sessionId: 's-2' }), cache.mark);
    cache.set('c', person({ userId: 'u-2', sessionId: 's-3' }), cache.mark);
    cache.set('t', { kind: 'token', tokenId: 't-1', tokenKind: 'WALL_DISPLAY' as never, scopes: [], sources: null, municipalityId: 'm-1', name: 'wall', expiresAt: null }, cache.mark);
    cache.revoke({ reason: 'SIGNED_OUT', sessionId: 's-1' });
    expect([cache.get('a', NOW), cache.get('b', NOW)].map((v) => !!v)).toEqual([false, true]);
    cache.revoke({ reason: 'PASSWORD_CHANGED', userId: 'u-1', exceptSessionId: 's-2' });
    expect(cache.get('b', NOW)).toBeDefined();
    cache.revoke({ reason: 'ACCESS_CHANGED', userId: 'u-1' });
    expect(cache.get('b', NOW)).toBeUndefined();
    cache.revoke({ reason: 'TOKEN_REVOKED', tokenId: 't-1' });
    expect([cache.get('c', NOW), cache.get('t', NOW)].map((v) => !!v)).toEqual([true, false]);
  });

  it('does not remember what a check read before a revocation it did not see (it may be stale)', () => {
    const mark = cache.mark;
    cache.revoke({ reason: 'SIGNED_OUT', sessionId: 's-9' });
    cache.set('h', person(), mark);
    expect(cache.get('h', NOW)).toBeUndefined();
  });

  it('forgets at once when this process announces the revocation, before its change commits', () => {
    cache.set('h', person(), cache.mark);
    // emit() only queues the event's row on the entity manager; the cache hears it as it is announced.
    const em = { create: (_: unknown, data: unknown) => data, persist: () => undefined };
    emit(em as never, 'ACCESS_REVOKED', { reason: 'DEACTIVATED', userId: 'u-1' }, NOW);
    expect(cache.get('h', NOW)).toBeUndefined();
  });

  it('remembers nothing when its time is 0', () => {
    const off = new ViewerCache(0);
    off.set('h', person(), off.mark);
    expect(off.get('h', NOW)).toBeUndefined();
    off.stop();
  });
});
