import { graphql } from '../../../gql';

/** An uploaded file: how it is read, its header, first rows and the mapping its header suggests. */
export const importFileQuery = graphql(`
  query ImportFile($id: ID!, $read: ImportReadInput) {
    importFile(id: $id, read: $read) {
      id
      fileName
      size
      format
      encoding
      delimiter
      headers
      rows
      suggested {
        column
        field
      }
    }
  }
`);
