import { describe, expect, it, vi } from 'vitest';
import { meMock, render } from '../../../test/render';
import { calendarWarningsQuery } from '../graphql/calendar-warnings.query';
import CalendarWarningBanner from './CalendarWarningBanner.vue';

const warnings = () => ({
  data: { calendarWarnings: [{ __typename: 'CalendarWarning', year: 2027, status: 'PROVISIONAL' }, { __typename: 'CalendarWarning', year: 2028, status: 'MISSING' }] },
});

describe('CalendarWarningBanner', () => {
  it('warns the head about every year whose production calendar is not confirmed', async () => {
    const { wrapper } = await render(CalendarWarningBanner, { mocks: [meMock('HEAD'), { request: { query: calendarWarningsQuery }, result: warnings }] });
    const banner = wrapper.get('[data-testid="calendar-warning"]');
    expect(banner.text()).toContain('Производственный календарь не подтверждён');
    expect(banner.find('[data-year="2027"]').text()).toBe('2027 год: календарь предварительный. Сроки, приходящиеся на этот год, посчитаны предварительно.');
    expect(banner.find('[data-year="2028"]').text()).toContain('календарь не загружен');
  });

  it('says nothing when every year is confirmed, and never asks for anyone but the head', async () => {
    const empty = await render(CalendarWarningBanner, {
      mocks: [meMock('HEAD'), { request: { query: calendarWarningsQuery }, result: { data: { calendarWarnings: [] } } }],
    });
    expect(empty.wrapper.find('[data-testid="calendar-warning"]').exists()).toBe(false);

    const asked = vi.fn(warnings);
    const lead = await render(CalendarWarningBanner, { mocks: [meMock('SECTOR_LEAD'), { request: { query: calendarWarningsQuery }, result: asked }] });
    expect(lead.wrapper.find('[data-testid="calendar-warning"]').exists()).toBe(false);
    expect(asked).not.toHaveBeenCalled();
  });
});
