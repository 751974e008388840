import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DATASET_TODAY } from '../../seeds/national/national-dossiers';
import { LoadReport, NATIONAL_PASSWORD } from '../../seeds/national/load-national';
import { reportingYearOf } from '../../src/reports/mau08';
import { afterChange } from './bench-after-change';
import { measureAnnual } from './bench-annual';
import { coldDays, describeColdDays } from './bench-cold-days';
import { compareCluster } from './bench-cluster';
import { benchCluster, cloneForRun, ensureDataset } from './bench-database';
import { getJson, readFixtures, signIn } from './bench-fixtures';
import { describeImportMemory, ImportMeasurement, ImportMemoryMeasurement, measureImport, measureImportMemory } from './bench-import';
import { parseArgs, ROOT } from './bench-options';
import { machineInfo, writeMarkdown } from './bench-results-io';
import { floorDays, measurePlainToday, measureReportFloors } from './bench-report-floors';
import {
  auth,
  BenchTokens,
  dossierRequest,
  nationalReportRequest,
  nationalSystemsRequest,
  provinceReportRequest,
  provinceSystemsRequest,
} from './bench-scenarios';
import { compileApp, RunningServer, sampleRss, startServer } from './bench-server';
import {
  AFTER_APPROVAL_PROVINCE,
  AFTER_CHANGE_NATIONAL,
  AFTER_CHANGE_PROVINCE,
  COLD_NATIONAL,
  COLD_PROVINCE,
  DOSSIER,
  HEALTH,
  SESSION,
  DOSSIER_PDF,
  NATIONAL_REPORT,
  PROVINCE_REPORT,
  SYSTEMS_NATIONAL,
  SYSTEMS_PROVINCE,
} from './bench-targets';
import { cycling, load, Measurement, percentile, probe, summarise } from './measure';
import { apiAfterApprovalFigures, plainAfterApprovalFigures } from './plain-after-approval-sql';
import { apiFigures, plainFigures, ReportFigures } from './plain-report-sql';
import { BenchResults } from './report-writer';
import { freePort } from '../support/test-cluster';
import { importMemoryOnly, provinceAgencies, UNLIMITED_FILES } from './bench-import-memory';

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.renderOnly) {
    const results = JSON.parse(fs.readFileSync(path.join(options.dataDir, 'last-results.json'), 'utf8')) as BenchResults;
    writeMarkdown(options, results, log);
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
    const tokens: BenchTokens = { admin, leaders: leaderTokens };
    const nextDossier = cycling(fixtures.dossiers);
    const afterApprovalProvinces = cycling(fixtures.provinces);
    // Days the report has not been asked for (bench-cold-days.ts): the "computed every request" rows never meet the cache.
    const cold = coldDays(DATASET_TODAY, fixtures.provinces);
    const pdfCheck = await probe(live.url, {
      path: `/api/v1/dossiers/${fixtures.dossiers[0]}/documents/thuyet-minh.pdf`,
      headers: auth(admin),
    });
    const pdfAvailable = pdfCheck.status === 200 && pdfCheck.contentType.includes('pdf');
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
      // The floor of any request here: the HTTP stack, and with the session's one query.
      { name: HEALTH, single: true, requests: [{ method: 'GET', path: '/api/health' }] },
      {
        name: SESSION,
        single: true,
        requests: [{ method: 'GET', path: '/api/v1/auth/me', headers: auth(leaderTokens.get('SL') ?? tokens.admin) }],
      },
      { name: SYSTEMS_PROVINCE, requests: [provinceSystemsRequest(fixtures, tokens)] },
      { name: SYSTEMS_NATIONAL, requests: [nationalSystemsRequest(tokens)] },
      { name: DOSSIER, requests: [dossierRequest(fixtures, tokens)] },
      { name: 'transition (start-appraisal)', requests: [] },
      { name: PROVINCE_REPORT, requests: [provinceReportRequest(fixtures, tokens, DATASET_TODAY)] },
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
      { name: NATIONAL_REPORT, requests: [nationalReportRequest(tokens, DATASET_TODAY)] },
      // The same reports for a day not asked before: each request another (day, province) pair, or another day for the
      // country, so nothing is served from the report cache (what a leader waits for after every submission or approval).
      {
        name: COLD_PROVINCE,
        single: true,
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => {
              const { p, day } = cold.province();
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
              path: `/api/v1/reports/approval-rate?asOf=${cold.national()}&scope=national`,
              headers: auth(admin),
            }),
          },
        ],
      },
      ...(pdfAvailable
        ? [
            {
              name: DOSSIER_PDF,
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
    const tooSlowForLoad = async (scenario: { name: string; requests: autocannon.Request[] }, connections: number): Promise<boolean> => {
      const template = scenario.requests[0];
      const once = await probe(live.url, template.setupRequest ? template.setupRequest({ ...template }, {}) : template);
      if (once.ms <= 5000 || once.status !== 200) return false;
      measurements.push({
        ...summarise(scenario.name, [once.ms], once.ms / 1000, connections),
        note: 'one request only: too slow for a load test',
      });
      log(`${scenario.name}: một yêu cầu mất ${(once.ms / 1000).toFixed(1)} s — không chạy thử tải.`);
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
        } else if (index === 0 && (await tooSlowForLoad(scenario, connections))) {
          break;
        } else {
          await run(load({ ...base, connections, name: scenario.name, requests: scenario.requests }));
        }
      }
    }
    const coldInfo = cold.info();
    log(`Ngày chưa hỏi: ${describeColdDays(coldInfo)}.`);
    // The reports right after a change of a fact they read in one province (bench-after-change.ts).
    const changed = { url: live.url, sqlClient, fixtures, duration: options.duration };
    await run(
      afterChange(changed, AFTER_CHANGE_PROVINCE, (p) => ({
        path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}`,
        token: leaderTokens.get(p)!,
      })),
    );
    await run(
      afterChange(changed, AFTER_CHANGE_NATIONAL, () => ({
        path: `/api/v1/reports/approval-rate?asOf=${DATASET_TODAY}&scope=national`,
        token: admin,
      })),
    );

    // Mẫu 08 (issue 25, item 3): JSON, XLSX and PDF through the API, its figures checked against its plain SQL, and that SQL timed.
    const annual = await measureAnnual({
      url: live.url,
      admin,
      leaderTokens,
      provinces: fixtures.provinces,
      checkProvince,
      sqlClient,
      year: reportingYearOf(DATASET_TODAY),
      connections: options.connections,
      duration: options.duration,
      warmup: options.warmup,
      run,
      log,
    });

    const provinceReport = measurements.find((m) => m.name === PROVINCE_REPORT && m.connections === 1)!;
    const nationalReport = measurements.find((m) => m.name === NATIONAL_REPORT && m.connections === 1)!;
    // Plain SQL as of the last day, with pg directly (the figures of earlier runs), then the floors on several days (issue 25).
    const { plainSql, afterApprovalTimes } = await measurePlainToday(sqlClient, fixtures.provinces, DATASET_TODAY);
    log(`SQL thuần: tỉnh p50 ${plainSql.province.p50.toFixed(1)} ms, toàn quốc p50 ${plainSql.national.p50.toFixed(1)} ms`);
    const reportFloors = await measureReportFloors(sqlClient, fixtures.provinces, floorDays(DATASET_TODAY), log);
    for (const scope of ['province', 'national'] as const) {
      const f = reportFloors[scope];
      const t = f.timeline;
      log(
        `Sàn ${scope}: SQL thuần p50 ${f.plainSql.p50.toFixed(1)} / p99 ${f.plainSql.p99.toFixed(1)} ms; truy vấn của báo cáo p50 ${f.reportQuery?.p50.toFixed(1) ?? '—'} ms` +
          (t
            ? `; dòng tính sẵn (${t.rows}): khứ hồi p50 ${t.raw.p50.toFixed(1)} / p99 ${t.raw.p99.toFixed(1)} ms, qua node-pg p50 ${t.parsed.p50.toFixed(1)} / p99 ${t.parsed.p99.toFixed(1)} ms`
            : `; dòng tính sẵn: không đo (${reportFloors.timelineNotMeasured})`),
      );
    }
    if (!reportFloors.timelineNotMeasured)
      log(
        `Dòng tính sẵn so với SQL thuần: ${reportFloors.checks.filter((c) => c.match).length}/${reportFloors.checks.length} cặp (phạm vi, ngày) khớp.`,
      );
    await sqlClient.end();

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

    // One process against the cluster entry (issue 25, item 5), each freshly started on the same database and port.
    const clusterComparison = await compareCluster({
      distDir,
      databaseUrl: clone.url,
      port,
      env: UNLIMITED_FILES,
      fixtures,
      today: DATASET_TODAY,
      connections: levels,
      duration: options.duration,
      warmup: options.warmup,
      log,
    });

    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
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
        plainSqlP50: median(afterApprovalTimes),
        plainSqlP99: percentile(
          [...afterApprovalTimes].sort((a, b) => a - b),
          99,
        ),
        runs: afterApprovalTimes.length,
        figures: { scope: checkProvince, api: afterApprovalApi, sql: afterApprovalSql, match: afterApprovalMatch },
      },
      reportFloors,
      coldDays: coldInfo,
      annual,
      cluster: clusterComparison,
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
    writeMarkdown(options, results, log);
    log(`Đã ghi ${path.relative(ROOT, options.out) || options.out} (${results.totalSeconds.toFixed(0)} s).`);
  } finally {
    await server?.stop();
    await cluster.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
