import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort, TEST_APP_ROLE, testClusterDir } from './test-cluster';

/**
 * A hot standby of the e2e test cluster, made the way pg_basebackup makes one, with what the embedded binaries have
 * (initdb, pg_ctl, postgres, no pg_basebackup): a physical replication slot (so that the primary keeps the WAL from
 * before the backup), the low-level backup API (`pg_backup_start` / `pg_backup_stop`, PostgreSQL 15) around a file
 * copy of the data directory, the `backup_label` pg_backup_stop returns, `standby.signal` and `primary_conninfo`.
 * The test cluster's pg_hba (initdb's) already lets the superuser make replication connections from 127.0.0.1, and
 * wal_level is PostgreSQL's default `replica`. The copy leaves out what pg_basebackup leaves out (the WAL, which the
 * standby streams through the slot, the postmaster's files, temporary and runtime state).
 */
export interface Replica {
  port: number;
  /** A database on the replica as the application's role. */
  appUrl(database: string): string;
  /** One statement as the superuser on the replica. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Resolves once the replica has replayed everything the primary had written when it was called: its insert position,
   * not its write position, which an asynchronous commit (the test cluster's synchronous_commit=off) leaves behind.
   */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Directories whose contents a base backup leaves out (the directories themselves are kept). */
const EMPTY_DIRS = ['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans'];
/** Files a base backup leaves out. */
const SKIPPED_FILES = ['postmaster.pid', 'postmaster.opts', 'server.log', 'backup_label', 'tablespace_map', 'pg_internal.init'];

export async function startReplica(settings: Record<string, string>): Promise<Replica> {
  const primaryUrl = process.env.CAPDO_TEST_CLUSTER_URL;
  if (!primaryUrl) throw new Error('The e2e global setup did not run (CAPDO_TEST_CLUSTER_URL missing).');
  const superuser = new URL(primaryUrl);
  const slot = `capdo_replica_${process.pid}_${Date.now()}`;
  const dir = testClusterDir();
  const dataDir = path.join(dir, 'pg');
  const primary = new Client({ connectionString: primaryUrl, application_name: 'capdo-test-basebackup' });
  await primary.connect();
  try {
    const [{ data_directory: source }] = (await primary.query<{ data_directory: string }>(`SHOW data_directory`)).rows;
    await primary.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    await primary.query(`SELECT pg_backup_start('capdo-test-replica', true)`);
    copyDataDirectory(source, dataDir);
    const [stop] = (
      await primary.query<{ labelfile: string; spcmapfile: string }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)
    ).rows;
    const owner = fs.statSync(source);
    const write = (file: string, text: string, flag = 'w') => {
      fs.writeFileSync(path.join(dataDir, file), text, { flag, mode: 0o600 });
      fs.chownSync(path.join(dataDir, file), owner.uid, owner.gid);
    };
    write('backup_label', stop.labelfile);
    if (stop.spcmapfile) write('tablespace_map', stop.spcmapfile);
    write('standby.signal', '');
    const conninfo = `host=127.0.0.1 port=${superuser.port} user=${decodeURIComponent(superuser.username)} password=${decodeURIComponent(superuser.password)} application_name=capdo_test_replica`;
    write('postgresql.auto.conf', `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\n`, 'a');
  } catch (error) {
    await primary
      .query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot])
      .catch(() => undefined);
    await primary.end();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    dataDir,
    port,
    user: decodeURIComponent(superuser.username),
    password: decodeURIComponent(superuser.password),
    settings,
  });
  await cluster.start();
  const query = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    const client = new Client({ connectionString: cluster.url('postgres') });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  return {
    port,
    appUrl: (database) => cluster.urlAs(TEST_APP_ROLE.user, TEST_APP_ROLE.password, database),
    query,
    async caughtUp(timeoutMs = 30_000) {
      // A synchronous commit flushes the WAL before it (an open transaction's too), which the primary then sends.
      await primary.query(`SET synchronous_commit = on; BEGIN; SELECT pg_current_xact_id(); COMMIT`);
      const [{ lsn }] = (await primary.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)).rows;
      for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const [{ done }] = await query<{ done: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn]);
        if (done) return;
      }
      throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      await primary.query(`SELECT pg_drop_replication_slot($1)`, [slot]).catch(() => undefined);
      await primary.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies a running data directory (files may come and go meanwhile), with the owner and modes of the original. */
function copyDataDirectory(source: string, target: string): void {
  const owner = fs.statSync(source);
  const copy = (from: string, to: string, keepContents: boolean) => {
    fs.mkdirSync(to, { mode: fs.statSync(from).mode & 0o777 });
    fs.chownSync(to, owner.uid, owner.gid);
    if (!keepContents) return;
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
      try {
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('pgsql_tmp')) copy(src, dst, !EMPTY_DIRS.includes(path.relative(source, src)));
        } else if (entry.isFile() && !SKIPPED_FILES.includes(entry.name)) {
          fs.copyFileSync(src, dst);
          fs.chownSync(dst, owner.uid, owner.gid);
        }
      } catch (error) {
        // A file removed by the server while copying is one a backup need not hold (WAL replay recreates what matters).
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  copy(source, target, true);
  // pg_wal/archive_status is expected by the server.
  fs.mkdirSync(path.join(target, 'pg_wal', 'archive_status'));
  fs.chownSync(path.join(target, 'pg_wal', 'archive_status'), owner.uid, owner.gid);
}
