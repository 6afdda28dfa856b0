import type { DepartmentKind } from '../../gql/graphql';

/** The order in which kinds are offered: the usual ones first. */
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  'ADMIN_UNIT',
  'LOCAL_GOVERNMENT',
  'SETTLEMENT_GOVERNMENT',
  'MUNICIPAL_INSTITUTION',
  'REGIONAL_INSTITUTION',
  'UTILITY',
  'REPRESENTATIVE_BODY',
  'MEDIA',
  'OTHER',
];
