import { describe, expect, it, vi } from 'vitest';
import { render, settle } from '../../../../test/render';
import { itemFixture } from '../../../../test/items';
import { approveAnswerMutation } from '../../graphql/approve-answer.mutation';
import { returnForReworkMutation } from '../../graphql/return-for-rework.mutation';
import ReviewForm from './ReviewForm.vue';

const onReview = itemFixture({
  status: 'ON_REVIEW',
  version: 7,
  availableActions: ['APPROVE_ANSWER', 'RETURN_FOR_REWORK'],
  answers: [
    {
      __typename: 'ItemAnswer',
      id: 'a-1',
      kind: 'FINAL',
      status: 'ON_REVIEW',
      text: 'Вода будет.',
      submittedAt: '2026-11-26T07:00:00.000Z',
      reviewedAt: null,
      reworkReasons: [],
      reviewComment: null,
      checks: [],
      author: { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' },
      reviewer: null,
    },
  ],
});

type Wrapper = Awaited<ReturnType<typeof render>>['wrapper'];
const field = (wrapper: Wrapper, id: string) => wrapper.get(`[data-testid="${id}"]`);

describe('ReviewForm', () => {
  it('returns the answer for rework with the chosen reasons, in the order of the list, and the comment', async () => {
    const result = vi.fn(() => ({ data: { returnForRework: itemFixture({ status: 'IN_PROGRESS', version: 8, reworkCount: 1 }) } }));
    const { wrapper } = await render(ReviewForm, {
      props: { item: onReview, decision: 'return' },
      mocks: [
        {
          request: {
            query: returnForReworkMutation,
            variables: { id: 'i-1', version: 7, input: { reasons: ['NO_DATE_OR_MEASURES', 'NO_EVIDENCE'], comment: 'Когда? Приложите фото.' } },
          },
          result,
        },
      ],
    });
    expect(field(wrapper, 'review-answer').text()).toContain('Вода будет.');
    // Both decisions are at hand.
    expect(wrapper.find('[data-testid="review-approve"]').exists()).toBe(true);
    await field(wrapper, 'review-reason-NO_EVIDENCE').setValue(true);
    await field(wrapper, 'review-reason-NO_DATE_OR_MEASURES').setValue(true);
    await field(wrapper, 'review-comment').setValue('  Когда? Приложите фото. ');
    await field(wrapper, 'review-return').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('done')?.[0]).toEqual([expect.objectContaining({ status: 'IN_PROGRESS', version: 8 })]);
  });

  it('asks for at least one reason before returning', async () => {
    const result = vi.fn(() => ({ data: { returnForRework: itemFixture() } }));
    const { wrapper } = await render(ReviewForm, {
      props: { item: onReview, decision: 'return' },
      mocks: [{ request: { query: returnForReworkMutation }, variableMatcher: () => true, result }],
    });
    await field(wrapper, 'review-return').trigger('click');
    await settle();
    expect(wrapper.text()).toContain('Выберите хотя бы одну причину');
    expect(result).not.toHaveBeenCalled();
    expect(wrapper.emitted('done')).toBeUndefined();
  });

  it('approves with the outcome chosen, whichever decision it opened with', async () => {
    const result = vi.fn(() => ({ data: { approveAnswer: itemFixture({ status: 'ANSWERED', outcome: 'SUPPORTED_MEASURES_TAKEN', version: 8 }) } }));
    const { wrapper } = await render(ReviewForm, {
      props: { item: onReview, decision: 'return' },
      mocks: [
        {
          request: { query: approveAnswerMutation, variables: { id: 'i-1', version: 7, input: { outcome: 'SUPPORTED_MEASURES_TAKEN', comment: null } } },
          result,
        },
      ],
    });
    await field(wrapper, 'review-approve').trigger('click');
    await settle();
    expect(wrapper.text()).toContain('Обязательное поле');
    await field(wrapper, 'review-outcome').setValue('SUPPORTED_MEASURES_TAKEN');
    await field(wrapper, 'review-approve').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('done')).toHaveLength(1);
  });

  it('offers only the outcomes a reviewer may give, and only the decisions the server allows', async () => {
    const { wrapper } = await render(ReviewForm, { props: { item: onReview } });
    const values = field(wrapper, 'review-outcome').findAll('option').map((o) => o.attributes('value'));
    expect(values).toEqual(['', 'SUPPORTED', 'SUPPORTED_MEASURES_TAKEN', 'EXPLAINED', 'NOT_SUPPORTED']);

    const approveOnly = await render(ReviewForm, { props: { item: { ...onReview, availableActions: ['APPROVE_ANSWER'] } } });
    expect(approveOnly.wrapper.find('[data-testid="review-return"]').exists()).toBe(false);
    expect(approveOnly.wrapper.find('[data-testid="review-reason-NO_EVIDENCE"]').exists()).toBe(false);
  });

  it('ticks the rework reasons the answer check points to, shows its findings with the answer, and sends nothing by itself', async () => {
    const checked = itemFixture({
      ...onReview,
      answers: [
        {
          ...onReview.answers[0]!,
          checks: [
            { __typename: 'AnswerCheckFinding', code: 'ONLY_LAWS', reason: 'LAWS_NOT_EXPLAINED', message: 'Только ссылка на закон.', evidence: '131-ФЗ' },
            { __typename: 'AnswerCheckFinding', code: 'NO_DATE', reason: 'NO_DATE_OR_MEASURES', message: 'Нет срока.', evidence: null },
            { __typename: 'AnswerCheckFinding', code: 'NO_MEASURE', reason: 'NO_DATE_OR_MEASURES', message: 'Нет меры.', evidence: null },
          ],
        },
      ],
    } as never);
    const result = vi.fn(() => ({ data: { returnForRework: itemFixture({ status: 'IN_PROGRESS', version: 8 }) } }));
    const { wrapper } = await render(ReviewForm, {
      props: { item: checked, decision: 'return' },
      mocks: [
        {
          request: { query: returnForReworkMutation, variables: { id: 'i-1', version: 7, input: { reasons: ['NO_DATE_OR_MEASURES', 'LAWS_NOT_EXPLAINED'], comment: null } } },
          result,
        },
      ],
    });
    expect(field(wrapper, 'review-answer').findAll('[data-testid="answer-check"]').map((f) => f.attributes('data-code'))).toEqual([
      'ONLY_LAWS',
      'NO_DATE',
      'NO_MEASURE',
    ]);
    const ticked = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]').filter((c) => c.element.checked);
    expect(ticked.map((c) => c.attributes('data-testid'))).toEqual(['review-reason-NO_DATE_OR_MEASURES', 'review-reason-LAWS_NOT_EXPLAINED']);
    expect(wrapper.text()).toContain('Причины из автоматической проверки отмечены заранее');
    await settle();
    expect(result).not.toHaveBeenCalled();
    await field(wrapper, 'review-return').trigger('click');
    await settle();
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('ticks nothing when the check found nothing', async () => {
    const { wrapper } = await render(ReviewForm, { props: { item: onReview, decision: 'return' } });
    expect(wrapper.findAll<HTMLInputElement>('input[type="checkbox"]').filter((c) => c.element.checked)).toEqual([]);
    expect(field(wrapper, 'answer-checks-clean').text()).toBe('Замечаний нет');
  });
});
