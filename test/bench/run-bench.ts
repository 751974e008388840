import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DATASET_TODAY } from '../../seeds/national/national-dossiers';
import { agencyProgress } from '../../src/reports/agency-progress.query';
import { LoadReport, NATIONAL_PASSWORD } from '../../seeds/national/load-national';
import { benchCluster, cloneForRun, ensureDataset } from './bench-database';
import { BenchFixtures, getJson, readFixtures, signIn } from './bench-fixtures';
import { describeImportMemory, ImportMeasurement, ImportMemoryMeasurement, measureImport, measureImportMemory } from './bench-import';
import { compileApp, RunningServer, sampleRss, startServer } from './bench-server';
import { cycling, load, Measurement, percentile, summarise, timeQuery } from './measure';
import { apiAfterApprovalFigures, PLAIN_AFTER_APPROVAL_SQL, plainAfterApprovalFigures } from './plain-after-approval-sql';
import { apiFigures, PLAIN_BODIES_SQL, PLAIN_LEVELS_SQL, plainFigures, ReportFigures } from './plain-report-sql';
import {
  AFTER_APPROVAL_PROVINCE,
  AFTER_CHANGE_NATIONAL,
  AFTER_CHANGE_PROVINCE,
  BenchResults,
  COLD_NATIONAL,
  COLD_PROVINCE,
  FIXES,
  writeBenchmarksMarkdown,
} from './report-writer';
import { freePort } from '../support/test-cluster';
import { importMemoryOnly, provinceAgencies, UNLIMITED_FILES } from './bench-import-memory';

const ROOT = path.resolve(__dirname, '..', '..');
/** Committed figures of earlier runs (the "before" of each fix) and of the reliability tests, outside test/. */
const RESULTS_DIR = path.join(ROOT, 'docs', 'benchmarks');

export interface BenchOptions {
  scale: number;
  seed: number;
  duration: number;
  warmup: number;
  connections: number;
  fresh: boolean;
  out: string;
  dataDir: string;
  saveBaseline?: string;
  baseline: string;
  importRows: number;
  /** Rows of the import whose peak RSS is measured (with the hostile workbook of issue 16); 0 skips it. */
  importMemoryRows: number;
  /** Only that measurement, on the Sơn La demo data instead of the national dataset (about a minute). */
  importMemoryOnly: boolean;
  /** Only rewrite the markdown from the last run's figures (after editing the writer). */
  renderOnly: boolean;
}

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    scale: 1,
    seed: 2026,
    duration: 10,
    warmup: 3,
    connections: 4,
    fresh: false,
    out: path.join(ROOT, 'BENCHMARKS.md'),
    dataDir: path.join(ROOT, '.data', 'bench'),
    baseline: path.join(RESULTS_DIR, 'baseline-before-fixes.json'),
    importRows: 10_000,
    importMemoryRows: 20_000,
    importMemoryOnly: false,
    renderOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale':
        options.scale = Number(value());
        break;
      case '--seed':
        options.seed = Number(value());
        break;
      case '--duration':
        options.duration = Number(value());
        break;
      case '--warmup':
        options.warmup = Number(value());
        break;
      case '--connections':
        options.connections = Number(value());
        break;
      case '--import-rows':
        options.importRows = Number(value());
        break;
      case '--import-memory-rows':
        options.importMemoryRows = Number(value());
        break;
      case '--import-memory-only':
        options.importMemoryOnly = true;
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--render-only':
        options.renderOnly = true;
        break;
      case '--out':
        options.out = path.resolve(value());
        break;
      case '--data-dir':
        options.dataDir = path.resolve(value());
        break;
      case '--save-baseline':
        options.saveBaseline = path.resolve(value());
        break;
      case '--baseline':
        options.baseline = path.resolve(value());
        break;
      case '--help':
        console.log(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`Tham số không hợp lệ: ${argv[i]}\n${HELP}`);
    }
  }
  if (!(options.scale > 0 && options.scale <= 1)) throw new Error('--scale phải trong khoảng (0, 1].');
  return options;
}

const HELP = `npm run bench -- [--scale 1] [--seed 2026] [--duration 10] [--warmup 3] [--connections 4] [--import-rows 10000]
                  [--import-memory-rows 20000] [--import-memory-only] [--fresh] [--out BENCHMARKS.md] [--data-dir .data/bench] [--save-baseline file.json] [--baseline file.json]
                  [--render-only]`;

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.renderOnly) {
    const results = JSON.parse(fs.readFileSync(path.join(options.dataDir, 'last-results.json'), 'utf8')) as BenchResults;
    fs.writeFileSync(options.out, writeBenchmarksMarkdown(results, readBaseline(options), readReliability(), readFixBaselines()));
    log(`Đã ghi ${path.relative(ROOT, options.out) || options.out} từ lần chạy ${results.at}.`);
    return;
  }
  if (options.importMemoryOnly) return importMemoryOnly(options, log);
  const started = Date.now();
  const loadBefore = os.loadavg();
  const distDir = path.join(options.dataDir, 'dist');
  log('Biên dịch ứng dụng (SWC)…');
  compileApp(distDir);

  const cluster = benchCluster(options.dataDir, await freePort(), log);
  await cluster.start();
  let server: RunningServer | undefined;
  // Ctrl+C: stop the server and PostgreSQL rather than leave them running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: dừng máy chủ và PostgreSQL…`);
      void Promise.resolve(server?.stop())
        .then(() => cluster.stop())
        .finally(() => process.exit(130));
    });
  }
  try {
    const dataset: LoadReport & { reused?: boolean } = await ensureDataset(
      cluster,
      { scale: options.scale, seed: options.seed },
      options.fresh,
      log,
    );
    const clone = await cloneForRun(cluster, { scale: options.scale, seed: options.seed });
    log(`Bản sao cho lần chạy: ${clone.cloneSeconds.toFixed(1)} s; migration mới: ${clone.migrations.join(', ') || 'không'}.`);
    const fixtures = await readFixtures(clone.url);
    const port = await freePort();

    // Start-up: the first start creates pg-boss's schema; the next three are ordinary restarts.
    const startups: number[] = [];
    for (let i = 0; i < 4; i++) {
      server = await startServer(distDir, clone.url, port, UNLIMITED_FILES);
      startups.push(server.startupMs);
      if (i < 3) {
        await server.stop();
        server = undefined;
      }
    }
    log(`Khởi động: ${startups.map((s) => `${s} ms`).join(', ')}`);
    const live = server!;
    const rssIdle = live.rssBytes();
    const rss = sampleRss(live.pid);

    const admin = await signIn(live.url, 'admin');
    const leaderTokens = new Map<string, string>();
    const appraiserTokens = new Map<string, string>();
    for (const p of fixtures.provinces) {
      leaderTokens.set(p, await signIn(live.url, fixtures.leaders.get(p)!));
      appraiserTokens.set(p, await signIn(live.url, fixtures.appraisers.get(p)!));
    }
    const base = { url: live.url, connections: options.connections, duration: options.duration, warmup: options.warmup };
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const measurements: Measurement[] = [];
    const run = async (m: Promise<Measurement>) => {
      const result = await m;
      log(
        `${result.name} ×${result.connections}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.rps.toFixed(0)} req/s, ${result.requests} yêu cầu${result.failures ? `, ${result.failures} LỖI ${JSON.stringify(result.statusCodes)}` : ''}`,
      );
      measurements.push(result);
      return result;
    };

    // The report's figures must be those of the plain SQL before its speed means anything.
    const sqlClient = new Client({ connectionString: clone.url });
    sqlClient.on('error', (error) => log(`pg: ${error.message}`));
    await sqlClient.connect();
    const checkProvince = fixtures.provinces.includes('SL') ? 'SL' : fixtures.provinces[0];
    const figureChecks: { scope: string; api: ReportFigures; sql: ReportFigures; match: boolean }[] = [];
    for (const [scope, path, province] of [
      [checkProvince, `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}&province=${checkProvince}`, checkProvince],
      ['national', `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}&scope=national`, null],
    ] as const) {
      const api = apiFigures(await getJson(live.url, path, admin));
      const sql = await plainFigures(sqlClient, province, DATASET_TODAY);
      figureChecks.push({ scope, api, sql, match: JSON.stringify(api) === JSON.stringify(sql) });
      log(
        `Số liệu ${scope}: API ${JSON.stringify(api)} — SQL ${JSON.stringify(sql)} — ${JSON.stringify(api) === JSON.stringify(sql) ? 'khớp' : 'KHÁC'}`,
      );
    }

    // The after-approval dashboard (issue 20): its figures against its plain SQL, for the check province.
    const afterApprovalApi = apiAfterApprovalFigures(
      await getJson(live.url, `/api/v1/reports/after-approval?asOf=${DATASET_TODAY}&province=${checkProvince}`, admin),
    );
    const afterApprovalSql = await plainAfterApprovalFigures(sqlClient, checkProvince, DATASET_TODAY);
    const afterApprovalMatch = JSON.stringify(afterApprovalApi) === JSON.stringify(afterApprovalSql);
    log(
      `Sau phê duyệt ${checkProvince}: API ${JSON.stringify(afterApprovalApi)} — SQL ${JSON.stringify(afterApprovalSql)} — ${afterApprovalMatch ? 'khớp' : 'KHÁC'}`,
    );

    const users = [...fixtures.leaders.values(), ...fixtures.appraisers.values()];
    const nextUser = cycling(users);
    const terms = [
      'quan ly van ban',
      'mot cua',
      'cong thong tin',
      'camera giam sat',
      'ho tich',
      'ke toan',
      'mang noi bo',
      'co so du lieu',
      'benh vien',
      'hoi nghi truyen hinh',
    ];
    const provinceList = cycling(fixtures.provinces.flatMap((p) => terms.map((t) => ({ p, t }))));
    const nationalTerms = cycling(terms.map((t, i) => ({ t, type: ['CITIZEN_BUSINESS', 'INTERNAL', 'INFRASTRUCTURE'][i % 3] })));
    const nextDossier = cycling(fixtures.dossiers);
    const provinceReports = cycling(fixtures.provinces);
    const afterApprovalProvinces = cycling(fixtures.provinces);
    const pastDays = Array.from({ length: 400 }, (_, i) =>
      new Date(Date.parse(`${DATASET_TODAY}T00:00:00Z`) - (i + 1) * 86_400_000).toISOString().slice(0, 10),
    );
    const coldNational = cycling(pastDays);
    const coldProvince = cycling(pastDays.map((day, i) => ({ day, p: fixtures.provinces[i % fixtures.provinces.length] })));
    const pdfCheck = await fetch(`${live.url}/api/v1/dossiers/${fixtures.dossiers[0]}/documents/thuyet-minh.pdf`, { headers: auth(admin) });
    const pdfAvailable = pdfCheck.status === 200 && (pdfCheck.headers.get('content-type') ?? '').includes('pdf');
    await pdfCheck.arrayBuffer();
    if (!pdfAvailable) log(`PDF chưa đo được: GET …/documents/thuyet-minh.pdf trả về ${pdfCheck.status}.`);

    const scenarios: { name: string; single?: boolean; requests: autocannon.Request[] }[] = [
      {
        name: 'login',
        requests: [
          {
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: { 'content-type': 'application/json' },
            setupRequest: (r) => ({ ...r, body: JSON.stringify({ username: nextUser(), password: NATIONAL_PASSWORD }) }),
          },
        ],
      },
      {
        name: 'systems list, province (leader)',
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const { p, t } = provinceList();
              return {
                ...r,
                path: `/api/v1/systems?q=${encodeURIComponent(t)}&lifecycle=IN_OPERATION&pageSize=50`,
                headers: auth(leaderTokens.get(p)!),
              };
            },
          },
        ],
      },
      {
        name: 'systems list, national (admin)',
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const { t, type } = nationalTerms();
              return { ...r, path: `/api/v1/systems?q=${encodeURIComponent(t)}&systemType=${type}&pageSize=50`, headers: auth(admin) };
            },
          },
        ],
      },
      {
        name: 'dossier (GET /dossiers/:id)',
        requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/dossiers/${nextDossier()}`, headers: auth(admin) }) }],
      },
      { name: 'transition (start-appraisal)', requests: [] },
      {
        name: 'approval-rate report, province (leader)',
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const p = provinceReports();
              return { ...r, path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}`, headers: auth(leaderTokens.get(p)!) };
            },
          },
        ],
      },
      {
        name: AFTER_APPROVAL_PROVINCE,
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const p = afterApprovalProvinces();
              return { ...r, path: `/api/v1/reports/after-approval?asOf=${DATASET_TODAY}`, headers: auth(leaderTokens.get(p)!) };
            },
          },
        ],
      },
      {
        name: 'approval-rate report, national (admin)',
        requests: [{ method: 'GET', path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}&scope=national`, headers: auth(admin) }],
      },
      // The same reports computed on every request: each asks for another of the 400 days before the dataset's last, more than
      // the report cache keeps, so nothing is served from it (what a leader waits for after every submission or approval).
      {
        name: COLD_PROVINCE,
        single: true,
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const { p, day } = coldProvince();
              return { ...r, path: `/api/v1/reports/approval-rate?asOf=${day}`, headers: auth(leaderTokens.get(p)!) };
            },
          },
        ],
      },
      {
        name: COLD_NATIONAL,
        single: true,
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => ({
              ...r,
              path: `/api/v1/reports/approval-rate?asOf=${coldNational()}&scope=national`,
              headers: auth(admin),
            }),
          },
        ],
      },
      ...(pdfAvailable
        ? [
            {
              name: 'dossier PDF (thuyet-minh.pdf)',
              requests: [
                {
                  method: 'GET',
                  setupRequest: (r: autocannon.Request) => ({
                    ...r,
                    path: `/api/v1/dossiers/${nextDossier()}/documents/thuyet-minh.pdf`,
                    headers: auth(admin),
                  }),
                },
              ],
            },
          ]
        : []),
    ];

    // Each start-appraisal moves a different SUBMITTED dossier, as the appraiser of its province.
    const pool = [...fixtures.submitted];
    const transitionRequest = (list: typeof pool): autocannon.Request => {
      let i = 0;
      return {
        method: 'POST',
        setupRequest: (r) => {
          const d = list[i++ % list.length];
          return {
            ...r,
            path: `/api/v1/dossiers/${d.id}/actions/start-appraisal`,
            headers: { ...auth(appraiserTokens.get(d.province)!), 'content-type': 'application/json' },
            body: JSON.stringify({ version: d.version }),
          };
        },
      };
    };
    /**
     * One request first: when it alone takes longer than 5 s (the slow report before the fixes), a load test would
     * only leave long queries running into the next measurement; that single time is recorded instead.
     */
    const tooSlowForLoad = async (
      url: string,
      scenario: { name: string; requests: autocannon.Request[] },
      connections: number,
    ): Promise<boolean> => {
      const template = scenario.requests[0];
      const request = template.setupRequest ? template.setupRequest({ ...template }, {}) : template;
      const startedAt = process.hrtime.bigint();
      const res = await fetch(`${url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body as string | undefined,
        signal: AbortSignal.timeout(300_000),
      });
      await res.arrayBuffer();
      const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e6;
      if (elapsed <= 5000 || res.status !== 200) return false;
      measurements.push({
        ...summarise(scenario.name, [elapsed], elapsed / 1000, connections),
        note: 'one request only: too slow for a load test',
      });
      log(`${scenario.name}: một yêu cầu mất ${(elapsed / 1000).toFixed(1)} s — không chạy thử tải.`);
      return true;
    };
    const levels = [...new Set([1, options.connections])];
    const perLevel = Math.floor(pool.length / levels.length);
    for (const scenario of scenarios) {
      for (const [index, connections] of levels.entries()) {
        if (scenario.single && index > 0) break;
        if (scenario.name.startsWith('transition')) {
          const mine = pool.slice(index * perLevel, (index + 1) * perLevel);
          const warm = Math.min(50, Math.floor(mine.length / 10));
          const amount = Math.min(mine.length - warm, Math.max(100, options.duration * 60 * connections));
          if (amount <= 0) continue;
          if (warm > 0)
            await load({ url: live.url, connections, amount: warm, name: 'warm-up', requests: [transitionRequest(mine.slice(0, warm))] });
          await run(
            load({
              url: live.url,
              connections,
              amount,
              name: scenario.name,
              requests: [transitionRequest(mine.slice(warm, warm + amount))],
            }),
          );
        } else if (index === 0 && (await tooSlowForLoad(live.url, scenario, connections))) {
          break;
        } else {
          await run(load({ ...base, connections, name: scenario.name, requests: scenario.requests }));
        }
      }
    }
    // The reports right after a change of a fact they read in one province (what a leader waits for after a submission or an
    // approval): before each request, one dossier of the next province has its submission instant moved by a millisecond
    // (through SQL, so the figures stay those checked above), and the report is asked for as of the dataset's last day.
    const changedDossier = new Map(fixtures.submitted.map((d) => [d.province, d.id]));
    const afterChange = async (name: string, request: (province: string) => { path: string; token: string }) => {
      const latencies: number[] = [];
      const statusCodes: Record<string, number> = {};
      const provinces = cycling(fixtures.provinces.filter((p) => changedDossier.has(p)));
      const ask = async (province: string) => {
        await sqlClient.query(`UPDATE dossiers SET first_submitted_at = first_submitted_at + interval '1 millisecond' WHERE id = $1`, [
          changedDossier.get(province),
        ]);
        const { path: url, token } = request(province);
        const startedAt = process.hrtime.bigint();
        const res = await fetch(`${live.url}${url}`, { headers: auth(token) });
        await res.arrayBuffer();
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        if (res.status === 200) latencies.push(Number(process.hrtime.bigint() - startedAt) / 1e6);
      };
      await ask(provinces()); // brings every province's rows in (the cache may have let them go), not counted
      latencies.length = 0;
      const startedAt = Date.now();
      while (Date.now() - startedAt < options.duration * 1000) await ask(provinces());
      const failures = Object.entries(statusCodes)
        .filter(([code]) => code !== '200')
        .reduce((sum, [, count]) => sum + count, 0);
      await run(
        Promise.resolve({
          ...summarise(name, latencies, (Date.now() - startedAt) / 1000, 1, failures, statusCodes),
          note: 'one fact change before each request',
        }),
      );
    };
    await afterChange(AFTER_CHANGE_PROVINCE, (p) => ({
      path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}`,
      token: leaderTokens.get(p)!,
    }));
    await afterChange(AFTER_CHANGE_NATIONAL, () => ({
      path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}&scope=national`,
      token: admin,
    }));

    const provinceReport = measurements.find((m) => m.name === 'approval-rate report, province (leader)' && m.connections === 1)!;
    const nationalReport = measurements.find((m) => m.name === 'approval-rate report, national (admin)' && m.connections === 1)!;

    // Plain SQL, with pg directly: the same figures, over the same provinces (each once per round).
    const provinceSql: number[] = [];
    const rounds = Math.max(3, Math.round(30 / fixtures.provinces.length));
    for (let round = 0; round < rounds; round++) {
      for (const p of fixtures.provinces) {
        const [a] = await timeQuery(sqlClient, PLAIN_BODIES_SQL, [p, DATASET_TODAY], 1, round === 0 ? 1 : 0);
        const [b] = await timeQuery(sqlClient, PLAIN_LEVELS_SQL, [p, DATASET_TODAY], 1, round === 0 ? 1 : 0);
        provinceSql.push(a + b);
      }
    }
    // The report's own query alone, run the same way: what the API adds around it.
    let ownSql = '';
    await agencyProgress({ query: async (sql: string) => ((ownSql = sql), []) } as never, { provinceCode: null, asOf: DATASET_TODAY });
    const ownProvince: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const p of fixtures.provinces)
        ownProvince.push(...(await timeQuery(sqlClient, ownSql, [p, DATASET_TODAY, null], 1, round === 0 ? 1 : 0)));
    }
    const ownNational = await timeQuery(sqlClient, ownSql, [null, DATASET_TODAY, null], 10);
    const afterApprovalSqlTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const p of fixtures.provinces)
        afterApprovalSqlTimes.push(...(await timeQuery(sqlClient, PLAIN_AFTER_APPROVAL_SQL, [p, DATASET_TODAY], 1, round === 0 ? 1 : 0)));
    }
    const nationalBodies = await timeQuery(sqlClient, PLAIN_BODIES_SQL, [null, DATASET_TODAY], 10);
    const nationalLevels = await timeQuery(sqlClient, PLAIN_LEVELS_SQL, [null, DATASET_TODAY], 10);
    const nationalSql = nationalBodies.map((t, i) => t + nationalLevels[i]);
    await sqlClient.end();
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
    const plainSql = {
      province: { p50: median(provinceSql), runs: provinceSql.length, reportQueryP50: median(ownProvince) },
      national: { p50: median(nationalSql), runs: nationalSql.length, reportQueryP50: median(ownNational) },
    };
    log(`SQL thuần: tỉnh p50 ${plainSql.province.p50.toFixed(1)} ms, toàn quốc p50 ${plainSql.national.p50.toFixed(1)} ms`);

    let importResult: ImportMeasurement = {
      available: false,
      note: 'skipped (--import-rows 0)',
      rows: 0,
      fileBytes: 0,
      seconds: null,
      status: null,
      created: null,
    };
    if (options.importRows > 0) {
      importResult = await measureImport(
        live.url,
        clone.url,
        admin,
        fixtures.provinces.includes('HN') ? 'HN' : fixtures.provinces[0],
        options.importRows,
      );
      log(`Nhập ${importResult.rows} dòng: ${importResult.seconds?.toFixed(2) ?? '—'} s (${importResult.note})`);
    }
    let importMemory: ImportMemoryMeasurement | undefined;
    if (options.importMemoryRows > 0) {
      const province = fixtures.provinces.includes('HN') ? 'HN' : fixtures.provinces[0];
      importMemory = await measureImportMemory(
        live.url,
        live.pid,
        admin,
        await provinceAgencies(clone.url, province),
        options.importMemoryRows,
      );
      log(`Bộ nhớ khi nhập: ${describeImportMemory(importMemory)}`);
    }
    const rssPeak = rss.stop();
    const rssAfter = live.rssBytes();
    await live.stop();
    server = undefined;

    const results: BenchResults = {
      at: new Date().toISOString(),
      options: {
        scale: options.scale,
        seed: options.seed,
        duration: options.duration,
        warmup: options.warmup,
        connections: options.connections,
      },
      machine: { ...machineInfo(fixtures), loadAverage: { before: loadBefore, after: os.loadavg() } },
      dataset: {
        load: dataset,
        reused: dataset.reused === true,
        clone,
        counts: fixtures.counts,
        statuses: fixtures.statuses,
        levels: fixtures.levels,
        submittedPool: fixtures.submitted.length,
        databaseBytes: fixtures.databaseBytes,
      },
      startupMs: startups,
      rss: { idle: rssIdle, peak: rssPeak, after: rssAfter },
      measurements,
      plainSql,
      ratios: { province: provinceReport.p50 / plainSql.province.p50, national: nationalReport.p50 / plainSql.national.p50 },
      figureChecks,
      afterApproval: {
        plainSqlP50: median(afterApprovalSqlTimes),
        runs: afterApprovalSqlTimes.length,
        figures: { scope: checkProvince, api: afterApprovalApi, sql: afterApprovalSql, match: afterApprovalMatch },
      },
      pdf: { available: pdfAvailable, status: pdfCheck.status },
      import: importResult,
      importMemory,
      totalSeconds: (Date.now() - started) / 1000,
    };
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(path.join(options.dataDir, 'last-results.json'), JSON.stringify(results, null, 2));
    if (options.saveBaseline) {
      fs.writeFileSync(options.saveBaseline, `${JSON.stringify(results, null, 2)}\n`);
      log(`Đã lưu số liệu gốc vào ${path.relative(ROOT, options.saveBaseline)}.`);
    }
    fs.writeFileSync(options.out, writeBenchmarksMarkdown(results, readBaseline(options), readReliability(), readFixBaselines()));
    log(`Đã ghi ${path.relative(ROOT, options.out) || options.out} (${results.totalSeconds.toFixed(0)} s).`);
  } finally {
    await server?.stop();
    await cluster.stop();
  }
}

/** The "before" runs that some fixes are measured against (FIXES[].before), kept in docs/benchmarks/. */
function readFixBaselines(): Record<string, BenchResults> {
  const files = FIXES.flatMap((fix) => (fix.before ? [fix.before.file] : []));
  return Object.fromEntries(
    files
      .filter((file) => fs.existsSync(path.join(RESULTS_DIR, file)))
      .map((file) => [file, JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchResults]),
  );
}

function readReliability(): string | undefined {
  const file = path.join(RESULTS_DIR, 'reliability.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function readBaseline(options: BenchOptions): BenchResults | undefined {
  if (!fs.existsSync(options.baseline) || options.baseline === options.saveBaseline) return undefined;
  return JSON.parse(fs.readFileSync(options.baseline, 'utf8')) as BenchResults;
}

function machineInfo(fixtures: BenchFixtures): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: fixtures.postgresVersion.split(' on ')[0],
  };
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
