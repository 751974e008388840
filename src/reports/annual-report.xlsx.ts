import { AnnualReportDto } from './dto/annual-report.dto';
import {
  ANNUAL_FORM_NOTE,
  annualTitle,
  asOfLine,
  decisionText,
  inspectionText,
  NATIONAL_NOTE,
  NATIONAL_PARTS_NOTE,
  nationalTitle,
  periodLine,
  PROVINCE_FIGURE_HEADERS,
  provinceFigureValues,
  regulationText,
  summaryLines,
} from './annual-report.text';
import { MAU08_COLUMNS, MAU08_STATUS_LABELS, MAU08_STATUSES } from './mau08';
import { CellValue, listSheet, newWorkbook, SheetColumn, titleBlock, workbookBuffer, writeTable } from './report-xlsx';

const WIDTHS = [6, 38, 30, 30, 9, 18, 34, 22, 12, 22, 14, 28];
const KINDS: SheetColumn['kind'][] = ['number', 'text', 'text', 'text', 'number', 'text', 'text', 'text', 'date', 'text', 'date', 'text'];

/** The Mẫu 08 table: the form's twelve numbered columns, then the registry's own reference columns. */
const SYSTEM_COLUMNS: SheetColumn[] = [
  ...MAU08_COLUMNS.map((header, i) => ({ header: `(${i + 1}) ${header}`, width: WIDTHS[i], kind: KINDS[i] })),
  { header: 'Mã hệ thống', width: 14 },
  { header: 'Cấp độ được phê duyệt', width: 10, kind: 'number' },
  { header: 'Ngày kiểm tra, đánh giá gần nhất', width: 14, kind: 'date' },
];

/** The national summary's sheet by province: its figures, then the approved systems by level. */
const PROVINCE_COLUMNS: SheetColumn[] = [
  { header: 'STT', width: 6, kind: 'number' },
  { header: 'Mã tỉnh', width: 10 },
  { header: 'Tỉnh, thành phố', width: 30 },
  ...PROVINCE_FIGURE_HEADERS.map((header): SheetColumn => ({ header, width: 14, kind: header.includes('(%)') ? 'percent' : 'number' })),
  ...['1', '2', '3', '4', '5'].map((l): SheetColumn => ({ header: `Đã phê duyệt cấp độ ${l}`, width: 12, kind: 'number' })),
];

/**
 * The annual report as a workbook: "Tổng hợp" (summary counts, by level, by status) and "Danh mục hệ thống"; for the
 * national summary, "Theo tỉnh, thành phố" instead of the list of systems, which stays in each province's report.
 */
export async function annualReportXlsx(report: AnnualReportDto, generatedAt: Date): Promise<Buffer> {
  const national = report.provinces !== undefined;
  const workbook = newWorkbook(generatedAt);
  const summary = workbook.addWorksheet('Tổng hợp', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  [70, 14, 14].forEach((w, i) => (summary.getColumn(i + 1).width = w));
  let row = titleBlock(
    summary,
    national
      ? [nationalTitle(report.period.year), report.scope.title, periodLine(report), asOfLine(report), NATIONAL_NOTE, NATIONAL_PARTS_NOTE]
      : [annualTitle(report.period.year), report.scope.title, periodLine(report), asOfLine(report), ANNUAL_FORM_NOTE],
    3,
  );
  const s = report.summary;
  row = writeTable(
    summary,
    row,
    [
      { header: 'Chỉ tiêu', width: 70 },
      { header: 'Số lượng', width: 14, kind: 'number' },
      { header: 'Tỷ lệ', width: 14, kind: 'percent' },
    ],
    summaryLines(s).map((l) => [l.label, l.value, l.rate ?? null]),
  );
  row = writeTable(
    summary,
    row,
    [
      { header: 'Cấp độ được phê duyệt', width: 70 },
      { header: 'Số hệ thống', width: 14, kind: 'number' },
    ],
    ['1', '2', '3', '4', '5'].map((l) => [`Cấp độ ${l}`, s.byLevel[l] ?? 0]),
  );
  writeTable(
    summary,
    row,
    [
      { header: 'Tình trạng phê duyệt hồ sơ (cột 6)', width: 70 },
      { header: 'Số hệ thống', width: 14, kind: 'number' },
    ],
    [
      ...MAU08_STATUSES.map((st) => [MAU08_STATUS_LABELS[st], s.byStatus[st] ?? 0] as CellValue[]),
      ['Chưa có hồ sơ', s.systems - s.dossiersBuilt],
    ],
  );

  if (report.provinces) {
    listSheet(
      workbook,
      'Theo tỉnh, thành phố',
      PROVINCE_COLUMNS,
      report.provinces.map((p, i) => [
        i + 1,
        p.provinceCode,
        p.title,
        ...provinceFigureValues(p.summary),
        ...['1', '2', '3', '4', '5'].map((l) => p.summary.byLevel[l] ?? 0),
      ]),
    );
    return workbookBuffer(workbook);
  }
  listSheet(
    workbook,
    'Danh mục hệ thống',
    SYSTEM_COLUMNS,
    report.systems.map((r) => [
      r.stt,
      r.name,
      r.ownerName,
      r.operatorName,
      r.proposedLevel,
      r.statusLabel,
      decisionText(r),
      regulationText(r),
      null,
      r.deploymentStatusLabel,
      r.expectedFullDeploymentOn,
      inspectionText(r),
      r.code,
      r.approvedLevel,
      r.lastInspection?.date ?? null,
    ]),
  );
  return workbookBuffer(workbook);
}
