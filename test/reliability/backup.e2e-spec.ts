import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { seedDemoActivity } from '../../seeds/demo-activity';
import { createApp } from '../../src/app.factory';
import { backupDatabase, restoreDatabase } from '../../src/cli/pg-backup';
import { createTestApp, TestApp } from '../support/test-app';
import { checkInvariants } from './support/invariants';
import { pick, recordFigures, REPO_ROOT } from './support/reliability-env';

const run = promisify(execFile);

/**
 * Backup and restore with the project's own commands (`npm run backup`, `npm run restore`, README "Sao lưu"), which
 * run PostgreSQL's pg_dump and pg_restore: the Sơn La demo data is backed up, restored into a fresh database, and the
 * restored database answers the same approval-rate report, holds the same rows, takes new writes, and is refused when
 * cut short or when the target already holds data.
 */
jest.setTimeout(pick(180_000, 600_000));

describe('backup and restore (npm run backup / npm run restore)', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let restoredUrl: string;
  const figures: Record<string, unknown> = {};

  const npm = async (script: string, args: string[], databaseUrl: string) => {
    const { stdout } = await run('npm', ['run', '--silent', script, '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };
  const urlOf = (database: string) => {
    const url = new URL(t.databaseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const approvalRate = async (http: () => ReturnType<typeof request>, token: string, query: Record<string, string>) =>
    (
      await http()
        .get('/api/v1/reports/approval-rate')
        .query(query)
        .set({ authorization: `Bearer ${token}` })
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    const started = Date.now();
    await seedDemoActivity(t.app);
    figures.seedSeconds = (Date.now() - started) / 1000;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-backup-'));
    file = path.join(dir, 'sonla.dump');
  });
  afterAll(async () => {
    recordFigures('backup', figures);
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores the Sơn La demo data into a fresh database with identical report figures and identical rows', async () => {
    let started = Date.now();
    const out = await npm('backup', ['--out', file], t.databaseUrl);
    figures.backupSeconds = (Date.now() - started) / 1000;
    figures.backupBytes = fs.statSync(file).size;
    expect(out).toMatch(/Đã sao lưu \d+ bảng \(PostgreSQL 15\.\d+, pg_dump 15\.\d+\)/);

    const database = `restored_${Date.now()}`;
    started = Date.now();
    await npm('restore', ['--file', file, '--database', database], t.databaseUrl);
    figures.restoreSeconds = (Date.now() - started) / 1000;
    restoredUrl = urlOf(database);

    // Same rows, table by table: the text of every row, in a stable order.
    const digest = async (url: string) => {
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        const { rows: tables } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
        const result: Record<string, string> = {};
        for (const { tablename } of tables) {
          const [{ n, md5 }] = (
            await db.query(
              `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${tablename}" t`,
            )
          ).rows;
          result[tablename] = `${n}:${md5}`;
        }
        return result;
      } finally {
        await db.end();
      }
    };
    const [source, restored] = await Promise.all([digest(t.databaseUrl), digest(restoredUrl)]);
    expect(restored).toEqual(source);
    figures.tables = Object.keys(source).length;
    figures.rows = Object.values(source).reduce((n, v) => n + Number(v.split(':')[0]), 0);

    // The same figures from a server started on the restored database.
    const leader = await t.login('lanhdao');
    const queries: Record<string, string>[] = [{}, { asOf: '2026-01-06' }];
    const before = await Promise.all(queries.map((q) => approvalRate(t.http, leader, q)));
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = restoredUrl;
    const app = await createApp({ logs: false });
    process.env.DATABASE_URL = previousUrl;
    try {
      const http = () => request(app.getHttpServer());
      const login = async (username: string) =>
        (await http().post('/api/v1/auth/login').send({ username, password: 'demo1234' }).expect(200)).body.accessToken as string;
      const after = await Promise.all(queries.map(async (q) => approvalRate(http, await login('lanhdao'), q)));
      expect(after).toEqual(before);
      // Dispatch 256/UBND-NC: as of 06/01/2026, 19 bodies had submitted and 10 had been approved.
      expect(before[1].agencies).toMatchObject({ submitted: 19, approved: 10 });
      figures.approvalRateToday = before[0].agencies;
      figures.approvalRateAsOf20260106 = before[1].agencies;
      // New writes continue the restored identities (audit_log, dossier_events …) instead of colliding with them.
      const system = await http()
        .post('/api/v1/systems')
        .set({ authorization: `Bearer ${await login('admin')}` })
        .send({
          code: 'SAU-KHOI-PHUC',
          name: 'Hệ thống sau khôi phục',
          ownerAgencyId: (await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`))[0].id,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
        });
      expect(system.status).toBe(201);
    } finally {
      await app.close();
    }
    const report = await checkInvariants(restoredUrl, [], new Map());
    expect(report.inconsistent).toEqual([]);
    figures.restoredDossiersReplayed = report.dossiersChecked;
  });

  it('refuses a backup cut short or not a backup at all, and leaves the target empty', async () => {
    const cutBytes = path.join(dir, 'cut.dump');
    fs.writeFileSync(cutBytes, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
    const notADump = path.join(dir, 'not-a-dump.dump');
    fs.writeFileSync(notADump, 'đây không phải bản sao lưu\n');
    for (const broken of [cutBytes, notADump]) {
      const database = `broken_${Date.now()}`;
      await t.adminQuery(`CREATE DATABASE ${database}`);
      await expect(restoreDatabase(urlOf(database), broken)).rejects.toThrow(/không (phải bản sao lưu|hoàn tất)/);
      const db = new Client({ connectionString: urlOf(database) });
      await db.connect();
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
      );
      await db.end();
      expect(rows[0].n).toBe(0);
    }
  });

  it('never restores over data', async () => {
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    const failure = await npm('restore', ['--file', file], t.databaseUrl).then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toMatch(/đã có dữ liệu/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before);
  });

  it('takes a consistent snapshot while writes go on', async () => {
    const officer = await t.login('canbo.sl-so-xd');
    const [{ id: ownerAgencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await t
          .http()
          .post('/api/v1/systems')
          .set({ authorization: `Bearer ${officer}` })
          .send({
            code: `TRONG-KHI-SAO-LUU-${i}`,
            name: `Hệ thống ${i}`,
            ownerAgencyId,
            systemType: 'INTERNAL',
            infoTypes: ['PRIVATE'],
            lifecycle: 'IN_OPERATION',
          });
        if (res.status === 201) {
          await t
            .http()
            .post('/api/v1/dossiers')
            .set({ authorization: `Bearer ${officer}` })
            .send({ systemId: res.body.id });
          writes += 2;
        }
      }
    })();
    const during = path.join(dir, 'during.dump');
    try {
      await backupDatabase(t.databaseUrl, during);
    } finally {
      writing = false;
      await writer;
    }
    const database = `during_${Date.now()}`;
    await t.adminQuery(`CREATE DATABASE ${database}`);
    await restoreDatabase(urlOf(database), during);
    const report = await checkInvariants(urlOf(database), [], new Map());
    expect(report.inconsistent).toEqual([]);
    figures.writesDuringBackup = writes;
  });
});
