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
  /** Milliseconds from spawning `node` to the first 200 from /api/health. */
  startupMs: number;
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Starts `node <dist>/src/main.js` on 127.0.0.1 against `databaseUrl` and waits until it answers. */
export async function startServer(
  distDir: string,
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(distDir, 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động (mã ${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`Máy chủ không trả lời sau 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = Date.now() - started;
  return {
    url,
    pid: child.pid!,
    startupMs,
    rssBytes: () => readRss(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
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
