import { graphql } from '../../../gql';

/** Generated reports, newest first (the period that ended last). */
export const reportsQuery = graphql(`
  query Reports($first: Int!, $kind: ReportKind) {
    reports(first: $first, kind: $kind) {
      ...ReportFields
    }
  }
`);

/** For a regional reader: which municipality a report is about, and the time zone its dates are shown in. */
export const reportMunicipalitiesQuery = graphql(`
  query ReportMunicipalities {
    municipalities {
      id
      shortName
      timezone
    }
  }
`);
