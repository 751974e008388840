import * as path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../src/database/data-source';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { loadNationalDataset, LoadReport } from '../../seeds/national/load-national';
import { NationalOptions } from '../../seeds/national/national-model';

/** The benchmark's PostgreSQL: the embedded binaries, data kept under .data/bench so that a dataset is loaded once. */
export const BENCH_DATABASE = 'capdo_bench';

/**
 * Server settings: PostgreSQL's defaults (as `npm start` runs it: shared_buffers 128 MB, fsync on) except a larger
 * WAL between checkpoints, so that loading a few GB does not checkpoint every few seconds.
 */
export function benchCluster(dataDir: string, port: number, log: (m: string) => void): EmbeddedPostgres {
  return new EmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port,
    settings: { max_wal_size: "'4GB'", checkpoint_timeout: "'15min'", max_connections: '100' },
    log,
  });
}

export function templateName(options: NationalOptions): string {
  return `national_s${String(options.scale).replace('.', '_')}_seed${options.seed}`;
}

async function admin<T>(cluster: EmbeddedPostgres, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The national dataset as a template database, loaded once per scale and seed (its load report is kept as the
 * database's comment, written only when the load finished); `fresh` drops and reloads it.
 */
export async function ensureDataset(
  cluster: EmbeddedPostgres,
  options: NationalOptions,
  fresh: boolean,
  log: (m: string) => void,
): Promise<LoadReport> {
  const name = templateName(options);
  const existing = await admin(cluster, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    return rows[0] as { comment: string | null } | undefined;
  });
  if (existing?.comment && !fresh) {
    log(`Dùng lại bộ dữ liệu đã nạp: ${name}.`);
    return { ...(JSON.parse(existing.comment) as LoadReport), reused: true };
  }
  await admin(cluster, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name} ENCODING 'UTF8'`);
  });
  const url = cluster.url(name);
  await migrate(url);
  log(`Nạp bộ dữ liệu quốc gia vào ${name} (quy mô ${options.scale}, seed ${options.seed})…`);
  const report = await loadNationalDataset(url, options, log);
  await admin(cluster, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${JSON.stringify(report).replace(/'/g, "''")}'`));
  return report;
}

/** A fresh copy of the dataset for one run (transitions and the import write to it), with pending migrations applied. */
export async function cloneForRun(
  cluster: EmbeddedPostgres,
  options: NationalOptions,
): Promise<{ url: string; cloneSeconds: number; migrations: string[]; migrationSeconds: number }> {
  const started = Date.now();
  await admin(cluster, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DATABASE} TEMPLATE ${templateName(options)} STRATEGY FILE_COPY`);
  });
  const cloneSeconds = (Date.now() - started) / 1000;
  const url = cluster.url(BENCH_DATABASE);
  const migrationStarted = Date.now();
  const migrations = await migrate(url);
  const migrationSeconds = (Date.now() - migrationStarted) / 1000;
  if (migrations.length) {
    // New indexes need statistics before they are measured, as after any deployment's ANALYZE.
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('ANALYZE').finally(() => client.end());
  }
  return { url, cloneSeconds, migrations, migrationSeconds };
}
