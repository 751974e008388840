import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

/** `npm run user:create`: the password comes from CAPDO_PASSWORD (or a prompt), never from an argument. */
describe('user:create command', () => {
  let t: TestApp;
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), '--swc', '--project', 'tsconfig.json', 'src/cli/user-create.ts', ...args],
      {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, DATABASE_URL: t.databaseUrl, ...env },
        encoding: 'utf8',
      },
    );

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('creates an administrator who can then sign in, audited', async () => {
    const result = run(['--username', 'nguyenvana', '--role', 'ADMIN', '--full-name', 'Nguyễn Văn A'], {
      CAPDO_PASSWORD: 'mat-khau-rat-dai-1',
    });
    expect(result.stdout).toContain('Đã tạo tài khoản nguyenvana (ADMIN).');
    expect(result.status).toBe(0);
    await t.login('nguyenvana', 'mat-khau-rat-dai-1');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'user' AND action = 'CREATE' AND after->>'username' = 'nguyenvana'`,
    );
    expect(n).toBe(1);
  });

  it('refuses a duplicate, a role without its agency and a weak password, writing nothing', async () => {
    expect(run(['--username', 'nguyenvana', '--role', 'ADMIN'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' }).stderr).toContain('đã tồn tại');
    expect(run(['--username', 'thamdinh2', '--role', 'APPRAISER'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' }).stderr).toContain('--agency');
    const weak = run(['--username', 'yeu', '--role', 'ADMIN'], { CAPDO_PASSWORD: 'ngan' });
    expect(weak.status).toBe(1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('thamdinh2', 'yeu')`);
    expect(n).toBe(0);
  });
});
