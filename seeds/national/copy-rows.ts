import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format: \N for null, backslash escapes for the four characters that need them. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return escapeText(JSON.stringify(value));
}

const SPECIAL = /[\\\n\r\t]/;
const REPLACEMENTS: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => REPLACEMENTS[c]) : text;
}

/** A text[] literal for COPY ("{PUBLIC,PERSONAL}"); the values are plain identifiers. */
export function textArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

export function timestamp(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * Streams rows into `table` with COPY … FROM STDIN (pg-copy-streams), 64 KB at a time, with backpressure:
 * the generator produces rows only as fast as PostgreSQL takes them. Returns the number of rows.
 */
export async function copyRows(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += row.map(copyField).join('\t');
      buffer += '\n';
      count++;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), sink);
  return count;
}
