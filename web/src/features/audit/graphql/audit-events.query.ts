import { graphql } from '../../../gql';

export const auditEventFieldsFragment = graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    at
    action
    actorLabel
    ip
    targetType
    targetId
  }
`);

/** One page of the audit log, newest first; the next page asks for the events before the last one (its `at` and id). */
export const auditEventsQuery = graphql(`
  query AuditEvents($first: Int!, $before: DateTime, $beforeId: ID, $actions: [String!]) {
    auditEvents(first: $first, before: $before, beforeId: $beforeId, actions: $actions) {
      ...AuditEventFields
    }
  }
`);
