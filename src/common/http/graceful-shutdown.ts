import type { NextFunction, Request, Response } from 'express';

/**
 * Stopping on SIGTERM/SIGINT (issue 24, point 3). Plain functions, no Nest: main.ts wires them to the HTTP server,
 * the application and the embedded PostgreSQL.
 */

/** What a stop does, in this order. */
export interface ShutdownSteps {
  /** Stop accepting connections and close the idle kept-alive ones; at once, without waiting. */
  stopAccepting(): void;
  /** Waits for the work in flight to finish: requests, background jobs, then the database pool. */
  drain(): Promise<void>;
  /** Cuts the connections still open (requests that outlived the grace period). */
  closeConnections(): void;
  /** Runs last, whatever happened before: stops the embedded PostgreSQL. */
  stopDatabase(): Promise<void>;
}

/** `drained`: everything finished in time; `grace-expired`: requests were cut; `forced`: a second signal came. */
export type ShutdownOutcome = 'drained' | 'grace-expired' | 'forced';

export interface ShutdownTiming {
  graceMs: number;
  /** After cutting connections, how long the drain may still take to let go of the pool before the database stops. */
  settleMs?: number;
}

/**
 * Runs `steps` within `graceMs` (plus `settleMs` once the grace period is over). `interrupted` resolves on a
 * second signal: the stop then skips the wait, still cutting connections and stopping the database.
 */
export async function stopGracefully(steps: ShutdownSteps, timing: ShutdownTiming, interrupted: Promise<void>): Promise<ShutdownOutcome> {
  const timers: NodeJS.Timeout[] = [];
  const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => timers.push(setTimeout(() => resolve(value), ms)));
  try {
    steps.stopAccepting();
    const drained = steps.drain().then(
      () => 'drained' as const,
      () => 'drained' as const,
    );
    const forced = interrupted.then(() => 'forced' as const);
    const outcome = await Promise.race([drained, after(timing.graceMs, 'grace-expired' as const), forced]);
    if (outcome !== 'drained') {
      steps.closeConnections();
      if (outcome === 'grace-expired') await Promise.race([drained, after(timing.settleMs ?? 1000, undefined), forced]);
    }
    await steps.stopDatabase();
    return outcome;
  } finally {
    timers.forEach(clearTimeout);
  }
}

/** Exit code of a stop: 0 when it stopped by itself (drained or after the grace period), 128 + the forcing signal otherwise. */
export function exitCodeOf(outcome: ShutdownOutcome, signal: NodeJS.Signals): number {
  if (outcome !== 'forced') return 0;
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * Once closed, a request that still arrives on a kept-alive connection is answered 503 with `Connection: close`,
 * so that the client (or the load balancer) retries on a fresh connection, to another instance.
 */
export class ShutdownGate {
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
  }

  /** `refuse` answers the request (problem+json); the gate only decides. */
  middleware(refuse: (req: Request, res: Response) => void) {
    return (req: Request, res: Response, next: NextFunction) => {
      if (!this.closed) return next();
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      refuse(req, res);
    };
  }
}
