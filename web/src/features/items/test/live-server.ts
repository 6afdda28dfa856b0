import { ApolloClient, ApolloLink, Observable, type FetchResult } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { getMainDefinition } from '@apollo/client/utilities';
import type { GraphQLFormattedError } from 'graphql';
import type { ItemEventType, ItemFieldsFragment, ItemListFieldsFragment } from '../../../gql/graphql';
import { createCache } from '../../../app/apollo/client';
import { NOW } from '../../../test/clock';
import { trackingLink } from '../../../test/network';
import { itemFixture } from '../../../test/items';

type Opened = {
  operationName: string;
  variables: Record<string, unknown>;
  observer: { next: (value: FetchResult) => void; error: (e: unknown) => void; complete: () => void };
  open: boolean;
};

/**
 * The live side of a test server: every subscription stays open until the test ends it or the component leaves.
 * A test pushes events to the open subscriptions of an operation, fails or ends them as a dropped connection or the
 * server would, and reads the variables each subscription was opened with (its `after`, its `filter`).
 */
export class LiveServer {
  private readonly all: Opened[] = [];
  private readonly greetings = new Map<string, (variables: Record<string, unknown>) => Record<string, unknown>>();

  readonly link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const entry: Opened = { operationName: operation.operationName, variables: { ...operation.variables }, observer, open: true };
        this.all.push(entry);
        const greeting = this.greetings.get(operation.operationName);
        // Right after it opened, as a server answers (not within the call that opens it).
        if (greeting) void Promise.resolve().then(() => entry.open && observer.next({ data: greeting(entry.variables) }));
        return () => {
          entry.open = false;
        };
      }),
  );

  /** Every subscription of the operation is answered at once with this (as `kpiUpdated` starts with the figures now). */
  greet(operationName: string, data: (variables: Record<string, unknown>) => Record<string, unknown>): void {
    this.greetings.set(operationName, data);
  }

  /** The variables of every subscription of the operation opened so far, in order. */
  subscriptions(operationName: string): Record<string, unknown>[] {
    return this.all.filter((o) => o.operationName === operationName).map((o) => o.variables);
  }

  /** How many subscriptions of the operation are open now. */
  openCount(operationName: string): number {
    return this.opened(operationName).length;
  }

  private opened(operationName: string): Opened[] {
    return this.all.filter((o) => o.open && o.operationName === operationName);
  }

  /** An event, as the server sends it to every open subscription of the operation (or those whose variables match). */
  push(operationName: string, data: Record<string, unknown>, where: (variables: Record<string, unknown>) => boolean = () => true): void {
    for (const o of this.opened(operationName)) if (where(o.variables)) o.observer.next({ data });
  }

  /** The server refuses the subscription (e.g. CURSOR_EXPIRED): an answer with errors, then the end of it. */
  refuse(operationName: string, errors: GraphQLFormattedError[]): void {
    for (const o of this.opened(operationName)) {
      o.open = false;
      o.observer.next({ errors });
      o.observer.complete();
    }
  }

  /** The connection is lost for good (graphql-ws gave up reconnecting): the subscription fails. */
  drop(operationName: string): void {
    for (const o of this.opened(operationName)) {
      o.open = false;
      o.observer.error(new Error('Socket closed with event 1006'));
    }
  }
}

const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

/**
 * A test client as render.ts's createTestClient (queries and mutations answered by MockLink handlers, awaited by
 * settle()), whose subscriptions go to a LiveServer the test drives.
 */
export function createLiveTestClient(mocks: readonly MockedResponse[]): { client: ApolloClient<unknown>; live: LiveServer } {
  const live = new LiveServer();
  const client = new ApolloClient({
    link: ApolloLink.from([trackingLink(), ApolloLink.split(isSubscription, live.link, new MockLink(mocks, true, { showWarnings: false }))]),
    cache: createCache(),
  });
  return { client, live };
}

/** An `itemEvents` event carrying this item. */
export function itemChange<TItem extends { id: string }>(
  item: TItem,
  event: { cursor: string; type?: ItemEventType; at?: string },
): { itemEvents: { __typename: 'ItemChange'; cursor: string; type: ItemEventType; at: string; itemId: string; item: TItem } } {
  return {
    itemEvents: { __typename: 'ItemChange', cursor: event.cursor, type: event.type ?? 'UPDATED', at: event.at ?? NOW.toISOString(), itemId: item.id, item },
  };
}

/** What an event carries to an open card (ItemLiveFields): the card's fields without the applicant and the lists. */
export function liveItemFixture(overrides: Partial<ItemFieldsFragment> = {}) {
  const { applicant: _a, history: _h, answers: _an, attachments: _at, parent: _p, duplicates: _d, ...live } = itemFixture(overrides);
  return live;
}

/** An inbox row as an event carries it. */
export type LiveRow = ItemListFieldsFragment & { __typename?: string };
