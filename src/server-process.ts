import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { exitCodeOf, ShutdownGate, ShutdownSteps, stopGracefully } from './common/http/graceful-shutdown';
import { AppConfig, loadConfig } from './config/app-config';
import { DatabaseUrls, migrateDatabase } from './database/database-roles';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { EMBEDDED_DATABASE, embeddedDatabaseUrls, localCluster, persistedJwtSecret } from './database/local-database';
import { warmUpDocumentRenderer } from './documents/documents.renderer';

/**
 * What the two ways of serving share: `npm start` (main.ts, one process) and `npm run start:cluster` (cluster.ts, a
 * primary that prepares the database and one worker process per core that serves). Start: the configuration, the
 * embedded PostgreSQL without DATABASE_URL, the migrations, listening; stop: SIGTERM/SIGINT as issue 24 point 3 says.
 */

/** The configuration; without DATABASE_URL (embedded mode) the signing secret is the one kept in DATA_DIR. */
export function loadServerConfig(): { config: AppConfig; embedded: boolean } {
  const embedded = !process.env.DATABASE_URL;
  if (embedded && !process.env.JWT_SECRET) process.env.JWT_SECRET = persistedJwtSecret(process.env.DATA_DIR || '.data');
  return { config: loadConfig(), embedded };
}

/**
 * Without DATABASE_URL, starts the embedded PostgreSQL of DATA_DIR (handed to `started` at once, so that a stop during
 * start-up can stop it) and points DATABASE_URL at it, for this process and those it starts; then applies the
 * migrations. The embedded database is served through the application's own role, never the superuser.
 */
export async function prepareDatabase(config: AppConfig, started: (cluster: EmbeddedPostgres) => void): Promise<void> {
  let urls: DatabaseUrls = { app: config.DATABASE_URL! };
  if (!config.DATABASE_URL) {
    const cluster = localCluster(config.DATA_DIR, config.EMBEDDED_PG_PORT, (m) => console.log(m), `http://${config.HOST}:${config.PORT}`);
    started(cluster);
    await cluster.start();
    await cluster.createDatabase(EMBEDDED_DATABASE);
    urls = embeddedDatabaseUrls(cluster, config.DATA_DIR);
    process.env.DATABASE_URL = config.DATABASE_URL = urls.app;
    console.log(`PostgreSQL nhúng đang chạy tại 127.0.0.1:${cluster.port} (dữ liệu: ${cluster.dataDirectory}).`);
  }
  const applied = await migrateDatabase(urls);
  if (applied.length) console.log(`Đã áp dụng migration: ${applied.join(', ')}`);
}

/** Listens on PORT; the lines logged so far reach the terminal before whatever the caller prints next (the banner). */
export async function listen(app: NestExpressApplication, config: AppConfig): Promise<void> {
  await app.listen(config.PORT, config.HOST);
  // The first PDF of a process loads fonts and templates; do it now rather than in someone's request.
  void warmUpDocumentRenderer().catch(() => undefined);
  await flushLogs(app);
}

/** Signals of the same kind closer than this are one (the terminal's and npm's copy of one Ctrl+C). */
const SAME_SIGNAL_MS = 100;

/**
 * The stop requests a process gets: the first starts `stop`, which is handed a promise of the signal that forces it;
 * the same signal again within SAME_SIGNAL_MS is the same request (Ctrl+C under `npm start` reaches the process
 * twice: from the terminal and forwarded by npm); any other signal meanwhile forces the stop.
 */
export class StopRequests {
  private last?: { signal: NodeJS.Signals; at: number };
  private force?: (signal: NodeJS.Signals) => void;

  constructor(
    private readonly stop: (signal: NodeJS.Signals, forced: Promise<NodeJS.Signals>) => void,
    /** Whether a forcing signal is announced on the terminal (the cluster's workers leave that to the primary). */
    private readonly announce = true,
  ) {}

  get stopping(): boolean {
    return this.force !== undefined;
  }

  /** Handles SIGINT and SIGTERM from now on. */
  listen(): this {
    process.on('SIGINT', (signal) => this.signal(signal));
    process.on('SIGTERM', (signal) => this.signal(signal));
    return this;
  }

  /** A signal this process received. */
  signal(signal: NodeJS.Signals): void {
    const repeated = this.last?.signal === signal && Date.now() - this.last.at < SAME_SIGNAL_MS;
    this.last = { signal, at: Date.now() };
    if (repeated) return;
    if (this.force) {
      if (this.announce) console.log(`Nhận ${signal} lần nữa: dừng ngay, không chờ các yêu cầu đang chạy.`);
      return this.force(signal);
    }
    this.begin(signal);
  }

  /** A stop asked for by a supervisor (the cluster's primary): starts the stop if none runs, never forces it. */
  request(signal: NodeJS.Signals): void {
    if (!this.force) this.begin(signal);
  }

  /** Forces the stop (starting it first if need be). */
  forceNow(signal: NodeJS.Signals): void {
    if (!this.force) this.begin(signal);
    this.force!(signal);
  }

  private begin(signal: NodeJS.Signals): void {
    const forced = new Promise<NodeJS.Signals>((resolve) => (this.force = resolve));
    this.stop(signal, forced);
  }
}

/**
 * Stops a serving process: no new connections, the work in flight drained for SHUTDOWN_GRACE_SECONDS, then what is left
 * cut, then `stopDatabase`. Returns the exit code (0, or 130 / 143 when a second signal forced the stop).
 */
export async function stopServing(
  config: AppConfig,
  gate: ShutdownGate,
  app: NestExpressApplication | undefined,
  forced: Promise<NodeJS.Signals>,
  stopDatabase: () => Promise<void> | undefined = () => undefined,
  prefix = '',
): Promise<number> {
  let forcedBy: NodeJS.Signals = 'SIGTERM';
  const interrupted = forced.then((signal) => void (forcedBy = signal));
  const grace = config.SHUTDOWN_GRACE_SECONDS;
  const outcome = await stopGracefully(httpShutdownSteps(gate, app, stopDatabase), { graceMs: grace * 1000 }, interrupted);
  if (outcome === 'grace-expired') console.log(`${prefix}Hết ${grace} giây chờ: đã cắt các yêu cầu còn dở.`);
  return exitCodeOf(outcome, forcedBy);
}

/**
 * Under `npm start`, npm killed without a chance to forward anything (kill -9, a closed terminal) would leave this
 * server running, reparented: it stops then too, as on SIGTERM.
 */
export function whenNpmDies(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    console.log(`npm (pid ${parent}) đã dừng: capdo dừng theo.`);
    stop();
  }, 500);
  timer.unref();
}

/**
 * The JSON log lines written so far reach the terminal before the banner, which is the last start-up line. pino writes
 * asynchronously (sonic-boom, whose `flush` does not wait for a write in progress), through two loggers: the requests'
 * one and the one for lines logged outside a request (Nest's buffered start-up lines, replayed at `listen`). Waits for
 * each destination's `drain`, one second at most.
 */
async function flushLogs(app: NestExpressApplication): Promise<void> {
  const loggers = [PinoLogger.root as pino.Logger | undefined, (await app.resolve(PinoLogger)).logger];
  const drained = loggers.map((logger) => {
    const stream = logger && (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
    const destination = stream as (EventEmitter & { _writing?: boolean }) | undefined;
    if (!destination?._writing) return Promise.resolve();
    return new Promise<void>((resolve) => destination.once('drain', () => resolve()));
  });
  await Promise.race([Promise.all(drained), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
}

/**
 * The stop of a running server: the gate answers 503 to requests still arriving on kept-alive connections, idle
 * connections are closed at once and as they fall idle, app.close() waits for requests, background jobs and the pool.
 */
function httpShutdownSteps(
  gate: ShutdownGate,
  app: NestExpressApplication | undefined,
  stopDatabase: () => Promise<void> | undefined,
): ShutdownSteps {
  const server = app?.getHttpServer() as Server | undefined;
  let requestsDone: Promise<void> = Promise.resolve();
  return {
    stopAccepting: () => {
      gate.close();
      if (server?.listening) requestsDone = new Promise((resolve) => server.close(() => resolve()));
      server?.closeIdleConnections();
      setInterval(() => server?.closeIdleConnections(), 200).unref();
    },
    drain: async () => {
      await requestsDone;
      await app?.close();
    },
    closeConnections: () => server?.closeAllConnections(),
    stopDatabase: async () => void (await stopDatabase()),
  };
}

/** What the demo seeds loaded, for the banner. */
export interface DemoSummary {
  logins: readonly unknown[];
  systems: number;
  dossiers: number;
}

/** The last start-up lines: the address, the time the person waited, the demo accounts in embedded mode. */
export function printBanner(
  url: string,
  ms: number,
  embedded: boolean,
  demo: DemoSummary | undefined,
  password: string,
  extra: string[] = [],
): void {
  const lines = [
    `capdo đã sẵn sàng sau ${(ms / 1000).toFixed(1)} giây: ${url}`,
    `  API: ${url}/api/v1 — tài liệu OpenAPI: ${url}/api/docs — tình trạng: ${url}/api/health`,
    ...extra.map((line) => `  ${line}`),
  ];
  if (embedded) {
    lines.push(`  Tài khoản mẫu (mật khẩu: ${password}):`);
    lines.push('    admin (Quản trị viên), lanhdao (Lãnh đạo UBND tỉnh), thamdinh (Công an tỉnh Sơn La)');
    lines.push('    canbo.<mã cơ quan viết thường>, ví dụ canbo.sl-so-xd (Sở Xây dựng), canbo.sl-vp-ubnd');
    lines.push('    thutruong.<mã cơ quan viết thường>, ví dụ thutruong.sl-so-xd (lãnh đạo Sở Xây dựng, phê duyệt hồ sơ cấp độ 3)');
    if (demo)
      lines.push(`  Vừa nạp dữ liệu mẫu Sơn La: ${demo.logins.length} tài khoản, ${demo.systems} hệ thống, ${demo.dossiers} hồ sơ.`);
  }
  console.log(lines.join('\n'));
}
