import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions, migrate } from '../src/database/data-source';
import { withDatabase } from '../src/database/local-database';
import { seedDemo } from './demo-seed';

/** `npm run seed:demo`: the Sơn La demo data into DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  await withDatabase(async (url) => {
    await migrate(url);
    const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
    try {
      const logins = await seedDemo(dataSource, loadConfig({ ...process.env, DATABASE_URL: url, JWT_SECRET: 'x'.repeat(32) }).DEMO_PASSWORD);
      console.log(`Đã nạp dữ liệu mẫu: ${logins.length} tài khoản (admin, lanhdao, thamdinh, canbo.<mã cơ quan>).`);
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
