/**
 * Where a spreadsheet's table starts and what its columns hold, for capdo's template and for the lists a province
 * already keeps (issue 21): title rows above the header, a two-row header under merged cells ("Quyết định phê duyệt"
 * over "Số" / "Ngày"), the province's own column names, a numbering column, a numbering row under the header and a
 * "Tổng cộng" footer. Column titles are compared without diacritics, case or punctuation. The user may correct the
 * guess with a column mapping (letter → field) and give one value for a column the file does not have. Pure.
 */
import { foldDiacritics } from '../../common/text/vietnamese';
import { CellValue, SheetColumn, SheetField, SYSTEM_COLUMNS } from './system-columns';
import { cellText, isBlankRow } from './system-sheet';

/** A row as read from the file (sheet-file.ts): its number as the spreadsheet shows it, and its cells. */
export interface HeaderSourceRow {
  number: number;
  cells: CellValue[];
}

export interface SheetHeaderColumn {
  /** Column letter as Excel shows it: A, B, …, AA. */
  letter: string;
  /** The title as the file writes it (both header rows joined for a two-row header). */
  title: string;
  /** The field it fills, or null when the column is left out (unknown, numbering, or mapped to "ignore"). */
  field: SheetField | null;
  /** A numbering column ("TT", "STT"): recognised and left out. */
  numbering: boolean;
  /** Found by its title (or chosen in the mapping), as opposed to a column capdo could not place. */
  recognised: boolean;
}

export interface SheetHeader {
  /** The spreadsheet row numbers of the header (two for a two-row header). */
  rows: number[];
  columns: SheetHeaderColumn[];
  /** Required fields with no column and no value given for all rows. */
  missing: SheetColumn[];
  /** Fields two columns claim. */
  duplicated: SheetColumn[];
  /** Fields the file does not have but capdo derives (the system code from its name). */
  derived: SheetField[];
  /** Index in the rows read of the first row after the header. */
  dataStart: number;
}

/** The user's corrections: a field (or "ignore") per column letter, and one value for every row of a missing column. */
export interface ColumnMapping {
  columns?: Record<string, SheetField | 'ignore'>;
  defaults?: Partial<Record<SheetField, string>>;
}

/** How many rows from the top may hold titles before the header. */
const HEADER_SEARCH_ROWS = 15;

/** A column title as compared: no diacritics, case, punctuation, "(bắt buộc)" or "*" marks. */
export function titleKey(text: string): string {
  return foldDiacritics(text)
    .replace(/\((bat buoc|\*)\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NUMBERING_TITLES = ['tt', 't t', 'stt', 's t t', 'so tt', 'so thu tu', 'thu tu', 'no'];

/** The names provinces give the columns, besides the template's titles and the API's field names. */
const SYNONYMS: Record<SheetField, string[]> = {
  ownerAgencyCode: [
    'co quan chu quan',
    'ten co quan chu quan',
    'don vi chu quan',
    'chu quan',
    'co quan chu quan he thong',
    'chu quan he thong thong tin',
  ],
  code: ['ma he thong thong tin', 'ma httt', 'ky hieu he thong'],
  name: ['ten he thong thong tin', 'ten httt', 'he thong thong tin', 'ten he thong', 'ten'],
  operatorAgencyCode: ['don vi van hanh', 'co quan van hanh', 'don vi quan ly van hanh', 'ten don vi van hanh', 'don vi quan ly'],
  systemType: ['loai he thong thong tin', 'loai httt', 'phan loai he thong'],
  infoTypes: ['loai thong tin xu ly', 'thong tin xu ly'],
  lifecycle: ['trang thai van hanh', 'tinh trang van hanh', 'tinh trang hoat dong'],
  goLiveDate: ['ngay van hanh', 'ngay dua vao van hanh', 'thoi gian dua vao su dung'],
  hosting: ['noi dat may chu', 'vi tri dat he thong', 'noi dat'],
  internetFacing: ['ket noi mang internet', 'co ket noi internet'],
  connectsGovNetwork: ['ket noi mang truyen so lieu chuyen dung', 'ket noi tslcd'],
  userCount: ['so luong nguoi dung', 'so nguoi dung', 'so luong nguoi su dung'],
  basicPersonalDataSubjects: ['so chu the du lieu ca nhan co ban'],
  sensitivePersonalDataSubjects: ['so chu the du lieu ca nhan nhay cam'],
  description: ['mo ta he thong', 'mo ta chuc nang', 'chuc nang'],
  approvedLevel: ['cap do da duoc phe duyet', 'cap do phe duyet', 'cap do duoc phe duyet', 'cap do', 'cap do httt'],
  approvalDecisionNumber: ['so quyet dinh', 'quyet dinh phe duyet so', 'so qd', 'so hieu quyet dinh', 'so quyet dinh phe duyet cap do'],
  approvalDecisionDate: [
    'ngay phe duyet',
    'ngay quyet dinh phe duyet',
    'quyet dinh phe duyet ngay',
    'ngay ban hanh quyet dinh',
    'ngay qd',
    'ngay ky quyet dinh',
  ],
  approvalDecisionIssuer: ['co quan phe duyet', 'co quan ban hanh', 'cap phe duyet', 'co quan ban hanh quyet dinh phe duyet'],
  deploymentStatus: ['tinh trang trien khai', 'trien khai phuong an'],
  internalRegulationNumber: ['so quy che', 'quy che bao dam an toan thong tin so'],
  internalRegulationDate: ['ngay quy che', 'quy che bao dam an toan thong tin ngay'],
};

type Role = SheetField | 'numbering';

const EXACT = new Map<string, Role>();
for (const title of NUMBERING_TITLES) EXACT.set(title, 'numbering');
for (const column of SYSTEM_COLUMNS) {
  for (const text of [column.title, column.field, ...SYNONYMS[column.field]])
    if (!EXACT.has(titleKey(text))) EXACT.set(titleKey(text), column.field);
}
/** Titles of two words or more, for a title that says a little more than a known one ("Số quyết định phê duyệt cấp độ"). */
const BY_WORDS = [...EXACT]
  .filter(([key, role]) => role !== 'numbering' && key.includes(' '))
  .map(([key, role]) => [[...new Set(key.split(' '))], role] as const);

/**
 * The field a title names: an exact known title, else the known title whose words the title contains and that
 * makes up at least 60 % of its words (the most of them wins).
 */
export function roleOfTitle(text: string): Role | null {
  const key = titleKey(text);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  const words = new Set(key.split(' '));
  let best: { role: Role; share: number } | null = null;
  for (const [known, role] of BY_WORDS) {
    if (!known.every((w) => words.has(w))) continue;
    const share = known.length / words.size;
    if (share >= 0.6 && (!best || share > best.share)) best = { role, share };
  }
  return best?.role ?? null;
}

export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** The titles of a one-row header, or of two rows where the upper cell of a merged title spans several lower ones. */
function titlesOf(upper: CellValue[], lower?: CellValue[]): string[] {
  const width = Math.max(upper.length, lower?.length ?? 0);
  const titles: string[] = [];
  let spanning = '';
  for (let i = 0; i < width; i++) {
    const top = cellText(upper[i]);
    const bottom = lower ? cellText(lower[i]) : '';
    // A merged cell's value is in its first cell only: the cells to its right under it carry its title on.
    if (top) spanning = bottom ? top : '';
    const parent = top || (bottom ? spanning : '');
    titles.push(bottom && bottom !== parent ? `${parent} ${bottom}`.trim() : parent);
  }
  return titles;
}

function score(titles: string[]): number {
  const fields = new Set<Role>();
  for (const title of titles) {
    const role = roleOfTitle(title);
    if (role) fields.add(role);
  }
  return fields.size;
}

/**
 * Finds the header among the first rows (the one, or the pair of rows, that names the most known columns; the first
 * non-blank row when none names two) and applies the user's mapping to it.
 */
export function detectHeader(rows: HeaderSourceRow[], mapping: ColumnMapping = {}): SheetHeader | undefined {
  const candidates = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row.cells));
  if (!candidates.length) return undefined;
  let best = { index: candidates[0].index, pair: false, titles: titlesOf(candidates[0].row.cells), score: 0 };
  for (const { row, index } of candidates.slice(0, HEADER_SEARCH_ROWS)) {
    const single = titlesOf(row.cells);
    const next = rows[index + 1];
    const pair = next && next.number === row.number + 1 && !isBlankRow(next.cells) ? titlesOf(row.cells, next.cells) : undefined;
    const [singleScore, pairScore] = [score(single), pair ? score(pair) : -1];
    if (singleScore > best.score && singleScore >= pairScore) best = { index, pair: false, titles: single, score: singleScore };
    else if (pair && pairScore > best.score) best = { index, pair: true, titles: pair, score: pairScore };
  }
  if (best.score < 2) best = { index: candidates[0].index, pair: false, titles: titlesOf(candidates[0].row.cells), score: 0 };
  const headerRows = [rows[best.index].number, ...(best.pair ? [rows[best.index + 1].number] : [])];
  return headerOf(best.titles, headerRows, best.index + headerRows.length, mapping);
}

function headerOf(titles: string[], headerRows: number[], dataStart: number, mapping: ColumnMapping): SheetHeader {
  const columns: SheetHeaderColumn[] = titles.map((title, i) => {
    const letter = columnLetter(i);
    const chosen = mapping.columns?.[letter];
    const role = roleOfTitle(title);
    // A numbering column left out stays one: its section rows ("I", "II") are still passed over.
    if (chosen)
      return {
        letter,
        title,
        field: chosen === 'ignore' ? null : chosen,
        numbering: chosen === 'ignore' && role === 'numbering',
        recognised: true,
      };
    return { letter, title, field: role === 'numbering' ? null : role, numbering: role === 'numbering', recognised: role !== null };
  });
  const seen = new Set<SheetField>();
  const duplicated: SheetColumn[] = [];
  for (const column of SYSTEM_COLUMNS) {
    const claims = columns.filter((c) => c.field === column.field).length;
    if (claims > 1) duplicated.push(column);
    if (claims || mapping.defaults?.[column.field] !== undefined) seen.add(column.field);
  }
  // A province's list has names, not capdo's system codes: the code is made from the name (derivedCode).
  const derived: SheetField[] = !seen.has('code') && seen.has('name') ? ['code'] : [];
  const missing = SYSTEM_COLUMNS.filter((c) => c.required && !seen.has(c.field) && !derived.includes(c.field));
  return { rows: headerRows, columns, missing, duplicated, derived, dataStart };
}

/** What the table does with a row below the header: read it, pass over it, or stop (the footer and what follows). */
export function rowKind(cells: CellValue[], header: SheetHeader): 'data' | 'skip' | 'end' {
  const texts = cells.map((cell) => cellText(cell));
  const filled = texts.filter(Boolean);
  if (!filled.length) return 'skip';
  // "Tổng cộng: 12 hệ thống" and the signatures below it; with its diacritics, so that "Cổng thông tin …" is a row.
  if (/^(tổng cộng|tổng số|cộng)(?![\p{L}\p{N}])/u.test(filled[0].normalize('NFC').toLowerCase())) return 'end';
  // The column numbers some lists print under the header: (1) (2) (3) …, or a number alone in a numbering column.
  if (filled.every((t) => /^\(?\d{1,3}\)?$/.test(t))) return 'skip';
  // A section heading in the numbering column ("I", "A", "II.") with at most its title beside it: "Khối sở, ngành".
  const numbering = header.columns.findIndex((c) => c.numbering);
  if (numbering >= 0 && /^([IVXL]+|[A-Z])\.?$/.test(texts[numbering] ?? '') && filled.length <= 2) return 'skip';
  return 'data';
}

/** A system code made from the name: "Cổng thông tin điện tử xã Đoàn Kết" → "CONG-THONG-TIN-DIEN-TU-XA-DOAN-KET". */
export function derivedCode(name: string): string {
  const slug = foldDiacritics(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}
