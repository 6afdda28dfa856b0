import { describe, expect, it, vi } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { GraphQLError } from 'graphql';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AuditEventFieldsFragment, Role } from '../../../gql/graphql';
import type { AppLocale } from '../../../shared/locale';
import { routes } from '../../../app/router/routes';
import { createAppRouter } from '../../../app/router';
import AppNav from '../../../app/layout/AppNav.vue';
import { createTestClient, meMock, render, settle, settled, signedIn } from '../../../test/render';
import { AUDIT_ACTIONS } from '../actions';
import { PAGE_SIZE } from '../composables/useAuditLog';
import { auditDirectoryQuery } from '../graphql/audit-directory.query';
import { auditEventsQuery } from '../graphql/audit-events.query';
import AuditPage from './AuditPage.vue';

type Event = AuditEventFieldsFragment & { __typename: 'AuditEvent' };

function event(overrides: Partial<AuditEventFieldsFragment> & { id: string }): Event {
  return {
    __typename: 'AuditEvent',
    // 09:00 UTC is 12:00 in the municipality (Europe/Volgograd, UTC+3).
    at: '2026-11-27T09:00:00.000Z',
    action: 'SIGN_IN',
    actorLabel: 'head',
    ip: '10.0.0.7',
    targetType: 'UserSession',
    targetId: 'session-1',
    ...overrides,
  };
}

/** A full page of sign-ins, one a minute back from `from` (ISO), newest first. */
function fullPage(prefix: string, from: string): Event[] {
  return Array.from({ length: PAGE_SIZE }, (_, i) =>
    event({ id: `${prefix}-${i}`, at: new Date(Date.parse(from) - i * 60_000).toISOString() }),
  );
}

function eventsMock(variables: { actions: string[] | null; before?: string; beforeId?: string }, events: Event[] | (() => { data: { auditEvents: Event[] } })): MockedResponse {
  return {
    request: { query: auditEventsQuery, variables: { first: PAGE_SIZE, ...variables } },
    result: typeof events === 'function' ? events : { data: { auditEvents: events } },
  };
}

const directoryMock: MockedResponse = {
  request: { query: auditDirectoryQuery, variables: { users: true, tokens: true, organisation: true } },
  result: {
    data: {
      users: [
        { __typename: 'User', id: 'u-head', username: 'head', fullName: 'Гордеева Наталья Викторовна' },
        { __typename: 'User', id: 'u-executor', username: 'executor', fullName: 'Захаров Игорь Николаевич' },
      ],
      apiTokens: [{ __typename: 'ApiToken', id: 't-wall', name: 'Стена МЦУ' }],
      departments: [{ __typename: 'Department', id: 'd-1', name: 'Отдел по жилищно-коммунальному хозяйству', shortName: 'Отдел ЖКХ' }],
      categories: [],
      sectors: [{ __typename: 'Sector', id: 's-1', name: 'ЖКХ', nameEn: 'Housing' }],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

async function open(mocks: MockedResponse[], locale: AppLocale = 'ru') {
  const client = createTestClient([meMock('HEAD'), directoryMock, ...mocks]);
  signedIn(client, 'HEAD');
  return render(AuditPage, { client, route: '/audit', locale });
}

type Wrapper = Awaited<ReturnType<typeof open>>['wrapper'];
const rowIds = (wrapper: Wrapper) => wrapper.findAll('tbody tr[data-testid^="audit-"]').map((r) => r.attributes('data-testid'));
/** A cell's text; a cell of two lines (a name over a username) as `line 1 | line 2`. */
function cell(wrapper: Wrapper, id: string, part: string): string {
  const el = wrapper.get(`[data-testid="audit-${id}"] [data-testid="audit-${part}"]`).element;
  const lines = el.classList.contains('stack') ? [...el.children].map((c) => c.textContent ?? '') : [el.textContent ?? ''];
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).join(' | ');
}

const mixed: Event[] = [
  event({ id: 'e-1', at: '2026-11-27T08:59:00.000Z', action: 'SIGN_IN_FAILED', actorLabel: 'executor', ip: '192.0.2.10', targetType: null, targetId: null }),
  event({ id: 'e-2', at: '2026-11-26T21:30:00.000Z', action: 'TOKEN_REVOKED', actorLabel: 'head', targetType: 'ApiToken', targetId: 't-wall' }),
  event({ id: 'e-3', at: '2026-11-26T10:00:00.000Z', action: 'DEPARTMENT_UPDATED', actorLabel: 'token:Интеграция ЕЦУ', ip: null, targetType: 'Department', targetId: 'd-1' }),
  event({ id: 'e-4', at: '2026-11-25T10:00:00.000Z', action: 'CALENDAR_SAVED', targetType: 'CalendarYear', targetId: '2027' }),
  event({ id: 'e-5', at: '2026-11-24T10:00:00.000Z', action: 'PASSWORD_SET', targetType: 'User', targetId: 'u-gone-0000-1111' }),
  event({ id: 'e-6', at: '2026-11-23T10:00:00.000Z', action: 'SIGN_IN', actorLabel: 'head' }),
];

describe('AuditPage', () => {
  it('lists the events newest first: municipal time, the action in Russian, who by name, the address and the subject', async () => {
    const { wrapper } = await open([eventsMock({ actions: null }, mixed)]);
    expect(rowIds(wrapper)).toEqual(['audit-e-1', 'audit-e-2', 'audit-e-3', 'audit-e-4', 'audit-e-5', 'audit-e-6']);

    expect(cell(wrapper, 'e-1', 'at')).toBe('27.11.2026, 11:59');
    expect(cell(wrapper, 'e-1', 'action')).toBe('Неудачная попытка входа');
    expect(cell(wrapper, 'e-1', 'actor')).toBe('Захаров Игорь Николаевич | executor');
    expect(cell(wrapper, 'e-1', 'ip')).toBe('192.0.2.10');
    expect(wrapper.get('[data-testid="audit-e-1"]').text()).toContain('—');

    // 21:30 UTC on the 26th is 00:30 on the 27th in the municipality.
    expect(cell(wrapper, 'e-2', 'at')).toBe('27.11.2026, 00:30');
    expect(cell(wrapper, 'e-2', 'action')).toBe('Отозван API-токен');
    expect(cell(wrapper, 'e-2', 'actor')).toBe('Гордеева Наталья Викторовна | head');
    expect(cell(wrapper, 'e-2', 'target')).toBe('API-токен | Стена МЦУ');

    expect(cell(wrapper, 'e-3', 'action')).toBe('Изменено подразделение');
    expect(cell(wrapper, 'e-3', 'actor')).toBe('API-токен «Интеграция ЕЦУ»');
    expect(wrapper.find('[data-testid="audit-e-3"] [data-testid="audit-ip"]').exists()).toBe(false);
    expect(cell(wrapper, 'e-3', 'target')).toBe('Подразделение | Отдел ЖКХ');

    expect(cell(wrapper, 'e-4', 'action')).toBe('Сохранён производственный календарь');
    expect(cell(wrapper, 'e-4', 'target')).toBe('Календарь на год | 2027');
    // A subject the directory does not know (a person no longer listed): its kind and the start of its id.
    expect(cell(wrapper, 'e-5', 'action')).toBe('Пользователю задан новый пароль');
    expect(cell(wrapper, 'e-5', 'target')).toBe('Пользователь | u-gone-0');
    expect(cell(wrapper, 'e-6', 'target')).toBe('Сеанс');

    expect(wrapper.get('[data-testid="audit-e-1"] [data-testid="audit-action"]').classes()).toContain('action--warning');
    expect(wrapper.get('[data-testid="audit-end"]').text()).toBe('Это все события.');
    expect(wrapper.find('[data-testid="audit-load-more"]').exists()).toBe(false);
  });

  it('names every action in words and never shows an action code, even one the dashboard does not know', async () => {
    const all = [...AUDIT_ACTIONS, 'ITEM_PURGED'].map((action, i) =>
      event({ id: `a-${i}`, action, at: new Date(Date.parse('2026-11-27T08:00:00.000Z') - i * 60_000).toISOString() }),
    );
    const { wrapper } = await open([eventsMock({ actions: null }, all)]);
    const labels = wrapper.findAll('[data-testid="audit-action"]').map((a) => a.text());
    expect(labels).toHaveLength(AUDIT_ACTIONS.length + 1);
    expect(labels.at(-1)).toBe('Другое действие');
    expect(new Set(labels.slice(0, -1)).size).toBe(AUDIT_ACTIONS.length);
    const text = wrapper.get('table').text();
    for (const code of [...AUDIT_ACTIONS, 'ITEM_PURGED']) expect(text).not.toContain(code);
    expect(labels.every((l) => /^[А-ЯЁ]/.test(l))).toBe(true);
  });

  it('speaks English when the interface does', async () => {
    const { wrapper } = await open([eventsMock({ actions: null }, mixed)], 'en');
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Audit log');
    expect(cell(wrapper, 'e-1', 'at')).toBe('27/11/2026, 11:59');
    expect(cell(wrapper, 'e-1', 'action')).toBe('Failed sign-in');
    expect(cell(wrapper, 'e-3', 'actor')).toBe('API token “Интеграция ЕЦУ”');
    expect(cell(wrapper, 'e-4', 'target')).toBe('Calendar of the year | 2027');
    expect(wrapper.get('[data-testid="audit-group"]').findAll('option').map((o) => o.text())).toEqual([
      'All events',
      'Sign-ins and sign-outs',
      'Accounts and passwords',
      'API tokens and webhooks',
      'Organisation changes',
      'Calendar and KPI targets',
    ]);
  });

  it.each<[string, string, string[]]>([
    ['signIns', 'Входы и выходы', ['SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT']],
    ['accounts', 'Учётные записи и пароли', ['USER_CREATED', 'USER_UPDATED', 'PASSWORD_CHANGED', 'PASSWORD_SET']],
    ['tokens', 'API-токены и вебхуки', ['TOKEN_CREATED', 'TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_UPDATED', 'WEBHOOK_DELETED']],
    [
      'organisation',
      'Изменения оргструктуры',
      ['DEPARTMENT_CREATED', 'DEPARTMENT_UPDATED', 'CATEGORY_CREATED', 'CATEGORY_UPDATED', 'SECTOR_CREATED', 'SECTOR_UPDATED', 'SETTLEMENT_CREATED', 'SETTLEMENT_UPDATED', 'TEXT_MODEL_RETRAINED'],
    ],
    ['calendarTargets', 'Календарь и целевые показатели', ['CALENDAR_SAVED', 'KPI_TARGET_SET']],
  ])('filters by the group %s («%s») with exactly its actions, and back to all, asked for anew', async (group, label, actions) => {
    const filtered = vi.fn(() => ({ data: { auditEvents: [event({ id: 'f-1', action: actions[0] })] } }));
    const all = vi.fn(() => ({ data: { auditEvents: mixed } }));
    const { wrapper } = await open([{ ...eventsMock({ actions: null }, all), maxUsageCount: 2 }, eventsMock({ actions }, filtered)]);
    expect(all).toHaveBeenCalledTimes(1);
    const select = wrapper.get('[data-testid="audit-group"]');
    expect(select.find(`option[value="${group}"]`).text()).toBe(label);
    await select.setValue(group);
    await settle();
    expect(filtered).toHaveBeenCalledTimes(1);
    expect(rowIds(wrapper)).toEqual(['audit-f-1']);

    await select.setValue('');
    await settle();
    expect(all).toHaveBeenCalledTimes(2);
    expect(rowIds(wrapper)).toHaveLength(mixed.length);
  });

  it('loads the events before the last one shown (its instant and id) and appends them, until a page comes back short', async () => {
    const first = fullPage('p1', '2026-11-27T08:00:00.000Z');
    const lastAt = first.at(-1)!.at;
    const second = vi.fn(() => ({ data: { auditEvents: fullPage('p2', new Date(Date.parse(lastAt) - 60_000).toISOString()) } }));
    const third = vi.fn(() => ({ data: { auditEvents: [event({ id: 'p3-0', at: '2026-11-20T08:00:00.000Z' })] } }));
    const secondLastAt = new Date(Date.parse(lastAt) - PAGE_SIZE * 60_000).toISOString();
    const lastId = first.at(-1)!.id;
    const secondLastId = `p2-${PAGE_SIZE - 1}`;
    const { wrapper } = await open([
      eventsMock({ actions: null }, first),
      eventsMock({ actions: null, before: lastAt, beforeId: lastId }, second),
      eventsMock({ actions: null, before: secondLastAt, beforeId: secondLastId }, third),
    ]);
    expect(rowIds(wrapper)).toHaveLength(PAGE_SIZE);
    expect(wrapper.get('[data-testid="audit-shown"]').text()).toBe(`Показано событий: ${PAGE_SIZE}`);

    await wrapper.get('[data-testid="audit-load-more"]').trigger('click');
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
    expect(rowIds(wrapper)).toHaveLength(2 * PAGE_SIZE);
    expect(rowIds(wrapper).slice(PAGE_SIZE - 1, PAGE_SIZE + 1)).toEqual([`audit-p1-${PAGE_SIZE - 1}`, 'audit-p2-0']);

    await wrapper.get('[data-testid="audit-load-more"]').trigger('click');
    await settle();
    expect(third).toHaveBeenCalledTimes(1);
    expect(rowIds(wrapper).at(-1)).toBe('audit-p3-0');
    expect(wrapper.find('[data-testid="audit-load-more"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="audit-end"]').exists()).toBe(true);
  });

  it('asks the server again when the page is opened again, showing the events it had meanwhile', async () => {
    const later = [event({ id: 'e-0', at: '2026-11-27T09:00:00.000Z', action: 'USER_UPDATED', targetType: 'User', targetId: 'u-executor' }), ...mixed];
    const answers = [mixed, later];
    const all = vi.fn(() => ({ data: { auditEvents: answers.shift()! } }));
    const first = await open([{ ...eventsMock({ actions: null }, all), maxUsageCount: 2 }]);
    expect(rowIds(first.wrapper)).toHaveLength(mixed.length);
    first.wrapper.unmount();

    const again = await render(AuditPage, { client: first.client, route: '/audit' });
    expect(all).toHaveBeenCalledTimes(2);
    expect(rowIds(again.wrapper)[0]).toBe('audit-e-0');
    expect(cell(again.wrapper, 'e-0', 'target')).toBe('Пользователь | Захаров Игорь Николаевич');
  });

  it('keeps what is shown and says so when the next page fails', async () => {
    const first = fullPage('p1', '2026-11-27T08:00:00.000Z');
    const { wrapper } = await open([
      eventsMock({ actions: null }, first),
      { request: { query: auditEventsQuery, variables: { first: PAGE_SIZE, actions: null, before: first.at(-1)!.at, beforeId: first.at(-1)!.id } }, error: new Error('offline') },
    ]);
    await wrapper.get('[data-testid="audit-load-more"]').trigger('click');
    await settle();
    expect(rowIds(wrapper)).toHaveLength(PAGE_SIZE);
    expect(wrapper.get('[data-testid="audit-more-error"]').text()).toContain('Нет связи с сервером');
  });

  it('says when there are no events, for all and for a group', async () => {
    const { wrapper } = await open([eventsMock({ actions: null }, []), eventsMock({ actions: ['TOKEN_CREATED', 'TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_UPDATED', 'WEBHOOK_DELETED'] }, [])]);
    expect(wrapper.get('tbody').text()).toBe('Событий нет.');
    expect(wrapper.find('[data-testid="audit-shown"]').exists()).toBe(false);
    await wrapper.get('[data-testid="audit-group"]').setValue('tokens');
    await settle();
    expect(wrapper.get('tbody').text()).toBe('Таких событий нет.');
  });

  it('shows the server’s refusal in words instead of the list', async () => {
    const { wrapper } = await open([
      {
        request: { query: auditEventsQuery, variables: { first: PAGE_SIZE, actions: null } },
        result: { errors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })] },
      },
    ]);
    expect(wrapper.get('[data-testid="audit-error"]').text()).toContain('Недостаточно прав для этого действия.');
    expect(wrapper.find('table').exists()).toBe(false);
  });

  it('shows people by username when the directory cannot be read', async () => {
    const client = createTestClient([
      meMock('HEAD'),
      { request: directoryMock.request, error: new Error('offline') },
      eventsMock({ actions: null }, mixed),
    ]);
    signedIn(client, 'HEAD');
    const { wrapper } = await render(AuditPage, { client, route: '/audit' });
    expect(cell(wrapper, 'e-1', 'actor')).toBe('executor');
    expect(cell(wrapper, 'e-2', 'target')).toBe('API-токен | t-wall');
  });
});

describe('the audit page in the navigation', () => {
  async function navFor(role: Role) {
    const router = createRouter({ history: createMemoryHistory(), routes });
    const { wrapper } = await render(AppNav, { router, route: '/profile', mocks: [meMock(role)] });
    return wrapper;
  }

  it('is offered to the head as «Журнал аудита»', async () => {
    const wrapper = await navFor('HEAD');
    expect(wrapper.get('[data-testid="nav-audit"]').text()).toBe('Журнал аудита');
    expect(wrapper.get('[data-testid="nav-audit"]').attributes('href')).toBe('/audit');
  });

  it.each<Role>(['POS_OPERATOR', 'CURATOR', 'EXECUTOR', 'REGION'])('is not offered to %s, and the address leads home', async (role) => {
    const wrapper = await navFor(role);
    expect(wrapper.find('[data-testid="nav-items"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="nav-audit"]').exists()).toBe(false);

    const router = createAppRouter(createTestClient([meMock(role)]), { history: createMemoryHistory() });
    await settled(router.push('/audit'));
    expect(router.currentRoute.value.fullPath).toBe('/');
  });

  it('opens for the head at /audit', async () => {
    const router = createAppRouter(createTestClient([meMock('HEAD')]), { history: createMemoryHistory() });
    await settled(router.push('/audit'));
    expect(router.currentRoute.value.name).toBe('audit');
  });
});
