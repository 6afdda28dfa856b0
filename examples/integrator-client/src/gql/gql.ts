/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation IntegratorIngest($items: [IngestItemInput!]!) {\n    ingestItems(items: $items) {\n      created\n      existing\n      rejected\n      results {\n        index\n        created\n        # The item's identity, whatever the token's scopes; the item itself only with ITEMS_READ.\n        itemId\n        number\n        item {\n          id\n          number\n          status\n          dueAt\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": typeof types.IntegratorIngestDocument,
    "\n  mutation IntegratorUpdateFromSource($input: IngestedItemUpdateInput!) {\n    updateIngestedItem(input: $input) {\n      changed\n      itemId\n      number\n      item {\n        id\n        number\n        status\n        sourceStatus\n        answeredAt\n      }\n    }\n  }\n": typeof types.IntegratorUpdateFromSourceDocument,
    "\n  query IntegratorItem($id: ID!) {\n    item(id: $id) {\n      id\n      number\n      kind\n      status\n      receivedAt\n      dueAt\n      deadlineState\n      source\n      externalId\n      sector {\n        code\n        name\n      }\n      department {\n        name\n      }\n    }\n  }\n": typeof types.IntegratorItemDocument,
    "\n  subscription IntegratorItemChanges($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        number\n        status\n        externalId\n      }\n    }\n  }\n": typeof types.IntegratorItemChangesDocument,
};
const documents: Documents = {
    "\n  mutation IntegratorIngest($items: [IngestItemInput!]!) {\n    ingestItems(items: $items) {\n      created\n      existing\n      rejected\n      results {\n        index\n        created\n        # The item's identity, whatever the token's scopes; the item itself only with ITEMS_READ.\n        itemId\n        number\n        item {\n          id\n          number\n          status\n          dueAt\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": types.IntegratorIngestDocument,
    "\n  mutation IntegratorUpdateFromSource($input: IngestedItemUpdateInput!) {\n    updateIngestedItem(input: $input) {\n      changed\n      itemId\n      number\n      item {\n        id\n        number\n        status\n        sourceStatus\n        answeredAt\n      }\n    }\n  }\n": types.IntegratorUpdateFromSourceDocument,
    "\n  query IntegratorItem($id: ID!) {\n    item(id: $id) {\n      id\n      number\n      kind\n      status\n      receivedAt\n      dueAt\n      deadlineState\n      source\n      externalId\n      sector {\n        code\n        name\n      }\n      department {\n        name\n      }\n    }\n  }\n": types.IntegratorItemDocument,
    "\n  subscription IntegratorItemChanges($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        number\n        status\n        externalId\n      }\n    }\n  }\n": types.IntegratorItemChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegratorIngest($items: [IngestItemInput!]!) {\n    ingestItems(items: $items) {\n      created\n      existing\n      rejected\n      results {\n        index\n        created\n        # The item's identity, whatever the token's scopes; the item itself only with ITEMS_READ.\n        itemId\n        number\n        item {\n          id\n          number\n          status\n          dueAt\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegratorIngest($items: [IngestItemInput!]!) {\n    ingestItems(items: $items) {\n      created\n      existing\n      rejected\n      results {\n        index\n        created\n        # The item's identity, whatever the token's scopes; the item itself only with ITEMS_READ.\n        itemId\n        number\n        item {\n          id\n          number\n          status\n          dueAt\n        }\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegratorUpdateFromSource($input: IngestedItemUpdateInput!) {\n    updateIngestedItem(input: $input) {\n      changed\n      itemId\n      number\n      item {\n        id\n        number\n        status\n        sourceStatus\n        answeredAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegratorUpdateFromSource($input: IngestedItemUpdateInput!) {\n    updateIngestedItem(input: $input) {\n      changed\n      itemId\n      number\n      item {\n        id\n        number\n        status\n        sourceStatus\n        answeredAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegratorItem($id: ID!) {\n    item(id: $id) {\n      id\n      number\n      kind\n      status\n      receivedAt\n      dueAt\n      deadlineState\n      source\n      externalId\n      sector {\n        code\n        name\n      }\n      department {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegratorItem($id: ID!) {\n    item(id: $id) {\n      id\n      number\n      kind\n      status\n      receivedAt\n      dueAt\n      deadlineState\n      source\n      externalId\n      sector {\n        code\n        name\n      }\n      department {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IntegratorItemChanges($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        number\n        status\n        externalId\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IntegratorItemChanges($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        number\n        status\n        externalId\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;