import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import request from 'supertest';
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

  /** A browser session (cookie) for the pages. */
  async function signIn(username: string, password: string): Promise<string> {
    const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');
    const form = await t.http().get('/dang-nhap').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await t
      .http()
      .post('/dang-nhap')
      .set('cookie', jar(cookiesOf(form)))
      .type('form')
      .send({ username, password, _csrf: csrf })
      .expect(303);
    return jar(cookiesOf(res));
  }

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

  it("creates the head of an agency (AGENCY_HEAD), who signs in with its agency and is listed on the administrators' page", async () => {
    const result = run(['--username', 'giamdoc.sl-so-xd', '--role', 'agency_head', '--agency', 'sl-so-xd', '--full-name', 'Trần Văn B'], {
      CAPDO_PASSWORD: 'mat-khau-rat-dai-2',
    });
    expect(result.stdout).toContain('Đã tạo tài khoản giamdoc.sl-so-xd (AGENCY_HEAD).');
    expect(result.status).toBe(0);
    const token = await t.login('giamdoc.sl-so-xd', 'mat-khau-rat-dai-2');
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    const [{ id: agencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    expect(me.body).toMatchObject({ role: 'AGENCY_HEAD', agencyId, provinceCode: 'SL' });

    const page = await t
      .http()
      .get('/quan-tri/nguoi-dung')
      .set('cookie', await signIn('admin', 'demo1234'))
      .expect(200);
    expect(page.text).toMatch(
      /<td><a href="\/quan-tri\/nguoi-dung\/[0-9a-f-]{36}">giamdoc\.sl-so-xd<\/a><\/td><td>Trần Văn B<\/td><td>Lãnh đạo cơ quan, đơn vị<\/td>/,
    );
    // The roles the page's form offers (the same `--role` takes), each with its Vietnamese name.
    expect(page.text).toContain('<option value="AGENCY_HEAD">Lãnh đạo cơ quan, đơn vị</option>');
  });

  it('names every role with its label in the usage, and refuses an AGENCY_HEAD without its agency', async () => {
    const usage = run(['--help'], {});
    expect(usage.stderr).toContain('AGENCY_HEAD (Lãnh đạo cơ quan, đơn vị)');
    const headless = run(['--username', 'giamdoc2', '--role', 'AGENCY_HEAD'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' });
    expect(headless.status).toBe(1);
    expect(headless.stderr).toContain('--agency');
    expect(
      run(['--username', 'giamdoc3', '--role', 'CHU_QUAN', '--agency', 'SL-SO-XD'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' }).stderr,
    ).toContain('Vai trò phải là một trong: ADMIN, LEADER, APPRAISER, AGENCY_OFFICER, AGENCY_HEAD.');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('giamdoc2', 'giamdoc3')`);
    expect(n).toBe(0);
  });

  it('refuses a duplicate, a role without its agency and a weak password, writing nothing', async () => {
    expect(run(['--username', 'nguyenvana', '--role', 'ADMIN'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' }).stderr).toContain('đã tồn tại');
    expect(run(['--username', 'thamdinh2', '--role', 'APPRAISER'], { CAPDO_PASSWORD: 'mat-khau-rat-dai-1' }).stderr).toContain('--agency');
    const weak = run(['--username', 'yeu', '--role', 'ADMIN'], { CAPDO_PASSWORD: 'ngan' });
    expect(weak.status).toBe(1);
    // Long enough and varied, but common (issue 22: the strength estimate, not only a length).
    const common = run(['--username', 'yeu', '--role', 'ADMIN'], { CAPDO_PASSWORD: 'Matkhau2024!' });
    expect(common.status).toBe(1);
    expect(common.stderr).toContain('Mật khẩu quá dễ đoán.');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('thamdinh2', 'yeu')`);
    expect(n).toBe(0);
  });
});
