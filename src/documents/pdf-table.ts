/**
 * Tables of the form PDFs (the plan's requirement list, the matched rules): a header row repeated on every page,
 * group headings kept with their first row, and a row taller than a page carried over.
 */
import type { Align, ResolvedBlock, ResolvedTableRow } from './form-template.types';
import { CELL_PAD_X, CELL_PAD_Y, LINE_GAP, PARAGRAPH_GAP, RULE_WIDTH, SIZE, type FontKey, type PdfWriter } from './pdf-layout';

export function drawTable(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'table' }>): void {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * pdf.width);
  const header = block.columns.map((c) => c.header);
  const cellWidth = (i: number) => widths[i] - 2 * CELL_PAD_X;
  // Cell heights are measured once per row and reused when the row is drawn.
  const measured = new Map<string[], number[]>();
  const cellHeights = (cells: string[], font: FontKey) => {
    let heights = measured.get(cells);
    if (!heights) {
      heights = cells.map((c, i) => (c ? pdf.height(c, font, SIZE.table, cellWidth(i)) : SIZE.table + LINE_GAP));
      measured.set(cells, heights);
    }
    return heights;
  };
  const rowHeight = (cells: string[], font: FontKey) => Math.max(...cellHeights(cells, font)) + 2 * CELL_PAD_Y;
  const headerH = rowHeight(header, 'bold');
  const drawCells = (cells: string[], font: FontKey, aligns: Align[], h: number) => {
    let x = pdf.left;
    const y = pdf.doc.y;
    const heights = cellHeights(cells, font);
    pdf.doc.save().lineWidth(RULE_WIDTH);
    cells.forEach((_, i) => {
      pdf.doc.rect(x, y, widths[i], h);
      x += widths[i];
    });
    pdf.doc.stroke().restore();
    x = pdf.left;
    cells.forEach((c, i) => {
      pdf.place(c, font, SIZE.table, x + CELL_PAD_X, y + CELL_PAD_Y, cellWidth(i), aligns[i], heights[i]);
      x += widths[i];
    });
    pdf.doc.y = y + h;
  };
  const drawHeader = () =>
    drawCells(
      header,
      'bold',
      header.map(() => 'center'),
      headerH,
    );
  const drawGroup = (text: string, h: number) => {
    const y = pdf.doc.y;
    pdf.doc.save().lineWidth(RULE_WIDTH).rect(pdf.left, y, pdf.width, h).stroke().restore();
    pdf.place(text, 'bold', SIZE.table, pdf.left + CELL_PAD_X, y + CELL_PAD_Y, pdf.width - 2 * CELL_PAD_X, 'left');
    pdf.doc.y = y + h;
  };
  const pageRoom = pdf.bottom - pdf.top - headerH;
  const newPageWithHeader = () => {
    pdf.newPage();
    drawHeader();
  };

  pdf.ensure(headerH + 2 * (SIZE.table + 2 * CELL_PAD_Y + LINE_GAP));
  drawHeader();
  const aligns = block.columns.map((c) => c.align);
  block.rows.forEach((row: ResolvedTableRow, index) => {
    if (row.kind === 'group') {
      // A group heading spans the table and stays with the first row of its group.
      const groupH = pdf.height(row.text, 'bold', SIZE.table, pdf.width - 2 * CELL_PAD_X) + 2 * CELL_PAD_Y;
      const next = block.rows[index + 1];
      const nextH = next?.kind === 'cells' ? Math.min(rowHeight(next.cells, 'regular'), pageRoom - groupH) : 0;
      if (pdf.doc.y + groupH + nextH > pdf.bottom) newPageWithHeader();
      drawGroup(row.text, groupH);
      return;
    }
    let cells = row.cells;
    for (;;) {
      const h = rowHeight(cells, 'regular');
      if (pdf.doc.y + h <= pdf.bottom) {
        drawCells(cells, 'regular', aligns, h);
        return;
      }
      if (h <= pageRoom) {
        newPageWithHeader();
        continue;
      }
      // Taller than a whole page: fill what is left of this one and carry the rest over.
      const room = pdf.bottom - pdf.doc.y - 2 * CELL_PAD_Y;
      if (room < 3 * SIZE.table) {
        newPageWithHeader();
        continue;
      }
      const parts = cells.map((c, i) => pdf.split(c, 'regular', SIZE.table, cellWidth(i), room));
      drawCells(
        parts.map((p) => p[0]),
        'regular',
        aligns,
        pdf.bottom - pdf.doc.y,
      );
      cells = parts.map((p) => p[1]);
      newPageWithHeader();
    }
  });
  pdf.doc.x = pdf.left;
  pdf.doc.y += PARAGRAPH_GAP + 2;
}
