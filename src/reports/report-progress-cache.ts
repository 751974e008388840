import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportReadSource } from '../database/read-replica';
import { agencyProgress, AgencyProgressRow, ProgressScope } from './agency-progress.query';

interface Entry {
  /** Where the rows were read: the primary or the replica. An entry is checked, and served, only where it was read. */
  source: DataSource;
  /** The snapshot the rows were computed in (`pg_current_snapshot()` as text; on a replica, see `compute`). */
  snapshot: string;
  /** On a replica: the transactions from the snapshot's xmin on whose fact rows the rows did see (`xid8[]` as text). */
  seen: string;
  rows: AgencyProgressRow[];
  storedAt: number;
}

/** A province's report (or a subtree of it): what one entry holds. */
interface ProvinceScope {
  provinceCode: string;
  rootAgencyId?: string;
  asOf: string;
}

/** Entries older than this are computed again, whatever the check says; fact rows live far longer (PRUNE_AFTER). */
const ENTRY_TTL_MS = 10 * 60 * 1000;
/** A fact row may be pruned once no entry can be older than it: an hour leaves fifty minutes to spare. */
const PRUNE_AFTER = `interval '1 hour'`;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** 34 provinces × a few days, and the subtrees asked for. */
const MAX_ENTRIES = 400;
/**
 * The national report computes the provinces whose entries are missing or stale one by one while they are at most
 * this share of the provinces; beyond it, one query for the whole country (about as long as 15 provinces' queries)
 * is cheaper, and its rows are kept province by province.
 */
const NATIONAL_AT_ONCE_SHARE = 0.25;

const collator = new Intl.Collator('vi');

/**
 * The bodies' progress (`agencyProgress`) of a province (or a subtree of it) and day, kept after it is computed and
 * served again for as long as it is exact: it was computed in one snapshot, and it is served only while no
 * transaction that snapshot did not see has changed a fact the report of that province reads (`report_fact_writes`,
 * migration ReportFactWrites1764110000000). The check is one query without locks; a change of any such fact, on any
 * instance, makes the next request compute that province's report again.
 *
 * The national report is the provinces' rows together (every body belongs to one province, and a body's figures do
 * not depend on the scope asked for): after a submission in one province, it computes that province only and takes
 * the other provinces' kept rows.
 *
 * With a read replica (DATABASE_REPLICA_URL, src/database/read-replica.ts) the rows, their snapshot and the check
 * all come from the replica, whose `report_fact_writes` is the primary's as replayed there: kept rows are served
 * exactly as long as the replica would compute the same rows, so the report shows the replica's replay position
 * (at most REPORT_REPLICA_MAX_LAG_SECONDS behind, else the primary is read). An entry read on one side is never
 * checked on the other: when the source changes, the report is computed again. Reads that decide a write (such as
 * the campaign reminders) are to ask for the primary (`{ primary: true }`). docs/benchmarks/replicas.md.
 *
 * Limits, by design: one process's memory (at most MAX_ENTRIES entries, least recently used go first); a transaction
 * that stays open longer than PRUNE_AFTER minus ENTRY_TTL_MS while changing report facts could have its fact row
 * pruned before an entry sees it (no capdo request runs for minutes).
 */
@Injectable()
export class ReportProgressCache {
  private readonly entries = new Map<string, Entry>();
  private lastPrune = 0;
  /** Entries served from memory, and report queries run (a national one counts once). */
  readonly stats = { hits: 0, computed: 0 };

  constructor(private readonly reads: ReportReadSource) {}

  /**
   * `primary`: read the primary whatever the replica's state (for a decision that leads to a write, which must not
   * act on a replica's older figures).
   */
  async progress(scope: ProgressScope, options: { primary?: boolean } = {}): Promise<AgencyProgressRow[]> {
    const primary = this.reads.primary;
    const source = options.primary ? primary : await this.reads.forReports();
    let rows: AgencyProgressRow[];
    try {
      rows = await this.progressFrom(source, scope);
    } catch (error) {
      if (source === primary) throw error;
      // The replica went away or cancelled the query (a recovery conflict): this request reads the primary.
      this.reads.failed(error);
      rows = await this.progressFrom(primary, scope);
    }
    await this.pruneNow();
    return rows;
  }

  /** Forgets every entry (tests, and after a restore into the same database). */
  clear(): void {
    this.entries.clear();
  }

  private progressFrom(source: DataSource, scope: ProgressScope): Promise<AgencyProgressRow[]> {
    return scope.provinceCode === null
      ? this.national(source, scope.asOf)
      : this.province(source, { ...scope, provinceCode: scope.provinceCode });
  }

  private async province(source: DataSource, scope: ProvinceScope): Promise<AgencyProgressRow[]> {
    const key = keyOf(scope);
    const entry = this.kept(key, source);
    if (entry && (await this.staleProvinces(source, [[scope.provinceCode, entry]])).size === 0) {
      this.stats.hits++;
      return this.keep(key, entry).rows;
    }
    return this.keep(key, await this.compute(source, scope)).rows;
  }

  private async national(source: DataSource, asOf: string): Promise<AgencyProgressRow[]> {
    const provinces = await this.provincesOn(source, asOf);
    const rows = new Map<string, AgencyProgressRow[]>();
    const kept = provinces.flatMap((provinceCode): [string, Entry][] => {
      const entry = this.kept(keyOf({ provinceCode, asOf }), source);
      return entry ? [[provinceCode, entry]] : [];
    });
    const stale = await this.staleProvinces(source, kept);
    for (const [provinceCode, entry] of kept)
      if (!stale.has(provinceCode)) rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), entry).rows);
    this.stats.hits += rows.size;
    const missing = provinces.filter((provinceCode) => !rows.has(provinceCode));
    if (missing.length > provinces.length * NATIONAL_AT_ONCE_SHARE) {
      const all = await this.compute(source, { provinceCode: null, asOf });
      const byProvince = groupBy(all.rows, (row) => row.provinceCode);
      for (const provinceCode of missing)
        rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), { ...all, rows: byProvince.get(provinceCode) ?? [] }).rows);
      // Every province came from the one national query: its rows are already in the country's order.
      if (missing.length === provinces.length) return all.rows.filter((row) => rows.has(row.provinceCode));
    } else {
      for (const provinceCode of missing)
        rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), await this.compute(source, { provinceCode, asOf })).rows);
    }
    // Each province's rows are in the query's order (names, Vietnamese collation); the country's likewise.
    return provinces.flatMap((provinceCode) => rows.get(provinceCode)!).sort((a, b) => collator.compare(a.name, b.name));
  }

  /** The entry under `key` if it was read from `source` and is young enough to be checked. */
  private kept(key: string, source: DataSource): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && entry.source === source && Date.now() - entry.storedAt < ENTRY_TTL_MS ? entry : undefined;
  }

  /** Stores (or refreshes) an entry as the most recently used. */
  private keep(key: string, entry: Entry): Entry {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /**
   * The provinces among `kept` for which a transaction their entry's snapshot did not see (committed since, or running
   * then) changed a report fact, as `source` sees the facts now (a replica: as replayed so far).
   */
  private async staleProvinces(source: DataSource, kept: [string, Entry][]): Promise<Set<string>> {
    if (kept.length === 0) return new Set();
    const rows: { province: string }[] = await source.query(
      `SELECT e.province FROM unnest($1::varchar[], $2::text[], $3::text[]) AS e(province, snapshot, seen)
        WHERE EXISTS (SELECT 1 FROM report_fact_writes w
                       WHERE w.xid >= pg_snapshot_xmin(e.snapshot::pg_snapshot) AND NOT pg_visible_in_snapshot(w.xid, e.snapshot::pg_snapshot)
                         AND w.xid <> ALL (e.seen::xid8[]) AND (w.province_code = e.province OR w.province_code IS NULL))`,
      [kept.map(([provinceCode]) => provinceCode), kept.map(([, entry]) => entry.snapshot), kept.map(([, entry]) => entry.seen)],
    );
    return new Set(rows.map((row) => row.province));
  }

  /** The provinces that have bodies on `asOf`: those the national report is made of. */
  private async provincesOn(source: DataSource, asOf: string): Promise<string[]> {
    const rows: { province_code: string }[] = await source.query(
      `SELECT DISTINCT province_code FROM agencies WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1) ORDER BY province_code`,
      [asOf],
    );
    return rows.map((row) => row.province_code);
  }

  /**
   * The rows and the snapshot they were read in, from one REPEATABLE READ transaction. On a hot standby,
   * `pg_current_snapshot()` leaves out the transactions still running at the replay position (the standby's snapshot
   * keeps them in `subxip`, which the function does not export: xid8funcs.c, procarray.c), so only its xmin is
   * trusted there: the snapshot is kept as `xmin:xmin:` (every transaction from xmin on not seen), with, in the same
   * snapshot, the transactions from xmin on whose fact rows are visible (`seen`): exactly those the rows include.
   */
  private compute(source: DataSource, scope: ProgressScope): Promise<Entry> {
    this.stats.computed++;
    return source.transaction('REPEATABLE READ', async (em) => {
      const [{ snapshot, seen }]: { snapshot: string; seen: string }[] = await em.query(
        `SELECT CASE WHEN pg_is_in_recovery() THEN format('%s:%s:', pg_snapshot_xmin(s), pg_snapshot_xmin(s)) ELSE s::text END AS snapshot,
                CASE WHEN pg_is_in_recovery()
                     THEN (SELECT coalesce(array_agg(DISTINCT w.xid)::text, '{}') FROM report_fact_writes w WHERE w.xid >= pg_snapshot_xmin(s))
                     ELSE '{}' END AS seen
           FROM pg_current_snapshot() AS s`,
      );
      return { source, snapshot, seen, rows: await agencyProgress(em, scope), storedAt: Date.now() };
    });
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.reads.primary.query(`DELETE FROM report_fact_writes WHERE written_at < now() - ${PRUNE_AFTER}`);
  }
}

function keyOf(scope: ProvinceScope): string {
  return JSON.stringify([scope.provinceCode, scope.rootAgencyId ?? null, scope.asOf]);
}

/** The rows of each key, in their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
