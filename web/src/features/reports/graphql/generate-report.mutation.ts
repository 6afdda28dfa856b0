import { graphql } from '../../../gql';

/** Both files of a period, now (again, if the period has a report): the same report, new files. */
export const generateReportMutation = graphql(`
  mutation GenerateReport($kind: ReportKind!, $periodStart: String!) {
    generateReport(kind: $kind, periodStart: $periodStart) {
      ...ReportFields
    }
  }
`);
