/**
 * How much of one server instance a user may take with costly requests (imports, report files, document
 * rendering): a number of requests per user (running or waiting), a number running at once in all — further ones
 * wait their turn for a while, or are refused at once —, and optionally a rate per user (a token bucket that refills
 * evenly). Kept in this process's memory: with several instances, each counts its own. Pure: no Nest code.
 */

export interface LimitPolicy {
  /** Requests of one user running or waiting at once. */
  perUser: number;
  /** Requests of all users running at once on this instance. */
  total: number;
  /** How long a request may wait for one of the `total` slots before it is refused; 0: refused at once. */
  waitMs: number;
  /** Requests one user may start per minute, in bursts of up to this many; 0: no rate limit. */
  perMinute: number;
  /** What Retry-After says while the slots are taken, before any request has finished to measure. */
  typicalSeconds: number;
}

export type LimitRefusal = { reason: 'user-busy' | 'server-busy' | 'rate'; retryAfterSeconds: number };
export type LimitGrant = { release: () => void };

interface UserState {
  /** Requests running or waiting. */
  active: number;
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

interface Waiter {
  user: UserState;
  grant: (result: LimitGrant | LimitRefusal) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Idle users are forgotten after this many acquisitions, so that the map does not grow with every user ever seen. */
const SWEEP_EVERY = 1000;

export class RequestLimiter {
  private readonly users = new Map<string, UserState>();
  private readonly queue: Waiter[] = [];
  private running = 0;
  private acquisitions = 0;
  /** Moving average of how long a request held its slot, in seconds: what a refused caller is told to wait. */
  private averageSeconds: number;

  constructor(
    private readonly policy: LimitPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.averageSeconds = policy.typicalSeconds;
  }

  /**
   * A slot for `userId` now, a turn in the queue (resolved when a slot frees, or refused after `waitMs`), or why not
   * and when to come back. A grant's `release` must be called once the work is done.
   */
  acquire(userId: string): Promise<LimitGrant | LimitRefusal> {
    const now = this.now();
    if (++this.acquisitions % SWEEP_EVERY === 0) this.sweep(now);
    const user = this.refill(this.users.get(userId) ?? { active: 0, tokens: this.policy.perMinute, at: now }, now);
    this.users.set(userId, user);
    if (user.active >= this.policy.perUser) return Promise.resolve(this.refusal('user-busy'));
    const free = this.running < this.policy.total && this.queue.length === 0;
    if (!free && this.policy.waitMs <= 0) return Promise.resolve(this.refusal('server-busy'));
    if (this.policy.perMinute > 0) {
      if (user.tokens < 1)
        return Promise.resolve({
          reason: 'rate',
          retryAfterSeconds: Math.max(1, Math.ceil(((1 - user.tokens) * 60) / this.policy.perMinute)),
        });
      user.tokens -= 1;
    }
    user.active++;
    if (free) return Promise.resolve(this.start(user));
    return new Promise((resolve) => {
      const waiter: Waiter = {
        user,
        grant: resolve,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          user.active--;
          resolve(this.refusal('server-busy'));
        }, this.policy.waitMs),
      };
      this.queue.push(waiter);
    });
  }

  /** Requests running now, in all or of one user (running or waiting). */
  inUse(userId?: string): number {
    return userId === undefined ? this.running : (this.users.get(userId)?.active ?? 0);
  }

  /** Requests waiting for a slot. */
  waiting(): number {
    return this.queue.length;
  }

  private start(user: UserState): LimitGrant {
    const started = this.now();
    this.running++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        user.active--;
        this.running--;
        this.averageSeconds = 0.8 * this.averageSeconds + 0.2 * ((this.now() - started) / 1000);
        const next = this.queue.shift();
        if (next) {
          clearTimeout(next.timer);
          // The slot is the next one's from now on, but its work starts on a later turn of the event loop: requests that
          // arrived meanwhile (a health check) are answered between two files rather than after all of them.
          const grant = this.start(next.user);
          setImmediate(() => next.grant(grant));
        }
      },
    };
  }

  private refusal(reason: 'user-busy' | 'server-busy'): LimitRefusal {
    const turns = reason === 'server-busy' ? 1 + this.queue.length / Math.max(1, this.policy.total) : 1;
    return { reason, retryAfterSeconds: Math.max(1, Math.ceil(this.averageSeconds * turns)) };
  }

  private refill(user: UserState, now: number): UserState {
    if (this.policy.perMinute > 0) {
      user.tokens = Math.min(this.policy.perMinute, user.tokens + ((now - user.at) * this.policy.perMinute) / 60_000);
    }
    user.at = now;
    return user;
  }

  private sweep(now: number): void {
    for (const [id, user] of this.users) {
      if (user.active === 0 && this.refill(user, now).tokens >= this.policy.perMinute) this.users.delete(id);
    }
  }
}

export const isRefusal = (result: LimitGrant | LimitRefusal): result is LimitRefusal => 'reason' in result;
