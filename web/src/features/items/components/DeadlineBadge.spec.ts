import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../../test/render';
import DeadlineBadge from './DeadlineBadge.vue';

afterEach(() => vi.useRealTimers());

describe('DeadlineBadge', () => {
  it('counts down every 30 seconds and turns overdue when the deadline passes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-27T09:00:00.000Z'));
    const { wrapper } = await render(DeadlineBadge, { props: { dueAt: '2026-11-27T09:45:00.000Z', state: 'DUE_SOON' } });
    const badge = () => wrapper.get('[data-testid="deadline-badge"]');
    expect(badge().text()).toContain('осталось 45 мин');
    expect(badge().attributes('data-state')).toBe('DUE_SOON');

    vi.advanceTimersByTime(30 * 60_000);
    await wrapper.vm.$nextTick();
    expect(badge().text()).toContain('осталось 15 мин');

    vi.advanceTimersByTime(20 * 60_000);
    await wrapper.vm.$nextTick();
    expect(badge().attributes('data-state')).toBe('OVERDUE');
    expect(badge().classes()).toContain('badge--danger');
    expect(badge().text()).toContain('просрочено на 5 мин');
    wrapper.unmount();
  });

  it('says when the clock is paused, and shows the deadline in the municipality time', async () => {
    const { wrapper } = await render(DeadlineBadge, {
      props: { dueAt: '2026-12-01T14:00:00.000Z', state: 'ON_TRACK', paused: true },
      locale: 'en',
    });
    const badge = wrapper.get('[data-testid="deadline-badge"]');
    expect(badge.text()).toBe('paused');
    expect(badge.attributes('data-state')).toBe('PAUSED');
    expect(badge.attributes('title')).toBe('Due: 01/12/2026, 14:00');
  });
});
