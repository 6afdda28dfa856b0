import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineComponent, h, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { TimeZoneKey } from '../shared/injection';
import { render } from '../test/render';
import { formatFieldValue, parseFieldText, withNextSeparator, zonedInputToIso } from './format';
import UiDateField from './UiDateField.vue';

describe('date field text (format.ts)', () => {
  it('writes a value day first in the interface language: дд.мм.гггг in Russian, dd/mm/yyyy in English, 24-hour', () => {
    expect(formatFieldValue('2026-03-01', 'ru', 'date')).toBe('01.03.2026');
    expect(formatFieldValue('2026-03-01', 'en', 'date')).toBe('01/03/2026');
    expect(formatFieldValue('2026-11-27T22:44', 'ru', 'datetime')).toBe('27.11.2026 22:44');
    expect(formatFieldValue('2026-11-27T22:44', 'en', 'datetime')).toBe('27/11/2026 22:44');
    expect(formatFieldValue('', 'ru', 'date')).toBe('');
    expect(formatFieldValue('27.11.2026', 'ru', 'date')).toBe('');
  });

  it('reads day-first dates in either language, digits alone and pasted ISO, and only real dates and times', () => {
    expect(parseFieldText('27.11.2026', 'date')).toBe('2026-11-27');
    expect(parseFieldText('27/11/2026', 'date')).toBe('2026-11-27');
    expect(parseFieldText('1.3.2026', 'date')).toBe('2026-03-01');
    expect(parseFieldText('27112026', 'date')).toBe('2026-11-27');
    expect(parseFieldText(' 2026-11-27 ', 'date')).toBe('2026-11-27');
    expect(parseFieldText('27.11.2026 9:05', 'datetime')).toBe('2026-11-27T09:05');
    expect(parseFieldText('27.11.2026, 22:44', 'datetime')).toBe('2026-11-27T22:44');
    expect(parseFieldText('2026-11-27T22:44', 'datetime')).toBe('2026-11-27T22:44');
    // Not a day that exists, not a time of a 24-hour clock, not whole, or the wrong kind of value.
    expect(parseFieldText('31.02.2026', 'date')).toBeNull();
    expect(parseFieldText('29.02.2026', 'date')).toBeNull();
    expect(parseFieldText('29.02.2028', 'date')).toBe('2028-02-29');
    expect(parseFieldText('11/27/2026', 'date')).toBeNull();
    expect(parseFieldText('27.11.2026 24:00', 'datetime')).toBeNull();
    expect(parseFieldText('27.11.2026 10:44 PM', 'datetime')).toBeNull();
    expect(parseFieldText('27.11.20', 'date')).toBeNull();
    expect(parseFieldText('27.11.2026', 'datetime')).toBeNull();
    expect(parseFieldText('27.11.2026 12:00', 'date')).toBeNull();
  });

  it('adds the next separator as digits are typed, and does not double one typed by hand', () => {
    expect(withNextSeparator('27', 'ru', 'date')).toBe('27.');
    expect(withNextSeparator('27.11', 'ru', 'date')).toBe('27.11.');
    expect(withNextSeparator('27', 'en', 'date')).toBe('27/');
    expect(withNextSeparator('27.11.2026', 'ru', 'date')).toBe('27.11.2026');
    expect(withNextSeparator('27.11.2026', 'ru', 'datetime')).toBe('27.11.2026 ');
    expect(withNextSeparator('27.11.2026 12', 'ru', 'datetime')).toBe('27.11.2026 12:');
    expect(withNextSeparator('27..', 'ru', 'date')).toBe('27.');
    expect(withNextSeparator('1.', 'ru', 'date')).toBe('1.');
  });
});

/** A form holding one field, as a page does. */
function host(mode: 'date' | 'datetime', initial = '', extra: Record<string, unknown> = {}) {
  const value = ref(initial);
  const invalid = ref(false);
  const Host = defineComponent({
    setup: () => () =>
      h(UiDateField, {
        label: 'Поступило',
        mode,
        modelValue: value.value,
        'onUpdate:modelValue': (v: string) => (value.value = v),
        invalid: invalid.value,
        'onUpdate:invalid': (v: boolean) => (invalid.value = v),
        'data-testid': 'field',
        ...extra,
      }),
  });
  return { Host, value, invalid };
}

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const input = (wrapper: Wrapper) => wrapper.get('[data-testid="field"]');
const text = (wrapper: Wrapper) => (input(wrapper).element as HTMLInputElement).value;

describe('UiDateField', () => {
  it('is a text field showing its value as the Russian interface writes it, whatever the browser would', async () => {
    const { Host } = host('datetime', '2026-11-27T22:44');
    const { wrapper } = await render(Host);
    expect(input(wrapper).attributes('type')).toBe('text');
    expect(text(wrapper)).toBe('27.11.2026 22:44');
    expect(input(wrapper).attributes('placeholder')).toBe('дд.мм.гггг чч:мм');
  });

  it('shows the same value the English way, and rewrites it when the language changes', async () => {
    const { Host } = host('date', '2026-03-01');
    const { wrapper, i18n } = await render(Host, { locale: 'en' });
    expect(text(wrapper)).toBe('01/03/2026');
    expect(input(wrapper).attributes('placeholder')).toBe('dd/mm/yyyy');
    i18n.global.locale.value = 'ru';
    await wrapper.vm.$nextTick();
    expect(text(wrapper)).toBe('01.03.2026');
  });

  it('gives the typed date as its value only once it is whole and real, and says how to write it otherwise', async () => {
    const { Host, value, invalid } = host('date', '2026-11-27');
    const { wrapper } = await render(Host);
    await input(wrapper).setValue('31.12.20');
    // Typing on: the value is still the last whole date, the field is not yet scolded.
    expect(value.value).toBe('2026-11-27');
    expect(invalid.value).toBe(true);
    expect(wrapper.text()).not.toContain('Введите дату');

    await input(wrapper).setValue('31.12.2026');
    expect(value.value).toBe('2026-12-31');
    expect(invalid.value).toBe(false);

    await input(wrapper).setValue('31.02.2026');
    expect(value.value).toBe('2026-12-31');
    expect(invalid.value).toBe(true);
    expect(wrapper.text()).toContain('Введите дату в виде дд.мм.гггг');
    expect(input(wrapper).attributes('aria-invalid')).toBe('true');

    await input(wrapper).setValue('');
    expect(value.value).toBe('');
    expect(invalid.value).toBe(false);
  });

  it('tidies what was typed when the field is left', async () => {
    const { Host, value } = host('datetime');
    const { wrapper } = await render(Host);
    await input(wrapper).setValue('1.3.2026 9:05');
    await input(wrapper).trigger('blur');
    expect(value.value).toBe('2026-03-01T09:05');
    expect(text(wrapper)).toBe('01.03.2026 09:05');
  });

  it('adds the separators itself while digits are typed at the end', async () => {
    const { Host, value } = host('date');
    const { wrapper } = await render(Host);
    const el = input(wrapper).element as HTMLInputElement;
    for (const digit of '27112026') {
      el.value += digit;
      el.setSelectionRange(el.value.length, el.value.length);
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: digit }));
    }
    await wrapper.vm.$nextTick();
    expect(el.value).toBe('27.11.2026');
    expect(value.value).toBe('2026-11-27');
  });

  it('turns a typed wall-clock time into the instant of the municipality, not of the browser', async () => {
    const { Host, value } = host('datetime');
    const { wrapper } = await render(Host);
    await input(wrapper).setValue('27.11.2026 12:00');
    // What a form sends: 12:00 in Volgograd (UTC+3) is 09:00 UTC; in Vladivostok (UTC+10) it would be 02:00 UTC.
    expect(zonedInputToIso(value.value, 'Europe/Volgograd')).toBe('2026-11-27T09:00:00.000Z');
    expect(zonedInputToIso(value.value, 'Asia/Vladivostok')).toBe('2026-11-27T02:00:00.000Z');
  });

  it('opens a calendar of the month, Monday first, with today of the municipality marked, and picks a day', async () => {
    // 21:30 UTC on 27 November is already 28 November in Volgograd.
    const { vi } = await import('vitest');
    vi.setSystemTime(new Date('2026-11-27T21:30:00.000Z'));
    const { Host, value } = host('date', '', { min: '2026-11-28' });
    const { wrapper } = await render(Host, { provide: { [TimeZoneKey as symbol]: ref('Europe/Volgograd') } });
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    const calendar = wrapper.get('[data-testid="date-field-calendar"]');
    expect(calendar.get('.calendar__title').text()).toBe('Ноябрь 2026 г.');
    expect(calendar.findAll('th').map((th) => th.text())).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    expect(calendar.get('[aria-current="date"]').attributes('data-day')).toBe('2026-11-28');
    // Before `min` cannot be picked; the focus is on today.
    expect(calendar.get('[data-day="2026-11-27"]').attributes('aria-disabled')).toBe('true');
    await calendar.get('[data-day="2026-11-27"]').trigger('click');
    expect(value.value).toBe('');
    expect(document.activeElement?.getAttribute('data-day')).toBe('2026-11-28');

    await calendar.get('[data-day="2026-11-28"]').trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-day')).toBe('2026-12-05');
    expect(wrapper.get('.calendar__title').text()).toBe('Декабрь 2026 г.');
    await wrapper.get('[data-day="2026-12-05"]').trigger('click');
    expect(value.value).toBe('2026-12-05');
    expect(text(wrapper)).toBe('05.12.2026');
    expect(wrapper.find('[data-testid="date-field-calendar"]').exists()).toBe(false);
  });

  it('keeps the typed time when a day is picked, and closes the calendar alone on Escape', async () => {
    const { Host, value } = host('datetime', '2026-11-27T14:05');
    const { wrapper } = await render(Host);
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    await wrapper.get('[data-testid="date-field-previous"]').trigger('click');
    await wrapper.get('[data-day="2026-10-30"]').trigger('click');
    expect(value.value).toBe('2026-10-30T14:05');

    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    let reachedOutside = false;
    document.body.addEventListener('keydown', () => (reachedOutside = true), { once: true });
    wrapper.get('[data-testid="date-field-calendar"]').element.dispatchEvent(escape);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-testid="date-field-calendar"]').exists()).toBe(false);
    expect(reachedOutside).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="date-field-open"]').element);

    // Escape with the focus still on the button that opened it closes it too.
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    await wrapper.get('[data-testid="date-field-open"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="date-field-calendar"]').exists()).toBe(false);
  });

  it('lets the keyboard reach a day that cannot be picked, and picks nothing there', async () => {
    const { Host, value } = host('date', '2030-03-04', { max: '2026-11-27' });
    const { wrapper } = await render(Host);
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    expect(document.activeElement?.getAttribute('data-day')).toBe('2030-03-04');
    await wrapper.get('[data-day="2030-03-04"]').trigger('keydown', { key: 'PageUp' });
    expect(document.activeElement?.getAttribute('data-day')).toBe('2030-02-04');
    await wrapper.get('[data-day="2030-02-04"]').trigger('click');
    expect(value.value).toBe('2030-03-04');
  });
});

describe('the dashboard', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.vue') ? [path] : [];
    });
  }

  it('has no native date or time input, which would follow the system instead of the interface language', () => {
    // Vitest runs in web/.
    const src = join(process.cwd(), 'src');
    const native = /type="(?:date|datetime-local|time|month|week)"|type:\s*'(?:date|datetime-local|time)'/;
    const found = sources(src)
      .filter((file) => native.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(found).toEqual([]);
  });
});
