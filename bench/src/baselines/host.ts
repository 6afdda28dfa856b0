import { startApolloBaseline } from './apollo.js';
import { startPostGraphileBaseline } from './postgraphile.js';
import { startSqlBaseline, type SqlBaselineConfig } from './sql.js';

/**
 * A baseline server in a process of its own, like the product's: the load generator (autocannon, in the bench's
 * process) must not share an event loop with any server it measures. Driven over IPC by baselines/index.ts.
 */
export type HostRequest =
  | { kind: 'apollo'; schemaPath: string; rootValue: unknown }
  | { kind: 'sql'; config: SqlBaselineConfig }
  | { kind: 'postgraphile'; databaseUrl: string };
export type HostReply = { port: number } | { error: string };

let current: { close: () => Promise<void> } | null = null;

async function serve(request: HostRequest): Promise<number> {
  // One server at a time: an Apollo baseline is replaced for each scenario (its root value is that scenario's answer).
  if (current) await current.close();
  current = null;
  const started =
    request.kind === 'apollo'
      ? await startApolloBaseline(request.schemaPath, request.rootValue)
      : request.kind === 'sql'
        ? await startSqlBaseline(request.config)
        : await startPostGraphileBaseline(request.databaseUrl);
  current = started;
  return started.port;
}

async function quit(code: number) {
  try {
    await current?.close();
  } finally {
    process.exit(code);
  }
}

process.on('message', (request: HostRequest) => {
  serve(request).then(
    (port) => process.send!({ port } satisfies HostReply),
    (e: unknown) => process.send!({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies HostReply),
  );
});
process.on('SIGTERM', () => void quit(0));
process.on('SIGINT', () => {
  // The bench stops this process itself (SIGTERM), after its measurement: a Ctrl+C in the terminal is its to handle.
});
process.on('disconnect', () => void quit(0));
