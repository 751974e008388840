import { Client } from 'pg';

/** Advisory lock keys ("capdo" in ASCII, then a number): the migrations' and the application's start. */
export const MIGRATION_LOCK = 0x636170646f01;
export const APP_START_LOCK = 0x636170646f02;

/**
 * Runs `start` while holding a session advisory lock on the database of `url`, so that instances starting at once on one
 * database (behind a load balancer, or a cluster's workers) do their start-up writes one at a time: role grants,
 * migrations, the job queue's schema and schedules. Concurrently they deadlock ("deadlock detected", the process
 * exits). The lock goes with the connection, also when the process dies.
 */
export async function withStartupLock<T>(url: string, key: number, start: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'capdo-startup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await start();
  } finally {
    await client.end();
  }
}
