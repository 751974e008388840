import { EXAMPLE_SYSTEM, SheetSystem } from '../../src/systems/import-export/system-columns';
import { formatSystemRow } from '../../src/systems/import-export/system-sheet';
import { buildSystemWorkbook } from '../../src/systems/import-export/system-workbook';

export interface AgencyCode {
  code: string;
  name: string;
}

const KINDS = ['Phần mềm quản lý hồ sơ', 'Cơ sở dữ liệu chuyên ngành', 'Hệ thống báo cáo', 'Cổng thông tin', 'Phần mềm một cửa'];

/**
 * The import template (system-workbook.ts) filled with `rows` new systems spread over `agencies`, as a user who
 * downloaded it, filled it in and uploads it: every column of the template, a description of about 200 characters.
 */
export function inventoryWorkbook(agencies: readonly AgencyCode[], rows: number, run: string): Promise<Buffer> {
  const data = Array.from({ length: rows }, (_, i) => {
    const owner = agencies[i % agencies.length];
    const system: SheetSystem = {
      ...EXAMPLE_SYSTEM,
      ownerAgencyCode: owner.code,
      code: `NK${run}-${String(i + 1).padStart(5, '0')}`,
      name: `${KINDS[i % KINDS.length]} số ${i + 1} ${owner.name}`,
      description: `Hệ thống số ${i + 1}: cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp; tiếp nhận hồ sơ, trả kết quả thủ tục hành chính của ${owner.name}.`,
      approvedLevel: null,
      approvalDecisionNumber: null,
      approvalDecisionDate: null,
      approvalDecisionIssuer: null,
    };
    return formatSystemRow(system);
  });
  return buildSystemWorkbook(data, agencies);
}
