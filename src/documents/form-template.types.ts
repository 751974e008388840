/**
 * Form templates (templates/forms/<form>.json, described in templates/forms/README.md) are loaded, validated and
 * resolved against DossierDocumentData into a neutral list of blocks that the PDF and DOCX renderers draw:
 * - form-template.types.ts: the resolved blocks the renderers draw, the compiled template, the errors;
 * - form-template.data.ts: the runtime shape of DossierDocumentData that placeholders are checked against;
 * - form-template.compiler.ts: validation and compilation of a parsed template;
 * - form-template.loader.ts: reading (and caching) the template files;
 * - form-template.helpers.ts: the helpers applied to placeholder values ({{date | longDate}});
 * - form-template.resolver.ts: filling a compiled template with a dossier's data.
 * No Nest or TypeORM imports; the only side effect is reading the template file.
 */
import type { TemplateForm } from './form-template.data';

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
  form: TemplateForm;
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
// Compiled template (validated once when loaded)

export const HELPERS = ['date', 'longDate', 'upper', 'lower', 'capitalize', 'level', 'point', 'join', 'blank'] as const;
export type HelperName = (typeof HELPERS)[number];

export interface Placeholder {
  source: string;
  path: string[];
  helpers: { name: HelperName; arg: string | undefined }[];
}
export type Part = string | Placeholder;
export interface CompiledRun {
  parts: Part[];
  bold: boolean;
  italic: boolean;
}
export type CompiledText = CompiledRun[];

export type Scalar = string | number;
export interface Condition {
  path: string[];
  negate: boolean;
  equals?: Scalar;
  in?: Scalar[];
}
export interface Loop {
  path: string[];
  as: string;
}
export interface ItemTemplate {
  text: CompiledText;
  if?: Condition;
  each?: Loop;
}
export interface RowTemplate {
  cells: CompiledText[];
  group?: CompiledText;
  if?: Condition;
  each?: Loop;
}
export const MARKERS = ['number', 'point', 'dash', 'plus', 'none'] as const;
export type Marker = (typeof MARKERS)[number];
export const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];

export type BlockTemplate = { if?: Condition } & (
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
  form: TemplateForm;
  file: string;
  name: string;
  shortName: string;
  requires: string[][];
  blocks: BlockTemplate[];
}

export const BLOCK_KEYS: Record<BlockTemplate['type'], readonly string[]> = {
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
export const BLOCK_TYPES = Object.keys(BLOCK_KEYS) as BlockTemplate['type'][];

export const DEFAULT_NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const DEFAULT_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
