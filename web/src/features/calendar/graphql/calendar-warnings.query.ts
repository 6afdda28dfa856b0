import { graphql } from '../../../gql';

/** Years that deadlines depend on whose production calendar is provisional or missing. */
export const calendarWarningsQuery = graphql(`
  query CalendarWarnings {
    calendarWarnings {
      year
      status
    }
  }
`);
