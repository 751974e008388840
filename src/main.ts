import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './app.factory';
import { ShutdownGate } from './common/http/graceful-shutdown';
import { ConfigError } from './config/app-config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { APP_START_LOCK, withStartupLock } from './database/startup-lock';
import { listen, loadServerConfig, prepareDatabase, printBanner, StopRequests, stopServing, whenNpmDies } from './server-process';

/**
 * `npm start`: with DATABASE_URL, serve that database; without it, start the embedded PostgreSQL under
 * DATA_DIR, apply migrations, load the Sơn La demo data into an empty database, and serve. The embedded
 * database is served through the application's own role, never the superuser (database-roles.ts).
 * The demo seeds are loaded only then, by a dynamic import: a server given DATABASE_URL never loads them.
 * `npm run start:cluster` (cluster.ts) does the same with one serving process per core.
 */
async function main(): Promise<void> {
  const { config, embedded } = loadServerConfig();
  let cluster: EmbeddedPostgres | undefined;
  let app: NestExpressApplication | undefined;
  const gate = new ShutdownGate();
  const stops = new StopRequests((signal, forced) => {
    const grace = config.SHUTDOWN_GRACE_SECONDS;
    console.log(
      `Nhận ${signal}, đang dừng dịch vụ: không nhận kết nối mới, chờ các yêu cầu đang chạy tối đa ${grace} giây (gửi ${signal} lần nữa để dừng ngay)…`,
    );
    void stopServing(config, gate, app, forced, () => cluster?.stop()).then((code) => process.exit(code));
  }).listen();
  whenNpmDies(() => stops.signal('SIGTERM'));

  try {
    await prepareDatabase(config, (started) => (cluster = started));
    app = await withStartupLock(config.DATABASE_URL!, APP_START_LOCK, () => createApp({ shutdownGate: gate }));
    const demo = embedded ? await (await import('../seeds/demo-data')).loadDemoDataWhenEmpty(app, config.DEMO_PASSWORD) : undefined;
    await listen(app, config);
    // The time the person waited: from the start of the process (ts-node's compilation included), not of main().
    printBanner(`http://${config.HOST}:${config.PORT}`, process.uptime() * 1000, embedded, demo, config.DEMO_PASSWORD);
  } catch (error) {
    if (stops.stopping) return; // stopped by a signal during start-up: the stop exits
    console.error(error instanceof Error ? error.message : error);
    await cluster?.stop();
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
