import { migrateDatabase } from '../../src/database/database-roles';
import { withDatabase } from '../../src/database/local-database';
import { loadNationalDataset, NATIONAL_PASSWORD } from './load-national';

/**
 * Loads the national benchmark dataset into an empty database: DATABASE_URL, or else the embedded one.
 *   npx ts-node --swc seeds/national/run-national-seed.ts [--scale 1] [--seed 2026]
 * `npm run bench` does this itself, into its own cluster under .data/bench.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const scale = option('--scale', 1);
  const seed = option('--seed', 2026);
  await withDatabase(async (db) => {
    await migrateDatabase(db);
    // Bulk COPY and VACUUM as the administrator when there is one; the tables stay the application's.
    const report = await loadNationalDataset(db.admin ?? db.app, { scale, seed }, (m) => console.log(m));
    console.log(
      `Xong trong ${report.seconds.total.toFixed(0)} s; mật khẩu mọi tài khoản: ${NATIONAL_PASSWORD} (admin, lanhdao.<tỉnh>, thamdinh.<tỉnh>.<n>, canbo.<mã cơ quan>).`,
    );
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
