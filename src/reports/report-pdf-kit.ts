import PDFDocument from 'pdfkit';
import { registerBeVietnamPro, registerTinos, type BeVietnamProFace } from '../common/pdf/be-vietnam-pro';
import { formatDateVi, keepDatesWhole } from './report-text';

/**
 * The small pdfkit layout the report PDFs share: Be Vietnam Pro embedded (full Vietnamese coverage, so names print
 * with their diacritics), a title block, tables that break across pages with the header repeated, a grouped bar
 * chart, and a page footer. Printed in black and white at a meeting, so colours differ in lightness too.
 */
export type Doc = PDFKit.PDFDocument;

const FONTS = ['regular', 'italic', 'semibold', 'bold'] as const satisfies readonly BeVietnamProFace[];
export type FontName = (typeof FONTS)[number];

export const COLORS = {
  text: '#1F2933',
  muted: '#52606D',
  rule: '#9AA5B1',
  grid: '#D9DEE4',
  headerFill: '#E7EEF7',
  zebra: '#F5F7FA',
  total: '#C5CCD6',
  submitted: '#4A78B5',
  approved: '#1E6B47',
} as const;

export interface PdfMeta {
  title: string;
  layout?: 'portrait' | 'landscape';
  /** The day the file is made, printed in the footer. */
  generatedOn: string;
  generatedAt: Date;
  /** An official document (Mẫu 08): set in Tinos, Times New Roman's metrics, as Decree 30/2020 Annex I sets the face. */
  serif?: boolean;
}

/** Makes a PDF: `draw` lays out the content, then every page gets its footer. */
/** Rows of a table laid out between two turns of the event loop (see `table`). */
const ROWS_PER_TURN = 16;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lays out a report and resolves with the PDF's bytes. `draw` may be async: a long table gives the event loop back
 * every few rows, so that other requests are answered while a report of several hundred rows is laid out (an annual
 * report of 283 systems held the one JavaScript thread for 150–800 ms at a stretch, issue 16).
 */
export async function renderPdf(meta: PdfMeta, draw: (doc: Doc) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    margins: { top: 48, bottom: 54, left: 50, right: 50 },
    bufferPages: true,
    // No default Helvetica: pdfkit would parse its AFM metrics for every document only to replace it.
    font: '',
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: meta.title, Author: 'capdo', Creator: 'capdo', CreationDate: meta.generatedAt, ModDate: meta.generatedAt },
  });
  if (meta.serif) registerTinos(doc, FONTS);
  else registerBeVietnamPro(doc, FONTS);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(10).fillColor(COLORS.text);
  await draw(doc);
  footers(doc, meta.generatedOn);
  doc.end();
  return done;
}

function footers(doc: Doc, generatedOn: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would open a new page: lift the margin while writing the footer.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    const width = contentWidth(doc);
    doc.font('regular').fontSize(8).fillColor(COLORS.muted);
    doc.text(`Lập ngày ${formatDateVi(generatedOn)} từ phần mềm quản lý hồ sơ cấp độ (capdo)`, doc.page.margins.left, y, {
      width,
      lineBreak: false,
    });
    doc.text(`Trang ${i - start + 1}/${count}`, doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(COLORS.text);
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A new page when fewer than `height` points remain. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function titleBlock(doc: Doc, lines: { title: string; scope: string; asOfLine: string; note?: string }): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(15).fillColor(COLORS.text).text(lines.title, x, doc.page.margins.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('semibold').fontSize(12).text(lines.scope, x, doc.y, { width, align: 'center' });
  doc
    .font('italic')
    .fontSize(10.5)
    .fillColor(COLORS.muted)
    .text(lines.asOfLine, x, doc.y + 2, { width, align: 'center' });
  if (lines.note) doc.text(lines.note, x, doc.y + 1, { width, align: 'center' });
  const ruleY = doc.y + 8;
  doc
    .moveTo(x + width * 0.3, ruleY)
    .lineTo(x + width * 0.7, ruleY)
    .lineWidth(0.8)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.fillColor(COLORS.text);
  doc.y = ruleY + 14;
}

/** A section heading, moved to the next page with what follows when fewer than `keepWithNext` points remain. */
export function heading(doc: Doc, text: string, keepWithNext = 110): void {
  ensureSpace(doc, keepWithNext);
  doc
    .font('bold')
    .fontSize(11.5)
    .fillColor(COLORS.text)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; font?: FontName; color?: string } = {}): void {
  doc
    .font(options.font ?? 'regular')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLORS.text);
  doc.text(keepDatesWhole(text), doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'justify', lineGap: 2 });
  doc.fillColor(COLORS.text);
  doc.moveDown(0.5);
}

export interface Figure {
  value: string;
  caption: string;
}

/** The headline figures in boxes side by side: large number, short caption. */
export function figureBoxes(doc: Doc, figures: readonly Figure[]): void {
  const gap = 10;
  const x0 = doc.page.margins.left;
  const width = (contentWidth(doc) - gap * (figures.length - 1)) / figures.length;
  const height = 64;
  ensureSpace(doc, height + 10);
  const y = doc.y;
  figures.forEach((f, i) => {
    const x = x0 + i * (width + gap);
    doc.roundedRect(x, y, width, height, 4).lineWidth(0.8).fillAndStroke(COLORS.zebra, COLORS.rule);
    doc
      .fillColor(COLORS.text)
      .font('bold')
      .fontSize(20)
      .text(f.value, x, y + 9, { width, align: 'center', lineBreak: false });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(f.caption, x + 6, y + 38, { width: width - 12, align: 'center' });
  });
  doc.fillColor(COLORS.text);
  doc.x = x0;
  doc.y = y + height + 12;
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** Inner padding of a table cell, on each side. */
export const CELL_PADDING = 4;

/** Each column's width in points: its share of `width` (the content width). */
export function columnWidths(columns: readonly TableColumn[], width: number): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => (c.width / total) * width);
}

/**
 * A table that continues on the next page with its header repeated; rows never split across pages. A date in a cell
 * stays on one line with its "ngày" (keepDatesWhole); the columns must be wide enough for it (see the layout specs).
 */
export async function table(
  doc: Doc,
  columns: readonly TableColumn[],
  tableRows: readonly string[][],
  options: { fontSize?: number; boldLastRow?: boolean } = {},
): Promise<void> {
  const size = options.fontSize ?? 9;
  const pad = CELL_PADDING;
  const x0 = doc.page.margins.left;
  const rows = tableRows.map((cells) => cells.map((text) => keepDatesWhole(text ?? '')));
  const widths = columnWidths(columns, contentWidth(doc));
  const lefts = widths.map((_, i) => x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const maxY = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: readonly string[], font: FontName) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], y: number, h: number, font: FontName, fill?: string) => {
    if (fill) doc.rect(x0, y, contentWidth(doc), h).fill(fill);
    doc.font(font).fontSize(size).fillColor(COLORS.text);
    cells.forEach((text, i) =>
      doc.text(text ?? '', lefts[i] + pad, y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' }),
    );
    doc
      .moveTo(x0, y + h)
      .lineTo(x0 + contentWidth(doc), y + h)
      .lineWidth(0.4)
      .strokeColor(COLORS.grid)
      .stroke();
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, 'semibold');
  const drawHeader = () => {
    const y = doc.y;
    drawRow(headers, y, headerHeight, 'semibold', COLORS.headerFill);
    doc.y = y + headerHeight;
  };
  if (doc.y + headerHeight + heightOf(rows[0] ?? [''], 'regular') > maxY()) doc.addPage();
  drawHeader();
  for (const [r, cells] of rows.entries()) {
    if (r > 0 && r % ROWS_PER_TURN === 0) await nextTurn();
    const font: FontName = options.boldLastRow && r === rows.length - 1 ? 'semibold' : 'regular';
    const h = heightOf(cells, font);
    if (doc.y + h > maxY()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(cells, y, h, font, r % 2 === 1 ? COLORS.zebra : undefined);
    doc.y = y + h;
  }
  doc.x = x0;
  doc.moveDown(0.8);
}

/** Axis ticks for a bar chart: a 1–2–5 step giving about `ticks` intervals, and the top of the axis. */
export function niceScale(max: number, ticks = 5): { step: number; top: number } {
  if (max <= 0) return { step: 1, top: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return { step: Math.max(1, step), top: Math.max(1, step) * Math.ceil(max / Math.max(1, step)) };
}

export interface BarSeries {
  label: string;
  color: string;
  values: readonly number[];
}

/** A grouped bar chart: one group per category, one bar per series, each bar labelled with its value, a legend. */
export function barChart(doc: Doc, chart: { categories: readonly string[]; series: readonly BarSeries[]; height?: number }): void {
  const height = chart.height ?? 210;
  const legendHeight = 18;
  const labelHeight = 30;
  ensureSpace(doc, height + legendHeight + labelHeight + 10);
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;

  // Legend first, above the plot.
  let lx = x0 + 34;
  doc.font('regular').fontSize(9);
  for (const s of chart.series) {
    doc
      .rect(lx, top + 2, 10, 10)
      .lineWidth(0.5)
      .fillAndStroke(s.color, COLORS.muted);
    doc.fillColor(COLORS.text).text(s.label, lx + 14, top + 2, { lineBreak: false });
    lx += 14 + doc.widthOfString(s.label) + 18;
  }

  const axisWidth = 30;
  const plotX = x0 + axisWidth;
  const plotW = width - axisWidth;
  const plotTop = top + legendHeight + 10;
  const plotH = height - 10;
  const plotBottom = plotTop + plotH;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const { step, top: axisTop } = niceScale(max);
  const yOf = (v: number) => plotBottom - (v / axisTop) * plotH;

  doc.font('regular').fontSize(8);
  for (let v = 0; v <= axisTop; v += step) {
    const y = yOf(v);
    doc
      .moveTo(plotX, y)
      .lineTo(plotX + plotW, y)
      .lineWidth(0.4)
      .strokeColor(v === 0 ? COLORS.muted : COLORS.grid)
      .stroke();
    doc.fillColor(COLORS.muted).text(String(v), x0, y - 4, { width: axisWidth - 6, align: 'right', lineBreak: false });
  }

  const groupW = plotW / Math.max(1, chart.categories.length);
  const barW = Math.min(34, (groupW * 0.72) / Math.max(1, chart.series.length));
  chart.categories.forEach((category, c) => {
    const groupX = plotX + c * groupW + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((s, k) => {
      const value = s.values[c] ?? 0;
      const x = groupX + k * barW;
      const y = yOf(value);
      if (value > 0)
        doc
          .rect(x + 1, y, barW - 2, plotBottom - y)
          .lineWidth(0.4)
          .fillAndStroke(s.color, COLORS.muted);
      doc
        .font('semibold')
        .fontSize(8)
        .fillColor(COLORS.text)
        .text(String(value), x - 6, y - 11, { width: barW + 12, align: 'center', lineBreak: false });
    });
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLORS.text)
      .text(category, plotX + c * groupW + 4, plotBottom + 5, { width: groupW - 8, align: 'center' });
  });
  doc.fillColor(COLORS.text);
  doc.x = x0;
  doc.y = plotBottom + labelHeight + 8;
}
