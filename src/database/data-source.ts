import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// A DATE is a calendar day, not an instant: keep PostgreSQL's 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value) => value);

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // The product's day is Vietnam's: current_date (agency versions, tests' "today") must not be the server's UTC day,
    // which lags Vietnam's by seven hours. Every query that turns an instant into a day also names the zone itself.
    extra: { max: poolSize, application_name: 'capdo', options: '-c TimeZone=Asia/Ho_Chi_Minh' },
  };
}

export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs -d src/database/data-source.ts migration:run`. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/capdo'));
