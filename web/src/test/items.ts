import type { ItemFieldsFragment, ItemListFieldsFragment } from '../gql/graphql';

/** A fragment type whose objects may carry their `__typename`, as server answers do. */
export type WithTypename<T> = T extends readonly (infer U)[]
  ? WithTypename<U>[]
  : T extends object
    ? { [K in keyof T]: WithTypename<T[K]> } & { __typename?: string }
    : T;

/** An item as the server returns it (every field of the card), for component tests. */
export function itemFixture(overrides: Partial<WithTypename<ItemFieldsFragment>> = {}): ItemFieldsFragment {
  return {
    __typename: 'Item',
    id: 'i-1',
    number: '2026-000901',
    kind: 'APPEAL',
    channel: 'LETTER',
    status: 'REGISTERED',
    version: 3,
    subject: 'Нет воды на ул. Ленина',
    text: 'Третий день нет холодной воды в доме 12 по ул. Ленина.',
    urgent: false,
    receivedAt: '2026-11-25T07:00:00.000Z',
    dueAt: '2026-12-25T20:59:59.000Z',
    deadlineState: 'ON_TRACK',
    secondsLeft: 2_500_000,
    pausedAt: null,
    category: { __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply' },
    sector: { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing and utilities' },
    settlement: { __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино' },
    department: null,
    executor: null,
    source: 'dashboard',
    externalId: null,
    identified: true,
    anonymous: false,
    address: 'г. Суровикино, ул. Ленина, 12',
    lat: 48.6,
    lon: 42.85,
    applicant: {
      __typename: 'Applicant',
      name: 'Иванов Иван Иванович',
      phone: '+7 900 000-00-00',
      email: null,
      address: 'г. Суровикино, ул. Ленина, 12, кв. 3',
      masked: false,
    },
    registeredAt: '2026-11-25T08:00:00.000Z',
    registrationDueAt: '2026-11-28T20:59:59.000Z',
    redirectDueAt: '2026-12-02T20:59:59.000Z',
    answerDueAt: '2026-12-25T20:59:59.000Z',
    firstReactionDueAt: null,
    finalAnswerDueAt: null,
    reviewDueAt: null,
    firstReactionAt: null,
    answeredAt: null,
    closedAt: null,
    ratedAt: null,
    extendedAt: null,
    extensionReason: null,
    outcome: null,
    satisfied: null,
    ratingComment: null,
    reopenCount: 0,
    reworkCount: 0,
    redirectedTo: null,
    noAnswerReason: null,
    parent: null,
    duplicates: [],
    answers: [],
    history: [
      {
        __typename: 'ItemEvent',
        id: 'e-1',
        at: '2026-11-25T07:00:00.000Z',
        type: 'CREATED',
        fromStatus: null,
        toStatus: 'NEW',
        comment: null,
        details: null,
        actorLabel: 'head',
        changes: null,
        actor: { __typename: 'User', id: 'u-head', fullName: 'Гордеева Наталья Викторовна' },
      },
      {
        __typename: 'ItemEvent',
        id: 'e-2',
        at: '2026-11-25T08:00:00.000Z',
        type: 'REGISTER',
        fromStatus: 'NEW',
        toStatus: 'REGISTERED',
        comment: null,
        details: null,
        actorLabel: 'head',
        changes: null,
        actor: { __typename: 'User', id: 'u-head', fullName: 'Гордеева Наталья Викторовна' },
      },
    ],
    attachments: [],
    suggestedDepartments: [{ __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: null }],
    availableActions: [],
    updatedAt: '2026-11-25T08:00:00.000Z',
    ...overrides,
  } as ItemFieldsFragment;
}

/** The fields of an inbox row only (what `items` returns). */
export function itemRowFixture(overrides: Partial<WithTypename<ItemListFieldsFragment>> = {}): ItemListFieldsFragment {
  const full = itemFixture();
  const row = {
    __typename: 'Item',
    id: full.id,
    number: full.number,
    kind: full.kind,
    channel: full.channel,
    status: full.status,
    version: full.version,
    subject: full.subject,
    text: full.text,
    urgent: full.urgent,
    receivedAt: full.receivedAt,
    dueAt: full.dueAt,
    deadlineState: full.deadlineState,
    secondsLeft: full.secondsLeft,
    pausedAt: full.pausedAt,
    category: full.category,
    sector: full.sector,
    settlement: full.settlement,
    department: full.department,
    executor: full.executor,
  } as ItemListFieldsFragment;
  return { ...row, ...overrides } as ItemListFieldsFragment;
}
