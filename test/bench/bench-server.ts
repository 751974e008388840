import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '..', '..');
const COMPILED = ['src', 'seeds', 'migrations'];

/**
 * Compiles the application to JavaScript (src/, seeds/, migrations/) with SWC, the same transform `npm start`
 * (ts-node --swc) and the tests use, so the server runs as compiled code without ts-node in the process.
 * Type checking is `npm run typecheck`'s job.
 */
export function compileApp(outDir: string): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const top of COMPILED) {
    for (const file of walk(path.join(ROOT, top))) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
      const { code, map } = transformFileSync(file, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: true,
      });
      const target = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map`);
      if (map) fs.writeFileSync(`${target}.map`, map);
    }
  }
  // The server finds templates/ by walking up from its files: outside the repository (--data-dir), a link shows it the way.
  if (path.relative(ROOT, outDir).startsWith('..')) fs.symlinkSync(path.join(ROOT, 'templates'), path.join(outDir, 'templates'));
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawning `node` to the first 200 from /api/health (for a cluster: with every worker listening). */
  startupMs: number;
  rssBytes(): number;
  stop(): Promise<void>;
}

/**
 * Starts `node <dist>/src/main.js` (or another entry of src/, such as the cluster's `cluster.js`) on 127.0.0.1 against
 * `databaseUrl` and waits until it answers. An entry other than main.js runs in its own process group, so that stopping
 * it stops the processes it forked too.
 */
export async function startServer(
  distDir: string,
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  entry = 'main.js',
): Promise<RunningServer> {
  const started = Date.now();
  const group = entry !== 'main.js';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(distDir, 'src', entry)], {
    cwd: ROOT,
    detached: group,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      // The compiled code may live outside the repository (--data-dir): its packages are still the repository's.
      NODE_PATH: path.join(ROOT, 'node_modules'),
      ...env,
    },
    // A cluster's primary prints its banner once every worker listens: /api/health answers as soon as the first one does.
    stdio: ['ignore', group ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  let ready = !group;
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.stdout?.on('data', (chunk: Buffer) => (ready ||= chunk.toString().includes('đã sẵn sàng')));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động (mã ${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200 && ready) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      if (group) killGroup(child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
      throw new Error(`Máy chủ không trả lời sau 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = Date.now() - started;
  return {
    url,
    pid: child.pid!,
    startupMs,
    rssBytes: () => [child.pid!, ...childPids(child.pid!)].reduce((sum, pid) => sum + readRss(pid), 0),
    async stop() {
      const signal = (name: NodeJS.Signals) => (group ? killGroup(child.pid!, name) : child.kill(name));
      if (child.exitCode === null) {
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      // The group's other processes (a cluster's workers) follow their primary; any left after 15 s are killed.
      for (let waited = 0; group && groupAlive(child.pid!) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      if (group && groupAlive(child.pid!)) killGroup(child.pid!, 'SIGKILL');
    },
  };
}

/** Resident set size of a process (VmRSS in /proc), in bytes; 0 when it is gone. */
export function readRss(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peak = readRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, readRss(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, readRss(pid));
    },
  };
}

/** Signals the process group led by `pid` (a process this benchmark spawned detached); no error if it is gone. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (a cluster's workers), from /proc. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the fourth field, after the command name in parentheses (which may hold spaces).
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}
