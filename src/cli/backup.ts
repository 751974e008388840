import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { withDatabase } from '../database/local-database';
import { backupDatabase } from './logical-backup';

const USAGE = `Sao lưu toàn bộ dữ liệu (một thời điểm nhất quán) ra một tệp .jsonl.gz:
  npm run backup -- [--out <tệp>]
Mặc định: .data/backups/capdo-<ngày giờ>.jsonl.gz (thư mục DATA_DIR). Dùng DATABASE_URL, hoặc PostgreSQL nhúng (kể cả khi npm start đang chạy).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = path.resolve(values.out ?? path.join(process.env.DATA_DIR || '.data', 'backups', `capdo-${stamp}.jsonl.gz`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const summary = await withDatabase((url) => backupDatabase(url, file));
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(`Đã sao lưu ${summary.tables} bảng, ${rows} dòng (${summary.migrations.length} migration) vào ${file} sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
}

main().catch((error: Error) => {
  console.error(`Sao lưu thất bại: ${error.message}`);
  process.exit(1);
});
