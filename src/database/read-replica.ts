import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';

/**
 * The replica's lag, in seconds, as the replica itself sees it: 0 when it is streaming from the primary and has replayed
 * everything it received; otherwise the age of the last transaction it replayed (the time since that transaction
 * committed on the primary), which is an upper bound while the primary keeps writing. Unknown (nothing replayed yet
 * and WAL waiting) is NULL: too far behind. A server that is not in recovery (DATABASE_REPLICA_URL names a primary) is
 * never behind itself. `pg_stat_wal_receiver` shows its row to any role, its details only to pg_read_all_stats.
 */
const LAG_SQL = `
  SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0
              WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
              ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS lag`;

/** A replica that does not answer this fast is treated as down. */
const ANSWER_WITHIN_MS = 2000;
/** After a failure, reports read the primary for this long before the replica is tried again. */
const RETRY_AFTER_MS = 5000;

type ReplicaState = 'unknown' | 'serving' | 'lagging' | 'down';

/**
 * Where the reports' read-only queries go (issue 25, point 6): DATABASE_REPLICA_URL, a hot standby of the primary,
 * when it is set, answers, and is at most REPORT_REPLICA_MAX_LAG_SECONDS behind; otherwise the primary (DATABASE_URL).
 * The lag is measured before each report (one query, shared by reports asked for meanwhile), so a report read from
 * the replica misses at most the changes of the last REPORT_REPLICA_MAX_LAG_SECONDS. A change of state (lagging,
 * down, serving again) is logged once. Nothing is ever written through the replica: writes, and reads that decide a
 * write, use the primary. docs/benchmarks/replicas.md says what lag does to the reports.
 */
@Injectable()
export class ReportReadSource implements OnModuleDestroy {
  private readonly logger = new Logger('ReportReadSource');
  private replica?: Promise<DataSource>;
  private checking?: Promise<DataSource>;
  private state: ReplicaState = 'unknown';
  private retryAt = 0;

  constructor(
    readonly primary: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The data source the next report reads: the replica, or the primary when there is none or it cannot be used now. */
  forReports(): Promise<DataSource> {
    if (!this.config.DATABASE_REPLICA_URL || Date.now() < this.retryAt) return Promise.resolve(this.primary);
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** A report query failed on the replica (it went away, or a recovery conflict cancelled it): read the primary for a while. */
  failed(error: unknown): void {
    this.retryAt = Date.now() + RETRY_AFTER_MS;
    this.switchTo('down', `không trả lời (${messageOf(error)}); thử lại sau ${RETRY_AFTER_MS / 1000} giây`);
  }

  async onModuleDestroy(): Promise<void> {
    const replica = await this.replica?.catch(() => undefined);
    this.replica = undefined;
    if (replica?.isInitialized) await replica.destroy();
  }

  private async check(): Promise<DataSource> {
    try {
      const replica = await within(this.connect(), ANSWER_WITHIN_MS);
      const [{ lag }]: { lag: number | null }[] = await within(replica.query(LAG_SQL), ANSWER_WITHIN_MS);
      const limit = this.config.REPORT_REPLICA_MAX_LAG_SECONDS;
      if (lag === null || lag > limit) {
        this.switchTo('lagging', `chậm ${lag === null ? 'không rõ bao nhiêu' : `${lag.toFixed(1)}`} giây (quá ${limit} giây)`);
        return this.primary;
      }
      this.switchTo('serving');
      return replica;
    } catch (error) {
      this.failed(error);
      return this.primary;
    }
  }

  /** The replica's pool, made at first use; a failed connection is forgotten so that the next try makes it again. */
  private connect(): Promise<DataSource> {
    this.replica ??= (async () => {
      const base = dataSourceOptions(this.config.DATABASE_REPLICA_URL!);
      const replica = new DataSource({
        ...base,
        migrations: [],
        // A standby is read-only: TypeORM must not try CREATE EXTENSION on it.
        installExtensions: false,
        extra: { ...base.extra, application_name: 'capdo-reports', connectionTimeoutMillis: ANSWER_WITHIN_MS },
      } as typeof base);
      return replica.initialize();
    })().catch((error: unknown) => {
      this.replica = undefined;
      throw error;
    });
    return this.replica;
  }

  private switchTo(state: ReplicaState, why = ''): void {
    if (state === this.state) return;
    const was = this.state;
    this.state = state;
    if (state === 'serving')
      this.logger.log(
        was === 'unknown'
          ? 'Báo cáo đọc từ bản sao chỉ đọc (DATABASE_REPLICA_URL).'
          : 'Bản sao chỉ đọc đã theo kịp: báo cáo đọc lại từ bản sao.',
      );
    else this.logger.warn(`Bản sao chỉ đọc ${why}: báo cáo đọc từ cơ sở dữ liệu chính.`);
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`quá ${ms / 1000} giây`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
