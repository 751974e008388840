import autocannon from 'autocannon';
import { Client } from 'pg';

export interface Measurement {
  name: string;
  requests: number;
  /** Milliseconds, from every response's own time (not autocannon's 1 ms histogram buckets). */
  p50: number;
  p99: number;
  mean: number;
  rps: number;
  seconds: number;
  connections: number;
  /** Responses other than 2xx, and socket errors/timeouts: any makes the measurement invalid. */
  failures: number;
  statusCodes: Record<string, number>;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarise(
  name: string,
  latencies: number[],
  seconds: number,
  connections: number,
  failures = 0,
  statusCodes: Record<string, number> = {},
): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    rps: sorted.length / seconds,
    seconds,
    connections,
    failures,
    statusCodes,
  };
}

export interface LoadOptions {
  name: string;
  url: string;
  connections: number;
  /** Seconds; or `amount` requests in all. */
  duration?: number;
  amount?: number;
  requests: autocannon.Request[];
  /** Seconds of the same load before measuring, not counted (JIT, pools, caches). */
  warmup?: number;
}

/**
 * Runs autocannon against the server and records each response's latency. A measurement with failures is
 * reported as such: the numbers of a run that answered errors prove nothing.
 */
export async function load(options: LoadOptions): Promise<Measurement> {
  if (options.warmup)
    await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.warmup,
      requests: options.requests,
      timeout: 30,
    });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const length = options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 10 };
  const instance = autocannon({ url: options.url, connections: options.connections, ...length, requests: options.requests, timeout: 30 });
  void instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failures = result.non2xx + result.errors + result.timeouts;
  return summarise(options.name, latencies, seconds, options.connections, failures, statusCodes);
}

/** Times a query run with pg directly, `runs` times after `warmup` runs, sequentially on one connection. */
export async function timeQuery(client: Client, sql: string, params: unknown[], runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await client.query(sql, params);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await client.query(sql, params);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/** Cycles through a list: request i gets item i mod n (each connection's requests interleave). */
export function cycling<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

/** p50 and p99 of a series of times (ms), and how many there were. */
export interface Timing {
  p50: number;
  p99: number;
  runs: number;
}

export function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), runs: sorted.length };
}

/** Milliseconds taken by `fn`, and what it returned. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** One request outside autocannon: its status, media type, time and (for an error) the start of its body. */
export async function probe(
  url: string,
  request: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; contentType: string; ms: number; bytes: number; error?: string }> {
  const { ms, value } = await timed(async () => {
    const res = await fetch(`${url}${request.path}`, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body as string | undefined,
      signal: AbortSignal.timeout(300_000),
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
  });
  const { status, contentType, body } = value;
  return { status, contentType, ms, bytes: body.length, error: status >= 300 ? body.toString('utf8').slice(0, 300) : undefined };
}
