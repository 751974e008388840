import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { withDatabase } from '../database/local-database';
import { restoreDatabase } from './pg-backup';

const USAGE = `Khôi phục một bản sao lưu của capdo (tệp .dump của npm run backup) vào một cơ sở dữ liệu trống bằng pg_restore:
  npm run restore -- --file <tệp .dump> [--database <tên>]
Không có --database: khôi phục vào cơ sở dữ liệu của DATABASE_URL (hoặc "capdo" của PostgreSQL nhúng), phải đang trống.
Có --database: tạo cơ sở dữ liệu đó trên cùng máy chủ (nếu chưa có) rồi khôi phục vào đó. Không bao giờ ghi đè dữ liệu.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, database: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.file) throw new Error(USAGE);
  if (!fs.existsSync(values.file)) throw new Error(`Không có tệp ${values.file}.`);
  if (values.database && !/^[a-z_][a-z0-9_]{0,62}$/.test(values.database))
    throw new Error('Tên cơ sở dữ liệu gồm chữ thường không dấu, số và dấu gạch dưới.');
  const started = Date.now();
  // As the administrator when there is one: what it restores, the application adopts at its next start.
  const summary = await withDatabase(async (db) => {
    const url = db.admin ?? db.app;
    const target = values.database ? await createDatabase(url, values.database) : url;
    return restoreDatabase(target, values.file!);
  });
  console.log(
    `Đã khôi phục ${summary.tables} bảng (pg_restore ${summary.tool.version}) sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
}

/** The same server, another database: created when missing (a restore into it still requires it to be empty). */
async function createDatabase(url: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

main().catch((error: Error) => {
  console.error(`Khôi phục thất bại: ${error.message}`);
  process.exit(1);
});
