import { zipSync } from 'fflate';
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
} from './report-readings.rows';
import { APPROVAL_RATE_TITLE, CsvDelimiter, formatDateVi, percentHeader, toCsv } from './report-text';

/**
 * The approval-rate report as CSV files a spreadsheet opens as they are: one table per file (a header row, then one
 * row per record; no title or summary rows mixed in), percentages as numbers with the unit in the header, dates
 * dd/mm/yyyy. `format=csv` is the table of bodies; `format=zip` holds every table, in both dialects.
 */

export type CsvRow = (string | number | null)[];

/** One table of the report: the file it goes to (ASCII, without diacritics) and its rows, the header first. */
export interface CsvTable {
  file: string;
  rows: CsvRow[];
}

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

export const TIER_CSV_HEADERS = [
  'Nhóm cơ quan, đơn vị',
  'Tổng số',
  'Đã gửi hồ sơ',
  'Đã được phê duyệt',
  'Chưa gửi hồ sơ',
  percentHeader('Tỷ lệ phê duyệt (trên số đã gửi)'),
  percentHeader('Tỷ lệ đã gửi (trên tổng số)'),
] as const;

const LEVELS = ['1', '2', '3', '4', '5'] as const;

export const SYSTEM_CSV_HEADERS = [
  'Tổng số hệ thống',
  'Đang vận hành',
  'Đã được phê duyệt cấp độ',
  percentHeader('Tỷ lệ đã được phê duyệt cấp độ (trên số đang vận hành)'),
  'Đã kê khai quyết định trước đây, chưa xác nhận',
  ...LEVELS.map((level) => `Được phê duyệt cấp độ ${level}`),
] as const;

/** The folder of the ZIP holding the `;` dialect, for Excel in a Vietnamese locale. */
export const SEMICOLON_FOLDER = 'excel-tieng-viet';

const yesNo = (value: boolean) => (value ? 'Có' : 'Chưa');

/** The table of bodies: one row per body under Vietnamese headers (`format=csv`). */
export function bodiesTable(report: ApprovalRateReportDto): CsvTable {
  const rows: CsvRow[] = [[...APPROVAL_RATE_CSV_HEADERS]];
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
  return { file: 'co-quan-don-vi.csv', rows };
}

/** Every table of the report, the bodies first: what the report covers, the figures by tier, the systems, the readings. */
export function approvalRateTables(report: ApprovalRateReportDto): CsvTable[] {
  const a = report.agencies;
  const s = report.systems;
  const tables: CsvTable[] = [
    bodiesTable(report),
    {
      file: 'tong-hop-theo-nhom.csv',
      rows: [
        [...TIER_CSV_HEADERS],
        ...report.byTier.map((t) => [t.label, t.total, t.submitted, t.approved, t.total - t.submitted, t.approvalRate, t.submissionRate]),
        ['Tổng cộng', a.total, a.submitted, a.approved, a.notSubmitted, a.approvalRate, a.submissionRate],
      ],
    },
    {
      file: 'he-thong.csv',
      rows: [
        [...SYSTEM_CSV_HEADERS],
        [s.total, s.operating, s.withApprovedLevel, s.coverage, s.claimedNotConfirmed, ...LEVELS.map((level) => s.byLevel[level] ?? 0)],
      ],
    },
    {
      file: 'thong-tin-bao-cao.csv',
      rows: [
        ['Mục', 'Nội dung'],
        ['Báo cáo', APPROVAL_RATE_TITLE],
        ['Phạm vi', report.scope.title],
        ['Tính đến ngày', formatDateVi(report.asOf)],
      ],
    },
  ];
  if (report.readings) tables.push(...readingTables(report.readings));
  return tables;
}

/** The other readings beside the default, one table each. */
function readingTables(r: ReportReadings): CsvTable[] {
  const summaryHeaders = READING_SUMMARY_HEADERS.map((h, i) => (i === READING_SUMMARY_HEADERS.length - 1 ? percentHeader(h) : h));
  return [
    { file: 'cach-dem-khac.csv', rows: [summaryHeaders, ...readingSummaryRows(r)] },
    { file: 'don-vi-tham-dinh.csv', rows: [[...APPRAISER_HEADERS], ...appraiserRows(r)] },
    { file: 'phe-duyet-theo-ngay.csv', rows: [['Phê duyệt theo ngày', 'Số lượng'], ...decisionDateRows(r)] },
    {
      file: 'giai-thich-cach-dem.csv',
      rows: [
        ['Cách đếm', 'Giải thích'],
        ['Cách đếm mặc định', DEFAULT_READING_NOTE],
        ...readingSentences(r),
        ...readingDifferences(r).map((line) => ['Khác biệt', line]),
      ],
    },
  ];
}

/** `format=csv`: the table of bodies alone, `,`-separated, or `;`-separated with decimal commas. */
export function approvalRateCsv(report: ApprovalRateReportDto, delimiter: CsvDelimiter = ','): Buffer {
  return toCsv(bodiesTable(report).rows, delimiter);
}

/**
 * `format=zip`: every table as its own CSV, `,`-separated at the top, and the same files `;`-separated in
 * `excel-tieng-viet/`. Dated `generatedAt` so the same report gives the same bytes.
 */
export function approvalRateZip(report: ApprovalRateReportDto, generatedAt: Date): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const table of approvalRateTables(report)) {
    files[table.file] = toCsv(table.rows, ',');
    files[`${SEMICOLON_FOLDER}/${table.file}`] = toCsv(table.rows, ';');
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: generatedAt }));
}
