import type ExcelJS from 'exceljs';
import { ApprovalRateReportDto } from './dto/report.dto';
import { ReportReadings } from './report-readings';
import { APPROVAL_RATE_TITLE, formatDateVi } from './report-text';
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
import { CellValue, listSheet, newWorkbook, SheetColumn, titleBlock, workbookBuffer, writeTable } from './report-xlsx';

const yesNo = (value: boolean) => (value ? 'Có' : 'Chưa');

const TIER_COLUMNS: SheetColumn[] = [
  { header: 'Nhóm cơ quan, đơn vị', width: 34 },
  { header: 'Tổng số', width: 12, kind: 'number' },
  { header: 'Đã gửi hồ sơ', width: 14, kind: 'number' },
  { header: 'Đã được phê duyệt', width: 14, kind: 'number' },
  { header: 'Chưa gửi hồ sơ', width: 14, kind: 'number' },
  { header: 'Tỷ lệ phê duyệt (trên số đã gửi)', width: 18, kind: 'percent' },
  { header: 'Tỷ lệ đã gửi (trên tổng số)', width: 18, kind: 'percent' },
];

const DETAIL_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'number' },
  { header: 'Mã cơ quan', width: 18 },
  { header: 'Tên cơ quan, đơn vị', width: 44 },
  { header: 'Nhóm', width: 28 },
  { header: 'Đã gửi hồ sơ', width: 11 },
  { header: 'Ngày gửi hồ sơ đầu tiên', width: 14, kind: 'date' },
  { header: 'Đã được phê duyệt', width: 11 },
  { header: 'Ngày phê duyệt đầu tiên', width: 14, kind: 'date' },
  { header: 'Số hệ thống', width: 10, kind: 'number' },
  { header: 'Đang vận hành', width: 10, kind: 'number' },
  { header: 'Đã được phê duyệt cấp độ', width: 12, kind: 'number' },
];

const NOT_SUBMITTED_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'number' },
  { header: 'Mã cơ quan', width: 18 },
  { header: 'Tên cơ quan, đơn vị', width: 48 },
  { header: 'Nhóm', width: 28 },
  { header: 'Số hệ thống', width: 10, kind: 'number' },
  { header: 'Đang vận hành', width: 10, kind: 'number' },
];

/**
 * The approval-rate report as a workbook: "Tổng hợp" (figures), "Chi tiết" (per body), "Chưa gửi hồ sơ", and
 * "Các cách đếm khác" (the other readings beside the default).
 */
export async function approvalRateXlsx(report: ApprovalRateReportDto, generatedAt: Date): Promise<Buffer> {
  const workbook = newWorkbook(generatedAt);
  const summary = workbook.addWorksheet('Tổng hợp', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  TIER_COLUMNS.forEach((col, i) => (summary.getColumn(i + 1).width = col.width));
  let row = titleBlock(
    summary,
    [APPROVAL_RATE_TITLE, report.scope.title, `Tính đến ngày ${formatDateVi(report.asOf)}`],
    TIER_COLUMNS.length,
  );

  const a = report.agencies;
  const tierRows: CellValue[][] = report.byTier.map((t) => [
    t.label,
    t.total,
    t.submitted,
    t.approved,
    t.total - t.submitted,
    t.approvalRate,
    t.submissionRate,
  ]);
  tierRows.push(['Tổng cộng', a.total, a.submitted, a.approved, a.notSubmitted, a.approvalRate, a.submissionRate]);
  row = writeTable(summary, row, TIER_COLUMNS, tierRows, { boldLastRow: true });

  const s = report.systems;
  row = writeTable(
    summary,
    row,
    [
      { header: 'Hệ thống thông tin', width: 34 },
      { header: 'Số lượng', width: 12, kind: 'number' },
      { header: 'Tỷ lệ trên số đang vận hành', width: 14, kind: 'percent' },
    ],
    [
      ['Tổng số hệ thống', s.total, null],
      ['Đang vận hành', s.operating, null],
      ['Đã được phê duyệt cấp độ', s.withApprovedLevel, s.coverage],
    ],
  );
  writeTable(
    summary,
    row,
    [
      { header: 'Cấp độ được phê duyệt', width: 34 },
      { header: 'Số hệ thống', width: 12, kind: 'number' },
    ],
    ['1', '2', '3', '4', '5'].map((level) => [`Cấp độ ${level}`, s.byLevel[level] ?? 0]),
  );

  listSheet(
    workbook,
    'Chi tiết',
    DETAIL_COLUMNS,
    report.agencyRows.map((r, i) => [
      i + 1,
      r.code,
      r.name,
      r.tierLabel,
      yesNo(r.submitted),
      r.firstSubmittedAt,
      yesNo(r.approved),
      r.firstApprovedAt,
      r.systems,
      r.operatingSystems,
      r.approvedSystems,
    ]),
  );
  listSheet(
    workbook,
    'Chưa gửi hồ sơ',
    NOT_SUBMITTED_COLUMNS,
    report.notSubmitted.map((r, i) => [i + 1, r.code, r.name, r.tierLabel, r.systems, r.operatingSystems]),
  );
  if (report.readings) readingsSheet(workbook.addWorksheet(READINGS_SECTION_TITLE), report, report.readings);
  return workbookBuffer(workbook);
}

/** The other readings: the default named first, each reading's figures, the appraising bodies, then what each means. */
function readingsSheet(sheet: ExcelJS.Worksheet, report: ApprovalRateReportDto, r: ReportReadings): void {
  const widths = [52, 16, 14, 14, 14, 14, 14, 16];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  let row = titleBlock(sheet, [READINGS_SECTION_TITLE, report.scope.title, `Tính đến ngày ${formatDateVi(report.asOf)}`], widths.length);
  sheet.getCell(`A${row}`).value = DEFAULT_READING_NOTE;
  row += 2;
  row = writeTable(
    sheet,
    row,
    READING_SUMMARY_HEADERS.map((header, i): SheetColumn => ({
      header,
      width: widths[i],
      kind: i === 0 ? undefined : i === 4 ? 'percent' : 'number',
    })),
    readingSummaryRows(r),
  );
  row = writeTable(
    sheet,
    row,
    APPRAISER_HEADERS.map((header, i): SheetColumn => ({
      header,
      width: widths[Math.min(i, widths.length - 1)],
      kind: i === 0 ? undefined : 'number',
    })),
    appraiserRows(r),
  );
  row = writeTable(
    sheet,
    row,
    [
      { header: 'Phê duyệt theo ngày', width: widths[0] },
      { header: 'Số lượng', width: widths[1], kind: 'number' },
    ],
    decisionDateRows(r),
  );
  writeTable(
    sheet,
    row,
    [
      { header: 'Cách đếm', width: widths[0] },
      { header: 'Giải thích', width: widths[1] },
    ],
    [...readingSentences(r), ...readingDifferences(r).map((line) => ['Khác biệt', line])],
  );
}
