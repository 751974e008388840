/**
 * Draws resolved form blocks as an A4 PDF laid out like a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
 * Annex I): the header table with the issuing body on the left and the Quốc hiệu/Tiêu ngữ on the right, the title,
 * the addressee, paragraphs and lists, and the signature block with the recipients. The page, the fonts and the line
 * breaking are in pdf-layout.ts, tables in pdf-table.ts.
 */
import type { ResolvedBlock, ResolvedDocument, TextRun } from './form-template.types';
import { FIRST_LINE_INDENT, MM, PARAGRAPH_GAP, SIZE, PdfWriter } from './pdf-layout';
import { drawTable } from './pdf-table';

function drawHeader(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'header' }>): void {
  const leftW = pdf.width * 0.4;
  const rightW = pdf.width - leftW;
  const xL = pdf.left - 4 * MM;
  const xR = pdf.left + leftW;
  const colL = leftW + 4 * MM;
  let yL = pdf.top;
  if (block.issuerParent) {
    yL = pdf.place(block.issuerParent, 'regular', pdf.fit(block.issuerParent, 'regular', SIZE.header, 10, colL), xL, yL, colL, 'center');
  }
  const nameSize = pdf.fit(block.issuerName, 'bold', SIZE.header, 11, colL);
  yL = pdf.place(block.issuerName, 'bold', nameSize, xL, yL, colL, 'center');
  const nameWidth = Math.min(pdf.use('bold', nameSize).widthOfString(block.issuerName), colL);
  const ruleL = Math.max(nameWidth / 3, 40);
  pdf.hrule(xL + (colL - ruleL) / 2, xL + (colL + ruleL) / 2, yL + 3);
  yL += 12;

  let yR = pdf.top;
  const titleSize = pdf.fit(block.nationalTitle, 'bold', SIZE.header, 9, rightW);
  yR = pdf.place(block.nationalTitle, 'bold', titleSize, xR, yR, rightW, 'center');
  const mottoSize = pdf.fit(block.motto, 'bold', SIZE.body, 10, rightW);
  yR = pdf.place(block.motto, 'bold', mottoSize, xR, yR, rightW, 'center');
  const mottoWidth = Math.min(pdf.use('bold', mottoSize).widthOfString(block.motto), rightW);
  pdf.hrule(xR + (rightW - mottoWidth) / 2, xR + (rightW + mottoWidth) / 2, yR + 3);
  yR += 12;

  // Số … on the left and the place and date on the right share a line (Decree 30/2020 Annex I, items 3 and 4).
  const row = Math.max(yL, yR);
  yL = pdf.place(block.number, 'regular', SIZE.header, xL, row, colL, 'center');
  if (block.summary) yL = pdf.place(block.summary, 'regular', SIZE.header, xL, yL + 6, colL, 'center');
  yR = pdf.place(block.placeDate, 'italic', pdf.fit(block.placeDate, 'italic', SIZE.body, 10.5, rightW), xR, row, rightW, 'center');
  pdf.doc.x = pdf.left;
  pdf.doc.y = Math.max(yL, yR) + 14;
}

function drawTitle(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'title' }>): void {
  const h = pdf.height(block.text, 'bold', SIZE.title, pdf.width);
  pdf.ensure(h + 40);
  pdf.gap(4);
  let y = pdf.place(block.text, 'bold', SIZE.title, pdf.left, pdf.doc.y, pdf.width, 'center');
  for (const line of block.lines) y = pdf.place(line, 'bold', SIZE.body, pdf.left, y + 1, pdf.width, 'center');
  if (block.note) y = pdf.place(block.note, 'italic', SIZE.header, pdf.left, y + 2, pdf.width, 'center');
  if (block.rule) {
    const w = pdf.width / 4;
    pdf.hrule(pdf.left + (pdf.width - w) / 2, pdf.left + (pdf.width + w) / 2, y + 4);
    y += 8;
  }
  pdf.doc.x = pdf.left;
  pdf.doc.y = y + 12;
}

function drawAddressee(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'addressee' }>): void {
  if (block.items.length === 0) return;
  if (block.items.length === 1) {
    pdf.runs([{ text: `${block.label} ${block.items[0]}`, bold: false, italic: false }], { size: SIZE.body + 0.5, align: 'center' });
  } else {
    const x = pdf.left + pdf.width * 0.22;
    const labelW = pdf.use('regular', SIZE.body + 0.5).widthOfString(`${block.label} `);
    pdf.ensure(30);
    const y = pdf.doc.y;
    pdf.place(block.label, 'regular', SIZE.body + 0.5, x, y, labelW + 2, 'left');
    pdf.doc.y = y;
    block.items.forEach((item, i) =>
      pdf.runs([{ text: `- ${item}${i < block.items.length - 1 ? ';' : '.'}`, bold: false, italic: false }], {
        size: SIZE.body + 0.5,
        align: 'left',
        x: x + labelW,
        width: pdf.left + pdf.width - x - labelW,
      }),
    );
  }
  pdf.doc.y += 4;
}

function drawSignature(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'signature' }>): void {
  const leftW = pdf.width * 0.45;
  const rightW = pdf.width - leftW;
  const xR = pdf.left + leftW;
  const signSpace = 62;
  const recipients = block.recipients;
  const leftH = recipients
    ? pdf.height(recipients.label, 'boldItalic', SIZE.recipientsLabel, leftW) +
      recipients.items.reduce((s, i) => s + pdf.height(i, 'regular', SIZE.recipients, leftW), 0)
    : 0;
  const rightH =
    block.signer.lines.reduce((s, l) => s + pdf.height(l, 'bold', SIZE.body, rightW), 0) +
    (block.signer.note ? pdf.height(block.signer.note, 'italic', SIZE.body, rightW) : 0) +
    signSpace +
    (block.signer.name ? pdf.height(block.signer.name, 'bold', SIZE.body, rightW) : 0);
  pdf.gap(6);
  pdf.ensure(Math.max(leftH, rightH));
  const top = pdf.doc.y;
  let yL = top + 2;
  if (recipients) {
    yL = pdf.place(recipients.label, 'boldItalic', SIZE.recipientsLabel, pdf.left, yL, leftW, 'left');
    for (const item of recipients.items) yL = pdf.place(item, 'regular', SIZE.recipients, pdf.left, yL, leftW, 'left');
  }
  let yR = top;
  for (const line of block.signer.lines) yR = pdf.place(line, 'bold', SIZE.body, xR, yR, rightW, 'center');
  if (block.signer.note) yR = pdf.place(block.signer.note, 'italic', SIZE.body, xR, yR, rightW, 'center');
  yR += signSpace;
  if (block.signer.name) yR = pdf.place(block.signer.name, 'bold', SIZE.body, xR, yR, rightW, 'center');
  pdf.doc.x = pdf.left;
  pdf.doc.y = Math.max(yL, yR) + PARAGRAPH_GAP;
}

function drawFootnote(pdf: PdfWriter, block: Extract<ResolvedBlock, { type: 'footnote' }>): void {
  pdf.gap(8);
  pdf.ensure(3 * SIZE.footnote + 8);
  pdf.hrule(pdf.left, pdf.left + pdf.width / 3, pdf.doc.y);
  pdf.doc.y += 4;
  pdf.runs(block.runs, { size: SIZE.footnote, align: 'justify' });
}

function drawBlock(pdf: PdfWriter, block: ResolvedBlock): void {
  switch (block.type) {
    case 'header':
      return drawHeader(pdf, block);
    case 'title':
      return drawTitle(pdf, block);
    case 'addressee':
      return drawAddressee(pdf, block);
    case 'heading':
      pdf.gap(2);
      pdf.ensure(3 * SIZE.body);
      return pdf.runs(block.runs, { align: block.align, indent: block.indent && block.align !== 'center' ? FIRST_LINE_INDENT : 0 });
    case 'paragraph':
      return pdf.runs(block.runs, { align: block.align, indent: block.indent ? FIRST_LINE_INDENT : 0 });
    case 'list':
      for (const item of block.items) {
        const marker: TextRun[] = item.marker ? [{ text: `${item.marker} `, bold: false, italic: false }] : [];
        pdf.runs([...marker, ...item.runs], { align: 'justify', indent: FIRST_LINE_INDENT * (1 + block.level * 0.5) });
      }
      return;
    case 'table':
      return drawTable(pdf, block);
    case 'signature':
      return drawSignature(pdf, block);
    case 'footnote':
      return drawFootnote(pdf, block);
    case 'pageBreak':
      return pdf.newPage();
  }
}

export function renderPdf(document: ResolvedDocument): Promise<Buffer> {
  const header = document.blocks.find((b) => b.type === 'header');
  const writer = new PdfWriter(document, header && header.type === 'header' ? header.issuerName : 'capdo');
  for (const block of document.blocks) drawBlock(writer, block);
  return writer.finish();
}
