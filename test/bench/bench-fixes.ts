import {
  AFTER_CHANGE_NATIONAL,
  AFTER_CHANGE_PROVINCE,
  COLD_NATIONAL,
  COLD_PROVINCE,
  DOSSIER,
  DOSSIER_PDF,
  NATIONAL_REPORT,
  PROVINCE_REPORT,
  SYSTEMS_NATIONAL,
  SYSTEMS_PROVINCE,
} from './bench-targets';

export interface Fix {
  title: string;
  measurements: string[];
  why: string;
  fix: string;
  /** The run this fix is measured against, kept in docs/benchmarks/ (else the baseline before all fixes). */
  before?: { file: string; label: string };
}

/**
 * What was slow and what was done about it: the baseline run (before the fixes, kept in
 * docs/benchmarks/baseline-before-fixes.json) against this run.
 */
export const FIXES: Fix[] = [
  {
    title: 'Approval-rate report: a per-body timeline kept by triggers',
    measurements: [COLD_NATIONAL, COLD_PROVINCE, AFTER_CHANGE_NATIONAL, AFTER_CHANGE_PROVINCE, NATIONAL_REPORT, PROVINCE_REPORT],
    before: {
      file: 'before-body-timeline.json',
      label: [
        'the run of 2026-12-06 whose figures the previous BENCHMARKS.md printed (`docs/benchmarks/before-body-timeline.json`, transcribed',
        'from that file; same machine and dataset). Its province row "computed every request" cycled over 400 (day, province) pairs while',
        'the report cache keeps 400 entries, so roughly 40 % of its requests were answered from the cache: its before figure is lower than',
        'a computation on every request; this run never asks a (day, province) pair again while the cache could still hold it',
      ].join(' '),
    },
    why: [
      "For a day not asked before, the report's query read the facts of every custody period of its scope and cut them at the end of",
      'that day (61,094 rows for the country), and asked the dossiers for the systems approved again after that day: 411 ms p50 for the',
      'country in the run of 2026-12-06, against 20 ms. The work grew with the custody periods and dossiers of the scope, not with the',
      'bodies the report shows; reading 3,898 precomputed rows, one per body, costs a few milliseconds (the floor measured below).',
    ].join(' '),
    fix: [
      'Migration `1764210000000-ReportBodyTimeline` keeps `report_body_timeline`: for each body, a row from each day its figures change',
      '(`from_day`: its first submission and first approval as of that day, its systems, those operating, those with an approved level',
      "and their levels), holding until its next row. Triggers recompute a body's timeline whole on any write that touches it, so",
      'backdated writes and decisions dated ahead stay right. For a day, each body of the scope takes the row with the greatest',
      '`from_day` on or before it. One index descent per body in PostgreSQL still cost 16 ms for the country here, and node-pg, the',
      'JSON text and its UTF-8 encoding as much again (a CPU profile of the server: 77 ms p50 through the API), so the server reads',
      "each province's bodies and whole timelines once (`ReportProgressCache`, about 47,000 rows for the country, 0.3–0.4 s) and keeps",
      'them for as long as they are exact, by the same snapshot check the cache made on kept reports: any day is then a binary search',
      'per body in memory (`src/reports/body-timeline.ts`). After a change in one province, the next request for that province is',
      "answered by the report's query (one index probe per body) while the province is read again beside it, and the national report",
      'reads that province again. The rows made for a timeline row are shared by the requests that show them, frozen, and the JSON writer',
      '(`src/common/http/json-response.ts`) encodes them once and writes the response piece by piece: on Node 20, UTF-8 encoding a',
      '1.9 MB JSON string of Vietnamese text took longer than building it. The pending prior-approval claims the report shows are kept',
      'with the timelines (migration `1764220000000-ReportClaimWrites` notes their changes, and a system changing owner, for the check).',
      "The report's work grows with the bodies, not with custody periods or dossiers.",
      "The bench checks the timeline's figures against the plain SQL on every day it measures, the merger day 01/07/2025 included",
      '(section "Approval-rate report: targets, plain SQL and the precomputed-rows floor").',
    ].join(' '),
  },
  {
    title: 'Dossier PDF: the fonts parsed and their words shaped once per process',
    measurements: [DOSSIER_PDF],
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
    measurements: [PROVINCE_REPORT, NATIONAL_REPORT, AFTER_CHANGE_PROVINCE, AFTER_CHANGE_NATIONAL, COLD_PROVINCE, COLD_NATIONAL],
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
    measurements: [PROVINCE_REPORT, NATIONAL_REPORT],
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
    measurements: [SYSTEMS_PROVINCE, SYSTEMS_NATIONAL],
    why: [
      '`getManyAndCount` sent the filtered query twice: the page, then `COUNT(DISTINCT id)`; each evaluated the trigram `LIKE` through the',
      'GIN index again (3.5–4.6 ms for a common phrase such as "quan ly van ban", which matches 3,976 systems).',
    ].join(' '),
    fix: 'The page carries the total as `count(*) OVER ()` (`SystemsQueryService.list`), so the search runs once; a page past the end still counts separately.',
  },
  {
    title: 'Authentication: the signing key as a KeyObject',
    measurements: [DOSSIER, SYSTEMS_PROVINCE],
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
