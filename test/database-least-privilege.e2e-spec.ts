import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { MIGRATIONS } from '../src/database/migrations';
import { EmbeddedPostgres } from '../src/database/embedded-postgres';
import { EmbeddedCredentials } from '../src/database/local-database';
import { freePort } from './support/test-cluster';

const run = promisify(execFile);

/**
 * Issue 16, point 7: `npm start` on the embedded PostgreSQL keeps a random superuser password in DATA_DIR (0600),
 * serves through a role that is not a superuser and cannot rewrite the audit log, and upgrades a data directory
 * made with the old `postgres/postgres` superuser on its next start. Everything below uses the real `src/main.ts`.
 */
jest.setTimeout(300_000);

const REPO_ROOT = path.resolve(__dirname, '..');
const INSUFFICIENT_PRIVILEGE = '42501';

interface Started {
  child: ChildProcess;
  port: number;
  pgPort: number;
  output: () => string;
}

async function startCapdo(dataDir: string, pgPort: number): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DEMO_PASSWORD: 'demo1234',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_ADMIN_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--swc', '--project', 'tsconfig.json', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('đã sẵn sàng')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`capdo exited with ${code}:\n${output}`));
    });
  });
  return { child, port, pgPort, output: () => output };
}

async function stopCapdo(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

function credentialsOf(dataDir: string): EmbeddedCredentials {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as EmbeddedCredentials;
}

async function connect(pgPort: number, user: string, password: string): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port: pgPort, user, password, database: 'capdo' });
  await client.connect();
  return client;
}

async function signInRefused(pgPort: number, user: string, password: string): Promise<string | undefined> {
  return connect(pgPort, user, password).then(
    async (client) => void (await client.end()),
    (error: { code?: string }) => error.code,
  );
}

/** What an attacker with the application's credentials (SQL injection, a stolen connection string) would try. */
const attacks = (appRole: string) => [
  'ALTER TABLE audit_log DISABLE TRIGGER ALL',
  `UPDATE audit_log SET action = 'LOGIN_OK'`,
  'DELETE FROM audit_log',
  'TRUNCATE audit_log',
  'DROP TABLE audit_log',
  `ALTER TABLE audit_log OWNER TO ${appRole}`,
  `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
  'SET session_replication_role = replica',
  `SELECT pg_read_file('/etc/passwd')`,
  `COPY (SELECT 1) TO PROGRAM 'id'`,
  `CREATE TEMP TABLE loot (line text); COPY loot FROM PROGRAM 'cat /etc/passwd'`,
  `COPY audit_log TO '/tmp/capdo-audit-copy'`,
  'CREATE ROLE intruder LOGIN SUPERUSER',
  `ALTER ROLE ${appRole} SUPERUSER`,
  `GRANT capdo_audit TO ${appRole}`,
  `GRANT pg_read_server_files TO ${appRole}`,
  'CREATE DATABASE intruder',
];

async function expectLeastPrivilege(dataDir: string, pgPort: number, httpPort: number): Promise<void> {
  const credentials = credentialsOf(dataDir);
  expect(fs.statSync(path.join(dataDir, 'pg-credentials.json')).mode & 0o777).toBe(0o600);
  expect(credentials.app.user).toBe('capdo_app');
  expect(credentials.superuser.password).not.toBe('postgres');
  // The old default no longer opens the superuser account; the generated password does.
  expect(await signInRefused(pgPort, 'postgres', 'postgres')).toBe('28P01');
  expect(await signInRefused(pgPort, 'postgres', credentials.superuser.password)).toBeUndefined();

  const app = await connect(pgPort, credentials.app.user, credentials.app.password);
  try {
    const [role] = (
      await app.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    const [owners] = (
      await app.query(
        `SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'systems') AS systems, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS audit,
                (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS database,
                (SELECT count(*)::int FROM pg_auth_members WHERE member = 'capdo_app'::regrole) AS memberships`,
      )
    ).rows;
    expect(owners).toEqual({ systems: 'capdo_app', audit: 'capdo_audit', database: 'postgres', memberships: 0 });

    const before = Number((await app.query(`SELECT count(*) AS n FROM audit_log`)).rows[0].n);
    // The application still works without a superuser: a sign-in is checked and audited.
    const login = await fetch(`http://127.0.0.1:${httpPort}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
    });
    expect({ status: login.status, body: login.status === 200 ? '' : await login.text() }).toEqual({ status: 200, body: '' });
    const after = Number((await app.query(`SELECT count(*) AS n FROM audit_log`)).rows[0].n);
    expect(after).toBeGreaterThan(before);

    await expectAttacksRefused(app, 'capdo_app');
  } finally {
    await app.end();
  }
}

async function expectAttacksRefused(app: Client, appRole: string): Promise<void> {
  const count = async () => Number((await app.query(`SELECT count(*) AS n FROM audit_log`)).rows[0].n);
  const before = await count();
  for (const sql of attacks(appRole)) {
    const failure = await app.query(sql).then(
      () => 'succeeded',
      (error: { code?: string }) => error.code,
    );
    expect({ sql, failure }).toEqual({ sql, failure: INSUFFICIENT_PRIVILEGE });
  }
  // It may still read and append.
  await app.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('TEST', 'test', '1')`);
  expect(await count()).toBe(before + 1);
  const [{ enabled }] = (
    await app.query(`SELECT bool_and(tgenabled = 'O') AS enabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass`)
  ).rows;
  expect(enabled).toBe(true);
}

describe('least privilege in the embedded database (npm start)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-least-privilege-'));
  // PostgreSQL runs as the `postgres` system user when the tests run as root: let it reach the data directories.
  fs.chmodSync(base, 0o755);
  let running: Started | undefined;

  afterEach(() => stopCapdo(running));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('on a fresh DATA_DIR: random passwords in a 0600 file, the app as capdo_app, the audit log out of its reach', async () => {
    const dataDir = path.join(base, 'fresh');
    running = await startCapdo(dataDir, await freePort());
    // The demo seeds, imported by main.ts only at this point, load into the empty database.
    expect(running.output()).toContain('Vừa nạp dữ liệu mẫu Sơn La');
    await expectLeastPrivilege(dataDir, running.pgPort, running.port);
  });

  it('upgrades a data directory made with the postgres/postgres superuser, keeping its data, and restarts cheaply', async () => {
    const dataDir = path.join(base, 'legacy');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    const pgPort = await freePort();
    // Before this change: the superuser with the password "postgres" ran the migrations and served the app.
    const legacy = new EmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort });
    await legacy.start();
    try {
      await legacy.createDatabase('capdo');
      // All migrations but the last: the upgrade start also applies one, as the application, around the sealed audit log.
      const dataSource = await new DataSource({
        ...dataSourceOptions(legacy.url('capdo'), 1),
        migrations: MIGRATIONS.slice(0, -1),
      }).initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.destroy();
      const client = new Client({ connectionString: legacy.url('capdo') });
      await client.connect();
      await client.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('BEFORE_UPGRADE', 'test', '1')`);
      await client.end();
    } finally {
      await legacy.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg-credentials.json'))).toBe(false);

    running = await startCapdo(dataDir, pgPort);
    expect(running.output()).toContain('Đã đổi mật khẩu mặc định');
    expect(running.output()).toContain(`Đã áp dụng migration: ${MIGRATIONS[MIGRATIONS.length - 1].name}`);
    await expectLeastPrivilege(dataDir, pgPort, running.port);
    const admin = await connect(pgPort, 'postgres', credentialsOf(dataDir).superuser.password);
    try {
      expect((await admin.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'BEFORE_UPGRADE'`)).rows[0].n).toBe(1);
    } finally {
      await admin.end();
    }

    // The next start changes nothing and keeps the same passwords.
    const credentials = credentialsOf(dataDir);
    await stopCapdo(running);
    running = await startCapdo(dataDir, pgPort);
    expect(running.output()).not.toContain('Đã đổi mật khẩu mặc định');
    expect(credentialsOf(dataDir)).toEqual(credentials);
    await expectLeastPrivilege(dataDir, pgPort, running.port);
  });

  it('sets a managed server up the same way with npm run db:harden (DATABASE_URL of the app, DATABASE_ADMIN_URL of an administrator)', async () => {
    const adminBase = new URL(process.env.CAPDO_TEST_CLUSTER_URL!);
    const database = `managed_${Date.now()}`;
    const root = new Client({ connectionString: adminBase.toString() });
    await root.connect();
    await root.query(`CREATE DATABASE ${database}`);
    await root.end();
    const adminUrl = new URL(adminBase.toString());
    adminUrl.pathname = `/${database}`;
    const appUrl = new URL(adminUrl.toString());
    appUrl.username = 'capdo_managed';
    appUrl.password = 'mat-khau-ung-dung-rieng';

    const harden = () =>
      run('npm', ['run', '--silent', 'db:harden'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: appUrl.toString(), DATABASE_ADMIN_URL: adminUrl.toString(), LOG_LEVEL: 'silent' },
      });
    expect((await harden()).stdout).toContain('Đã áp dụng migration: Foundation');
    // Idempotent: the next upgrade runs it again.
    expect((await harden()).stdout).toContain('Đã thiết lập quyền');

    const app = new Client({ connectionString: appUrl.toString() });
    await app.connect();
    try {
      const [owners] = (
        await app.query(
          `SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'systems') AS systems, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS audit, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
        )
      ).rows;
      expect(owners).toEqual({ systems: 'capdo_managed', audit: 'capdo_audit', superuser: false });
      await expectAttacksRefused(app, 'capdo_managed');
    } finally {
      await app.end();
    }
  });
});
