import type { PlanEntry } from '../dossiers/dossier-plan';
import type { PlanSectionKey } from '../dossiers/dossier-plan';
import { PlanItemStatus } from './deployment-status';
import { requirementByCode, sectionOf } from './plan-item-sections';

/** One item as the approved dossier's plan declared it. */
export interface NewPlanItem {
  requirementId: string;
  section: PlanSectionKey;
  title: string;
  measure: string;
  plannedDate: string | null;
  status: PlanItemStatus;
  reason: string | null;
  /** "Kê khai khi phê duyệt": done by the owner's own declaration in the dossier, not by a later record with evidence. */
  declaredAtApproval: boolean;
}

const NO_REASON = 'Không áp dụng theo Hồ sơ đề xuất cấp độ đã được phê duyệt.';

/**
 * The items of an approved plan, one per requirement the dossier answered (TT12 Art. 14.9; ND331 Art. 36.10: "theo từng
 * tiêu chí, yêu cầu ... đã đáp ứng đầy đủ/chưa đáp ứng đầy đủ; kế hoạch hoặc lộ trình"): IMPLEMENTED → DONE, declared at
 * approval; PLANNED → NOT_STARTED with its planned date; NOT_APPLICABLE → with its reason. In the catalogue's order.
 */
export function itemsFromPlan(planEntries: Record<string, PlanEntry> | null | undefined, catalogueId: string): NewPlanItem[] {
  return Object.entries(planEntries ?? {}).map(([code, entry]) => {
    const requirement = requirementByCode(catalogueId, code);
    const status: PlanItemStatus =
      entry.status === 'IMPLEMENTED' ? 'DONE' : entry.status === 'NOT_APPLICABLE' ? 'NOT_APPLICABLE' : 'NOT_STARTED';
    return {
      requirementId: code,
      section: sectionOf(requirement),
      title: requirement?.title ?? code,
      measure: entry.description?.trim() ?? '',
      plannedDate: entry.status === 'PLANNED' ? (entry.plannedDate ?? null) : null,
      status,
      reason: status === 'NOT_APPLICABLE' ? entry.reason?.trim() || NO_REASON : null,
      declaredAtApproval: status === 'DONE',
    };
  });
}
