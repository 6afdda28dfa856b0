import { ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { TimeZoneKey } from '../../../shared/injection';
import { render, settle } from '../../../test/render';
import { createApiTokenMutation } from '../graphql/create-api-token.mutation';
import TokenCreateForm from './TokenCreateForm.vue';

const apiToken = {
  __typename: 'ApiToken',
  id: 't-1',
  name: 'Интеграция с ЕДДС',
  kind: 'INTEGRATOR',
  scopes: ['ITEMS_INGEST', 'KPI_READ'],
  sources: null,
  prefix: 'otk_abcd',
  createdAt: '2026-11-27T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
};

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const checked = (wrapper: Wrapper) =>
  wrapper.findAll('input[type="checkbox"]').filter((c) => (c.element as HTMLInputElement).checked).map((c) => c.attributes('value'));

describe('TokenCreateForm', () => {
  it('offers each kind only its scopes and drops the others when the kind changes', async () => {
    const { wrapper } = await render(TokenCreateForm);
    const offered = () => wrapper.findAll('[data-testid^="token-scope-"]').map((c) => c.attributes('value'));
    // A wall's "Оргструктура" is already in "Табло": it is not offered as if it added something.
    expect(offered()).toEqual(['WALL_READ', 'KPI_READ']);
    expect(checked(wrapper)).toEqual(['WALL_READ', 'KPI_READ']);

    await wrapper.get('[data-testid="token-kind"]').setValue('INTEGRATOR');
    expect(offered()).toEqual(['ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ', 'WEBHOOKS']);
    // KPI_READ is allowed for both kinds and stays chosen; WALL_READ goes.
    expect(checked(wrapper)).toEqual(['KPI_READ']);

    // Back to a wall display: the dropped WALL_READ does not come back by itself.
    await wrapper.get('[data-testid="token-kind"]').setValue('WALL_DISPLAY');
    expect(checked(wrapper)).toEqual(['KPI_READ']);
  });

  it('creates the token and shows its secret once, with a copy button', async () => {
    const result = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 'otk_abcd_SECRET', apiToken } } }));
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [
        {
          request: {
            query: createApiTokenMutation,
            variables: { input: { name: 'Интеграция с ЕДДС', kind: 'INTEGRATOR', scopes: ['ITEMS_INGEST', 'KPI_READ'], expiresAt: null, sources: null } },
          },
          result,
        },
      ],
    });
    await wrapper.get('[data-testid="token-name"]').setValue('Интеграция с ЕДДС');
    await wrapper.get('[data-testid="token-kind"]').setValue('INTEGRATOR');
    await wrapper.get('[data-testid="token-scope-ITEMS_INGEST"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect((wrapper.get('[data-testid="token-secret"]').element as HTMLInputElement).value).toBe('otk_abcd_SECRET');
    expect(wrapper.emitted('created')?.[0]).toEqual([expect.objectContaining({ id: 't-1' })]);
    expect(wrapper.find('form').exists()).toBe(false);

    await wrapper.get('[data-testid="token-copy"] button').trigger('click');
    await settle();
    expect(writeText).toHaveBeenCalledWith('otk_abcd_SECRET');
    expect(wrapper.get('[data-testid="token-copy"]').text()).toContain('Скопировано');

    await wrapper.get('[data-testid="token-done"]').trigger('click');
    expect(wrapper.emitted('done')).toHaveLength(1);
  });

  it('binds a token that sends items to the sources typed (commas or spaces, each once), and asks for none without ITEMS_INGEST', async () => {
    const result = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 's', apiToken: { ...apiToken, sources: ['pos', 'email'] } } } }));
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [
        {
          request: {
            query: createApiTokenMutation,
            variables: { input: { name: 'ПОС', kind: 'INTEGRATOR', scopes: ['ITEMS_INGEST'], expiresAt: null, sources: ['pos', 'email'] } },
          },
          result,
        },
      ],
    });
    await wrapper.get('[data-testid="token-name"]').setValue('ПОС');
    await wrapper.get('[data-testid="token-kind"]').setValue('INTEGRATOR');
    await wrapper.get('[data-testid="token-scope-KPI_READ"]').setValue(false);
    expect(wrapper.find('[data-testid="token-sources"]').exists()).toBe(false);
    await wrapper.get('[data-testid="token-scope-ITEMS_INGEST"]').setValue(true);
    await wrapper.get('[data-testid="token-sources"]').setValue(' pos, email  pos ');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('sends the expiry as the end of the chosen day in the municipality time zone', async () => {
    const result = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 's', apiToken } } }));
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [
        {
          request: {
            query: createApiTokenMutation,
            variables: { input: { name: 'Табло', kind: 'WALL_DISPLAY', scopes: ['WALL_READ', 'KPI_READ'], expiresAt: '2099-12-31T20:59:59.000Z', sources: null } },
          },
          result,
        },
      ],
      // The zone the layout provides from the municipality (UTC+3): the end of the day is 20:59:59Z.
      provide: { [TimeZoneKey as symbol]: ref('Europe/Volgograd') },
    });
    await wrapper.get('[data-testid="token-name"]').setValue('Табло');
    await wrapper.get('[data-testid="token-expires"]').setValue('31.12.2099');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('counts today in the municipality: just after its midnight, the day that has ended there is refused', async () => {
    // 21:30 UTC on 27 November is already 00:30 on 28 November in Volgograd (UTC+3).
    vi.setSystemTime(new Date('2026-11-27T21:30:00.000Z'));
    const sent = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 's', apiToken } } }));
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [{ request: { query: createApiTokenMutation }, variableMatcher: () => true, result: sent }],
      provide: { [TimeZoneKey as symbol]: ref('Europe/Volgograd') },
    });
    const expires = wrapper.get('[data-testid="token-expires"]');
    // The calendar starts from the municipality's today and offers no day before it.
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');
    expect(wrapper.get('[aria-current="date"]').attributes('data-day')).toBe('2026-11-28');
    expect(wrapper.get('[data-day="2026-11-27"]').attributes('aria-disabled')).toBe('true');
    await wrapper.get('[data-testid="date-field-open"]').trigger('click');

    await wrapper.get('[data-testid="token-name"]').setValue('Табло');
    await expires.setValue('27.11.2026');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(expires.element.closest('.field')!.textContent).toContain('Дата должна быть в будущем');
    expect(sent).not.toHaveBeenCalled();

    // Today in the municipality is still allowed: the token lasts to its end.
    await expires.setValue('28.11.2026');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('says under each scope offered what it gives, from the server table', async () => {
    const { wrapper } = await render(TokenCreateForm);
    const hint = (scope: string) => wrapper.get(`[data-testid="token-scope-${scope}"]`).element.closest('label')!.textContent!;
    expect(hint('WALL_READ')).toContain('Даёт: обращения, сообщения и инциденты');
    expect(hint('WALL_READ')).toContain('оргструктура');
    expect(hint('WALL_READ')).toContain('заявители скрыты');
    expect(hint('WALL_READ')).toContain('перечень проблем');
    expect(hint('WALL_READ')).not.toContain('показатели');
    expect(hint('KPI_READ')).toContain('Даёт: показатели и их обновления в реальном времени; перечень проблем');
    await wrapper.get('[data-testid="token-kind"]').setValue('INTEGRATOR');
    expect(hint('ITEMS_INGEST')).toContain('Даёт: передача новых обращений');
    expect(hint('PERSONAL_DATA_READ')).toContain('вместе с чтением обращений');
  });

  it('refuses personal data without a scope that reads the items they belong to', async () => {
    const sent = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 's', apiToken } } }));
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [{ request: { query: createApiTokenMutation }, variableMatcher: () => true, result: sent }],
    });
    await wrapper.get('[data-testid="token-name"]').setValue('Выгрузка');
    await wrapper.get('[data-testid="token-kind"]').setValue('INTEGRATOR');
    await wrapper.get('[data-testid="token-scope-PERSONAL_DATA_READ"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(wrapper.get('fieldset').text()).toContain('Персональные данные видны только вместе с правом «Чтение сообщений»');
    expect(sent).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="token-scope-ITEMS_READ"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('refuses an expiry typed as no real date instead of sending the last good one', async () => {
    const sent = vi.fn(() => ({ data: { createApiToken: { __typename: 'CreatedApiToken', token: 's', apiToken } } }));
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [{ request: { query: createApiTokenMutation }, variableMatcher: () => true, result: sent }],
    });
    await wrapper.get('[data-testid="token-name"]').setValue('Табло');
    await wrapper.get('[data-testid="token-expires"]').setValue('31.12.2099');
    await wrapper.get('[data-testid="token-expires"]').setValue('31.02.2099');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="token-expires"]').element.closest('.field')!.textContent).toContain('Введите дату в виде дд.мм.гггг');
    expect(sent).not.toHaveBeenCalled();
  });

  it('shows the refused scopes of the server under the scopes', async () => {
    const { wrapper } = await render(TokenCreateForm, {
      mocks: [
        {
          request: {
            query: createApiTokenMutation,
            variables: { input: { name: 'Табло', kind: 'WALL_DISPLAY', scopes: ['WALL_READ', 'KPI_READ'], expiresAt: null, sources: null } },
          },
          result: {
            errors: [
              new GraphQLError('Invalid input', {
                extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.scopes', problems: ['a WALL_DISPLAY token cannot have X'] }] },
              }),
            ],
          },
        },
      ],
    });
    await wrapper.get('[data-testid="token-name"]').setValue('Табло');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(wrapper.get('fieldset').text()).toContain('a WALL_DISPLAY token cannot have X');
    expect(wrapper.find('[data-testid="token-secret"]').exists()).toBe(false);
  });
});
