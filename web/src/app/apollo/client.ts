import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split, type FieldPolicy, type Reference } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Transport } from '../../shared/injection';
import { RestartableWsLink } from './restartable-ws-link';

export type ApolloOptions = {
  httpUri?: string;
  wsUrl?: string;
  /** Called when the server answers UNAUTHENTICATED (the session ended or expired). */
  onUnauthenticated?: () => void;
};

/** The close code of a socket whose session or token ended. */
export const SESSION_ENDED = 4401;

/** Same-origin ws(s)://host/graphql: the dev server and the API server both proxy or serve it there. */
export function sameOriginWsUrl(path = '/graphql'): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

/**
 * Live streams that take `after: <cursor>` (`itemEvents`, `alertRaised`; docs/live.md) resume where they stopped when
 * the socket drops. graphql-ws reconnects by itself (`retryAttempts`) and then sends each running subscription
 * again with the payload it was started with; the payload's `variables` are the object this link gives the
 * operation, and the link sets its `after` to the cursor of every event that passes. So a subscription sent again
 * asks the server for exactly what came after the last event received, and nothing is missed or repeated. (When
 * graphql-ws gives up, the subscription ends with an error and the screen subscribes again with its last cursor:
 * features/items/composables/useItemEvents.ts.)
 */
export function cursorResumeLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const definition = getMainDefinition(operation.query);
    const resumable =
      definition.kind === 'OperationDefinition' &&
      definition.operation === 'subscription' &&
      !!definition.variableDefinitions?.some((v) => v.variable.name.value === 'after');
    if (!resumable) return forward(operation);
    // The operation's own copy: Apollo's variables (the key it deduplicates subscriptions by) stay as they were.
    const variables: Record<string, unknown> = { ...operation.variables };
    operation.variables = variables;
    return forward(operation).map((result) => {
      const root = result.data ? Object.values(result.data)[0] : null;
      const cursor = root && typeof root === 'object' ? (root as { cursor?: unknown }).cursor : null;
      if (typeof cursor === 'string') variables.after = cursor;
      return result;
    });
  });
}

/**
 * Names each operation by its trusted document (docs/security.md, "Trusted documents"): graphql-codegen hashes every
 * operation of the dashboard (persisted-documents.json, the SHA-256 of its normalised text) and keeps the hash in the
 * generated document's `__meta__.hash`; this link sends it as `extensions.persistedQuery.sha256Hash` beside the text,
 * over HTTP and over the socket. The text goes too, as Apollo prints it (with the `__typename`s its cache adds): the
 * server checks that it is the document the hash names, and a server whose manifest is older than this page still
 * runs it where documents are not enforced. Documents written by hand (tests) carry no hash and are sent as they are.
 */
export function trustedDocumentLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const hash = (operation.query as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    if (typeof hash === 'string') operation.extensions = { ...operation.extensions, persistedQuery: { version: 1, sha256Hash: hash } };
    return forward(operation);
  });
}

type ItemPage = { totalCount: number; nodes: Reference[]; edges?: unknown[]; pageInfo: unknown; __typename?: string };

/**
 * The inbox pages through `items` with a cursor. One cache entry per filter and sort: a page with `after` is
 * appended to what is there; a page without it (first load, refetch, live refresh) replaces it.
 */
export const itemsFieldPolicy: FieldPolicy<ItemPage> = {
  keyArgs: ['filter', 'sort'],
  merge(existing, incoming, { args, readField }) {
    if (!existing || !args?.after) return incoming;
    const seen = new Set(existing.nodes.map((n) => readField<string>('id', n)));
    return {
      ...incoming,
      nodes: [...existing.nodes, ...incoming.nodes.filter((n) => !seen.has(readField<string>('id', n)))],
    };
  },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // A problem's lists come whole from the server each time: replace, do not merge.
      Problem: { fields: { items: { merge: false }, measures: { merge: false }, reports: { merge: false } } },
      Query: {
        fields: {
          items: itemsFieldPolicy,
          // A card opened right after the item was created (or seen in a list) starts from what the cache has.
          item: {
            read(existing, { args, toReference }) {
              return existing ?? (typeof args?.id === 'string' ? toReference({ __typename: 'Item', id: args.id }) : undefined);
            },
          },
        },
      },
      // Sessions and created tokens have no id: keep them inside their parent, never normalised.
      Session: { keyFields: false },
      CreatedApiToken: { keyFields: false },
      Locality: { keyFields: false },
      // Events are not objects of their own to normalise.
      OrganisationChange: { keyFields: false },
      ItemChange: { keyFields: false },
      Alert: { keyFields: false },
      SectorLive: { keyFields: false },
      KpiLive: { keyFields: false },
      NotificationAdded: { keyFields: false },
      // Value objects without an id of their own: kept inside their parent.
      Applicant: { keyFields: false },
      SlaPreview: { keyFields: false },
      ItemQueueCounts: { keyFields: false },
      CalendarWarning: { keyFields: false },
      // KPIs are computed for a scope and a period: values, not objects with an identity.
      KpiFigures: { keyFields: false },
      KpiFigureState: { keyFields: false },
      KpiRankingRow: { keyFields: false },
      KpiSeriesPoint: { keyFields: false },
    },
  });
}

/**
 * The Apollo client of the dashboard: queries and mutations over HTTP with the session cookie
 * (`credentials: 'same-origin'`), subscriptions over graphql-ws on the same origin, each named by its trusted document.
 */
export function createApollo(options: ApolloOptions = {}): { client: ApolloClient<unknown>; transport: Transport } {
  const httpLink = new HttpLink({ uri: options.httpUri ?? '/graphql', credentials: 'same-origin', includeExtensions: true });
  const wsLink = new RestartableWsLink({
    url: () => options.wsUrl ?? sameOriginWsUrl(),
    lazy: true,
    retryAttempts: 5,
    shouldRetry: () => true,
    // The server closes a socket with 4401 when its session ends (signed out elsewhere, password changed,
    // deactivated, expired): the dashboard then treats the session as ended, as for UNAUTHENTICATED over HTTP.
    // 1012 (the person's access changed) is retried, and the new socket is authorised anew.
    on: { closed: (event) => (event as { code?: number })?.code === SESSION_ENDED && options.onUnauthenticated?.() },
  });

  const errorLink = onError(({ graphQLErrors, operation }) => {
    if (operation.operationName === 'SignIn' || operation.operationName === 'SignOut') return;
    if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated?.();
  });

  const transportLink = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    cursorResumeLink().concat(wsLink),
    httpLink,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, trustedDocumentLink(), transportLink]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });

  return { client, transport: { restart: () => wsLink.restart() } };
}
