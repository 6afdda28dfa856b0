import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { WebhookDeliveryFieldsFragment, WebhookFieldsFragment } from '../../../gql/graphql';
import { render, settle } from '../../../test/render';
import { createWebhookMutation } from '../graphql/create-webhook.mutation';
import { deleteWebhookMutation } from '../graphql/delete-webhook.mutation';
import { pingWebhookMutation } from '../graphql/ping-webhook.mutation';
import { updateWebhookMutation } from '../graphql/update-webhook.mutation';
import { webhookDeliveriesQuery } from '../graphql/webhook-deliveries.query';
import { webhooksQuery } from '../graphql/webhooks.query';
import WebhooksPage from './WebhooksPage.vue';

/** Fixtures as the server answers them, with their type names (the cache normalises by them). */
type Hook = WebhookFieldsFragment & { __typename: 'Webhook' };
type Attempt = WebhookDeliveryFieldsFragment['attempts'][number] & { __typename: 'WebhookAttempt' };
type Delivery = Omit<WebhookDeliveryFieldsFragment, 'attempts'> & { __typename: 'WebhookDelivery'; attempts: Attempt[] };

const crm: Hook = {
  __typename: 'Webhook',
  id: 'w-1',
  url: 'https://crm.example.ru/otklik',
  description: 'CRM управляющей компании',
  eventTypes: ['STATUS_CHANGED', 'CREATED'],
  active: true,
  secretHint: '…k9Qz',
  owner: 'head',
  createdAt: '2026-11-20T07:30:00.000Z',
  updatedAt: '2026-11-20T07:30:00.000Z',
};
const eds: Hook = {
  __typename: 'Webhook',
  id: 'w-2',
  url: 'https://eds.example.ru/hook',
  description: null,
  eventTypes: ['DEADLINE_STATE_CHANGED'],
  active: false,
  secretHint: '…a1b2',
  owner: 'token:ЕДДС',
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

const listed = (...hooks: Hook[]) => ({ request: { query: webhooksQuery }, result: { data: { webhooks: hooks } } });

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const rows = (wrapper: Wrapper) => wrapper.findAll('[data-testid="webhook-row"]');

describe('WebhooksPage', () => {
  it("lists the municipality's webhooks: URL, owner, event types in Russian, on or off, the secret's hint, when registered", async () => {
    const { wrapper } = await render(WebhooksPage, { mocks: [listed(crm, eds)] });
    expect(rows(wrapper)).toHaveLength(2);
    const [first, second] = rows(wrapper);
    expect(first!.get('[data-testid="webhook-address"]').text()).toBe('https://crm.example.ru/otklik');
    expect(first!.text()).toContain('CRM управляющей компании');
    expect(first!.get('[data-testid="webhook-owner"]').text()).toBe('пользователь head');
    expect(first!.get('[data-testid="webhook-state"]').text()).toBe('Включён');
    expect(first!.get('[data-testid="webhook-secret-hint"]').text()).toBe('…k9Qz');
    // In the order an item lives them, whatever order the server gave.
    expect(first!.findAll('.chips .badge').map((b) => b.text())).toEqual(['Создано', 'Сменился статус']);
    // 07:30 UTC is 10:30 in the municipality (Europe/Volgograd).
    expect(first!.get('time').text()).toBe('20.11.2026, 10:30');
    expect(second!.get('[data-testid="webhook-owner"]').text()).toBe('токен «ЕДДС»');
    expect(second!.get('[data-testid="webhook-state"]').text()).toBe('Выключен');
    expect(second!.text()).toContain('Срок близок, просрочен или продлён');
    // The signature reminder names the headers.
    expect(wrapper.get('[data-testid="webhook-signature"]').text()).toContain('X-Otklik-Signature');
  });

  it('says so when there is no webhook', async () => {
    const { wrapper } = await render(WebhooksPage, { mocks: [listed()] });
    expect(wrapper.get('[data-testid="webhooks-empty"]').text()).toBe('Вебхуков пока нет');
  });

  it('registers a webhook with the URL, secret, event types and description typed, then lists it and shows its secret hint', async () => {
    const created: Hook = {
      ...crm,
      id: 'w-3',
      url: 'https://new.example.ru/in',
      description: 'Новая система',
      eventTypes: ['CREATED', 'ANSWERED'],
      secretHint: '…6789',
      createdAt: '2026-11-27T09:00:00.000Z',
    };
    const result = vi.fn(() => ({ data: { createWebhook: created } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [
        listed(crm),
        {
          request: {
            query: createWebhookMutation,
            variables: {
              input: { url: 'https://new.example.ru/in', secret: 'abcdef0123456789', eventTypes: ['CREATED', 'ANSWERED'], description: 'Новая система' },
            },
          },
          result,
        },
      ],
    });
    await wrapper.get('[data-testid="webhook-create"]').trigger('click');
    await wrapper.get('[data-testid="webhook-url"]').setValue('  https://new.example.ru/in ');
    await wrapper.get('[data-testid="webhook-secret"]').setValue('abcdef0123456789');
    expect(wrapper.get('[data-testid="webhook-secret-once"]').text()).toContain('показывается только сейчас');
    // Checked in another order than the list's: sent in the list's order.
    await wrapper.get('[data-testid="webhook-event-ANSWERED"]').setValue(true);
    await wrapper.get('[data-testid="webhook-event-CREATED"]').setValue(true);
    await wrapper.get('[data-testid="webhook-description"]').setValue('Новая система');
    await wrapper.get('[data-testid="webhook-form"]').trigger('submit');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="webhook-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="webhook-notice"]').text()).toBe('Вебхук зарегистрирован; секрет …6789');
    expect(rows(wrapper).map((r) => r.get('[data-testid="webhook-address"]').text())).toEqual([crm.url, 'https://new.example.ru/in']);
  });

  it('fills the secret from crypto.getRandomValues with "generate" and says it is shown only now', async () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const { wrapper } = await render(WebhooksPage, { mocks: [listed()] });
    await wrapper.get('[data-testid="webhook-create"]').trigger('click');
    expect(wrapper.find('[data-testid="webhook-secret-once"]').exists()).toBe(false);
    await wrapper.get('[data-testid="webhook-generate"]').trigger('click');
    expect(spy).toHaveBeenCalledTimes(1);
    expect((wrapper.get('[data-testid="webhook-secret"]').element as HTMLInputElement).value).toMatch(/^[0-9a-f]{64}$/);
    expect(wrapper.get('[data-testid="webhook-secret-once"]').text()).toContain('Секрет показывается только сейчас');
    expect(wrapper.find('[data-testid="webhook-secret-copy"]').exists()).toBe(true);
    spy.mockRestore();
  });

  it('refuses a short secret, no event type and an address that is not http(s) without asking the server', async () => {
    const sent = vi.fn(() => ({ data: { createWebhook: crm } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [listed(), { request: { query: createWebhookMutation }, variableMatcher: () => true, result: sent }],
    });
    await wrapper.get('[data-testid="webhook-create"]').trigger('click');
    await wrapper.get('[data-testid="webhook-url"]').setValue('ftp://files.example.ru');
    await wrapper.get('[data-testid="webhook-secret"]').setValue('short');
    await wrapper.get('[data-testid="webhook-form"]').trigger('submit');
    await settle();
    const field = (testid: string) => wrapper.get(`[data-testid="${testid}"]`).element.closest('.field')!.textContent;
    expect(field('webhook-url')).toContain('Адрес вида https://сервер/путь');
    expect(field('webhook-secret')).toContain('Не короче 16 символов');
    expect(wrapper.get('fieldset').text()).toContain('Выберите хотя бы одно событие');
    expect(sent).not.toHaveBeenCalled();
  });

  it("shows the server's refusal of the address under the URL field", async () => {
    const { wrapper } = await render(WebhooksPage, {
      mocks: [
        listed(),
        {
          request: { query: createWebhookMutation },
          variableMatcher: () => true,
          result: {
            errors: [
              new GraphQLError('Invalid input', {
                extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'url', problems: ['resolves to a private address'] }] },
              }),
            ],
          },
        },
      ],
    });
    await wrapper.get('[data-testid="webhook-create"]').trigger('click');
    await wrapper.get('[data-testid="webhook-url"]').setValue('http://10.0.0.5/hook');
    await wrapper.get('[data-testid="webhook-secret"]').setValue('abcdef0123456789');
    await wrapper.get('[data-testid="webhook-event-CREATED"]').setValue(true);
    await wrapper.get('[data-testid="webhook-form"]').trigger('submit');
    await settle();
    expect(wrapper.get('[data-testid="webhook-url"]').element.closest('.field')!.textContent).toContain('resolves to a private address');
    expect(wrapper.find('[data-testid="webhook-form"]').exists()).toBe(true);
  });

  it('edits a webhook, sending only what changed (turned off, an event added), and shows it off', async () => {
    const result = vi.fn(() => ({ data: { updateWebhook: { ...crm, active: false, eventTypes: ['CREATED', 'STATUS_CHANGED', 'ANSWERED'] } } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [
        listed(crm),
        {
          request: { query: updateWebhookMutation, variables: { id: 'w-1', input: { eventTypes: ['CREATED', 'STATUS_CHANGED', 'ANSWERED'], active: false } } },
          result,
        },
      ],
    });
    await wrapper.get('[data-testid="webhook-edit"]').trigger('click');
    expect((wrapper.get('input[data-testid="webhook-url"]').element as HTMLInputElement).value).toBe(crm.url);
    // The secret is not required when editing: empty keeps the old one.
    expect(wrapper.get('input[data-testid="webhook-secret"]').element.closest('.field')!.textContent).toContain('секрет прежний (…k9Qz)');
    await wrapper.get('[data-testid="webhook-event-ANSWERED"]').setValue(true);
    await wrapper.get('[data-testid="webhook-active"]').setValue(false);
    await wrapper.get('[data-testid="webhook-form"]').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="webhook-notice"]').text()).toBe('Вебхук сохранён');
    expect(rows(wrapper)[0]!.get('[data-testid="webhook-state"]').text()).toBe('Выключен');
  });

  it('sends a new secret when one is typed while editing', async () => {
    const result = vi.fn(() => ({ data: { updateWebhook: { ...crm, secretHint: '…WXYZ' } } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [listed(crm), { request: { query: updateWebhookMutation, variables: { id: 'w-1', input: { secret: 'ABCDEFGHIJKLWXYZ' } } }, result }],
    });
    await wrapper.get('[data-testid="webhook-edit"]').trigger('click');
    await wrapper.get('input[data-testid="webhook-secret"]').setValue('ABCDEFGHIJKLWXYZ');
    await wrapper.get('[data-testid="webhook-form"]').trigger('submit');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(rows(wrapper)[0]!.get('[data-testid="webhook-secret-hint"]').text()).toBe('…WXYZ');
  });

  it('deletes a webhook only once confirmed, and takes it off the list', async () => {
    const result = vi.fn(() => ({ data: { deleteWebhook: true } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [listed(crm, eds), { request: { query: deleteWebhookMutation, variables: { id: 'w-2' } }, result }],
    });
    await rows(wrapper)[1]!.get('[data-testid="webhook-delete"]').trigger('click');
    expect(wrapper.text()).toContain('Вебхук https://eds.example.ru/hook и его журнал доставок будут удалены');
    expect(result).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="webhook-delete-confirm"]').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(rows(wrapper).map((r) => r.get('[data-testid="webhook-address"]').text())).toEqual([crm.url]);
    expect(wrapper.get('[data-testid="webhook-notice"]').text()).toBe('Вебхук https://eds.example.ru/hook удалён');
  });

  it('pings a webhook and opens its log, where the ping waits to be sent', async () => {
    const ping: Delivery = {
      __typename: 'WebhookDelivery',
      id: 'd-ping',
      webhookId: 'w-1',
      eventType: 'PING',
      itemId: null,
      status: 'PENDING',
      body: '{"id":"d-ping","event":"PING"}',
      nextAttemptAt: '2026-11-27T09:00:00.000Z',
      deliveredAt: null,
      createdAt: '2026-11-27T09:00:00.000Z',
      attempts: [],
    };
    const pinged = vi.fn(() => ({ data: { pingWebhook: ping } }));
    const { wrapper } = await render(WebhooksPage, {
      mocks: [
        listed(crm),
        { request: { query: pingWebhookMutation, variables: { webhookId: 'w-1' } }, result: pinged },
        {
          request: { query: webhookDeliveriesQuery, variables: { webhookId: 'w-1', status: null, first: 20, after: null } },
          result: { data: { webhookDeliveries: { __typename: 'WebhookDeliveryPage', nodes: [ping], endCursor: 'c1', hasNextPage: false } } },
        },
      ],
    });
    await wrapper.get('[data-testid="webhook-ping"]').trigger('click');
    await settle();
    expect(pinged).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="webhook-log-url"]').text()).toBe('https://crm.example.ru/otklik');
    expect(wrapper.text()).toContain('Проверочная доставка поставлена в очередь');
    const [delivery] = wrapper.findAll('[data-testid="delivery"]');
    expect(delivery!.get('[data-testid="delivery-status"]').text()).toBe('Ожидает отправки');
    expect(delivery!.text()).toContain('Проверка (PING)');
  });
});
