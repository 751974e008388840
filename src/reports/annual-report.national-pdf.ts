import { AnnualReportDto } from './dto/annual-report.dto';
import {
  asOfLine,
  NATIONAL_NOTE,
  NATIONAL_PARTS_NOTE,
  nationalTitle,
  periodLine,
  PROVINCE_FIGURE_HEADERS,
  provinceFigureValues,
  summaryLines,
} from './annual-report.text';
import { mau08Addressee, ND331_IN_FORCE } from './annual-report.letter';
import { MAU08_STATUS_LABELS, MAU08_STATUSES } from './mau08';
import { heading, paragraph, renderPdf, table, TableColumn, titleBlock } from './report-pdf-kit';
import { formatCount, formatPercent } from './report-text';

/** The table by province: STT, the province, then its figures (the rate is the sixth figure). */
const PROVINCE_COLUMNS: TableColumn[] = [
  { header: 'STT', width: 3.5, align: 'right' },
  { header: 'Tỉnh, thành phố', width: 15 },
  ...PROVINCE_FIGURE_HEADERS.map((header): TableColumn => ({ header, width: 8, align: 'right' })),
];

const RATE_INDEX = PROVINCE_FIGURE_HEADERS.indexOf('Tỷ lệ phê duyệt (%)');

function figureCells(values: (number | null)[]): string[] {
  return values.map((v, i) => (i === RATE_INDEX ? formatPercent(v) : formatCount(v ?? 0)));
}

/**
 * The national Mẫu 08 summary (administrators, `scope=national`) as what it is: a summary of the country's figures
 * made by the administrator from the registry, not an owner's letter — so no issuer header, no "Số", no "Kính gửi",
 * no "Nơi nhận" and no signature block (docs/legal/annual-report.md). The form's Part 1 figures for the country, the
 * same by province, and a note on Parts 2 and 3, which belong to each owner's own report.
 */
export function annualNationalPdf(report: AnnualReportDto, generated: { on: string; at: Date }): Promise<Buffer> {
  const s = report.summary;
  const provinces = report.provinces ?? [];
  return renderPdf(
    {
      title: `${nationalTitle(report.period.year)} — ${report.scope.title}`,
      layout: 'landscape',
      generatedOn: generated.on,
      generatedAt: generated.at,
    },
    async (doc) => {
      titleBlock(doc, {
        title: nationalTitle(report.period.year),
        scope: `${report.scope.title} — ${provinces.length} tỉnh, thành phố`,
        asOfLine: `${periodLine(report)}. ${asOfLine(report)}.`,
        note: `${NATIONAL_NOTE}.`,
      });

      heading(doc, 'I. SỐ LIỆU CHUNG CẢ NƯỚC (THEO PHẦN 1 MẪU SỐ 08)');
      await table(
        doc,
        [
          { header: 'Chỉ tiêu', width: 70 },
          { header: 'Số lượng', width: 12, align: 'right' },
          { header: 'Tỷ lệ', width: 12, align: 'right' },
        ],
        summaryLines(s).map((l) => [l.label, formatCount(l.value), l.rate === undefined ? '' : formatPercent(l.rate)]),
      );
      const levels = ['1', '2', '3', '4', '5'].map((l) => `cấp độ ${l}: ${formatCount(s.byLevel[l] ?? 0)}`).join('; ');
      const statuses = MAU08_STATUSES.map((st) => `${MAU08_STATUS_LABELS[st]}: ${formatCount(s.byStatus[st] ?? 0)}`).join('; ');
      paragraph(doc, `Số hệ thống thông tin đã được phê duyệt theo cấp độ: ${levels}.`);
      paragraph(doc, `Tình trạng phê duyệt hồ sơ (cột 6): ${statuses}; chưa có hồ sơ: ${formatCount(s.systems - s.dossiersBuilt)}.`);

      heading(doc, 'II. THEO TỈNH, THÀNH PHỐ');
      await table(
        doc,
        PROVINCE_COLUMNS,
        [
          ...provinces.map((p, i) => [String(i + 1), p.title, ...figureCells(provinceFigureValues(p.summary))]),
          ['', 'Cả nước', ...figureCells(provinceFigureValues(s))],
        ],
        { fontSize: 8, boldLastRow: true },
      );

      heading(doc, 'III. GHI CHÚ', 60);
      paragraph(doc, `${NATIONAL_PARTS_NOTE}.`);
      // Who the owners report to, by the day their report is due (as the letter's "Kính gửi").
      const basis =
        report.period.ownerReportBy >= ND331_IN_FORCE
          ? 'điểm b khoản 4 Điều 35 Nghị định số 331/2026/NĐ-CP'
          : 'điểm b khoản 4 Điều 13 Thông tư số 12/2022/TT-BTTTT';
      paragraph(
        doc,
        `Mỗi chủ quản hệ thống thông tin gửi báo cáo của mình đến ${mau08Addressee(report.period)} trước ngày 25 tháng 12 ` +
          `(${basis}); bản tổng hợp này không thay thế các báo cáo đó.`,
      );
    },
  );
}
