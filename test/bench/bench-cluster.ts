import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { BenchFixtures, signIn } from './bench-fixtures';
import { childPids, RunningServer, startServer } from './bench-server';
import { DOSSIER, NATIONAL_REPORT, PROVINCE_REPORT, SYSTEMS_PROVINCE } from './bench-targets';
import { BenchTokens, dossierRequest, nationalReportRequest, provinceReportRequest, provinceSystemsRequest } from './bench-scenarios';
import { load, Measurement } from './measure';

export interface ClusterRow {
  name: string;
  connections: number;
  single: Measurement;
  cluster?: Measurement;
}

/** The same requests against one server process and against the cluster entry (one worker per core), back to back. */
export interface ClusterComparison {
  workers: number;
  notMeasured?: string;
  startupMs: { single: number; cluster?: number };
  /** RSS of all the cluster's processes after its measurements, and of the one process after its. */
  rss: { single: number; cluster?: number };
  rows: ClusterRow[];
}

export interface ClusterContext {
  distDir: string;
  databaseUrl: string;
  port: number;
  env: Record<string, string>;
  fixtures: BenchFixtures;
  today: string;
  connections: number[];
  duration: number;
  warmup: number;
  log: (m: string) => void;
}

/** What both are measured on: a read of one row, a search, and the approval-rate report of a province and of the country (kept). */
function scenarios(fixtures: BenchFixtures, tokens: BenchTokens, today: string): { name: string; request: () => autocannon.Request }[] {
  return [
    { name: DOSSIER, request: () => dossierRequest(fixtures, tokens) },
    { name: SYSTEMS_PROVINCE, request: () => provinceSystemsRequest(fixtures, tokens) },
    { name: PROVINCE_REPORT, request: () => provinceReportRequest(fixtures, tokens, today) },
    { name: NATIONAL_REPORT, request: () => nationalReportRequest(tokens, today) },
  ];
}

async function measureAll(
  server: RunningServer,
  ctx: ClusterContext,
  tokens: BenchTokens,
  label: string,
): Promise<Map<string, Measurement>> {
  const out = new Map<string, Measurement>();
  for (const { name, request } of scenarios(ctx.fixtures, tokens, ctx.today)) {
    for (const connections of ctx.connections) {
      const m = await load({ url: server.url, connections, duration: ctx.duration, warmup: ctx.warmup, name, requests: [request()] });
      ctx.log(
        `${label} — ${name} ×${connections}: p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s${m.failures ? `, ${m.failures} LỖI ${JSON.stringify(m.statusCodes)}` : ''}`,
      );
      out.set(`${name}|${connections}`, m);
    }
  }
  return out;
}

/** Waits until the primary has forked `workers` processes (they listen soon after), at most 60 s. */
async function workersUp(pid: number, workers: number): Promise<boolean> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (childPids(pid).length >= workers) {
      await new Promise((r) => setTimeout(r, 1000));
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * One process (`dist/src/main.js`), then the cluster (`dist/src/cluster.js` with CLUSTER_WORKERS = the cores there are), on
 * the same database and port, each measured with 1 and more connections; the tokens signed in on the first serve the
 * second (the sessions are in the database). Without the cluster entry, its column says why.
 */
export async function compareCluster(ctx: ClusterContext): Promise<ClusterComparison> {
  const workers = os.availableParallelism();
  const single = await startServer(ctx.distDir, ctx.databaseUrl, ctx.port, ctx.env);
  const { tokens, singleRuns, singleRss } = await (async () => {
    try {
      const leaders = new Map<string, string>();
      for (const p of ctx.fixtures.provinces) leaders.set(p, await signIn(single.url, ctx.fixtures.leaders.get(p)!));
      const signedIn: BenchTokens = { admin: await signIn(single.url, 'admin'), leaders };
      const runs = await measureAll(single, ctx, signedIn, 'Một tiến trình');
      return { tokens: signedIn, singleRuns: runs, singleRss: single.rssBytes() };
    } finally {
      await single.stop();
    }
  })();
  const result: ClusterComparison = { workers, startupMs: { single: single.startupMs }, rss: { single: singleRss }, rows: [] };
  const rowsWith = (clusterRuns?: Map<string, Measurement>) =>
    scenarios(ctx.fixtures, tokens, ctx.today).flatMap(({ name }) =>
      ctx.connections.map((connections) => ({
        name,
        connections,
        single: singleRuns.get(`${name}|${connections}`)!,
        cluster: clusterRuns?.get(`${name}|${connections}`),
      })),
    );
  if (!fs.existsSync(path.join(ctx.distDir, 'src', 'cluster.js'))) {
    result.notMeasured = 'no cluster entry: dist/src/cluster.js was not built (src/cluster.ts is not in this checkout)';
    ctx.log(`Cụm tiến trình: không đo — ${result.notMeasured}.`);
    return { ...result, rows: rowsWith() };
  }
  let cluster: RunningServer | undefined;
  try {
    cluster = await startServer(ctx.distDir, ctx.databaseUrl, ctx.port, { ...ctx.env, CLUSTER_WORKERS: String(workers) }, [], 'cluster.js');
    result.startupMs.cluster = cluster.startupMs;
    if (!(await workersUp(cluster.pid, workers))) throw new Error(`the primary did not fork ${workers} workers within 60 s`);
    const clusterRuns = await measureAll(cluster, ctx, tokens, `Cụm ${workers} tiến trình`);
    result.rss.cluster = cluster.rssBytes();
    return { ...result, rows: rowsWith(clusterRuns) };
  } catch (error) {
    result.notMeasured = `the cluster entry failed: ${(error as Error).message.slice(0, 300)}`;
    ctx.log(`Cụm tiến trình: không đo — ${result.notMeasured}.`);
    return { ...result, rows: rowsWith() };
  } finally {
    await cluster?.stop();
  }
}
