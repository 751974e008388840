import 'reflect-metadata';
import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  const startedAt = Date.now();
  const embedded = !process.env.DATABASE_URL;
  if (embedded && !process.env.JWT_SECRET) process.env.JWT_SECRET = persistedJwtSecret(process.env.DATA_DIR || '.data');
  const config = loadConfig();

  let cluster: EmbeddedPostgres | undefined;
  let app: NestExpressApplication | undefined;
  const gate = new ShutdownGate();
  let interrupt: ((signal: NodeJS.Signals) => void) | undefined;
  const shutdown = async (signal: NodeJS.Signals) => {
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
    printBanner(`http://${config.HOST}:${config.PORT}`, Date.now() - startedAt, embedded, demo, config.DEMO_PASSWORD);
  } catch (error) {
    if (interrupt) return; // stopped by a signal during start-up: shutdown() exits
    console.error(error instanceof Error ? error.message : error);
    await cluster?.stop();
    process.exit(1);
  }
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
