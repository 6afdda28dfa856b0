import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import UiTextField from './UiTextField.vue';

describe('UiTextField', () => {
  it('links the label, gives attributes to the input and reports the problems', async () => {
    const wrapper = mount(UiTextField, {
      props: { label: 'Код', problems: ['Уже занято'], modelValue: '' },
      attrs: { 'data-testid': 'code', class: 'wide' },
    });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'));
    expect(input.attributes('data-testid')).toBe('code');
    expect(wrapper.classes()).toContain('wide');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toBe('Уже занято');
  });

  it('keeps the value a string, also for number inputs', async () => {
    const wrapper = mount(UiTextField, { props: { label: 'Дни', type: 'number', modelValue: '' } });
    await wrapper.get('input').setValue('5');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['5']);
  });
});
