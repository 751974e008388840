import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A query run as a named prepared statement on the data source's own pool: PostgreSQL plans it once per connection
 * rather than on every call, and TypeORM's query runner is not set up around it. For the few statements every report
 * request runs (the kept timelines' check, the pending claims), whose planning cost about as much as their execution.
 * Outside a transaction only (it takes any free connection of the pool).
 */
export async function preparedQuery<T extends QueryResultRow>(
  source: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (source.driver as PostgresDriver).master as Pool;
  return (await pool.query<T>({ name, text, values })).rows;
}
