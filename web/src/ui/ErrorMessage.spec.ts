import { describe, expect, it } from 'vitest';
import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { render } from '../test/render';
import ErrorMessage from './ErrorMessage.vue';

function serverError(code: string, extensions: Record<string, unknown> = {}, message = 'raw server message') {
  return new ApolloError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] });
}

describe('ErrorMessage', () => {
  it.each([
    ['UNAUTHENTICATED', 'Сеанс завершён. Войдите снова.'],
    ['FORBIDDEN', 'Недостаточно прав для этого действия.'],
    ['NOT_FOUND', 'Запись не найдена: возможно, её уже удалили.'],
    ['INVALID_CREDENTIALS', 'Неверное имя пользователя или пароль.'],
    ['QUERY_TOO_COMPLEX', 'Запрос слишком сложный.'],
    ['INVALID_TRANSITION', 'Это действие сейчас невозможно: статус уже изменился.'],
    ['INTERNAL_SERVER_ERROR', 'Ошибка на сервере. Попробуйте ещё раз позже.'],
    ['SOMETHING_NEW', 'Что-то пошло не так.'],
  ])('translates %s and never shows the server message', async (code, text) => {
    const { wrapper } = await render(ErrorMessage, { props: { error: serverError(code) } });
    expect(wrapper.text()).toContain(text);
    expect(wrapper.text()).not.toContain('raw server message');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });

  it('lists the problems of each field under its label, with or without the argument prefix', async () => {
    const error = serverError('BAD_USER_INPUT', {
      fields: [
        { field: 'input.code', problems: ['code must start with a letter'] },
        { field: 'name', problems: ['name must be longer than or equal to 2 characters', 'second problem'] },
      ],
    });
    const { wrapper } = await render(ErrorMessage, { props: { error, fieldLabels: { code: 'Код', name: 'Полное название' } } });
    expect(wrapper.text()).toContain('Проверьте заполнение полей.');
    const items = wrapper.findAll('[data-testid="error-fields"] li').map((li) => li.text());
    expect(items).toEqual([
      'Код: code must start with a letter',
      'Полное название: name must be longer than or equal to 2 characters; second problem',
    ]);
  });

  it('leaves out the fields the form already shows under its inputs', async () => {
    const error = serverError('BAD_USER_INPUT', {
      fields: [
        { field: 'input.code', problems: ['bad code'] },
        { field: 'input.settlementIds', problems: ['unknown settlements: x'] },
      ],
    });
    const { wrapper } = await render(ErrorMessage, { props: { error, inlineFields: ['code'] } });
    expect(wrapper.findAll('[data-testid="error-fields"] li').map((li) => li.text())).toEqual([
      'settlementIds: unknown settlements: x',
    ]);
  });

  it('names the taken field of a CONFLICT', async () => {
    const { wrapper } = await render(ErrorMessage, {
      props: { error: serverError('CONFLICT', { field: 'code' }), fieldLabels: { code: 'Код' } },
    });
    expect(wrapper.text()).toContain('Такая запись уже существует.');
    expect(wrapper.text()).toContain('Значение поля «Код» уже занято.');
  });

  it('says someone else changed the record when the version is stale', async () => {
    const { wrapper } = await render(ErrorMessage, {
      props: { error: serverError('CONFLICT', { reason: 'STALE_VERSION', currentVersion: 7 }) },
    });
    expect(wrapper.text()).toContain('Кто-то уже изменил эту запись. Обновите её и повторите действие.');
    expect(wrapper.text()).not.toContain('Такая запись уже существует.');
  });

  it('reads codes from a 400 response (validation errors arrive as a network error with a body)', async () => {
    const networkError = Object.assign(new Error('Response not successful'), {
      statusCode: 400,
      result: { errors: [{ message: 'Query is nested deeper than 12 levels', extensions: { code: 'QUERY_TOO_COMPLEX' } }] },
    });
    const { wrapper } = await render(ErrorMessage, { props: { error: new ApolloError({ networkError }) } });
    expect(wrapper.text()).toContain('Запрос слишком сложный.');
  });

  it('says the server cannot be reached when there is no answer at all', async () => {
    const { wrapper } = await render(ErrorMessage, {
      props: { error: new ApolloError({ networkError: new TypeError('Failed to fetch') }) },
      locale: 'en',
    });
    expect(wrapper.text()).toContain('Cannot reach the server. Check your connection.');
  });

  it('renders nothing without an error', async () => {
    const { wrapper } = await render(ErrorMessage, { props: { error: null } });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});
