import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claimOwner, decideStart, isLiveOwner, OwnerRecord, processStartOf, readOwner, releaseOwner } from './instance-owner';

const OWNER: OwnerRecord = {
  pid: 4242,
  processStart: 123456,
  command: 'src/main.ts',
  pgPort: 54329,
  address: 'http://127.0.0.1:3000',
  startedAt: '2026-12-06T09:00:00.000Z',
};

describe('decideStart: one data directory, one capdo', () => {
  it('starts fresh when no owner is recorded', () => {
    expect(decideStart(undefined, false, '.data/pg', '.data/capdo-owner.json')).toEqual({ kind: 'fresh' });
  });

  it('recovers (stops the stale postmaster) when the recorded owner is gone, as after kill -9', () => {
    expect(decideStart(OWNER, false, '.data/pg', '.data/capdo-owner.json')).toEqual({ kind: 'recover', staleOwner: OWNER });
  });

  it('refuses, naming the running pid and address, when the recorded owner is a live capdo', () => {
    const decision = decideStart(OWNER, true, '.data/pg', '.data/capdo-owner.json');
    expect(decision.kind).toBe('refuse');
    if (decision.kind !== 'refuse') return;
    expect(decision.message).toContain('pid 4242');
    expect(decision.message).toContain('http://127.0.0.1:3000');
    expect(decision.message).toContain('PostgreSQL cổng 54329');
    expect(decision.message).toContain('.data/capdo-owner.json');
  });

  it('names the command of an owner that is a command-line tool (no HTTP address)', () => {
    const decision = decideStart({ ...OWNER, address: undefined, command: 'src/cli/restore.ts' }, true, 'd', 'f');
    expect(decision.kind === 'refuse' && decision.message).toContain('lệnh src/cli/restore.ts');
  });
});

describe('owner records on disk and the liveness of their process', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-owner-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('this process is a live owner; a record with another start time (a recycled pid) is not', () => {
    const file = path.join(dir, 'capdo-owner.json');
    const mine = claimOwner(file, { pgPort: 1, address: 'http://x' })!;
    expect(readOwner(file)).toEqual(mine);
    expect(isLiveOwner(mine)).toBe(true);
    if (processStartOf(process.pid) !== undefined) expect(isLiveOwner({ ...mine, processStart: mine.processStart! - 1 })).toBe(false);
  });

  it('a process that has exited is not a live owner', () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid!;
    expect(isLiveOwner({ ...OWNER, pid: exited, processStart: undefined })).toBe(false);
  });

  it('a second claim fails while the first is recorded; only the owner removes its record', () => {
    const file = path.join(dir, 'capdo-owner.json');
    fs.writeFileSync(file, JSON.stringify(OWNER));
    expect(claimOwner(file, { pgPort: 1 })).toBeUndefined();
    releaseOwner(file);
    expect(readOwner(file)).toEqual(OWNER);
    fs.rmSync(file);
    expect(claimOwner(file, { pgPort: 1 })?.pid).toBe(process.pid);
    releaseOwner(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
