import { graphql } from '../../../gql';

/** Every headline figure of a scope and period (docs/kpi.md), with the targets that apply to it. */
export const kpiFiguresFieldsFragment = graphql(`
  fragment KpiFiguresFields on KpiFigures {
    from
    to
    received
    answered
    answeredOnTime
    onTimeShare
    overdueOpen
    meanAnswerDays
    medianAnswerDays
    meanFirstReactionHours
    satisfied
    rated
    satisfiedShare
    repeats
    perThousandResidents
    reworkShare
    reopenedShare
    extendedShare
    redirectedShare
    targets {
      ...KpiFigureStateFields
    }
  }
`);

/** A figure against the target that applies to it. */
export const kpiFigureStateFieldsFragment = graphql(`
  fragment KpiFigureStateFields on KpiFigureState {
    figure
    direction
    level
    target
    margin
    actual
    state
    targetId
  }
`);
