import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { agencyProgress, AgencyProgressRow, ProgressScope } from './agency-progress.query';

interface Entry {
  /** The snapshot the rows were computed in (`pg_current_snapshot()` as text). */
  snapshot: string;
  rows: AgencyProgressRow[];
  storedAt: number;
}

/** Entries older than this are computed again, whatever the check says; fact rows live far longer (PRUNE_AFTER). */
const ENTRY_TTL_MS = 10 * 60 * 1000;
/** A fact row may be pruned once no entry can be older than it: an hour leaves fifty minutes to spare. */
const PRUNE_AFTER = `interval '1 hour'`;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 200;

/**
 * The bodies' progress (`agencyProgress`) of a scope and day, kept after it is computed and served again for as
 * long as it is exact: it was computed in one snapshot, and it is served only while no transaction that snapshot
 * did not see has changed a fact the report reads (`report_fact_writes`, migration ReportFactWrites1764110000000).
 * The check is one query without locks; a change of any such fact, on any instance, makes the next request compute
 * the report again. A national report that took a second to compute is then served in milliseconds to every
 * leader who opens it until the next submission or approval.
 *
 * Limits, by design: one process's memory (at most MAX_ENTRIES scopes and days, least recently used go first);
 * a transaction that stays open longer than PRUNE_AFTER minus ENTRY_TTL_MS while changing report facts could
 * have its fact row pruned before an entry sees it (no capdo request runs for minutes).
 */
@Injectable()
export class ReportProgressCache {
  private readonly entries = new Map<string, Entry>();
  private lastPrune = 0;
  readonly stats = { hits: 0, computed: 0 };

  constructor(private readonly dataSource: DataSource) {}

  async progress(scope: ProgressScope): Promise<AgencyProgressRow[]> {
    const key = JSON.stringify([scope.provinceCode, scope.rootAgencyId ?? null, scope.asOf]);
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.storedAt < ENTRY_TTL_MS && !(await this.changedSince(entry.snapshot))) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.stats.hits++;
      return entry.rows;
    }
    const fresh = await this.compute(scope);
    this.entries.delete(key);
    this.entries.set(key, fresh);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.stats.computed++;
    await this.pruneNow();
    return fresh.rows;
  }

  /** Forgets every entry (tests, and after a restore into the same database). */
  clear(): void {
    this.entries.clear();
  }

  /** Has a transaction that `snapshot` did not see (committed since, or running then) changed a report fact? */
  private async changedSince(snapshot: string): Promise<boolean> {
    const [row]: { changed: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM report_fact_writes
                       WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)) AS changed`,
      [snapshot],
    );
    return row.changed;
  }

  /** The rows and the snapshot they were read in, from one REPEATABLE READ transaction. */
  private compute(scope: ProgressScope): Promise<Entry> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const [{ snapshot }]: { snapshot: string }[] = await em.query(`SELECT pg_current_snapshot()::text AS snapshot`);
      return { snapshot, rows: await agencyProgress(em, scope), storedAt: Date.now() };
    });
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM report_fact_writes WHERE written_at < now() - ${PRUNE_AFTER}`);
  }
}
