import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { TextModelFieldsFragment } from '../../../gql/graphql';
import { pass } from '../../../test/clock';
import { render, settle } from '../../../test/render';
import { retrainTextModelMutation } from '../graphql/retrain-text-model.mutation';
import { textModelQuery } from '../graphql/text-model.query';
import TextModelPage from './TextModelPage.vue';

type Model = TextModelFieldsFragment & { __typename: 'TextModelInfo' };

const trained: Model = {
  __typename: 'TextModelInfo',
  version: 'm-20261126-0715',
  baseVersion: 'b-20261120-1000',
  trainedAt: '2026-11-26T07:15:00.000Z',
  trainingMs: 8_450,
  examples: 16_142,
  staffExamples: 42,
  newStaffExamples: 5,
  municipal: true,
  retraining: false,
};
const retraining: Model = { ...trained, retraining: true };
const retrained: Model = {
  ...trained,
  version: 'm-20261127-0901',
  trainedAt: '2026-11-27T09:01:00.000Z',
  examples: 16_147,
  staffExamples: 47,
  newStaffExamples: 0,
};

const answers = (...models: Model[]) => {
  const result = vi.fn();
  for (const m of models) result.mockReturnValueOnce({ data: { textModel: m } });
  return { request: { query: textModelQuery }, result, maxUsageCount: models.length };
};

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const text = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).text();

describe('TextModelPage', () => {
  it('shows the model: version, municipal or base, when trained in the municipality’s time, examples and new staff examples', async () => {
    const { wrapper } = await render(TextModelPage, { mocks: [answers(trained)] });
    expect(text(wrapper, 'page-title')).toBe('Модель текстов');
    expect(text(wrapper, 'text-model-version')).toBe('m-20261126-0715');
    expect(text(wrapper, 'text-model-kind')).toContain('Муниципальная');
    expect(text(wrapper, 'text-model-kind')).toContain('на основе b-20261120-1000');
    // 07:15 UTC is 10:15 in Europe/Volgograd.
    expect(wrapper.get('[data-testid="text-model-trained-at"] time').text()).toBe('26.11.2026, 10:15');
    expect(text(wrapper, 'text-model-trained-at')).toContain('обучение 8,5 с');
    expect(text(wrapper, 'text-model-examples').replace(/\s/g, ' ')).toBe('16 142');
    expect(text(wrapper, 'text-model-staff-examples')).toBe('42');
    expect(text(wrapper, 'text-model-new-examples')).toContain('5');
    expect(text(wrapper, 'text-model-new-examples')).toContain('переобучение их учтёт');
    expect(wrapper.find('[data-testid="text-model-retraining"]').exists()).toBe(false);
  });

  it('names no training time for a base model read from a cache of an earlier training (trainingMs null)', async () => {
    const { wrapper } = await render(TextModelPage, { mocks: [answers({ ...trained, municipal: false, trainingMs: null })] });
    expect(wrapper.get('[data-testid="text-model-trained-at"] time').text()).toBe('26.11.2026, 10:15');
    expect(wrapper.find('[data-testid="text-model-training-time"]').exists()).toBe(false);
    expect(text(wrapper, 'text-model-trained-at')).not.toContain('обучение');
  });

  it('says the base model is the corpus alone', async () => {
    const { wrapper } = await render(TextModelPage, {
      mocks: [answers({ ...trained, municipal: false, version: 'b-20261120-1000', staffExamples: 0, newStaffExamples: 0 })],
    });
    expect(text(wrapper, 'text-model-kind')).toBe('Базовая (только корпус)');
    expect(text(wrapper, 'text-model-new-examples')).toBe('0');
  });

  it('retrains: shows the retraining at once, asks for the model every 2 s until it is done, then names the new version', async () => {
    const query = answers(trained, retraining, retrained);
    const retrain = vi.fn(() => ({ data: { retrainTextModel: retraining } }));
    const { wrapper } = await render(TextModelPage, { mocks: [query, { request: { query: retrainTextModelMutation }, result: retrain }] });
    expect(query.result).toHaveBeenCalledTimes(1);

    await wrapper.get('[data-testid="text-model-retrain"]').trigger('click');
    await settle();
    expect(retrain).toHaveBeenCalledTimes(1);
    expect(text(wrapper, 'text-model-retraining')).toContain('Идёт переобучение');
    expect(wrapper.get('[data-testid="text-model-retrain"]').attributes('disabled')).toBeDefined();

    // Not before 2 s.
    await pass(1_999);
    await settle();
    expect(query.result).toHaveBeenCalledTimes(1);
    // Still retraining after the first look: it looks again 2 s later.
    await pass(1);
    await settle();
    expect(query.result).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[data-testid="text-model-retraining"]').exists()).toBe(true);
    await pass(2_000);
    await settle();
    expect(query.result).toHaveBeenCalledTimes(3);

    expect(wrapper.find('[data-testid="text-model-retraining"]').exists()).toBe(false);
    expect(text(wrapper, 'text-model-notice')).toBe('Модель переобучена: версия m-20261127-0901');
    expect(text(wrapper, 'text-model-version')).toBe('m-20261127-0901');
    expect(text(wrapper, 'text-model-new-examples')).toBe('0');
    // Done: no more looks.
    await pass(10_000);
    await settle();
    expect(query.result).toHaveBeenCalledTimes(3);
  });

  it('follows a retraining someone else started, without a notice of its own', async () => {
    const query = answers(retraining, retrained);
    const { wrapper } = await render(TextModelPage, { mocks: [query] });
    expect(wrapper.find('[data-testid="text-model-retraining"]').exists()).toBe(true);
    await pass(2_000);
    await settle();
    expect(query.result).toHaveBeenCalledTimes(2);
    expect(text(wrapper, 'text-model-version')).toBe('m-20261127-0901');
    expect(wrapper.find('[data-testid="text-model-notice"]').exists()).toBe(false);
  });

  it('shows the refusal of a retraining in Russian and keeps the model shown', async () => {
    const { wrapper } = await render(TextModelPage, {
      mocks: [
        answers(trained),
        { request: { query: retrainTextModelMutation }, result: { errors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })] } },
      ],
    });
    await wrapper.get('[data-testid="text-model-retrain"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="text-model-error"]').exists()).toBe(true);
    expect(text(wrapper, 'text-model-version')).toBe('m-20261126-0715');
    expect(wrapper.find('[data-testid="text-model-retraining"]').exists()).toBe(false);
  });

  it('says the model is not ready when there is none yet', async () => {
    const { wrapper } = await render(TextModelPage, { mocks: [{ request: { query: textModelQuery }, result: { data: { textModel: null } } }] });
    expect(text(wrapper, 'text-model-none')).toContain('Модель ещё обучается');
    expect(wrapper.find('[data-testid="text-model-retrain"]').exists()).toBe(false);
  });
});
