/**
 * Which procedure a dossier follows, by its proposed level and whether the system is on the List of information
 * systems important to national security (Decree 331/2026 Arts. 16–18, 20; Decree 85/2016 Arts. 12, 14 as read in
 * docs/legal/competence-by-level.md). Pure: the workflow, the forms and the pages read the same answer.
 */
import type { Regime } from '../classification/rules/classification.types';

/**
 * - UNIT: levels 1–2, the owner's specialised unit appraises and approves (ND331 Art. 18.1, 20.3.a).
 * - OWNER: level 3, the specialised unit appraises, the owner approves on a Tờ trình (Art. 18.2, 20.3.b).
 * - MINISTRY: level 4, the specialised unit's professional opinion (Mẫu 03), the owner submits to the ministry, the
 *   owner approves on a Tờ trình (Art. 18.3.a–d, 20.1.d, 20.3.b).
 * - NATIONAL_LIST: level 5, or a level 3–4 system on the List (Art. 20.4): as MINISTRY up to the appraisal, then the
 *   owner approves the security plan (Mẫu 07) and the Prime Minister approves the List (Art. 18.3.d–đ, 20.3.c).
 */
export const PROCEDURE_PATHS = ['UNIT', 'OWNER', 'MINISTRY', 'NATIONAL_LIST'] as const;
export type ProcedurePath = (typeof PROCEDURE_PATHS)[number];

export const PROCEDURE_PATH_LABELS: Record<ProcedurePath, string> = {
  UNIT: 'Cấp độ 1, 2: đơn vị chuyên trách của chủ quản thẩm định và phê duyệt',
  OWNER: 'Cấp độ 3: đơn vị chuyên trách thẩm định, chủ quản phê duyệt theo Tờ trình',
  MINISTRY: 'Cấp độ 4: xin ý kiến chuyên môn, chủ quản gửi Bộ thẩm định, chủ quản phê duyệt theo Tờ trình',
  NATIONAL_LIST:
    'Cấp độ 5 hoặc thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia: chủ quản phê duyệt phương án, Thủ tướng Chính phủ phê duyệt Danh mục',
};

export interface PathFacts {
  proposedLevel: number;
  regime: Regime;
  /** The system meets an Art. 16 criterion or its listing was requested (Art. 17); only read under Decree 331. */
  onNationalList: boolean;
}

export function procedurePath(d: PathFacts): ProcedurePath {
  if (d.proposedLevel >= 5) return 'NATIONAL_LIST';
  // ND331 Art. 20.4: a level 3 or 4 system on the List follows the level-5 procedure. The List is Decree 331's.
  if (d.proposedLevel >= 3 && d.onNationalList && d.regime === 'ND331') return 'NATIONAL_LIST';
  if (d.proposedLevel === 4) return 'MINISTRY';
  if (d.proposedLevel === 3) return 'OWNER';
  return 'UNIT';
}

/** ND331 Art. 20.1.d, 21.5: the operator first asks the owner's specialised unit for its professional opinion (Mẫu 03). */
export function needsProfessionalOpinion(path: ProcedurePath): boolean {
  return path === 'MINISTRY' || path === 'NATIONAL_LIST';
}

/** ND331 Art. 20.3.b–c: from level 3 the operator submits the approval to the owner with a Tờ trình (Mẫu 05). */
export function needsApprovalRequest(path: ProcedurePath): boolean {
  return path !== 'UNIT';
}

/** ND331 Art. 18.3.d–đ, 20.3.c: the owner approves the security plan (Mẫu 07); the level comes with the List. */
export function approvesPlanNotLevel(path: ProcedurePath): boolean {
  return path === 'NATIONAL_LIST';
}
