import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OwnerRecord } from '../src/database/instance-owner';
import { OWNER_FILE } from '../src/database/local-database';
import { freePort } from './support/test-cluster';

/**
 * Issue 24: one data directory, one capdo. A second `npm start` on the same DATA_DIR refuses and leaves the running
 * instance (and its PostgreSQL) alone; a command-line tool uses the running instance's database and never stops it;
 * a start after `kill -9` of the server still takes over. Real `src/main.ts` processes on the embedded PostgreSQL.
 */
jest.setTimeout(120_000);

const REPO_ROOT = path.resolve(__dirname, '..');
const TS_NODE = [require.resolve('ts-node/dist/bin'), '--swc', '--project', 'tsconfig.json'];

interface Capdo {
  child: ChildProcess;
  address: string;
  output: () => string;
  exited: Promise<number | null>;
}

function embeddedEnv(dataDir: string, pgPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'error', ...extra };
  delete env.DATABASE_URL;
  delete env.DATABASE_ADMIN_URL;
  delete env.JWT_SECRET;
  return env;
}

async function spawnCapdo(dataDir: string, pgPort: number): Promise<Capdo> {
  const port = await freePort();
  const child = spawn(process.execPath, [...TS_NODE, 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: embeddedEnv(dataDir, pgPort, { PORT: String(port), HOST: '127.0.0.1', DEMO_PASSWORD: 'demo1234' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, address: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function untilReady(capdo: Capdo): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (!capdo.output().includes('đã sẵn sàng')) return;
      clearInterval(timer);
      resolve();
    }, 100);
    void capdo.exited.then(() => clearInterval(timer));
  });
  const failed = capdo.exited.then((code) => Promise.reject(new Error(`capdo exited with ${code}:\n${capdo.output()}`)));
  await Promise.race([ready, failed]);
}

async function health(capdo: Capdo): Promise<number> {
  try {
    return (await fetch(`${capdo.address}/api/health`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

async function stop(capdo: Capdo | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!capdo || capdo.child.exitCode !== null || capdo.child.signalCode !== null) return;
  capdo.child.kill(signal);
  await capdo.exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('embedded database: one data directory, one capdo (issue 24)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-owner-e2e-'));
  const dataDir = path.join(base, 'data');
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const postmasterPid = () => fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0];
  const owner = () => JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as OwnerRecord;
  let pgPort: number;
  let first: Capdo | undefined;
  let second: Capdo | undefined;
  let third: Capdo | undefined;

  beforeAll(async () => {
    fs.chmodSync(base, 0o755);
    pgPort = await freePort();
    first = await spawnCapdo(dataDir, pgPort);
    await untilReady(first);
  });

  afterAll(async () => {
    await Promise.all([stop(first, 'SIGKILL'), stop(second, 'SIGKILL'), stop(third)]);
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('records the running server as the owner: pid, PostgreSQL port, HTTP address, start time', () => {
    expect(owner()).toMatchObject({ pid: first!.child.pid, pgPort, address: first!.address });
    expect(Date.parse(owner().startedAt)).not.toBeNaN();
  });

  it('refuses a second start on the same DATA_DIR, naming the running one, and the first stays healthy', async () => {
    const before = { postmaster: postmasterPid(), owner: fs.readFileSync(ownerFile, 'utf8') };
    const started = Date.now();
    second = await spawnCapdo(dataDir, pgPort);
    const statuses: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        statuses.push(await health(first!));
        await sleep(200);
      }
    })();
    const code = await second.exited;
    const elapsed = Date.now() - started;
    for (let i = 0; i < 5; i++) {
      await sleep(300);
      statuses.push(await health(first!));
    }
    done = true;
    await probing;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(elapsed).toBeLessThan(15_000);
    expect(second.output()).toContain('đang được một capdo khác dùng');
    expect(second.output()).toContain(`pid ${first!.child.pid}`);
    expect(second.output()).toContain(first!.address);
    expect(second.output()).not.toContain('Dừng PostgreSQL còn chạy');
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Nothing touched: the same postmaster, the same owner record.
    expect(postmasterPid()).toBe(before.postmaster);
    expect(fs.readFileSync(ownerFile, 'utf8')).toBe(before.owner);
  });

  it('a command-line tool uses the running instance database and leaves it running', () => {
    const result = spawnSync(process.execPath, [...TS_NODE, 'src/cli/user-create.ts', '--username', 'owner.cli', '--role', 'ADMIN'], {
      cwd: REPO_ROOT,
      env: embeddedEnv(dataDir, pgPort, { CAPDO_PASSWORD: 'mat-khau-rat-dai-24' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Đã tạo tài khoản owner.cli');
    expect(result.status).toBe(0);
    expect(owner().pid).toBe(first!.child.pid);
    return expect(health(first!)).resolves.toBe(200);
  });

  it('after kill -9 of the server, the next start takes over (stops the orphaned postmaster) and serves', async () => {
    const orphan = postmasterPid();
    await stop(first, 'SIGKILL');
    expect(owner().pid).toBe(first!.child.pid);

    third = await spawnCapdo(dataDir, pgPort);
    await untilReady(third);
    expect(third.output()).toContain(`capdo trước đó (pid ${first!.child.pid}) không còn chạy`);
    expect(third.output()).toContain(`Dừng PostgreSQL còn chạy từ lần trước (pid ${orphan})`);
    expect(await health(third)).toBe(200);
    expect(owner()).toMatchObject({ pid: third.child.pid, address: third.address });
    expect(postmasterPid()).not.toBe(orphan);

    // A clean stop removes the record.
    await stop(third);
    expect(fs.existsSync(ownerFile)).toBe(false);
  });
});
