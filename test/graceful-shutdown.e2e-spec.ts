import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { movedDataDir } from '../src/database/pg-location';
import { alive } from './support/processes';
import { freePort } from './support/test-cluster';

/**
 * Issue 24, point 3: on SIGTERM/SIGINT the real `src/main.ts` on its embedded PostgreSQL stops accepting connections
 * at once, lets requests in flight finish for SHUTDOWN_GRACE_SECONDS, then exits and stops PostgreSQL, even when a
 * request never ends. The long request is a POST whose body the client sends one byte at a time: no server hook.
 */
jest.setTimeout(120_000);

const REPO_ROOT = path.resolve(__dirname, '..');
const GRACE_SECONDS = 2;

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

async function startCapdo(dataDir: string, pgPort: number): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
  };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--swc', '--project', 'tsconfig.json', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  await Promise.race([
    new Promise<void>((resolve) => {
      const timer = setInterval(() => output.includes('đã sẵn sàng') && (clearInterval(timer), resolve()), 100);
      void exited.then(() => clearInterval(timer));
    }),
    exited.then(({ code }) => Promise.reject(new Error(`capdo exited with ${code}:\n${output}`))),
  ]);
  return { child, port, output: () => output, exited };
}

/** The postmaster's pid, from postmaster.pid in the data directory main.ts printed. */
function postmasterPid(started: Started): number {
  const dataDirectory = /\(dữ liệu: (.+)\)\./.exec(started.output())![1];
  return Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Resolves once the server closed `socket`. */
const closedByServer = (socket: net.Socket) => new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));

/** A sign-in whose body arrives one byte every 200 ms: in flight for as long as the test likes. */
async function slowRequest(port: number): Promise<{ socket: net.Socket; stop: () => void }> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"username":"`,
  );
  const timer = setInterval(() => socket.writable && socket.write('a'), 200);
  return { socket, stop: () => clearInterval(timer) };
}

/** A kept-alive connection that has had its answer and now sits idle. */
async function idleKeptAlive(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  const answered = new Promise((resolve) => socket.once('data', resolve));
  socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  await answered;
  return socket;
}

/**
 * Whether process `pid` still holds a listening TCP socket on `port`, read from /proc: probing the port itself could
 * reach another test's server that was given the freed port meanwhile.
 */
function listens(pid: number, port: number): boolean {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6'].filter((f) => fs.existsSync(f))) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // Columns: sl, local address:port (hex), remote, state (0A = LISTEN), …, inode (10th).
      if (cols.length >= 10 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false; // the process is gone
  }
  return fds.some((fd) => {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      return socket !== null && inodes.has(socket[1]);
    } catch {
      return false;
    }
  });
}

/** Waits up to half a second for the process to stop listening (closing the listening socket is asynchronous). */
async function stopsListening(pid: number, port: number): Promise<boolean> {
  for (let i = 0; i < 10 && listens(pid, port); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return !listens(pid, port);
}

describe('graceful shutdown (issue 24, point 3)', () => {
  let dataDir: string;
  let pgPort: number;
  let started: Started | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-shutdown-'));
    pgPort = await freePort();
  });

  afterEach(async () => {
    if (started && started.child.exitCode === null && started.child.signalCode === null) {
      started.child.kill('SIGKILL');
      await started.exited;
    }
    started = undefined;
  });

  afterAll(() => {
    // As root, a mkdtemp directory is closed to the postgres user: the cluster moved to the temp directory (pg-location.ts).
    fs.rmSync(path.dirname(movedDataDir(path.join(dataDir, 'pg'))), { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM with a request that never ends: stops accepting at once, exits after the grace period, PostgreSQL stopped', async () => {
    started = await startCapdo(dataDir, pgPort);
    const postmaster = postmasterPid(started);
    const idle = await idleKeptAlive(started.port);
    const idleClosed = closedByServer(idle);
    const slow = await slowRequest(started.port);
    const slowClosed = closedByServer(slow.socket);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(listens(started.child.pid!, started.port)).toBe(true);
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    try {
      // Idle kept-alive connections are closed at once, and no new connection is accepted.
      const idleClosedAt = await idleClosed;
      expect(idleClosedAt).toBeGreaterThanOrEqual(signalledAt);
      expect(idleClosedAt - signalledAt).toBeLessThan(1000);
      expect(await stopsListening(started.child.pid!, started.port)).toBe(true);
      expect(started.child.exitCode).toBeNull();
      const { code, at } = await started.exited;
      expect(code).toBe(0);
      // It waited for the request in flight for the grace period, not forever.
      expect(at - signalledAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 200);
      expect(at - signalledAt).toBeLessThan((GRACE_SECONDS + 4) * 1000);
      expect((await slowClosed) - signalledAt).toBeLessThan((GRACE_SECONDS + 4) * 1000);
    } finally {
      slow.stop();
    }
    expect(started.output()).toContain(`Hết ${GRACE_SECONDS} giây chờ`);
    expect(alive(postmaster)).toBe(false);
  });

  it('SIGTERM with nothing in flight exits promptly, with code 0, PostgreSQL stopped', async () => {
    started = await startCapdo(dataDir, pgPort);
    const postmaster = postmasterPid(started);
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    const { code, at } = await started.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(GRACE_SECONDS * 1000);
    expect(alive(postmaster)).toBe(false);
  });

  it('a second signal during the grace period exits at once, still stopping PostgreSQL', async () => {
    started = await startCapdo(dataDir, pgPort);
    const postmaster = postmasterPid(started);
    const slow = await slowRequest(started.port);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    started.child.kill('SIGINT');
    const { code, at } = await started.exited;
    slow.stop();
    expect(code).toBe(130);
    expect(at - signalledAt).toBeLessThan(GRACE_SECONDS * 1000);
    expect(alive(postmaster)).toBe(false);
  });
});
