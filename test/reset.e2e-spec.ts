import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { claimOwner } from '../src/database/instance-owner';
import { EMBEDDED_DATABASE, embeddedDatabaseUrls, localCluster, OWNER_FILE } from '../src/database/local-database';
import { LOCATION_FILE, movedDataDir, MOVED_ID_FILE } from '../src/database/pg-location';
import { freePort } from './support/test-cluster';

/**
 * Issue 23, point 2: "delete ./.data to start again" holds also when, as root, the data directory was moved to the
 * system temp directory because the `postgres` user cannot enter the project (here: DATA_DIR under a 0700
 * `mkdtemp` directory); and `npm run reset` deletes both, asking first, refusing while a capdo runs on DATA_DIR.
 */
jest.setTimeout(240_000);

const REPO_ROOT = path.resolve(__dirname, '..');
const asRoot = process.getuid?.() === 0;

function runReset(dataDir: string, args: string[], input?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['run', '--silent', 'reset', '--', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT to_regclass($1) AS t', [table])).rows[0].t !== null;
  } finally {
    await client.end();
  }
}

describe('a moved data directory and npm run reset (issue 23, point 2)', () => {
  let home: string;
  let dataDir: string;
  let moved: string;
  let pgPort: number;

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-reset-')); // 0700: the postgres user cannot enter it
    dataDir = path.join(home, 'data');
    moved = path.dirname(movedDataDir(path.join(dataDir, 'pg')));
    pgPort = await freePort();
  });

  afterAll(() => {
    fs.rmSync(moved, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  (asRoot ? it : it.skip)('deleting DATA_DIR starts again from an empty database, though the database had moved', async () => {
    const logs: string[] = [];
    const start = async () => {
      const cluster = localCluster(dataDir, pgPort, (m) => logs.push(m));
      await cluster.start();
      await cluster.createDatabase(EMBEDDED_DATABASE);
      return cluster;
    };
    let cluster = await start();
    expect(cluster.dataDirectory).toBe(path.join(moved, 'pg'));
    expect(fs.existsSync(path.join(dataDir, LOCATION_FILE))).toBe(true);
    expect(fs.existsSync(path.join(moved, MOVED_ID_FILE))).toBe(true);
    const admin = () => embeddedDatabaseUrls(cluster, dataDir).admin;
    const client = new Client({ connectionString: admin() });
    await client.connect();
    await client.query('CREATE TABLE left_from_before (id int)');
    await client.end();
    await cluster.stop();

    cluster = await start(); // DATA_DIR kept: the same database
    expect(await tableExists(admin(), 'left_from_before')).toBe(true);
    await cluster.stop();

    fs.rmSync(dataDir, { recursive: true });
    logs.length = 0;
    cluster = await start();
    try {
      expect(logs.join('\n')).toContain(`xoá cơ sở dữ liệu cũ còn ở ${moved}`);
      expect(await tableExists(admin(), 'left_from_before')).toBe(false);
    } finally {
      await cluster.stop();
    }
  });

  it('answered "n": deletes nothing', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'jwt-secret'), 'keep me');
    const { code, output } = await runReset(dataDir, [], 'n\n');
    expect(output).toContain('Không thể hoàn tác. Xoá? [y/N]');
    expect(output).toContain('Không xoá gì.');
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8')).toBe('keep me');
  });

  it('refuses while a capdo runs on DATA_DIR, touching nothing', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const owner = path.join(dataDir, OWNER_FILE);
    claimOwner(owner, { pgPort, address: 'http://127.0.0.1:1' }); // this live process, as a running capdo
    try {
      const { code, output } = await runReset(dataDir, ['--yes']);
      expect(output).toContain(`Không xoá: một capdo đang chạy trên ${dataDir} (pid ${process.pid}, đang phục vụ tại http://127.0.0.1:1)`);
      expect(code).toBe(1);
      expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).toBe(true);
    } finally {
      fs.rmSync(owner, { force: true });
    }
  });

  it('--yes: deletes DATA_DIR, the moved database and the copies of the binaries nothing runs', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const unusedCopy = path.join(os.tmpdir(), `capdo-pg-${os.platform()}-${os.arch()}-0.0.${process.pid}-reset-spec`);
    fs.mkdirSync(path.join(unusedCopy, 'bin'), { recursive: true });
    const { code, output } = await runReset(dataDir, ['--yes']);
    expect(code).toBe(0);
    expect(output).not.toContain('[y/N]');
    expect(output).toContain('Đã xoá:');
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.existsSync(moved)).toBe(false);
    expect(fs.existsSync(unusedCopy)).toBe(false);
  });
});
