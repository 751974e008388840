import { ApprovalRateReportDto } from './dto/report.dto';
import { ReportReadings } from './report-readings';
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
import { formatDateVi, formatPercent, toCsv } from './report-text';

export const APPROVAL_RATE_CSV_HEADERS = [
  'Mã cơ quan',
  'Tên cơ quan, đơn vị',
  'Nhóm',
  'Đã gửi hồ sơ',
  'Ngày gửi hồ sơ đầu tiên',
  'Đã được phê duyệt',
  'Ngày phê duyệt đầu tiên',
  'Số hệ thống',
  'Hệ thống đang vận hành',
  'Hệ thống đã được phê duyệt cấp độ',
] as const;

const yesNo = (value: boolean) => (value ? 'Có' : 'Chưa');

/**
 * The approval-rate report as CSV: one row per body under Vietnamese headers, then a blank line and the summary
 * rows (the figures by tier with a total, then the systems), each led by its label in the first column.
 */
export function approvalRateCsv(report: ApprovalRateReportDto): Buffer {
  const rows: (string | number | null)[][] = [[...APPROVAL_RATE_CSV_HEADERS]];
  for (const r of report.agencyRows) {
    rows.push([
      r.code,
      r.name,
      r.tierLabel,
      yesNo(r.submitted),
      formatDateVi(r.firstSubmittedAt),
      yesNo(r.approved),
      formatDateVi(r.firstApprovedAt),
      r.systems,
      r.operatingSystems,
      r.approvedSystems,
    ]);
  }
  const a = report.agencies;
  const s = report.systems;
  rows.push([]);
  rows.push(['Tổng hợp', `${report.scope.title}, tính đến ngày ${formatDateVi(report.asOf)}`]);
  rows.push([
    'Nhóm cơ quan, đơn vị',
    'Tổng số',
    'Đã gửi hồ sơ',
    'Đã được phê duyệt',
    'Chưa gửi hồ sơ',
    'Tỷ lệ phê duyệt (trên số đã gửi)',
    'Tỷ lệ đã gửi (trên tổng số)',
  ]);
  for (const t of report.byTier)
    rows.push([
      t.label,
      t.total,
      t.submitted,
      t.approved,
      t.total - t.submitted,
      formatPercent(t.approvalRate),
      formatPercent(t.submissionRate),
    ]);
  rows.push([
    'Tổng cộng',
    a.total,
    a.submitted,
    a.approved,
    a.notSubmitted,
    formatPercent(a.approvalRate),
    formatPercent(a.submissionRate),
  ]);
  rows.push(['Hệ thống thông tin', 'Số lượng']);
  rows.push(['Tổng số hệ thống', s.total]);
  rows.push(['Đang vận hành', s.operating]);
  rows.push(['Đã được phê duyệt cấp độ', s.withApprovedLevel]);
  rows.push(['Tỷ lệ đã được phê duyệt cấp độ (trên số đang vận hành)', formatPercent(s.coverage)]);
  for (const level of ['1', '2', '3', '4', '5']) rows.push([`Được phê duyệt cấp độ ${level}`, s.byLevel[level] ?? 0]);
  if (report.readings) rows.push([], ...readingsRows(report.readings));
  return toCsv(rows);
}

/** The other readings after the figures: the default named first, then each reading's figures and what it means. */
function readingsRows(r: ReportReadings): (string | number | null)[][] {
  return [
    [READINGS_SECTION_TITLE, DEFAULT_READING_NOTE],
    [...READING_SUMMARY_HEADERS],
    ...readingSummaryRows(r).map(([label, total, submitted, approved, approvalRate]) => [
      label,
      total,
      submitted,
      approved,
      formatPercent(approvalRate),
    ]),
    [...APPRAISER_HEADERS],
    ...appraiserRows(r),
    ['Phê duyệt theo ngày', 'Số lượng'],
    ...decisionDateRows(r),
    ['Cách đếm', 'Giải thích'],
    ...readingSentences(r),
    ...readingDifferences(r).map((line) => ['Khác biệt', line]),
  ];
}
