import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { agencyProgress, AgencyProgressRow, ProgressScope } from './agency-progress.query';

interface Entry {
  /** The snapshot the rows were computed in (`pg_current_snapshot()` as text). */
  snapshot: string;
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

  constructor(private readonly dataSource: DataSource) {}

  async progress(scope: ProgressScope): Promise<AgencyProgressRow[]> {
    const rows =
      scope.provinceCode === null ? await this.national(scope.asOf) : await this.province({ ...scope, provinceCode: scope.provinceCode });
    await this.pruneNow();
    return rows;
  }

  /** Forgets every entry (tests, and after a restore into the same database). */
  clear(): void {
    this.entries.clear();
  }

  private async province(scope: ProvinceScope): Promise<AgencyProgressRow[]> {
    const key = keyOf(scope);
    const entry = this.kept(key);
    if (entry && (await this.staleProvinces([[scope.provinceCode, entry]])).size === 0) {
      this.stats.hits++;
      return this.keep(key, entry).rows;
    }
    return this.keep(key, await this.compute(scope)).rows;
  }

  private async national(asOf: string): Promise<AgencyProgressRow[]> {
    const provinces = await this.provincesOn(asOf);
    const rows = new Map<string, AgencyProgressRow[]>();
    const kept = provinces.flatMap((provinceCode): [string, Entry][] => {
      const entry = this.kept(keyOf({ provinceCode, asOf }));
      return entry ? [[provinceCode, entry]] : [];
    });
    const stale = await this.staleProvinces(kept);
    for (const [provinceCode, entry] of kept)
      if (!stale.has(provinceCode)) rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), entry).rows);
    this.stats.hits += rows.size;
    const missing = provinces.filter((provinceCode) => !rows.has(provinceCode));
    if (missing.length > provinces.length * NATIONAL_AT_ONCE_SHARE) {
      const all = await this.compute({ provinceCode: null, asOf });
      for (const provinceCode of missing) {
        const entry = { ...all, rows: all.rows.filter((row) => row.provinceCode === provinceCode) };
        rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), entry).rows);
      }
    } else {
      for (const provinceCode of missing)
        rows.set(provinceCode, this.keep(keyOf({ provinceCode, asOf }), await this.compute({ provinceCode, asOf })).rows);
    }
    // Each province's rows are in the query's order (names, Vietnamese collation); the country's likewise.
    return provinces.flatMap((provinceCode) => rows.get(provinceCode)!).sort((a, b) => collator.compare(a.name, b.name));
  }

  /** The entry under `key` if it is young enough to be checked. */
  private kept(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && Date.now() - entry.storedAt < ENTRY_TTL_MS ? entry : undefined;
  }

  /** Stores (or refreshes) an entry as the most recently used. */
  private keep(key: string, entry: Entry): Entry {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** The provinces among `kept` for which a transaction their entry's snapshot did not see (committed since, or running then) changed a report fact. */
  private async staleProvinces(kept: [string, Entry][]): Promise<Set<string>> {
    if (kept.length === 0) return new Set();
    const rows: { province: string }[] = await this.dataSource.query(
      `SELECT e.province FROM unnest($1::varchar[], $2::text[]) AS e(province, snapshot)
        WHERE EXISTS (SELECT 1 FROM report_fact_writes w
                       WHERE w.xid >= pg_snapshot_xmin(e.snapshot::pg_snapshot) AND NOT pg_visible_in_snapshot(w.xid, e.snapshot::pg_snapshot)
                         AND (w.province_code = e.province OR w.province_code IS NULL))`,
      [kept.map(([provinceCode]) => provinceCode), kept.map(([, entry]) => entry.snapshot)],
    );
    return new Set(rows.map((row) => row.province));
  }

  /** The provinces that have bodies on `asOf`: those the national report is made of. */
  private async provincesOn(asOf: string): Promise<string[]> {
    const rows: { province_code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT province_code FROM agencies WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1) ORDER BY province_code`,
      [asOf],
    );
    return rows.map((row) => row.province_code);
  }

  /** The rows and the snapshot they were read in, from one REPEATABLE READ transaction. */
  private compute(scope: ProgressScope): Promise<Entry> {
    this.stats.computed++;
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

function keyOf(scope: ProvinceScope): string {
  return JSON.stringify([scope.provinceCode, scope.rootAgencyId ?? null, scope.asOf]);
}
