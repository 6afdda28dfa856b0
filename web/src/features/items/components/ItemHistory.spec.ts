import { describe, expect, it } from 'vitest';
import type { ItemFieldsFragment } from '../../../gql/graphql';
import type { AppLocale } from '../../../shared/locale';
import { itemFixture } from '../../../test/items';
import { render } from '../../../test/render';
import ItemHistory from './ItemHistory.vue';

type Event = ItemFieldsFragment['history'][number];
const event = (id: string, e: Partial<Event>): Event =>
  ({
    __typename: 'ItemEvent',
    id,
    at: '2026-11-25T07:00:00.000Z',
    type: 'CREATED',
    fromStatus: null,
    toStatus: 'NEW',
    comment: null,
    details: null,
    actorLabel: 'head',
    changes: null,
    actor: null,
    ...e,
  }) as Event;

async function history(events: Event[], locale: AppLocale = 'ru') {
  const { wrapper } = await render(ItemHistory, { props: { item: itemFixture({ history: events }) }, locale });
  return (id: string) => wrapper.get(`[data-testid="item-history"] li[data-event]:nth-child(${events.length - events.findIndex((e) => e.id === id)})`).text();
}

describe('ItemHistory', () => {
  it('says who created an item that no person entered by the system it came from, not by its code', async () => {
    const line = await history([
      event('e-dashboard', { actorLabel: 'dashboard' }),
      event('e-pos', { actorLabel: 'POS' }),
      event('e-monitoring', { actorLabel: 'monitoring' }),
      event('e-other', { actorLabel: 'eds-112' }),
      event('e-token', { actorLabel: 'token:Интеграция ЕЦУ' }),
    ]);
    expect(line('e-dashboard')).toContain('Создано');
    expect(line('e-dashboard')).toContain('· Панель МЦУ');
    expect(line('e-dashboard')).not.toContain('dashboard');
    expect(line('e-pos')).toContain('· Интеграция с ПОС');
    expect(line('e-monitoring')).toContain('· Мониторинг соцсетей');
    expect(line('e-other')).toContain('· Другая система: eds-112');
    expect(line('e-token')).toContain('· API-токен «Интеграция ЕЦУ»');
  });

  it('says the scheduler’s own notes in the interface language, keeping their number', async () => {
    const events = [
      event('e-closed', {
        type: 'AUTO_CLOSED',
        actorLabel: 'scheduler',
        fromStatus: 'ANSWERED',
        toStatus: 'CLOSED',
        comment: 'no rating within 10 working days',
      }),
      event('e-erased', { type: 'ANONYMISED', actorLabel: 'scheduler', fromStatus: 'CLOSED', toStatus: 'CLOSED', comment: 'personal data erased 5 years after closing' }),
    ];
    const ru = await history(events);
    expect(ru('e-closed')).toContain('Закрыто автоматически');
    expect(ru('e-closed')).toContain('Планировщик');
    expect(ru('e-closed')).toContain('Заявитель не оценил ответ за 10 рабочих дней');
    expect(ru('e-closed')).not.toContain('no rating');
    expect(ru('e-erased')).toContain('Персональные данные удалены через 5 лет после закрытия');
    const en = await history(events, 'en');
    expect(en('e-closed')).toContain('The applicant did not rate the answer within 10 working days');
  });

  it('shows an event, a field or an id it does not know in general words, never as a code', async () => {
    const line = await history([
      event('e-new', {
        type: 'SOMETHING_NEW',
        actorLabel: 'scheduler',
        fromStatus: null,
        toStatus: null,
        changes: {
          departmentId: { before: '3f2a9c1e-0000-4000-8000-000000000001', after: 'd-housing' },
          newField: { before: null, after: 'X_CODE' },
          status: { before: 'REGISTERED', after: 'SOMETHING' },
        },
      }),
    ]);
    const text = line('e-new');
    expect(text).toContain('Изменено');
    expect(text).not.toContain('SOMETHING_NEW');
    expect(text).toContain('Подразделение: другое → Отдел по жилищно-коммунальному хозяйству, транспорту и связи');
    expect(text).toContain('Другое поле: — → другое');
    expect(text).toContain('Статус: Зарегистрировано → другое');
    expect(text).not.toMatch(/3f2a9c1e|X_CODE|newField|SOMETHING/);
  });
});
