/**
 * A small typed client of Otklik's GraphQL API for an integrator (docs/integrators.md, "A typed client").
 *
 * The documents below are written with `graphql(...)` and typed by graphql-codegen from the server's schema
 * (`pnpm codegen` at the repository's root writes ./gql/): a query's variables and answer are checked by the
 * compiler, and a change of the schema that breaks them fails `pnpm typecheck`. Queries and mutations go over HTTP
 * (`fetch`), subscriptions over graphql-ws. The repository's tests run this client against a real server.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import type { IngestItemInput, IngestedItemUpdateInput } from './gql/graphql.js';

export type { IngestItemInput, IngestedItemUpdateInput };

export const IngestDocument = graphql(`
  mutation IntegratorIngest($items: [IngestItemInput!]!) {
    ingestItems(items: $items) {
      created
      existing
      rejected
      results {
        index
        created
        # The item's identity, whatever the token's scopes; the item itself only with ITEMS_READ.
        itemId
        number
        item {
          id
          number
          status
          dueAt
        }
        error {
          code
          message
          field
        }
      }
    }
  }
`);

export const UpdateFromSourceDocument = graphql(`
  mutation IntegratorUpdateFromSource($input: IngestedItemUpdateInput!) {
    updateIngestedItem(input: $input) {
      changed
      itemId
      number
      item {
        id
        number
        status
        sourceStatus
        answeredAt
      }
    }
  }
`);

export const ItemDocument = graphql(`
  query IntegratorItem($id: ID!) {
    item(id: $id) {
      id
      number
      kind
      status
      receivedAt
      dueAt
      deadlineState
      source
      externalId
      sector {
        code
        name
      }
      department {
        name
      }
    }
  }
`);

export const ItemChangesDocument = graphql(`
  subscription IntegratorItemChanges($after: String) {
    itemEvents(after: $after) {
      cursor
      type
      at
      itemId
      item {
        number
        status
        externalId
      }
    }
  }
`);

/** An error the server answered, with its code (docs/api.md, "Errors"). */
export class OtklikError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OtklikError';
  }
}

type GraphQLResponse<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

function failure(errors: NonNullable<GraphQLResponse<unknown>['errors']>): OtklikError {
  const [first] = errors;
  const extensions = first?.extensions ?? {};
  return new OtklikError(first?.message ?? 'GraphQL error', String(extensions.code ?? 'INTERNAL_SERVER_ERROR'), extensions);
}

export type OtklikClientOptions = {
  /** The server's GraphQL endpoint, e.g. https://otklik.example/graphql */
  url: string;
  /** An integrator token (otk_…) with the scopes the operations need. */
  token: string;
};

export class OtklikClient {
  private ws: Client | null = null;

  constructor(private readonly options: OtklikClientOptions) {}

  /** Runs a query or mutation; an answer with errors is thrown as an OtklikError with the first error's code. */
  async request<Result, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as GraphQLResponse<Result>;
    if (body.errors?.length) throw failure(body.errors);
    if (!body.data) throw new OtklikError(`HTTP ${response.status} without data`, 'INTERNAL_SERVER_ERROR');
    return body.data;
  }

  /** Sends up to 1,000 items; each is answered at its position (created, existing, or its error). */
  ingest(items: IngestItemInput[]) {
    return this.request(IngestDocument, { items }).then((d) => d.ingestItems);
  }

  /** A later status, answer or closing from the source system. */
  updateFromSource(input: IngestedItemUpdateInput) {
    return this.request(UpdateFromSourceDocument, { input }).then((d) => d.updateIngestedItem);
  }

  item(id: string) {
    return this.request(ItemDocument, { id }).then((d) => d.item);
  }

  /**
   * Follows a subscription: `onData` for each event, until the returned function is called. Keep the last event's
   * cursor and pass it as `after` when you subscribe again: the server first sends what you missed.
   */
  subscribe<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    handlers: { onData: (data: Result) => void; onError?: (error: OtklikError) => void },
  ): () => void {
    this.ws ??= createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.options.token}` },
      lazy: true,
    });
    return this.ws.subscribe<Result>(
      { query: print(document), variables },
      {
        next: (message) => {
          if (message.errors?.length) handlers.onError?.(failure(message.errors as never));
          else if (message.data) handlers.onData(message.data as Result);
        },
        error: (e) => handlers.onError?.(Array.isArray(e) ? failure(e) : new OtklikError(String((e as Error)?.message ?? e), 'CONNECTION_ERROR')),
        complete: () => undefined,
      },
    );
  }

  /** Closes the WebSocket, if one was opened. */
  async close(): Promise<void> {
    await this.ws?.dispose();
    this.ws = null;
  }
}
