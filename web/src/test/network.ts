import { ApolloLink, Observable, type Operation } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';

/**
 * Which queries and mutations of the test clients are still waiting for their answer, so that `settle()` can wait
 * for exactly that instead of for some time. Subscriptions are left out: when their events arrive is up to each
 * test (a silent one never answers).
 */
const waiting = new Set<{ operation: Operation }>();
let answered = 0;

export function waitingOperations(): string[] {
  return [...waiting].map(({ operation }) => operation.operationName || '(anonymous)');
}

/** How many queries and mutations have finished (answered, failed or dropped) so far. */
export function answeredCount(): number {
  return answered;
}

/** Forgets what an earlier test left waiting, so that no test depends on the one before. */
export function forgetWaitingOperations(): void {
  waiting.clear();
}

function isSubscription(operation: Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/** A link in front of the mocked network that keeps `waiting` up to date. */
export function trackingLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (isSubscription(operation)) return forward(operation);
    return new Observable((observer) => {
      const entry = { operation };
      waiting.add(entry);
      const done = () => {
        if (waiting.delete(entry)) answered += 1;
      };
      const subscription = forward(operation).subscribe({
        next: (value) => observer.next(value),
        error: (error: unknown) => {
          done();
          observer.error(error);
        },
        complete: () => {
          done();
          observer.complete();
        },
      });
      return () => {
        done();
        subscription.unsubscribe();
      };
    });
  });
}
