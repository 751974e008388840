/** Fills a compiled form template with a dossier's data: the blocks the PDF and DOCX renderers draw. */
import { DomainError } from '../common/errors/domain-error';
import type { DossierDocumentData } from './document-data';
import type { IncidentNoticeData } from './incident-notice-data';
import { REQUIRED_LABELS } from './form-template.data';
import { POINT_LETTERS, applyHelper, isEmpty } from './form-template.helpers';
import type {
  BlockTemplate,
  CompiledText,
  Condition,
  FormTemplate,
  ItemTemplate,
  Loop,
  Marker,
  Placeholder,
  ResolvedBlock,
  ResolvedDocument,
  ResolvedTableRow,
  Scalar,
  TextRun,
} from './form-template.types';

interface Context {
  data: DossierDocumentData | IncidentNoticeData;
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
        const items = expandItems(ctx, block.items).map((i, n) => ({
          marker: marker(block.marker, block.start + n),
          runs: runs(i.ctx, i.text),
        }));
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
        if (contexts.length === 0 && block.empty)
          out.push({ type: 'paragraph', runs: runs(ctx, block.empty), align: 'justify', indent: true });
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
export function resolveFormTemplate(template: FormTemplate, data: DossierDocumentData | IncidentNoticeData): ResolvedDocument {
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
