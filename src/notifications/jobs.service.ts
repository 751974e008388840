import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * pg-boss keeps its queues in this schema, which it creates and migrates itself at start. It is the one
 * exception to "migrations only": the library owns and versions those tables, we never touch them.
 */
export const JOBS_SCHEMA = 'pgboss';

export interface WorkerOptions {
  /** Retries after a failure, with exponential backoff from retryDelaySeconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job still running after this long is failed (and retried). */
  expireInSeconds?: number;
  /** Jobs fetched at a time; the handler still sees them one by one. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

interface Registration {
  kind: 'worker' | 'recurring';
  queue: string;
  cron?: string;
  timeZone?: string;
  options: WorkerOptions;
  handler: JobHandler<never>;
  applied: boolean;
}

const QUEUE_NAME = /^[\w.\-/]+$/;

/** pg-boss 10's own re-check interval of a stopping worker (manager.offWork), plus a margin. */
const WORKER_STOP_POLL_MS = 1100;
const DRAIN_POLL_MS = 25;

/**
 * The one pg-boss instance of this process. Jobs live in PostgreSQL, so any instance may enqueue and any
 * instance with JOBS_ENABLED works them: pg-boss fetches with SELECT … FOR UPDATE SKIP LOCKED, so a job is
 * handled by exactly one worker across all instances behind the load balancer, and a cron schedule fires
 * once per slot whatever the number of instances. Delivery is at least once: handlers must be idempotent.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  /**
   * pg-boss's connections, owned here rather than by pg-boss: its stop() ends its own pool while a worker may still be
   * waiting for a connection, and pg-pool never serves a request queued before end() — that worker never stops and
   * pg-boss keeps polling it. Owning the pool, shutdown ends it only once nothing is queued or running on it.
   */
  private readonly pool: Pool;
  private readonly registrations: Registration[] = [];
  private started = false;
  private installed = false;

  constructor(private readonly config: AppConfig) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: 4, application_name: 'capdo-jobs' });
    this.pool.on('error', (error) => this.logger.error(`Lỗi kết nối của hàng đợi công việc nền: ${error.message}`));
    this.boss = new PgBoss({
      schema: JOBS_SCHEMA,
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await this.pool.query(text, values)).rows }) },
    });
    // An EventEmitter without an 'error' listener would crash the process on a transient database error.
    this.boss.on('error', (error) => this.logger.error(`Lỗi hàng đợi công việc nền: ${error.message}`));
  }

  get enabled(): boolean {
    return this.config.JOBS_ENABLED;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.JOBS_ENABLED) {
      this.logger.log('JOBS_ENABLED=false: phiên bản này không chạy công việc nền (gửi e-mail, nhắc hạn).');
      return;
    }
    await this.boss.start();
    this.started = this.installed = true;
    for (const registration of this.registrations) await this.apply(registration);
  }

  /**
   * Called by app.close() before the database pool closes: stops polling and waits for running jobs, no longer
   * than the shutdown grace period (SHUTDOWN_GRACE_SECONDS); an unfinished job is retried by the next worker.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.started) {
      this.started = false;
      const deadline = Date.now() + this.config.SHUTDOWN_GRACE_SECONDS * 1000;
      await this.boss.stop({ graceful: true, wait: true, timeout: this.config.SHUTDOWN_GRACE_SECONDS * 1000 });
      // Workers caught mid-fetch finish that fetch, then stop.
      while ((this.pool.waitingCount > 0 || this.pool.idleCount < this.pool.totalCount) && Date.now() < deadline)
        await sleep(DRAIN_POLL_MS);
      // pg-boss 10 watches stopping workers in a loop it does not await (manager.offWork: `while (!stopped) await
      // delay(1000)`); outliving one round keeps that loop inside our shutdown (later versions await it: timgit/pg-boss#646).
      await sleep(WORKER_STOP_POLL_MS);
    }
    await this.pool.end();
  }

  /**
   * Works `queue` on this instance (when JOBS_ENABLED). May be called before or after start.
   * A handler that throws fails the job, which pg-boss retries with backoff.
   */
  async registerWorker<T>(queue: string, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<void> {
    await this.register({ kind: 'worker', queue, options, handler: handler as JobHandler<never>, applied: false });
  }

  /**
   * Runs `handler` on the `cron` schedule (5 fields, Vietnam time unless `timeZone` says otherwise), once
   * per occurrence across all instances, e.g. registerRecurring('due-date-reminders', '0 7 * * *', …).
   */
  async registerRecurring(
    name: string,
    cron: string,
    handler: () => Promise<void>,
    options: WorkerOptions & { timeZone?: string } = {},
  ): Promise<void> {
    const { timeZone = 'Asia/Ho_Chi_Minh', ...workerOptions } = options;
    await this.register({
      kind: 'recurring',
      queue: name,
      cron,
      timeZone,
      options: workerOptions,
      handler: handler as JobHandler<never>,
      applied: false,
    });
  }

  /**
   * Enqueues a job INSIDE the caller's transaction: it exists for workers only once that transaction
   * commits, and vanishes with it on rollback. Returns the job id, or null when nothing was queued
   * (no instance has ever run jobs, so the pg-boss schema or the queue does not exist yet).
   */
  async send(em: EntityManager, queue: string, data: object, options: WorkerOptions = {}): Promise<string | null> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive)
      throw new Error(`JobsService.send(${queue}) must be called with the EntityManager of an open transaction.`);
    if (!(await this.isInstalled(em))) {
      this.logger.warn(`Chưa có hàng đợi công việc nền (chưa phiên bản nào chạy với JOBS_ENABLED=true): bỏ qua công việc ${queue}.`);
      return null;
    }
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: (await runner.query(text, values, true)).records }) };
    const id = await this.boss.send(queue, data, { ...jobOptions(options), db });
    if (!id) this.logger.warn(`Hàng đợi ${queue} chưa được tạo: công việc không được xếp hàng.`);
    return id;
  }

  private async register(registration: Registration): Promise<void> {
    if (!QUEUE_NAME.test(registration.queue)) throw new Error(`Invalid queue name: ${registration.queue}`);
    if (this.registrations.some((r) => r.queue === registration.queue))
      throw new Error(`Queue ${registration.queue} is already registered.`);
    this.registrations.push(registration);
    if (this.started) await this.apply(registration);
  }

  private async apply(registration: Registration): Promise<void> {
    if (registration.applied) return;
    registration.applied = true;
    const { queue, options, handler } = registration;
    await this.boss.createQueue(queue, { name: queue, ...jobOptions(options) });
    if (registration.kind === 'recurring') await this.boss.schedule(queue, registration.cron!, {}, { tz: registration.timeZone });
    const workOptions = {
      batchSize: options.batchSize ?? 1,
      ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    };
    await this.boss.work<object>(queue, workOptions, async (jobs) => {
      // A batch completes or fails as a whole: run every job, then fail the batch if any failed; jobs that
      // succeeded are retried with it, which their idempotent handlers make harmless.
      const failures: unknown[] = [];
      for (const job of jobs) {
        try {
          await handler(job.data as never);
        } catch (error) {
          failures.push(error);
          this.logger.warn(`Công việc ${queue} ${job.id} lỗi, sẽ thử lại: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, `${failures.length} jobs of ${queue} failed`);
    });
  }

  private async isInstalled(em: EntityManager): Promise<boolean> {
    if (this.installed) return true;
    const [{ ok }] = await em.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${JOBS_SCHEMA}.job`]);
    this.installed = ok;
    return ok;
  }
}

function jobOptions(options: WorkerOptions) {
  return {
    retryLimit: options.retryLimit ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
