import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { EmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'capdo';

export function localCluster(dataDir = process.env.DATA_DIR || '.data', port = Number(process.env.EMBEDDED_PG_PORT || 54329), log?: (m: string) => void): EmbeddedPostgres {
  return new EmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, log });
}

/**
 * Runs `fn` against DATABASE_URL, or else against the embedded database: the one `npm start` is running
 * if there is one, otherwise a cluster started for the duration of `fn`.
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const cluster = localCluster();
  const attached = cluster.attach();
  if (!attached) await cluster.start();
  try {
    await cluster.createDatabase(EMBEDDED_DATABASE);
    return await fn(cluster.url(EMBEDDED_DATABASE));
  } finally {
    if (!attached) await cluster.stop();
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
