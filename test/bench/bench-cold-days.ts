import * as fs from 'node:fs';
import * as path from 'node:path';

/** How the rows "computed every request" kept clear of the report cache (written into the results). */
export interface ColdDaysInfo {
  firstDay: string;
  lastDay: string;
  /** Distinct (day, province) pairs of the province row, distinct days of the national row: what each cycles over. */
  provinceCycle: number;
  nationalCycle: number;
  /** Requests each row made (warm-up and probe included). */
  provinceAsked: number;
  nationalAsked: number;
  /** MAX_ENTRIES of src/reports/report-progress-cache.ts when it could be read (a national day takes one entry per province). */
  cacheEntries: number | null;
  provinces: number;
}

/** The first day the rows ask for: before the 2025 structure (01/7/2025), so that merger days are among them. */
const FIRST_DAY = '2025-06-01';

function cacheEntries(): number | null {
  try {
    const source = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'reports', 'report-progress-cache.ts'), 'utf8');
    const match = /MAX_ENTRIES\s*=\s*([\d_]+)/.exec(source);
    return match ? Number(match[1].replace(/_/g, '')) : null;
  } catch {
    return null;
  }
}

/**
 * Days the report has not been asked for, for the rows that must not be answered by the report cache (keyed by province,
 * root and day; least recently used entries go first). The days from FIRST_DAY to the day before `today` are split: the
 * province row takes every other one and asks each (day, province) pair once, in turn; the national row takes the others
 * (a national day fills one entry per province). A row comes back to a pair only after every other pair of its cycle,
 * far more requests than the cache keeps entries; `info()` says whether that held.
 */
export function coldDays(today: string, provinces: string[]) {
  const days: string[] = [];
  for (let t = Date.parse(`${today}T00:00:00Z`) - 86_400_000; t >= Date.parse(`${FIRST_DAY}T00:00:00Z`); t -= 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  const provincePairs = days.filter((_, i) => i % 2 === 0).flatMap((day) => provinces.map((p) => ({ day, p })));
  const nationalDays = days.filter((_, i) => i % 2 === 1);
  let provinceAsked = 0;
  let nationalAsked = 0;
  return {
    province: () => provincePairs[provinceAsked++ % provincePairs.length],
    national: () => nationalDays[nationalAsked++ % nationalDays.length],
    info: (): ColdDaysInfo => ({
      firstDay: days.at(-1)!,
      lastDay: days[0],
      provinceCycle: provincePairs.length,
      nationalCycle: nationalDays.length,
      provinceAsked,
      nationalAsked,
      cacheEntries: cacheEntries(),
      provinces: provinces.length,
    }),
  };
}

/** One line on whether the rows could have been answered by the cache. */
export function describeColdDays(info: ColdDaysInfo): string {
  const limit = info.cacheEntries;
  const national = info.nationalCycle * info.provinces;
  const safe = limit !== null && info.provinceCycle > limit && national > limit;
  const repeats = info.provinceAsked > info.provinceCycle || info.nationalAsked > info.nationalCycle;
  return [
    `days ${info.firstDay} to ${info.lastDay}: the province row over ${info.provinceCycle} (day, province) pairs (${info.provinceAsked} requests),`,
    `the national row over ${info.nationalCycle} other days (${info.nationalAsked} requests, ${national} cache entries a cycle);`,
    limit === null ? 'the cache limit could not be read' : `the cache keeps at most ${limit} entries`,
    repeats
      ? safe
        ? '— a pair came round again only after the cache had let it go'
        : '— **a pair came round again while the cache could hold it**'
      : '— no pair asked twice',
  ].join(' ');
}
