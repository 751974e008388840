/**
 * The dossier page's "Bước tiếp theo": who acts next on the dossier and what, in plain Vietnamese, from its status and
 * its procedure (Decree 331/2026 Arts. 18, 20; docs/legal/dossier-pages.md). Pure: the page prints it, the spec pins it.
 */
import type { ProcedurePath } from '../dossiers/dossier-path';

export interface NextStepFacts {
  status: string;
  path: ProcedurePath;
  regime: string;
  proposedLevel: number;
  ownerName: string;
  appraiserName: string | null;
  approverName: string | null;
  specialisedUnitName: string | null;
}

/** Where the owner itself approves (its leadership), unless the routing named another approving body. */
function approver(d: NextStepFacts): string {
  return d.approverName && d.approverName !== d.ownerName ? d.approverName : `Lãnh đạo ${d.ownerName}`;
}

/** The next step, or null once the dossier has ended (approved, withdrawn, superseded). */
export function nextStep(d: NextStepFacts): string | null {
  const viaOwner = d.path === 'MINISTRY' || d.path === 'NATIONAL_LIST';
  const specialist = d.specialisedUnitName ? `Đơn vị chuyên trách ${d.specialisedUnitName}` : 'Đơn vị chuyên trách của chủ quản';
  const appraiser = d.appraiserName ?? 'Cơ quan thẩm định';
  const plan = d.regime === 'ND85' ? 'an toàn thông tin' : 'an ninh mạng';
  switch (d.status) {
    case 'DRAFT':
      // Art. 20.1.d: levels 4–5 first ask the specialised unit (Mẫu 03); levels 1–3 are sent to the appraiser (Mẫu 01/02).
      if (viaOwner) return `Đơn vị vận hành hoàn thiện hồ sơ, xin ý kiến chuyên môn của ${lower(specialist)} (Mẫu 03)`;
      return `Đơn vị vận hành hoàn thiện hồ sơ, gửi thẩm định (${d.proposedLevel <= 2 ? 'Mẫu 01' : 'Mẫu 02'})`;
    case 'RETURNED':
      if (viaOwner) return `Đơn vị vận hành bổ sung hồ sơ; lãnh đạo ${d.ownerName} gửi lại cơ quan thẩm định (Mẫu 02)`;
      return 'Đơn vị vận hành bổ sung hồ sơ theo yêu cầu và gửi lại';
    case 'AWAITING_OPINION':
      return `${specialist} cho ý kiến chuyên môn`;
    case 'OPINION_GIVEN':
      return `Lãnh đạo ${d.ownerName} gửi hồ sơ đến cơ quan thẩm định (Mẫu 02 đứng tên chủ quản)`;
    case 'SUBMITTED':
      return `${appraiser} kiểm tra tính hợp lệ: tiếp nhận hoặc yêu cầu bổ sung`;
    case 'UNDER_APPRAISAL':
      return `${appraiser} thẩm định (Mẫu 04)`;
    case 'APPRAISED':
      // Art. 18.1: levels 1–2 are approved by the unit that appraised; from level 3 the operator submits a Tờ trình.
      if (d.path === 'UNIT') return `${d.approverName ?? appraiser} phê duyệt cấp độ (Mẫu 06)`;
      return d.path === 'NATIONAL_LIST'
        ? 'Đơn vị vận hành trình chủ quản phê duyệt phương án (Tờ trình, Mẫu 05)'
        : 'Đơn vị vận hành trình chủ quản phê duyệt (Tờ trình, Mẫu 05)';
    case 'AWAITING_APPROVAL':
      // Art. 18.3.d: for level 5 (and the List) the owner approves the security plan, not the level.
      if (d.path === 'NATIONAL_LIST') return `Lãnh đạo ${d.ownerName} phê duyệt phương án bảo đảm ${plan} (Mẫu 07)`;
      return `${approver(d)} phê duyệt cấp độ (Mẫu 06)`;
    case 'AWAITING_LISTING':
      return 'Thủ tướng Chính phủ phê duyệt Danh mục hệ thống thông tin quan trọng về an ninh quốc gia; quản trị viên ghi nhận quyết định';
    default:
      return null;
  }
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
