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
 * `priorDecisionEvery: n`: every n-th row (the first included) declares a level-2 decision made before capdo, which
 * the import records as a claim to confirm (src/systems/prior-approvals); otherwise no row declares one.
 */
export function inventoryWorkbook(
  agencies: readonly AgencyCode[],
  rows: number,
  run: string,
  options: { priorDecisionEvery?: number } = {},
): Promise<Buffer> {
  const data = Array.from({ length: rows }, (_, i) => {
    const owner = agencies[i % agencies.length];
    const prior = options.priorDecisionEvery !== undefined && i % options.priorDecisionEvery === 0;
    const system: SheetSystem = {
      ...EXAMPLE_SYSTEM,
      ownerAgencyCode: owner.code,
      code: `NK${run}-${String(i + 1).padStart(5, '0')}`,
      name: `${KINDS[i % KINDS.length]} số ${i + 1} ${owner.name}`,
      description: `Hệ thống số ${i + 1}: cung cấp thông tin, văn bản chỉ đạo điều hành cho người dân và doanh nghiệp; tiếp nhận hồ sơ, trả kết quả thủ tục hành chính của ${owner.name}.`,
      approvedLevel: prior ? 2 : null,
      approvalDecisionNumber: prior ? `${i + 1}/QĐ-UBND` : null,
      approvalDecisionDate: prior ? '2024-09-30' : null,
      approvalDecisionIssuer: prior ? 'UBND tỉnh' : null,
    };
    return formatSystemRow(system);
  });
  return buildSystemWorkbook(data, agencies);
}
