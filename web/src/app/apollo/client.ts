import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client/core';
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

/** Same-origin ws(s)://host/graphql: the dev server and the API server both proxy or serve it there. */
export function sameOriginWsUrl(path = '/graphql'): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Sessions and created tokens have no id: keep them inside their parent, never normalised.
      Session: { keyFields: false },
      CreatedApiToken: { keyFields: false },
      Locality: { keyFields: false },
      // Events are not objects of their own to normalise.
      OrganisationChange: { keyFields: false },
      ItemUpdate: { keyFields: false },
    },
  });
}

/**
 * The Apollo client of the dashboard: queries and mutations over HTTP with the session cookie
 * (`credentials: 'same-origin'`), subscriptions over graphql-ws on the same origin.
 */
export function createApollo(options: ApolloOptions = {}): { client: ApolloClient<unknown>; transport: Transport } {
  const httpLink = new HttpLink({ uri: options.httpUri ?? '/graphql', credentials: 'same-origin' });
  const wsLink = new RestartableWsLink({
    url: () => options.wsUrl ?? sameOriginWsUrl(),
    lazy: true,
    retryAttempts: 5,
    shouldRetry: () => true,
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
    wsLink,
    httpLink,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, transportLink]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });

  return { client, transport: { restart: () => wsLink.restart() } };
}
