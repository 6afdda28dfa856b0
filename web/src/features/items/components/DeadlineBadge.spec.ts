import { ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { TimeZoneKey } from '../../../shared/injection';
import { render } from '../../../test/render';
import DeadlineBadge from './DeadlineBadge.vue';

describe('DeadlineBadge', () => {
  it('counts down every 30 seconds and turns overdue when the deadline passes', async () => {
    vi.setSystemTime(new Date('2026-11-27T09:00:00.000Z'));
    const { wrapper } = await render(DeadlineBadge, { props: { dueAt: '2026-11-27T09:45:00.000Z', state: 'DUE_SOON' } });
    const badge = () => wrapper.get('[data-testid="deadline-badge"]');
    expect(badge().text()).toContain('осталось 45 мин');
    expect(badge().attributes('data-state')).toBe('DUE_SOON');

    // It looks at the clock every 30 seconds, not in between.
    vi.advanceTimersByTime(29_999);
    await wrapper.vm.$nextTick();
    expect(badge().text()).toContain('осталось 45 мин');
    vi.advanceTimersByTime(1);
    await wrapper.vm.$nextTick();
    expect(badge().text()).toContain('осталось 44 мин');

    vi.advanceTimersByTime(30 * 60_000 - 30_000);
    await wrapper.vm.$nextTick();
    expect(badge().text()).toContain('осталось 15 мин');

    vi.advanceTimersByTime(20 * 60_000);
    await wrapper.vm.$nextTick();
    expect(badge().attributes('data-state')).toBe('OVERDUE');
    expect(badge().classes()).toContain('badge--danger');
    expect(badge().text()).toContain('просрочено на 5 мин');
  });

  it('says when the clock is paused, and shows the deadline in the municipality time', async () => {
    // 14:00 UTC is 17:00 in Volgograd (the zone render() provides, as the layout does).
    const { wrapper } = await render(DeadlineBadge, {
      props: { dueAt: '2026-12-01T14:00:00.000Z', state: 'ON_TRACK', paused: true },
      locale: 'en',
    });
    const badge = wrapper.get('[data-testid="deadline-badge"]');
    expect(badge.text()).toBe('paused');
    expect(badge.attributes('data-state')).toBe('PAUSED');
    expect(badge.attributes('title')).toBe('Due: 01/12/2026, 17:00');
  });

  it('shows the deadline in whichever zone it is given, never the machine’s', async () => {
    const { wrapper } = await render(DeadlineBadge, {
      props: { dueAt: '2026-12-01T14:00:00.000Z', state: 'ON_TRACK' },
      provide: { [TimeZoneKey as symbol]: ref('Asia/Vladivostok') },
    });
    expect(wrapper.get('[data-testid="deadline-badge"]').attributes('title')).toBe('Срок: 02.12.2026, 00:00');
  });

  it('in a table column (compact) shows whole hours from an hour up and at least a minute, so it never outgrows the column', async () => {
    vi.setSystemTime(new Date('2026-11-27T09:00:00.000Z'));
    const badge = async (dueAt: string, compact: boolean) =>
      (await render(DeadlineBadge, { props: { dueAt, state: 'OVERDUE', compact } })).wrapper.get('[data-testid="deadline-badge"]').text();
    // 23 h 59 min overdue: the table says 23 h; the card says it all.
    expect(await badge('2026-11-26T09:01:00.000Z', true)).toContain('просрочено на 23 ч');
    expect(await badge('2026-11-26T09:01:00.000Z', true)).not.toContain('мин');
    expect(await badge('2026-11-26T09:01:00.000Z', false)).toContain('просрочено на 23 ч 59 мин');
    expect(await badge('2026-11-21T08:00:00.000Z', true)).toContain('просрочено на 6 д 1 ч');
    expect(await badge('2026-11-27T08:30:00.000Z', true)).toContain('просрочено на 30 мин');
    // Just past: a minute, not "less than a minute".
    expect(await badge('2026-11-27T08:59:40.000Z', true)).toContain('просрочено на 1 мин');
    expect(await badge('2026-11-27T08:59:40.000Z', false)).toContain('просрочено на меньше минуты');
  });
});
