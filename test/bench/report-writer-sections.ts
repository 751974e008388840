import { describeColdDays } from './bench-cold-days';
import type { ScopeFloors } from './bench-report-floors';
import {
  AFTER_APPROVAL_PROVINCE,
  AFTER_CHANGE_NATIONAL,
  AFTER_CHANGE_PROVINCE,
  ANNUAL_FORMATS,
  annualName,
  COLD_NATIONAL,
  COLD_PROVINCE,
  met,
  NATIONAL_REPORT,
  PROVINCE_REPORT,
  targetLabel,
} from './bench-targets';
import { Measurement, Timing } from './measure';
import { ReportFigures } from './plain-report-sql';
import type { BenchResults } from './report-writer';
import { find, mb, ms, n, pair, rps } from './report-format';

const figures = (f: ReportFigures) =>
  `${n(f.bodies)} bodies, ${n(f.submitted)} submitted, ${n(f.approved)} approved; ${n(f.systems)} systems, ${n(f.operating)} operating, ` +
  `${n(f.withApprovedLevel)} with an approved level (${Object.entries(f.byLevel)
    .map(([l, c]) => `level ${l}: ${n(c)}`)
    .join(', ')})`;

const ratio = (m: Measurement | undefined, floor: Timing | undefined) => (m && floor ? (m.p50 / floor.p50).toFixed(2) : '—');

/**
 * Issue 25, item 1: every approval-rate row with its target, beside the plain SQL, the report's own query and the
 * precomputed-rows floor of its scope, and whether the timeline gives the plain SQL's figures on the days measured.
 */
export function reportFloorsSection(r: BenchResults): string[] {
  const f = r.reportFloors;
  if (!f) return [];
  const out = [
    '## Approval-rate report: targets, plain SQL and the precomputed-rows floor',
    '',
    'Each API row (1 connection) beside what the same scope costs read with pg directly, one query after another on one connection, on',
    `the ${f.days.length} days listed below (every province, and the country, on each): the plain SQL (\`test/bench/plain-report-sql.ts\`), the report's`,
    "own query (`agencyProgress`, its rows mapped as the report maps them), and the floor: the scope's rows of `report_body_timeline`, one",
    'per body (the row with the greatest `from_day` on or before the day, one index descent per body), read (a) as COPY text, not parsed',
    '(round trip), and (b) through node-pg as objects. The rows "a day not asked before" are the ones issue 25 sets targets for.',
    '',
    "| report | API p50 / p99 ms | target | met? | plain SQL p50 / p99 ms | report's own query p50 / p99 ms | timeline rows, round trip p50 / p99 ms | timeline rows, node-pg objects p50 / p99 ms | rows | API ÷ plain SQL |",
    '|---|---:|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, scope, label] of [
    [COLD_NATIONAL, 'national', 'national, a day not asked before'],
    [COLD_PROVINCE, 'province', 'province, a day not asked before'],
    [AFTER_CHANGE_NATIONAL, 'national', 'national, right after a change in one province'],
    [AFTER_CHANGE_PROVINCE, 'province', 'province, right after a change in it'],
    [NATIONAL_REPORT, 'national', 'national, kept by the report cache'],
    [PROVINCE_REPORT, 'province', 'province, kept by the report cache'],
  ] as const) {
    const m = find(r, name);
    const s = f[scope];
    const t = s.timeline;
    out.push(
      `| ${label} | ${pair(m)} | ${targetLabel(name)} | ${met(m)} | ${pair(s.plainSql)} | ${pair(s.reportQuery)} | ${t ? pair(t.raw) : 'not measured'} | ${t ? pair(t.parsed) : 'not measured'} | ${t ? n(t.rows) : '—'} | ${ratio(m, s.plainSql)} |`,
    );
  }
  const runs = (s: ScopeFloors) =>
    `plain SQL ${s.plainSql.runs}, report's query ${s.reportQuery?.runs ?? 0}, timeline ${s.timeline?.raw.runs ?? 0} + ${s.timeline?.parsed.runs ?? 0}`;
  const mismatches = f.checks.filter((c) => !c.match);
  const bullets = [
    `- Days: ${f.days.join(', ')}. Runs: province (${f.provinces} provinces × ${f.days.length} days) ${runs(f.province)}; national ${runs(f.national)}.`,
    f.timelineNotMeasured
      ? `- Precomputed-rows floor: not measured: ${f.timelineNotMeasured}.`
      : `- Timeline rows a run: ${n(f.national.timeline!.rows)} for the country (${(f.national.timeline!.bytes / 1024).toFixed(0)} KiB as COPY text), ${n(f.province.timeline!.rows)} for the last province.`,
    f.reportQueryNotMeasured ? `- Report's own query: not measured: ${f.reportQueryNotMeasured}.` : '',
    f.timelineNotMeasured
      ? ''
      : mismatches.length === 0
        ? `- The timeline gives the plain SQL's figures on all ${f.checks.length} (scope, day) pairs measured.`
        : `- **The timeline differs from the plain SQL on ${mismatches.length} of ${f.checks.length} (scope, day) pairs**: ${mismatches
            .slice(0, 5)
            .map((c) => `${c.scope} ${c.day}: timeline ${JSON.stringify(c.timeline)}, SQL ${JSON.stringify(c.sql)}`)
            .join('; ')}.`,
    ...f.checks
      .filter((c) => c.scope === 'national' && c.sql)
      .map((c) => `- national on ${c.day}: ${figures(c.sql!)}${c.match ? '' : ' (plain SQL; the timeline differs)'}.`),
    r.coldDays ? `- How the rows "a day not asked before" kept clear of the report cache: ${describeColdDays(r.coldDays)}.` : '',
  ];
  out.push('', ...bullets.filter((line) => line !== ''), '');
  return out;
}

/** Issue 25, item 3: Mẫu 08 and the after-approval dashboard, each beside its plain SQL, with its figures checked. */
export function annualSection(r: BenchResults): string[] {
  const a = r.annual;
  if (!a && !r.afterApproval) return [];
  const out = [
    '## Mẫu 08 and the after-approval dashboard against their plain SQL',
    '',
    'Mẫu 08 (`GET /reports/annual`, ' +
      (a ? `year ${a.year}, figures as of ${a.asOf ?? '—'} from ${a.periodFrom ?? '—'}` : 'not measured') +
      "): a province's, each request by the leader of the next province, and the country's as administrator, in JSON, XLSX and PDF. Its",
    'plain SQL (`test/bench/plain-annual-sql.ts`) computes the summary (stages, levels, statuses, deployment, inspections, the period) in one',
    "statement with pg directly; the files' own cost (layout, compression) is beyond it. The after-approval dashboard's plain SQL is",
    '`test/bench/plain-after-approval-sql.ts`. No latency target is set for these (issue 25 asks for them measured beside their floor).',
    '',
    '| report | connections | API p50 / p99 ms | req/s | target | plain SQL p50 / p99 ms | API ÷ plain SQL | same figures? |',
    '|---|---:|---:|---:|---|---:|---:|---|',
  ];
  if (a) {
    for (const scope of ['province', 'national'] as const) {
      const floor = a.plainSql[scope];
      const check = a.figures.find((c) => (scope === 'national' ? c.scope === 'national' : c.scope !== 'national'));
      const same = check ? (check.match === null ? 'not checked' : check.match ? `yes (${check.scope})` : `**no** (${check.scope})`) : '—';
      for (const format of ANNUAL_FORMATS) {
        const name = annualName(scope, format);
        const rows = r.measurements.filter((m) => m.name === name);
        const missing = a.notMeasured.find((x) => x.name === name);
        const reason =
          missing && format !== 'json' && missing.reason === a.notMeasured.find((x) => x.name === annualName(scope, 'json'))?.reason;
        if (rows.length === 0)
          out.push(
            `| ${name} | 1 | not measured: ${reason ? 'as JSON' : (missing?.reason ?? '—')} | — | — | ${pair(floor)}${floor ? ` (${floor.runs} runs)` : ''} | — | ${format === 'json' ? same : '—'} |`,
          );
        for (const m of rows)
          out.push(
            `| ${name} | ${m.connections} | ${pair(m)} | ${rps(m)} | ${targetLabel(name)} | ${pair(floor)}${floor ? ` (${floor.runs} runs)` : ''} | ${ratio(m, floor)} | ${format === 'json' ? same : '—'} |`,
          );
      }
    }
  }
  if (r.afterApproval) {
    const aa = r.afterApproval;
    for (const m of r.measurements.filter((x) => x.name === AFTER_APPROVAL_PROVINCE))
      out.push(
        `| ${m.name} | ${m.connections} | ${pair(m)} | ${rps(m)} | ${targetLabel(m.name)} | ${ms(aa.plainSqlP50)}${aa.plainSqlP99 !== undefined ? ` / ${ms(aa.plainSqlP99)}` : ''} (${aa.runs} runs) | ${(m.p50 / aa.plainSqlP50).toFixed(2)} | ${aa.figures.match ? 'yes' : '**no**'} (${aa.figures.scope}) |`,
      );
  }
  out.push('');
  for (const c of a?.figures ?? []) {
    out.push(
      `- Mẫu 08 ${c.scope}: ${c.match === null ? 'not checked' : c.match ? 'same figures' : '**different figures**'}${c.note ? ` (${c.note})` : ''} —`,
      `  API ${c.api ? JSON.stringify(c.api) : '—'}, SQL ${JSON.stringify(c.sql)}.`,
    );
  }
  if (r.afterApproval)
    out.push(
      `- After-approval dashboard (${r.afterApproval.figures.scope}): API ${JSON.stringify(r.afterApproval.figures.api)}, SQL ${JSON.stringify(r.afterApproval.figures.sql)}.`,
    );
  out.push('');
  return out;
}

/** Issue 25, item 5: the same requests against one process and against the cluster entry, side by side. */
export function clusterSection(r: BenchResults): string[] {
  const c = r.cluster;
  if (!c) return [];
  return [
    '## One process and the cluster',
    '',
    `\`node dist/src/main.js\` (one process) and then \`node dist/src/cluster.js\` with \`CLUSTER_WORKERS=${c.workers}\` (\`os.availableParallelism()\` on this`,
    `machine), on the same database, port and settings, each measured right after its start at the end of the run (after the import${r.import.created ? ', so one' : ', which'}`,
    `${r.import.created ? 'province has its imported systems too' : 'created nothing'}); ${r.options.warmup} s warm-up then ${r.options.duration} s per row. With 1 connection autocannon keeps one`,
    'keep-alive connection, so one worker answers it; the cores are shared with PostgreSQL and autocannon. Start-up: one process',
    `${c.startupMs.single} ms${c.startupMs.cluster !== undefined ? `, the cluster ${c.startupMs.cluster} ms to its first answer` : ''}. RSS at the end: one process ${mb(c.rss.single)}${c.rss.cluster !== undefined ? `, the cluster's processes together ${mb(c.rss.cluster)}` : ''}.`,
    c.notMeasured ? `The cluster: not measured: ${c.notMeasured}.` : '',
    '',
    '| request | connections | one process p50 / p99 ms | one process req/s | cluster p50 / p99 ms | cluster req/s | cluster ÷ one process req/s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...c.rows.map(
      (row) =>
        `| ${row.name} | ${row.connections} | ${pair(row.single)}${row.single.failures ? ` (${row.single.failures} failed)` : ''} | ${rps(row.single)} | ${row.cluster ? pair(row.cluster) : 'not measured'}${row.cluster?.failures ? ` (${row.cluster.failures} failed)` : ''} | ${rps(row.cluster)} | ${row.cluster ? (row.cluster.rps / row.single.rps).toFixed(2) : '—'} |`,
    ),
    '',
  ];
}
