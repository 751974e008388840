import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { REPO_ROOT } from './reliability-env';

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  jwtSecret: string;
  logFile: string;
  env?: Record<string, string>;
}

/**
 * capdo as production runs it (`src/main.ts`: migrations, then serve) in a child process of its own, so that a
 * test can `kill -9` it. Spawned as `node ts-node …` directly: the pid is the server's, not an npm wrapper's.
 */
export class ServerProcess {
  private child?: ChildProcess;
  readonly baseUrl: string;
  starts = 0;

  constructor(private readonly options: ServerOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
  }

  get logFile(): string {
    return this.options.logFile;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const log = fs.openSync(this.options.logFile, 'a');
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--swc', '--project', 'tsconfig.json', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: this.options.databaseUrl,
        JWT_SECRET: this.options.jwtSecret,
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        ...this.options.env,
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.starts++;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(
          new Error(`server exited during start (${code ?? signal}); ${this.options.logFile} ends:\n${logTail(this.options.logFile)}`),
        ),
      ),
    );
    exited.catch(() => undefined);
    await Promise.race([this.waitHealthy(timeoutMs), exited]);
  }

  /** SIGKILL: no shutdown hook runs, open transactions are cut off mid-way. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
  }

  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const res = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server not healthy after ${timeoutMs} ms; see ${this.options.logFile}`);
      await sleep(100);
    }
  }
}

/** The end of a log file: a server that died at start says why there (the test's directory is deleted afterwards). */
function logTail(file: string, chars = 2000): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
