import { PLAN_SECTIONS } from '../dossiers/dossier-plan';
import { DEPLOYMENT_STATUS_LABELS } from '../systems/system-enums';
import { deriveDeployment, PLAN_ITEM_STATUS_LABELS } from './deployment-status';
import { PlanItemDto, PlanItemEvidenceDto, SystemPlanDto } from './dto/plan-item.dto';
import { byUrgency, isOverdue } from './plan-item-rules';
import { sectionLetter, sectionTitle } from './plan-item-sections';
import { EvidenceRow, PlanItemRow } from './plan-items.query';

export function mapEvidence(e: EvidenceRow): PlanItemEvidenceDto {
  return {
    id: e.id,
    fileName: e.file_name,
    mediaType: e.media_type,
    sizeBytes: e.size_bytes,
    sha256: e.sha256,
    uploadedBy: e.uploaded_by,
    uploadedAt: new Date(e.uploaded_at).toISOString(),
  };
}

export function mapPlanItem(row: PlanItemRow, evidence: EvidenceRow[], today: string): PlanItemDto {
  return {
    id: row.id,
    systemId: row.system_id,
    dossierId: row.dossier_id,
    requirementId: row.requirement_id,
    section: row.section,
    sectionTitle: sectionTitle(row.section),
    title: row.title,
    measure: row.measure,
    responsibleUnit: row.responsible_unit,
    plannedDate: row.planned_date,
    status: row.status,
    statusLabel: PLAN_ITEM_STATUS_LABELS[row.status],
    reason: row.reason,
    doneOn: row.done_on,
    declaredAtApproval: row.declared_at_approval,
    overdue: isOverdue({ status: row.status, plannedDate: row.planned_date }, today),
    version: row.version,
    evidence: evidence.filter((e) => e.plan_item_id === row.id).map(mapEvidence),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The system's plan: the seven sections a–g in the decree's order, each with its items, most urgent first. */
export function mapSystemPlan(systemId: string, rows: PlanItemRow[], evidence: EvidenceRow[], today: string): SystemPlanDto {
  const items = rows.map((r) => mapPlanItem(r, evidence, today)).sort(byUrgency(today));
  const derived = rows.length ? deriveDeployment(items) : null;
  return {
    systemId,
    dossierId: rows[0]?.dossier_id ?? null,
    deploymentStatus: derived?.status ?? null,
    deploymentStatusLabel: derived ? DEPLOYMENT_STATUS_LABELS[derived.status] : null,
    expectedOn: derived?.expectedOn ?? null,
    counts: derived?.counts ?? { NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, NOT_APPLICABLE: 0 },
    applicable: derived?.applicable ?? 0,
    overdue: items.filter((i) => i.overdue).length,
    sections: PLAN_SECTIONS.map((s) => ({
      key: s.key,
      letter: sectionLetter(s.key),
      title: s.title,
      items: items.filter((i) => i.section === s.key),
    })),
  };
}
