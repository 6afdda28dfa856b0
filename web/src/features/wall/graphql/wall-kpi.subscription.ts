import { graphql } from '../../../gql';

/** The municipality's figures for today and the running month, now and whenever they change. */
export const wallKpiSubscription = graphql(`
  subscription WallKpi {
    kpiUpdated {
      at
      today {
        ...WallKpiFigures
        previous {
          ...WallKpiFigures
        }
      }
      month {
        ...WallKpiFigures
        previous {
          ...WallKpiFigures
        }
      }
    }
  }
`);

/** The figures the wall shows, each against its target when it has one. */
export const wallKpiFiguresFragment = graphql(`
  fragment WallKpiFigures on KpiFigures {
    received
    answered
    onTimeShare
    overdueOpen
    satisfiedShare
    meanAnswerDays
    targets {
      figure
      direction
      target
      actual
      state
    }
  }
`);
