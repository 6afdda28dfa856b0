import { GraphQLEnumType, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import sdl from '../../../../schema/schema.graphql?raw';
import type { Role } from '../../gql/graphql';
import { sectorLeadFixture, viewerFixture } from '../../test/fixtures';
import { MEASURE_STATUSES, PROBLEM_STATUSES, SKIP_REASONS, SOLVE_ACTIONS, SOLVING_OUTCOMES, mayTake, type ProblemStep } from './codes';
import { en, ru } from './messages';
import appRu from '../../app/i18n/messages/ru';

function schemaEnum(name: string): string[] {
  const type = buildSchema(sdl).getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.value as string);
}

describe('the codes of problems', () => {
  it('lists exactly the statuses, measure statuses and skip reasons of the schema', () => {
    expect([...PROBLEM_STATUSES].sort()).toEqual(schemaEnum('ProblemStatus').sort());
    expect([...MEASURE_STATUSES].sort()).toEqual(schemaEnum('ProblemMeasureStatus').sort());
    expect([...SKIP_REASONS].sort()).toEqual(schemaEnum('ProblemSolveSkipReason').sort());
    for (const o of SOLVING_OUTCOMES) expect(schemaEnum('Outcome')).toContain(o);
    for (const a of SOLVE_ACTIONS) expect(schemaEnum('ItemAction')).toContain(a);
  });

  it('names every status, measure status and skip reason in Russian and English, and every step solving takes', () => {
    for (const messages of [ru, en]) {
      for (const s of PROBLEM_STATUSES) expect(messages.statuses[s], s).toBeTruthy();
      for (const s of MEASURE_STATUSES) expect(messages.measureStatuses[s], s).toBeTruthy();
      for (const r of SKIP_REASONS) expect(messages.skipReasons[r], r).toBeTruthy();
    }
    for (const a of SOLVE_ACTIONS) expect(appRu.itemEvents[a], a).toBeTruthy();
    for (const o of SOLVING_OUTCOMES) expect(appRu.outcomes[o], o).toBeTruthy();
  });
});

describe('mayTake (the steps of docs/problems.md, "Who does what")', () => {
  const steps: ProblemStep[] = ['CONFIRM', 'REJECT', 'APPROVE_PLAN', 'EDIT', 'PLAN', 'SOLVE'];
  const allowed = (who: Parameters<typeof mayTake>[0], sectorId: string | null) =>
    steps.filter((step) => mayTake(who, step, { status: step === 'CONFIRM' ? 'PROPOSED' : 'CONFIRMED', sectorId }));

  it.each<[Role, ProblemStep[]]>([
    ['HEAD', steps],
    ['CURATOR', ['CONFIRM', 'REJECT', 'APPROVE_PLAN']],
    ['INCIDENT_MANAGER', []],
    ['POS_OPERATOR', []],
    ['EXECUTOR', []],
    ['ANALYST', []],
    ['REGION', []],
  ])('lets %s take these steps on any problem: %j', (role, expected) => {
    expect(allowed(viewerFixture(role), 's-1')).toEqual(expected);
  });

  it('lets a sector lead work the problems of their sectors but not approve plans, and nothing of other sectors or without a sector', () => {
    const lead = sectorLeadFixture(['ZHKH']);
    expect(allowed(lead, 's-1')).toEqual(['CONFIRM', 'REJECT', 'EDIT', 'PLAN', 'SOLVE']);
    expect(allowed(lead, 's-2')).toEqual([]);
    expect(allowed(lead, null)).toEqual([]);
  });

  it('allows each step only from the statuses it starts from', () => {
    const who = viewerFixture('HEAD');
    const from = (step: ProblemStep) => PROBLEM_STATUSES.filter((status) => mayTake(who, step, { status, sectorId: 's-1' }));
    expect(from('CONFIRM')).toEqual(['PROPOSED']);
    expect(from('REJECT')).toEqual(['PROPOSED', 'CONFIRMED', 'IN_WORK']);
    expect(from('APPROVE_PLAN')).toEqual(['CONFIRMED']);
    expect(from('EDIT')).toEqual(['PROPOSED', 'CONFIRMED', 'IN_WORK']);
    expect(from('PLAN')).toEqual(['CONFIRMED', 'IN_WORK']);
    expect(from('SOLVE')).toEqual(['CONFIRMED', 'IN_WORK']);
    expect(mayTake(null, 'CONFIRM', { status: null, sectorId: 's-1' })).toBe(false);
  });
});
