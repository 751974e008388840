import { AnnualReportDto } from './dto/annual-report.dto';
import { ANNUAL_FORM_NOTE, annualTitle, mau08Cells, periodLine, asOfLine } from './annual-report.text';
import {
  type LetterIssuer,
  mau08AgencyLines,
  mau08Addressee,
  mau08GeneralLines,
  mau08PlaceDate,
  mau08Subject,
} from './annual-report.letter';
import { MAU08_COLUMNS } from './mau08';
import { contentWidth, type Doc, ensureSpace, paragraph, renderPdf, table, TableColumn } from './report-pdf-kit';
import { keepDatesWhole } from './report-text';

/** Relative widths of the twelve columns on an A4 landscape page. */
const WIDTHS = [3.2, 13, 10, 10, 4.4, 8, 11, 9.5, 5.5, 8.5, 6.5, 9];
const ALIGN: TableColumn['align'][] = [
  'right',
  'left',
  'left',
  'left',
  'center',
  'left',
  'left',
  'left',
  'center',
  'left',
  'center',
  'left',
];

/** The per-system table (Part 3) as laid out: its twelve numbered columns and its type size. */
export const MAU08_TABLE_COLUMNS: TableColumn[] = MAU08_COLUMNS.map((header, i) => ({
  header: `(${i + 1}) ${header}`,
  width: WIDTHS[i],
  align: ALIGN[i],
}));
export const MAU08_TABLE_FONT_SIZE = 8;

/** Decree 30/2020 Annex I sizes, as the forms (src/documents/document-sizes.ts): 13 for the header, 14 for the text. */
const SIZE = { header: 13, body: 14, recipientsLabel: 12, recipients: 11 };

function rule(doc: Doc, x: number, width: number, length: number, y: number): void {
  doc
    .moveTo(x + (width - length) / 2, y)
    .lineTo(x + (width + length) / 2, y)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke();
}

/** The header table: issuer | Quốc hiệu and Tiêu ngữ, then "Số:" and "V/v" | place and date (Annex I, items 1–5). */
function letterHeader(doc: Doc, issuer: LetterIssuer, subject: string, placeDate: string): void {
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightW = width - leftW;
  const top = doc.page.margins.top;
  doc.fillColor('#000000');
  let yL = top;
  if (issuer.owner.parentName) {
    doc
      .font('regular')
      .fontSize(SIZE.header)
      .text(issuer.owner.parentName.toLocaleUpperCase('vi'), x0, yL, { width: leftW, align: 'center' });
    yL = doc.y;
  }
  doc.font('bold').fontSize(SIZE.header).text(issuer.owner.name.toLocaleUpperCase('vi'), x0, yL, { width: leftW, align: 'center' });
  yL = doc.y + 3;
  rule(doc, x0, leftW, leftW / 3, yL);
  doc
    .font('bold')
    .fontSize(SIZE.header)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x0 + leftW, top, { width: rightW, align: 'center' });
  doc
    .font('bold')
    .fontSize(SIZE.body)
    .text('Độc lập - Tự do - Hạnh phúc', x0 + leftW, doc.y, { width: rightW, align: 'center' });
  const yR = doc.y + 3;
  rule(doc, x0 + leftW, rightW, doc.widthOfString('Độc lập - Tự do - Hạnh phúc'), yR);
  const row = Math.max(yL, yR) + 10;
  doc.font('regular').fontSize(SIZE.header).text('Số: ……/……', x0, row, { width: leftW, align: 'center' });
  doc
    .font('regular')
    .fontSize(SIZE.header)
    .text(subject, x0, doc.y + 6, { width: leftW, align: 'center' });
  const yLeft = doc.y;
  doc
    .font('italic')
    .fontSize(SIZE.body)
    .text(keepDatesWhole(placeDate), x0 + leftW, row, { width: rightW, align: 'center' });
  doc.x = x0;
  doc.y = Math.max(yLeft, doc.y) + 14;
}

function signature(doc: Doc, addressee: string): void {
  const x0 = doc.page.margins.left;
  const width = contentWidth(doc);
  ensureSpace(doc, 130);
  const top = doc.y + 6;
  const leftW = width * 0.45;
  doc.font('bold').fontSize(SIZE.recipientsLabel).fillColor('#000000').text('Nơi nhận:', x0, top, { width: leftW });
  doc.font('regular').fontSize(SIZE.recipients).text(`- ${addressee} (để báo cáo);`, x0, doc.y, { width: leftW });
  doc.text('- Lưu: VT.', x0, doc.y, { width: leftW });
  doc
    .font('bold')
    .fontSize(SIZE.body)
    .text('ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC', x0 + leftW, top, { width: width - leftW, align: 'center' });
  doc
    .font('italic')
    .fontSize(SIZE.body)
    .text('(Ký, ghi rõ họ tên, chức danh và đóng dấu)', x0 + leftW, doc.y, { width: width - leftW, align: 'center' });
  doc.y += 60;
}

/**
 * The annual report (Mẫu 08 of Decree 331/2026) as the official letter the form is: the issuer's header, "V/v",
 * "Kính gửi", the general figures, Part 2 on the owner and its specialised unit, the per-system table (Part 3), and
 * the signature; A4 landscape for the twelve-column table (Decree 30/2020 Annex I, Part I, I.2), set in Tinos.
 */
export function annualReportPdf(report: AnnualReportDto, generated: { on: string; at: Date }, issuer: LetterIssuer): Promise<Buffer> {
  const addressee = mau08Addressee(report.period);
  return renderPdf(
    {
      title: `${annualTitle(report.period.year)} — ${report.scope.title}`,
      layout: 'landscape',
      generatedOn: generated.on,
      generatedAt: generated.at,
      serif: true,
    },
    async (doc) => {
      const body = (text: string, options: { font?: 'regular' | 'bold' | 'italic'; indent?: number } = {}) => {
        doc
          .font(options.font ?? 'regular')
          .fontSize(SIZE.body)
          .fillColor('#000000')
          .text(keepDatesWhole(text), doc.page.margins.left, doc.y, {
            width: contentWidth(doc),
            align: 'justify',
            indent: options.indent ?? 28,
            lineGap: 1,
          });
        doc.moveDown(0.25);
      };
      letterHeader(doc, issuer, mau08Subject(report.period), mau08PlaceDate(issuer.place, generated.on));
      doc
        .font('regular')
        .fontSize(SIZE.body)
        .text(`Kính gửi: ${addressee}.`, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
      doc.moveDown(0.6);
      paragraph(doc, `${ANNUAL_FORM_NOTE}. ${periodLine(report)}. ${asOfLine(report)}.`, { size: 12, font: 'italic', color: '#000000' });

      body('1. Thông tin chung', { font: 'bold' });
      for (const line of mau08GeneralLines(report.summary)) body(line);
      const levels = ['1', '2', '3', '4', '5'].map((l) => `cấp độ ${l}: ${report.summary.byLevel[l] ?? 0}`).join('; ');
      body(`(Số hệ thống thông tin đã được phê duyệt theo cấp độ: ${levels}.)`, { font: 'italic' });

      body('2. Thông tin về chủ quản hệ thống thông tin và đơn vị chuyên trách về an ninh mạng', { font: 'bold' });
      for (const part of mau08AgencyLines(issuer)) {
        body(part.heading);
        for (const line of part.lines) body(line);
      }

      ensureSpace(doc, 120);
      body(`3. Thông tin chi tiết về các hệ thống thông tin thuộc phạm vi quản lý (${report.systems.length})`, { font: 'bold' });
      if (report.systems.length === 0) {
        body('Chưa có hệ thống thông tin nào trong phạm vi báo cáo.');
      } else {
        await table(doc, MAU08_TABLE_COLUMNS, report.systems.map(mau08Cells), { fontSize: MAU08_TABLE_FONT_SIZE });
      }
      signature(doc, addressee);
    },
  );
}
