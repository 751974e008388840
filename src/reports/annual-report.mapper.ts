import type { DossierStatus } from '../dossiers/dossier-status';
import { DeploymentStatus, INSPECTION_KIND_LABELS } from '../systems/system-enums';
import { AnnualSystemRow } from './annual-report.query';
import { Mau08SystemRowDto } from './dto/annual-report.dto';
import {
  deploymentLabel,
  expectedFullDeployment,
  inspectionColumn,
  Mau08Facts,
  MAU08_STATUS_LABELS,
  mau08Status,
  ReportingPeriod,
} from './mau08';

/** What a system's column 6 and its summary facts are read from: one system's row, or one group of the national query. */
export interface Mau08FactInput {
  /** The current dossier's workflow state on the figures date (neither withdrawn nor superseded). */
  currentState: DossierStatus | null;
  /** It holds an approved level on the figures date: a dossier's decision, or one recorded on the system. */
  holdsApproval: boolean;
  approvedLevel: number | null;
  deploymentStatus: DeploymentStatus;
  hadDossier: boolean;
  inspected: boolean;
  inspectedInPeriod: boolean;
  submittedInPeriod: boolean;
  /** The day of the approval it holds falls within the period, up to the figures date. */
  approvedOnInPeriod: boolean;
}

/** The facts the Mẫu 08 summary counts, with column 6 (`mau08Status`). */
export function mau08Facts(input: Mau08FactInput): Mau08Facts {
  const status = mau08Status(input.currentState, input.holdsApproval);
  return {
    status,
    classified: input.hadDossier || input.holdsApproval,
    approvedLevel: input.approvedLevel,
    deploymentStatus: input.deploymentStatus,
    inspected: input.inspected,
    inspectedInPeriod: input.inspectedInPeriod,
    submittedInPeriod: input.submittedInPeriod,
    approvedInPeriod: status === 'APPROVED' && input.approvedOnInPeriod,
  };
}

/** One system as a Mẫu 08 row, and the facts the summary counts, as of `asOf` within `period`. */
export function mapAnnualRow(
  row: AnnualSystemRow,
  stt: number,
  period: ReportingPeriod,
  asOf: string,
): { dto: Mau08SystemRowDto; facts: Mau08Facts } {
  // Column 7: the approval by a dossier on or before asOf, else a decision recorded on the system by then.
  const recorded = row.recordedDecisionDate && row.recordedDecisionDate <= asOf && row.recordedLevel !== null;
  const decision = row.approvedDecision
    ? { number: row.approvedDecision.number, date: row.approvedDecision.date, issuer: row.approvedDecision.issuer ?? '' }
    : recorded
      ? { number: row.recordedDecisionNumber!, date: row.recordedDecisionDate!, issuer: row.recordedDecisionIssuer ?? '' }
      : null;
  const approvedLevel = row.approvedDecision?.level ?? (recorded ? row.recordedLevel : null);
  const approvedOn = row.approvedOn ?? (recorded ? row.recordedDecisionDate : null);
  const status = mau08Status(row.currentState, decision !== null);
  const inspections = (row.inspections ?? []).filter((i) => i.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  const last = inspections.at(-1) ?? null;
  const dto: Mau08SystemRowDto = {
    stt,
    systemId: row.id,
    code: row.code,
    name: row.name,
    ownerName: row.ownerName ?? '',
    operatorName: row.operatorName ?? '',
    // Column 5: the level the current dossier proposes; for a level approved without one here, that level.
    proposedLevel: row.currentProposedLevel ?? approvedLevel,
    approvedLevel,
    status,
    statusLabel: status ? MAU08_STATUS_LABELS[status] : '',
    workflowState: row.currentState,
    decision,
    internalRegulation: row.regulationNumber ? { number: row.regulationNumber, date: row.regulationDate } : null,
    // Column 10 is the system's current record, derived from its live plan items once it has any (src/plan-items);
    // the registry keeps no history of it.
    deploymentStatus: row.deploymentStatus,
    deploymentStatusLabel: deploymentLabel(row.deploymentStatus),
    // Column 11: the items' latest planned date among open items; before any item existed, the approved plan's dates.
    expectedFullDeploymentOn:
      row.deploymentStatus === 'FULL'
        ? null
        : row.hasPlanItems
          ? row.deploymentExpectedOn
          : expectedFullDeployment(row.approvedPlan ?? row.currentPlan),
    inspectionStatus: inspectionColumn(inspections.map((i) => i.kind)),
    lastInspection: last
      ? { date: last.date, kind: last.kind, kindLabel: INSPECTION_KIND_LABELS[last.kind], performer: last.performer }
      : null,
  };
  const within = (day: string | null) => day !== null && day >= period.from && day <= asOf;
  const facts = mau08Facts({
    currentState: row.currentState,
    holdsApproval: decision !== null,
    approvedLevel,
    deploymentStatus: row.deploymentStatus,
    hadDossier: row.hadDossier,
    inspected: inspections.length > 0,
    inspectedInPeriod: inspections.some((i) => within(i.date)),
    submittedInPeriod: within(row.lastFirstSubmittedOn),
    approvedOnInPeriod: within(approvedOn),
  });
  return { dto, facts };
}
