import { AgencyRowDto, ApprovalRateReportDto } from './dto/report.dto';
import { ReportReadings } from './report-readings';
import { barChart, COLORS, figureBoxes, heading, paragraph, renderPdf, table, titleBlock } from './report-pdf-kit';
import {
  APPRAISER_HEADERS,
  appraiserRows,
  decisionDateRows,
  DEFAULT_READING_NOTE,
  READING_SUMMARY_HEADERS,
  readingDifferences,
  readingSentences,
  readingSummaryRows,
  READINGS_SECTION_TITLE,
} from './report-readings.rows';
import { APPROVAL_RATE_TITLE, formatCount, formatDateVi, formatPercent } from './report-text';
import { TIERS } from './report-tiers';

/** The printed list groups the bodies by tier (provincial bodies first), keeping the alphabetical order within. */
function byTier(rows: readonly AgencyRowDto[]): AgencyRowDto[] {
  const rank = (r: AgencyRowDto) => TIERS.indexOf(r.tier as (typeof TIERS)[number]);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/**
 * The approval-rate report as a leader prints it for a meeting: the figures first, the tiers as a chart, the
 * systems' coverage, then the bodies that have not sent a dossier (the list the meeting acts on), and last the other
 * readings of the same figures beside the default one.
 */
export function approvalRatePdf(report: ApprovalRateReportDto, generated: { on: string; at: Date }): Promise<Buffer> {
  const a = report.agencies;
  const s = report.systems;
  const asOf = formatDateVi(report.asOf);
  return renderPdf(
    { title: `${APPROVAL_RATE_TITLE} — ${report.scope.title}`, generatedOn: generated.on, generatedAt: generated.at },
    async (doc) => {
      titleBlock(doc, { title: APPROVAL_RATE_TITLE, scope: report.scope.title, asOfLine: `Tính đến ngày ${asOf}` });

      heading(doc, 'I. KẾT QUẢ CHUNG');
      figureBoxes(doc, [
        { value: `${a.submitted}/${a.total}`, caption: 'cơ quan, đơn vị đã gửi hồ sơ' },
        { value: String(a.approved), caption: 'cơ quan, đơn vị đã được phê duyệt' },
        { value: formatPercent(a.approvalRate), caption: 'tỷ lệ phê duyệt (trên số đã gửi)' },
      ]);
      paragraph(
        doc,
        `Tính đến ngày ${asOf}, ${a.submitted}/${a.total} cơ quan, đơn vị đã gửi hồ sơ đề xuất cấp độ; ${a.approved} cơ quan, đơn vị đã được phê duyệt` +
          (a.approvalRate === null ? '.' : `, đạt tỷ lệ ${formatPercent(a.approvalRate)} trên số đã gửi.`) +
          ` Còn ${a.notSubmitted} cơ quan, đơn vị chưa gửi hồ sơ (danh sách tại mục IV).`,
      );

      heading(doc, 'II. THEO NHÓM CƠ QUAN, ĐƠN VỊ');
      barChart(doc, {
        categories: report.byTier.map((t) => t.label),
        series: [
          { label: 'Tổng số', color: COLORS.total, values: report.byTier.map((t) => t.total) },
          { label: 'Đã gửi hồ sơ', color: COLORS.submitted, values: report.byTier.map((t) => t.submitted) },
          { label: 'Đã được phê duyệt', color: COLORS.approved, values: report.byTier.map((t) => t.approved) },
        ],
      });
      await table(
        doc,
        [
          { header: 'Nhóm cơ quan, đơn vị', width: 34 },
          { header: 'Tổng số', width: 11, align: 'right' },
          { header: 'Đã gửi hồ sơ', width: 13, align: 'right' },
          { header: 'Đã được phê duyệt', width: 14, align: 'right' },
          { header: 'Tỷ lệ phê duyệt', width: 13, align: 'right' },
          { header: 'Tỷ lệ đã gửi', width: 12, align: 'right' },
        ],
        [
          ...report.byTier.map((t) => [
            t.label,
            String(t.total),
            String(t.submitted),
            String(t.approved),
            formatPercent(t.approvalRate),
            formatPercent(t.submissionRate),
          ]),
          [
            'Tổng cộng',
            String(a.total),
            String(a.submitted),
            String(a.approved),
            formatPercent(a.approvalRate),
            formatPercent(a.submissionRate),
          ],
        ],
        { boldLastRow: true },
      );

      heading(doc, 'III. HỆ THỐNG THÔNG TIN ĐÃ ĐƯỢC PHÊ DUYỆT CẤP ĐỘ');
      paragraph(
        doc,
        `Các cơ quan, đơn vị quản lý ${formatCount(s.total)} hệ thống thông tin, trong đó ${formatCount(s.operating)} hệ thống đang vận hành; ` +
          `${formatCount(s.withApprovedLevel)} hệ thống đã được phê duyệt cấp độ` +
          (s.coverage === null ? '.' : ` (${formatPercent(s.coverage)} số hệ thống đang vận hành).`),
      );
      await table(
        doc,
        [
          { header: 'Cấp độ', width: 30 },
          ...['1', '2', '3', '4', '5'].map((l) => ({ header: `Cấp độ ${l}`, width: 12, align: 'right' as const })),
          { header: 'Cộng', width: 12, align: 'right' },
        ],
        [['Số hệ thống được phê duyệt', ...['1', '2', '3', '4', '5'].map((l) => String(s.byLevel[l] ?? 0)), String(s.withApprovedLevel)]],
      );

      heading(doc, `IV. DANH SÁCH CƠ QUAN, ĐƠN VỊ CHƯA GỬI HỒ SƠ (${report.notSubmitted.length})`);
      if (report.notSubmitted.length === 0) {
        paragraph(doc, 'Tất cả cơ quan, đơn vị đã gửi hồ sơ đề xuất cấp độ.');
      } else {
        await table(
          doc,
          [
            { header: 'STT', width: 6, align: 'right' },
            { header: 'Tên cơ quan, đơn vị', width: 46 },
            { header: 'Nhóm', width: 32 },
            { header: 'Số hệ thống đang vận hành', width: 16, align: 'right' },
          ],
          byTier(report.notSubmitted).map((r, i) => [String(i + 1), r.name, r.tierLabel, String(r.operatingSystems)]),
        );
      }
      if (report.readings) await readingsSection(doc, report.readings);
    },
  );
}

/** V. The other readings: which one the figures above are, each reading's figures, the appraising bodies, what each means. */
async function readingsSection(doc: Parameters<typeof heading>[0], r: ReportReadings): Promise<void> {
  heading(doc, `V. ${READINGS_SECTION_TITLE.toUpperCase()}`);
  paragraph(doc, DEFAULT_READING_NOTE);
  await table(
    doc,
    READING_SUMMARY_HEADERS.map((header, i) => ({ header, width: i === 0 ? 40 : 15, align: i === 0 ? undefined : ('right' as const) })),
    readingSummaryRows(r).map(([label, total, submitted, approved, approvalRate]) => [
      label,
      String(total),
      String(submitted),
      String(approved),
      formatPercent(approvalRate),
    ]),
  );
  const appraisers = appraiserRows(r);
  if (appraisers.length === 0) paragraph(doc, 'Theo đơn vị thẩm định: chưa có đơn vị thẩm định nào tiếp nhận hồ sơ đến ngày báo cáo.');
  else
    await table(
      doc,
      APPRAISER_HEADERS.map((header, i) => ({ header, width: i === 0 ? 23 : 11, align: i === 0 ? undefined : ('right' as const) })),
      appraisers.map((row) => row.map(String)),
    );
  await table(
    doc,
    [
      { header: 'Phê duyệt theo ngày', width: 80 },
      { header: 'Số lượng', width: 17, align: 'right' },
    ],
    decisionDateRows(r).map(([label, n]) => [label, String(n)]),
  );
  for (const [title, sentence] of readingSentences(r)) paragraph(doc, `${title}: ${sentence}`);
  for (const line of readingDifferences(r)) paragraph(doc, line);
}
