import type { BenchResults } from './report-writer';
import { Measurement, Timing } from './measure';

/** Milliseconds as the tables print them: one decimal below 100 ms, none above; "—" for none. */
export const ms = (value: number | undefined | null): string =>
  value === undefined || value === null || Number.isNaN(value) ? '—' : value < 100 ? value.toFixed(1) : value.toFixed(0);
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const n = (value: number): string => value.toLocaleString('en-US');
/** "p50 / p99" of a timing, or of a measurement. */
export const pair = (t: Pick<Timing, 'p50' | 'p99'> | undefined): string => (t ? `${ms(t.p50)} / ${ms(t.p99)}` : '—');
export const rps = (m: Measurement | undefined): string => (m ? m.rps.toFixed(m.rps < 10 ? 1 : 0) : '—');

export function find(results: BenchResults | undefined, name: string, connections = 1): Measurement | undefined {
  return results?.measurements.find((m) => m.name === name && m.connections === connections);
}
