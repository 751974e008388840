import 'reflect-metadata';
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { createApp } from './app.factory';
import { warmUpDocumentRenderer } from './documents/documents.renderer';
import { exitCodeOf, ShutdownGate, ShutdownSteps, stopGracefully } from './common/http/graceful-shutdown';
import { ConfigError, loadConfig } from './config/app-config';
import { DatabaseUrls, migrateDatabase } from './database/database-roles';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { EMBEDDED_DATABASE, embeddedDatabaseUrls, localCluster, persistedJwtSecret } from './database/local-database';

/**
 * `npm start`: with DATABASE_URL, serve that database; without it, start the embedded PostgreSQL under
 * DATA_DIR, apply migrations, load the Sơn La demo data into an empty database, and serve. The embedded
 * database is served through the application's own role, never the superuser (database-roles.ts).
 * The demo seeds are loaded only then, by a dynamic import: a server given DATABASE_URL never loads them.
 */
async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  if (embedded && !process.env.JWT_SECRET) process.env.JWT_SECRET = persistedJwtSecret(process.env.DATA_DIR || '.data');
  const config = loadConfig();

  let cluster: EmbeddedPostgres | undefined;
  let app: NestExpressApplication | undefined;
  const gate = new ShutdownGate();
  let interrupt: ((signal: NodeJS.Signals) => void) | undefined;
  let last: { signal: NodeJS.Signals; at: number } | undefined;
  const shutdown = async (signal: NodeJS.Signals) => {
    // Ctrl+C under `npm start` reaches this process twice: from the terminal and forwarded by npm. One press, one signal.
    const repeated = last?.signal === signal && Date.now() - last.at < SAME_SIGNAL_MS;
    last = { signal, at: Date.now() };
    if (repeated) return;
    if (interrupt) {
      console.log(`Nhận ${signal} lần nữa: dừng ngay, không chờ các yêu cầu đang chạy.`);
      return interrupt(signal);
    }
    let forcedBy = signal;
    const interrupted = new Promise<void>((resolve) => (interrupt = (second) => ((forcedBy = second), resolve())));
    const grace = config.SHUTDOWN_GRACE_SECONDS;
    console.log(
      `Nhận ${signal}, đang dừng dịch vụ: không nhận kết nối mới, chờ các yêu cầu đang chạy tối đa ${grace} giây (gửi ${signal} lần nữa để dừng ngay)…`,
    );
    const outcome = await stopGracefully(
      httpShutdownSteps(gate, app, () => cluster?.stop()),
      { graceMs: grace * 1000 },
      interrupted,
    );
    if (outcome === 'grace-expired') console.log(`Hết ${grace} giây chờ: đã cắt các yêu cầu còn dở.`);
    process.exit(exitCodeOf(outcome, forcedBy));
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
  whenNpmDies(() => void shutdown('SIGTERM'));

  try {
    let urls: DatabaseUrls = { app: config.DATABASE_URL! };
    if (embedded) {
      cluster = localCluster(config.DATA_DIR, config.EMBEDDED_PG_PORT, (m) => console.log(m), `http://${config.HOST}:${config.PORT}`);
      await cluster.start();
      await cluster.createDatabase(EMBEDDED_DATABASE);
      urls = embeddedDatabaseUrls(cluster, config.DATA_DIR);
      process.env.DATABASE_URL = config.DATABASE_URL = urls.app;
      console.log(`PostgreSQL nhúng đang chạy tại 127.0.0.1:${cluster.port} (dữ liệu: ${cluster.dataDirectory}).`);
    }
    const applied = await migrateDatabase(urls);
    if (applied.length) console.log(`Đã áp dụng migration: ${applied.join(', ')}`);
    app = await createApp({ shutdownGate: gate });
    const demo = embedded ? await (await import('../seeds/demo-data')).loadDemoDataWhenEmpty(app, config.DEMO_PASSWORD) : undefined;
    await app.listen(config.PORT, config.HOST);
    // The first PDF of a process loads fonts and templates; do it now rather than in someone's request.
    void warmUpDocumentRenderer().catch(() => undefined);
    await flushLogs(app);
    // The time the person waited: from the start of the process (ts-node's compilation included), not of main().
    printBanner(`http://${config.HOST}:${config.PORT}`, process.uptime() * 1000, embedded, demo, config.DEMO_PASSWORD);
  } catch (error) {
    if (interrupt) return; // stopped by a signal during start-up: shutdown() exits
    console.error(error instanceof Error ? error.message : error);
    await cluster?.stop();
    process.exit(1);
  }
}

/**
 * Under `npm start`, npm killed without a chance to forward anything (kill -9, a closed terminal) would leave this
 * server running, reparented: it stops then too, as on SIGTERM.
 */
function whenNpmDies(stop: () => void): void {
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

/** Signals of the same kind closer than this are one (the terminal's and npm's copy of one Ctrl+C). */
const SAME_SIGNAL_MS = 100;

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
interface DemoSummary {
  logins: readonly unknown[];
  systems: number;
  dossiers: number;
}

function printBanner(url: string, ms: number, embedded: boolean, demo: DemoSummary | undefined, password: string): void {
  const lines = [
    `capdo đã sẵn sàng sau ${(ms / 1000).toFixed(1)} giây: ${url}`,
    `  API: ${url}/api/v1 — tài liệu OpenAPI: ${url}/api/docs — tình trạng: ${url}/api/health`,
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

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
