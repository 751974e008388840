import { AnnualReportDto } from './dto/annual-report.dto';
import { ANNUAL_FORM_NOTE, annualTitle, asOfLine, mau08Cells, periodLine, summaryLines } from './annual-report.text';
import { MAU08_COLUMNS } from './mau08';
import { heading, paragraph, renderPdf, table, TableColumn, titleBlock } from './report-pdf-kit';
import { formatDateVi, formatPercent } from './report-text';

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

/** The annual report (Mẫu 08) on A4 landscape: summary counts, systems by level, then the per-system table. */
export function annualReportPdf(report: AnnualReportDto, generated: { on: string; at: Date }): Promise<Buffer> {
  const title = annualTitle(report.period.year);
  const s = report.summary;
  return renderPdf(
    { title: `${title} — ${report.scope.title}`, layout: 'landscape', generatedOn: generated.on, generatedAt: generated.at },
    async (doc) => {
      titleBlock(doc, {
        title,
        scope: report.scope.title,
        asOfLine: `${periodLine(report)}. ${asOfLine(report)}.`,
        note: ANNUAL_FORM_NOTE,
      });
      paragraph(
        doc,
        `Hạn báo cáo: đơn vị chuyên trách, đơn vị vận hành báo cáo chủ quản trước ngày ${formatDateVi(report.period.unitsReportBy)}; ` +
          `chủ quản báo cáo Bộ Công an trước ngày ${formatDateVi(report.period.ownerReportBy)}.`,
        { size: 9, font: 'italic' },
      );

      heading(doc, 'I. SỐ LIỆU TỔNG HỢP');
      await table(
        doc,
        [
          { header: 'Chỉ tiêu', width: 70 },
          { header: 'Số lượng', width: 15, align: 'right' },
          { header: 'Tỷ lệ', width: 15, align: 'right' },
        ],
        summaryLines(s).map((l) => [l.label, String(l.value), l.rate === undefined ? '' : formatPercent(l.rate)]),
      );
      await table(
        doc,
        [
          { header: 'Cấp độ được phê duyệt', width: 40 },
          ...['1', '2', '3', '4', '5'].map((l) => ({ header: `Cấp độ ${l}`, width: 12, align: 'right' as const })),
        ],
        [['Số hệ thống', ...['1', '2', '3', '4', '5'].map((l) => String(s.byLevel[l] ?? 0))]],
      );

      heading(doc, `II. DANH MỤC HỆ THỐNG THÔNG TIN (${report.systems.length})`);
      if (report.systems.length === 0) {
        paragraph(doc, 'Chưa có hệ thống thông tin nào trong phạm vi báo cáo.');
        return;
      }
      await table(
        doc,
        MAU08_COLUMNS.map((header, i) => ({ header: `(${i + 1}) ${header}`, width: WIDTHS[i], align: ALIGN[i] })),
        report.systems.map(mau08Cells),
        { fontSize: 7 },
      );
    },
  );
}
