import { INSPECTION_KIND_LABELS, INSPECTION_METHOD_LABELS, InspectionKind, InspectionMethod } from '../inspections/inspection-rules';
import { PLAN_ITEM_STATUS_LABELS } from '../plan-items/deployment-status';
import { sectionLetter } from '../plan-items/plan-item-sections';
import type { InspectionStanding } from './after-approval-figures';
import type { InspectionExportRow, PlanItemExportRow } from './after-approval-exports.query';
import { CellValue, listSheet, newWorkbook, SheetColumn, workbookBuffer } from './report-xlsx';

/**
 * The after-approval workbooks by agency: the plan items (TT12 Art. 14.9 / ND331 Art. 36.10, "theo từng tiêu chí,
 * yêu cầu") and the inspections (ND331 Art. 36.8). Text goes in as plain strings: ExcelJS writes them as text cells,
 * never formulas, so a name such as "=HYPERLINK(…)" stays text.
 */

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

interface AgencyTotals {
  name: string;
  counts: number[];
}

function byAgency<T>(rows: readonly T[], nameOf: (r: T) => string, counters: ((r: T) => boolean)[]): CellValue[][] {
  const totals = new Map<string, AgencyTotals>();
  for (const row of rows) {
    const name = nameOf(row);
    const t = totals.get(name) ?? { name, counts: counters.map(() => 0) };
    counters.forEach((c, i) => (t.counts[i] += c(row) ? 1 : 0));
    totals.set(name, t);
  }
  return [...totals.values()].map((t) => [t.name, ...t.counts]);
}

const PLAN_COLUMNS: SheetColumn[] = [
  { header: 'Chủ quản hệ thống thông tin', width: 34 },
  { header: 'Đơn vị vận hành', width: 30 },
  { header: 'Mã hệ thống', width: 16 },
  { header: 'Tên hệ thống thông tin', width: 36 },
  { header: 'Cấp độ', width: 8, kind: 'number' },
  { header: 'Mục phương án', width: 9 },
  { header: 'Mã yêu cầu', width: 22 },
  { header: 'Yêu cầu', width: 40 },
  { header: 'Biện pháp', width: 40 },
  { header: 'Đơn vị thực hiện', width: 24 },
  { header: 'Thời hạn dự kiến', width: 13, kind: 'date' },
  { header: 'Tình trạng', width: 16 },
  { header: 'Ngày hoàn thành', width: 13, kind: 'date' },
  { header: 'Kê khai khi phê duyệt', width: 12 },
  { header: 'Quá hạn', width: 9 },
  { header: 'Lý do không áp dụng', width: 30 },
];

const isOpen = (r: PlanItemExportRow) => r.status === 'NOT_STARTED' || r.status === 'IN_PROGRESS';

export async function planItemsXlsx(rows: readonly PlanItemExportRow[], today: string, generatedAt: Date): Promise<Buffer> {
  const workbook = newWorkbook(generatedAt);
  const overdue = (r: PlanItemExportRow) => isOpen(r) && r.planned_date !== null && r.planned_date < today;
  listSheet(
    workbook,
    'Theo cơ quan',
    [
      { header: 'Chủ quản hệ thống thông tin', width: 40 },
      { header: 'Số hạng mục', width: 12, kind: 'number' },
      { header: 'Đã triển khai', width: 12, kind: 'number' },
      { header: 'Chưa xong', width: 12, kind: 'number' },
      { header: 'Quá hạn', width: 12, kind: 'number' },
      { header: 'Không áp dụng', width: 12, kind: 'number' },
    ],
    byAgency(rows, (r) => r.owner_name, [() => true, (r) => r.status === 'DONE', isOpen, overdue, (r) => r.status === 'NOT_APPLICABLE']),
  );
  listSheet(
    workbook,
    'Hạng mục',
    PLAN_COLUMNS,
    rows.map((r) => [
      r.owner_name,
      r.operator_name,
      r.system_code,
      r.system_name,
      r.level,
      sectionLetter(r.section),
      r.requirement_id,
      r.title,
      r.measure,
      r.responsible_unit,
      r.planned_date,
      PLAN_ITEM_STATUS_LABELS[r.status] ?? r.status,
      r.done_on,
      yesNo(r.declared_at_approval),
      overdue(r) ? 'Quá hạn' : '',
      r.reason,
    ]),
  );
  return workbookBuffer(workbook);
}

export interface ScheduleExportRow {
  ownerName: string;
  systemCode: string;
  systemName: string;
  level: number;
  lastInspectionOn: string | null;
  nextDueOn: string | null;
  standing: InspectionStanding;
}

export const STANDING_LABELS: Record<InspectionStanding, string> = {
  ON_TIME: 'Đã kiểm tra đúng hạn',
  LATE: 'Đã kiểm tra (muộn)',
  OVERDUE: 'Quá hạn kiểm tra',
  NOT_YET_DUE: 'Chưa đến hạn',
};

export async function inspectionsXlsx(
  schedule: readonly ScheduleExportRow[],
  inspections: readonly InspectionExportRow[],
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = newWorkbook(generatedAt);
  const is = (s: InspectionStanding) => (r: ScheduleExportRow) => r.standing === s;
  listSheet(
    workbook,
    'Theo cơ quan',
    [
      { header: 'Chủ quản hệ thống thông tin', width: 40 },
      { header: 'Hệ thống đã phê duyệt', width: 12, kind: 'number' },
      { header: 'Kiểm tra đúng hạn', width: 12, kind: 'number' },
      { header: 'Kiểm tra muộn', width: 12, kind: 'number' },
      { header: 'Quá hạn', width: 12, kind: 'number' },
      { header: 'Chưa đến hạn', width: 12, kind: 'number' },
    ],
    byAgency(schedule, (r) => r.ownerName, [() => true, is('ON_TIME'), is('LATE'), is('OVERDUE'), is('NOT_YET_DUE')]),
  );
  listSheet(
    workbook,
    'Lịch kiểm tra',
    [
      { header: 'Chủ quản hệ thống thông tin', width: 34 },
      { header: 'Mã hệ thống', width: 16 },
      { header: 'Tên hệ thống thông tin', width: 36 },
      { header: 'Cấp độ', width: 8, kind: 'number' },
      { header: 'Lần kiểm tra gần nhất', width: 14, kind: 'date' },
      { header: 'Hạn kiểm tra tiếp theo', width: 14, kind: 'date' },
      { header: 'Tình trạng', width: 22 },
    ],
    schedule.map((r) => [r.ownerName, r.systemCode, r.systemName, r.level, r.lastInspectionOn, r.nextDueOn, STANDING_LABELS[r.standing]]),
  );
  listSheet(
    workbook,
    'Các lần kiểm tra',
    [
      { header: 'Chủ quản hệ thống thông tin', width: 34 },
      { header: 'Mã hệ thống', width: 16 },
      { header: 'Tên hệ thống thông tin', width: 36 },
      { header: 'Ngày kiểm tra', width: 13, kind: 'date' },
      { header: 'Loại', width: 20 },
      { header: 'Toàn bộ cơ quan', width: 10 },
      { header: 'Đơn vị thực hiện', width: 30 },
      { header: 'Độc lập', width: 9 },
      { header: 'Đủ điều kiện', width: 9 },
      { header: 'Hình thức', width: 22 },
      { header: 'Tóm tắt kết quả', width: 40 },
      { header: 'Phát hiện chưa khắc phục', width: 12, kind: 'number' },
      { header: 'Trong đó quá hạn', width: 12, kind: 'number' },
    ],
    inspections.map((r) => [
      r.owner_name,
      r.system_code,
      r.system_name,
      r.performed_on,
      INSPECTION_KIND_LABELS[r.kind as InspectionKind] ?? r.kind,
      yesNo(r.covers_organisation),
      r.performer,
      yesNo(r.independent),
      yesNo(r.qualified),
      r.method ? (INSPECTION_METHOD_LABELS[r.method as InspectionMethod] ?? r.method) : '',
      r.summary,
      r.open_findings,
      r.overdue_findings,
    ]),
  );
  return workbookBuffer(workbook);
}
