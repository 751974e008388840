import { randomBytes } from 'node:crypto';

/** One write the server acknowledged with a 2xx: what it said it did, to be found in the database afterwards. */
export interface AcknowledgedWrite {
  correlationId: string;
  op: string;
  entityType: 'system' | 'dossier' | 'agency';
  entityId: string;
  /** The version the response reported (systems, dossiers, agencies). */
  version?: number;
  /** Dossiers: the status the response reported. */
  status?: string;
  /** Attachments: the id of the stored file. */
  attachmentId?: string;
}

export interface Reply {
  status: number;
  body: any;
  /** Network failure (server killed, connection reset, timeout): the outcome of a write is unknown. */
  error?: string;
}

/**
 * A small HTTP client that counts what it tried and keeps the acknowledged writes. Every request carries its own
 * correlation id, which the server stores in the audit row of the transaction: that is how an acknowledged write is
 * found again after a crash.
 */
export class HttpLedger {
  tried = 0;
  networkErrors = 0;
  serverErrors = 0;
  readonly statuses = new Map<number, number>();
  readonly acknowledged: AcknowledgedWrite[] = [];

  constructor(public baseUrl: string) {}

  newCorrelationId(): string {
    return `rel-${randomBytes(9).toString('hex')}`;
  }

  async call(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; form?: FormData; correlationId?: string; timeoutMs?: number } = {},
  ): Promise<Reply & { correlationId: string }> {
    const correlationId = options.correlationId ?? this.newCorrelationId();
    const headers: Record<string, string> = { 'x-correlation-id': correlationId };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    this.tried++;
    try {
      const res = await this.dispatch(path, { method, headers, body }, options.timeoutMs ?? 15_000);
      const text = await res.text();
      this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) this.serverErrors++;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: res.status, body: parsed, correlationId };
    } catch (error) {
      this.networkErrors++;
      return { status: 0, body: undefined, error: (error as Error).message, correlationId };
    }
  }

  /** Sends one request; a subclass may choose the server (round-robin.ts). A network failure throws. */
  protected dispatch(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }

  acknowledge(write: AcknowledgedWrite): void {
    this.acknowledged.push(write);
  }

  async login(username: string, password = 'demo1234'): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.call('POST', '/api/v1/auth/login', { json: { username, password } });
      if (res.status === 200) return res.body.accessToken;
      if (attempt > 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
