/**
 * Draws resolved form blocks as an A4 PDF laid out like a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
 * Annex I): margins top/bottom 20 mm, left 30 mm, right 15 mm; header table with the issuing body on the left and
 * the Quốc hiệu/Tiêu ngữ on the right; page numbers centred in the top margin from page 2.
 *
 * Be Vietnam Pro is embedded (`common/pdf/be-vietnam-pro.ts`); pdfkit subsets it and writes a ToUnicode map, so the
 * text extracts and searches with its diacritics.
 */
import PDFDocument from 'pdfkit';
import { registerBeVietnamPro } from '../common/pdf/be-vietnam-pro';
import type { Align, ResolvedBlock, ResolvedDocument, ResolvedTableRow, TextRun } from './form-template';

const MM = 72 / 25.4;
export const PDF_PAGE_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const SIZE = { body: 13, header: 12, title: 14, table: 10.5, recipientsLabel: 12, recipients: 11, footnote: 10.5, pageNumber: 12 };
const FIRST_LINE_INDENT = 10 * MM;
const LINE_GAP = 1;
const PARAGRAPH_GAP = 6;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const RULE_WIDTH = 0.6;

const FONT_KEYS = ['regular', 'bold', 'italic', 'boldItalic'] as const;
type FontKey = (typeof FONT_KEYS)[number];
interface WrapItem {
  text: string;
  font: FontKey;
  width: number;
  space: boolean;
}
function fontOf(bold: boolean, italic: boolean): FontKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = PDF_PAGE_MARGINS.left;
  readonly width: number;
  readonly top = PDF_PAGE_MARGINS.top;
  readonly bottom: number;

  constructor(document: ResolvedDocument, author: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: PDF_PAGE_MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      // No default Helvetica: pdfkit would parse its AFM metrics for every document only to replace it.
      font: '',
      lang: 'vi-VN',
      displayTitle: true,
      info: { Title: document.name, Author: author, Creator: 'capdo', Subject: document.name },
    });
    registerBeVietnamPro(this.doc, FONT_KEYS);
    this.width = this.doc.page.width - PDF_PAGE_MARGINS.left - PDF_PAGE_MARGINS.right;
    this.bottom = this.doc.page.height - PDF_PAGE_MARGINS.bottom;
    this.doc.font('regular').fontSize(SIZE.body);
  }

  use(font: FontKey, size: number): PDFKit.PDFDocument {
    return this.doc.font(font).fontSize(size);
  }

  height(text: string, font: FontKey, size: number, width: number): number {
    return this.use(font, size).heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /**
   * Text at a fixed place, returning the y below it. `height` stops pdfkit from breaking the page on its own:
   * the caller has made room for the text.
   */
  place(text: string, font: FontKey, size: number, x: number, y: number, width: number, align: Align, measured?: number): number {
    if (!text) return y;
    const h = measured ?? this.height(text, font, size, width);
    this.use(font, size).text(text, x, y, { width, align, lineGap: LINE_GAP, height: h + 2 * size });
    return y + h;
  }

  /** Largest size ≤ max at which the text fits on one line of the given width (Quốc hiệu, agency names). */
  fit(text: string, font: FontKey, max: number, min: number, width: number): number {
    let size = max;
    while (size > min && this.use(font, size).widthOfString(text) > width) size -= 0.5;
    return size;
  }

  hrule(x1: number, x2: number, y: number): void {
    this.doc.save().lineWidth(RULE_WIDTH).moveTo(x1, y).lineTo(x2, y).stroke().restore();
  }

  ensure(space: number): void {
    if (this.doc.y + space > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  gap(points: number): void {
    if (this.doc.y > this.top + 0.1) this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /**
   * A paragraph of mixed runs (bold "Điều 1." then regular text), laid out here rather than with pdfkit's
   * `continued` text, which justifies the last line of every run across the whole width.
   * Words never break between runs ("**cấp độ 3**." keeps its full stop); lines break pages.
   */
  runs(runs: TextRun[], opts: { size?: number; align?: Align; indent?: number; x?: number; width?: number }): void {
    const size = opts.size ?? SIZE.body;
    const x0 = opts.x ?? this.left;
    const width = opts.width ?? this.width;
    const align = opts.align ?? 'justify';
    const lines = this.wrap(runs, size, width, opts.indent ?? 0);
    const lineHeight = this.use('regular', size).currentLineHeight(true) + LINE_GAP;
    let y = this.doc.y;
    lines.forEach((line, index) => {
      if (y + lineHeight > this.bottom) {
        this.newPage();
        y = this.top;
      }
      const indent = index === 0 ? (opts.indent ?? 0) : 0;
      const free = width - indent - line.width;
      const spaces = line.items.filter((i) => i.space).length;
      const justify = align === 'justify' && !line.last && spaces > 0;
      const wordSpacing = justify ? free / spaces : 0;
      let x = x0 + indent + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
      // Consecutive items in one face are drawn as one string. pdfkit's wordSpacing drops the spaces at the ends
      // of a string, so a space at a change of face is drawn on its own: text extraction keeps "là cấp độ 3".
      const draw = (text: string, font: FontKey, spacing: number) => {
        this.use(font, size).text(text, x, y, { lineBreak: false, wordSpacing: spacing });
      };
      let i = 0;
      while (i < line.items.length) {
        const font = line.items[i].font;
        let j = i;
        while (j < line.items.length && line.items[j].font === font) j++;
        const group = line.items.slice(i, j);
        i = j;
        if (wordSpacing === 0) {
          draw(group.map((g) => g.text).join(''), font, 0);
          x += group.reduce((w, g) => w + g.width, 0);
          continue;
        }
        const edge = (item: WrapItem) => {
          draw(' ', font, 0);
          x += item.width + wordSpacing;
        };
        // pdfkit also adds the word spacing after the last word; when the next face continues that word
        // ("**cấp độ 3**."), the last word is drawn plainly so that no space is read before the full stop.
        const glued = i < line.items.length && !line.items[i].space && !group[group.length - 1].space;
        let lastSpace = group.length - 1;
        while (lastSpace >= 0 && !group[lastSpace].space) lastSpace--;
        const tail = glued ? group.splice(lastSpace + 1) : [];
        while (group.length > 0 && group[0].space) edge(group.shift()!);
        const trailing: WrapItem[] = [];
        while (group.length > 0 && group[group.length - 1].space) trailing.push(group.pop()!);
        if (group.length > 0) {
          draw(group.map((g) => g.text).join(''), font, wordSpacing);
          x += group.reduce((w, g) => w + g.width + (g.space ? wordSpacing : 0), 0);
        }
        trailing.forEach(edge);
        if (tail.length > 0) {
          draw(tail.map((g) => g.text).join(''), font, 0);
          x += tail.reduce((w, g) => w + g.width, 0);
        }
      }
      y += lineHeight;
    });
    this.doc.x = this.left;
    this.doc.y = y + PARAGRAPH_GAP;
  }

  /** Greedy line breaking at spaces; a word longer than the line is cut between letters. */
  private wrap(runs: TextRun[], size: number, width: number, indent: number): { items: WrapItem[]; width: number; last: boolean }[] {
    type Word = WrapItem[];
    const words: (Word | WrapItem | 'break')[] = [];
    let word: Word | null = null;
    for (const run of runs) {
      const font = fontOf(run.bold, run.italic);
      const doc = this.use(font, size);
      for (const part of run.text.split(/(\n|[^\S\n]+)/)) {
        if (!part) continue;
        if (part === '\n') {
          word = null;
          words.push('break');
        } else if (/^\s+$/.test(part)) {
          word = null;
          words.push({ text: ' ', font, width: doc.widthOfString(' '), space: true });
        } else {
          const item = { text: part, font, width: doc.widthOfString(part), space: false };
          if (word) word.push(item);
          else words.push((word = [item]));
        }
      }
    }
    const lines: { items: WrapItem[]; width: number; last: boolean }[] = [];
    let items: WrapItem[] = [];
    let lineWidth = 0;
    let avail = width - indent;
    const close = (last: boolean) => {
      while (items.length > 0 && items[items.length - 1].space) lineWidth -= items.pop()!.width;
      lines.push({ items, width: lineWidth, last });
      items = [];
      lineWidth = 0;
      avail = width;
    };
    for (const w of words) {
      if (w === 'break') {
        close(true);
        continue;
      }
      if (!Array.isArray(w)) {
        if (items.length > 0) {
          items.push(w);
          lineWidth += w.width;
        }
        continue;
      }
      const wordWidth = w.reduce((s, i) => s + i.width, 0);
      if (lineWidth + wordWidth > avail && items.some((i) => !i.space)) close(false);
      if (wordWidth <= avail) {
        items.push(...w);
        lineWidth += wordWidth;
        continue;
      }
      for (const part of w) {
        const doc = this.use(part.font, size);
        let chunk = '';
        for (const ch of part.text) {
          const chunkWidth = doc.widthOfString(chunk + ch);
          if (lineWidth + chunkWidth > avail && (chunk || items.length > 0)) {
            if (chunk) items.push({ text: chunk, font: part.font, width: doc.widthOfString(chunk), space: false });
            lineWidth += chunk ? doc.widthOfString(chunk) : 0;
            close(false);
            chunk = '';
          }
          chunk += ch;
        }
        if (chunk) {
          const w2 = doc.widthOfString(chunk);
          items.push({ text: chunk, font: part.font, width: w2, space: false });
          lineWidth += w2;
        }
      }
    }
    if (items.length > 0 || lines.length === 0) close(true);
    else if (lines.length > 0) lines[lines.length - 1].last = true;
    return lines;
  }

  header(block: Extract<ResolvedBlock, { type: 'header' }>): void {
    const leftW = this.width * 0.4;
    const rightW = this.width - leftW;
    const xL = this.left - 4 * MM;
    const xR = this.left + leftW;
    const colL = leftW + 4 * MM;
    let yL = this.top;
    if (block.issuerParent) {
      yL = this.place(block.issuerParent, 'regular', this.fit(block.issuerParent, 'regular', SIZE.header, 10, colL), xL, yL, colL, 'center');
    }
    const nameSize = this.fit(block.issuerName, 'bold', SIZE.header, 11, colL);
    yL = this.place(block.issuerName, 'bold', nameSize, xL, yL, colL, 'center');
    const nameWidth = Math.min(this.use('bold', nameSize).widthOfString(block.issuerName), colL);
    const ruleL = Math.max(nameWidth / 3, 40);
    this.hrule(xL + (colL - ruleL) / 2, xL + (colL + ruleL) / 2, yL + 3);
    yL += 12;

    let yR = this.top;
    const titleSize = this.fit(block.nationalTitle, 'bold', SIZE.header, 9, rightW);
    yR = this.place(block.nationalTitle, 'bold', titleSize, xR, yR, rightW, 'center');
    const mottoSize = this.fit(block.motto, 'bold', SIZE.body, 10, rightW);
    yR = this.place(block.motto, 'bold', mottoSize, xR, yR, rightW, 'center');
    const mottoWidth = Math.min(this.use('bold', mottoSize).widthOfString(block.motto), rightW);
    this.hrule(xR + (rightW - mottoWidth) / 2, xR + (rightW + mottoWidth) / 2, yR + 3);
    yR += 12;

    // Số … on the left and the place and date on the right share a line (Decree 30/2020 Annex I, items 3 and 4).
    const row = Math.max(yL, yR);
    yL = this.place(block.number, 'regular', SIZE.header, xL, row, colL, 'center');
    if (block.summary) yL = this.place(block.summary, 'regular', SIZE.header - 0.5, xL, yL + 2, colL, 'center');
    yR = this.place(block.placeDate, 'italic', this.fit(block.placeDate, 'italic', SIZE.body, 10.5, rightW), xR, row, rightW, 'center');
    this.doc.x = this.left;
    this.doc.y = Math.max(yL, yR) + 14;
  }

  title(block: Extract<ResolvedBlock, { type: 'title' }>): void {
    const h = this.height(block.text, 'bold', SIZE.title, this.width);
    this.ensure(h + 40);
    this.gap(4);
    let y = this.place(block.text, 'bold', SIZE.title, this.left, this.doc.y, this.width, 'center');
    for (const line of block.lines) y = this.place(line, 'bold', SIZE.body, this.left, y + 1, this.width, 'center');
    if (block.note) y = this.place(block.note, 'italic', SIZE.header, this.left, y + 2, this.width, 'center');
    if (block.rule) {
      const w = this.width / 4;
      this.hrule(this.left + (this.width - w) / 2, this.left + (this.width + w) / 2, y + 4);
      y += 8;
    }
    this.doc.x = this.left;
    this.doc.y = y + 12;
  }

  addressee(block: Extract<ResolvedBlock, { type: 'addressee' }>): void {
    if (block.items.length === 0) return;
    if (block.items.length === 1) {
      this.runs([{ text: `${block.label} ${block.items[0]}`, bold: false, italic: false }], { size: SIZE.body + 0.5, align: 'center' });
    } else {
      const x = this.left + this.width * 0.22;
      const labelW = this.use('regular', SIZE.body + 0.5).widthOfString(`${block.label} `);
      this.ensure(30);
      const y = this.doc.y;
      this.place(block.label, 'regular', SIZE.body + 0.5, x, y, labelW + 2, 'left');
      this.doc.y = y;
      block.items.forEach((item, i) =>
        this.runs([{ text: `- ${item}${i < block.items.length - 1 ? ';' : '.'}`, bold: false, italic: false }], {
          size: SIZE.body + 0.5,
          align: 'left',
          x: x + labelW,
          width: this.left + this.width - x - labelW,
        }),
      );
    }
    this.doc.y += 4;
  }

  table(block: Extract<ResolvedBlock, { type: 'table' }>): void {
    const total = block.columns.reduce((s, c) => s + c.width, 0);
    const widths = block.columns.map((c) => (c.width / total) * this.width);
    const header = block.columns.map((c) => c.header);
    const cellWidth = (i: number) => widths[i] - 2 * CELL_PAD_X;
    // Cell heights are measured once per row and reused when the row is drawn.
    const measured = new Map<string[], number[]>();
    const cellHeights = (cells: string[], font: FontKey) => {
      let heights = measured.get(cells);
      if (!heights) {
        heights = cells.map((c, i) => (c ? this.height(c, font, SIZE.table, cellWidth(i)) : SIZE.table + LINE_GAP));
        measured.set(cells, heights);
      }
      return heights;
    };
    const rowHeight = (cells: string[], font: FontKey) => Math.max(...cellHeights(cells, font)) + 2 * CELL_PAD_Y;
    const headerH = rowHeight(header, 'bold');
    const drawCells = (cells: string[], font: FontKey, aligns: Align[], h: number) => {
      let x = this.left;
      const y = this.doc.y;
      const heights = cellHeights(cells, font);
      this.doc.save().lineWidth(RULE_WIDTH);
      cells.forEach((_, i) => {
        this.doc.rect(x, y, widths[i], h);
        x += widths[i];
      });
      this.doc.stroke().restore();
      x = this.left;
      cells.forEach((c, i) => {
        this.place(c, font, SIZE.table, x + CELL_PAD_X, y + CELL_PAD_Y, cellWidth(i), aligns[i], heights[i]);
        x += widths[i];
      });
      this.doc.y = y + h;
    };
    const drawHeader = () => drawCells(header, 'bold', header.map(() => 'center'), headerH);
    const drawGroup = (text: string, h: number) => {
      const y = this.doc.y;
      this.doc.save().lineWidth(RULE_WIDTH).rect(this.left, y, this.width, h).stroke().restore();
      this.place(text, 'bold', SIZE.table, this.left + CELL_PAD_X, y + CELL_PAD_Y, this.width - 2 * CELL_PAD_X, 'left');
      this.doc.y = y + h;
    };
    const pageRoom = this.bottom - this.top - headerH;
    const newPageWithHeader = () => {
      this.newPage();
      drawHeader();
    };

    this.ensure(headerH + 2 * (SIZE.table + 2 * CELL_PAD_Y + LINE_GAP));
    drawHeader();
    const aligns = block.columns.map((c) => c.align);
    block.rows.forEach((row: ResolvedTableRow, index) => {
      if (row.kind === 'group') {
        // A group heading spans the table and stays with the first row of its group.
        const groupH = this.height(row.text, 'bold', SIZE.table, this.width - 2 * CELL_PAD_X) + 2 * CELL_PAD_Y;
        const next = block.rows[index + 1];
        const nextH = next?.kind === 'cells' ? Math.min(rowHeight(next.cells, 'regular'), pageRoom - groupH) : 0;
        if (this.doc.y + groupH + nextH > this.bottom) newPageWithHeader();
        drawGroup(row.text, groupH);
        return;
      }
      let cells = row.cells;
      for (;;) {
        const h = rowHeight(cells, 'regular');
        if (this.doc.y + h <= this.bottom) {
          drawCells(cells, 'regular', aligns, h);
          return;
        }
        if (h <= pageRoom) {
          newPageWithHeader();
          continue;
        }
        // Taller than a whole page: fill what is left of this one and carry the rest over.
        const room = this.bottom - this.doc.y - 2 * CELL_PAD_Y;
        if (room < 3 * SIZE.table) {
          newPageWithHeader();
          continue;
        }
        const parts = cells.map((c, i) => this.split(c, 'regular', SIZE.table, cellWidth(i), room));
        drawCells(
          parts.map((p) => p[0]),
          'regular',
          aligns,
          this.bottom - this.doc.y,
        );
        cells = parts.map((p) => p[1]);
        newPageWithHeader();
      }
    });
    this.doc.x = this.left;
    this.doc.y += PARAGRAPH_GAP + 2;
  }

  /** Splits text at a word boundary so the head fits the height. */
  split(text: string, font: FontKey, size: number, width: number, maxH: number): [string, string] {
    if (this.height(text, font, size, width) <= maxH) return [text, ''];
    const words = text.split(/(\s+)/);
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.height(words.slice(0, mid).join(''), font, size, width) <= maxH) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) lo = 1;
    return [words.slice(0, lo).join('').trimEnd(), words.slice(lo).join('').trimStart()];
  }

  signature(block: Extract<ResolvedBlock, { type: 'signature' }>): void {
    const leftW = this.width * 0.45;
    const rightW = this.width - leftW;
    const xR = this.left + leftW;
    const signSpace = 62;
    const recipients = block.recipients;
    const leftH = recipients
      ? this.height(recipients.label, 'boldItalic', SIZE.recipientsLabel, leftW) +
        recipients.items.reduce((s, i) => s + this.height(i, 'regular', SIZE.recipients, leftW), 0)
      : 0;
    const rightH =
      block.signer.lines.reduce((s, l) => s + this.height(l, 'bold', SIZE.body, rightW), 0) +
      (block.signer.note ? this.height(block.signer.note, 'italic', SIZE.header, rightW) : 0) +
      signSpace +
      (block.signer.name ? this.height(block.signer.name, 'bold', SIZE.body, rightW) : 0);
    this.gap(6);
    this.ensure(Math.max(leftH, rightH));
    const top = this.doc.y;
    let yL = top + 2;
    if (recipients) {
      yL = this.place(recipients.label, 'boldItalic', SIZE.recipientsLabel, this.left, yL, leftW, 'left');
      for (const item of recipients.items) yL = this.place(item, 'regular', SIZE.recipients, this.left, yL, leftW, 'left');
    }
    let yR = top;
    for (const line of block.signer.lines) yR = this.place(line, 'bold', SIZE.body, xR, yR, rightW, 'center');
    if (block.signer.note) yR = this.place(block.signer.note, 'italic', SIZE.header, xR, yR, rightW, 'center');
    yR += signSpace;
    if (block.signer.name) yR = this.place(block.signer.name, 'bold', SIZE.body, xR, yR, rightW, 'center');
    this.doc.x = this.left;
    this.doc.y = Math.max(yL, yR) + PARAGRAPH_GAP;
  }

  footnote(block: Extract<ResolvedBlock, { type: 'footnote' }>): void {
    this.gap(8);
    this.ensure(3 * SIZE.footnote + 8);
    this.hrule(this.left, this.left + this.width / 3, this.doc.y);
    this.doc.y += 4;
    this.runs(block.runs, { size: SIZE.footnote, align: 'justify' });
  }

  block(block: ResolvedBlock): void {
    switch (block.type) {
      case 'header':
        return this.header(block);
      case 'title':
        return this.title(block);
      case 'addressee':
        return this.addressee(block);
      case 'heading':
        this.gap(2);
        this.ensure(3 * SIZE.body);
        return this.runs(block.runs, { align: block.align, indent: block.indent && block.align !== 'center' ? FIRST_LINE_INDENT : 0 });
      case 'paragraph':
        return this.runs(block.runs, { align: block.align, indent: block.indent ? FIRST_LINE_INDENT : 0 });
      case 'list':
        for (const item of block.items) {
          const marker: TextRun[] = item.marker ? [{ text: `${item.marker} `, bold: false, italic: false }] : [];
          this.runs([...marker, ...item.runs], { align: 'justify', indent: FIRST_LINE_INDENT * (1 + block.level * 0.5) });
        }
        return;
      case 'table':
        return this.table(block);
      case 'signature':
        return this.signature(block);
      case 'footnote':
        return this.footnote(block);
      case 'pageBreak':
        return this.newPage();
    }
  }

  /** Decree 30/2020 Annex I: page numbers centred in the top margin, none on the first page. */
  pageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, top: 0 };
      this.use('regular', SIZE.pageNumber).text(String(i + 1), this.left, 9 * MM, { width: this.width, align: 'center', lineBreak: false });
      this.doc.page.margins = margins;
    }
  }

  finish(): Promise<Buffer> {
    this.pageNumbers();
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

export function renderPdf(document: ResolvedDocument): Promise<Buffer> {
  const header = document.blocks.find((b) => b.type === 'header');
  const writer = new PdfWriter(document, header && header.type === 'header' ? header.issuerName : 'capdo');
  for (const block of document.blocks) writer.block(block);
  return writer.finish();
}
