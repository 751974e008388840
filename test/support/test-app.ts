import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { freshDatabase } from './fresh-database';

export const DEMO_PASSWORD = 'demo1234';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** The application's own connection (role capdo_app: it may not touch the audit log beyond reading and appending). */
  db: DataSource;
  /** The test database as the superuser, for tools (backup, restore, CLI commands) and fixtures the app may not write. */
  databaseUrl: string;
  /** The test database as the application's role. */
  appDatabaseUrl: string;
  /** One statement as the superuser on this test's database. */
  adminQuery<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

async function adminQuery<T>(url: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The real application on a fresh database (migrations and Sơn La demo data already applied). */
export async function createTestApp(): Promise<TestApp> {
  const urls = await freshDatabase();
  process.env.DATABASE_URL = urls.app;
  // CAPDO_TEST_LOGS=1 shows the server's error logs while debugging a test.
  if (process.env.CAPDO_TEST_LOGS === '1') process.env.LOG_LEVEL = 'error';
  const app = await createApp({ logs: process.env.CAPDO_TEST_LOGS === '1' });
  const db = app.get(DataSource);
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    databaseUrl: urls.admin,
    appDatabaseUrl: urls.app,
    adminQuery: (sql, params) => adminQuery(urls.admin, sql, params),
    http: () => request(app.getHttpServer()),
    async login(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(`${username}:${password}`);
      if (cached) return cached;
      const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(`${username}:${password}`, res.body.accessToken);
      return res.body.accessToken as string;
    },
    close: () => app.close(),
  };
}

/** Asserts an RFC 9457 problem response and returns its body. */
export function expectProblem(res: request.Response, status: number, code?: string): Record<string, unknown> {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  const body = JSON.parse(res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : JSON.stringify(res.body)));
  if (code) expect(body.code).toBe(code);
  expect(body.correlationId).toEqual(expect.any(String));
  return body;
}

export async function countRows(db: DataSource, table: string): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}
