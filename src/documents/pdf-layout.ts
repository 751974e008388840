/**
 * Layout primitives of the form PDFs: an A4 page laid out like a Vietnamese administrative document (Decree
 * 30/2020/NĐ-CP, Annex I: margins top/bottom 20 mm, left 30 mm, right 15 mm; page numbers centred in the top margin
 * from page 2), text placed and measured in the embedded fonts, and paragraphs of mixed runs broken into lines.
 *
 * Tinos is embedded (`common/pdf/be-vietnam-pro.ts`): Times New Roman's metrics, as Annex I sets the face, with the
 * Vietnamese glyphs; pdfkit subsets it and writes a ToUnicode map, so the text extracts and searches with its
 * diacritics. Sizes: `document-sizes.ts`, shared with the DOCX.
 */
import PDFDocument from 'pdfkit';
import { registerTinos } from '../common/pdf/be-vietnam-pro';
import { DOCUMENT_SIZES } from './document-sizes';
import type { Align, ResolvedDocument, TextRun } from './form-template.types';

export const MM = 72 / 25.4;
export const PDF_PAGE_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
export const SIZE = DOCUMENT_SIZES;
export const FIRST_LINE_INDENT = 10 * MM;
export const LINE_GAP = 1;
export const PARAGRAPH_GAP = 6;
export const CELL_PAD_X = 4;
export const CELL_PAD_Y = 3;
export const RULE_WIDTH = 0.6;

const FONT_KEYS = ['regular', 'bold', 'italic', 'boldItalic'] as const;
export type FontKey = (typeof FONT_KEYS)[number];
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

/** One PDF being written: the page, the fonts, and the primitives the block drawers use. */
export class PdfWriter {
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
    registerTinos(this.doc, FONT_KEYS);
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
      // A no-break space (U+00A0, inside dates) joins its words: only other white space breaks a line.
      for (const part of run.text.split(/(\n|[^\S\n\u00a0]+)/)) {
        if (!part) continue;
        if (part === '\n') {
          word = null;
          words.push('break');
        } else if (/^[^\S\u00a0]+$/.test(part)) {
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

  /** Splits text at a word boundary so the head fits the height. */
  split(text: string, font: FontKey, size: number, width: number, maxH: number): [string, string] {
    if (this.height(text, font, size, width) <= maxH) return [text, ''];
    const words = text.split(/([^\S\u00a0]+)/);
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
