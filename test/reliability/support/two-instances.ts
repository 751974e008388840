import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { freePort } from '../../support/test-cluster';
import { progressFromDossiers } from '../../support/progress-from-dossiers';
import { ServerProcess, sleep } from './server-process';

export const JWT_SECRET = 'reliability-secret-reliability-secret-0123';
export const INSTANCE_NAMES = ['A', 'B'] as const;

/**
 * Two capdo processes on one database, as two instances behind a load balancer: same JWT secret, same database, both
 * working the job queue; each with its own port, log file and MAIL_FROM (so a received e-mail tells who sent it).
 */
export async function twoServers(databaseUrl: string, dir: string, env: Record<string, string>): Promise<ServerProcess[]> {
  const ports = new Set<number>();
  while (ports.size < INSTANCE_NAMES.length) ports.add(await freePort());
  return [...ports].map(
    (port, i) =>
      new ServerProcess({
        databaseUrl,
        port,
        jwtSecret: JWT_SECRET,
        logFile: path.join(dir, `server-${INSTANCE_NAMES[i].toLowerCase()}.log`),
        env: { ...env, MAIL_FROM: `capdo ${INSTANCE_NAMES[i]} <${mailFromOf(i)}>` },
      }),
  );
}

export const mailFromOf = (instance: number) => `no-reply-${INSTANCE_NAMES[instance].toLowerCase()}@capdo.test`;

/** The figures of a report row that a change can move, as one comparable line. */
const rowLine = (r: {
  code: string;
  firstSubmittedAt: string | null;
  firstApprovedAt: string | null;
  systems: number;
  approvedSystems: number;
}) => `${r.code} ${r.firstSubmittedAt} ${r.firstApprovedAt} ${r.systems} ${r.approvedSystems}`;

/**
 * The differences between an approval-rate report (the API's JSON) and the same report computed from the dossiers
 * directly (test/support/progress-from-dossiers.ts, the oracle), on the figures a submission or an approval moves.
 */
export async function reportVersusOracle(db: DataSource, report: any, provinceCode: string | null): Promise<string[]> {
  const oracle = await progressFromDossiers(db.manager, { provinceCode, asOf: report.asOf });
  const expected = oracle.map((r) =>
    rowLine({
      code: r.code,
      firstSubmittedAt: r.firstSubmittedOn,
      firstApprovedAt: r.firstApprovedOn,
      systems: r.systems,
      approvedSystems: r.approvedSystems,
    }),
  );
  const actual: string[] = report.agencyRows.map(rowLine);
  const want = new Set(expected);
  const have = new Set(actual);
  const problems = [
    ...actual.filter((line) => !want.has(line)).map((line) => `report has "${line}"`),
    ...expected.filter((line) => !have.has(line)).map((line) => `oracle has "${line}"`),
  ];
  const submitted = oracle.filter((r) => r.firstSubmittedOn !== null).length;
  const approved = oracle.filter((r) => r.firstApprovedOn !== null).length;
  if (report.agencies.submitted !== submitted) problems.push(`submitted ${report.agencies.submitted}, oracle ${submitted}`);
  if (report.agencies.approved !== approved) problems.push(`approved ${report.agencies.approved}, oracle ${approved}`);
  return problems.slice(0, 6);
}

/** Polls `probe` until it yields a value. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** `work` over `items`, at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
