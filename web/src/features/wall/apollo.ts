import { ref, type Ref } from 'vue';
import { ApolloClient, ApolloError, ApolloLink, HttpLink, InMemoryCache, Observable, split, type FetchResult } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { SESSION_ENDED, sameOriginWsUrl } from '../../app/apollo/client';

/**
 * The state of the wall's socket: `connecting` until the first connection, `connected`, `disconnected` while it
 * is lost (the wall shows that its figures are stale and keeps trying), `ended` when the server said the token
 * ended (close 4401): then nothing is retried with it.
 */
export type WallStatus = 'connecting' | 'connected' | 'disconnected' | 'ended';

export type WallTransportOptions = {
  /** The WALL_DISPLAY token: `Authorization: Bearer …` over HTTP, `connectionParams.authorization` over the socket. */
  token: string;
  httpUri?: string;
  wsUrl?: string;
  /** Tests hand in the network (a fetch and a WebSocket class); the browser's otherwise. */
  fetch?: typeof fetch;
  webSocketImpl?: unknown;
  /** Links in front of the transport (tests: the tracking link of web/src/test/network.ts). */
  links?: ApolloLink[];
};

export type WallApollo = {
  client: ApolloClient<unknown>;
  status: Ref<WallStatus>;
  /** Called on every change of `status`, synchronously (subscriptions stop and restart on it). */
  onStatus(listener: (status: WallStatus, previous: WallStatus) => void): () => void;
  /** Closes the socket for good and stops every timer of the transport. */
  dispose(): void;
};

/** How often the wall pings the server, and how long it waits for the pong before it drops the socket. */
export const KEEP_ALIVE_MS = 10_000;
export const PONG_TIMEOUT_MS = 5_000;
/** The longest wait between two attempts to reconnect. */
export const MAX_RETRY_MS = 10_000;

/** 0.5 s, 1 s, 2 s, … up to 10 s, with up to half a second of jitter so that several walls do not reconnect at once. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(MAX_RETRY_MS, 500 * 2 ** Math.min(retries, 10)) + Math.floor(random() * 500);
}

function isCloseEvent(value: unknown): value is { code: number; reason?: string } {
  return !!value && typeof value === 'object' && 'code' in value && typeof (value as { code: unknown }).code === 'number';
}

/**
 * The wall's own Apollo client, apart from the dashboard's: it never uses the session cookie (`credentials:
 * 'omit'`), only its bearer token, and it caches nothing (every operation of the wall runs with `no-cache`), so a
 * screen that runs for days does not grow.
 *
 * The socket (graphql-ws) is opened at once and kept open: it retries without end, with back-off, whatever closed it
 * (a server restart, a network loss, a server error while the database starts), except a close 4401 (the token
 * ended). A socket that stops answering pings is dropped and reopened, as a network loss often closes nothing.
 * When graphql-ws gives up on a close it deems fatal, a fresh client is made after the same back-off.
 */
export function createWallApollo(options: WallTransportOptions): WallApollo {
  const status = ref<WallStatus>('connecting');
  const listeners = new Set<(s: WallStatus, previous: WallStatus) => void>();
  function setStatus(next: WallStatus) {
    const previous = status.value;
    if (previous === next || previous === 'ended') return;
    status.value = next;
    for (const l of [...listeners]) l(next, previous);
  }

  let disposed = false;
  let socket: Client | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let recreateTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  // The waits between attempts, so that closing the wall leaves no timer behind (a wait cut short never ends).
  const waits = new Set<ReturnType<typeof setTimeout>>();
  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, ms);
      waits.add(timer);
    });
  }

  function makeSocket(): Client {
    const client = createClient({
      url: () => options.wsUrl ?? sameOriginWsUrl(),
      webSocketImpl: options.webSocketImpl,
      connectionParams: () => ({ authorization: `Bearer ${options.token}` }),
      lazy: false,
      keepAlive: KEEP_ALIVE_MS,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => wait(retryDelayMs(retries)),
      onNonLazyError: (error) => {
        // graphql-ws stopped retrying: a close it deems fatal (4401 the token ended; 4500 the server failed while
        // it starts, …). The token's end is final; anything else is tried again with a fresh client.
        if (disposed) return;
        if (isCloseEvent(error) && error.code === SESSION_ENDED) {
          setStatus('ended');
          return;
        }
        setStatus('disconnected');
        clearTimeout(recreateTimer);
        recreateTimer = setTimeout(() => {
          if (disposed || status.value === 'ended') return;
          const old = socket;
          socket = makeSocket();
          void old?.dispose();
        }, retryDelayMs(failures++));
      },
      on: {
        connected: () => {
          failures = 0;
          setStatus('connected');
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          if (disposed || client !== socket) return;
          if (isCloseEvent(event) && event.code === SESSION_ENDED) setStatus('ended');
          else setStatus('disconnected');
        },
        // A ping of ours waits for its pong; without one the connection is dead (the cable, the Wi-Fi, a proxy).
        ping: (received) => {
          if (received) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            if (client === socket) client.terminate();
          }, PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });
    return client;
  }
  socket = makeSocket();

  // Each subscription goes to the socket of the moment. Errors keep what the server said (extensions.reason).
  const wsLink = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((sink) => {
        if (!socket) {
          sink.error(new Error('The wall is closed'));
          return;
        }
        return socket.subscribe<FetchResult['data']>(
          { query: print(operation.query), variables: operation.variables, operationName: operation.operationName, extensions: operation.extensions },
          {
            next: (value) => sink.next(value as FetchResult),
            complete: () => sink.complete(),
            error: (err: unknown) => {
              if (err instanceof Error) sink.error(err);
              else if (isCloseEvent(err)) sink.error(new Error(`Socket closed with event ${err.code} ${err.reason ?? ''}`.trim()));
              else {
                const errors = (Array.isArray(err) ? err : [err]) as GraphQLFormattedError[];
                sink.error(new ApolloError({ graphQLErrors: errors }));
              }
            },
          },
        );
      }),
  );

  const httpLink = new HttpLink({
    uri: options.httpUri ?? '/graphql',
    credentials: 'omit',
    headers: { authorization: `Bearer ${options.token}` },
    fetch: options.fetch,
  });

  const transport = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    wsLink,
    httpLink,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([...(options.links ?? []), transport]),
    // Nothing is normalised or kept: every operation of the wall uses fetchPolicy 'no-cache'.
    cache: new InMemoryCache({ resultCaching: false }),
    defaultOptions: {
      query: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
      watchQuery: { fetchPolicy: 'no-cache' },
    },
    queryDeduplication: false,
  });

  return {
    client,
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(pongTimer);
      clearTimeout(recreateTimer);
      for (const timer of waits) clearTimeout(timer);
      waits.clear();
      listeners.clear();
      const old = socket;
      socket = null;
      void old?.dispose();
      client.stop();
    },
  };
}
