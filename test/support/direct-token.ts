// jsonwebtoken ships with @nestjs/jwt: tokens are signed here as the server signs them.
import { sign } from 'jsonwebtoken';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * An API token made without signing in, for tests that need many users at once (forty sign-ins from one address
 * would meet the sign-in throttle, which they do not test): a session row, as a sign-in would start, and a token
 * naming it. `db` is any client of the test database (pg Client or TypeORM DataSource).
 */
export async function directToken(db: Queryable, secret: string, user: { id: string; username: string; role: string }): Promise<string> {
  const result = (await db.query(
    `INSERT INTO sessions (user_id, kind, via, expires_at) VALUES ($1, 'API', 'PASSWORD', now() + interval '1 hour') RETURNING id`,
    [user.id],
  )) as { id: string }[] | { rows: { id: string }[] };
  const sid = Array.isArray(result) ? result[0].id : result.rows[0].id;
  return sign({ sub: user.id, sid, kind: 'api', username: user.username, role: user.role }, secret, {
    algorithm: 'HS256',
    expiresIn: 3600,
  });
}
