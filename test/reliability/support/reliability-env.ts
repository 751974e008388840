import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The reliability specs run twice over: a short version inside `npm test` (small iteration counts, well under a
 * minute in all) and the full version with `npm run test:reliability` (CAPDO_RELIABILITY=full).
 */
export const FULL = process.env.CAPDO_RELIABILITY === 'full';

export const pick = <T>(short: T, full: T): T => (FULL ? full : short);

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Each spec's figures (requests tried, faults injected, writes lost …), printed and appended as one JSON line. */
export function recordFigures(spec: string, figures: Record<string, unknown>): void {
  const line = { spec, mode: FULL ? 'full' : 'short', at: new Date().toISOString(), ...figures };
  const file = process.env.CAPDO_RELIABILITY_OUT ?? path.join(os.tmpdir(), 'capdo-reliability-figures.jsonl');
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  process.stdout.write(`[reliability] ${JSON.stringify(line)}\n`);
}
