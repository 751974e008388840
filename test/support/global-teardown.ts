import * as fs from 'node:fs';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { capdoTestCluster?: EmbeddedPostgres }).capdoTestCluster;
  await cluster?.stop();
  const dir = process.env.CAPDO_TEST_CLUSTER_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
