import { Client } from 'pg';
import { NATIONAL_PASSWORD } from '../../seeds/national/load-national';

/** What the scenarios act on, read from the run's database so every id exists and every transition is real. */
export interface BenchFixtures {
  provinces: string[];
  leaders: Map<string, string>;
  appraisers: Map<string, string>;
  /** SUBMITTED dossiers routed to a provincial police: each takes one real start-appraisal. */
  submitted: { id: string; version: number; province: string }[];
  /** A spread of dossiers over all statuses (stable order: by id hash). */
  dossiers: string[];
  counts: Record<string, number>;
  statuses: Record<string, number>;
  levels: Record<string, number>;
  postgresVersion: string;
  databaseBytes: number;
}

export async function readFixtures(url: string): Promise<BenchFixtures> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
    const provinces = (await q<{ province_code: string }>(`SELECT DISTINCT province_code FROM agencies ORDER BY 1`)).map(
      (r) => r.province_code,
    );
    const leaders = new Map(
      (
        await q<{ p: string; username: string }>(
          `SELECT a.province_code AS p, min(u.username) AS username FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.role = 'LEADER' GROUP BY 1`,
        )
      ).map((r) => [r.p, r.username]),
    );
    const appraisers = new Map(
      (
        await q<{ p: string; username: string }>(
          `SELECT a.province_code AS p, min(u.username) AS username FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.role = 'APPRAISER' GROUP BY 1`,
        )
      ).map((r) => [r.p, r.username]),
    );
    const submitted = await q<{ id: string; version: number; province: string }>(
      `SELECT d.id, d.version, d.province_code AS province FROM dossiers d
        WHERE d.status = 'SUBMITTED' AND d.appraiser_agency_id IS NOT NULL ORDER BY md5(d.id::text)`,
    );
    const dossiers = (await q<{ id: string }>(`SELECT id FROM dossiers ORDER BY md5(id::text) LIMIT 3000`)).map((r) => r.id);
    const counts: Record<string, number> = {};
    for (const table of [
      'agencies',
      'agency_versions',
      'users',
      'systems',
      'system_custody',
      'dossiers',
      'dossier_events',
      'dossier_revisions',
      'dossier_attachments',
      'audit_log',
    ]) {
      counts[table] = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    }
    counts.provinces = provinces.length;
    const statuses = Object.fromEntries(
      (await q<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM dossiers GROUP BY 1 ORDER BY 2 DESC`)).map((r) => [
        r.status,
        r.n,
      ]),
    );
    const levels = Object.fromEntries(
      (await q<{ level: number; n: number }>(`SELECT proposed_level AS level, count(*)::int AS n FROM dossiers GROUP BY 1 ORDER BY 1`)).map(
        (r) => [String(r.level), r.n],
      ),
    );
    const postgresVersion = (await q<{ v: string }>(`SELECT version() AS v`))[0].v;
    const databaseBytes = Number((await q<{ n: string }>(`SELECT pg_database_size(current_database()) AS n`))[0].n);
    return { provinces, leaders, appraisers, submitted, dossiers, counts, statuses, levels, postgresVersion, databaseBytes };
  } finally {
    await client.end();
  }
}

/** Signs in through the API (the argon2 check included) and returns the access token. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: NATIONAL_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Đăng nhập ${username} thất bại: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function getJson<T>(baseUrl: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as T;
}
