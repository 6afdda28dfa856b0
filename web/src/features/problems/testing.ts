/**
 * Fixtures for the component tests of the problems pages: objects as the server returns them (with their
 * `__typename`, so the cache normalises them as in the app). Only specs import this file.
 */
import type {
  ProblemFieldsFragment,
  ProblemItemFieldsFragment,
  ProblemListFieldsFragment,
  ProblemMeasureFieldsFragment,
  ProblemProposalsQuery,
  ProblemSolveEntryFieldsFragment,
} from '../../gql/graphql';

type Typed<T> = T & { __typename: string };

export const water = { __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply' } as const;
export const zhkh = { __typename: 'Sector', id: 's-1', code: 'ZHKH', name: 'ЖКХ', nameEn: 'Housing and utilities' } as const;
export const roads = { __typename: 'Category', id: 'c-2', code: 'ROADS_REPAIR', name: 'Ремонт дорог', nameEn: 'Road repair' } as const;
export const roadsSector = { __typename: 'Sector', id: 's-2', code: 'ROADS', name: 'Дороги', nameEn: 'Roads' } as const;
export const surovikino = { __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино' } as const;
export const housing = { __typename: 'Department', id: 'd-housing', name: 'Отдел по жилищно-коммунальному хозяйству, транспорту и связи', shortName: 'Отдел ЖКХ' } as const;
export const head = { __typename: 'ProblemPerson', id: 'u-head', fullName: 'Гордеева Наталья Викторовна' } as const;
export const executor = { __typename: 'ProblemPerson', id: 'u-executor', fullName: 'Захаров Игорь Николаевич' } as const;

/** What the filters and forms offer. */
export const problemOptions = {
  sectors: [
    { ...zhkh, categories: [{ ...water, active: true }] },
    { ...roadsSector, categories: [{ ...roads, active: true }] },
  ],
  settlements: [surovikino, { __typename: 'Settlement', id: 'st-2', name: 'Добринское сельское поселение' }],
  departments: [housing, { __typename: 'Department', id: 'd-roads', name: 'Отдел дорожного хозяйства', shortName: null }],
};

export function problemItem(overrides: Partial<Typed<ProblemItemFieldsFragment>> = {}): Typed<ProblemItemFieldsFragment> {
  return {
    __typename: 'Item',
    id: 'i-1',
    number: '2026-000901',
    kind: 'APPEAL',
    status: 'ASSIGNED',
    version: 3,
    subject: 'Нет воды на ул. Ленина',
    address: 'г. Суровикино, ул. Ленина, 12',
    receivedAt: '2026-11-02T07:00:00.000Z',
    answeredAt: null,
    outcome: null,
    settlement: surovikino,
    department: housing,
    ...overrides,
  } as Typed<ProblemItemFieldsFragment>;
}

export function problemRow(overrides: Partial<Typed<ProblemListFieldsFragment>> = {}): Typed<ProblemListFieldsFragment> {
  return {
    __typename: 'Problem',
    id: 'p-1',
    title: 'Водоснабжение: Городское поселение город Суровикино, ул. Ленина',
    status: 'CONFIRMED',
    area: 'ул. Ленина',
    version: 1,
    category: water,
    sector: zhkh,
    settlement: surovikino,
    department: housing,
    itemCount: 3,
    openItemCount: 2,
    residentCount: 3,
    updatedAt: '2026-11-20T07:00:00.000Z',
    ...overrides,
  } as Typed<ProblemListFieldsFragment>;
}

export function measure(overrides: Partial<Typed<ProblemMeasureFieldsFragment>> = {}): Typed<ProblemMeasureFieldsFragment> {
  return {
    __typename: 'ProblemMeasure',
    id: 'm-1',
    text: 'Заменить участок водопровода на ул. Ленина',
    status: 'PLANNED',
    dueDate: '2026-12-15',
    dueAt: '2026-12-15T20:59:59.000Z',
    doneAt: null,
    overdue: false,
    department: housing,
    owner: executor,
    updatedAt: '2026-11-20T07:00:00.000Z',
    ...overrides,
  } as Typed<ProblemMeasureFieldsFragment>;
}

export function problemCard(overrides: Partial<Typed<ProblemFieldsFragment>> = {}): Typed<ProblemFieldsFragment> {
  return {
    ...problemRow(),
    description: 'Жители трёх домов сообщают о перебоях с холодной водой.',
    proposalKey: 'ZHKH_WATER|st-1|ул ленина',
    createdAt: '2026-11-20T07:00:00.000Z',
    createdBy: head,
    confirmedAt: '2026-11-20T07:00:00.000Z',
    confirmedBy: head,
    planApprovedAt: null,
    planApprovedBy: null,
    solvedAt: null,
    solvedBy: null,
    answerText: null,
    outcome: null,
    rejectedAt: null,
    rejectedBy: null,
    rejectionReason: null,
    mergedInto: null,
    measures: [],
    reports: [],
    items: [],
    ...overrides,
  } as Typed<ProblemFieldsFragment>;
}

export type Proposal = ProblemProposalsQuery['problemProposals'][number];

export function proposal(overrides: Partial<Typed<Proposal>> = {}): Typed<Proposal> {
  return {
    __typename: 'ProblemProposal',
    key: 'ZHKH_WATER|st-1|ул ленина',
    suggestedTitle: 'Водоснабжение: Городское поселение город Суровикино, ул. Ленина',
    street: 'ул. Ленина',
    itemCount: 3,
    residentCount: 2,
    category: { ...water, sector: zhkh },
    settlement: surovikino,
    items: [
      problemItem({ id: 'i-1', number: '2026-000901', receivedAt: '2026-10-05T07:00:00.000Z' }),
      problemItem({ id: 'i-2', number: '2026-000902', subject: 'Снова нет воды', address: 'ул. Ленина, 14', receivedAt: '2026-11-02T07:00:00.000Z' }),
      problemItem({ id: 'i-3', number: '2026-000903', subject: 'Низкое давление воды', status: 'REGISTERED', department: null, receivedAt: '2026-11-25T21:30:00.000Z' }),
    ],
    ...overrides,
  } as Typed<Proposal>;
}

export function solveEntry(overrides: Partial<Typed<ProblemSolveEntryFieldsFragment>> = {}): Typed<ProblemSolveEntryFieldsFragment> {
  return {
    __typename: 'ProblemSolveEntry',
    itemId: 'i-1',
    reason: null,
    message: null,
    actions: [],
    item: problemItem(),
    ...overrides,
  } as Typed<ProblemSolveEntryFieldsFragment>;
}
