/**
 * Form templates (templates/forms/<form>.json, described in templates/forms/README.md): load, validate and
 * resolve a template against DossierDocumentData into a neutral list of blocks that the PDF and DOCX renderers draw.
 * No Nest or TypeORM imports; the only side effect is reading the template file.
 *
 * A template is checked completely when it is loaded (block types, keys, placeholders, helpers, loops), so a typo
 * made by an administrator fails at once with the file and the JSON path, not halfway through a printed form.
 */
import { readFileSync, statSync, existsSync } from 'fs';
import * as path from 'path';
import { DomainError } from '../common/errors/domain-error';
import { DOCUMENT_FORMS, type DocumentForm, type DossierDocumentData } from './document-data';

// ---------------------------------------------------------------------------------------------------------------
// Resolved blocks: what the renderers draw. Text is final (NFC, helpers applied, layout upper-casing done).

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type ResolvedTableRow = { kind: 'group'; text: string } | { kind: 'cells'; cells: string[] };

export type ResolvedBlock =
  | {
      type: 'header';
      /** Body above the issuer, upper-case; '' when there is none. */
      issuerParent: string;
      issuerName: string;
      number: string;
      /** "V/v …" under the number; '' when there is none. */
      summary: string;
      nationalTitle: string;
      motto: string;
      placeDate: string;
    }
  | { type: 'title'; text: string; lines: string[]; note: string; rule: boolean }
  | { type: 'addressee'; label: string; items: string[] }
  | { type: 'heading'; runs: TextRun[]; align: Align; indent: boolean }
  | { type: 'paragraph'; runs: TextRun[]; align: Align; indent: boolean }
  | { type: 'list'; items: { marker: string; runs: TextRun[] }[]; level: number }
  | { type: 'table'; columns: { header: string; width: number; align: Align }[]; rows: ResolvedTableRow[] }
  | {
      type: 'signature';
      recipients: { label: string; items: string[] } | null;
      signer: { lines: string[]; note: string; name: string };
    }
  | { type: 'footnote'; runs: TextRun[] }
  | { type: 'pageBreak' };

export interface ResolvedDocument {
  form: DocumentForm;
  /** Full name of the form, e.g. "Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ" (PDF/DOCX title property). */
  name: string;
  /** Short Vietnamese name folded into the file name ("Đề nghị thẩm định" → "de-nghi-tham-dinh"). */
  shortName: string;
  blocks: ResolvedBlock[];
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** A template an administrator wrote does not follow templates/forms/README.md. Names the file and the JSON path. */
export class FormTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly at: string,
    readonly problem: string,
  ) {
    super(`Mẫu văn bản không hợp lệ: ${file} › ${at}: ${problem}`);
    this.name = 'FormTemplateError';
  }
}

/** The dossier data cannot fill the template (a date that is not YYYY-MM-DD, a level that is not a number…). */
export class DocumentDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentDataError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The runtime shape of DossierDocumentData, so placeholders can be checked when a template is loaded. The mapped
// type makes tsc fail here when a field is added to or removed from document-data.ts.

type Shape<T> = [NonNullable<T>] extends [readonly (infer U)[]]
  ? { readonly list: Shape<U> }
  : [NonNullable<T>] extends [object]
    ? { readonly fields: { readonly [K in keyof NonNullable<T>]-?: Shape<NonNullable<T>[K]> } }
    : 'scalar';
type AnyShape = 'scalar' | { readonly list: AnyShape } | { readonly fields: Readonly<Record<string, AnyShape>> };

const S = 'scalar' as const;
const AGENCY = { fields: { name: S, code: S, parentName: S } };
const DATA_SHAPE: Shape<DossierDocumentData> = {
  fields: {
    decree: S,
    securityTerm: S,
    place: S,
    date: S,
    documentNumber: S,
    owner: AGENCY,
    operator: AGENCY,
    addressee: AGENCY,
    system: {
      fields: {
        name: S,
        code: S,
        typeLabel: S,
        infoTypeLabels: { list: S },
        lifecycleLabel: S,
        goLiveDate: S,
        hostingLabel: S,
        scope: S,
        servedPopulation: S,
        description: S,
        architectureDescription: S,
        components: { list: { fields: { name: S, description: S } } },
      },
    },
    proposedLevel: S,
    computedLevel: S,
    matchedRules: { list: { fields: { id: S, article: S, level: S, reason: S } } },
    levelJustification: S,
    planSections: { list: { fields: { key: S, title: S, text: S } } },
    planEntries: {
      list: { fields: { code: S, groupName: S, title: S, tcvnClause: S, statusLabel: S, description: S } },
    },
    catalogueTitle: S,
    expertOpinion: { fields: { unit: S, summary: S, date: S } },
    attachments: { list: { fields: { kindLabel: S, fileName: S } } },
    appraisal: { fields: { appraiser: AGENCY, conclusion: S, opinions: S, reasons: { list: S } } },
    decision: {
      fields: { number: S, date: S, signerName: S, signerTitle: S, level: S, issuer: AGENCY, standard: S },
    },
  },
};
const ROOT_SHAPE: { readonly fields: Readonly<Record<string, AnyShape>> } = DATA_SHAPE;

/** Vietnamese names of the optional parts of the data a form may require ("requires" in the template). */
const REQUIRED_LABELS: Record<string, string> = {
  appraisal: 'ý kiến thẩm định của hồ sơ',
  decision: 'thông tin quyết định (số, ngày, người ký, cấp độ được phê duyệt)',
  expertOpinion: 'ý kiến chuyên môn của đơn vị chuyên trách',
};

// ---------------------------------------------------------------------------------------------------------------
// Compiled template (validated once when loaded)

const HELPERS = ['date', 'longDate', 'upper', 'lower', 'capitalize', 'level', 'point', 'join', 'blank'] as const;
type HelperName = (typeof HELPERS)[number];

interface Placeholder {
  source: string;
  path: string[];
  helpers: { name: HelperName; arg: string | undefined }[];
}
type Part = string | Placeholder;
interface CompiledRun {
  parts: Part[];
  bold: boolean;
  italic: boolean;
}
type CompiledText = CompiledRun[];

type Scalar = string | number;
interface Condition {
  path: string[];
  negate: boolean;
  equals?: Scalar;
  in?: Scalar[];
}
interface Loop {
  path: string[];
  as: string;
}
interface ItemTemplate {
  text: CompiledText;
  if?: Condition;
  each?: Loop;
}
interface RowTemplate {
  cells: CompiledText[];
  group?: CompiledText;
  if?: Condition;
  each?: Loop;
}
const MARKERS = ['number', 'point', 'dash', 'plus', 'none'] as const;
type Marker = (typeof MARKERS)[number];
const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];

type BlockTemplate = { if?: Condition } & (
  | {
      type: 'header';
      parent: CompiledText;
      name: CompiledText;
      number: CompiledText;
      summary: CompiledText;
      placeDate: CompiledText;
      nationalTitle: CompiledText;
      motto: CompiledText;
    }
  | { type: 'title'; text: CompiledText; lines: CompiledText[]; note: CompiledText; rule: boolean }
  | { type: 'addressee'; label: CompiledText; items: ItemTemplate[] }
  | { type: 'heading'; text: CompiledText; align: Align; indent: boolean }
  | { type: 'paragraph'; text: CompiledText; align: Align; indent: boolean; bold: boolean; italic: boolean }
  | { type: 'list'; marker: Marker; start: number; level: number; items: ItemTemplate[]; empty?: CompiledText }
  | {
      type: 'table';
      columns: { header: string; width: number; align: Align }[];
      rows: RowTemplate[];
      empty?: CompiledText;
    }
  | { type: 'each'; loop: Loop; blocks: BlockTemplate[]; empty?: CompiledText }
  | {
      type: 'signature';
      recipientsLabel: CompiledText | null;
      recipients: ItemTemplate[];
      signerLines: CompiledText[];
      note: CompiledText;
      name: CompiledText;
    }
  | { type: 'footnote'; text: CompiledText }
  | { type: 'pageBreak' }
);

export interface FormTemplate {
  form: DocumentForm;
  file: string;
  name: string;
  shortName: string;
  requires: string[][];
  blocks: BlockTemplate[];
}

const BLOCK_KEYS: Record<BlockTemplate['type'], readonly string[]> = {
  header: ['issuer', 'number', 'summary', 'placeDate', 'nationalTitle', 'motto'],
  title: ['text', 'lines', 'note', 'rule'],
  addressee: ['label', 'items'],
  heading: ['text', 'align', 'indent'],
  paragraph: ['text', 'align', 'indent', 'bold', 'italic'],
  list: ['marker', 'start', 'level', 'items', 'empty'],
  table: ['columns', 'rows', 'empty'],
  each: ['each', 'as', 'blocks', 'empty'],
  signature: ['recipients', 'signer'],
  footnote: ['text'],
  pageBreak: [],
};
const BLOCK_TYPES = Object.keys(BLOCK_KEYS) as BlockTemplate['type'][];

export const DEFAULT_NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const DEFAULT_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

// ---------------------------------------------------------------------------------------------------------------
// Validation and compilation

type Scope = ReadonlyMap<string, AnyShape>;
type Json = unknown;

class Compiler {
  constructor(readonly file: string) {}

  fail(at: string, problem: string): never {
    throw new FormTemplateError(this.file, at, problem);
  }

  object(value: Json, at: string, allowed: readonly string[]): Record<string, Json> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'cần một đối tượng JSON { … }');
    const obj = value as Record<string, Json>;
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.fail(`${at}.${key}`, `khóa không được hỗ trợ "${key}" (dùng: ${allowed.join(', ') || 'không có khóa nào'})`);
      }
    }
    return obj;
  }

  array(value: Json, at: string): Json[] {
    if (!Array.isArray(value)) this.fail(at, 'cần một mảng [ … ]');
    return value;
  }

  string(value: Json, at: string): string {
    if (typeof value !== 'string') this.fail(at, 'cần một chuỗi');
    return value;
  }

  boolean(value: Json, at: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(at, 'cần true hoặc false');
    return value;
  }

  integer(value: Json, at: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(at, `cần một số nguyên từ ${min} đến ${max}`);
    }
    return value;
  }

  oneOf<T extends string>(value: Json, at: string, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      this.fail(at, `giá trị "${String(value)}" không hợp lệ (dùng: ${allowed.join(', ')})`);
    }
    return value as T;
  }

  identifier(value: Json, at: string): string {
    const name = this.string(value, at);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.fail(at, `tên biến vòng lặp "${name}" không hợp lệ`);
    return name;
  }

  /** Shape a dotted path points at, or a loud error naming the fields that do exist. */
  shapeOf(rawPath: string, at: string, scope: Scope): { path: string[]; shape: AnyShape } {
    if (rawPath === '@index') {
      if (!scope.has('@index')) this.fail(at, '"@index" chỉ dùng được bên trong vòng lặp (each)');
      return { path: ['@index'], shape: S };
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(rawPath)) {
      this.fail(at, `đường dẫn dữ liệu "${rawPath}" không hợp lệ`);
    }
    const segments = rawPath.split('.');
    let shape: AnyShape | undefined = scope.get(segments[0]) ?? field(ROOT_SHAPE, segments[0]);
    if (shape === undefined) {
      const known = [...[...scope.keys()].filter((k) => k !== '@index'), ...Object.keys(ROOT_SHAPE.fields)];
      this.fail(at, `trường dữ liệu không tồn tại "${segments[0]}" trong "${rawPath}" (có: ${known.join(', ')})`);
    }
    for (let i = 1; i < segments.length; i++) {
      if (shape === S || !('fields' in shape)) {
        const what = shape === S ? 'là một giá trị đơn' : 'là một danh sách, hãy dùng each';
        this.fail(at, `"${segments.slice(0, i).join('.')}" ${what}, không có trường "${segments[i]}"`);
      }
      const next: AnyShape | undefined = field(shape, segments[i]);
      if (next === undefined) {
        this.fail(
          at,
          `trường dữ liệu không tồn tại "${rawPath}" (${segments.slice(0, i).join('.')} có: ${Object.keys(shape.fields).join(', ')})`,
        );
      }
      shape = next;
    }
    return { path: segments, shape };
  }

  placeholder(source: string, at: string, scope: Scope): Placeholder {
    const [rawPath, ...rawHelpers] = source.split('|').map((s) => s.trim());
    const { path: segments, shape } = this.shapeOf(rawPath, at, scope);
    let current: AnyShape = shape;
    const helpers: Placeholder['helpers'] = [];
    for (const raw of rawHelpers) {
      const colon = raw.indexOf(':');
      const name = (colon < 0 ? raw : raw.slice(0, colon)).trim();
      // An argument is trimmed; quote it to keep its spaces: {{list | join:' và '}}.
      let arg = colon < 0 ? undefined : raw.slice(colon + 1).trim();
      if (arg && arg.length >= 2 && (arg[0] === "'" || arg[0] === '"') && arg[arg.length - 1] === arg[0]) arg = arg.slice(1, -1);
      if (!HELPERS.includes(name as HelperName)) {
        this.fail(at, `hàm định dạng không tồn tại "${name}" trong {{${source}}} (dùng: ${HELPERS.join(', ')})`);
      }
      const helper = name as HelperName;
      if (helper === 'blank' && !arg) this.fail(at, `"blank" cần nội dung thay thế, ví dụ {{${rawPath} | blank:……}}`);
      if (helper !== 'blank' && helper !== 'join' && arg !== undefined) {
        this.fail(at, `hàm "${helper}" không nhận tham số trong {{${source}}}`);
      }
      if (helper === 'join') {
        if (current === S || !('list' in current) || current.list !== S) {
          this.fail(at, `"join" chỉ dùng cho danh sách giá trị đơn, "${rawPath}" không phải`);
        }
        current = S;
      } else if (current !== S) {
        this.fail(at, `hàm "${helper}" cần một giá trị đơn, "${rawPath}" ${describeShape(current)}`);
      }
      helpers.push({ name: helper, arg });
    }
    if (current !== S) this.fail(at, `{{${source}}}: "${rawPath}" ${describeShape(current)}`);
    return { source, path: segments, helpers };
  }

  /** Placeholders first, then the **bold** / *italic* markup of the literal text (data never becomes markup). */
  text(value: Json, at: string, scope: Scope): CompiledText {
    const raw = this.string(value, at);
    const runs: CompiledRun[] = [];
    let bold = false;
    let italic = false;
    let current: CompiledRun = { parts: [], bold, italic };
    const startRun = () => {
      if (current.parts.length > 0) runs.push(current);
      current = { parts: [], bold, italic };
    };
    const pushLiteral = (s: string) => {
      if (!s) return;
      const last = current.parts[current.parts.length - 1];
      if (typeof last === 'string') current.parts[current.parts.length - 1] = last + s;
      else current.parts.push(s);
    };
    const literal = (s: string) => {
      if (s.includes('{{') || s.includes('}}')) this.fail(at, `dấu {{ hoặc }} không khớp trong "${raw}"`);
      let buffer = '';
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\' && s[i + 1] === '*') {
          buffer += '*';
          i++;
        } else if (s[i] === '*') {
          pushLiteral(buffer);
          buffer = '';
          if (s[i + 1] === '*') {
            bold = !bold;
            i++;
          } else italic = !italic;
          startRun();
        } else buffer += s[i];
      }
      pushLiteral(buffer);
    };
    const re = /\{\{(.*?)\}\}/g;
    let last = 0;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      literal(raw.slice(last, m.index));
      current.parts.push(this.placeholder(m[1].trim(), at, scope));
      last = m.index + m[0].length;
    }
    literal(raw.slice(last));
    if (bold || italic) this.fail(at, `dấu ${bold ? '**' : '*'} mở mà không đóng trong "${raw}"`);
    startRun();
    return runs;
  }

  condition(value: Json, at: string, scope: Scope): Condition | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const negate = value.startsWith('!');
      return { path: this.shapeOf(value.slice(negate ? 1 : 0).trim(), at, scope).path, negate };
    }
    const obj = this.object(value, at, ['path', 'not', 'equals', 'in']);
    const { path: p, shape } = this.shapeOf(this.string(obj.path, `${at}.path`), `${at}.path`, scope);
    const condition: Condition = { path: p, negate: this.boolean(obj.not, `${at}.not`, false) };
    if (obj.equals !== undefined || obj.in !== undefined) {
      if (shape !== S) this.fail(at, `"equals"/"in" chỉ so sánh được giá trị đơn, "${p.join('.')}" ${describeShape(shape)}`);
      const scalar = (v: Json, where: string): Scalar => {
        if (typeof v !== 'string' && typeof v !== 'number') this.fail(where, 'cần chuỗi hoặc số');
        return v;
      };
      if (obj.equals !== undefined) condition.equals = scalar(obj.equals, `${at}.equals`);
      if (obj.in !== undefined) condition.in = this.array(obj.in, `${at}.in`).map((v, i) => scalar(v, `${at}.in[${i}]`));
    }
    return condition;
  }

  loop(obj: Record<string, Json>, at: string, scope: Scope): { loop: Loop; scope: Scope } {
    const { path: p, shape } = this.shapeOf(this.string(obj.each, `${at}.each`), `${at}.each`, scope);
    if (shape === S || !('list' in shape)) this.fail(`${at}.each`, `"${p.join('.')}" không phải danh sách, không lặp được`);
    const as = obj.as === undefined ? 'item' : this.identifier(obj.as, `${at}.as`);
    if (field(ROOT_SHAPE, as)) this.fail(`${at}.as`, `tên biến "${as}" trùng tên trường dữ liệu, hãy đặt tên khác`);
    const inner = new Map(scope);
    inner.set(as, shape.list);
    inner.set('@index', S);
    return { loop: { path: p, as }, scope: inner };
  }

  /** List, addressee and recipient items: "text" | { text, if } | { each, as, text, if }. */
  items(value: Json, at: string, scope: Scope): ItemTemplate[] {
    return this.array(value, at).map((item, i) => {
      const itemAt = `${at}[${i}]`;
      if (typeof item === 'string') return { text: this.text(item, itemAt, scope) };
      const obj = this.object(item, itemAt, ['text', 'if', 'each', 'as']);
      if (obj.each === undefined) {
        if (obj.as !== undefined) this.fail(`${itemAt}.as`, '"as" chỉ dùng cùng "each"');
        return { text: this.text(obj.text, `${itemAt}.text`, scope), if: this.condition(obj.if, `${itemAt}.if`, scope) };
      }
      const { loop, scope: inner } = this.loop(obj, itemAt, scope);
      return { each: loop, text: this.text(obj.text, `${itemAt}.text`, inner), if: this.condition(obj.if, `${itemAt}.if`, inner) };
    });
  }

  rows(value: Json, at: string, scope: Scope, columns: number): RowTemplate[] {
    return this.array(value, at).map((row, i) => {
      const rowAt = `${at}[${i}]`;
      const obj = this.object(row, rowAt, ['cells', 'group', 'if', 'each', 'as']);
      let inner = scope;
      let each: Loop | undefined;
      if (obj.each !== undefined) ({ loop: each, scope: inner } = this.loop(obj, rowAt, scope));
      else if (obj.as !== undefined) this.fail(`${rowAt}.as`, '"as" chỉ dùng cùng "each"');
      const cells = this.array(obj.cells, `${rowAt}.cells`).map((c, j) => this.text(c, `${rowAt}.cells[${j}]`, inner));
      if (cells.length !== columns) this.fail(`${rowAt}.cells`, `có ${cells.length} ô nhưng bảng có ${columns} cột`);
      return {
        cells,
        each,
        group: obj.group === undefined ? undefined : this.text(obj.group, `${rowAt}.group`, inner),
        if: this.condition(obj.if, `${rowAt}.if`, inner),
      };
    });
  }

  block(value: Json, at: string, scope: Scope): BlockTemplate {
    const typeValue = (value as { type?: unknown } | null)?.type;
    if (typeof typeValue !== 'string' || !BLOCK_TYPES.includes(typeValue as BlockTemplate['type'])) {
      this.fail(`${at}.type`, `loại khối không được hỗ trợ "${String(typeValue)}" (dùng: ${BLOCK_TYPES.join(', ')})`);
    }
    const type = typeValue as BlockTemplate['type'];
    const obj = this.object(value, at, ['type', 'if', ...BLOCK_KEYS[type]]);
    const cond = this.condition(obj.if, `${at}.if`, scope);
    const text = (key: string) => this.text(obj[key], `${at}.${key}`, scope);
    const optionalText = (key: string, fallback?: string) =>
      obj[key] === undefined ? (fallback === undefined ? undefined : this.text(fallback, `${at}.${key}`, scope)) : text(key);
    const align = (fallback: Align) => this.oneOf(obj.align, `${at}.align`, ALIGNS, fallback);
    switch (type) {
      case 'header': {
        const issuer = this.object(obj.issuer, `${at}.issuer`, ['parent', 'name']);
        return {
          type,
          if: cond,
          parent: issuer.parent === undefined ? [] : this.text(issuer.parent, `${at}.issuer.parent`, scope),
          name: this.text(issuer.name, `${at}.issuer.name`, scope),
          number: text('number'),
          summary: optionalText('summary', '') ?? [],
          placeDate: text('placeDate'),
          nationalTitle: optionalText('nationalTitle', DEFAULT_NATIONAL_TITLE) ?? [],
          motto: optionalText('motto', DEFAULT_MOTTO) ?? [],
        };
      }
      case 'title':
        return {
          type,
          if: cond,
          text: text('text'),
          lines: obj.lines === undefined ? [] : this.array(obj.lines, `${at}.lines`).map((l, i) => this.text(l, `${at}.lines[${i}]`, scope)),
          note: optionalText('note', '') ?? [],
          rule: this.boolean(obj.rule, `${at}.rule`, false),
        };
      case 'addressee':
        return { type, if: cond, label: optionalText('label', 'Kính gửi:') ?? [], items: this.items(obj.items, `${at}.items`, scope) };
      case 'heading':
        return { type, if: cond, text: text('text'), align: align('left'), indent: this.boolean(obj.indent, `${at}.indent`, true) };
      case 'paragraph':
        return {
          type,
          if: cond,
          text: text('text'),
          align: align('justify'),
          indent: this.boolean(obj.indent, `${at}.indent`, true),
          bold: this.boolean(obj.bold, `${at}.bold`, false),
          italic: this.boolean(obj.italic, `${at}.italic`, false),
        };
      case 'list':
        return {
          type,
          if: cond,
          marker: this.oneOf(obj.marker, `${at}.marker`, MARKERS, 'number'),
          start: this.integer(obj.start, `${at}.start`, 1, 1, 999),
          level: this.integer(obj.level, `${at}.level`, 0, 0, 3),
          items: this.items(obj.items, `${at}.items`, scope),
          empty: optionalText('empty'),
        };
      case 'table': {
        const columns = this.array(obj.columns, `${at}.columns`).map((c, i) => {
          const colAt = `${at}.columns[${i}]`;
          const col = this.object(c, colAt, ['header', 'width', 'align']);
          const width = col.width;
          if (typeof width !== 'number' || !(width > 0)) this.fail(`${colAt}.width`, 'cần một số dương (tỉ lệ độ rộng cột)');
          return {
            header: this.string(col.header, `${colAt}.header`),
            width,
            align: this.oneOf(col.align, `${colAt}.align`, ALIGNS, 'left'),
          };
        });
        if (columns.length === 0) this.fail(`${at}.columns`, 'bảng cần ít nhất một cột');
        return { type, if: cond, columns, rows: this.rows(obj.rows, `${at}.rows`, scope, columns.length), empty: optionalText('empty') };
      }
      case 'each': {
        const { loop, scope: inner } = this.loop(obj, at, scope);
        const blocks = this.array(obj.blocks, `${at}.blocks`).map((b, i) => this.block(b, `${at}.blocks[${i}]`, inner));
        return { type, if: cond, loop, blocks, empty: optionalText('empty') };
      }
      case 'signature': {
        let recipientsLabel: CompiledText | null = null;
        let recipients: ItemTemplate[] = [];
        if (obj.recipients !== undefined) {
          const r = this.object(obj.recipients, `${at}.recipients`, ['label', 'items']);
          recipientsLabel = this.text(r.label ?? 'Nơi nhận:', `${at}.recipients.label`, scope);
          recipients = this.items(r.items, `${at}.recipients.items`, scope);
        }
        const signer = this.object(obj.signer, `${at}.signer`, ['lines', 'note', 'name']);
        return {
          type,
          if: cond,
          recipientsLabel,
          recipients,
          signerLines: this.array(signer.lines, `${at}.signer.lines`).map((l, i) => this.text(l, `${at}.signer.lines[${i}]`, scope)),
          note: this.text(signer.note ?? '', `${at}.signer.note`, scope),
          name: this.text(signer.name ?? '', `${at}.signer.name`, scope),
        };
      }
      case 'footnote':
        return { type, if: cond, text: text('text') };
      case 'pageBreak':
        return { type, if: cond };
    }
  }

  template(json: Json, expectedForm?: DocumentForm): FormTemplate {
    const obj = this.object(json, '(gốc)', ['$comment', 'form', 'name', 'shortName', 'requires', 'blocks']);
    if (typeof obj.form !== 'string' || !isDocumentForm(obj.form)) {
      this.fail('form', `mã mẫu không hợp lệ "${String(obj.form)}" (dùng: ${DOCUMENT_FORMS.join(', ')})`);
    }
    const form = obj.form;
    if (expectedForm && form !== expectedForm) this.fail('form', `tệp của mẫu "${expectedForm}" lại khai báo "${form}"`);
    const name = this.string(obj.name, 'name');
    const shortName = this.string(obj.shortName, 'shortName');
    if (!asciiSlug(shortName)) this.fail('shortName', 'cần ít nhất một chữ hoặc số để đặt tên tệp');
    const empty: Scope = new Map();
    const requires = (obj.requires === undefined ? [] : this.array(obj.requires, 'requires')).map(
      (r, i) => this.shapeOf(this.string(r, `requires[${i}]`), `requires[${i}]`, empty).path,
    );
    const blocks = this.array(obj.blocks, 'blocks').map((b, i) => this.block(b, `blocks[${i}]`, empty));
    if (blocks.length === 0) this.fail('blocks', 'mẫu cần ít nhất một khối');
    return { form, file: this.file, name, shortName, requires, blocks };
  }
}

/** Own fields only, so that {{constructor}} or {{toString}} are unknown fields rather than inherited methods. */
function field(shape: { readonly fields: Readonly<Record<string, AnyShape>> }, name: string): AnyShape | undefined {
  return Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
}

function describeShape(shape: AnyShape): string {
  if (shape === S) return 'là một giá trị đơn';
  if ('list' in shape) return 'là một danh sách: dùng each, hoặc "| join" nếu là danh sách chữ';
  return `là một nhóm trường, hãy chọn một trường con (${Object.keys(shape.fields).join(', ')})`;
}

/** Validates and compiles a parsed template. `file` only labels error messages. */
export function parseFormTemplate(json: unknown, file: string, expectedForm?: DocumentForm): FormTemplate {
  return new Compiler(file).template(json, expectedForm);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading (cached; a file edited by an administrator is picked up on the next render)

export function isDocumentForm(value: string): value is DocumentForm {
  return (DOCUMENT_FORMS as readonly string[]).includes(value);
}

let templatesDirCache: string | undefined;

/** templates/forms of the project: from the working directory, or found by walking up from this file (dist builds). */
export function formTemplatesDir(): string {
  if (templatesDirCache) return templatesDirCache;
  const candidates = [path.resolve(process.cwd(), 'templates/forms')];
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'templates/forms'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`Không tìm thấy thư mục mẫu văn bản templates/forms (đã tìm: ${candidates.join(', ')})`);
  templatesDirCache = found;
  return found;
}

const templateCache = new Map<string, { mtimeMs: number; size: number; template: FormTemplate }>();

export function loadFormTemplate(form: DocumentForm, dir: string = formTemplatesDir()): FormTemplate {
  const file = path.join(dir, `${form}.json`);
  const label = path.relative(process.cwd(), file) || file;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new FormTemplateError(label, '(tệp)', 'không tìm thấy tệp mẫu');
  }
  const cached = templateCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.template;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FormTemplateError(label, '(JSON)', `không đọc được JSON: ${(error as Error).message}`);
  }
  const template = parseFormTemplate(json, label, form);
  templateCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, template });
  return template;
}

/** Loads and validates every form template; call at start-up or in a spec to fail fast on an edited template. */
export function loadAllFormTemplates(dir: string = formTemplatesDir()): FormTemplate[] {
  return DOCUMENT_FORMS.map((form) => loadFormTemplate(form, dir));
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers applied to placeholder values

const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

function parseIsoDate(value: string, source: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !date || date.getUTCDate() !== +m[3] || date.getUTCMonth() !== +m[2] - 1) {
    throw new DocumentDataError(`{{${source}}}: "${value}" không phải ngày dạng YYYY-MM-DD`);
  }
  return [+m[1], +m[2], +m[3]];
}

/** "25/11/2026". */
export function formatDate(value: string, source = 'date'): string {
  const [y, mo, d] = parseIsoDate(value, source);
  return `${String(d).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y}`;
}

/** "ngày 25 tháng 11 năm 2026"; Decree 30/2020 Annex I: a 0 before days under 10 and months 1 and 2. */
export function formatLongDate(value: string, source = 'date'): string {
  const [y, mo, d] = parseIsoDate(value, source);
  return `ngày ${String(d).padStart(2, '0')} tháng ${mo < 3 ? String(mo).padStart(2, '0') : mo} năm ${y}`;
}

function toNumber(value: string, helper: string, source: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new DocumentDataError(`{{${source}}}: "${helper}" cần một số nguyên, nhận "${value}"`);
  return n;
}

function applyHelper(value: unknown, helper: Placeholder['helpers'][number], source: string): unknown {
  if (helper.name === 'blank') return isEmpty(value) ? helper.arg : value;
  if (helper.name === 'join') return Array.isArray(value) ? value.filter((v) => !isEmpty(v)).map(String).join(helper.arg ?? ', ') : value;
  if (isEmpty(value)) return value;
  const s = String(value);
  switch (helper.name) {
    case 'date':
      return formatDate(s, source);
    case 'longDate':
      return formatLongDate(s, source);
    case 'upper':
      return s.toLocaleUpperCase('vi');
    case 'lower':
      return s.toLocaleLowerCase('vi');
    case 'capitalize':
      return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
    case 'level':
      return `cấp độ ${toNumber(s, 'level', source)}`;
    case 'point': {
      const n = toNumber(s, 'point', source);
      return POINT_LETTERS[n - 1] ?? String(n);
    }
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution

interface Context {
  data: DossierDocumentData;
  vars: ReadonlyMap<string, unknown>;
  index: number;
}

function lookup(ctx: Context, p: string[]): unknown {
  if (p[0] === '@index') return ctx.index;
  let value: unknown = ctx.vars.has(p[0]) ? ctx.vars.get(p[0]) : (ctx.data as unknown as Record<string, unknown>)[p[0]];
  for (let i = 1; i < p.length && value !== undefined && value !== null; i++) value = (value as Record<string, unknown>)[p[i]];
  return value;
}

function evaluate(ctx: Context, ph: Placeholder): string {
  let value = lookup(ctx, ph.path);
  for (const helper of ph.helpers) value = applyHelper(value, helper, ph.source);
  return isEmpty(value) ? '' : String(value).normalize('NFC');
}

function holds(ctx: Context, cond: Condition | undefined): boolean {
  if (!cond) return true;
  const value = lookup(ctx, cond.path);
  let result: boolean;
  if (cond.equals !== undefined) result = value === cond.equals;
  else if (cond.in !== undefined) result = cond.in.includes(value as Scalar);
  else result = !isEmpty(value);
  return cond.negate ? !result : result;
}

function runs(ctx: Context, text: CompiledText, base: { bold: boolean; italic: boolean } = { bold: false, italic: false }): TextRun[] {
  const out: TextRun[] = [];
  for (const run of text) {
    const value = run.parts.map((p) => (typeof p === 'string' ? p.normalize('NFC') : evaluate(ctx, p))).join('');
    if (!value) continue;
    const bold = run.bold || base.bold;
    const italic = run.italic || base.italic;
    const last = out[out.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += value;
    else out.push({ text: value, bold, italic });
  }
  return out;
}

function plain(ctx: Context, text: CompiledText): string {
  return runs(ctx, text)
    .map((r) => r.text)
    .join('');
}

function iterate(ctx: Context, loop: Loop): Context[] {
  const list = lookup(ctx, loop.path);
  if (!Array.isArray(list)) return [];
  return list.map((item, i) => ({ data: ctx.data, vars: new Map(ctx.vars).set(loop.as, item), index: i + 1 }));
}

function expandItems(ctx: Context, items: ItemTemplate[]): { ctx: Context; text: CompiledText }[] {
  const out: { ctx: Context; text: CompiledText }[] = [];
  for (const item of items) {
    const contexts = item.each ? iterate(ctx, item.each) : [ctx];
    for (const c of contexts) if (holds(c, item.if)) out.push({ ctx: c, text: item.text });
  }
  return out;
}

function marker(kind: Marker, n: number): string {
  switch (kind) {
    case 'number':
      return `${n}.`;
    case 'point':
      return `${POINT_LETTERS[n - 1] ?? n})`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
  }
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

function resolveBlocks(ctx: Context, blocks: BlockTemplate[], out: ResolvedBlock[]): void {
  for (const block of blocks) {
    if (!holds(ctx, block.if)) continue;
    switch (block.type) {
      case 'header':
        out.push({
          type: 'header',
          issuerParent: upper(plain(ctx, block.parent)),
          issuerName: upper(plain(ctx, block.name)),
          number: plain(ctx, block.number),
          summary: plain(ctx, block.summary),
          nationalTitle: upper(plain(ctx, block.nationalTitle)),
          motto: plain(ctx, block.motto),
          placeDate: plain(ctx, block.placeDate),
        });
        break;
      case 'title':
        out.push({
          type: 'title',
          text: upper(plain(ctx, block.text)),
          lines: block.lines.map((l) => plain(ctx, l)).filter(Boolean),
          note: plain(ctx, block.note),
          rule: block.rule,
        });
        break;
      case 'addressee':
        out.push({
          type: 'addressee',
          label: plain(ctx, block.label),
          items: expandItems(ctx, block.items)
            .map((i) => plain(i.ctx, i.text))
            .filter(Boolean),
        });
        break;
      case 'heading':
        out.push({ type: 'heading', runs: runs(ctx, block.text, { bold: true, italic: false }), align: block.align, indent: block.indent });
        break;
      case 'paragraph': {
        const r = runs(ctx, block.text, { bold: block.bold, italic: block.italic });
        if (r.length > 0) out.push({ type: 'paragraph', runs: r, align: block.align, indent: block.indent });
        break;
      }
      case 'list': {
        const items = expandItems(ctx, block.items).map((i, n) => ({ marker: marker(block.marker, block.start + n), runs: runs(i.ctx, i.text) }));
        if (items.length > 0) out.push({ type: 'list', items, level: block.level });
        else if (block.empty) out.push({ type: 'paragraph', runs: runs(ctx, block.empty), align: 'justify', indent: true });
        break;
      }
      case 'table': {
        const rows: ResolvedTableRow[] = [];
        let group: string | undefined;
        for (const row of block.rows) {
          for (const c of row.each ? iterate(ctx, row.each) : [ctx]) {
            if (!holds(c, row.if)) continue;
            if (row.group) {
              const g = plain(c, row.group);
              if (g && g !== group) rows.push({ kind: 'group', text: g });
              group = g;
            }
            rows.push({ kind: 'cells', cells: row.cells.map((cell) => plain(c, cell)) });
          }
        }
        if (rows.length === 0 && block.empty) rows.push({ kind: 'group', text: plain(ctx, block.empty) });
        out.push({ type: 'table', columns: block.columns.map((col) => ({ ...col, header: col.header.normalize('NFC') })), rows });
        break;
      }
      case 'each': {
        const contexts = iterate(ctx, block.loop);
        for (const c of contexts) resolveBlocks(c, block.blocks, out);
        if (contexts.length === 0 && block.empty) out.push({ type: 'paragraph', runs: runs(ctx, block.empty), align: 'justify', indent: true });
        break;
      }
      case 'signature':
        out.push({
          type: 'signature',
          recipients: block.recipientsLabel
            ? {
                label: plain(ctx, block.recipientsLabel),
                items: expandItems(ctx, block.recipients)
                  .map((i) => plain(i.ctx, i.text))
                  .filter(Boolean),
              }
            : null,
          signer: {
            lines: block.signerLines.map((l) => upper(plain(ctx, l))).filter(Boolean),
            note: plain(ctx, block.note),
            name: plain(ctx, block.name),
          },
        });
        break;
      case 'footnote':
        out.push({ type: 'footnote', runs: runs(ctx, block.text) });
        break;
      case 'pageBreak':
        out.push({ type: 'pageBreak' });
        break;
    }
  }
}

/**
 * Fills a template with the dossier's data. Throws DomainError DOSSIER_INCOMPLETE (422) when a part the form requires
 * is missing (Mẫu 04 before the appraisal), DocumentDataError when a value cannot be formatted.
 */
export function resolveFormTemplate(template: FormTemplate, data: DossierDocumentData): ResolvedDocument {
  const ctx: Context = { data, vars: new Map(), index: 0 };
  for (const required of template.requires) {
    if (isEmpty(lookup(ctx, required))) {
      const key = required.join('.');
      const name = template.name.charAt(0).toLocaleLowerCase('vi') + template.name.slice(1);
      throw new DomainError('DOSSIER_INCOMPLETE', `Chưa có ${REQUIRED_LABELS[key] ?? `dữ liệu "${key}"`} để lập ${name}.`);
    }
  }
  const blocks: ResolvedBlock[] = [];
  resolveBlocks(ctx, template.blocks, blocks);
  return { form: template.form, name: template.name.normalize('NFC'), shortName: template.shortName.normalize('NFC'), blocks };
}

// ---------------------------------------------------------------------------------------------------------------

/** "Cổng TTĐT – Sở Xây dựng" → "Cong-TTDT-So-Xay-dung": ASCII letters, digits and single dashes. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
