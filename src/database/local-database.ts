import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DatabaseUrls, DEFAULT_APP_ROLE } from './database-roles';
import { EmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'capdo';
/** The superuser's password in data directories made before the credentials file existed. */
const LEGACY_SUPERUSER_PASSWORD = 'postgres';
const CREDENTIALS_FILE = 'pg-credentials.json';
/** Which capdo process runs the embedded PostgreSQL (instance-owner.ts). */
export const OWNER_FILE = 'capdo-owner.json';

export interface EmbeddedCredentials {
  superuser: { user: string; password: string };
  app: { user: string; password: string };
}

/**
 * The embedded cluster's two accounts: the superuser (the bootstrap: initdb, roles, the audit log's owner) and the
 * application's role. Random passwords, generated once and kept in DATA_DIR/pg-credentials.json readable by its
 * owner only (0600), like the JWT secret beside it.
 */
export function embeddedCredentials(dataDir: string): EmbeddedCredentials {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EmbeddedCredentials>;
    if (saved.superuser?.password && saved.app?.user && saved.app.password) return saved as EmbeddedCredentials;
    throw new Error(`Tệp ${file} bị hỏng: cần mật khẩu của tài khoản quản trị và tài khoản ứng dụng PostgreSQL.`);
  }
  const credentials: EmbeddedCredentials = {
    superuser: { user: 'postgres', password: randomBytes(24).toString('base64url') },
    app: { user: DEFAULT_APP_ROLE, password: randomBytes(24).toString('base64url') },
  };
  fs.mkdirSync(dataDir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(partial, file);
  return credentials;
}

export function localCluster(
  dataDir = process.env.DATA_DIR || '.data',
  port = Number(process.env.EMBEDDED_PG_PORT || 54329),
  log?: (m: string) => void,
  /** The HTTP address of the server that starts the cluster; none for a command-line tool. */
  address?: string,
): EmbeddedPostgres {
  const { superuser } = embeddedCredentials(dataDir);
  return new EmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port,
    log,
    user: superuser.user,
    password: superuser.password,
    formerPasswords: [LEGACY_SUPERUSER_PASSWORD],
    owner: { file: path.join(dataDir, OWNER_FILE), address },
  });
}

/**
 * The cluster of DATA_DIR for `npm run reset`: no credentials are made for it (it is only stopped and deleted), and it
 * is owned through the same owner file, so it refuses while a capdo runs on DATA_DIR.
 */
export function clusterToRemove(dataDir: string, log?: (m: string) => void): EmbeddedPostgres {
  return new EmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: 0, log, owner: { file: path.join(dataDir, OWNER_FILE) } });
}

/** The embedded database as the application sees it (its own role) and as the bootstrap does (the superuser). */
export function embeddedDatabaseUrls(cluster: EmbeddedPostgres, dataDir = process.env.DATA_DIR || '.data'): Required<DatabaseUrls> {
  const { app } = embeddedCredentials(dataDir);
  return { app: cluster.urlAs(app.user, app.password, EMBEDDED_DATABASE), admin: cluster.url(EMBEDDED_DATABASE) };
}

/**
 * Runs `fn` against DATABASE_URL (with DATABASE_ADMIN_URL as the administrator when set), or else against the
 * embedded database: the one `npm start` is running if there is one (used, never stopped), otherwise a cluster
 * started for the duration of `fn`, this process recorded as its owner meanwhile so that an `npm start` refuses rather than stop it.
 */
export async function withDatabase<T>(fn: (urls: DatabaseUrls) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn({ app: process.env.DATABASE_URL, admin: process.env.DATABASE_ADMIN_URL || undefined });
  const cluster = localCluster();
  const attached = cluster.attach();
  if (!attached) await cluster.start();
  try {
    await cluster.createDatabase(EMBEDDED_DATABASE);
    return await fn(embeddedDatabaseUrls(cluster));
  } finally {
    if (attached) cluster.detach();
    else await cluster.stop();
  }
}

/** In embedded mode the signing secret is generated once and kept beside the data, so sessions survive restarts. */
export function persistedJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
