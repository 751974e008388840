import 'reflect-metadata';
import cluster, { Worker } from 'node:cluster';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { ShutdownGate } from './common/http/graceful-shutdown';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { APP_START_LOCK, withStartupLock } from './database/startup-lock';
import {
  DemoSummary,
  listen,
  loadServerConfig,
  prepareDatabase,
  printBanner,
  StopRequests,
  stopServing,
  whenNpmDies,
} from './server-process';

/**
 * `npm run start:cluster` (issue 25, point 5): one serving process per core with node:cluster. The primary does what
 * main.ts does before serving, once (the embedded PostgreSQL without DATABASE_URL, the migrations, the demo data on an
 * empty embedded database), then forks CLUSTER_WORKERS workers that serve DATABASE_URL on the one PORT (the primary
 * hands each new connection to the next worker in turn). Each worker is a whole capdo: its pool, its background jobs
 * (pg-boss hands each job to one of them), its in-memory caches (the report cache checks its snapshot against the
 * database, so it is exact across processes); nothing is shared through the primary.
 *
 * The primary replaces a worker that dies, after a back-off that doubles with each death in the last minute, and gives
 * up (stopping everything, exit code 1) when workers die at start-up MAX_START_FAILURES times in a row. SIGTERM or
 * SIGINT to the primary (or to npm: the script `exec`s it) asks every worker to stop as main.ts stops, waits for them,
 * then stops the embedded PostgreSQL; exit code 0 (130 / 143 when a second signal forced it). The ready banner is the
 * last start-up line, printed once every worker listens.
 */

/** Messages between the primary and its workers (over node:cluster's IPC channel). */
type Message = { type: 'capdo:ready' } | { type: 'capdo:stop'; signal: NodeJS.Signals } | { type: 'capdo:force'; signal: NodeJS.Signals };

/** Workers that die before they listen, this many times in a row, stop the whole service. */
const MAX_START_FAILURES = 3;
/** The wait before replacing a worker: FIRST_BACKOFF_MS, doubled for each other death in the last BACKOFF_WINDOW_MS. */
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
const BACKOFF_WINDOW_MS = 60_000;
/** How long the primary waits past SHUTDOWN_GRACE_SECONDS for its workers to exit before killing them. */
const EXIT_MARGIN_MS = 5000;

async function primary(): Promise<void> {
  const { config, embedded } = loadServerConfig();
  /** Set when the primary gives up on workers that keep dying at start-up: the stop then exits with 1. */
  let gaveUp = false;
  const workers = new Workers(config.CLUSTER_WORKERS, (message) => {
    console.error(message);
    gaveUp = true;
    stops.request('SIGTERM');
  });
  let database: EmbeddedPostgres | undefined;
  const stops = new StopRequests((signal, forced) => {
    const grace = config.SHUTDOWN_GRACE_SECONDS;
    if (!gaveUp)
      console.log(
        `Nhận ${signal}, đang dừng dịch vụ: ${workers.size} tiến trình phục vụ không nhận kết nối mới, chờ các yêu cầu đang chạy tối đa ${grace} giây (gửi ${signal} lần nữa để dừng ngay)…`,
      );
    void workers.stop(signal, forced, grace * 1000 + EXIT_MARGIN_MS).then(async (forcedBy) => {
      await database?.stop();
      process.exit(gaveUp ? 1 : forcedBy === undefined ? 0 : forcedBy === 'SIGINT' ? 130 : 143);
    });
  }).listen();
  whenNpmDies(() => stops.signal('SIGTERM'));

  try {
    await prepareDatabase(config, (started) => (database = started));
    const demo = embedded ? await loadDemoDataWhenEmpty(config) : undefined;
    if (stops.stopping) return;
    const pids = await workers.start();
    const url = `http://${config.HOST}:${config.PORT}`;
    const line = `${pids.length} tiến trình phục vụ (node:cluster, pid ${pids.join(', ')}) chia nhau cổng ${config.PORT}.`;
    printBanner(url, process.uptime() * 1000, embedded, demo, config.DEMO_PASSWORD, [line]);
  } catch (error) {
    if (stops.stopping) return; // stopped by a signal during start-up: the stop exits
    console.error(error instanceof Error ? error.message : error);
    await workers.stop('SIGTERM', new Promise(() => undefined), config.SHUTDOWN_GRACE_SECONDS * 1000 + EXIT_MARGIN_MS);
    await database?.stop();
    process.exit(1);
  }
}

/**
 * The Sơn La demo data on an empty embedded database, loaded by the primary before any worker starts (so that two
 * workers never both find it empty). The application is built for that only, and closed.
 */
async function loadDemoDataWhenEmpty(config: AppConfig): Promise<DemoSummary | undefined> {
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM agencies`).finally(() => client.end())).rows;
  if (n > 0) return undefined;
  const app = await (await import('./app.factory')).createApp();
  try {
    return await (await import('../seeds/demo-data')).loadDemoDataWhenEmpty(app, config.DEMO_PASSWORD);
  } finally {
    await app.close();
  }
}

/** The primary's workers: forks them, replaces those that die, stops them. */
class Workers {
  /** Live workers by id, and whether each has said it listens. */
  private readonly live = new Map<number, { worker: Worker; ready: boolean }>();
  private readonly deaths: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private startFailures = 0;
  private stopping = false;
  private started?: { resolve: (pids: number[]) => void; reject: (error: Error) => void };
  private allExited?: () => void;

  constructor(
    private readonly count: number,
    /** Workers keep dying at start-up after the service was up: the primary stops everything. */
    private readonly giveUp: (message: string) => void,
  ) {
    cluster.on('message', (worker, message: Message | undefined) => message?.type === 'capdo:ready' && this.ready(worker));
    cluster.on('exit', (worker, code, signal) => this.exited(worker, code, signal));
  }

  get size(): number {
    return this.live.size;
  }

  /** Forks the workers; resolves with their pids once every one listens. */
  start(): Promise<number[]> {
    const all = new Promise<number[]>((resolve, reject) => (this.started = { resolve, reject }));
    for (let i = 0; i < this.count; i++) this.fork();
    return all;
  }

  /**
   * Asks every worker to stop (each drains as main.ts does) and resolves once all have exited, with the signal that
   * forced the stop if one did. Workers still running `deadlineMs` later are killed.
   */
  async stop(signal: NodeJS.Signals, forced: Promise<NodeJS.Signals>, deadlineMs: number): Promise<NodeJS.Signals | undefined> {
    this.stopping = true;
    this.timers.forEach(clearTimeout);
    this.started?.reject(new Error('stopped'));
    let forcedBy: NodeJS.Signals | undefined;
    void forced.then((second) => {
      forcedBy = second;
      this.tell({ type: 'capdo:force', signal: second });
    });
    const exited = new Promise<void>((resolve) => (this.allExited = resolve));
    if (this.live.size === 0) return undefined;
    this.tell({ type: 'capdo:stop', signal });
    const deadline = setTimeout(() => {
      console.log(`Sau ${Math.round(deadlineMs / 1000)} giây vẫn còn tiến trình phục vụ chưa dừng: dừng cưỡng bức.`);
      for (const { worker } of this.live.values()) worker.process.kill('SIGKILL');
    }, deadlineMs);
    await exited;
    clearTimeout(deadline);
    return forcedBy;
  }

  private fork(): void {
    const worker = cluster.fork();
    this.live.set(worker.id, { worker, ready: false });
  }

  /** Sends to every live worker; one whose channel is not open gets the signal instead. */
  private tell(message: Exclude<Message, { type: 'capdo:ready' }>): void {
    for (const { worker } of this.live.values()) {
      const signal = () => worker.process.kill(message.signal);
      if (worker.isConnected()) worker.send(message, (error) => error && signal());
      else signal();
    }
  }

  private ready(worker: Worker): void {
    const entry = this.live.get(worker.id);
    if (!entry || entry.ready) return;
    entry.ready = true;
    this.startFailures = 0;
    const ready = [...this.live.values()].filter((w) => w.ready);
    if (this.started && ready.length >= this.count) {
      this.started.resolve(ready.map((w) => w.worker.process.pid!));
      this.started = undefined;
    } else if (!this.started) console.log(`Tiến trình phục vụ mới (pid ${worker.process.pid}) đã sẵn sàng.`);
  }

  private exited(worker: Worker, code: number | null, signal: string | null): void {
    const entry = this.live.get(worker.id);
    this.live.delete(worker.id);
    if (this.stopping) {
      if (this.live.size === 0) this.allExited?.();
      return;
    }
    const how = signal ? `tín hiệu ${signal}` : `mã ${code}`;
    if (!entry?.ready && ++this.startFailures >= MAX_START_FAILURES) {
      const message =
        `Tiến trình phục vụ dừng ngay khi khởi động ${MAX_START_FAILURES} lần liền (lần cuối: pid ${worker.process.pid}, ${how}; ` +
        `xem lỗi của nó ở trên): capdo dừng hẳn thay vì khởi động lại mãi.`;
      if (this.started) return this.started.reject(new Error(message));
      return this.giveUp(message);
    }
    const now = Date.now();
    this.deaths.push(now);
    while (this.deaths[0] < now - BACKOFF_WINDOW_MS) this.deaths.shift();
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.deaths.length - 1));
    console.log(`Tiến trình phục vụ pid ${worker.process.pid} đã dừng bất thường (${how}); thay bằng tiến trình mới sau ${delay} ms.`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopping) this.fork();
    }, delay);
    this.timers.add(timer);
  }
}

/** A worker: serves DATABASE_URL as main.ts does, told when to stop by the primary (or by a signal of its own). */
async function worker(): Promise<void> {
  const config = loadConfig();
  const gate = new ShutdownGate();
  const prefix = `[pid ${process.pid}] `;
  let app: NestExpressApplication | undefined;
  const stops = new StopRequests((_signal, forced) => {
    void stopServing(config, gate, app, forced, undefined, prefix).then((code) => process.exit(code));
  }, false).listen();
  process.on('message', (message: Message | undefined) => {
    if (message?.type === 'capdo:stop') stops.request(message.signal);
    if (message?.type === 'capdo:force') stops.forceNow(message.signal);
  });
  try {
    const { createApp } = await import('./app.factory');
    app = await withStartupLock(config.DATABASE_URL!, APP_START_LOCK, () => createApp({ shutdownGate: gate }));
    await listen(app, config);
    process.send!({ type: 'capdo:ready' } satisfies Message);
  } catch (error) {
    if (stops.stopping) return;
    console.error(`${prefix}${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

(cluster.isPrimary ? primary() : worker()).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
