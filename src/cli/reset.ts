import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isLiveOwner, readOwner } from '../database/instance-owner';
import { clusterToRemove, OWNER_FILE } from '../database/local-database';
import { movedDataDir } from '../database/pg-location';

const USAGE = `Xoá toàn bộ dữ liệu của PostgreSQL nhúng để bắt đầu lại từ cơ sở dữ liệu trống:
  npm run reset            hỏi trước khi xoá (y/N)
  npm run reset -- --yes   xoá không hỏi
Xoá thư mục DATA_DIR (mặc định .data), thư mục dữ liệu đã chuyển vào thư mục tạm (khi người dùng postgres không vào
được thư mục dự án) và các bản sao PostgreSQL trong thư mục tạm không còn tiến trình nào dùng.
Từ chối khi một capdo đang chạy trên DATA_DIR đó (dừng nó trước). Không đụng tới cơ sở dữ liệu của DATABASE_URL.`;

/** `npm run reset`: what "delete ./.data to start again" means, also when the database was moved out of ./.data. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = path.resolve(process.env.DATA_DIR || '.data');
  const owner = readOwner(path.join(dataDir, OWNER_FILE));
  if (owner && isLiveOwner(owner)) {
    const where = owner.address ? `, đang phục vụ tại ${owner.address}` : '';
    console.error(
      `Không xoá: một capdo đang chạy trên ${dataDir} (pid ${owner.pid}${where}). Dừng nó (Ctrl+C hoặc kill ${owner.pid}) rồi chạy lại.`,
    );
    return 1;
  }
  if (process.env.DATABASE_URL) console.log('DATABASE_URL đang đặt: lệnh này chỉ xoá dữ liệu nhúng, không đụng tới cơ sở dữ liệu đó.');
  const moved = path.dirname(movedDataDir(path.join(dataDir, 'pg')));
  const targets = [dataDir, moved].filter((dir) => fs.existsSync(dir));
  if (targets.length && !values.yes) {
    const question = [
      'Sẽ xoá vĩnh viễn toàn bộ dữ liệu capdo (cơ sở dữ liệu, khoá ký phiên, mật khẩu PostgreSQL):',
      ...targets.map((dir) => `  ${dir}`),
      'Không thể hoàn tác. Xoá? [y/N] ',
    ].join('\n');
    if (!isYes(await ask(question))) {
      console.log('Không xoá gì.');
      return 0;
    }
  }
  const removed = await clusterToRemove(dataDir, (m) => console.log(m)).removeOutsideData();
  for (const dir of [dataDir, moved]) fs.rmSync(dir, { recursive: true, force: true });
  const all = [...new Set([...targets, ...removed])];
  console.log(all.length ? `Đã xoá:\n${all.map((dir) => `  ${dir}`).join('\n')}` : 'Không có dữ liệu nào để xoá.');
  console.log('Lần npm start tiếp theo bắt đầu từ cơ sở dữ liệu trống và nạp lại dữ liệu mẫu Sơn La.');
  return 0;
}

/** Only an explicit yes ("y", "yes", "c", "có") deletes; anything else, or no answer at all, keeps the data. */
export function isYes(answer: string | undefined): boolean {
  return ['y', 'yes', 'c', 'có', 'co'].includes((answer ?? '').trim().toLowerCase());
}

function ask(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    let answered = false;
    rl.question(question, (answer) => ((answered = true), rl.close(), resolve(answer)));
    rl.once('close', () => answered || (process.stdout.write('\n'), resolve(undefined)));
  });
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`Xoá dữ liệu thất bại: ${error.message}`);
      process.exit(1);
    },
  );
}
