import type { MachineProposalFieldsFragment } from '../../../gql/graphql';
import { classifyOptionsQuery } from '../graphql/classify-options.query';

/** A part of the rubricator and the settlements, as `ClassifyOptions` answers them. */
export const classifyOptions = {
  sectors: [
    {
      __typename: 'Sector',
      id: 's-1',
      code: 'ZHKH',
      name: 'ЖКХ',
      nameEn: 'Housing and utilities',
      categories: [
        { __typename: 'Category', id: 'c-1', code: 'ZHKH_WATER', name: 'Водоснабжение', nameEn: 'Water supply', active: true, urgentCapable: true },
        { __typename: 'Category', id: 'c-2', code: 'ZHKH_HEATING', name: 'Отопление', nameEn: 'Heating', active: true, urgentCapable: true },
      ],
    },
    {
      __typename: 'Sector',
      id: 's-2',
      code: 'BLAG',
      name: 'Благоустройство',
      nameEn: 'Public spaces',
      categories: [
        { __typename: 'Category', id: 'c-3', code: 'BLAG_LIGHTING', name: 'Уличное освещение', nameEn: 'Street lighting', active: true, urgentCapable: false },
        { __typename: 'Category', id: 'c-4', code: 'BLAG_OLD', name: 'Старая категория', nameEn: 'Old category', active: false, urgentCapable: false },
      ],
    },
  ],
  settlements: [
    { __typename: 'Settlement', id: 'st-1', name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино' },
    { __typename: 'Settlement', id: 'st-2', name: 'Лысовское сельское поселение', shortName: 'Лысовское с/п' },
  ],
};

export const classifyOptionsMock = {
  request: { query: classifyOptionsQuery },
  result: { data: classifyOptions },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The machine's first pass over a text about water in хутор Лысов. */
export function machineFixture(overrides: Partial<MachineProposalFieldsFragment> = {}): MachineProposalFieldsFragment {
  return {
    __typename: 'MachineProposal',
    at: '2026-11-25T07:00:01.000Z',
    modelVersion: 'm-20261120-1000',
    sectorCode: 'ZHKH',
    categoryCode: 'ZHKH_WATER',
    confidence: 0.87,
    alternatives: [
      { __typename: 'ClassificationAlternative', categoryCode: 'ZHKH_HEATING', sectorCode: 'ZHKH', confidence: 0.06 },
      { __typename: 'ClassificationAlternative', categoryCode: 'BLAG_LIGHTING', sectorCode: 'BLAG', confidence: 0.02 },
    ],
    urgent: true,
    urgentScore: 0.74,
    urgentReasons: ['NO_WATER'],
    place: {
      __typename: 'Place',
      settlement: { __typename: 'PlaceSettlement', id: 'st-2', name: 'Лысовское сельское поселение' },
      locality: { __typename: 'PlaceLocality', name: 'Лысов', kind: 'хутор' },
      street: 'ул. Центральная',
      house: '5',
      confidence: 0.9,
    },
    applied: ['CATEGORY', 'URGENT', 'SETTLEMENT'],
    ...overrides,
  } as MachineProposalFieldsFragment;
}
