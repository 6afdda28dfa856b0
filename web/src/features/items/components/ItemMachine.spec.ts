import { describe, expect, it } from 'vitest';
import { render } from '../../../test/render';
import { classifyOptionsMock, machineFixture } from '../test/machine-fixtures';
import ItemMachine from './ItemMachine.vue';

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const text = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).text().replace(/\s+/g, ' ');
const badges = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).findAll('.badge').map((b) => b.text().replace(/\s+/g, ' '));

describe('ItemMachine', () => {
  it('names what the machine proposed, folded away: category with confidence, alternatives, urgency, place, what was applied, the model', async () => {
    const { wrapper } = await render(ItemMachine, { props: { machine: machineFixture() }, mocks: [classifyOptionsMock] });
    const details = wrapper.get('details').element as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(wrapper.get('summary .machine__title').text()).toBe('Машинная классификация');
    expect(wrapper.get('summary .machine__brief').text().replace(/\s+/g, ' ')).toBe('Водоснабжение, 87 %');

    expect(text(wrapper, 'machine-category')).toContain('Водоснабжение · ЖКХ');
    expect(badges(wrapper, 'machine-category')).toEqual(['87 %']);
    expect(wrapper.get('[data-testid="machine-alternatives"]').findAll('li').map((li) => li.text().replace(/\s+/g, ' '))).toEqual([
      'Отопление 6 %',
      'Уличное освещение 2 %',
    ]);
    expect(badges(wrapper, 'machine-urgency')).toEqual(['срочно']);
    expect(text(wrapper, 'machine-urgency')).toContain('оценка 74 %');
    expect(wrapper.get('[data-testid="machine-urgency"] .machine__reason').text()).toBe('Нет воды');
    expect(text(wrapper, 'machine-place')).toBe('Лысовское сельское поселение · хутор Лысов · ул. Центральная, 5 уверенность 90 %');
    expect(badges(wrapper, 'machine-applied')).toEqual(['Категория', 'Срочность', 'Поселение']);
    // 07:00 UTC is 10:00 in the municipality.
    expect(text(wrapper, 'machine-model')).toBe('m-20261120-1000 · 25.11.2026, 10:00');
  });

  it('says when nothing was applied, no place was found and no model was ready', async () => {
    const machine = machineFixture({
      modelVersion: null,
      categoryCode: null,
      sectorCode: null,
      confidence: null,
      alternatives: [],
      urgent: false,
      urgentScore: null,
      urgentReasons: [],
      place: null,
      applied: [],
    });
    const { wrapper } = await render(ItemMachine, { props: { machine }, mocks: [classifyOptionsMock] });
    expect(text(wrapper, 'machine-category')).toBe('нет');
    expect(wrapper.find('[data-testid="machine-alternatives"]').exists()).toBe(false);
    expect(badges(wrapper, 'machine-urgency')).toEqual(['не срочно']);
    expect(text(wrapper, 'machine-place')).toBe('не найдено');
    expect(text(wrapper, 'machine-applied')).toBe('ничего — решение за сотрудником');
    expect(text(wrapper, 'machine-model')).toContain('модель не была готова');
  });

  it('speaks English, and shows the codes while the rubricator is not there', async () => {
    const { wrapper } = await render(ItemMachine, { props: { machine: machineFixture() }, locale: 'en' });
    expect(text(wrapper, 'machine-category')).toContain('ZHKH_WATER · ZHKH');
    expect(badges(wrapper, 'machine-category')).toEqual(['87%']);
    expect(badges(wrapper, 'machine-applied')).toEqual(['Category', 'Urgency', 'Settlement']);
  });
});
