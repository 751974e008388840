/**
 * The inventory spreadsheet's columns, as data: one column per field with its Vietnamese title, whether it is required
 * and what it accepts, and the example row. The same columns serve the template, the import and the export
 * (system-sheet.ts reads and writes rows with them). Pure: no Nest, TypeORM or file-format code.
 */
import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../../classification/rules/classification.labels';
import { InfoType, SystemType } from '../../classification/rules/classification.types';
import { foldDiacritics } from '../../common/text/vietnamese';
import { DEPLOYMENT_STATUS_LABELS, DeploymentStatus, Hosting, HOSTING_LABELS, Lifecycle, LIFECYCLE_LABELS } from '../system-enums';

/** A cell as read from a file: text, a number, a yes/no, a date, empty, or a formula error such as #N/A. */
export type CellValue = string | number | boolean | Date | null | { error: string };
/** A cell as written to a file. */
export type CellOut = string | number | null;

/** One system as the sheet holds it: the API's fields, with agencies named by their codes instead of ids. */
export interface SheetSystem {
  ownerAgencyCode: string;
  code: string;
  name: string;
  operatorAgencyCode: string | null;
  systemType: SystemType;
  infoTypes: InfoType[];
  lifecycle: Lifecycle;
  goLiveDate: string | null;
  hosting: Hosting | null;
  internetFacing: boolean | null;
  connectsGovNetwork: boolean | null;
  userCount: number | null;
  basicPersonalDataSubjects: number | null;
  sensitivePersonalDataSubjects: number | null;
  description: string | null;
  approvedLevel: number | null;
  approvalDecisionNumber: string | null;
  approvalDecisionDate: string | null;
  approvalDecisionIssuer: string | null;
  deploymentStatus: DeploymentStatus;
  internalRegulationNumber: string | null;
  internalRegulationDate: string | null;
}
export type SheetField = keyof SheetSystem;

type CellKind = 'code' | 'text' | 'enum' | 'enumList' | 'boolean' | 'date' | 'count' | 'level';

export interface EnumOption {
  code: string;
  label: string;
  /** Folded spellings accepted on import: the label, the code, the label without its parenthesis. */
  accepted: string[];
}

export interface SheetColumn {
  field: SheetField;
  title: string;
  required: boolean;
  kind: CellKind;
  options?: EnumOption[];
  /** What a blank cell means when it is not simply "no value". */
  blank?: string;
  /** The allowed values or the form expected, for the "Hướng dẫn" sheet. */
  guide: string;
  width: number;
}

export interface SheetCellError {
  column: string;
  message: string;
}

export interface ParsedSystemRow {
  /** Only the columns the file has; a blank cell is null (it clears the value when a system is updated). */
  values: Partial<SheetSystem>;
  errors: SheetCellError[];
}

function enumOptions<T extends string>(labels: Record<T, string>, extra: Partial<Record<T, string[]>> = {}): EnumOption[] {
  return (Object.entries(labels) as [T, string][]).map(([code, label]) => ({
    code,
    label,
    accepted: [
      ...new Set([label, label.replace(/\s*\(.*\)\s*$/, ''), code, code.replace(/_/g, ' '), ...(extra[code] ?? [])].map(foldDiacritics)),
    ],
  }));
}

// Short forms people write in a "Loại thông tin" cell: "Công cộng; Cá nhân".
const INFO_TYPE_SHORT: Record<InfoType, string[]> = {
  PUBLIC: ['Công cộng'],
  PRIVATE: ['Riêng'],
  PERSONAL: ['Cá nhân'],
  STATE_SECRET: ['Bí mật nhà nước'],
};

const LIFECYCLE_OPTIONS = enumOptions(LIFECYCLE_LABELS);
const SYSTEM_TYPE_OPTIONS = enumOptions(SYSTEM_TYPE_LABELS);
const INFO_TYPE_OPTIONS = enumOptions(INFO_TYPE_LABELS, INFO_TYPE_SHORT);
const HOSTING_OPTIONS = enumOptions(HOSTING_LABELS);
const DEPLOYMENT_OPTIONS = enumOptions(DEPLOYMENT_STATUS_LABELS);

export const listOf = (options: EnumOption[]) => options.map((o) => o.label).join('; ');
const YES_NO = 'Có / Không (cũng nhận x, true/false); để trống nếu chưa rõ';
const DATE = 'Ngày dạng dd/mm/yyyy (ví dụ 15/01/2024), yyyy-mm-dd hoặc ô ngày của Excel';
const COUNT = 'Số nguyên không âm, ví dụ 1200 hoặc 1.200';

export const SYSTEM_COLUMNS: readonly SheetColumn[] = [
  {
    field: 'ownerAgencyCode',
    title: 'Mã cơ quan chủ quản',
    required: true,
    kind: 'code',
    width: 20,
    guide: 'Mã cơ quan trong danh mục (trang "Danh mục cơ quan"), ví dụ SL-SO-XD',
  },
  {
    field: 'code',
    title: 'Mã hệ thống',
    required: true,
    kind: 'code',
    width: 18,
    guide:
      'Chữ in hoa không dấu, số, dấu chấm, gạch ngang; tối đa 60 ký tự. Cùng mã cơ quan chủ quản và mã hệ thống với hệ thống đã có thì dòng cập nhật hệ thống đó',
  },
  { field: 'name', title: 'Tên hệ thống', required: true, kind: 'text', width: 45, guide: 'Tối đa 300 ký tự' },
  {
    field: 'operatorAgencyCode',
    title: 'Mã đơn vị vận hành',
    required: false,
    kind: 'code',
    width: 20,
    guide: 'Mã cơ quan trong danh mục; để trống nếu chính cơ quan chủ quản vận hành',
  },
  {
    field: 'systemType',
    title: 'Loại hệ thống',
    required: true,
    kind: 'enum',
    options: SYSTEM_TYPE_OPTIONS,
    width: 40,
    guide: listOf(SYSTEM_TYPE_OPTIONS),
  },
  {
    field: 'infoTypes',
    title: 'Loại thông tin',
    required: true,
    kind: 'enumList',
    options: INFO_TYPE_OPTIONS,
    width: 40,
    guide: `Một hoặc nhiều giá trị, cách nhau bởi dấu chấm phẩy (;) hoặc dấu phẩy: ${listOf(INFO_TYPE_OPTIONS)}`,
  },
  {
    field: 'lifecycle',
    title: 'Trạng thái',
    required: true,
    kind: 'enum',
    options: LIFECYCLE_OPTIONS,
    width: 26,
    guide: `${listOf(LIFECYCLE_OPTIONS)}. "${LIFECYCLE_LABELS.RETIRED}" chỉ giữ nguyên cho hệ thống đã dừng; cho hệ thống dừng vận hành bằng chức năng riêng`,
  },
  { field: 'goLiveDate', title: 'Ngày đưa vào sử dụng', required: false, kind: 'date', width: 16, guide: DATE },
  {
    field: 'hosting',
    title: 'Nơi đặt hệ thống',
    required: false,
    kind: 'enum',
    options: HOSTING_OPTIONS,
    width: 30,
    guide: `${listOf(HOSTING_OPTIONS)}. Để trống với hệ thống xử lý thông tin bí mật nhà nước`,
  },
  {
    field: 'internetFacing',
    title: 'Kết nối Internet',
    required: false,
    kind: 'boolean',
    width: 14,
    guide: `${YES_NO}. Để trống với hệ thống bí mật nhà nước`,
  },
  {
    field: 'connectsGovNetwork',
    title: 'Kết nối mạng TSLCD',
    required: false,
    kind: 'boolean',
    width: 16,
    guide: `Mạng truyền số liệu chuyên dùng. ${YES_NO}. Để trống với hệ thống bí mật nhà nước`,
  },
  { field: 'userCount', title: 'Số người sử dụng', required: false, kind: 'count', width: 14, guide: COUNT },
  {
    field: 'basicPersonalDataSubjects',
    title: 'Số chủ thể dữ liệu cá nhân cơ bản',
    required: false,
    kind: 'count',
    width: 18,
    guide: COUNT,
  },
  {
    field: 'sensitivePersonalDataSubjects',
    title: 'Số chủ thể dữ liệu cá nhân nhạy cảm',
    required: false,
    kind: 'count',
    width: 18,
    guide: COUNT,
  },
  { field: 'description', title: 'Mô tả', required: false, kind: 'text', width: 45, guide: 'Tối đa 5.000 ký tự' },
  {
    field: 'approvedLevel',
    title: 'Cấp độ đã phê duyệt',
    required: false,
    kind: 'level',
    width: 12,
    guide:
      'Số từ 1 đến 5 (hoặc "Cấp độ 3"), với hệ thống đã có quyết định phê duyệt trước khi dùng capdo; cần đủ số, ngày và cơ quan ban hành. Dòng này thành kê khai chờ cán bộ thẩm định xác nhận (đính kèm bản PDF ở trang hệ thống), chưa được tính trong báo cáo; để trống không xóa cấp độ đã ghi nhận',
  },
  {
    field: 'approvalDecisionNumber',
    title: 'Số quyết định phê duyệt',
    required: false,
    kind: 'text',
    width: 18,
    guide: 'Ví dụ 125/QĐ-UBND; tối đa 60 ký tự',
  },
  { field: 'approvalDecisionDate', title: 'Ngày quyết định', required: false, kind: 'date', width: 16, guide: DATE },
  {
    field: 'approvalDecisionIssuer',
    title: 'Cơ quan ban hành quyết định',
    required: false,
    kind: 'text',
    width: 26,
    guide: 'Ví dụ UBND tỉnh Sơn La; bắt buộc khi có cấp độ đã phê duyệt',
  },
  {
    field: 'deploymentStatus',
    title: 'Tình trạng triển khai phương án',
    required: false,
    kind: 'enum',
    options: DEPLOYMENT_OPTIONS,
    blank: 'NOT_DEPLOYED',
    width: 28,
    guide: `${listOf(DEPLOYMENT_OPTIONS)}; để trống là "${DEPLOYMENT_STATUS_LABELS.NOT_DEPLOYED}"`,
  },
  {
    field: 'internalRegulationNumber',
    title: 'Số quy chế bảo đảm ATTT',
    required: false,
    kind: 'text',
    width: 18,
    guide: 'Quy chế bảo đảm an toàn thông tin của cơ quan; tối đa 60 ký tự',
  },
  { field: 'internalRegulationDate', title: 'Ngày ban hành quy chế', required: false, kind: 'date', width: 16, guide: DATE },
];

const BY_FIELD = new Map(SYSTEM_COLUMNS.map((c) => [c.field, c]));

export function columnOf(field: SheetField): SheetColumn {
  return BY_FIELD.get(field)!;
}

export const EXAMPLE_SYSTEM: SheetSystem = {
  ownerAgencyCode: 'SL-SO-XD',
  code: 'CONG-TTDT',
  name: 'Cổng thông tin điện tử Sở Xây dựng (dòng ví dụ: sửa thành hệ thống của bạn hoặc xóa dòng này)',
  operatorAgencyCode: null,
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PUBLIC', 'PERSONAL'],
  lifecycle: 'IN_OPERATION',
  goLiveDate: '2021-05-01',
  hosting: 'PROVINCIAL_DC',
  internetFacing: true,
  connectsGovNetwork: true,
  userCount: 1200,
  basicPersonalDataSubjects: 5000,
  sensitivePersonalDataSubjects: 0,
  description: 'Cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp.',
  approvedLevel: 2,
  approvalDecisionNumber: '125/QĐ-UBND',
  approvalDecisionDate: '2025-09-30',
  approvalDecisionIssuer: 'UBND tỉnh Sơn La',
  deploymentStatus: 'PARTIAL',
  internalRegulationNumber: '15/QC-SXD',
  internalRegulationDate: '2025-03-01',
};

export const HEADER_ROW: readonly string[] = SYSTEM_COLUMNS.map((c) => c.title);

/** The "Hướng dẫn" sheet: each column, whether it is required, and what it accepts. */
export function guideRows(): [string, string, string][] {
  return SYSTEM_COLUMNS.map((c) => [c.title, c.required ? 'Bắt buộc' : 'Không bắt buộc', c.guide]);
}
