/**
 * Validation and compilation of a parsed form template. A template is checked completely when it is loaded (block
 * types, keys, placeholders, helpers, loops), so a typo made by an administrator fails at once with the file and the
 * JSON path, not halfway through a printed form.
 */
import { DOCUMENT_FORMS } from './document-data';
import { INCIDENT_NOTICE_FORM } from './incident-notice-data';
import {
  SCALAR as S,
  ROOT_SHAPE,
  describeShape,
  field,
  isTemplateForm,
  rootShapeFor,
  type AnyShape,
  type TemplateForm,
} from './form-template.data';
import { asciiSlug } from './form-template.helpers';
import {
  ALIGNS,
  BLOCK_KEYS,
  BLOCK_TYPES,
  DEFAULT_MOTTO,
  DEFAULT_NATIONAL_TITLE,
  FormTemplateError,
  HELPERS,
  MARKERS,
  type Align,
  type BlockTemplate,
  type CompiledRun,
  type CompiledText,
  type Condition,
  type FormTemplate,
  type HelperName,
  type ItemTemplate,
  type Loop,
  type Placeholder,
  type RowTemplate,
  type Scalar,
} from './form-template.types';

type Scope = ReadonlyMap<string, AnyShape>;
type Json = unknown;

class Compiler {
  /** The data the placeholders are checked against, chosen by the template's `form`. */
  private root = ROOT_SHAPE;

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
    let shape: AnyShape | undefined = scope.get(segments[0]) ?? field(this.root, segments[0]);
    if (shape === undefined) {
      const known = [...[...scope.keys()].filter((k) => k !== '@index'), ...Object.keys(this.root.fields)];
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
    if (field(this.root, as)) this.fail(`${at}.as`, `tên biến "${as}" trùng tên trường dữ liệu, hãy đặt tên khác`);
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
          lines:
            obj.lines === undefined ? [] : this.array(obj.lines, `${at}.lines`).map((l, i) => this.text(l, `${at}.lines[${i}]`, scope)),
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

  template(json: Json, expectedForm?: TemplateForm): FormTemplate {
    const obj = this.object(json, '(gốc)', ['$comment', 'form', 'name', 'shortName', 'requires', 'blocks']);
    if (typeof obj.form !== 'string' || !isTemplateForm(obj.form)) {
      this.fail('form', `mã mẫu không hợp lệ "${String(obj.form)}" (dùng: ${[...DOCUMENT_FORMS, INCIDENT_NOTICE_FORM].join(', ')})`);
    }
    const form = obj.form;
    this.root = rootShapeFor(form);
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

/** Validates and compiles a parsed template. `file` only labels error messages. */
export function parseFormTemplate(json: unknown, file: string, expectedForm?: TemplateForm): FormTemplate {
  return new Compiler(file).template(json, expectedForm);
}
