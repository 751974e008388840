/**
 * Draws resolved form blocks as an editable .docx: Times New Roman at the sizes of document-sizes.ts (as the PDF), A4 with the margins of Decree 30/2020
 * (top/bottom 20 mm, left 30 mm, right 15 mm), a borderless header table (issuing body | Quốc hiệu, Tiêu ngữ),
 * bordered tables whose header row repeats on each page, page numbers in the top margin from page 2.
 * Clerks finish the document in Word (number, signature), so everything stays plain paragraphs and tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { DOCUMENT_FONT, DOCUMENT_SIZES } from './document-sizes';
import type { Align, ResolvedBlock, ResolvedDocument, TextRun as Run } from './form-template.types';

const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
/** Half-points, from the sizes the PDF uses too. */
const SIZE = Object.fromEntries(Object.entries(DOCUMENT_SIZES).map(([k, v]) => [k, v * 2])) as Record<keyof typeof DOCUMENT_SIZES, number>;
const FONT = DOCUMENT_FONT;
const FIRST_LINE = mm(10);
const AFTER = 120;
const LINE = 276;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

interface Style {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function text(value: string, style: Style = {}): TextRun {
  return new TextRun({ text: value, bold: style.bold, italics: style.italics, size: style.size });
}

function para(
  children: TextRun[],
  options: { align?: Align; indent?: number; after?: number; before?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[options.align ?? 'justify'],
    indent: options.indent ? { firstLine: options.indent } : undefined,
    spacing: { after: options.after ?? AFTER, before: options.before ?? 0, line: LINE },
    keepNext: options.keepNext,
  });
}

function centered(value: string, style: Style, after = 0): Paragraph {
  return para([text(value, style)], { align: 'center', after });
}

/** A short horizontal rule of the given width, centred in a space of `within` twips (under a name, the motto). */
function rule(width: number, within: number, align: 'center' | 'left' = 'center'): Paragraph {
  const spare = Math.max(within - width, 0);
  return new Paragraph({
    children: [],
    border: { bottom: { ...LINE_BORDER, space: 1 } },
    indent: align === 'center' ? { left: Math.round(spare / 2), right: Math.round(spare / 2) } : { right: spare },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
  });
}

function runsOf(runs: Run[], size = SIZE.body): TextRun[] {
  return runs.map((r) => text(r.text, { bold: r.bold, italics: r.italic, size }));
}

function borderlessTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: cells.map(
          (children, i) =>
            new TableCell({
              children: children.length > 0 ? children : [new Paragraph({})],
              width: { size: widths[i], type: WidthType.DXA },
              borders: NO_BORDERS,
            }),
        ),
      }),
    ],
  });
}

function header(block: Extract<ResolvedBlock, { type: 'header' }>): Table {
  const widths = [Math.round(CONTENT * 0.4), CONTENT - Math.round(CONTENT * 0.4)];
  const left: Paragraph[] = [];
  if (block.issuerParent) left.push(centered(block.issuerParent, { size: SIZE.header }));
  left.push(centered(block.issuerName, { bold: true, size: SIZE.header }));
  left.push(rule(Math.min(mm(25), widths[0]), widths[0]));
  left.push(para([text(block.number, { size: SIZE.header })], { align: 'center', before: 160, after: 0 }));
  if (block.summary) left.push(para([text(block.summary, { size: SIZE.header })], { align: 'center', before: 40, after: 0 }));
  const right: Paragraph[] = [
    centered(block.nationalTitle, { bold: true, size: SIZE.header }),
    centered(block.motto, { bold: true, size: SIZE.body }),
    rule(Math.min(mm(58), widths[1]), widths[1]),
    para([text(block.placeDate, { italics: true, size: SIZE.body })], { align: 'center', before: 160, after: 0 }),
  ];
  return borderlessTable(widths, [left, right]);
}

function title(block: Extract<ResolvedBlock, { type: 'title' }>): Paragraph[] {
  const out = [para([text(block.text, { bold: true, size: SIZE.title })], { align: 'center', before: 360, after: 0, keepNext: true })];
  for (const line of block.lines) out.push(para([text(line, { bold: true })], { align: 'center', after: 0, keepNext: true }));
  if (block.note) out.push(para([text(block.note, { italics: true, size: SIZE.header })], { align: 'center', after: 0, keepNext: true }));
  if (block.rule) out.push(rule(mm(40), CONTENT));
  out.push(new Paragraph({ children: [], spacing: { after: 120 } }));
  return out;
}

function addressee(block: Extract<ResolvedBlock, { type: 'addressee' }>): Paragraph[] {
  if (block.items.length === 0) return [];
  if (block.items.length === 1) return [para([text(`${block.label} ${block.items[0]}`)], { align: 'center', after: 240 })];
  return [
    para([text(block.label)], { align: 'left', after: 0 }),
    ...block.items.map(
      (item, i) =>
        new Paragraph({
          children: [text(`- ${item}${i < block.items.length - 1 ? ';' : '.'}`)],
          indent: { left: mm(45) },
          spacing: { after: i === block.items.length - 1 ? 240 : 0, line: LINE },
        }),
    ),
  ];
}

function table(block: Extract<ResolvedBlock, { type: 'table' }>): (Table | Paragraph)[] {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * CONTENT));
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const cellParagraph = (value: string, align: Align, bold = false) =>
    new Paragraph({ children: [text(value, { bold, size: SIZE.table })], alignment: ALIGN[align], spacing: { after: 0, line: 240 } });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          children: [cellParagraph(c.header, 'center', true)],
          width: { size: widths[i], type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins,
        }),
    ),
  });
  const rows = block.rows.map((row) =>
    row.kind === 'group'
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              children: [cellParagraph(row.text, 'left', true)],
              columnSpan: block.columns.length,
              width: { size: CONTENT, type: WidthType.DXA },
              margins,
            }),
          ],
        })
      : new TableRow({
          children: row.cells.map(
            (cell, i) =>
              new TableCell({
                children: [cellParagraph(cell, block.columns[i].align)],
                width: { size: widths[i], type: WidthType.DXA },
                margins,
              }),
          ),
        }),
  );
  return [
    new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [headerRow, ...rows],
    }),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

function signature(block: Extract<ResolvedBlock, { type: 'signature' }>): Table {
  const widths = [Math.round(CONTENT * 0.45), CONTENT - Math.round(CONTENT * 0.45)];
  const left: Paragraph[] = [];
  if (block.recipients) {
    left.push(
      new Paragraph({
        children: [text(block.recipients.label, { bold: true, italics: true, size: SIZE.recipientsLabel })],
        spacing: { before: 120, after: 0 },
      }),
    );
    for (const item of block.recipients.items)
      left.push(new Paragraph({ children: [text(item, { size: SIZE.recipients })], spacing: { after: 0 } }));
  }
  const right: Paragraph[] = block.signer.lines.map((line) => centered(line, { bold: true }));
  if (block.signer.note) right.push(centered(block.signer.note, { italics: true }));
  for (let i = 0; i < 4; i++) right.push(new Paragraph({ children: [], spacing: { after: 0 } }));
  if (block.signer.name) right.push(centered(block.signer.name, { bold: true }));
  return borderlessTable(widths, [left, right]);
}

function blocks(document: ResolvedDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of document.blocks) {
    switch (block.type) {
      case 'header':
        out.push(header(block));
        break;
      case 'title':
        out.push(...title(block));
        break;
      case 'addressee':
        out.push(...addressee(block));
        break;
      case 'heading':
        out.push(
          para(runsOf(block.runs), {
            align: block.align,
            indent: block.indent && block.align !== 'center' ? FIRST_LINE : 0,
            before: 60,
            keepNext: true,
          }),
        );
        break;
      case 'paragraph':
        out.push(para(runsOf(block.runs), { align: block.align, indent: block.indent ? FIRST_LINE : 0 }));
        break;
      case 'list':
        for (const item of block.items) {
          const marker = item.marker ? [text(`${item.marker} `)] : [];
          out.push(para([...marker, ...runsOf(item.runs)], { indent: Math.round(FIRST_LINE * (1 + block.level * 0.5)) }));
        }
        break;
      case 'table':
        out.push(...table(block));
        break;
      case 'signature':
        out.push(new Paragraph({ children: [], spacing: { after: 0 } }), signature(block));
        break;
      case 'footnote':
        out.push(new Paragraph({ children: [], spacing: { before: 240 } }), rule(Math.round(CONTENT / 3), CONTENT, 'left'));
        out.push(
          new Paragraph({
            children: runsOf(block.runs, SIZE.footnote),
            alignment: AlignmentType.JUSTIFIED,
            spacing: { before: 60, after: 0 },
          }),
        );
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

export function renderDocx(document: ResolvedDocument): Promise<Buffer> {
  const head = document.blocks.find((b) => b.type === 'header');
  const doc = new Document({
    creator: head && head.type === 'header' ? head.issuerName : 'capdo',
    title: document.name,
    description: document.name,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: mm(8), footer: mm(8) },
          },
        },
        // Decree 30/2020 Annex I: page numbers centred in the top margin, none on the first page.
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: blocks(document),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
