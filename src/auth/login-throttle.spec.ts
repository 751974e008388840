import { admitAttempt, chargeAttempt, clientBucket, delayAfter, ThrottleCounter, ThrottleRule } from './login-throttle';

const rule: ThrottleRule = { freeAttempts: 5, baseDelaySeconds: 30, maxDelaySeconds: 900, forgetAfterSeconds: 900 };
const fresh: ThrottleCounter = { failures: 0, lastAttemptAt: null, blockedUntil: null, refused: 0 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 6, 8, 0, 0) + seconds * 1000);

describe('sign-in backoff rule', () => {
  it('lets the free attempts through without delay, then doubles the delay up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n, rule))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayAfter(n, rule))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('blocks after the fifth failure within the window, for the delay of that failure', () => {
    let counter = fresh;
    for (let i = 0; i < 4; i++) counter = chargeAttempt(counter, at(i), rule);
    expect(counter).toMatchObject({ failures: 4, blockedUntil: null });
    counter = chargeAttempt(counter, at(4), rule);
    expect(counter.blockedUntil).toEqual(at(34));
  });

  it('forgets a counter idle for the window', () => {
    const idle = { ...fresh, failures: 9, lastAttemptAt: at(0) };
    expect(chargeAttempt(idle, at(900), rule)).toMatchObject({ failures: 1, blockedUntil: null });
    expect(chargeAttempt(idle, at(899), rule).failures).toBe(10);
  });

  it('refuses while any counter is blocked, charges nothing, reports the longest wait and the first refusal only once', () => {
    const blocked = { ...fresh, failures: 5, lastAttemptAt: at(0), blockedUntil: at(30) };
    const first = admitAttempt(
      [
        { counter: fresh, rule },
        { counter: blocked, rule },
      ],
      at(10),
    );
    expect(first).toMatchObject({ admitted: false, retryAfterSeconds: 20, firstRefusal: true });
    expect(first.counters.map((c) => c.failures)).toEqual([0, 5]);
    const second = admitAttempt(
      [
        { counter: fresh, rule },
        { counter: first.counters[1], rule },
      ],
      at(11),
    );
    expect(second).toMatchObject({ admitted: false, retryAfterSeconds: 19, firstRefusal: false });
  });

  it('charges every counter of an admitted attempt, each by its own rule', () => {
    const wide: ThrottleRule = { ...rule, freeAttempts: 20 };
    const admission = admitAttempt(
      [
        { counter: { ...fresh, failures: 4, lastAttemptAt: at(0) }, rule: wide },
        { counter: { ...fresh, failures: 4, lastAttemptAt: at(0) }, rule },
      ],
      at(1),
    );
    expect(admission.admitted).toBe(true);
    expect(admission.counters.map((c) => [c.failures, c.blockedUntil])).toEqual([
      [5, null],
      [5, at(31)],
    ]);
  });

  it('counts a client by its IPv4 address, mapped or not, and by the /64 network of an IPv6 address', () => {
    expect(clientBucket('203.0.113.5')).toBe('203.0.113.5');
    expect(clientBucket('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientBucket('::1')).toBe('0:0:0:0::/64');
    expect(clientBucket(undefined)).toBe('unknown');
  });
});
