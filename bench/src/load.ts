import autocannon from 'autocannon';

/** What one load run measured. Latencies in ms; rps counts every answer, the other counts say what went wrong. */
export type LoadResult = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  answered: number;
  /** Requests sent, the answered and those still in flight when the run stopped */
  sent: number;
  ok: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 200 answers that carried GraphQL `errors` */
  graphqlErrors: number;
  seconds: number;
  bytesPerAnswer: number;
};

export type Target = { url: string; body: string; headers: Record<string, string> };

/** A GraphQL answer with errors is an error even with status 200 (the product answers resolver errors so). */
const clean = (body: string | Buffer | undefined) => !String(body ?? '').includes('"errors":[');

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function run(target: Target, connections: number, seconds: number, record: boolean): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        // Every answer's latency is recorded below: autocannon's own histogram has no p95.
        verifyBody: clean,
        timeout: 30,
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    if (record) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => void latencies.push(ms));
  });
}

/**
 * `warmup` seconds of the same load, not counted (the JIT, the connection pools, PostgreSQL's caches), then
 * `seconds` measured, at `connections` connections that each send the next request as soon as the last is answered.
 */
export async function measure(target: Target, connections: number, seconds: number, warmup: number): Promise<LoadResult> {
  if (warmup > 0) await run(target, connections, warmup, false);
  const { result, latencies } = await run(target, connections, seconds, true);
  const sorted = Float64Array.from(latencies).sort();
  const answered = latencies.length;
  const duration = result.duration || seconds;
  // An error answer's body has "errors" too: those are counted once, as non-2xx.
  const graphqlErrors = Math.max(0, result.mismatches - result.non2xx);
  return {
    rps: answered / duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    answered,
    sent: Math.max(answered, (result.requests as { sent?: number }).sent ?? answered),
    ok: answered - result.non2xx - graphqlErrors,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    seconds: duration,
    bytesPerAnswer: answered ? result.throughput.total / answered : 0,
  };
}

/** Anything but clean answers: such a run is flagged in every table, never reported as if it were fine. */
export function failures(r: LoadResult): number {
  return r.errors + r.non2xx + r.graphqlErrors;
}
