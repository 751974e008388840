import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { freshDatabase } from './support/fresh-database';
import { alive, answers, liveMembersOf, waitFor } from './support/processes';
import { freePort } from './support/test-cluster';

/**
 * Issue 25, point 5: `npm run start:cluster` (npm → ts-node → node:cluster) with CLUSTER_WORKERS=2 on a test database.
 * Which worker answered is read from the workers' own JSON request lines (pino writes each process's pid, and the
 * correlation id the test sent): nothing in the answers names a process. A worker killed with -9 is replaced while
 * the other keeps answering; SIGTERM to npm stops everything with exit code 0 and the port refuses.
 */
jest.setTimeout(300_000);

const REPO_ROOT = path.resolve(__dirname, '..');

describe('npm run start:cluster: one server process per core (issue 25, point 5)', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  let exited: Promise<number | null>;
  let sent = 0;

  /** GET /api/health on a connection of its own (the primary hands each connection to the next worker). */
  const health = (): Promise<{ status: number; correlationId: string }> => {
    const correlationId = `cluster-test-${process.pid}-${++sent}`;
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/health', agent: false, headers: { 'x-correlation-id': correlationId } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, correlationId }));
        },
      );
      req.on('error', reject);
    });
  };
  /** The pid in the request line a worker logged for `correlationId`. */
  const pidOf = async (correlationId: string): Promise<number> => {
    let pid: number | undefined;
    await waitFor(() => {
      const line = output.split('\n').find((l) => l.includes(`"correlationId":"${correlationId}"`) && l.includes('"res"'));
      pid = line ? (JSON.parse(line) as { pid: number }).pid : undefined;
      return pid !== undefined;
    }, 5000);
    if (pid === undefined) throw new Error(`no request line for ${correlationId}:\n${output}`);
    return pid;
  };
  /** The pids that answered `n` requests, each on its own connection. */
  const answeringPids = async (n: number): Promise<Set<number>> => {
    const pids = new Set<number>();
    for (let i = 0; i < n; i++) {
      const { status, correlationId } = await health();
      expect(status).toBe(200);
      pids.add(await pidOf(correlationId));
    }
    return pids;
  };
  const bannerPids = () => /pid ([\d, ]+)\) chia nhau cổng/.exec(output)![1].split(', ').map(Number);

  beforeAll(async () => {
    const db = await freshDatabase();
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.app, PORT: String(port), HOST: '127.0.0.1', CLUSTER_WORKERS: '2' };
    Object.assign(env, { LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: '2', JOBS_ENABLED: 'false' });
    for (const name of ['npm_lifecycle_event', 'npm_lifecycle_script', 'DATABASE_REPLICA_URL']) delete env[name];
    child = spawn('npm', ['run', 'start:cluster'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    if (!(await waitFor(() => output.includes('đã sẵn sàng') || child.exitCode !== null, 240_000)) || child.exitCode !== null)
      throw new Error(`npm run start:cluster did not get ready:\n${output}`);
  });

  afterAll(() => {
    if (child.pid && liveMembersOf(child.pid).length) process.kill(-child.pid, 'SIGKILL');
  });

  it('prints the banner last, once, naming two workers; requests are answered by both', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // anything printed after the banner would show by now
    const lines = output.split('\n').filter((line) => line.trim());
    const banner = lines.findIndex((line) => line.startsWith('capdo đã sẵn sàng sau'));
    expect(banner).toBeGreaterThan(-1);
    expect(lines.filter((line) => line.startsWith('capdo đã sẵn sàng'))).toHaveLength(1);
    expect(lines.slice(banner + 1).filter((line) => !line.startsWith('  '))).toEqual([]);
    const workers = bannerPids();
    expect(workers).toHaveLength(2);
    // Both are processes of npm's group, children of one primary.
    for (const pid of workers) expect(liveMembersOf(child.pid!)).toContain(pid);
    expect(await answeringPids(6)).toEqual(new Set(workers));
  });

  it('replaces a worker killed with -9, the other answering meanwhile', async () => {
    const [killed, survivor] = bannerPids();
    process.kill(killed, 'SIGKILL');
    expect(await waitFor(() => !alive(killed), 5000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the primary takes the dead worker out of its turn
    // Meanwhile every request is answered, by the survivor until the replacement listens.
    const during = new Set<number>();
    while (!output.includes('đã sẵn sàng.')) {
      const { status, correlationId } = await health();
      expect(status).toBe(200);
      during.add(await pidOf(correlationId));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toMatch(new RegExp(`pid ${killed} đã dừng bất thường \\(tín hiệu SIGKILL\\)`));
    const replacement = Number(/Tiến trình phục vụ mới \(pid (\d+)\) đã sẵn sàng\./.exec(output)![1]);
    expect(replacement).not.toBe(killed);
    // The replacement may answer a moment before the primary prints that it is ready.
    expect(during).toContain(survivor);
    expect([...during].filter((pid) => pid !== survivor && pid !== replacement)).toEqual([]);
    expect(await answeringPids(6)).toEqual(new Set([survivor, replacement]));
  });

  it('SIGTERM to npm stops the workers and the primary, exit code 0, the port refuses', async () => {
    const members = liveMembersOf(child.pid!);
    expect(members.length).toBeGreaterThanOrEqual(3); // npm's own node (the primary, exec'd) and two workers
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(await waitFor(() => liveMembersOf(child.pid!).length === 0, 10_000)).toBe(true);
    expect(await answers(port)).toBe(false);
    expect(output).toContain('Nhận SIGTERM, đang dừng dịch vụ: 2 tiến trình phục vụ');
  });
});
