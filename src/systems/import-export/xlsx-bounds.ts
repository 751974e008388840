/**
 * Whether an uploaded .xlsx stays within what the import will read, judged on its real content before any
 * spreadsheet code sees it: a ZIP can claim small sizes and unpack to gigabytes, and a few hundred kilobytes of
 * `<c><v>1</v></c>` unpack to millions of cells. Each entry is inflated as a stream, counting bytes and, in the
 * sheets, cells and rows, and the check stops at the first limit passed, having held one chunk at a time.
 *
 * The entries are walked the way exceljs's streaming reader (unzipper's `Parse`) walks them — local headers from the
 * start of the file — so that what is checked here is what exceljs reads next, whatever the central directory says.
 * Pure: Node's zlib only.
 */
import { crc32, createInflateRaw } from 'node:zlib';

export interface XlsxBounds {
  /** Bytes all entries unpack to, as declared and as inflated. */
  unpackedBytes: number;
  /** Entries (parts) of the package. */
  entries: number;
  /** `<row>` elements of one sheet, blank ones included. */
  rowsPerSheet: number;
  /** `<c>` elements of one sheet. */
  cellsPerSheet: number;
  /** `<c>` elements of one row: exceljs builds a whole row before handing it over. */
  cellsPerRow: number;
  /** `<si>` elements of the shared strings, which exceljs keeps in memory. */
  sharedStrings: number;
}

export type XlsxBreach = 'damaged' | 'unpacked' | 'entries' | 'rows' | 'cells' | 'cells-per-row' | 'shared-strings';

const LOCAL_HEADER = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ZIP64_MARK = 0xffffffff;
// The names exceljs's reader takes for worksheets and shared strings (same patterns, unanchored as there).
const SHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

/** The first limit the file passes, or undefined when it stays within all of them. */
export async function xlsxBreach(zip: Buffer, bounds: XlsxBounds): Promise<XlsxBreach | undefined> {
  const declared = declaredUnpackedBytes(zip);
  if (declared === undefined) return 'damaged';
  if (declared > bounds.unpackedBytes) return 'unpacked';
  let remaining = bounds.unpackedBytes;
  let count = 0;
  for (const entry of localEntries(zip)) {
    if (entry === 'damaged') return 'damaged';
    if (++count > bounds.entries) return 'entries';
    const counter = SHEET_PART.test(entry.name)
      ? new SheetCounter(bounds)
      : entry.name === SHARED_STRINGS_PART
        ? new SharedStringsCounter(bounds)
        : undefined;
    const breach = await inflate(entry, (chunk) => {
      remaining -= chunk.length;
      return remaining < 0 ? 'unpacked' : counter?.feed(chunk);
    });
    if (breach) return breach;
  }
  return count === 0 ? 'damaged' : undefined;
}

/** The sum of the sizes the central directory declares, before anything is unpacked; undefined for a damaged ZIP. */
function declaredUnpackedBytes(zip: Buffer): number | undefined {
  const end = zip.lastIndexOf(uint32(END_OF_CENTRAL_DIRECTORY), zip.length - 22);
  if (end < 0 || end < zip.length - 65_557) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) return undefined;
    const size = zip.readUInt32LE(offset + 24);
    total += size === ZIP64_MARK ? Infinity : size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

interface LocalEntry {
  name: string;
  method: number;
  data: Buffer;
  /** The whole entry as stored: local header, data and data descriptor. */
  raw: Buffer;
}

/** The entries as a streaming reader meets them: local header after local header from offset 0, until anything else. */
function* localEntries(zip: Buffer): Generator<LocalEntry | 'damaged'> {
  let offset = 0;
  while (offset + 4 <= zip.length && zip.readUInt32LE(offset) === LOCAL_HEADER) {
    if (offset + 30 > zip.length) {
      yield 'damaged';
      return;
    }
    const flags = zip.readUInt16LE(offset + 6);
    const method = zip.readUInt16LE(offset + 8);
    let compressedSize = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + nameLength + extraLength;
    if (start > zip.length) {
      yield 'damaged';
      return;
    }
    const name = zip.toString('utf8', offset + 30, offset + 30 + nameLength);
    if (compressedSize === ZIP64_MARK) {
      const size = zip64CompressedSize(zip.subarray(offset + 30 + nameLength, start), zip.readUInt32LE(offset + 22) === ZIP64_MARK);
      if (size === undefined) {
        yield 'damaged';
        return;
      }
      compressedSize = size;
    }
    // Bit 3 with no size: the data runs to the data descriptor's signature, as unzipper reads it.
    const sizeKnown = !(flags & 0x08) || compressedSize > 0;
    const end = sizeKnown ? start + compressedSize : zip.indexOf(DATA_DESCRIPTOR, start);
    if (end < 0 || end > zip.length) {
      yield 'damaged';
      return;
    }
    const next = sizeKnown ? end : end + 16;
    yield { name, method, data: zip.subarray(start, end), raw: zip.subarray(offset, Math.min(next, zip.length)) };
    offset = next;
  }
}

/** Parts exceljs's reader must have read before a sheet, or it copies the sheet to a temporary file and reads it later. */
const READ_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', SHARED_STRINGS_PART, 'xl/styles.xml'];

/**
 * The file as exceljs's streaming reader should meet it: the same entries, with the workbook, its relationships, the
 * shared strings and the styles first, and an empty shared-strings part when the file has none. Then the reader takes
 * each sheet as it streams past, with its name and date formats known, instead of copying it to a temporary file
 * first (which a refused or cut-short read leaves behind until the process exits). Call it on a file xlsxBreach
 * accepted.
 */
export function readerOrder(zip: Buffer): Buffer[] {
  const entries: LocalEntry[] = [];
  let end = 0;
  for (const entry of localEntries(zip)) {
    if (entry === 'damaged') return [zip];
    entries.push(entry);
    end = entry.raw.byteOffset - zip.byteOffset + entry.raw.length;
  }
  const rank = (entry: LocalEntry) => {
    const at = READ_FIRST.indexOf(entry.name);
    return at < 0 ? READ_FIRST.length : at;
  };
  const ordered = entries.map((entry, at) => ({ entry, at })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.at - b.at);
  const parts = ordered.map(({ entry }) => entry.raw);
  if (!entries.some((entry) => entry.name === SHARED_STRINGS_PART)) parts.unshift(storedEntry(SHARED_STRINGS_PART, EMPTY_SHARED_STRINGS));
  return [...parts, zip.subarray(end)];
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/** A ZIP local entry holding `content` uncompressed ("stored"). */
function storedEntry(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), content]);
}

/** The compressed size from a local header's ZIP64 extra field (id 1: uncompressed size first when it is marked). */
function zip64CompressedSize(extra: Buffer, uncompressedMarked: boolean): number | undefined {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 1) continue;
    const field = at + 4 + (uncompressedMarked ? 8 : 0);
    if (field + 8 > extra.length) return undefined;
    const size = Number(extra.readBigUInt64LE(field));
    return Number.isSafeInteger(size) ? size : undefined;
  }
  return undefined;
}

/** Feeds the entry's unpacked bytes to `take`, chunk by chunk, until it names a breach or the entry ends. */
async function inflate(entry: LocalEntry, take: (chunk: Buffer) => XlsxBreach | undefined): Promise<XlsxBreach | undefined> {
  if (entry.method === 0) return take(entry.data);
  // unzipper inflates every entry with another method than "stored" as deflate; a method it cannot read fails there too.
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(entry.data);
  try {
    for await (const chunk of inflater) {
      const breach = take(chunk as Buffer);
      if (breach) return breach;
    }
    return undefined;
  } catch {
    return 'damaged';
  } finally {
    inflater.destroy();
  }
}

const uint32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

const LT = 0x3c;
/** After an element's name: white space, ">" or "/" (as in `<c>`, `<c r="A1">`, `<c/>`). */
const endsName = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Counts start tags by their name in XML arriving in chunks, carrying a tag cut in two over to the next chunk. Counts
 * a tag inside a comment or CDATA too, which only errs on the safe side.
 */
abstract class TagCounter {
  private carry?: Buffer;

  constructor(protected readonly bounds: XlsxBounds) {}

  feed(chunk: Buffer): XlsxBreach | undefined {
    if (this.carry) {
      // The tag cut at the end of the previous chunk, with the start of this one: its name is no longer than 4 bytes.
      const head = Buffer.concat([this.carry, chunk.subarray(0, 4)]);
      this.carry = undefined;
      if (head.length < 5) {
        this.carry = head;
        return undefined;
      }
      const breach = this.tag(head, 1);
      if (breach) return breach;
    }
    return this.scan(chunk);
  }

  /** A plain loop over the bytes: several times faster than Buffer.indexOf on XML where every fourth byte is "<". */
  private scan(bytes: Buffer): XlsxBreach | undefined {
    const length = bytes.length;
    for (let at = 0; at < length; at++) {
      if (bytes[at] !== LT) continue;
      if (at + 5 > length) {
        this.carry = Buffer.from(bytes.subarray(at));
        return undefined;
      }
      const breach = this.tag(bytes, at + 1);
      if (breach) return breach;
    }
    return undefined;
  }

  /** One start (or end) tag whose name begins at `at`. */
  protected abstract tag(bytes: Buffer, at: number): XlsxBreach | undefined;
}

class SheetCounter extends TagCounter {
  private rows = 0;
  private cells = 0;
  private rowCells = 0;

  protected tag(bytes: Buffer, at: number): XlsxBreach | undefined {
    if (bytes[at] === 0x63 /* c */ && endsName(bytes[at + 1])) {
      if (++this.cells > this.bounds.cellsPerSheet) return 'cells';
      if (++this.rowCells > this.bounds.cellsPerRow) return 'cells-per-row';
    } else if (bytes[at] === 0x72 && bytes[at + 1] === 0x6f && bytes[at + 2] === 0x77 && endsName(bytes[at + 3]) /* row */) {
      this.rowCells = 0;
      if (++this.rows > this.bounds.rowsPerSheet) return 'rows';
    }
    return undefined;
  }
}

class SharedStringsCounter extends TagCounter {
  private strings = 0;

  protected tag(bytes: Buffer, at: number): XlsxBreach | undefined {
    if (bytes[at] === 0x73 && bytes[at + 1] === 0x69 && endsName(bytes[at + 2]) /* si */ && ++this.strings > this.bounds.sharedStrings)
      return 'shared-strings';
    return undefined;
  }
}
