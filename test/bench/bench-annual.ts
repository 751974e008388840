import autocannon from 'autocannon';
import { Client } from 'pg';
import { ANNUAL_FORMATS, AnnualFormat, annualName } from './bench-targets';
import { cycling, load, Measurement, probe, summarise, timed, timing, Timing } from './measure';
import { AnnualFigures, apiAnnualFigures, plainAnnualFigures, sumAnnualFigures } from './plain-annual-sql';

/** Mẫu 08 (GET /reports/annual) through the API and its plain-SQL floor, for a province and for the country. */
export interface AnnualResults {
  year: number;
  /** The figures' day and the period's first day, as the API answered them. */
  asOf: string | null;
  periodFrom: string | null;
  notMeasured: { name: string; connections: number; reason: string }[];
  plainSql: { province?: Timing; national?: Timing };
  figures: { scope: string; api: AnnualFigures | null; sql: AnnualFigures; match: boolean | null; note?: string }[];
}

export interface AnnualContext {
  url: string;
  admin: string;
  leaderTokens: Map<string, string>;
  provinces: string[];
  checkProvince: string;
  sqlClient: Client;
  year: number;
  /** The load's second level of connections (the JSON only). */
  connections: number;
  duration: number;
  warmup: number;
  run: (m: Promise<Measurement>) => Promise<Measurement>;
  log: (m: string) => void;
}

const MEDIA: Record<AnnualFormat, string> = {
  json: 'application/json',
  xlsx: 'spreadsheetml',
  pdf: 'application/pdf',
};

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function getJson<T>(url: string, path: string, token: string): Promise<{ status: number; body?: T; error?: string }> {
  const res = await fetch(`${url}${path}`, { headers: auth(token) });
  const text = await res.text();
  return res.status === 200 ? { status: 200, body: JSON.parse(text) as T } : { status: res.status, error: problemText(text) };
}

/** A problem+json answer in a few words (its code, detail and field errors), else the start of the body. */
function problemText(text: string): string {
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string; errors?: Record<string, string[]> };
    const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(', ')}`);
    return [problem.code, problem.detail, fields.length ? `(${fields.join('; ')})` : ''].filter(Boolean).join(' ');
  } catch {
    return text.slice(0, 200);
  }
}

interface AnnualJson {
  asOf: string;
  period: { from: string };
  summary: AnnualFigures;
}

/**
 * Mẫu 08 for a province (each request by the leader of the next province) and for the country (the administrator), in
 * JSON, XLSX and PDF with 1 connection, JSON also with more; the figures of the API's JSON checked against the plain SQL
 * (the country's, while the API has no national scope, against the sum of its provinces' JSON); the plain SQL timed.
 */
export async function measureAnnual(ctx: AnnualContext): Promise<AnnualResults> {
  const { url, admin, year, log } = ctx;
  const result: AnnualResults = { year, asOf: null, periodFrom: null, notMeasured: [], plainSql: {}, figures: [] };
  const first = await getJson<AnnualJson>(url, `/api/v1/reports/annual?year=${year}&format=json`, ctx.leaderTokens.get(ctx.checkProvince)!);
  if (!first.body) {
    const reason = `GET /reports/annual?year=${year} answered ${first.status}: ${first.error}`;
    for (const scope of ['province', 'national'] as const)
      for (const format of ANNUAL_FORMATS) result.notMeasured.push({ name: annualName(scope, format), connections: 1, reason });
    log(`Mẫu 08: không đo — ${reason}`);
    return result;
  }
  result.asOf = first.body.asOf;
  result.periodFrom = first.body.period.from;
  const { asOf, periodFrom } = { asOf: first.body.asOf, periodFrom: first.body.period.from };

  // The figures first: a fast report of wrong numbers proves nothing.
  const provinceSql = await plainAnnualFigures(ctx.sqlClient, ctx.checkProvince, asOf, periodFrom);
  const provinceApi = apiAnnualFigures(first.body);
  const provinceMatch = JSON.stringify(provinceApi) === JSON.stringify(provinceSql);
  result.figures.push({ scope: ctx.checkProvince, api: provinceApi, sql: provinceSql, match: provinceMatch });
  log(
    `Mẫu 08 ${ctx.checkProvince}: API ${JSON.stringify(provinceApi)} — SQL ${JSON.stringify(provinceSql)} — ${provinceMatch ? 'khớp' : 'KHÁC'}`,
  );

  // The country: `scope=national` if the API has it (as the approval-rate report does), else not measured.
  let nationalPath: string | undefined;
  const national = await getJson<AnnualJson>(url, `/api/v1/reports/annual?year=${year}&scope=national&format=json`, admin);
  const nationalSql = await plainAnnualFigures(ctx.sqlClient, null, asOf, periodFrom);
  if (national.body) {
    nationalPath = `/api/v1/reports/annual?year=${year}&scope=national`;
    const api = apiAnnualFigures(national.body);
    result.figures.push({ scope: 'national', api, sql: nationalSql, match: JSON.stringify(api) === JSON.stringify(nationalSql) });
  } else {
    const reason = `the API has no national scope for Mẫu 08 (GET /reports/annual?scope=national as administrator answered ${national.status}: ${national.error})`;
    for (const format of ANNUAL_FORMATS) result.notMeasured.push({ name: annualName('national', format), connections: 1, reason });
    const parts: AnnualFigures[] = [];
    for (const p of ctx.provinces) {
      const res = await getJson<AnnualJson>(url, `/api/v1/reports/annual?year=${year}&province=${p}&format=json`, admin);
      if (res.body) parts.push(apiAnnualFigures(res.body));
    }
    const api = parts.length === ctx.provinces.length ? sumAnnualFigures(parts) : null;
    result.figures.push({
      scope: 'national',
      api,
      sql: nationalSql,
      match: api ? JSON.stringify(api) === JSON.stringify(nationalSql) : null,
      note: `API figures: the sum of the ${ctx.provinces.length} provinces' JSON (as administrator), the API having no national scope`,
    });
    log(`Mẫu 08 toàn quốc: không đo qua API — ${reason}`);
  }
  log(
    `Mẫu 08 toàn quốc: SQL ${JSON.stringify(nationalSql)} — ${result.figures.at(-1)!.match === null ? 'chưa so được' : result.figures.at(-1)!.match ? 'khớp tổng các tỉnh' : 'KHÁC'}`,
  );

  const nextProvince = cycling(ctx.provinces);
  const scopes = [
    {
      scope: 'province' as const,
      request: (format: AnnualFormat): autocannon.Request => ({
        method: 'GET',
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/reports/annual?year=${year}&format=${format}`,
          headers: auth(ctx.leaderTokens.get(nextProvince())!),
        }),
      }),
    },
    ...(nationalPath
      ? [
          {
            scope: 'national' as const,
            request: (format: AnnualFormat): autocannon.Request => ({
              method: 'GET',
              path: `${nationalPath}&format=${format}`,
              headers: auth(admin),
            }),
          },
        ]
      : []),
  ];
  for (const { scope, request } of scopes) {
    for (const format of ANNUAL_FORMATS) {
      const name = annualName(scope, format);
      const template = request(format);
      const once = await probe(url, template.setupRequest ? template.setupRequest({ ...template }, {}) : template);
      if (once.status !== 200 || !once.contentType.includes(MEDIA[format])) {
        const reason = `answered ${once.status} (${once.contentType})${once.error ? `: ${problemText(once.error)}` : ''}`;
        result.notMeasured.push({ name, connections: 1, reason });
        log(`${name}: không đo — ${reason}`);
        continue;
      }
      if (once.ms > 5000) {
        await ctx.run(
          Promise.resolve({ ...summarise(name, [once.ms], once.ms / 1000, 1), note: 'one request only: too slow for a load test' }),
        );
        continue;
      }
      for (const connections of format === 'json' ? [...new Set([1, ctx.connections])] : [1])
        await ctx.run(load({ url, connections, duration: ctx.duration, warmup: ctx.warmup, name, requests: [request(format)] }));
    }
  }

  // The floor: the plain SQL for each province once (after one run to warm it), and for the country three times.
  await plainAnnualFigures(ctx.sqlClient, ctx.provinces[0], asOf, periodFrom);
  const provinceTimes: number[] = [];
  for (const p of ctx.provinces) provinceTimes.push((await timed(() => plainAnnualFigures(ctx.sqlClient, p, asOf, periodFrom))).ms);
  const nationalTimes: number[] = [];
  for (let i = 0; i < 3; i++) nationalTimes.push((await timed(() => plainAnnualFigures(ctx.sqlClient, null, asOf, periodFrom))).ms);
  result.plainSql = { province: timing(provinceTimes), national: timing(nationalTimes) };
  log(
    `Mẫu 08, SQL thuần: tỉnh p50 ${result.plainSql.province!.p50.toFixed(1)} ms, toàn quốc p50 ${result.plainSql.national!.p50.toFixed(0)} ms`,
  );
  return result;
}
