import { describe, expect, it } from 'vitest';
import { applyChange, FEED_SIZE, feedRow, fillFeed, type FeedRow } from './feed';
import { feedItem } from './testing/fixtures';

const row = (n: number, event: FeedRow['event'] = 'REGISTERED') => feedRow(feedItem(n), event, '2026-11-27T09:00:00.000Z');
const numbers = (rows: readonly FeedRow[]) => rows.map((r) => r.number.slice(-2));

describe('the feed', () => {
  it('puts a new item first and never keeps more than FEED_SIZE rows', () => {
    let rows: FeedRow[] = [];
    for (let n = 1; n <= FEED_SIZE + 3; n += 1) rows = applyChange(rows, row(n));
    expect(rows).toHaveLength(FEED_SIZE);
    expect(numbers(rows.slice(0, 3))).toEqual(['33', '32', '31']);
    expect(rows.at(-1)!.number).toBe('2026-000004');
  });

  it('updates an item already shown where it stands, without adding a row', () => {
    const rows = [row(3), row(2), row(1)];
    const next = applyChange(rows, { ...row(2, 'ANSWERED'), deadlineState: null, dueAt: null });
    expect(numbers(next)).toEqual(['03', '02', '01']);
    expect(next[1]).toMatchObject({ event: 'ANSWERED', dueAt: null });
    // The list it was given is not changed.
    expect(rows[1]!.event).toBe('REGISTERED');
  });

  it('fills in loaded items after the rows events brought, without repeating an item, within FEED_SIZE', () => {
    const fromEvents = [row(50, 'CREATED'), row(40, 'ASSIGNED')];
    const loaded = Array.from({ length: FEED_SIZE }, (_, i) => row(49 - i, 'RECEIVED'));
    const rows = fillFeed(fromEvents, loaded);
    expect(rows).toHaveLength(FEED_SIZE);
    expect(numbers(rows.slice(0, 4))).toEqual(['50', '40', '49', '48']);
    expect(rows.filter((r) => r.itemId === 'i-40')).toHaveLength(1);
    expect(rows.find((r) => r.itemId === 'i-40')!.event).toBe('ASSIGNED');
  });

  it('says a MESSAGE’s clock is paused while it waits for the citizen, never an APPEAL’s', () => {
    expect(feedRow(feedItem(1, { kind: 'MESSAGE', pausedAt: '2026-11-26T10:00:00.000Z' }), 'UPDATED', '2026-11-27T09:00:00.000Z').paused).toBe(true);
    expect(feedRow(feedItem(1, { kind: 'APPEAL', pausedAt: '2026-11-26T10:00:00.000Z' }), 'UPDATED', '2026-11-27T09:00:00.000Z').paused).toBe(false);
  });
});
