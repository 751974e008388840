import { isIPv4, isIPv6 } from 'node:net';

/**
 * Sign-in throttling as a pure rule. Failures are counted per client address and per (address, username), never per
 * username alone: a flood of wrong passwords for `admin` from one address slows that address down and leaves the
 * real administrator, signing in from elsewhere, untouched. Every attempt is charged BEFORE its password is checked
 * (and refunded when it succeeds), so parallel attempts cannot all slip through before the first failure is written.
 */
export interface ThrottleRule {
  /** Attempts counted before delays start. */
  freeAttempts: number;
  /** The first delay; each further failure doubles it. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** A counter without a new failure for this long starts again from zero (and its row may be pruned). */
  forgetAfterSeconds: number;
}

export interface ThrottleCounter {
  failures: number;
  lastAttemptAt: Date | null;
  blockedUntil: Date | null;
  /** Attempts refused while blocked since the block began: the first one is written to the audit log. */
  refused: number;
}

export type Admission =
  | { admitted: true; counters: ThrottleCounter[] }
  | { admitted: false; retryAfterSeconds: number; firstRefusal: boolean; counters: ThrottleCounter[] };

/** Seconds a client must wait after its `failures`-th counted failure: none within the free attempts, then doubling, capped. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeAttempts) return 0;
  const doublings = Math.min(failures - rule.freeAttempts, 30);
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** doublings);
}

/** Whole seconds until the counter's block ends (0: not blocked). */
export function secondsBlocked(counter: ThrottleCounter, now: Date): number {
  if (!counter.blockedUntil) return 0;
  return Math.max(0, Math.ceil((counter.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** One more attempt on a counter: forgotten first when idle for `forgetAfterSeconds`; blocked once past the free attempts. */
export function chargeAttempt(counter: ThrottleCounter, now: Date, rule: ThrottleRule): ThrottleCounter {
  const idle = counter.lastAttemptAt === null || now.getTime() - counter.lastAttemptAt.getTime() >= rule.forgetAfterSeconds * 1000;
  const failures = (idle ? 0 : counter.failures) + 1;
  const delay = delayAfter(failures, rule);
  return { failures, lastAttemptAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null, refused: 0 };
}

/**
 * Decides one attempt against its counters (each with its own rule, e.g. the address's and the pair's): refused
 * while any of them is blocked (nothing charged, the longest wait reported), otherwise charged on all of them.
 */
export function admitAttempt(counters: readonly { counter: ThrottleCounter; rule: ThrottleRule }[], now: Date): Admission {
  const waits = counters.map(({ counter }) => secondsBlocked(counter, now));
  const retryAfterSeconds = Math.max(0, ...waits);
  if (retryAfterSeconds > 0) {
    const blocked = counters.map(({ counter }, i) => (waits[i] > 0 ? { ...counter, refused: counter.refused + 1 } : counter));
    const firstRefusal = counters.some(({ counter }, i) => waits[i] > 0 && counter.refused === 0);
    return { admitted: false, retryAfterSeconds, firstRefusal, counters: blocked };
  }
  return { admitted: true, counters: counters.map(({ counter, rule }) => chargeAttempt(counter, now, rule)) };
}

/**
 * The address a client is counted under: IPv4 as is (also when mapped into IPv6), IPv6 by its /64 network, since
 * one subscriber usually holds a whole /64 and could otherwise take a new address for every try.
 */
export function clientBucket(address: string | undefined): string {
  const text = (address ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(text)) return text;
  if (isIPv6(text)) return `${expandIPv6(text).slice(0, 4).join(':')}::/64`;
  return text.slice(0, 64) || 'unknown';
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return groups.map((g) => (g.includes('.') ? g : String(parseInt(g, 16).toString(16))));
}
