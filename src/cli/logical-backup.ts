import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { MIGRATIONS } from '../database/migrations';

/**
 * A logical backup written by capdo itself, and its restore.
 *
 * Why not pg_dump: a pg_dump must be of the server's major version or newer, the embedded server is PostgreSQL 18,
 * the embedded package ships no pg_dump, and the only client tools reachable from Debian 12's repositories are
 * major 15 (README "Sao lưu"). So the backup is every table of the `public` schema read in one REPEATABLE READ,
 * READ ONLY snapshot, in foreign-key order, each value in PostgreSQL's own text form (what COPY writes), gzipped
 * JSON lines. The restore builds the schema with the migrations the backup was taken at and replays the rows in
 * one transaction. The pg-boss job schema is not included: queued e-mails are transient (the notifications
 * themselves are in the backup).
 *
 * Layout: a header line, then per table `{"table"}`, one JSON array per row, `{"end", "rows"}`, then a trailer
 * `{"complete": true, "rows": {...}}`. A file without its trailer (cut short) is refused.
 */
export const BACKUP_FORMAT = 'capdo-logical-backup';
const FORMAT_VERSION = 1;
const FETCH_ROWS = 1000;
const INSERT_BATCH_BYTES = 8 * 1024 * 1024;
/** The session settings under which values are written and read back as text. */
const TEXT_SETTINGS = [`SET DateStyle = 'ISO, YMD'`, `SET TimeZone = 'UTC'`, `SET IntervalStyle = 'postgres'`, `SET extra_float_digits = 3`, `SET bytea_output = 'hex'`];
const MIGRATIONS_TABLE = 'migrations';

interface Column {
  name: string;
  type: string;
}

interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Columns referencing the same table (agencies.parent_id): filled in after all rows are in. */
  selfReferences: string[];
}

interface Header {
  format: string;
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableInfo[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: Record<string, number>;
  migrations: string[];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The tables of the public schema in foreign-key order, with their stored (not generated) columns. */
async function describeTables(db: Client): Promise<TableInfo[]> {
  const { rows: tables } = await db.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`);
  const { rows: columns } = await db.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY c.relname, a.attnum`,
  );
  const { rows: keys } = await db.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisprimary GROUP BY c.relname`,
  );
  const { rows: references } = await db.query<{ table: string; referenced: string; columns: string[] }>(
    `SELECT c.relname AS table, r.relname AS referenced, array_agg(a.attname)::text[] AS columns
       FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(f.conkey) AS k(attnum) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE f.contype = 'f' AND n.nspname = 'public' GROUP BY f.oid, c.relname, r.relname`,
  );
  const info = new Map<string, TableInfo>(
    tables.map(({ name }) => [
      name,
      {
        name,
        columns: columns.filter((c) => c.table === name).map(({ name: column, type }) => ({ name: column, type })),
        primaryKey: keys.find((k) => k.table === name)?.columns ?? [],
        selfReferences: references.filter((r) => r.table === name && r.referenced === name).flatMap((r) => r.columns),
      },
    ]),
  );
  // Kahn's algorithm over the references between different tables.
  const dependsOn = new Map<string, Set<string>>(tables.map(({ name }) => [name, new Set(references.filter((r) => r.table === name && r.referenced !== name && info.has(r.referenced)).map((r) => r.referenced))]));
  for (const table of info.values()) {
    if (table.selfReferences.length && !table.primaryKey.length) throw new Error(`Bảng ${table.name} tự tham chiếu mà không có khóa chính.`);
  }
  const ordered: TableInfo[] = [];
  while (dependsOn.size) {
    const ready = [...dependsOn.entries()].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort();
    if (!ready.length) throw new Error(`Các bảng tham chiếu vòng nhau, không xác định được thứ tự: ${[...dependsOn.keys()].join(', ')}`);
    for (const name of ready) {
      ordered.push(info.get(name)!);
      dependsOn.delete(name);
      for (const deps of dependsOn.values()) deps.delete(name);
    }
  }
  return ordered;
}

/** Writes the whole database, as of one instant, to a gzipped file. */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const db = new Client({ connectionString: url, application_name: 'capdo-backup' });
  await db.connect();
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const setting of TEXT_SETTINGS) await db.query(setting);
    const tables = (await describeTables(db)).filter((t) => t.name !== MIGRATIONS_TABLE);
    const migrations = (await db.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY timestamp, id`).catch(() => ({ rows: [] as { name: string }[] }))).rows.map((r) => r.name);
    const [{ server_version }] = (await db.query<{ server_version: string }>('SHOW server_version')).rows;
    const header: Header = { format: BACKUP_FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), serverVersion: server_version, migrations, tables };
    await write(header);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      await write({ table: table.name });
      const values = table.columns.map((c) => `${quote(c.name)}::text`).join(', ');
      const order = (table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name)).map(quote).join(', ');
      await db.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ARRAY[${values}]::text[] AS row FROM ${quote(table.name)} ORDER BY ${order}`);
      let count = 0;
      for (;;) {
        const { rows } = await db.query<{ row: (string | null)[] }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const { row } of rows) await write(row);
        count += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await db.query('CLOSE backup_rows');
      counts[table.name] = count;
      await write({ end: table.name, rows: count });
    }
    await write({ complete: true, rows: counts });
    await db.query('COMMIT');
    gzip.end();
    await once(output, 'close');
    return { file, tables: tables.length, rows: counts, migrations };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    throw error;
  } finally {
    await db.end();
  }
}

/** Reads a backup file line by line; the caller gets the header, then the rows table by table. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line);
}

/**
 * Restores a backup into an empty database: the schema from the migrations the backup was taken at, then every
 * row in one transaction, checked against the counts of the backup's trailer. Refuses a database that holds data.
 */
export async function restoreDatabase(url: string, file: string, log: (message: string) => void = () => undefined): Promise<Record<string, number>> {
  const records = readBackup(file);
  const first = await records.next();
  const header = first.value as Header;
  if (first.done || header?.format !== BACKUP_FORMAT) throw new Error(`${file} không phải bản sao lưu của capdo.`);
  if (header.formatVersion > FORMAT_VERSION) throw new Error(`Bản sao lưu dạng ${header.formatVersion} mới hơn phiên bản capdo này; hãy khôi phục bằng phiên bản capdo mới hơn.`);
  const known = MIGRATIONS.map((m) => new m().name ?? m.name);
  const taken = header.migrations;
  if (taken.some((name, i) => known[i] !== name)) throw new Error(`Bản sao lưu có migration không có trong phiên bản này (${taken.join(', ')}); hãy khôi phục bằng đúng phiên bản capdo đã sao lưu.`);

  await refuseUnlessEmpty(url);
  const migrations = MIGRATIONS.slice(0, taken.length);
  const dataSource = await new DataSource({ ...dataSourceOptions(url, 1), migrations }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  log(`Đã tạo lược đồ theo ${migrations.length} migration của bản sao lưu.`);

  const db = new Client({ connectionString: url, application_name: 'capdo-restore' });
  await db.connect();
  try {
    await db.query('BEGIN');
    for (const setting of TEXT_SETTINGS) await db.query(setting);
    const present = new Map((await describeTables(db)).map((t) => [t.name, t]));
    // Triggers would write a second history (agency_versions) or refuse the rows; the backup already has them.
    for (const table of header.tables) {
      if (!present.has(table.name)) throw new Error(`Bảng ${table.name} của bản sao lưu không có trong lược đồ.`);
      await db.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
    }
    const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]));
    let trailer: { complete?: boolean; rows?: Record<string, number> } | undefined;
    let table: TableInfo | undefined;
    let batch: (string | null)[][] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      await insertRows(db, table, batch);
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
      batchBytes = 0;
    };
    for await (const record of records) {
      if (Array.isArray(record)) {
        if (!table) throw new Error('Bản sao lưu hỏng: có dòng dữ liệu ngoài bảng.');
        batch.push(record as (string | null)[]);
        batchBytes += (record as (string | null)[]).reduce((n, v) => n + (v?.length ?? 4), 0);
        if (batchBytes > INSERT_BATCH_BYTES) await flush();
        continue;
      }
      const marker = record as { table?: string; end?: string; rows?: number; complete?: boolean };
      if (marker.table) {
        table = header.tables.find((t) => t.name === marker.table);
        if (!table) throw new Error(`Bản sao lưu hỏng: bảng ${marker.table} không có trong phần đầu.`);
      } else if (marker.end) {
        await flush();
        if (table && table.selfReferences.length) await fillSelfReferences(db, table);
        if ((counts[marker.end] ?? 0) !== marker.rows) throw new Error(`Bảng ${marker.end}: đọc được ${counts[marker.end] ?? 0} dòng, bản sao lưu ghi ${marker.rows}.`);
        log(`  ${marker.end}: ${marker.rows} dòng`);
        table = undefined;
      } else if (marker.complete) trailer = record as { complete: boolean; rows: Record<string, number> };
    }
    if (!trailer?.complete) throw new Error('Bản sao lưu không đầy đủ (thiếu phần kết thúc): tệp bị cắt hoặc hỏng. Không khôi phục gì.');
    for (const [name, rows] of Object.entries(trailer.rows ?? {})) if ((counts[name] ?? 0) !== rows) throw new Error(`Bảng ${name}: thiếu dòng so với bản sao lưu.`);
    for (const table of header.tables) {
      await db.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
      await resetSequences(db, table.name);
    }
    await db.query('COMMIT');
    return counts;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** Rows go in as PostgreSQL text, cast back by each column's type; self references are filled in afterwards. */
async function insertRows(db: Client, table: TableInfo, rows: (string | null)[][]): Promise<void> {
  const columns = table.columns.map((c) => quote(c.name)).join(', ');
  const values = table.columns.map((c, i) => (table.selfReferences.includes(c.name) ? `NULL::${c.type}` : `(r->>${i})::${c.type}`)).join(', ');
  await db.query(`INSERT INTO ${quote(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) AS r`, [JSON.stringify(rows)]);
  if (table.selfReferences.length) {
    const key = table.primaryKey;
    const refs = table.columns.map((c, i) => ({ ...c, i })).filter((c) => table.selfReferences.includes(c.name) || key.includes(c.name));
    const staged = refs.map((c) => `(r->>${c.i})::${c.type} AS ${quote(c.name)}`).join(', ');
    await db.query(`CREATE TEMP TABLE IF NOT EXISTS ${quote(`restore_${table.name}`)} AS SELECT ${staged} FROM json_array_elements('[]'::json) AS r WITH NO DATA`);
    await db.query(`INSERT INTO ${quote(`restore_${table.name}`)} SELECT ${staged} FROM json_array_elements($1::json) AS r`, [JSON.stringify(rows)]);
  }
}

async function fillSelfReferences(db: Client, table: TableInfo): Promise<void> {
  const staged = quote(`restore_${table.name}`);
  const set = table.selfReferences.map((c) => `${quote(c)} = s.${quote(c)}`).join(', ');
  const match = table.primaryKey.map((c) => `t.${quote(c)} = s.${quote(c)}`).join(' AND ');
  await db.query(`UPDATE ${quote(table.name)} t SET ${set} FROM ${staged} s WHERE ${match}`);
  await db.query(`DROP TABLE ${staged}`);
}

/** Identity and serial columns continue after the restored rows. */
async function resetSequences(db: Client, table: string): Promise<void> {
  const { rows } = await db.query<{ column: string; sequence: string }>(
    `SELECT a.attname AS column, pg_get_serial_sequence(quote_ident($1), a.attname) AS sequence
       FROM pg_attribute a WHERE a.attrelid = quote_ident($1)::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(quote_ident($1), a.attname) IS NOT NULL`,
    [table],
  );
  for (const { column, sequence } of rows) {
    await db.query(`SELECT setval($1, coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 1), (SELECT count(*) > 0 FROM ${quote(table)}))`, [sequence]);
  }
}

/** A restore never writes over data: every table of the target must be empty (or absent). */
async function refuseUnlessEmpty(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const tables = (await describeTables(db)).filter((t) => t.name !== MIGRATIONS_TABLE);
    for (const table of tables) {
      const { rows } = await db.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`);
      if (rows.length) throw new Error(`Cơ sở dữ liệu đích đã có dữ liệu (bảng ${table.name}); khôi phục chỉ vào một cơ sở dữ liệu trống.`);
    }
  } finally {
    await db.end();
  }
}
