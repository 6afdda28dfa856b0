import { graphql } from '../../../gql';

export const attachFilesMutation = graphql(`
  mutation AttachFiles($id: ID!, $version: Int!, $attachmentIds: [ID!]!) {
    attachFiles(id: $id, version: $version, attachmentIds: $attachmentIds) {
      ...ItemFields
    }
  }
`);
