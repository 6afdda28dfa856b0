import { describe, expect, it, vi } from 'vitest';
import type { WebhookDeliveryFieldsFragment, WebhookDeliveryStatus } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { render, settle } from '../../../test/render';
import { replayWebhookDeliveryMutation } from '../graphql/replay-webhook-delivery.mutation';
import { webhookDeliveriesQuery } from '../graphql/webhook-deliveries.query';
import WebhookDeliveries from './WebhookDeliveries.vue';

/** Fixtures as the server answers them, with their type names (the cache normalises by them). */
type Attempt = WebhookDeliveryFieldsFragment['attempts'][number] & { __typename: 'WebhookAttempt' };
type Delivery = Omit<WebhookDeliveryFieldsFragment, 'attempts'> & { __typename: 'WebhookDelivery'; attempts: Attempt[] };

const body = (number: string) => JSON.stringify({ id: 'x', event: 'STATUS_CHANGED', item: { id: 'item-7', number } });

const dead: Delivery = {
  __typename: 'WebhookDelivery',
  id: 'd-2',
  webhookId: 'w-1',
  eventType: 'STATUS_CHANGED',
  itemId: 'item-7',
  status: 'DEAD',
  body: body('2026-000731'),
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2026-11-27T08:00:00.000Z',
  attempts: [
    { __typename: 'WebhookAttempt', number: 1, at: '2026-11-27T08:00:01.000Z', durationMs: 10004, httpStatus: null, error: 'timed out after 10000 ms' },
    { __typename: 'WebhookAttempt', number: 2, at: '2026-11-27T08:31:00.000Z', durationMs: 87, httpStatus: 503, error: 'HTTP 503' },
  ],
};
const delivered: Delivery = {
  __typename: 'WebhookDelivery',
  id: 'd-1',
  webhookId: 'w-1',
  eventType: 'PING',
  itemId: null,
  status: 'DELIVERED',
  body: '{"id":"d-1","event":"PING"}',
  nextAttemptAt: null,
  deliveredAt: '2026-11-26T12:00:01.000Z',
  createdAt: '2026-11-26T12:00:00.000Z',
  attempts: [{ __typename: 'WebhookAttempt', number: 1, at: '2026-11-26T12:00:01.000Z', durationMs: 42, httpStatus: 204, error: null }],
};

function page(
  nodes: WebhookDeliveryFieldsFragment[],
  vars: { status?: WebhookDeliveryStatus | null; after?: string | null } = {},
  more: { endCursor?: string | null; hasNextPage?: boolean } = {},
) {
  return {
    request: { query: webhookDeliveriesQuery, variables: { webhookId: 'w-1', status: vars.status ?? null, first: 20, after: vars.after ?? null } },
    result: {
      data: {
        webhookDeliveries: { __typename: 'WebhookDeliveryPage', nodes, endCursor: more.endCursor ?? (nodes.length ? 'end' : null), hasNextPage: more.hasNextPage ?? false },
      },
    },
  };
}

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const shown = (wrapper: Wrapper) => wrapper.findAll('[data-testid="delivery"]');

describe('WebhookDeliveries', () => {
  it('lists the deliveries newest first: status in words, event, a link to the item by its number, attempts', async () => {
    const { wrapper } = await render(WebhookDeliveries, { props: { webhookId: 'w-1' }, mocks: [page([dead, delivered])] });
    const [first, second] = shown(wrapper);
    expect(first!.get('[data-testid="delivery-status"]').text()).toBe('Не доставлено');
    expect(first!.text()).toContain('Сменился статус');
    expect(first!.get('[data-testid="delivery-item"]').text()).toBe('Карточка № 2026-000731');
    expect(first!.get('[data-testid="delivery-item"]').attributes('href')).toBe('/items/item-7');
    expect(first!.get('[data-testid="delivery-attempts"]').text()).toBe('Попыток: 2');
    expect(second!.get('[data-testid="delivery-status"]').text()).toBe('Доставлено');
    expect(second!.text()).toContain('Проверка (PING)');
    expect(second!.find('[data-testid="delivery-item"]').exists()).toBe(false);
    // 12:00:01 UTC is 15:00 in the municipality.
    expect(second!.text()).toContain('Доставлено: 26.11.2026, 15:00');
  });

  it("opens a delivery onto its attempts: time in the municipality's zone, HTTP status or none, duration, error", async () => {
    const { wrapper } = await render(WebhookDeliveries, { props: { webhookId: 'w-1' }, mocks: [page([dead, delivered])] });
    const first = shown(wrapper)[0]!;
    const toggle = first.get('[data-testid="delivery-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(first.find('[data-testid="delivery-attempt"]').exists()).toBe(false);

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(wrapper.find(`#${toggle.attributes('aria-controls')}`).exists()).toBe(true);
    const attempts = first.findAll('[data-testid="delivery-attempt"]').map((r) => r.findAll('td').map((c) => c.text()));
    expect(attempts).toEqual([
      ['1', '27.11.2026, 11:00', 'нет ответа', '10\u00a0004 мс', 'timed out after 10000 ms'],
      ['2', '27.11.2026, 11:31', '503', '87 мс', 'HTTP 503'],
    ]);
    // The other delivery stays closed.
    expect(shown(wrapper)[1]!.find('[data-testid="delivery-attempt"]').exists()).toBe(false);

    await toggle.trigger('click');
    expect(first.find('[data-testid="delivery-attempt"]').exists()).toBe(false);
  });

  it('sends a dead delivery again, which then waits to be sent; a waiting one offers no replay', async () => {
    const replayed = vi.fn(() => ({ data: { replayWebhookDelivery: { ...dead, status: 'PENDING', nextAttemptAt: '2026-11-27T09:00:00.000Z' } } }));
    const { wrapper } = await render(WebhookDeliveries, {
      props: { webhookId: 'w-1' },
      mocks: [
        page([dead, delivered]),
        { request: { query: replayWebhookDeliveryMutation, variables: { id: 'd-2' } }, result: replayed },
      ],
    });
    const first = shown(wrapper)[0]!;
    expect(first.get('[data-testid="delivery-replay"]').attributes('aria-label')).toBe('Отправить снова: Сменился статус, 27.11.2026, 11:00');
    await first.get('[data-testid="delivery-replay"]').trigger('click');
    await settle();
    expect(replayed).toHaveBeenCalledTimes(1);
    expect(first.get('[data-testid="delivery-status"]').text()).toBe('Ожидает отправки');
    expect(first.text()).toContain('Следующая попытка: 27.11.2026, 12:00');
    expect(first.find('[data-testid="delivery-replay"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Доставка снова в очереди');
  });

  it('reads the first page again every 5 s while a delivery waits, and stops once none does', async () => {
    const pending = { ...delivered, status: 'PENDING' as const, deliveredAt: null, nextAttemptAt: '2026-11-27T09:00:00.000Z', attempts: [] };
    const answers = [pending, delivered, delivered];
    const result = vi.fn(() => page([answers.shift()!]).result);
    const { wrapper } = await render(WebhookDeliveries, {
      props: { webhookId: 'w-1' },
      mocks: [{ ...page([]), result, maxUsageCount: Number.POSITIVE_INFINITY }],
    });
    expect(shown(wrapper)[0]!.get('[data-testid="delivery-status"]').text()).toBe('Ожидает отправки');
    await pass(4999);
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    await pass(1);
    await settle();
    expect(result).toHaveBeenCalledTimes(2);
    expect(shown(wrapper)[0]!.get('[data-testid="delivery-status"]').text()).toBe('Доставлено');
    await pass(15_000);
    await settle();
    expect(result).toHaveBeenCalledTimes(2);
  });

  it('filters by status', async () => {
    const { wrapper } = await render(WebhookDeliveries, {
      props: { webhookId: 'w-1' },
      mocks: [page([dead, delivered]), page([dead], { status: 'DEAD' })],
    });
    expect(shown(wrapper)).toHaveLength(2);
    const options = wrapper.get('[data-testid="delivery-status-filter"]').findAll('option').map((o) => o.text());
    expect(options).toEqual(['Все', 'Ожидает отправки', 'Доставлено', 'Не доставлено', 'Отменено']);
    await wrapper.get('[data-testid="delivery-status-filter"]').setValue('DEAD');
    await settle();
    expect(shown(wrapper).map((d) => d.get('[data-testid="delivery-status"]').text())).toEqual(['Не доставлено']);
  });

  it('shows more deliveries after the last one shown, and no button once there are no more', async () => {
    const older = { ...delivered, id: 'd-0', createdAt: '2026-11-25T12:00:00.000Z' };
    const { wrapper } = await render(WebhookDeliveries, {
      props: { webhookId: 'w-1' },
      mocks: [page([dead, delivered], {}, { endCursor: 'c2', hasNextPage: true }), page([older], { after: 'c2' }, { endCursor: 'c3', hasNextPage: false })],
    });
    expect(shown(wrapper)).toHaveLength(2);
    await wrapper.get('[data-testid="delivery-more"]').trigger('click');
    await settle();
    expect(shown(wrapper)).toHaveLength(3);
    expect(wrapper.find('[data-testid="delivery-more"]').exists()).toBe(false);
  });

  it('says so when there is no delivery yet', async () => {
    const { wrapper } = await render(WebhookDeliveries, { props: { webhookId: 'w-1' }, mocks: [page([])] });
    expect(wrapper.get('[data-testid="delivery-empty"]').text()).toBe('Доставок пока нет');
  });
});
