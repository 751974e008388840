import { Client } from 'pg';
import { BenchFixtures } from './bench-fixtures';
import { auth } from './bench-scenarios';
import { cycling, Measurement, probe, summarise } from './measure';

/**
 * A report right after a change of a fact it reads in one province (what a leader waits for after a submission or an
 * approval): before each request, one SUBMITTED dossier of the next province has its submission instant moved by a
 * millisecond (through SQL, so the figures stay those checked at the start), then the report is asked for, one request
 * at a time for `duration` seconds.
 */
export async function afterChange(
  ctx: { url: string; sqlClient: Client; fixtures: BenchFixtures; duration: number },
  name: string,
  request: (province: string) => { path: string; token: string },
): Promise<Measurement> {
  const changedDossier = new Map(ctx.fixtures.submitted.map((d) => [d.province, d.id]));
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const provinces = cycling(ctx.fixtures.provinces.filter((p) => changedDossier.has(p)));
  const ask = async (province: string) => {
    await ctx.sqlClient.query(`UPDATE dossiers SET first_submitted_at = first_submitted_at + interval '1 millisecond' WHERE id = $1`, [
      changedDossier.get(province),
    ]);
    const { path, token } = request(province);
    const once = await probe(ctx.url, { path, headers: auth(token) });
    statusCodes[once.status] = (statusCodes[once.status] ?? 0) + 1;
    if (once.status === 200) latencies.push(once.ms);
  };
  await ask(provinces()); // brings every province's rows in (the cache may have let them go), not counted
  latencies.length = 0;
  const startedAt = Date.now();
  while (Date.now() - startedAt < ctx.duration * 1000) await ask(provinces());
  const failures = Object.entries(statusCodes)
    .filter(([code]) => code !== '200')
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    ...summarise(name, latencies, (Date.now() - startedAt) / 1000, 1, failures, statusCodes),
    note: 'one fact change before each request',
  };
}
