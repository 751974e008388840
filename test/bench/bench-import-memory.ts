import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NATIONAL_PASSWORD } from '../../seeds/national/load-national';
import { seedDemo } from '../../seeds/demo-seed';
import { dataSourceOptions, migrate } from '../../src/database/data-source';
import { freePort } from '../support/test-cluster';
import { benchCluster } from './bench-database';
import { signIn } from './bench-fixtures';
import { describeImportMemory, measureImportMemory } from './bench-import';
import { compileApp, RunningServer, startServer } from './bench-server';
import type { BenchOptions } from './bench-options';

/**
 * The benchmark measures how fast files are built, four at once from one administrator: the per-user and per-instance
 * limits on them (src/common/http/request-limits.ts, which would answer most of those 429) are lifted for it.
 */
export const UNLIMITED_FILES = { FILE_REQUESTS_PER_USER: '50', FILE_REQUESTS_AT_ONCE: '100', FILE_REQUESTS_PER_MINUTE: '0' };

export async function provinceAgencies(url: string, province: string): Promise<{ code: string; name: string }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT code, name FROM agencies WHERE province_code = $1 AND status = 'ACTIVE' ORDER BY code`, [province]))
      .rows;
  } finally {
    await client.end();
  }
}

/**
 * `--import-memory-only`: the peak RSS of a large import and of the hostile workbook of issue 16, on a fresh database
 * with the Sơn La demo data (no national dataset to load), printed rather than written to BENCHMARKS.md.
 */
export async function importMemoryOnly(
  options: Pick<BenchOptions, 'dataDir' | 'importMemoryRows'>,
  log: (message: string) => void,
): Promise<void> {
  const distDir = path.join(options.dataDir, 'dist');
  log('Biên dịch ứng dụng (SWC)…');
  compileApp(distDir);
  const cluster = benchCluster(options.dataDir, await freePort(), log);
  await cluster.start();
  let server: RunningServer | undefined;
  try {
    const name = 'capdo_bench_import_memory';
    const admin = new Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
    await cluster.createDatabase(name);
    const url = cluster.url(name);
    await migrate(url);
    const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
    await seedDemo(dataSource, NATIONAL_PASSWORD).finally(() => dataSource.destroy());
    server = await startServer(distDir, url, await freePort(), UNLIMITED_FILES);
    const token = await signIn(server.url, 'admin');
    const measured = await measureImportMemory(server.url, server.pid, token, await provinceAgencies(url, 'SL'), options.importMemoryRows);
    log(`Bộ nhớ khi nhập: ${describeImportMemory(measured)}`);
    console.log(JSON.stringify(measured));
  } finally {
    await server?.stop();
    await cluster.stop();
  }
}
