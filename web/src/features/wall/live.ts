import { getCurrentScope, onScopeDispose } from 'vue';
import { ApolloError, type FetchResult, type ObservableSubscription, type OperationVariables, type TypedDocumentNode } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';
import type { WallApollo } from './apollo';

/** What went wrong with an operation of the wall, as far as the screen cares. */
export type WallProblem = 'token' | 'forbidden' | 'cursorExpired' | 'other';

function codeOf(e: GraphQLFormattedError): string | undefined {
  const code = e.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The server's errors behind an Apollo error, from a socket or from an HTTP answer (also one with a 4xx status). */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (!(error instanceof ApolloError)) return [];
  const network = error.networkError as { result?: { errors?: GraphQLFormattedError[] } } | null;
  return [...error.graphQLErrors, ...(network?.result?.errors ?? [])];
}

/** Sorts an error: the token ended, a right is missing, the cursor is too old, or something passing. */
export function classify(error: unknown): WallProblem {
  const errors = graphQLErrorsOf(error);
  if (errors.some((e) => e.extensions?.reason === 'CURSOR_EXPIRED')) return 'cursorExpired';
  if (errors.some((e) => codeOf(e) === 'UNAUTHENTICATED')) return 'token';
  if (errors.some((e) => codeOf(e) === 'FORBIDDEN')) return 'forbidden';
  const status = (error instanceof ApolloError ? (error.networkError as { statusCode?: number } | null)?.statusCode : undefined) ?? 0;
  if (status === 401) return 'token';
  return 'other';
}

/** How long a subscription that failed or ended waits before it is started again on a live socket. */
export const RESTART_MS = 3_000;

export type LiveOptions<TData, TVars extends OperationVariables> = {
  query: TypedDocumentNode<TData, TVars>;
  /** Read at every (re)subscription: e.g. `{ after: lastCursor }`. */
  variables?: () => TVars;
  next: (data: TData) => void;
  /** The server refused `after` as too old (CURSOR_EXPIRED): reload, forget the cursor; then it subscribes again. */
  expired?: () => void;
  /** A right is missing or the token ended: nothing is retried for this subscription. */
  refused?: (problem: 'token' | 'forbidden') => void;
};

/**
 * A subscription of the wall that lives as long as the wall: it stops when the socket is lost and starts again on
 * the next connection with fresh variables (so `itemEvents` and `alertRaised` resume after their last cursor and
 * the server replays what was missed). A stream that ends or fails for a passing reason is started again after
 * RESTART_MS; CURSOR_EXPIRED calls `expired` and subscribes again at once. Results are never cached.
 */
export function useLive<TData, TVars extends OperationVariables>(wall: WallApollo, options: LiveOptions<TData, TVars>): { restart(): void } {
  let subscription: ObservableSubscription | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refused = false;
  let stopped = false;
  let runs = 0;

  function stop() {
    runs += 1;
    clearTimeout(timer);
    timer = undefined;
    const current = subscription;
    subscription = null;
    current?.unsubscribe();
  }

  function later() {
    clearTimeout(timer);
    // On a live socket, after a pause; otherwise the next connection starts it.
    if (wall.status.value === 'connected') timer = setTimeout(start, RESTART_MS);
  }

  function start() {
    stop();
    if (stopped || refused || wall.status.value === 'ended') return;
    // Callbacks of an earlier run (or of this one, once replaced) are ignored.
    const run = ++runs;
    const mine = wall.client
      .subscribe<TData, TVars>({ query: options.query, variables: options.variables?.(), fetchPolicy: 'no-cache', errorPolicy: 'all' })
      .subscribe({
        next: (result: FetchResult<TData>) => {
          if (run === runs && result.data) options.next(result.data);
        },
        error: (error: unknown) => {
          if (run !== runs) return;
          subscription = null;
          const problem = classify(error);
          if (problem === 'cursorExpired') {
            options.expired?.();
            start();
          } else if (problem === 'token' || problem === 'forbidden') {
            refused = true;
            options.refused?.(problem);
          } else {
            later();
          }
        },
        complete: () => {
          if (run !== runs) return;
          subscription = null;
          later();
        },
      });
    // A stream that ended at once has been dealt with already.
    if (run === runs && !mine.closed) subscription = mine;
  }

  const unlisten = wall.onStatus((status) => {
    if (status === 'connected') {
      if (!subscription) start();
    } else stop();
  });

  start();

  const dispose = () => {
    stopped = true;
    unlisten();
    stop();
  };
  if (getCurrentScope()) onScopeDispose(dispose);
  return { restart: start };
}
