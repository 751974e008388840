import * as fs from 'node:fs';

/** What a server logged as unhandled errors (the 5xx it answered), by error type and message. */
export function unhandledErrorsLogged(logFile: string): Record<string, number> {
  if (!fs.existsSync(logFile)) return {};
  const counts: Record<string, number> = {};
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"Unhandled error"')) continue;
    let kind = 'unparsed';
    try {
      const entry = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string } };
      kind = `${entry.err?.type}: ${entry.err?.code ?? ''} ${(entry.err?.message ?? '').slice(0, 80)}`;
    } catch {
      // kept as 'unparsed'
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
