import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedDemoActivity } from './demo-activity';
import { seedAfterApproval } from './demo-after-approval';
import { DemoLogin, seedDemo } from './demo-seed';
import { seedDemoStates } from './demo-states';

export interface DemoDataResult {
  logins: DemoLogin[];
  systems: number;
  dossiers: number;
}

/**
 * The Sơn La demo data on an empty database: bodies, accounts and routing, then systems and dossiers taken
 * through the real workflow, then one dossier in each state a newcomer can act on (demo-states.ts). Returns undefined when the database already holds agencies.
 */
export async function loadDemoDataWhenEmpty(app: INestApplicationContext, password: string): Promise<DemoDataResult | undefined> {
  const dataSource = app.get(DataSource);
  const [{ n }]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM agencies`);
  if (n > 0) return undefined;
  const logins = await seedDemo(dataSource, password);
  const activity = await seedDemoActivity(app);
  await seedAfterApproval(app);
  const states = await seedDemoStates(app);
  return { logins, systems: activity.systems, dossiers: activity.dossiers + states.length };
}
