import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../../seeds/demo-seed';
import { dataSourceOptions, migrate } from '../../../src/database/data-source';
import { EmbeddedPostgres } from '../../../src/database/embedded-postgres';
import { freePort, testClusterDir } from '../../support/test-cluster';
import { sleep } from './server-process';

export const RELIABILITY_DATABASE = 'capdo_reliability';

/**
 * A PostgreSQL cluster of the reliability test's own (not the shared e2e one), because the test kills its
 * postmaster. Durability is left at PostgreSQL's defaults (fsync, synchronous_commit on): a commit that was
 * acknowledged must survive the crash, which is the point of the test.
 */
export class OwnCluster {
  readonly cluster: EmbeddedPostgres;
  readonly dir: string;
  postmasterKills = 0;

  private constructor(dir: string, port: number) {
    this.dir = dir;
    this.cluster = new EmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, settings: { max_connections: '100' } });
  }

  static async create(): Promise<OwnCluster> {
    const own = new OwnCluster(`${testClusterDir()}-rel`, await freePort());
    await own.cluster.start();
    return own;
  }

  url(database = RELIABILITY_DATABASE): string {
    return this.cluster.url(database);
  }

  /** A database with the migrations and the Sơn La bodies, accounts and routing rules (no activity). */
  async createSeededDatabase(name = RELIABILITY_DATABASE, password = 'demo1234'): Promise<string> {
    await this.cluster.createDatabase(name);
    const url = this.url(name);
    await migrate(url);
    const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
    try {
      await seedDemo(dataSource, password);
    } finally {
      await dataSource.destroy();
    }
    return url;
  }

  postmasterPid(): number | undefined {
    const file = path.join(this.cluster.dataDirectory, 'postmaster.pid');
    if (!fs.existsSync(file)) return undefined;
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  }

  /** `kill -9` of the postmaster: its backends notice and exit; shared memory and the pid file stay behind. */
  async killPostmaster(): Promise<void> {
    const pid = this.postmasterPid();
    if (!pid) throw new Error('no postmaster to kill');
    process.kill(pid, 'SIGKILL');
    this.postmasterKills++;
    // Wait until the process is gone (or a zombie, whose cmdline is empty).
    for (let i = 0; i < 100 && isRunning(pid); i++) await sleep(50);
  }

  /** Starts again after a crash: crash recovery replays the WAL. Retries while the old backends still hold shared memory. */
  async restart(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.cluster.start();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
  }

  async destroy(): Promise<void> {
    await this.cluster.stop().catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').length > 0;
  } catch {
    return false;
  }
}
