import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DISTRICTS_ENDED, STRUCTURE_FROM } from '../../seeds/national/national-agencies';
import { agencyProgress } from '../../src/reports/agency-progress.query';
import { percentile, timed, timeQuery, timing, Timing } from './measure';
import { PLAIN_AFTER_APPROVAL_SQL } from './plain-after-approval-sql';
import { figuresFromRows, PLAIN_BODIES_SQL, PLAIN_LEVELS_SQL, ReportFigures } from './plain-report-sql';

/**
 * The precomputed-rows floor of the approval-rate report (issue 25): for each body of the scope that exists on $2 ($1
 * province, null: the country), its row of `report_body_timeline` with the greatest `from_day` on or before $2 (one index
 * descent per body: a row holds a body's figures from its `from_day` until the next). Days as text, so that both ways of
 * reading compare them as the report does.
 */
export const TIMELINE_ROWS_SQL = `
  SELECT a.id, t.first_submitted_on::text AS first_submitted_on, t.first_approved_on::text AS first_approved_on,
         t.systems, t.operating, t.approved, t.level1, t.level2, t.level3, t.level4, t.level5
    FROM agencies a
    LEFT JOIN LATERAL (
      SELECT * FROM report_body_timeline t WHERE t.body_id = a.id AND t.from_day <= $2 ORDER BY t.from_day DESC LIMIT 1) t ON true
   WHERE ($1::varchar IS NULL OR a.province_code = $1) AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to >= $2)`;

interface TimelineRow {
  first_submitted_on: string | null;
  first_approved_on: string | null;
  systems: number | null;
  operating: number | null;
  approved: number | null;
  level1: number | null;
  level2: number | null;
  level3: number | null;
  level4: number | null;
  level5: number | null;
}

/** The report's headline figures on `day` from the timeline rows (a body with no row yet counts with nothing). */
export function timelineFigures(rows: TimelineRow[], day: string): ReportFigures {
  const sum = (key: keyof TimelineRow) => rows.reduce((total, r) => total + Number(r[key] ?? 0), 0);
  return {
    bodies: rows.length,
    submitted: rows.filter((r) => r.first_submitted_on !== null && r.first_submitted_on <= day).length,
    approved: rows.filter((r) => r.first_approved_on !== null && r.first_approved_on <= day).length,
    systems: sum('systems'),
    operating: sum('operating'),
    withApprovedLevel: sum('approved'),
    byLevel: { '1': sum('level1'), '2': sum('level2'), '3': sum('level3'), '4': sum('level4'), '5': sum('level5') },
  };
}

export interface ScopeFloors {
  /** PLAIN_BODIES_SQL and PLAIN_LEVELS_SQL one after the other. */
  plainSql: Timing;
  /** `agencyProgress`, the report's own query, run with pg directly (its rows mapped as the report maps them). */
  reportQuery?: Timing;
  /** The scope's timeline rows: `rows` a run (the last day's), `bytes` of COPY text. */
  timeline?: { rows: number; bytes: number; raw: Timing; parsed: Timing };
}

export interface ReportFloors {
  days: string[];
  provinces: number;
  province: ScopeFloors;
  national: ScopeFloors;
  reportQueryNotMeasured?: string;
  timelineNotMeasured?: string;
  /** Every (scope, day) measured: the timeline's figures against the plain SQL's (the figures kept for the country and for any difference). */
  checks: { scope: string; day: string; match: boolean; timeline?: ReportFigures; sql?: ReportFigures }[];
}

/**
 * The days the floors are measured (and the timeline checked) on: the dataset's last day, one a quarter back to the
 * structure of 01/07/2025, its first day and the day before (the districts' last), a day before any activity, and one
 * after the last day.
 */
export function floorDays(today: string): string[] {
  const quarterEnds = ['2026-09-30', '2026-06-30', '2026-03-31', '2025-12-31', '2025-09-30'].filter((d) => d < today);
  return [today, ...quarterEnds, STRUCTURE_FROM, DISTRICTS_ENDED, '2025-01-15', '2026-12-31'];
}

/** Runs `sql` with its parameters written in (COPY takes none) and streams its rows out as text, unparsed: the bytes. */
async function copyOut(client: Client, sql: string, params: (string | null)[]): Promise<number> {
  const text = sql.replace(/\$(\d+)/g, (_, i: string) => {
    const value = params[Number(i) - 1];
    return value === null ? 'NULL' : client.escapeLiteral(value);
  });
  let bytes = 0;
  for await (const chunk of client.query(copyTo(`COPY (${text}) TO STDOUT`)) as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

/** Why the timeline cannot be read here, or undefined when it can. */
async function timelineMissing(client: Client): Promise<string | undefined> {
  const [{ present }] = (await client.query(`SELECT to_regclass('report_body_timeline') IS NOT NULL AS present`)).rows;
  if (!present)
    return 'table report_body_timeline does not exist in this database (migration 1764210000000-ReportBodyTimeline not applied)';
  try {
    await client.query(TIMELINE_ROWS_SQL, ['SL', '2026-01-01']);
    return undefined;
  } catch (error) {
    return `report_body_timeline cannot be read as the bench expects: ${(error as Error).message}`;
  }
}

/** `agencyProgress` over this client: the report's own query (or queries) with pg directly. */
const viaClient = (client: Client) =>
  ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }) as never;

/**
 * For the country and for every province, on each of `days`: the plain SQL, the report's own query, and the timeline rows
 * read unparsed (COPY … TO STDOUT) and through node-pg as objects; the timeline's figures are checked against the plain
 * SQL's on each. The country's timeline is read three times a day (it is the figure the floor speaks of).
 */
export async function measureReportFloors(
  client: Client,
  provinces: string[],
  days: string[],
  log: (m: string) => void,
): Promise<ReportFloors> {
  const timelineNotMeasured = await timelineMissing(client);
  if (timelineNotMeasured) log(`Sàn dòng tính sẵn: không đo — ${timelineNotMeasured}.`);
  let reportQueryNotMeasured: string | undefined;
  const checks: ReportFloors['checks'] = [];
  const scopes = { province: newSeries(), national: newSeries() };
  const bytes = { province: 0, national: 0 };
  const rows = { province: 0, national: 0 };
  for (const province of [null, ...provinces]) {
    const key = province === null ? 'national' : 'province';
    const series = scopes[key];
    for (const [index, day] of days.entries()) {
      const params = [province, day];
      if (index === 0) {
        // Warm-up for this scope (plans, buffers): not counted.
        await client.query(PLAIN_BODIES_SQL, params);
        if (!timelineNotMeasured) await client.query(TIMELINE_ROWS_SQL, params);
      }
      const bodies = await timed(() => client.query(PLAIN_BODIES_SQL, params));
      const levels = await timed(() => client.query(PLAIN_LEVELS_SQL, params));
      series.plain.push(bodies.ms + levels.ms);
      const sql = figuresFromRows(bodies.value.rows, levels.value.rows);
      if (!reportQueryNotMeasured) {
        try {
          series.report.push((await timed(() => agencyProgress(viaClient(client), { provinceCode: province, asOf: day }))).ms);
        } catch (error) {
          reportQueryNotMeasured = `agencyProgress could not run with pg directly: ${(error as Error).message}`;
        }
      }
      if (timelineNotMeasured) continue;
      let last: TimelineRow[] = [];
      for (let run = 0; run < (province === null ? 3 : 1); run++) {
        const raw = await timed(() => copyOut(client, TIMELINE_ROWS_SQL, params));
        series.raw.push(raw.ms);
        bytes[key] = raw.value;
        const parsed = await timed(() => client.query(TIMELINE_ROWS_SQL, params));
        series.parsed.push(parsed.ms);
        last = parsed.value.rows as TimelineRow[];
      }
      rows[key] = last.length;
      const timeline = timelineFigures(last, day);
      const match = JSON.stringify(timeline) === JSON.stringify(sql);
      checks.push({ scope: province ?? 'national', day, match, ...(province === null || !match ? { timeline, sql } : {}) });
      if (!match)
        log(`Dòng tính sẵn KHÁC SQL thuần (${province ?? 'toàn quốc'}, ${day}): ${JSON.stringify(timeline)} — ${JSON.stringify(sql)}`);
    }
  }
  const floors = (key: 'province' | 'national'): ScopeFloors => ({
    plainSql: timing(scopes[key].plain),
    reportQuery: scopes[key].report.length ? timing(scopes[key].report) : undefined,
    timeline: timelineNotMeasured
      ? undefined
      : { rows: rows[key], bytes: bytes[key], raw: timing(scopes[key].raw), parsed: timing(scopes[key].parsed) },
  });
  return {
    days,
    provinces: provinces.length,
    province: floors('province'),
    national: floors('national'),
    reportQueryNotMeasured,
    timelineNotMeasured,
    checks,
  };
}

function newSeries() {
  return { plain: [] as number[], report: [] as number[], raw: [] as number[], parsed: [] as number[] };
}

export interface PlainToday {
  plainSql: {
    province: { p50: number; runs: number; reportQueryP50?: number };
    national: { p50: number; runs: number; reportQueryP50?: number };
  };
  afterApprovalTimes: number[];
}

/**
 * As of the dataset's last day, with pg directly: the plain SQL for each province (a few rounds) and for the country (10
 * runs), the report's own query the same way, and the after-approval dashboard's plain SQL (the figures of earlier runs).
 */
export async function measurePlainToday(client: Client, provinces: string[], today: string): Promise<PlainToday> {
  /** The median; undefined when a run failed (the report's query could not run with pg directly). */
  const median = (values: number[]) =>
    values.some(Number.isNaN)
      ? undefined
      : percentile(
          [...values].sort((a, b) => a - b),
          50,
        );
  const provinceSql: number[] = [];
  const ownProvince: number[] = [];
  const afterApprovalTimes: number[] = [];
  const rounds = Math.max(3, Math.round(30 / provinces.length));
  const own = async (provinceCode: string | null) => {
    try {
      return (await timed(() => agencyProgress(viaClient(client), { provinceCode, asOf: today }))).ms;
    } catch {
      return NaN;
    }
  };
  for (let round = 0; round < rounds; round++) {
    for (const p of provinces) {
      const warm = round === 0 ? 1 : 0;
      const [a] = await timeQuery(client, PLAIN_BODIES_SQL, [p, today], 1, warm);
      const [b] = await timeQuery(client, PLAIN_LEVELS_SQL, [p, today], 1, warm);
      provinceSql.push(a + b);
      if (round === 0) await own(p);
      ownProvince.push(await own(p));
      afterApprovalTimes.push(...(await timeQuery(client, PLAIN_AFTER_APPROVAL_SQL, [p, today], 1, warm)));
    }
  }
  const ownNational: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t = await own(null);
    if (i >= 2) ownNational.push(t);
  }
  const nationalBodies = await timeQuery(client, PLAIN_BODIES_SQL, [null, today], 10);
  const nationalLevels = await timeQuery(client, PLAIN_LEVELS_SQL, [null, today], 10);
  const nationalSql = nationalBodies.map((t, i) => t + nationalLevels[i]);
  return {
    plainSql: {
      province: { p50: median(provinceSql)!, runs: provinceSql.length, reportQueryP50: median(ownProvince) },
      national: { p50: median(nationalSql)!, runs: nationalSql.length, reportQueryP50: median(ownNational) },
    },
    afterApprovalTimes,
  };
}
