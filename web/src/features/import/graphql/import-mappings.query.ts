import { graphql } from '../../../gql';

export const importMappingsQuery = graphql(`
  query ImportMappings {
    importMappings {
      id
      name
      source
      kind
      channel
      columns {
        column
        field
      }
    }
  }
`);

export const saveImportMappingMutation = graphql(`
  mutation SaveImportMapping($input: ImportMappingInput!) {
    saveImportMapping(input: $input) {
      id
      name
      source
      kind
      channel
      columns {
        column
        field
      }
    }
  }
`);
