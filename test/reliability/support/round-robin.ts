import { HttpLedger } from './http-ledger';

/** One answer (or failure) as the round-robin client saw it. */
export interface RoutedAnswer {
  /** Date.now() when the answer (or the failure) came. */
  at: number;
  /** Index of the server in `baseUrls`. */
  server: number;
  /** HTTP status; 0 when the connection broke after the request was sent (outcome unknown). */
  status: number;
}

/** A server that refused a connection is skipped this long before it is tried again. */
const DOWN_FOR_MS = 200;

/**
 * What a load balancer in front of several capdo instances does, in a few lines: each request goes to the next server
 * in turn; a server that refuses the connection (not listening: killed, or not started yet) is skipped and the
 * request goes to the next one, since a refused connection means the request never reached it. A connection that
 * breaks after the request was sent is not retried: the write may have happened, so its outcome stays unknown and
 * the caller reads the state again (as MixedWriteLoad does).
 */
export class RoundRobinLedger extends HttpLedger {
  private next = 0;
  private readonly downUntil: number[];
  /** Connections refused, per server: requests moved to another server. */
  readonly refused: number[];
  /** Requests answered (any HTTP status), per server. */
  readonly answered: number[];
  readonly answers: RoutedAnswer[] = [];

  constructor(readonly baseUrls: readonly string[]) {
    super(baseUrls[0]);
    this.downUntil = baseUrls.map(() => 0);
    this.refused = baseUrls.map(() => 0);
    this.answered = baseUrls.map(() => 0);
  }

  protected override async dispatch(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    const first = this.next++ % this.baseUrls.length;
    // Servers in turn from `first`: those not marked down, then (all down) every one, in case one is back.
    const order = this.baseUrls.map((_, i) => (first + i) % this.baseUrls.length);
    const candidates = [...order.filter((i) => this.downUntil[i] <= Date.now()), ...order.filter((i) => this.downUntil[i] > Date.now())];
    let lastError: unknown;
    for (const server of candidates) {
      try {
        const res = await fetch(`${this.baseUrls[server]}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        // The body is read by the caller; a break while reading it counts as an unknown outcome there.
        this.answered[server]++;
        this.answers.push({ at: Date.now(), server, status: res.status });
        return res;
      } catch (error) {
        if (!refusedConnection(error)) {
          this.answers.push({ at: Date.now(), server, status: 0 });
          throw error;
        }
        this.refused[server]++;
        this.downUntil[server] = Date.now() + DOWN_FOR_MS;
        lastError = error;
      }
    }
    throw lastError;
  }
}

/** ECONNREFUSED: nothing listens on the port, so the request was never sent. */
export function refusedConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code === 'ECONNREFUSED' || !!cause?.errors?.some((e) => e.code === 'ECONNREFUSED');
}
