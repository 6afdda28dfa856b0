import { describe, expect, it } from 'vitest';
import en from '../../../app/i18n/messages/en';
import ru from '../../../app/i18n/messages/ru';
import { itemFixture } from '../../../test/items';
import { render } from '../../../test/render';
import ItemAnswers from './ItemAnswers.vue';

const item = itemFixture({
  answers: [
    {
      __typename: 'ItemAnswer',
      id: 'a-1',
      kind: 'FINAL',
      status: 'PUBLISHED',
      text: 'Водоснабжение восстановлено.',
      submittedAt: '2026-11-26T08:00:00.000Z',
      reviewedAt: '2026-11-26T09:44:00.000Z',
      reworkReasons: [],
      reviewComment: null,
      checks: [],
      author: { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' },
      reviewer: { __typename: 'User', id: 'u-head', fullName: 'Мельникова Ольга Ивановна' },
    },
  ],
});

/** A past-tense verb before a person ("Проверил Мельникова…") agrees with the person's gender; these words never do. */
const GENDERED = /(?:^|\s)(?:[А-ЯЁ][а-яё]+(?:ил|ал|ял|ел)|[А-ЯЁа-яё]+\(а\))$/;

describe('ItemAnswers', () => {
  it('names the reviewer as "Проверено: Мельникова О. И.", with no verb to agree with her, and the full name on hover', async () => {
    const { wrapper } = await render(ItemAnswers, { props: { item } });
    const facts = wrapper.get('.answer__facts');
    const terms = facts.findAll('dt').map((dt) => dt.text());
    expect(terms).toEqual(['Автор', 'Проверено']);
    const reviewer = wrapper.get('[data-testid="answer-reviewer"]');
    expect(reviewer.text()).toBe('Мельникова О. И., 26.11.2026, 12:44');
    expect(reviewer.get('span').attributes('title')).toBe('Мельникова Ольга Ивановна');
    expect(wrapper.get('[data-testid="answer-author"]').text()).toBe('Захаров И. Н., 26.11.2026, 11:00');
  });

  it('uses no gendered verb for the author or the reviewer in either language', () => {
    for (const messages of [ru, en]) {
      for (const key of ['author', 'reviewer'] as const) expect(messages.items.card[key]).not.toMatch(GENDERED);
    }
    // The guard itself: it would catch the old wording.
    expect('Проверил').toMatch(GENDERED);
    expect('Утвердил(а)').toMatch(GENDERED);
  });

  it('says when an answer given in the source system was given, with no author or reviewer line', async () => {
    const fromSource = itemFixture({
      answers: [
        {
          __typename: 'ItemAnswer',
          id: 'a-2',
          kind: 'FINAL',
          status: 'PUBLISHED',
          text: 'Площадка очищена 1 декабря.',
          submittedAt: '2026-12-01T12:40:00.000Z',
          reviewedAt: null,
          reworkReasons: [],
          reviewComment: null,
          checks: [],
          author: null,
          reviewer: null,
        },
      ],
    });
    const { wrapper } = await render(ItemAnswers, { props: { item: fromSource } });
    expect(wrapper.get('.answer__facts').findAll('dt').map((dt) => dt.text())).toEqual(['Дан']);
    expect(wrapper.get('[data-testid="answer-given"]').text()).toBe('01.12.2026, 15:40');
    expect(wrapper.find('[data-testid="answer-reviewer"]').exists()).toBe(false);
  });
});

describe('ItemAnswers: the answer check', () => {
  const findings = [
    {
      __typename: 'AnswerCheckFinding',
      code: 'NO_DATE',
      reason: 'NO_DATE_OR_MEASURES',
      message: 'Не указан срок, к которому будет выполнено обещанное.',
      evidence: 'работы будут проведены',
    },
    { __typename: 'AnswerCheckFinding', code: 'ONLY_LAWS', reason: 'LAWS_NOT_EXPLAINED', message: 'Ответ ссылается на закон, не объясняя его.', evidence: null },
  ];
  const onReview = (checks: typeof findings, availableActions: ('APPROVE_ANSWER' | 'RETURN_FOR_REWORK' | 'ASSIGN')[]) =>
    itemFixture({
      status: 'ON_REVIEW',
      availableActions,
      answers: [
        {
          __typename: 'ItemAnswer',
          id: 'a-3',
          kind: 'FINAL',
          status: 'ON_REVIEW',
          text: 'Работы будут проведены согласно 131-ФЗ.',
          submittedAt: '2026-11-26T08:00:00.000Z',
          reviewedAt: null,
          reworkReasons: [],
          reviewComment: null,
          checks,
          author: { __typename: 'User', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' },
          reviewer: null,
        },
      ],
    } as never);

  it("shows the reviewer each finding beside the answer on review: its name, the server's message, the words quoted", async () => {
    const { wrapper } = await render(ItemAnswers, { props: { item: onReview(findings, ['APPROVE_ANSWER', 'RETURN_FOR_REWORK']) } });
    const shown = wrapper.findAll('[data-testid="answer-check"]');
    expect(shown.map((f) => f.attributes('data-code'))).toEqual(['NO_DATE', 'ONLY_LAWS']);
    expect(shown[0]!.text()).toContain('Нет срока или даты');
    expect(shown[0]!.text()).toContain('Не указан срок, к которому будет выполнено обещанное.');
    expect(shown[0]!.get('[data-testid="answer-check-evidence"]').text()).toBe('работы будут проведены');
    expect(shown[1]!.text()).toContain('Только ссылки на законы');
    expect(shown[1]!.find('[data-testid="answer-check-evidence"]').exists()).toBe(false);
  });

  it('says the check found nothing, and shows no check to someone who does not review', async () => {
    const clean = await render(ItemAnswers, { props: { item: onReview([], ['RETURN_FOR_REWORK']) } });
    expect(clean.wrapper.get('[data-testid="answer-checks-clean"]').text()).toBe('Замечаний нет');

    const other = await render(ItemAnswers, { props: { item: onReview(findings, ['ASSIGN']) } });
    expect(other.wrapper.find('[data-testid="answer-checks"]').exists()).toBe(false);
  });

  it('names every finding in English too', async () => {
    const { wrapper } = await render(ItemAnswers, { props: { item: onReview(findings, ['APPROVE_ANSWER']) }, locale: 'en' });
    expect(wrapper.findAll('[data-testid="answer-check"] strong').map((s) => s.text())).toEqual(['No deadline or date', 'Only references to laws']);
  });
});
