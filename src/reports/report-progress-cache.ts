import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { ReportReadSource } from '../database/read-replica';
import { PendingClaim, pendingClaimsByOwner, pendingClaimsOfProvinces } from '../systems/prior-approvals/prior-approval-claims.query';
import { agencyProgress, AgencyProgressRow, ProgressScope } from './agency-progress.query';
import { byName, claimsOn, mergePlacements, Placement, placements, progressOn, subtreeOn, TimelineBody } from './body-timeline';
import { loadBodyTimelines } from './body-timeline.query';
import { committeeNames } from './report-scope';

interface Entry {
  /** Where the timelines were read: the primary or the replica. An entry is checked, and served, only where it was read. */
  source: DataSource;
  /** The snapshot the timelines were read in (`pg_current_snapshot()` as text; on a replica, see `load`). */
  snapshot: string;
  /** On a replica: the transactions from the snapshot's xmin on whose fact rows the read did see (`xid8[]` as text). */
  seen: string;
  /** A province's bodies with their whole timelines; for ALL_PROVINCES, none (the entry stands for the list of provinces). */
  bodies: TimelineBody[];
  /** The bodies under each of their names, in the report's order. */
  order: Placement[];
  /** The province's pending prior-approval claims, whatever the day (`pendingClaimsOfProvinces`). */
  claims: PendingClaim[];
  /** The name of the People's Committee of each province read with it, which titles its report (`committeeNames`). */
  committees: Map<string, string>;
  /** For ALL_PROVINCES: every province that has bodies. */
  provinces: string[];
  storedAt: number;
}

/**
 * The key of the list of provinces (the national report's): a code no province has, so that only the writes noted for
 * every province (a body or a version added, changed or removed: `province_code` NULL) make it stale.
 */
const ALL_PROVINCES = '';

/**
 * Entries older than this are read again, whatever the check says (the country's timelines take a few hundred ms to
 * read); fact rows live longer (PRUNE_AFTER).
 */
const ENTRY_TTL_MS = 30 * 60 * 1000;
/** A fact row may be pruned once no entry can be older than it: an hour leaves thirty minutes to spare. */
const PRUNE_AFTER = `interval '1 hour'`;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** Every province and the list of them, with room for provinces added later (least recently used go first). */
const MAX_ENTRIES = 200;
/**
 * The national report reads the provinces whose entries are missing or stale one by one while they are at most this
 * share of the provinces; beyond it, one read for all of them.
 */
const NATIONAL_AT_ONCE_SHARE = 0.25;

/**
 * The report's rows for a scope and day; for the approval-rate report also, per owner, the systems with a claim
 * pending that day, and the name of the province's People's Committee (null: national, or none on record).
 */
export interface ScopeProgress {
  rows: AgencyProgressRow[];
  claimed: ReadonlyMap<string, number>;
  committeeName: string | null;
}

const NO_CLAIMS: ReadonlyMap<string, number> = new Map();

/**
 * The report's rows (`agencyProgress`: each body of a province, or of a subtree of it, with its figures on a day), for
 * any day, from each province's bodies and their whole timelines (`report_body_timeline`, kept by triggers: the
 * figures from each day they change), read once and kept for as long as they are exact: they were read in one
 * snapshot, and they are used only while no transaction that snapshot did not see has changed a fact the report of
 * that province reads (`report_fact_writes`, migration ReportFactWrites1764110000000; the timeline is written in the
 * same transactions as those facts). The check is one query without locks; a change of any such fact, on any instance,
 * makes the next request read that province again. A day not asked before costs one binary search per body in memory
 * (src/reports/body-timeline.ts), so the national report's work is the check and its ~4,000 bodies, whatever the day.
 *
 * A province's report asked for while its timelines are not kept (never read, or stale after a change) is answered by
 * the report's query (`agencyProgress`, one index probe per body: a few ms for a province) while the province's
 * timelines are read beside it, so the next requests find them; a request arriving while they are being read waits for
 * them. The pending prior-approval claims the report shows are kept with the timelines (their changes are noted in
 * `report_fact_writes` too, migration ReportClaimWrites1764220000000).
 *
 * The national report is the provinces' rows together (every body belongs to one province, and a body's figures do
 * not depend on the scope asked for): after a submission in one province, it reads that province only.
 *
 * With a read replica (DATABASE_REPLICA_URL, src/database/read-replica.ts) the timelines, their snapshot and the check
 * all come from the replica, whose `report_fact_writes` is the primary's as replayed there: kept timelines are used
 * exactly as long as the replica would read the same ones, so the report shows the replica's replay position (at most
 * REPORT_REPLICA_MAX_LAG_SECONDS behind, else the primary is read). An entry read on one side is never checked on the
 * other: when the source changes, the province is read again. Reads that decide a write (such as the campaign
 * reminders) are to ask for the primary (`{ primary: true }`). docs/benchmarks/replicas.md.
 *
 * Limits, by design: one process's memory (the country's timelines are about 47,000 rows: a few MB); a transaction that
 * stays open longer than PRUNE_AFTER minus ENTRY_TTL_MS while changing report facts could have its fact row pruned
 * before an entry sees it (no capdo request runs for minutes).
 */
@Injectable()
export class ReportProgressCache implements OnModuleDestroy {
  private readonly logger = new Logger('ReportProgressCache');
  private readonly entries = new Map<string, Entry>();
  /** Provinces whose timelines are being read beside a request (at most one read per province at a time). */
  private readonly reading = new Map<string, { source: DataSource; done: Promise<void> }>();
  private lastPrune = 0;
  /** The national order, and the province entries it was merged from. */
  private merged?: { entries: Entry[]; order: Placement[] };
  /** Provinces (and lists of provinces) answered from kept timelines, and reads of timelines (one per read, however many provinces). */
  readonly stats = { hits: 0, computed: 0 };

  constructor(private readonly reads: ReportReadSource) {}

  /**
   * `primary`: read the primary whatever the replica's state (for a decision that leads to a write, which must not
   * act on a replica's older figures).
   */
  async progress(scope: ProgressScope, options: { primary?: boolean } = {}): Promise<AgencyProgressRow[]> {
    return (await this.answer(scope, options, false)).rows;
  }

  /** The rows of `progress` with what the approval-rate report shows beside them (`ScopeProgress`). */
  forReport(scope: ProgressScope, options: { primary?: boolean } = {}): Promise<ScopeProgress> {
    return this.answer(scope, options, true);
  }

  /** Forgets every entry (tests, and after a restore into the same database); a read under way may still keep its own. */
  clear(): void {
    this.entries.clear();
    this.merged = undefined;
  }

  /** Resolves once no province's timelines are being read beside a request (tests, and the server's stop). */
  async settled(): Promise<void> {
    while (this.reading.size > 0) await Promise.all([...this.reading.values()].map((read) => read.done));
  }

  onModuleDestroy(): Promise<void> {
    return this.settled();
  }

  private async answer(scope: ProgressScope, options: { primary?: boolean }, forReport: boolean): Promise<ScopeProgress> {
    const primary = this.reads.primary;
    const source = options.primary ? primary : await this.reads.forReports();
    let answer: ScopeProgress;
    try {
      answer = await this.answerFrom(source, scope, forReport);
    } catch (error) {
      if (source === primary) throw error;
      // The replica went away or cancelled the query (a recovery conflict): this request reads the primary.
      this.reads.failed(error);
      answer = await this.answerFrom(primary, scope, forReport);
    }
    await this.pruneNow();
    return answer;
  }

  private async answerFrom(source: DataSource, scope: ProgressScope, forReport: boolean): Promise<ScopeProgress> {
    const { asOf, provinceCode } = scope;
    if (provinceCode === null) {
      const provinces = await this.nationalEntries(source);
      const claims = provinces.map((entry) => entry.claims);
      return {
        rows: progressOn(this.nationalOrder(provinces), asOf),
        claimed: forReport ? claimsOn(claims, asOf) : NO_CLAIMS,
        committeeName: null,
      };
    }
    const entry = await this.province(source, provinceCode);
    if (!entry) {
      const [rows, claimed, committees] = await Promise.all([
        agencyProgress(source.manager, scope),
        forReport ? pendingClaimsByOwner(source, provinceCode, asOf) : NO_CLAIMS,
        forReport ? committeeNames(source.manager, [provinceCode]) : null,
      ]);
      return { rows: rows.sort(byName), claimed, committeeName: committees?.get(provinceCode) ?? null };
    }
    const subtree = scope.rootAgencyId === undefined ? null : subtreeOn(entry.bodies, scope.rootAgencyId, asOf);
    return {
      rows: progressOn(entry.order, asOf, subtree),
      claimed: forReport ? claimsOn([entry.claims], asOf) : NO_CLAIMS,
      committeeName: entry.committees.get(provinceCode) ?? null,
    };
  }

  /**
   * The province's entry when it is kept and exact (a read of it under way is waited for); otherwise null, with its
   * timelines being read beside the request.
   */
  private async province(source: DataSource, provinceCode: string): Promise<Entry | null> {
    const reading = this.reading.get(provinceCode);
    if (reading?.source === source) await reading.done;
    const kept = this.kept(provinceCode, source);
    if (kept && (await this.staleProvinces(source, [[provinceCode, kept]])).size === 0) {
      this.stats.hits++;
      return this.keep(provinceCode, kept);
    }
    if (!this.reading.has(provinceCode)) {
      const done = this.load(source, [provinceCode])
        .then((read) => void this.store(read, [provinceCode], false))
        .catch((error: Error) => this.logger.warn(`Đọc lại tiến độ của tỉnh ${provinceCode} không thành công: ${error.message}`))
        .finally(() => this.reading.delete(provinceCode));
      this.reading.set(provinceCode, { source, done });
    }
    return null;
  }

  /** Every province's entry (the list of provinces and each province checked in one query), in the list's order. */
  private async nationalEntries(source: DataSource): Promise<Entry[]> {
    const listed = this.kept(ALL_PROVINCES, source)?.provinces ?? [];
    const entries = await this.timelines(source, [ALL_PROVINCES, ...listed]);
    return entries.get(ALL_PROVINCES)!.provinces.map((provinceCode) => entries.get(provinceCode)!);
  }

  /** Every province's bodies in the report's order; merged again only when a province was read again. */
  private nationalOrder(provinces: Entry[]): Placement[] {
    const merged = this.merged;
    if (merged && merged.entries.length === provinces.length && merged.entries.every((entry, i) => entry === provinces[i]))
      return merged.order;
    this.merged = { entries: provinces, order: mergePlacements(provinces.map((entry) => entry.order)) };
    return this.merged.order;
  }

  /**
   * The entries under `keys` (provinces, or ALL_PROVINCES), each read again when it is missing, too old or stale: the
   * missing provinces in one read, or every province in one read (the list of provinces included) when the list is
   * among them or they are more than NATIONAL_AT_ONCE_SHARE of those asked for.
   */
  private async timelines(source: DataSource, keys: string[]): Promise<Map<string, Entry>> {
    const found = new Map<string, Entry>();
    const kept = keys.flatMap((key): [string, Entry][] => {
      const entry = this.kept(key, source);
      return entry ? [[key, entry]] : [];
    });
    const stale = await this.staleProvinces(source, kept);
    for (const [key, entry] of kept) if (!stale.has(key)) found.set(key, this.keep(key, entry));
    this.stats.hits += found.size;
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length === 0) return found;
    const all = missing.includes(ALL_PROVINCES) || (keys.length > 1 && missing.length > keys.length * NATIONAL_AT_ONCE_SHARE);
    for (const [key, entry] of this.store(await this.load(source, all ? null : missing), missing, all)) found.set(key, entry);
    return found;
  }

  /** Keeps what `load` read: an entry per province of `provinces` (and of every province read, when `all`). */
  private store(read: Entry, provinces: string[], all: boolean): Map<string, Entry> {
    const stored = new Map<string, Entry>();
    const byProvince = groupBy(read.bodies, (body) => body.provinceCode);
    const claims = groupBy(read.claims, (claim) => claim.provinceCode);
    for (const provinceCode of all ? new Set([...byProvince.keys(), ...provinces]) : provinces)
      if (provinceCode !== ALL_PROVINCES) {
        const bodies = byProvince.get(provinceCode) ?? [];
        const entry = { ...read, bodies, order: placements(bodies), claims: claims.get(provinceCode) ?? [] };
        stored.set(provinceCode, this.keep(provinceCode, entry));
      }
    if (all)
      stored.set(ALL_PROVINCES, this.keep(ALL_PROVINCES, { ...read, bodies: [], claims: [], provinces: [...byProvince.keys()].sort() }));
    return stored;
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
    const rows = await preparedQuery<{ province: string }>(
      source,
      'report-kept-timelines-stale',
      `SELECT e.province FROM unnest($1::varchar[], $2::text[], $3::text[]) AS e(province, snapshot, seen)
        WHERE EXISTS (SELECT 1 FROM report_fact_writes w
                       WHERE w.xid >= pg_snapshot_xmin(e.snapshot::pg_snapshot) AND NOT pg_visible_in_snapshot(w.xid, e.snapshot::pg_snapshot)
                         AND w.xid <> ALL (e.seen::xid8[]) AND (w.province_code = e.province OR w.province_code IS NULL))`,
      [kept.map(([provinceCode]) => provinceCode), kept.map(([, entry]) => entry.snapshot), kept.map(([, entry]) => entry.seen)],
    );
    return new Set(rows.map((row) => row.province));
  }

  /**
   * The provinces' bodies and timelines (every province when null) and the snapshot they were read in, from one
   * REPEATABLE READ transaction. On a hot standby, `pg_current_snapshot()` leaves out the transactions still running at
   * the replay position (the standby's snapshot keeps them in `subxip`, which the function does not export:
   * xid8funcs.c, procarray.c), so only its xmin is trusted there: the snapshot is kept as `xmin:xmin:` (every
   * transaction from xmin on not seen), with, in the same snapshot, the transactions from xmin on whose fact rows are
   * visible (`seen`): exactly those the timelines include.
   */
  private load(source: DataSource, provinces: string[] | null): Promise<Entry> {
    this.stats.computed++;
    return source.transaction('REPEATABLE READ', async (em) => {
      const [{ snapshot, seen }]: { snapshot: string; seen: string }[] = await em.query(
        `SELECT CASE WHEN pg_is_in_recovery() THEN format('%s:%s:', pg_snapshot_xmin(s), pg_snapshot_xmin(s)) ELSE s::text END AS snapshot,
                CASE WHEN pg_is_in_recovery()
                     THEN (SELECT coalesce(array_agg(DISTINCT w.xid)::text, '{}') FROM report_fact_writes w WHERE w.xid >= pg_snapshot_xmin(s))
                     ELSE '{}' END AS seen
           FROM pg_current_snapshot() AS s`,
      );
      const bodies = await loadBodyTimelines(em, provinces);
      const claims = await pendingClaimsOfProvinces(em, provinces);
      const committees = await committeeNames(em, provinces);
      return { source, snapshot, seen, bodies, claims, committees, order: [], provinces: [], storedAt: Date.now() };
    });
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.reads.primary.query(`DELETE FROM report_fact_writes WHERE written_at < now() - ${PRUNE_AFTER}`);
  }
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
