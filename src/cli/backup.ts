import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { withDatabase } from '../database/local-database';
import { backupDatabase } from './pg-backup';

const USAGE = `Sao lưu toàn bộ cơ sở dữ liệu (một thời điểm nhất quán) bằng pg_dump, định dạng custom:
  npm run backup -- [--out <tệp>]
Mặc định: .data/backups/capdo-<ngày giờ>.dump (thư mục DATA_DIR). Dùng DATABASE_URL, hoặc PostgreSQL nhúng (kể cả khi npm start đang chạy).
Cần pg_dump cùng phiên bản chính với máy chủ hoặc mới hơn (Debian 12: apt-get install -y postgresql-client-15); PG_BIN_DIR chỉ thư mục khác.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = path.resolve(values.out ?? path.join(process.env.DATA_DIR || '.data', 'backups', `capdo-${stamp}.dump`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const summary = await withDatabase((db) => backupDatabase(db.admin ?? db.app, file));
  console.log(
    `Đã sao lưu ${summary.tables} bảng (PostgreSQL ${summary.serverVersion}, pg_dump ${summary.tool.version}) vào ${file}, ` +
      `${(summary.bytes / 1024 / 1024).toFixed(1)} MiB, sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
}

main().catch((error: Error) => {
  console.error(`Sao lưu thất bại: ${error.message}`);
  process.exit(1);
});
