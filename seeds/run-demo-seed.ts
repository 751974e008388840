import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { migrateDatabase } from '../src/database/database-roles';
import { withDatabase } from '../src/database/local-database';
import { seedDemoActivity } from './demo-activity';
import { seedAfterApproval } from './demo-after-approval';
import { seedDemo } from './demo-seed';
import { seedDemoStates } from './demo-states';
import { DataSource } from 'typeorm';

/**
 * `npm run seed:demo`: the Sơn La demo data into DATABASE_URL (or the embedded database). Bodies and accounts
 * are added where missing; systems and dossiers only into a registry that has none yet.
 */
async function main(): Promise<void> {
  await withDatabase(async (db) => {
    await migrateDatabase(db);
    process.env.DATABASE_URL = db.app;
    process.env.JWT_SECRET ??= 'seed-only-secret-that-signs-nothing-0000';
    process.env.JOBS_ENABLED = 'false';
    const app = await createApp({ logs: false });
    try {
      const logins = await seedDemo(app.get(DataSource), loadConfig().DEMO_PASSWORD);
      const [{ n }]: { n: number }[] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM systems`);
      const activity = n === 0 ? await seedDemoActivity(app) : { systems: 0, dossiers: 0 };
      if (n === 0) await seedAfterApproval(app);
      if (n === 0) await seedDemoStates(app);
      console.log(`Đã nạp dữ liệu mẫu: ${logins.length} tài khoản, ${activity.systems} hệ thống, ${activity.dossiers} hồ sơ.`);
    } finally {
      await app.close();
    }
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
