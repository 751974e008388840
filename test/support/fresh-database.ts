import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { grantDatabaseToApp } from '../../src/database/database-roles';
import { TEMPLATE_DATABASE, TEST_APP_ROLE } from './test-cluster';

export interface FreshDatabase {
  name: string;
  /** The database as the superuser. */
  admin: string;
  /** The database as the application's role (what a server is given as DATABASE_URL). */
  app: string;
}

/**
 * A database of its own copied from the e2e template (migrations and Sơn La demo data applied), for a spec that runs
 * servers as child processes or builds its application itself; createTestApp (test-app.ts) starts from one too.
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const base = process.env.CAPDO_TEST_CLUSTER_URL;
  if (!base) throw new Error('The e2e global setup did not run (CAPDO_TEST_CLUSTER_URL missing).');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await grantDatabaseToApp(admin, name, TEST_APP_ROLE.user);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const adminUrl = url.toString();
  url.username = encodeURIComponent(TEST_APP_ROLE.user);
  url.password = encodeURIComponent(TEST_APP_ROLE.password);
  return { name, admin: adminUrl, app: url.toString() };
}
