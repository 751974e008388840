import type { Express, Response } from 'express';

/** Arrays and objects this deep are written element by element; deeper values with one JSON.stringify each. */
const SPLIT_DEPTH = 2;
/** Most answers fit; a large one grows fourfold at a time (the national report: four copies). */
const FIRST_CAPACITY = 16 * 1024;

/**
 * The UTF-8 bytes of `JSON.stringify(value)`, written piece by piece into one buffer. A large JSON text holding
 * Vietnamese letters (a two-byte string in V8) costs Node 20 more to encode than to build when it is encoded whole
 * (the national report, 1.9 MB: stringify 15 ms, then 19 ms to encode it); its rows stringified and encoded one by one
 * cost about what JSON.stringify alone does, and the rows that cannot change (`unchangeable`) are encoded once for
 * good. The same text as JSON.stringify writes: the order of keys, `toJSON`, undefined and functions left out of
 * objects and written `null` in arrays.
 */
export function jsonBytes(value: unknown): Buffer | undefined {
  const writer = new ByteWriter();
  if (!write(value, writer, 0)) return undefined;
  return writer.bytes();
}

/**
 * The bytes of objects that cannot change: frozen, plain, without `toJSON`, every value a primitive. A report's rows
 * are made once and shared by the requests that show them (src/reports/approval-rate.service.ts), so their text is too.
 */
const FROZEN_BYTES = new WeakMap<object, Buffer>();

function unchangeable(value: object): boolean {
  if (!Object.isFrozen(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Object.values(value).every((item) => item === null || (typeof item !== 'object' && typeof item !== 'function'));
}

/** One growing buffer. */
class ByteWriter {
  private buffer = Buffer.allocUnsafe(FIRST_CAPACITY);
  private length = 0;
  /** Objects already written whole, with their bytes: an object listed twice (a report's row in two tables) is encoded once. */
  readonly written = new Map<object, Buffer>();

  text(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  raw(bytes: Buffer): void {
    this.reserve(bytes.length);
    this.length += bytes.copy(this.buffer, this.length);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 4, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

/** Objects and arrays written piece by piece: plain ones, without `toJSON`, not too deep. */
function splittable(value: unknown, depth: number): value is object {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

/** Writes `value` as JSON.stringify would; false when JSON.stringify gives undefined (nothing written). */
function write(value: unknown, writer: ByteWriter, depth: number): boolean {
  if (splittable(value, depth)) {
    if (Array.isArray(value)) writeArray(value, writer, depth);
    else writeObject(value, writer, depth);
    return true;
  }
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) return false;
    writer.text(text);
    return true;
  }
  const known = FROZEN_BYTES.get(value) ?? writer.written.get(value);
  if (known) {
    writer.raw(known);
    return true;
  }
  const text = JSON.stringify(value);
  if (text === undefined) return false;
  const bytes = Buffer.from(text, 'utf8');
  if (unchangeable(value)) FROZEN_BYTES.set(value, bytes);
  else writer.written.set(value, bytes);
  writer.raw(bytes);
  return true;
}

function writeArray(items: unknown[], writer: ByteWriter, depth: number): void {
  writer.text('[');
  // Every index, holes included (JSON.stringify writes them null; forEach would skip them).
  for (let index = 0; index < items.length; index++) {
    if (index > 0) writer.text(',');
    if (!write(items[index], writer, depth + 1)) writer.text('null');
  }
  writer.text(']');
}

function writeObject(value: object, writer: ByteWriter, depth: number): void {
  writer.text('{');
  let separator = '';
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    // A `toJSON` may give undefined, which leaves the key out: known before the key is written.
    const own = typeof (item as { toJSON?: unknown } | null)?.toJSON === 'function' ? JSON.stringify(item) : null;
    if (own === undefined) continue;
    writer.text(`${separator}${JSON.stringify(key)}:`);
    separator = ',';
    if (own === null) write(item, writer, depth + 1);
    else writer.text(own);
  }
  writer.text('}');
}

/**
 * Express's `res.json` with the text encoded by `jsonBytes`. Everything else is Express's: the Content-Type when none
 * is set (a problem+json answer keeps its own), the ETag, HEAD and 304. Only this application's responses are changed,
 * and only while Express's own JSON settings (replacer, spaces, escape) are unset.
 */
export function encodeJsonResponses(app: Express): void {
  const expressJson = app.response.json;
  app.response.json = function json(this: Response, value: unknown) {
    const settings = this.app;
    if (settings.get('json replacer') || settings.get('json spaces') || settings.get('json escape')) return expressJson.call(this, value);
    // As Express sends text: its own type or JSON, always with charset=utf-8.
    const type = this.get('Content-Type') ?? 'application/json';
    this.set('Content-Type', /;\s*charset=/i.test(type) ? type.replace(/(;\s*charset=)[^;]*/i, '$1utf-8') : `${type}; charset=utf-8`);
    const bytes = jsonBytes(value);
    return bytes === undefined ? this.send(undefined) : this.send(bytes);
  };
}
