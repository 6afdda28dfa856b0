import { ApolloLink, Observable, type FetchResult, type Operation } from '@apollo/client/core';
import { print } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';

/**
 * A graphql-ws link whose connection can be reopened. The server authenticates a WebSocket once, when it opens,
 * with the cookie of that moment; after sign-in or sign-out the dashboard calls `restart()` so the next
 * subscription runs as the right person. The connection is lazy: it opens with the first subscription.
 */
export class RestartableWsLink extends ApolloLink {
  private client: Client | null = null;

  constructor(private readonly options: ClientOptions) {
    super();
  }

  private current(): Client {
    this.client ??= createClient(this.options);
    return this.client;
  }

  /** Closes the current connection (its subscriptions end) and opens a fresh one on next use. */
  restart(): void {
    const old = this.client;
    this.client = null;
    void old?.dispose();
  }

  override request(operation: Operation): Observable<FetchResult> {
    return new Observable((sink) =>
      this.current().subscribe(
        { ...operation, query: print(operation.query) },
        {
          next: (value) => sink.next(value as FetchResult),
          complete: () => sink.complete(),
          error: (err) => {
            if (err instanceof Error) sink.error(err);
            else if (err && typeof err === 'object' && 'code' in err && 'reason' in err) {
              sink.error(new Error(`Socket closed with event ${String(err.code)} ${String(err.reason || '')}`));
            } else {
              sink.error(new Error(Array.isArray(err) ? err.map((e) => e.message).join(', ') : String(err)));
            }
          },
        },
      ),
    );
  }
}
