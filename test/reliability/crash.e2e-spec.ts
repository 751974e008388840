import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { seededRandom } from '../../seeds/demo-activity';
import { freePort } from '../support/test-cluster';
import { HttpLedger } from './support/http-ledger';
import { checkInvariants, InvariantReport } from './support/invariants';
import { MixedWriteLoad, prepareLoadDatabase } from './support/mixed-write-load';
import { OwnCluster } from './support/own-cluster';
import { pick, recordFigures } from './support/reliability-env';
import { ServerProcess, sleep } from './support/server-process';

/**
 * Crash safety: a real server process and a PostgreSQL cluster of the test's own, under a mixed write load;
 * `kill -9` of the server, and of the postmaster, round after round. After each round every write that was answered
 * 2xx must be in the database with its audit row, and every dossier's state must follow from its history.
 */
const FAULTS: ('server' | 'postgres')[] = pick(
  ['server', 'postgres'],
  [...Array(18)].map((_, i) => (i % 3 === 2 ? 'postgres' : 'server')),
);
const LOAD_MS = pick(1500, 4000);
const WORKERS = pick(4, 8);

jest.setTimeout(pick(120_000, 900_000));

describe('crash: kill -9 of the server and of PostgreSQL under a mixed write load', () => {
  let own: OwnCluster;
  let server: ServerProcess;
  let url: string;
  const random = seededRandom(85);

  beforeAll(async () => {
    own = await OwnCluster.create();
    url = await own.createSeededDatabase();
    await prepareLoadDatabase(url);
    server = new ServerProcess({
      databaseUrl: url,
      port: await freePort(),
      jwtSecret: 'reliability-secret-reliability-secret-0123',
      logFile: path.join(own.dir, 'server.log'),
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await own?.destroy();
  });

  it('loses no acknowledged write and leaves every dossier in a state its history explains', async () => {
    const ledger = new HttpLedger(server.baseUrl);
    const agencyIds = await agencyIdsByCode(url);
    const load = new MixedWriteLoad(ledger, random);
    await load.prepare(agencyIds);
    const renamed = ['SL-SO-KHCN', 'SL-SO-YT', 'SL-SO-GDDT'].map((c) => agencyIds.get(c)).filter((id): id is string => !!id);
    const versions = new Map<string, number>();
    const reports: InvariantReport[] = [];
    let serverKills = 0;

    load.start(WORKERS, renamed);
    try {
      for (const fault of FAULTS) {
        await sleep(LOAD_MS * (0.5 + random()));
        if (fault === 'server') {
          await server.kill9();
          serverKills++;
          await sleep(random() * 300);
          await server.start();
        } else {
          await own.killPostmaster();
          await sleep(random() * 300);
          await own.restart();
          await server.waitHealthy();
        }
        reports.push(await checkInvariants(url, [...ledger.acknowledged], versions));
      }
      await sleep(LOAD_MS);
    } finally {
      await load.stop();
    }
    const final = await checkInvariants(url, [...ledger.acknowledged], versions);
    reports.push(final);

    const lost = reports.flatMap((r) => r.lost);
    const inconsistent = reports.flatMap((r) => r.inconsistent);
    const regressions = reports.flatMap((r) => r.regressions);
    const ops = countBy(ledger.acknowledged.map((a) => a.op));
    recordFigures('crash', {
      requestsTried: ledger.tried,
      acknowledgedWrites: ledger.acknowledged.length,
      acknowledgedByOp: ops,
      networkErrors: ledger.networkErrors,
      serverErrors: ledger.serverErrors,
      statuses: Object.fromEntries([...ledger.statuses.entries()].sort(([a], [b]) => a - b)),
      unhandledErrorsLogged: unhandledErrors(path.join(own.dir, 'server.log')),
      faultsInjected: serverKills + own.postmasterKills,
      serverKills,
      postmasterKills: own.postmasterKills,
      rounds: reports.length,
      writesLost: lost.length,
      inconsistentDossiers: inconsistent.length,
      versionRegressions: regressions.length,
      dossiersChecked: final.dossiersChecked,
      eventsReplayed: final.eventsReplayed,
      cpus: os.cpus().length,
    });
    expect(lost).toEqual([]);
    expect(inconsistent).toEqual([]);
    expect(regressions).toEqual([]);
    // While PostgreSQL is down the server says so (503 with Retry-After); a 500 would mean an unexpected failure.
    expect(ledger.statuses.get(500) ?? 0).toBe(0);
    // The load did get through: dossiers were submitted and approved between the faults.
    expect(ops['dossier.submit'] ?? 0).toBeGreaterThan(0);
    expect(serverKills + own.postmasterKills).toBe(FAULTS.length);
  });
});

async function agencyIdsByCode(url: string): Promise<Map<string, string>> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT code, id FROM agencies`);
    return new Map(rows.map((r) => [r.code, r.id]));
  } finally {
    await db.end();
  }
}

/** What the server logged as unhandled errors (the 5xx it answered), by error type and message. */
function unhandledErrors(logFile: string): Record<string, number> {
  if (!fs.existsSync(logFile)) return {};
  const kinds: string[] = [];
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"Unhandled error"')) continue;
    try {
      const entry = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string } };
      kinds.push(`${entry.err?.type}: ${entry.err?.code ?? ''} ${(entry.err?.message ?? '').slice(0, 80)}`);
    } catch {
      kinds.push('unparsed');
    }
  }
  return countBy(kinds);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
