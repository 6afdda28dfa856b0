import { graphql } from '../../../gql';

/** A generated report: its kind and period (local dates, `periodTo` exclusive), who made it, and its two files. */
export const reportFieldsFragment = graphql(`
  fragment ReportFields on Report {
    id
    kind
    status
    periodFrom
    periodTo
    generatedAt
    generatedBy
    municipalityId
    xlsxUrl
    xlsxSize
    pdfUrl
    pdfSize
  }
`);
