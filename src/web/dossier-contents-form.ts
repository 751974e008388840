import { FieldErrors } from '../common/errors/domain-error';
import { FormReader } from './form-input';
import { formatDate } from './view-helpers';

/**
 * The explanatory report's contents on the dossier page (TT12 Art. 8.3–8.5; ND331 Art. 21.2, 22.3–22.5): three tables
 * the officer fills row by row, without script. Each table shows its rows and two blank ones; a blank row is dropped
 * on saving, and saving adds two blank rows again ("thêm dòng").
 */
export interface ContentColumn {
  key: string;
  label: string;
  hint?: string;
  checkbox?: boolean;
}

export interface ContentTable {
  key: 'equipment' | 'applications' | 'networkZones';
  title: string;
  hint: string;
  columns: ContentColumn[];
}

export const CONTENT_TABLES: ContentTable[] = [
  {
    key: 'equipment',
    title: 'Danh mục thiết bị và thiết bị mạng chính',
    hint: 'Mỗi dòng một thiết bị: tên hoặc chủng loại, đặt ở đâu, dùng để làm gì. Đánh dấu thiết bị mạng chính (chuyển mạch lõi, tường lửa lõi, tường lửa ứng dụng web, lưu trữ tập trung, tường lửa cơ sở dữ liệu).',
    columns: [
      { key: 'name', label: 'Tên thiết bị/chủng loại' },
      { key: 'location', label: 'Vị trí triển khai' },
      { key: 'purpose', label: 'Mục đích sử dụng' },
      { key: 'mainNetworkDevice', label: 'Thiết bị mạng chính', checkbox: true },
    ],
  },
  {
    key: 'applications',
    title: 'Danh mục ứng dụng, dịch vụ',
    hint: 'Mỗi dòng một phần mềm hoặc dịch vụ hệ thống cung cấp: chạy trên máy chủ nào, máy chủ đặt ở đâu, hệ điều hành gì, dùng để làm gì.',
    columns: [
      { key: 'name', label: 'Tên ứng dụng/dịch vụ' },
      { key: 'server', label: 'Máy chủ triển khai' },
      { key: 'location', label: 'Vị trí triển khai' },
      { key: 'operatingSystem', label: 'Hệ điều hành máy chủ' },
      { key: 'purpose', label: 'Mục đích sử dụng' },
    ],
  },
  {
    key: 'networkZones',
    title: 'Quy hoạch vùng mạng và địa chỉ IP',
    hint: 'Mỗi dòng một vùng mạng (ví dụ vùng máy chủ công khai, vùng máy chủ nội bộ, vùng người dùng) với dải địa chỉ IP nội bộ và địa chỉ IP công khai nếu có.',
    columns: [
      { key: 'name', label: 'Vùng mạng' },
      { key: 'privateAddresses', label: 'Địa chỉ IP nội bộ (IP Private)', hint: 'ví dụ 10.10.20.0/24' },
      { key: 'publicAddresses', label: 'Địa chỉ IP công khai (IP Public)', hint: 'để trống nếu không có' },
    ],
  },
];

/** The free-text parts, each with its plain label; `levels45` ones are shown from level 4 on, `nd331` ones under ND331. */
export const CONTENT_TEXTS: { key: string; label: string; hint: string; levels45?: boolean; nd331?: boolean }[] = [
  {
    key: 'logicalModel',
    label: 'Mô hình lô-gic',
    hint: 'Các thành phần của hệ thống và cách chúng kết nối, trao đổi dữ liệu với nhau và với bên ngoài.',
  },
  {
    key: 'physicalModel',
    label: 'Mô hình vật lý',
    hint: 'Máy chủ, thiết bị đặt ở đâu (phòng máy, trung tâm dữ liệu, thuê dịch vụ), đường truyền kết nối.',
  },
  {
    key: 'preliminaryRisks',
    label: 'Nhận diện sơ bộ nguy cơ, rủi ro an ninh mạng chính',
    hint: 'Những nguy cơ chính có thể xảy ra với hệ thống và mức ảnh hưởng dự kiến (điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP).',
    nd331: true,
  },
  {
    key: 'relatedSystems',
    label: 'Các hệ thống liên quan, có kết nối',
    hint: 'Hệ thống khác kết nối tới hoặc ảnh hưởng quan trọng tới hoạt động của hệ thống này.',
    levels45: true,
  },
  {
    key: 'threats',
    label: 'Nguy cơ tấn công mạng và mức độ ảnh hưởng',
    hint: 'Hình thức tấn công có thể gặp và hậu quả với hệ thống.',
    levels45: true,
  },
  {
    key: 'publicImpact',
    label: 'Ảnh hưởng tới lợi ích công cộng, trật tự an toàn xã hội, quốc phòng, an ninh',
    hint: 'Phạm vi và mức độ ảnh hưởng khi hệ thống bị tấn công hoặc ngừng hoạt động.',
    levels45: true,
  },
  {
    key: 'continuousOperation',
    label: 'Yêu cầu vận hành 24/7',
    hint: 'Vì sao hệ thống phải chạy liên tục 24/7, không được ngừng ngoài kế hoạch; nếu không thuộc trường hợp này thì nêu lý do.',
    levels45: true,
  },
];

const DESIGN_FIELDS = ['title', 'approvalNumber', 'approvalDate', 'approvedBy'] as const;

type Row = Record<string, string | boolean | null | undefined>;

/** The inputs' values for the stored contents (rows numbered from 0). */
export function contentFormValues(description: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const t of CONTENT_TEXTS) values[`description.${t.key}`] = (description[t.key] as string | null | undefined) ?? '';
  for (const table of CONTENT_TABLES) {
    ((description[table.key] as Row[] | undefined) ?? []).forEach((row, i) => {
      for (const c of table.columns) {
        const value = row[c.key];
        values[`description.${table.key}.${i}.${c.key}`] = c.checkbox ? (value ? 'on' : '') : String(value ?? '');
      }
    });
  }
  const design = (description.designDocument as Record<string, string | null> | null | undefined) ?? {};
  for (const k of DESIGN_FIELDS)
    values[`description.designDocument.${k}`] = k === 'approvalDate' ? formatDate(design[k] ?? null) : (design[k] ?? '');
  return values;
}

/** How many rows each table shows: the rows typed or stored, and two blank ones. */
export function contentTableRows(values: Record<string, string>): Record<string, number> {
  return Object.fromEntries(
    CONTENT_TABLES.map((table) => {
      const pattern = new RegExp(`^description\\.${table.key}\\.(\\d+)\\.`);
      const last = Object.keys(values).reduce((max, k) => Math.max(max, Number(pattern.exec(k)?.[1] ?? -1)), -1);
      return [table.key, last + 1 + 2];
    }),
  );
}

/**
 * The contents as the API's DescriptionDto parts, and for each table which form row each sent row came from (so an
 * error on `description.equipment[0].name` is shown on the row the officer typed).
 */
export function contentsFromForm(
  f: FormReader,
  body: Record<string, unknown>,
): { parts: Record<string, unknown>; rowOf: Record<string, number[]> } {
  const parts: Record<string, unknown> = {};
  const rowOf: Record<string, number[]> = {};
  for (const t of CONTENT_TEXTS) if (f.raw(`description.${t.key}`) !== undefined) parts[t.key] = f.text(`description.${t.key}`, null);
  for (const table of CONTENT_TABLES) {
    const pattern = new RegExp(`^description\\.${table.key}\\.(\\d+)\\.`);
    const indices = [...new Set(Object.keys(body).flatMap((k) => (pattern.test(k) ? [Number(pattern.exec(k)![1])] : [])))].sort(
      (a, b) => a - b,
    );
    if (!indices.length && f.raw(`description.${table.key}.present`) === undefined) continue;
    const rows: Row[] = [];
    rowOf[table.key] = [];
    for (const i of indices) {
      const row: Row = {};
      for (const c of table.columns) {
        const name = `description.${table.key}.${i}.${c.key}`;
        if (c.checkbox) row[c.key] = f.raw(name) === 'on';
        else row[c.key] = f.text(name) ?? (c.key === 'publicAddresses' ? null : '');
      }
      const typed = table.columns.some((c) => !c.checkbox && row[c.key]);
      if (!typed) continue;
      rows.push(row);
      rowOf[table.key].push(i);
    }
    parts[table.key] = rows;
  }
  if (DESIGN_FIELDS.some((k) => f.raw(`description.designDocument.${k}`) !== undefined)) {
    parts.designDocument = {
      title: f.text('description.designDocument.title', null),
      approvalNumber: f.text('description.designDocument.approvalNumber', null),
      approvalDate: f.date('description.designDocument.approvalDate', null),
      approvedBy: f.text('description.designDocument.approvedBy', null),
    };
  }
  return { parts, rowOf };
}

/** The API names row errors by the sent position (description.equipment[0].name); the form by its own row. */
export function contentFieldErrors(errors: FieldErrors, rowOf: Record<string, number[]>): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const match = /^description\.(equipment|applications|networkZones)\[(\d+)\]\.(\w+)$/.exec(key);
    const row = match ? rowOf[match[1]]?.[Number(match[2])] : undefined;
    mapped[match && row !== undefined ? `description.${match[1]}.${row}.${match[3]}` : key] = messages;
  }
  return mapped;
}
