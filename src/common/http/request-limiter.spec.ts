import { isRefusal, LimitGrant, LimitPolicy, LimitRefusal, RequestLimiter } from './request-limiter';

function limiter(policy: Partial<LimitPolicy> = {}) {
  let now = 1_000_000;
  const l = new RequestLimiter({ perUser: 1, total: 2, waitMs: 0, perMinute: 0, typicalSeconds: 5, ...policy }, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

const granted = async (result: Promise<LimitGrant | LimitRefusal>): Promise<LimitGrant> => {
  const r = await result;
  if (isRefusal(r)) throw new Error(`refused: ${r.reason}`);
  return r;
};
const refused = async (result: Promise<LimitGrant | LimitRefusal>): Promise<LimitRefusal> => {
  const r = await result;
  if (!isRefusal(r)) throw new Error('granted');
  return r;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestLimiter', () => {
  it('lets one request of a user run at a time, and the next one once it is done', async () => {
    const { l } = limiter();
    const first = await granted(l.acquire('a'));
    expect(await refused(l.acquire('a'))).toEqual({ reason: 'user-busy', retryAfterSeconds: 5 });
    first.release();
    await granted(l.acquire('a'));
  });

  it('does not let one user hold up another', async () => {
    const { l } = limiter();
    await granted(l.acquire('a'));
    await refused(l.acquire('a'));
    await granted(l.acquire('b'));
  });

  it('caps the requests of all users running at once, refusing the next at once when it may not wait', async () => {
    const { l } = limiter({ perUser: 2, total: 3 });
    await granted(l.acquire('a'));
    await granted(l.acquire('b'));
    const third = await granted(l.acquire('c'));
    expect((await refused(l.acquire('d'))).reason).toBe('server-busy');
    third.release();
    await granted(l.acquire('d'));
    expect(l.inUse()).toBe(3);
  });

  it('lets requests beyond the cap wait their turn, first come first served', async () => {
    const { l } = limiter({ perUser: 1, total: 1, waitMs: 5_000 });
    const first = await granted(l.acquire('a'));
    const order: string[] = [];
    const second = granted(l.acquire('b')).then((g) => (order.push('b'), g));
    const third = granted(l.acquire('c')).then((g) => (order.push('c'), g));
    await sleep(5);
    expect({ running: l.inUse(), waiting: l.waiting(), order }).toEqual({ running: 1, waiting: 2, order: [] });
    first.release();
    (await second).release();
    (await third).release();
    expect(order).toEqual(['b', 'c']);
    expect(l.inUse()).toBe(0);
  });

  it('refuses a waiting request once it has waited too long, with Retry-After, and counts a waiting request against its user', async () => {
    const { l } = limiter({ perUser: 1, total: 1, waitMs: 30 });
    const first = await granted(l.acquire('a'));
    const waiting = l.acquire('b');
    expect((await refused(l.acquire('b'))).reason).toBe('user-busy');
    const refusal = await refused(waiting);
    expect(refusal.reason).toBe('server-busy');
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect({ waiting: l.waiting(), b: l.inUse('b') }).toEqual({ waiting: 0, b: 0 });
    first.release();
    await granted(l.acquire('b'));
  });

  it('counts a release once, however often it is called', async () => {
    const { l } = limiter({ perUser: 2 });
    const first = await granted(l.acquire('a'));
    await granted(l.acquire('a'));
    first.release();
    first.release();
    expect(l.inUse('a')).toBe(1);
  });

  it('tells a refused caller to come back after about as long as requests have been taking', async () => {
    const { l, advance } = limiter({ typicalSeconds: 2 });
    for (let i = 0; i < 20; i++) {
      const grant = await granted(l.acquire('a'));
      advance(30_000);
      grant.release();
    }
    await granted(l.acquire('a'));
    expect((await refused(l.acquire('a'))).retryAfterSeconds).toBeGreaterThan(25);
  });

  it('limits the rate per user: a burst of perMinute, then one more every 60/perMinute seconds', async () => {
    const { l, advance } = limiter({ perUser: 100, total: 100, perMinute: 6 });
    for (let i = 0; i < 6; i++) (await granted(l.acquire('a'))).release();
    expect(await refused(l.acquire('a'))).toEqual({ reason: 'rate', retryAfterSeconds: 10 });
    await granted(l.acquire('b'));
    advance(4_000);
    expect((await refused(l.acquire('a'))).retryAfterSeconds).toBe(6);
    advance(6_000);
    await granted(l.acquire('a'));
    await refused(l.acquire('a'));
  });

  it('does not spend a token on a request refused for being busy', async () => {
    const { l } = limiter({ perUser: 1, total: 10, perMinute: 2 });
    const first = await granted(l.acquire('a'));
    for (let i = 0; i < 5; i++) expect((await refused(l.acquire('a'))).reason).toBe('user-busy');
    first.release();
    (await granted(l.acquire('a'))).release();
    expect((await refused(l.acquire('a'))).reason).toBe('rate');
  });

  it('forgets idle users with a full bucket, keeping those still running', async () => {
    const { l, advance } = limiter({ perUser: 1, total: 5000, perMinute: 10 });
    const running = await granted(l.acquire('busy'));
    for (let i = 0; i < 998; i++) (await granted(l.acquire(`u${i}`))).release();
    advance(60_000);
    (await granted(l.acquire('last'))).release();
    const users = (l as unknown as { users: Map<string, unknown> }).users;
    expect([...users.keys()].sort()).toEqual(['busy', 'last']);
    expect((await refused(l.acquire('busy'))).reason).toBe('user-busy');
    running.release();
  });
});
