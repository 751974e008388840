import { PROCEDURE_PATH_LABELS } from './dossier-path';
import { onNationalList, pathOf } from './dossier-procedure';
import { Requirement } from '../requirements/catalogues/requirement.types';
import { AttachmentDto, DossierDto, DossierSummaryDto, PlanItemDto, WorkflowStateDto } from './dto/dossier.dto';
import { DossierAttachment } from './dossier-attachment.entity';
import { DossierAction } from './dossier-actions';
import { ATTACHMENT_KIND_LABELS, DESIGN_KIND_LABELS, PLAN_ENTRY_STATUS_LABELS, PLAN_SECTIONS } from './dossier-plan';
import { DossierStatus, statusLabel } from './dossier-status';
import { Dossier } from './dossier.entity';
import { appraisalDueLabel, DUE_KIND_LABELS, DueKind, isOverdue, mayReturnForSupplement, validityDueLabel } from './dossier-due';

export interface Ref {
  id: string;
  code: string;
  name: string;
}

export function mapAttachment(a: DossierAttachment): AttachmentDto {
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: ATTACHMENT_KIND_LABELS[a.kind],
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

/** The catalogue's requirements for the proposed level, each with the dossier's answer (or none yet). */
export function mapPlan(dossier: Dossier, requirements: readonly Requirement[]): PlanItemDto[] {
  return requirements.map((r) => {
    const entry = dossier.planEntries[r.code];
    return {
      code: r.code,
      kind: r.kind,
      groupName: r.groupName,
      title: r.title,
      tcvnClause: r.tcvnClause,
      status: entry?.status ?? null,
      statusLabel: entry ? PLAN_ENTRY_STATUS_LABELS[entry.status] : null,
      plannedDate: entry?.plannedDate ?? null,
      reason: entry?.reason ?? null,
      description: entry?.description ?? null,
    };
  });
}

export function mapWorkflow(d: Dossier, today: string): WorkflowStateDto {
  const path = pathOf(d);
  return {
    currentRevision: d.currentRevision,
    appraiserName: d.appraiserName,
    appraiserAgencyId: d.appraiserAgencyId,
    approverName: d.approverName,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    receivedOn: d.receivedOn,
    dueOn: d.dueOn,
    dueKind: d.dueKind,
    dueKindLabel: d.dueKind ? DUE_KIND_LABELS[d.dueKind as DueKind] : null,
    overdue: isOverdue(d.dueOn, today),
    validityDueOn: d.validityDueOn,
    validityDueLabel: d.validityDueOn ? validityDueLabel(d.regime) : null,
    appraisalDueOn: d.appraisalDueOn,
    appraisalDueLabel: d.appraisalDueOn ? appraisalDueLabel(d.regime, d.proposedLevel) : null,
    returnOpen: mayReturnForSupplement(d.validityDueOn, today),
    // Filled by the query service, which reads the calendar (calendar/unconfirmed-days.ts).
    unconfirmedDays: [],
    calendarWarning: null,
    returnItems: d.returnItems,
    returnItemsDone: d.returnItemsDone ?? [],
    appraisal: d.appraisal,
    decision: d.decision,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    procedurePath: path,
    procedurePathLabel: PROCEDURE_PATH_LABELS[path],
    onNationalList: onNationalList(d) || d.proposedLevel === 5,
    specialisedUnitAgencyId: d.specialisedUnitAgencyId,
    specialisedUnitName: d.specialisedUnitName,
    opinionRequest: d.opinionRequest,
    approvalRequest: d.approvalRequest,
    planDecision: d.planDecision,
    nationalListing: d.nationalListing,
    independentAppraiser: d.independentAppraiser,
  };
}

export function mapDossier(
  dossier: Dossier,
  refs: { system: Ref; owner: Ref; operator: Ref },
  requirements: readonly Requirement[],
  attachments: DossierAttachment[],
  today: string,
  /** For the user who asked; left out of what a revision freezes. */
  availableActions?: DossierAction[],
): DossierDto {
  return {
    id: dossier.id,
    ...refs,
    provinceCode: dossier.provinceCode,
    status: dossier.status,
    statusLabel: statusLabel(dossier.status as DossierStatus),
    regime: dossier.regime,
    rulebookVersion: dossier.rulebookVersion,
    catalogueId: dossier.catalogueId,
    transitionalProject: dossier.transitionalProject,
    classification: dossier.classification,
    computedLevel: dossier.computedLevel,
    levelUndetermined: dossier.levelUndetermined,
    proposedLevel: dossier.proposedLevel,
    levelJustification: dossier.levelJustification,
    noteToAppraiser: dossier.noteToAppraiser,
    designKind: dossier.designKind,
    designKindLabel: DESIGN_KIND_LABELS[dossier.designKind],
    description: dossier.description,
    planSections: PLAN_SECTIONS.map((s) => ({ key: s.key, title: s.title, text: dossier.planSections[s.key] ?? '' })),
    plan: mapPlan(dossier, requirements),
    expertOpinion: dossier.expertOpinion,
    attachments: attachments.map(mapAttachment),
    workflow: mapWorkflow(dossier, today),
    ...(availableActions ? { availableActions } : {}),
    version: dossier.version,
    createdAt: dossier.createdAt.toISOString(),
    updatedAt: dossier.updatedAt.toISOString(),
  };
}

export function mapDossierSummary(dossier: Dossier, refs: { system: Ref; owner: Ref }, today: string): DossierSummaryDto {
  return {
    id: dossier.id,
    ...refs,
    status: dossier.status,
    statusLabel: statusLabel(dossier.status as DossierStatus),
    regime: dossier.regime,
    proposedLevel: dossier.proposedLevel,
    dueOn: dossier.dueOn,
    overdue: isOverdue(dossier.dueOn, today),
    version: dossier.version,
    updatedAt: dossier.updatedAt.toISOString(),
  };
}
