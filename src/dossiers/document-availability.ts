/**
 * Which official form a dossier may print at its stage, and why not (docs/legal/forms-03-05-07.md). Pure: the
 * documents service asks it before rendering and answers 409 DOCUMENT_NOT_AVAILABLE with the reason.
 */
import type { Regime } from '../classification/rules/classification.types';
import type { ProcedurePath } from './dossier-path';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier-status';

export interface DocumentAvailabilityFacts {
  regime: Regime;
  path: ProcedurePath;
  status: string;
  proposedLevel: number;
  appraisal: { conclusion: 'SUITABLE' | 'NOT_SUITABLE' } | null;
  hasDecision: boolean;
  hasPlanDecision: boolean;
}

/** Mẫu 05 follows a "phù hợp" appraisal: from APPRAISED on (ND331 Art. 24.1: the approval file holds the appraisal opinion). */
const APPRAISED_OR_LATER: readonly string[] = ['APPRAISED', 'AWAITING_APPROVAL', 'AWAITING_LISTING', 'APPROVED', 'SUPERSEDED'];

/** The article of Decree 331, or Decree 85 named without an article (its text has not been checked, see the legal note). */
function basis(regime: Regime, nd331: string): string {
  return regime === 'ND331' ? `${nd331} Nghị định 331/2026/NĐ-CP` : 'Nghị định 85/2016/NĐ-CP, theo trình tự tương ứng';
}

/** Why the form cannot be printed for this dossier now, in Vietnamese; undefined when it can. */
export function documentUnavailableReason(form: string, d: DocumentAvailabilityFacts): string | undefined {
  const national = d.path === 'NATIONAL_LIST';
  switch (form) {
    case 'mau-01':
      return d.proposedLevel > 2 ? 'Mẫu 01 dùng cho hồ sơ cấp độ 1, 2; hồ sơ này dùng Mẫu 02.' : undefined;
    case 'mau-02':
      return d.proposedLevel <= 2 ? 'Mẫu 02 dùng cho hồ sơ cấp độ 3 trở lên; hồ sơ này dùng Mẫu 01.' : undefined;
    case 'mau-03':
      if (d.path === 'MINISTRY' || national) return undefined;
      return (
        'Mẫu 03 chỉ dùng cho hệ thống đề xuất cấp độ 4, 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia ' +
        `(${basis(d.regime, 'điểm d khoản 1 Điều 20')}).`
      );
    case 'mau-04':
      return d.appraisal ? undefined : 'Hồ sơ chưa có ý kiến thẩm định.';
    case 'mau-05':
      if (d.path === 'UNIT') {
        return (
          'Mẫu 05 (Tờ trình) không dùng cho hồ sơ này: cấp độ 1, 2 do đơn vị chuyên trách phê duyệt, không lập Tờ trình ' +
          `(${basis(d.regime, 'khoản 1 Điều 18, điểm a khoản 3 Điều 20')}).`
        );
      }
      if (!APPRAISED_OR_LATER.includes(d.status) || d.appraisal?.conclusion !== 'SUITABLE') {
        const label = DOSSIER_STATUS_LABELS[d.status as DossierStatus] ?? d.status;
        return (
          'Tờ trình phê duyệt (Mẫu 05) chỉ lập sau khi hồ sơ được thẩm định là phù hợp (Mẫu 04) ' +
          `(${basis(d.regime, 'khoản 1 Điều 24')}); hồ sơ đang ở trạng thái “${label}”.`
        );
      }
      return undefined;
    case 'mau-06':
      if (national) {
        return (
          'Hệ thống cấp độ 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia không phê duyệt cấp độ bằng ' +
          'Mẫu 06: chủ quản phê duyệt phương án (Mẫu 07), Thủ tướng Chính phủ phê duyệt Danh mục ' +
          `(${basis(d.regime, 'điểm d, đ khoản 3 Điều 18')}).`
        );
      }
      return d.hasDecision ? undefined : 'Hồ sơ chưa được phê duyệt.';
    case 'mau-07':
      if (!national) {
        return (
          'Mẫu 07 chỉ dùng cho hệ thống cấp độ 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia, ' +
          `do chủ quản phê duyệt phương án (${basis(d.regime, 'điểm d khoản 3 Điều 18, khoản 4 Điều 20')}); ` +
          'hồ sơ này được phê duyệt cấp độ bằng Mẫu 06.'
        );
      }
      if (d.hasPlanDecision) return undefined;
      return `Chủ quản chưa phê duyệt phương án bảo đảm ${d.regime === 'ND331' ? 'an ninh mạng' : 'an toàn thông tin'} của hệ thống (Mẫu 07).`;
    default:
      return undefined;
  }
}
