import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ServerProcess } from './reliability/support/server-process';
import { freePort, TEMPLATE_DATABASE } from './support/test-cluster';

/**
 * Issue 23, point 3: the README promises JSON log lines with `correlationId`. The real server (`src/main.ts`, a child
 * process at LOG_LEVEL=info, its output in a file) must write it on the request line and on every line logged while
 * handling the request: the caller's `X-Correlation-Id` when accepted, else the generated one it answers with.
 */
jest.setTimeout(120_000);

interface LogLine {
  msg?: string;
  correlationId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

describe('logs carry the correlation id (issue 23, point 3)', () => {
  let dir: string;
  let logFile: string;
  let server: ServerProcess;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdo-logs-'));
    logFile = path.join(dir, 'server.log');
    const database = await createDatabase();
    dropDatabase = database.drop;
    server = new ServerProcess({
      databaseUrl: database.url,
      port: await freePort(),
      jwtSecret: 'logging-secret-logging-secret-0123456789',
      logFile,
      // A provider nobody answers at: the single sign-on start logs a warning while handling the request.
      env: { LOG_LEVEL: 'info', OIDC_ISSUER_URL: `http://127.0.0.1:${await freePort()}/realms/none`, OIDC_CLIENT_ID: 'capdo' },
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the sent X-Correlation-Id on the request line and on a line a service logs while handling it', async () => {
    const res = await fetch(`${server.baseUrl}/dang-nhap/sso`, { headers: { 'X-Correlation-Id': 'test-corr-0001' }, redirect: 'manual' });
    expect(res.status).toBe(503);
    expect(res.headers.get('x-correlation-id')).toBe('test-corr-0001');

    const lines = await linesFor('test-corr-0001', (l) => l.req?.url === '/dang-nhap/sso' && l.res?.statusCode === 503);
    expect(lines.find((l) => l.msg === 'single sign-on: provider discovery failed')).toBeDefined();
    // The request line (pino-http's "request errored" for a 5xx), written when the response finished.
    expect(lines.find((l) => l.res?.statusCode === 503)).toMatchObject({ req: { method: 'GET', url: '/dang-nhap/sso' } });
  });

  it('writes the generated id, the one the response header carries, when the caller sent none (or an unusable one)', async () => {
    for (const sent of [undefined, 'bad id with spaces']) {
      const res = await fetch(`${server.baseUrl}/api/v1/systems`, { headers: sent ? { 'X-Correlation-Id': sent } : {} });
      expect(res.status).toBe(401);
      const generated = res.headers.get('x-correlation-id')!;
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await res.json()) as { correlationId: string }).correlationId).toBe(generated);
      const lines = await linesFor(generated, (l) => l.res?.statusCode === 401);
      expect(lines.find((l) => l.req?.url === '/api/v1/systems')).toBeDefined();
    }
  });

  it('writes the line of a request answered before routing (a body the JSON parser refuses) with its id', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Correlation-Id': 'test-corr-early-01' },
      body: '{"username":',
    });
    expect(res.status).toBe(400);
    const lines = await linesFor('test-corr-early-01', (l) => l.res?.statusCode === 400);
    expect(lines.find((l) => l.res?.statusCode === 400)).toMatchObject({ req: { method: 'POST', url: '/api/v1/auth/login' } });
  });

  it('writes no request line without a correlation id', async () => {
    await fetch(`${server.baseUrl}/api/health`);
    const requestLines = readLog().filter((l) => l.req);
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.filter((l) => !l.correlationId)).toEqual([]);
  });

  function readLog(): LogLine[] {
    return fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** The lines carrying this id, once the request line matching `done` has been written (pino writes on 'finish'). */
  async function linesFor(correlationId: string, done: (line: LogLine) => boolean): Promise<LogLine[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const lines = readLog().filter((l) => l.correlationId === correlationId);
      if (lines.some(done) || Date.now() > deadline) return lines;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});

/** A database of the e2e cluster cloned from the migrated template (as test/support/test-app.ts does), as superuser. */
async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.CAPDO_TEST_CLUSTER_URL;
  if (!base) throw new Error('The e2e global setup did not run (CAPDO_TEST_CLUSTER_URL missing).');
  const name = `t_logs_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
