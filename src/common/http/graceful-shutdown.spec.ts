import type { Request, Response } from 'express';
import { exitCodeOf, ShutdownGate, ShutdownSteps, stopGracefully } from './graceful-shutdown';

/** Steps that record their order; `drainMs` is how long the work in flight takes (Infinity: never ends). */
function recordingSteps(drainMs: number) {
  const calls: string[] = [];
  const steps: ShutdownSteps = {
    stopAccepting: () => void calls.push('stopAccepting'),
    drain: () =>
      new Promise<void>((resolve) => {
        calls.push('drain');
        if (Number.isFinite(drainMs)) setTimeout(resolve, drainMs);
      }),
    closeConnections: () => void calls.push('closeConnections'),
    stopDatabase: async () => void calls.push('stopDatabase'),
  };
  return { steps, calls };
}

const never = new Promise<void>(() => undefined);

describe('stopGracefully (issue 24, point 3)', () => {
  it('stops accepting at once, lets work in flight finish, then stops the database', async () => {
    const { steps, calls } = recordingSteps(20);
    await expect(stopGracefully(steps, { graceMs: 1000 }, never)).resolves.toBe('drained');
    expect(calls).toEqual(['stopAccepting', 'drain', 'stopDatabase']);
  });

  it('cuts the connections after the grace period when a request never ends, and still stops the database', async () => {
    const { steps, calls } = recordingSteps(Infinity);
    const started = Date.now();
    await expect(stopGracefully(steps, { graceMs: 50, settleMs: 30 }, never)).resolves.toBe('grace-expired');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toEqual(['stopAccepting', 'drain', 'closeConnections', 'stopDatabase']);
  });

  it('does not wait out the settle time when the drain ends once connections are cut', async () => {
    const { steps } = recordingSteps(80);
    const started = Date.now();
    await expect(stopGracefully(steps, { graceMs: 30, settleMs: 10_000 }, never)).resolves.toBe('grace-expired');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a second signal during the grace period stops at once, still cutting connections and stopping the database', async () => {
    const { steps, calls } = recordingSteps(Infinity);
    const started = Date.now();
    await expect(stopGracefully(steps, { graceMs: 60_000 }, new Promise((r) => setTimeout(r, 20)))).resolves.toBe('forced');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toEqual(['stopAccepting', 'drain', 'closeConnections', 'stopDatabase']);
  });

  it('stops the database even when the drain fails', async () => {
    const calls: string[] = [];
    const steps: ShutdownSteps = {
      stopAccepting: () => undefined,
      drain: () => Promise.reject(new Error('pool')),
      closeConnections: () => void calls.push('closeConnections'),
      stopDatabase: async () => void calls.push('stopDatabase'),
    };
    await expect(stopGracefully(steps, { graceMs: 1000 }, never)).resolves.toBe('drained');
    expect(calls).toEqual(['stopDatabase']);
  });
});

describe('exitCodeOf', () => {
  it('is 0 for a stop that ended by itself, in time or after the grace period', () => {
    expect(exitCodeOf('drained', 'SIGTERM')).toBe(0);
    expect(exitCodeOf('grace-expired', 'SIGINT')).toBe(0);
  });

  it('is 128 + the signal number when a second signal forced the stop', () => {
    expect(exitCodeOf('forced', 'SIGINT')).toBe(130);
    expect(exitCodeOf('forced', 'SIGTERM')).toBe(143);
  });
});

describe('ShutdownGate', () => {
  function respond(gate: ShutdownGate) {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => void (headers[name] = value) } as unknown as Response;
    let outcome = '';
    gate.middleware(() => (outcome = 'refused'))({} as Request, res, () => (outcome = 'next'));
    return { outcome, headers };
  }

  it('lets requests through while open', () => {
    expect(respond(new ShutdownGate()).outcome).toBe('next');
  });

  it('once closed, refuses with Connection: close so the client retries on a fresh connection', () => {
    const gate = new ShutdownGate();
    gate.close();
    expect(gate.isClosed).toBe(true);
    expect(respond(gate)).toEqual({ outcome: 'refused', headers: { Connection: 'close', 'Retry-After': '5' } });
  });
});
