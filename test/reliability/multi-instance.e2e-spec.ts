import * as os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { seededRandom } from '../../seeds/demo-activity';
import { dataSourceOptions } from '../../src/database/data-source';
import { NOTIFICATION_EMAIL_QUEUE } from '../../src/notifications/notifications.service';
import { act, approve, draftCompleteDossier, SYSTEM_NAME } from './support/dossier-steps';
import { HttpLedger } from './support/http-ledger';
import { checkInvariants, InvariantReport } from './support/invariants';
import { MixedWriteLoad, prepareLoadDatabase, vietnamToday } from './support/mixed-write-load';
import { OwnCluster } from './support/own-cluster';
import { pick, recordFigures } from './support/reliability-env';
import { RoundRobinLedger } from './support/round-robin';
import { unhandledErrorsLogged } from './support/server-log';
import { ServerProcess, sleep } from './support/server-process';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { INSTANCE_NAMES, mailFromOf, mapLimit, percentile, reportVersusOracle, twoServers, waitFor } from './support/two-instances';

/**
 * Issue 25, point 4: several instances, one truth. Two capdo processes (`src/main.ts`, as production runs it) on one
 * PostgreSQL of the test's own, behind a round-robin client. A change through one is in the other's report at once
 * (each keeps reports in its own memory: src/reports/report-progress-cache.ts), a scheduled reminder and an e-mail job
 * are handled once between them (pg-boss), a session ended on one is refused by the other, and a `kill -9` of one
 * under a mixed write load leaves the other serving with no acknowledged write lost.
 */
const CACHE_ROUNDS = pick(3, 20);
const EMAILS = pick(12, 50);
const EMAIL_DOSSIERS = pick(4, 5);
const SESSION_ROUNDS = pick(3, 20);
const KILL_ROUNDS = pick(1, 4);
const LOAD_MS = pick(1500, 4000);
const WORKERS = pick(4, 8);
/** pg-boss checks the schedules every 30 s (one instance per check), then moves the job in within 5 s; workers poll every 2 s. */
const CRON_WAIT_MS = 75_000;
/** ts-node compiles the server at each start: on a busy 2-core machine that alone took 40 s. */
const START_TIMEOUT_MS = 180_000;

jest.setTimeout(pick(240_000, 1_200_000));

describe('several instances, one truth: two server processes on one PostgreSQL', () => {
  let own: OwnCluster;
  let db: DataSource;
  let url: string;
  let servers: ServerProcess[];
  /** One client per instance, and the round-robin client over both. */
  let via: HttpLedger[];
  let rr: RoundRobinLedger;
  const sink = new SmtpSink();
  let admin: string;
  let leader: string;
  let appraiser: string;
  /** Sơn La's communes, none of which has a dossier yet: each test takes its own. */
  let communes: { id: string; code: string }[];
  const takeCommunes = (n: number) => communes.splice(0, n);
  const random = seededRandom(25);
  let reminder: Promise<ArmedReminder>;
  let stopWatching = false;

  /**
   * A dossier whose validity-check limit passed a week ago (the morning run owes the appraisers an overdue notice),
   * then its schedule made due now. The schedule is fixed in code (07:00, Monday to Saturday); both instances' cron
   * monitors read pg-boss's schedule row: moved to every minute, with the time of the last check cleared, the next
   * check of either instance (each checks every 30 s) fires it, and it goes back to the morning as soon as the job is
   * made, so that one minute's slot only is fired.
   */
  async function armScheduledReminder(): Promise<ArmedReminder> {
    const [body] = takeCommunes(1);
    await db.query(`UPDATE users SET email = 'thamdinh@capdo.test' WHERE username = 'thamdinh'`);
    const d = await act(rr, admin, await draftCompleteDossier(rr, admin, body.id, 'MI-REMIND'), 'submit', { note: 'Kính gửi hồ sơ' });
    const [{ due }] = await db.query(`SELECT to_char(($1::date - 7), 'YYYY-MM-DD') AS due`, [vietnamToday()]);
    await db.query(`UPDATE dossiers SET due_on = $2 WHERE id = $1`, [d.id, due]);
    const [{ cron }] = await db.query(`SELECT cron FROM pgboss.schedule WHERE name = 'due-date-reminders'`);
    const [{ since }] = await db.query(`SELECT now() AS since`);
    const mailsBefore = sink.received.length;
    await db.query(`UPDATE pgboss.schedule SET cron = '* * * * *' WHERE name = 'due-date-reminders'`);
    await db.query(`UPDATE pgboss.version SET cron_on = NULL`);
    const armedAt = Date.now();
    try {
      await waitFor(
        'the scheduled job',
        async () =>
          stopWatching || (await db.query(`SELECT 1 FROM pgboss.job WHERE name = 'due-date-reminders' AND created_on >= $1`, [since]))[0],
        CRON_WAIT_MS,
        250,
      );
    } finally {
      if (!stopWatching) await db.query(`UPDATE pgboss.schedule SET cron = $1 WHERE name = 'due-date-reminders'`, [cron]);
    }
    return { since, dedupeKey: `overdue:${d.id}:${due}`, mailsBefore, firedAfterMs: Date.now() - armedAt };
  }

  beforeAll(async () => {
    own = await OwnCluster.create();
    url = await own.createSeededDatabase();
    await prepareLoadDatabase(url);
    db = await new DataSource(dataSourceOptions(url, 4)).initialize();
    const smtpUrl = await sink.start();
    servers = await twoServers(url, own.dir, { SMTP_URL: smtpUrl, PUBLIC_URL: 'https://capdo.sonla.gov.vn' });
    // Both at once, as a deployment starts them: each installs pg-boss's schema and queues on the same database.
    const starting = Date.now();
    // Both awaited even when one fails, so that afterAll stops the other.
    const failed = (await Promise.allSettled(servers.map((s) => s.start(START_TIMEOUT_MS)))).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    recordFigures('multi-instance: start', {
      bothServersReadyMs: Date.now() - starting,
      cpus: os.cpus().length,
      loadAverage: os.loadavg()[0],
    });
    via = servers.map((s) => new HttpLedger(s.baseUrl));
    rr = new RoundRobinLedger(servers.map((s) => s.baseUrl));
    [admin, leader, appraiser] = await Promise.all(['admin', 'lanhdao', 'thamdinh'].map((u) => rr.login(u)));
    communes = await db.query(`SELECT id, code FROM agencies WHERE province_code = 'SL' AND kind = 'commune' ORDER BY code`);
    reminder = armScheduledReminder();
    // Settled here, awaited by its test: the tests before it run while pg-boss's next schedule check comes.
    reminder.catch(() => undefined);
  });

  afterAll(async () => {
    stopWatching = true;
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await sink.close();
    await db?.destroy();
    await own?.destroy();
  });

  it('shows a change made through one instance in the other instance’s report at once (the cache check)', async () => {
    const bodies = takeCommunes(CACHE_ROUNDS);
    const drafts = await mapLimit(bodies, 4, (b, i) => draftCompleteDossier(rr, admin, b.id, `MI-CACHE-${i}`));
    const views = [
      { name: 'province (leader)', token: leader, path: '/api/v1/reports/approval-rate', province: 'SL' as string | null },
      { name: 'national (admin)', token: admin, path: '/api/v1/reports/approval-rate?scope=national', province: null },
    ];
    const mismatches: string[] = [];
    const keptMs: number[] = [];
    const afterChangeMs: number[] = [];
    let checks = 0;
    let requests = 0;
    const report = async (instance: number, view: (typeof views)[number]) => {
      const started = performance.now();
      const res = await via[instance].call('GET', view.path, { token: view.token });
      requests++;
      if (res.status !== 200) throw new Error(`report through ${INSTANCE_NAMES[instance]}: ${res.status} ${JSON.stringify(res.body)}`);
      return { body: res.body, ms: performance.now() - started };
    };
    /** Both instances compute the reports and keep them; asked again, they answer from memory. */
    const keepOnBoth = async () => {
      for (const view of views) for (const instance of [0, 1]) await report(instance, view);
      for (const view of views) for (const instance of [0, 1]) keptMs.push((await report(instance, view)).ms);
    };
    /** Right after the change: the reader's report (which it held in memory) against the oracle, and against the writer's. */
    const check = async (change: string, reader: number, writer: number, code: string, flag: 'submitted' | 'approved') => {
      for (const view of views) {
        checks++;
        const read = await report(reader, view);
        afterChangeMs.push(read.ms);
        const other = await report(writer, view);
        const row = read.body.agencyRows.find((r: { code: string }) => r.code === code);
        const problems = await reportVersusOracle(db, read.body, view.province);
        if (!row?.[flag]) problems.push(`${code} not ${flag} in the report`);
        if (!isDeepStrictEqual(read.body, other.body))
          problems.push(`${INSTANCE_NAMES[reader]} and ${INSTANCE_NAMES[writer]} answer differently`);
        if (problems.length) mismatches.push(`${change}, ${view.name} read through ${INSTANCE_NAMES[reader]}: ${problems.join('; ')}`);
      }
    };

    for (let i = 0; i < bodies.length; i++) {
      // Round i: the submission goes through one instance and is read through the other; the approval the other way round.
      const [x, y] = i % 2 === 0 ? [0, 1] : [1, 0];
      await keepOnBoth();
      const submitted = await act(via[x], admin, drafts[i], 'submit', { note: 'Kính gửi hồ sơ' });
      await check(`submission of ${bodies[i].code} through ${INSTANCE_NAMES[x]}`, y, x, bodies[i].code, 'submitted');
      const appraising = await act(via[y], appraiser, submitted, 'start-appraisal');
      await keepOnBoth();
      await approve(via[y], appraiser, appraising);
      await check(`approval of ${bodies[i].code} through ${INSTANCE_NAMES[y]}`, x, y, bodies[i].code, 'approved');
    }

    recordFigures('multi-instance: cache', {
      rounds: bodies.length,
      changes: bodies.length * 2,
      checks,
      mismatches: mismatches.length,
      reportRequests: requests,
      keptReportMsP50: Math.round(percentile(keptMs, 50)),
      reportAfterChangeMsP50: Math.round(percentile(afterChangeMs, 50)),
      reportAfterChangeMsMax: Math.round(Math.max(...afterChangeMs)),
    });
    expect(mismatches).toEqual([]);
    expect(checks).toBe(bodies.length * 2 * views.length);
  });

  it('sends each e-mail once while both instances work the queue', async () => {
    const bodies = takeCommunes(EMAIL_DOSSIERS);
    const officers = bodies.map((b) => `canbo.${b.code.toLowerCase()}`);
    // The appraiser is told of each submission, each body's officer of each return.
    await db.query(`UPDATE users SET email = username || '@capdo.test' WHERE username = ANY($1)`, [[...officers, 'thamdinh']]);
    const drafts = await mapLimit(bodies, 4, (b, i) => draftCompleteDossier(rr, admin, b.id, `MI-MAIL-${i}`));
    const [{ since }] = await db.query(`SELECT now() AS since`);
    const mailsBefore = sink.received.length;
    const started = Date.now();
    let turn = 0;
    // Each dossier in turn submitted (by the officer's side) and returned (by the appraiser), through the round-robin client.
    await Promise.all(
      drafts.map(async (draft) => {
        let d = draft;
        for (let step = 0; step < EMAILS / EMAIL_DOSSIERS; step++) {
          if (step % 2 === 0) d = await act(rr, admin, d, 'submit', { note: 'Kính gửi hồ sơ' });
          else d = await act(rr, appraiser, d, 'return', { items: [`Bổ sung lượt ${String(++turn).padStart(3, '0')}`] });
        }
      }),
    );
    const actionsDoneAt = Date.now();
    // The scheduled reminder (armed before the tests) may run meanwhile: its notices and their e-mails are not these.
    const notifications: { id: string; email: string; body: string }[] = await db.query(
      `SELECT n.id, u.email, n.body FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.created_at >= $1 AND n.dossier_id = ANY($2) AND n.kind IN ('DOSSIER_ROUTED', 'DOSSIER_RETURNED') AND u.email IS NOT NULL`,
      [since, drafts.map((d) => d.id)],
    );
    expect(notifications).toHaveLength(EMAILS);
    const ours = () =>
      sink.received
        .slice(mailsBefore)
        .filter((m) => m.text.includes(`${SYSTEM_NAME}MI-MAIL-`) && !/^(Quá hạn|Sắp đến hạn): /m.test(m.text));
    await waitFor('the e-mails', async () => (ours().length >= EMAILS ? true : null), 60_000);
    const lastMailAt = Date.now();
    // Workers poll every 2 s: wait two rounds more, so that a second copy of any job would have arrived.
    await sleep(4500);
    const mails = ours();
    const copies = notifications.map((n) => mails.filter((m) => m.to.includes(n.email) && m.text.includes(`${n.body}\n`)).length);
    const jobs: { copies: number; retries: number }[] = await db.query(
      `SELECT count(*)::int AS copies, coalesce(sum(retry_count), 0)::int AS retries FROM pgboss.job
        WHERE name = $1 AND data->>'notificationId' = ANY($2) GROUP BY data->>'notificationId'`,
      [NOTIFICATION_EMAIL_QUEUE, notifications.map((n) => n.id)],
    );
    const [{ unsent }] = await db.query(`SELECT count(*)::int AS unsent FROM notifications WHERE id = ANY($1) AND emailed_at IS NULL`, [
      notifications.map((n) => n.id),
    ]);
    const sentBy = INSTANCE_NAMES.map((_, i) => mails.filter((m) => m.from === mailFromOf(i)).length);

    recordFigures('multi-instance: e-mail jobs', {
      notifications: notifications.length,
      emailsReceived: mails.length,
      notificationsWithOneEmail: copies.filter((c) => c === 1).length,
      duplicates: copies.filter((c) => c > 1).length,
      missing: copies.filter((c) => c === 0).length,
      sentByA: sentBy[0],
      sentByB: sentBy[1],
      jobRetries: jobs.reduce((a, j) => a + j.retries, 0),
      actionsMs: actionsDoneAt - started,
      lastEmailAfterLastActionMs: lastMailAt - actionsDoneAt,
    });
    expect(copies).toEqual(notifications.map(() => 1));
    expect(mails).toHaveLength(EMAILS);
    expect(jobs.map((j) => j.copies)).toEqual(notifications.map(() => 1));
    expect(unsent).toBe(0);
  });

  it('refuses on one instance, at once, a session ended on the other', async () => {
    const [body] = takeCommunes(1);
    const username = `canbo.${body.code.toLowerCase()}`;
    const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE username = $1`, [username]);
    const me = (instance: number, token: string) => via[instance].call('GET', '/api/v1/auth/me', { token });
    const mismatches: string[] = [];
    let refusals = 0;
    for (let round = 0; round < SESSION_ROUNDS; round++) {
      const [x, y] = round % 2 === 0 ? [0, 1] : [1, 0];
      // Signing out through X; the token used on Y just before, and just after.
      const token = await via[x].login(username);
      if ((await me(y, token)).status !== 200) mismatches.push(`round ${round}: a new session refused on ${INSTANCE_NAMES[y]}`);
      const logout = await via[x].call('POST', '/api/v1/auth/logout', { token });
      if (logout.status !== 204) throw new Error(`logout: ${logout.status}`);
      const after = (await me(y, token)).status;
      if (after !== 401) mismatches.push(`round ${round}: signed out on ${INSTANCE_NAMES[x]}, ${after} on ${INSTANCE_NAMES[y]}`);
      else refusals++;

      // An administrator deactivating the account through Y; its session used on X just before, and just after.
      const second = await via[x].login(username);
      if ((await me(x, second)).status !== 200) mismatches.push(`round ${round}: a new session refused on ${INSTANCE_NAMES[x]}`);
      const off = await via[y].call('POST', `/api/v1/users/${userId}/deactivate`, { token: admin });
      if (off.status !== 200) throw new Error(`deactivate: ${off.status} ${JSON.stringify(off.body)}`);
      const refused = (await me(x, second)).status;
      // A refused sign-in counts against the client address (LOGIN_ADDRESS_FREE_ATTEMPTS, every request here comes from
      // 127.0.0.1): tried in the first round only, so that the later rounds and the load's sign-ins are not throttled.
      const signIn =
        round === 0 ? (await via[x].call('POST', '/api/v1/auth/login', { json: { username, password: 'demo1234' } })).status : 401;
      if (refused !== 401) mismatches.push(`round ${round}: deactivated on ${INSTANCE_NAMES[y]}, ${refused} on ${INSTANCE_NAMES[x]}`);
      else refusals++;
      if (signIn === 200) mismatches.push(`round ${round}: deactivated on ${INSTANCE_NAMES[y]}, signed in on ${INSTANCE_NAMES[x]}`);
      const on = await via[x].call('POST', `/api/v1/users/${userId}/reactivate`, { token: admin });
      if (on.status !== 200) throw new Error(`reactivate: ${on.status}`);
    }
    recordFigures('multi-instance: sessions', {
      rounds: SESSION_ROUNDS,
      revocations: SESSION_ROUNDS * 2,
      refusedAtOnce: refusals,
      mismatches: mismatches.length,
    });
    expect(mismatches).toEqual([]);
  });

  it('fires a scheduled reminder once across both instances, and its recipient is told once', async () => {
    const { since, dedupeKey, mailsBefore, firedAfterMs } = await reminder;
    const done = `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'due-date-reminders' AND created_on >= $1 AND state = 'completed'`;
    await waitFor('the reminder run', async () => ((await db.query(done, [since]))[0].n >= 1 ? true : null), 30_000);
    const overdueMail = (m: ReceivedMail) => m.to.includes('thamdinh@capdo.test') && m.text.includes(`Quá hạn: ${SYSTEM_NAME}MI-REMIND\n`);
    await waitFor('the reminder e-mail', async () => (sink.received.slice(mailsBefore).some(overdueMail) ? true : null), 30_000);

    // The same run twice at once, as if both instances had fired the same tick (or pg-boss delivered the job again).
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      await Promise.all([boss.send('due-date-reminders', {}), boss.send('due-date-reminders', {})]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await waitFor('the repeated runs', async () => ((await db.query(done, [since]))[0].n >= 3 ? true : null), 30_000);
    await sleep(4500);

    const [{ scheduled }] = await db.query(
      `SELECT count(*)::int AS scheduled FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'due-date-reminders' AND created_on >= $1`,
      [since],
    );
    const runs: { started_on: Date; completed_on: Date }[] = await db.query(
      `SELECT started_on, completed_on FROM pgboss.job WHERE name = 'due-date-reminders' AND created_on >= $1 ORDER BY started_on`,
      [since],
    );
    const notices: { username: string }[] = await db.query(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.dedupe_key = $1`,
      [dedupeKey],
    );
    const mails = sink.received.slice(mailsBefore).filter(overdueMail);
    const overlapping = runs.some((r, i) => i > 0 && r.started_on < runs[i - 1].completed_on);

    recordFigures('multi-instance: scheduled reminder', {
      firedAfterArmingMs: firedAfterMs,
      scheduledJobs: scheduled,
      runs: runs.length,
      repeatedRunsOverlapped: overlapping,
      noticesForRecipient: notices.length,
      emailsToRecipient: mails.length,
    });
    // pg-boss made one job of the minute's slot, whichever instance checked the schedule; the two repeats were ours.
    expect(scheduled).toBe(1);
    expect(runs).toHaveLength(3);
    expect(notices).toEqual([{ username: 'thamdinh' }]);
    expect(mails).toHaveLength(1);
  });

  it('keeps serving through the other instance after a kill -9 of one, losing no acknowledged write', async () => {
    const agencyIds = new Map<string, string>((await db.query(`SELECT code, id FROM agencies`)).map((r: any) => [r.code, r.id]));
    // A client of its own, so that its figures are the load's.
    const lb = new RoundRobinLedger(servers.map((s) => s.baseUrl));
    const load = new MixedWriteLoad(lb, random);
    await load.prepare(agencyIds);
    const renamed = ['SL-SO-KHCN', 'SL-SO-YT', 'SL-SO-GDDT'].map((c) => agencyIds.get(c)!);
    const versions = new Map<string, number>();
    const reports: InvariantReport[] = [];
    const rounds: Record<string, unknown>[] = [];

    load.start(WORKERS, renamed);
    try {
      for (let round = 0; round < KILL_ROUNDS; round++) {
        const victim = round % 2;
        const survivor = 1 - victim;
        await sleep(LOAD_MS * (0.5 + random()));
        const killedAt = Date.now();
        await servers[victim].kill9();
        await sleep(LOAD_MS);
        const restartAt = Date.now();
        await servers[victim].start(START_TIMEOUT_MS);
        const restartedAt = Date.now();
        await sleep(LOAD_MS / 2);
        reports.push(await checkInvariants(url, [...lb.acknowledged], versions));
        const answers = lb.answers.filter((a) => a.at >= killedAt);
        const ok = (a: { status: number }) => a.status >= 200 && a.status < 300;
        const alone = answers.filter((a) => a.at < restartedAt);
        rounds.push({
          killed: INSTANCE_NAMES[victim],
          cutOffAtTheKill: answers.filter((a) => a.server === victim && a.status === 0).length,
          firstSuccessAfterKillMs: (answers.find(ok)?.at ?? NaN) - killedAt,
          longestGapBetweenSuccessesMs: longestGap([killedAt, ...alone.filter(ok).map((a) => a.at), restartedAt]),
          answeredBySurvivorAlone: alone.filter((a) => a.server === survivor).length,
          restartMs: restartedAt - restartAt,
          restartedServesAfterMs: (answers.find((a) => a.server === victim && a.at >= restartAt && ok(a))?.at ?? NaN) - restartAt,
        });
      }
    } finally {
      await load.stop();
    }
    const final = await checkInvariants(url, [...lb.acknowledged], versions);
    reports.push(final);

    // Both instances serve the same data: every entity the load wrote, and the report, read through each.
    const entities = [...new Set(lb.acknowledged.filter((a) => a.entityType !== 'agency').map((a) => `${a.entityType}s/${a.entityId}`))];
    const differing: string[] = [];
    await mapLimit(entities, 4, async (entity) => {
      const [a, b] = await Promise.all(via.map((c) => c.call('GET', `/api/v1/${entity}`, { token: admin })));
      if (a.status !== 200 || !isDeepStrictEqual(a.body, b.body)) differing.push(`${entity}: ${a.status}/${b.status}`);
    });
    const reportsRead = await Promise.all(via.map((c) => c.call('GET', '/api/v1/reports/approval-rate', { token: leader })));
    const reportProblems = await reportVersusOracle(db, reportsRead[0].body, 'SL');
    if (!isDeepStrictEqual(reportsRead[0].body, reportsRead[1].body)) reportProblems.push('the instances answer the report differently');

    const answers = lb.answers;
    const lost = reports.flatMap((r) => r.lost);
    const inconsistent = reports.flatMap((r) => r.inconsistent);
    recordFigures('multi-instance: kill -9 of one', {
      requestsTried: lb.tried,
      acknowledgedWrites: lb.acknowledged.length,
      answeredBy: Object.fromEntries(INSTANCE_NAMES.map((name, i) => [name, answers.filter((a) => a.server === i && a.status > 0).length])),
      refusedAndMovedToTheOther: lb.refused.reduce((a, b) => a + b, 0),
      networkErrors: lb.networkErrors,
      statuses: Object.fromEntries([...lb.statuses.entries()].sort(([a], [b]) => a - b)),
      unhandledErrorsLogged: servers.map((s) => unhandledErrorsLogged(s.logFile)),
      kills: KILL_ROUNDS,
      rounds,
      writesLost: lost.length,
      inconsistentDossiers: inconsistent.length,
      versionRegressions: reports.flatMap((r) => r.regressions).length,
      entitiesComparedOnBoth: entities.length,
      entitiesDiffering: differing.length,
      dossiersChecked: final.dossiersChecked,
      cpus: os.cpus().length,
    });
    expect(lost).toEqual([]);
    expect(inconsistent).toEqual([]);
    expect(reports.flatMap((r) => r.regressions)).toEqual([]);
    expect(lb.statuses.get(500) ?? 0).toBe(0);
    expect(differing).toEqual([]);
    expect(reportProblems).toEqual([]);
    expect(rounds.every((r) => Number.isFinite(r.firstSuccessAfterKillMs) && Number.isFinite(r.restartedServesAfterMs))).toBe(true);
  });
});

interface ArmedReminder {
  since: Date;
  dedupeKey: string;
  mailsBefore: number;
  firedAfterMs: number;
}

/** The longest time between consecutive instants (sorted). */
function longestGap(instants: number[]): number {
  const sorted = [...instants].sort((a, b) => a - b);
  return sorted.reduce((gap, at, i) => (i === 0 ? 0 : Math.max(gap, at - sorted[i - 1])), 0);
}
