import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { movedDataDir } from '../src/database/pg-location';
import { alive, answers, liveMembersOf, waitFor } from './support/processes';
import { freePort } from './support/test-cluster';

/**
 * Issue 23, points 1 and 4: the real `npm start` (npm → ts-node → PostgreSQL), as a supervisor or a container runtime
 * runs it. SIGTERM to the npm process stops the server and PostgreSQL, npm exiting only after them; the ready banner is
 * the last thing printed, with the time the person waited, and Nest's start-up lines are not printed at `info`.
 */
jest.setTimeout(300_000);

const REPO_ROOT = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  /** npm's pid, also its process group's (npm is started in a group of its own, as under a supervisor). */
  group: number;
  port: number;
  pgPort: number;
  output: () => string;
  exited: Promise<number | null>;
  /** Seconds from spawning npm to seeing the banner. */
  waited: number;
  postmaster: number;
}

async function startNpm(dataDir: string): Promise<Started> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  Object.assign(env, { EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'info' });
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'npm_lifecycle_event', 'npm_lifecycle_script']) delete env[name];
  const spawnedAt = Date.now();
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (!(await waitFor(() => output.includes('đã sẵn sàng') || child.exitCode !== null, 240_000)) || child.exitCode !== null) {
    throw new Error(`npm start did not get ready:\n${output}`);
  }
  const waited = (Date.now() - spawnedAt) / 1000;
  const dataDirectory = /\(dữ liệu: (.+)\)\./.exec(output)![1];
  const postmaster = Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { child, group: child.pid!, port, pgPort, output: () => output, exited, waited, postmaster };
}

/** Nothing of the server is left: no process of npm's group, no PostgreSQL, neither port answers. */
async function expectAllStopped(started: Started): Promise<void> {
  expect(liveMembersOf(started.group)).toEqual([]);
  expect(await waitFor(() => !alive(started.postmaster), 5000)).toBe(true);
  expect(await answers(started.port)).toBe(false);
  expect(await answers(started.pgPort)).toBe(false);
}

describe('npm start: stopping the way it is started, start-up output (issue 23, points 1 and 4)', () => {
  let home: string;
  let started: Started | undefined;

  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-start-stop-'));
  });

  afterEach(async () => {
    if (started && liveMembersOf(started.group).length) process.kill(-started.group, 'SIGKILL');
    if (started && alive(started.postmaster)) process.kill(started.postmaster, 'SIGKILL');
    started = undefined;
  });

  afterAll(() => {
    fs.rmSync(path.dirname(movedDataDir(path.join(home, 'data', 'pg'))), { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('SIGTERM to the npm process stops node and PostgreSQL; the banner is the last line, with the time waited', async () => {
    started = await startNpm(path.join(home, 'data'));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // anything printed after the banner would show by now
    const output = started.output();
    const lines = output.split('\n').filter((line) => line.trim());
    const banner = lines.findIndex((line) => line.startsWith('capdo đã sẵn sàng sau'));
    expect(banner).toBeGreaterThan(0);
    // After the banner: only its own indented lines.
    expect(lines.slice(banner + 1).filter((line) => !line.startsWith('  '))).toEqual([]);
    expect(output).not.toMatch(/RouterExplorer|RoutesResolver|InstanceLoader|NestFactory|successfully started/);
    // The banner's seconds are the process's, which started a moment after npm: close to what this test waited.
    const seconds = Number(/sau ([\d.]+) giây/.exec(lines[banner])![1]);
    expect(seconds).toBeLessThanOrEqual(started.waited + 0.2);
    expect(seconds).toBeGreaterThan(started.waited - 5);
    expect(liveMembersOf(started.group).filter((pid) => pid !== started!.group).length).toBeGreaterThan(0); // node
    expect(alive(started.postmaster)).toBe(true);

    process.kill(started.group, 'SIGTERM');
    const code = await started.exited;
    // npm exits only once its child has: nothing of the group is left at that moment, PostgreSQL is stopped.
    expect(liveMembersOf(started.group)).toEqual([]);
    expect(alive(started.postmaster)).toBe(false);
    expect(code).toBe(0);
    await expectAllStopped(started);
    expect(started.output()).toContain('Nhận SIGTERM, đang dừng dịch vụ');
  });

  it('Ctrl+C in a terminal (SIGINT to npm and node at once, npm forwarding its own): one graceful stop, exit code 0', async () => {
    started = await startNpm(path.join(home, 'data'));
    process.kill(-started.group, 'SIGINT');
    const code = await started.exited;
    expect(code).toBe(0);
    await expectAllStopped(started);
    expect(started.output()).toContain('Nhận SIGINT, đang dừng dịch vụ');
    expect(started.output()).not.toContain('lần nữa: dừng ngay');
  });

  it('npm killed with -9: the server notices, stops itself and PostgreSQL', async () => {
    started = await startNpm(path.join(home, 'data'));
    process.kill(started.group, 'SIGKILL');
    expect(await waitFor(() => liveMembersOf(started!.group).length === 0, 30_000)).toBe(true);
    await expectAllStopped(started);
    expect(started.output()).toMatch(/npm \(pid \d+\) đã dừng: capdo dừng theo\./);
  });
});
