import type { KpiFigure, KpiTargetInput, KpiTargetLevel } from '../../gql/graphql';
import { TARGET_FIGURES } from './figures';
import { parseDecimal, percentInputToShare } from './format';

/** What the curator fills in to approve a target; numbers as typed (shares in per cent). */
export type TargetDraft = {
  figure: KpiFigure;
  level: KpiTargetLevel;
  sectorCode: string;
  departmentId: string;
  value: string;
  validFrom: string;
  validTo: string;
  margin: string;
  comment: string;
};

export const TARGET_LEVELS: readonly KpiTargetLevel[] = ['MUNICIPALITY', 'SECTOR', 'DEPARTMENT'];

/** Problems of a draft, by field, as i18n keys (with their parameters). */
export type DraftProblems = Partial<Record<'value' | 'margin' | 'validFrom' | 'validTo' | 'sectorCode' | 'departmentId', string>>;

function number(input: string, share: boolean): number | null {
  return share ? percentInputToShare(input) : parseDecimal(input);
}

/**
 * Checks a draft and turns it into what `setKpiTarget` takes: shares from per cent to 0..1, the unit by its level,
 * the optional fields only when filled in. The server checks it all again.
 */
export function targetInput(draft: TargetDraft): { input: KpiTargetInput | null; problems: DraftProblems } {
  const share = TARGET_FIGURES[draft.figure].unit === 'share';
  const problems: DraftProblems = {};
  const value = number(draft.value, share);
  if (!draft.value.trim()) problems.value = 'errors.required';
  else if (value === null || value < 0 || (share && value > 1)) problems.value = share ? 'analytics.targets.form.sharesRange' : 'analytics.targets.form.notNegative';
  const margin = draft.margin.trim() ? number(draft.margin, share) : null;
  if (draft.margin.trim() && (margin === null || margin < 0 || (share && margin > 1))) {
    problems.margin = share ? 'analytics.targets.form.sharesRange' : 'analytics.targets.form.notNegative';
  }
  if (!draft.validFrom) problems.validFrom = 'errors.required';
  if (draft.validTo && draft.validFrom && draft.validTo <= draft.validFrom) problems.validTo = 'analytics.targets.form.toAfterFrom';
  if (draft.level === 'SECTOR' && !draft.sectorCode) problems.sectorCode = 'errors.required';
  if (draft.level === 'DEPARTMENT' && !draft.departmentId) problems.departmentId = 'errors.required';
  if (Object.keys(problems).length || value === null) return { input: null, problems };

  const input: KpiTargetInput = { figure: draft.figure, value, validFrom: draft.validFrom };
  if (draft.level === 'SECTOR') input.sectorCode = draft.sectorCode;
  if (draft.level === 'DEPARTMENT') input.departmentId = draft.departmentId;
  if (draft.validTo) input.validTo = draft.validTo;
  if (margin !== null) input.atRiskMargin = margin;
  if (draft.comment.trim()) input.comment = draft.comment.trim();
  return { input, problems };
}
