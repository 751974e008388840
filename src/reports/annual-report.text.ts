import { AnnualReportDto, Mau08SummaryDto, Mau08SystemRowDto } from './dto/annual-report.dto';
import { formatDateVi } from './report-text';

/** The wording shared by the annual report's workbook and PDF. */

export function annualTitle(year: number): string {
  return `BÁO CÁO TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM ${year}`;
}

export const ANNUAL_FORM_NOTE = 'Nội dung theo Mẫu số 08 Nghị định số 331/2026/NĐ-CP';

export function periodLine(report: AnnualReportDto): string {
  return `Kỳ báo cáo: từ ngày ${formatDateVi(report.period.from)} đến ngày ${formatDateVi(report.period.to)}`;
}

export function asOfLine(report: AnnualReportDto): string {
  return report.periodComplete
    ? `Số liệu tính đến ngày ${formatDateVi(report.asOf)}`
    : `Số liệu tính đến ngày ${formatDateVi(report.asOf)} (kỳ báo cáo chưa kết thúc)`;
}

export interface SummaryLine {
  label: string;
  value: number;
  /** Percentage (0–100) shown beside the count, when the line has one. */
  rate?: number | null;
}

export function summaryLines(s: Mau08SummaryDto): SummaryLine[] {
  return [
    { label: 'Tổng số hệ thống thông tin', value: s.systems },
    // Mẫu 08 counts systems "đã được phân loại (đã xác định được loại hình hệ thống thông tin)".
    { label: 'Số hệ thống đã được phân loại (đã xác định được loại hình hệ thống thông tin)', value: s.classified },
    { label: 'Số hệ thống đã xây dựng hồ sơ đề xuất cấp độ', value: s.dossiersBuilt },
    { label: 'Số hồ sơ đã được thẩm định', value: s.appraised },
    { label: 'Số hệ thống đã được phê duyệt cấp độ (tỷ lệ trên tổng số hệ thống)', value: s.approved, rate: s.approvalRate },
    { label: 'Số hệ thống đã được phê duyệt và đã được kiểm tra, đánh giá', value: s.approvedAndInspected },
    { label: '— trong đó được kiểm tra, đánh giá trong kỳ báo cáo', value: s.approvedAndInspectedInPeriod },
    {
      label: 'Số hệ thống đã được phê duyệt và đã triển khai đầy đủ phương án (tỷ lệ trên số đã phê duyệt)',
      value: s.fullyDeployed,
      rate: s.fullDeploymentRate,
    },
    { label: 'Trong kỳ: số hệ thống có hồ sơ gửi thẩm định lần đầu', value: s.duringPeriod.submitted },
    { label: 'Trong kỳ: số hệ thống được phê duyệt cấp độ', value: s.duringPeriod.approved },
  ];
}

export function decisionText(row: Mau08SystemRowDto): string {
  const d = row.decision;
  if (!d) return '';
  return `Số ${d.number} ngày ${formatDateVi(d.date)}${d.issuer ? ` của ${d.issuer}` : ''}`;
}

export function regulationText(row: Mau08SystemRowDto): string {
  const r = row.internalRegulation;
  if (!r) return '';
  return r.date ? `Số ${r.number} ngày ${formatDateVi(r.date)}` : `Số ${r.number}`;
}

export function inspectionText(row: Mau08SystemRowDto): string {
  if (!row.inspectionStatus) return '';
  return row.lastInspection ? `${row.inspectionStatus} (lần gần nhất ${formatDateVi(row.lastInspection.date)})` : row.inspectionStatus;
}

/**
 * The twelve Mẫu 08 columns as printed text. Column 9 (expected approval date) is left blank: the registry does
 * not record it, and the body fills it in by hand if it reports one.
 */
export function mau08Cells(row: Mau08SystemRowDto): string[] {
  return [
    String(row.stt),
    row.name,
    row.ownerName,
    row.operatorName,
    row.proposedLevel === null ? '' : String(row.proposedLevel),
    row.statusLabel,
    decisionText(row),
    regulationText(row),
    '',
    row.deploymentStatusLabel,
    formatDateVi(row.expectedFullDeploymentOn),
    inspectionText(row),
  ];
}

/** The national summary's title: a summary of the country's figures, not a body's report (docs/legal/annual-report.md). */
export function nationalTitle(year: number): string {
  return `TỔNG HỢP TOÀN QUỐC TÌNH HÌNH BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ NĂM ${year}`;
}

/** What the national summary is, printed under its title. */
export const NATIONAL_NOTE =
  'Bản tổng hợp số liệu theo các chỉ tiêu của Mẫu số 08 Nghị định số 331/2026/NĐ-CP, do quản trị viên lập từ dữ liệu của capdo; ' +
  'không phải báo cáo của chủ quản hệ thống thông tin nào, nên không có số văn bản, nơi gửi, nơi nhận và chữ ký';

/** Why Parts 2 and 3 of the form are not in the national summary. */
export const NATIONAL_PARTS_NOTE =
  'Phần 2 (thông tin về chủ quản hệ thống thông tin và đơn vị chuyên trách về an ninh mạng) và Phần 3 (thông tin chi tiết ' +
  'từng hệ thống) của Mẫu số 08 thuộc báo cáo của từng chủ quản hệ thống thông tin; danh mục từng hệ thống có trong báo cáo năm của từng tỉnh, thành phố';

/** The national summary's table by province: its headers after "STT" and the province's name. */
export const PROVINCE_FIGURE_HEADERS = [
  'Tổng số hệ thống thông tin',
  'Đã được phân loại',
  'Đã xây dựng hồ sơ đề xuất cấp độ',
  'Đã được thẩm định',
  'Đã được phê duyệt cấp độ',
  'Tỷ lệ phê duyệt (%)',
  'Đã phê duyệt, đã kiểm tra, đánh giá',
  'Đã phê duyệt, đã triển khai đầy đủ phương án',
  'Trong kỳ: gửi thẩm định lần đầu',
  'Trong kỳ: được phê duyệt cấp độ',
] as const;

/** A province's (or the country's) figures in the order of PROVINCE_FIGURE_HEADERS; the rate is a percentage or null. */
export function provinceFigureValues(s: Mau08SummaryDto): (number | null)[] {
  return [
    s.systems,
    s.classified,
    s.dossiersBuilt,
    s.appraised,
    s.approved,
    s.approvalRate,
    s.approvedAndInspected,
    s.fullyDeployed,
    s.duringPeriod.submitted,
    s.duringPeriod.approved,
  ];
}
