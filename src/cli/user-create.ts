import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { dataSourceOptions } from '../database/data-source';
import { migrateDatabase } from '../database/database-roles';
import { withDatabase } from '../database/local-database';
import { ROLE_LABELS, ROLES, Role } from '../users/role';
import { UsersService } from '../users/users.service';

const USAGE = `Tạo tài khoản:
  npm run user:create -- --username <tên> --role <${ROLES.join('|')}> [--agency <mã cơ quan>] [--full-name "<họ tên>"]
Vai trò: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}.
Mật khẩu lấy từ biến môi trường CAPDO_PASSWORD, nếu không có thì hỏi (không hiện khi gõ); không bao giờ nhận qua tham số.`;

async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({ write: (chunk, _enc, done) => (muted ? done() : process.stdout.write(chunk, done)) });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      'full-name': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.username || !values.role) throw new Error(USAGE);
  const username = values.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username))
    throw new Error('Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  const role = values.role.toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new Error(`Vai trò phải là một trong: ${ROLES.join(', ')}.`);
  if (role !== 'ADMIN' && !values.agency) throw new Error('Vai trò này cần --agency <mã cơ quan>.');
  const password = process.env.CAPDO_PASSWORD ?? (await promptHidden('Mật khẩu: '));
  const weak = passwordProblem(password, { username, fullName: values['full-name'] });
  if (weak) throw new Error(weak);
  const hash = await hashPassword(password);

  await withDatabase(async (db) => {
    await migrateDatabase(db);
    const dataSource = await new DataSource(dataSourceOptions(db.app, 1)).initialize();
    try {
      // The account and its audit row commit together, through the owners of `users` and `audit_log`.
      await dataSource.transaction(async (em) => {
        const agency: { id: string }[] | undefined = values.agency
          ? await em.query(`SELECT id FROM agencies WHERE code = $1`, [values.agency.toUpperCase()])
          : undefined;
        if (agency && agency.length === 0) throw new Error(`Không có cơ quan mã ${values.agency}.`);
        const id = await new UsersService(dataSource).create(em, {
          username,
          passwordHash: hash,
          fullName: values['full-name'] ?? username,
          role,
          agencyId: agency?.[0]?.id ?? null,
        });
        if (!id) throw new Error(`Tên đăng nhập ${username} đã tồn tại.`);
        await new AuditService().record(em, {
          action: 'CREATE',
          entityType: 'user',
          entityId: id,
          after: { username, role, agency: values.agency ?? null, via: 'user:create' },
        });
      });
      console.log(`Đã tạo tài khoản ${username} (${role}).`);
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
