import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { migrateDatabase } from '../../src/database/database-roles';
import { seedDemo } from '../../seeds/demo-seed';
import { freePort, TEMPLATE_DATABASE, TEST_APP_ROLE, testCluster, testClusterDir } from './test-cluster';

export const TEST_DEMO_PASSWORD = 'demo1234';

/**
 * One PostgreSQL cluster per test run. Migrations and the demo data are applied once to a template
 * database; each e2e file then gets its own database copied from it (see test-app.ts). As in production, the
 * migrations and the applications run as the application's role, not the superuser, and the audit log is sealed.
 */
export default async function globalSetup(): Promise<void> {
  const dir = testClusterDir();
  const cluster = testCluster(dir, await freePort());
  await cluster.start();
  await cluster.createDatabase(TEMPLATE_DATABASE);
  const url = cluster.urlAs(TEST_APP_ROLE.user, TEST_APP_ROLE.password, TEMPLATE_DATABASE);
  await migrateDatabase({ admin: cluster.url(TEMPLATE_DATABASE), app: url });
  const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
  await seedDemo(dataSource, TEST_DEMO_PASSWORD);
  await dataSource.destroy();
  process.env.CAPDO_TEST_CLUSTER_URL = cluster.url('postgres');
  process.env.CAPDO_TEST_CLUSTER_DIR = dir;
  process.env.JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
  process.env.LOG_LEVEL = 'silent';
  (globalThis as { capdoTestCluster?: unknown }).capdoTestCluster = cluster;
}
