import { DEPLOYMENT_STATUS_LABELS, DeploymentStatus, INSPECTION_KIND_LABELS, InspectionKind } from '../systems/system-enums';
import { DossierStatus } from '../dossiers/dossier-status';
import { rate } from './report-tiers';

/**
 * The annual report on systems by level: Mẫu 08 of Decree 331/2026 (legal brief §6.4, "Workflow": approval-rate
 * report). Pure rules: the reporting period, the column-6 status vocabulary and the summary counts.
 *
 * From the brief: the data period (15/12 of the previous year to 14/12), the deadlines (units → owner before 20/12,
 * owner → MPS before 25/12), the summary counts, the twelve columns of the per-system table, the column-6 and
 * column-10 vocabularies, column 12 ("Trước khi đưa vào sử dụng" and/or "Định kỳ", blank if none),
 * % approved = approved ÷ total, and "% fully deployed".
 * Our reading where the brief is silent is marked "Reading:" next to the rule it shapes.
 */

/** Art. 35–36 ND331 / Art. 13–14 TT12: data from 15 December of the previous year to 14 December of the year. */
export interface ReportingPeriod {
  year: number;
  from: string;
  to: string;
  /** Specialised and operating units report to the owner before this day. */
  unitsReportBy: string;
  /** The owner reports to the Ministry of Public Security before this day. */
  ownerReportBy: string;
}

export function annualPeriod(year: number): ReportingPeriod {
  return { year, from: `${year - 1}-12-15`, to: `${year}-12-14`, unitsReportBy: `${year}-12-20`, ownerReportBy: `${year}-12-25` };
}

/** The reporting year a day falls in: from 15 December a day belongs to the next year's report. */
export function reportingYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '12-15' ? year + 1 : year;
}

/**
 * The day the figures are taken at: the end of the period, or today while the period is still running.
 * Null when the period has not started yet.
 */
export function figuresDate(period: ReportingPeriod, today: string): string | null {
  if (today < period.from) return null;
  return today < period.to ? today : period.to;
}

/** Column 6, the brief's four words (Mẫu 08 of ND331). */
export const MAU08_STATUSES = ['DRAFTING', 'SUBMITTED', 'APPRAISED', 'APPROVED'] as const;
export type Mau08Status = (typeof MAU08_STATUSES)[number];
export const MAU08_STATUS_LABELS: Record<Mau08Status, string> = {
  DRAFTING: 'Đang dự thảo',
  SUBMITTED: 'Đã gửi thẩm định',
  APPRAISED: 'Đã thẩm định',
  APPROVED: 'Đã được phê duyệt',
};

/**
 * Column 6 for a system, from its current dossier's workflow state and whether it held an approved level.
 * From the brief: DRAFT → "Đang dự thảo", SUBMITTED → "Đã gửi thẩm định", APPRAISED → "Đã thẩm định",
 * APPROVED → "Đã được phê duyệt"; RETURNED and UNDER_APPRAISAL count as "Đã gửi thẩm định".
 * Reading: a system that holds an approved level stays "Đã được phê duyệt" while a re-determination dossier is being
 * prepared (its level is still in force, ND85 Art. 18 / ND331 Art. 25); a withdrawn dossier leaves the column blank,
 * like a system with no dossier.
 */
export function mau08Status(currentState: DossierStatus | null, holdsApprovedLevel: boolean): Mau08Status | null {
  if (holdsApprovedLevel) return 'APPROVED';
  switch (currentState) {
    // Levels 4–5: still with the operator and the owner (the professional opinion) until the owner sends it (ND331 Art. 20.1.d).
    case 'DRAFT':
    case 'AWAITING_OPINION':
    case 'OPINION_GIVEN':
      return 'DRAFTING';
    case 'SUBMITTED':
    case 'RETURNED':
    case 'UNDER_APPRAISAL':
      return 'SUBMITTED';
    // Appraised and waiting for the owner's decision (the Tờ trình) or for the Prime Minister's List (Art. 20.3).
    case 'APPRAISED':
    case 'AWAITING_APPROVAL':
    case 'AWAITING_LISTING':
      return 'APPRAISED';
    case 'APPROVED':
    case 'SUPERSEDED':
      return 'APPROVED';
    default:
      // WITHDRAWN, or no dossier.
      return null;
  }
}

/** Column 12: the kinds of inspection recorded, in the brief's words ("Đột xuất" is not one of them). */
export function inspectionColumn(kinds: readonly InspectionKind[]): string {
  return (['BEFORE_GO_LIVE', 'PERIODIC'] as const)
    .filter((k) => kinds.includes(k))
    .map((k) => INSPECTION_KIND_LABELS[k])
    .join('; ');
}

export function deploymentLabel(status: DeploymentStatus): string {
  return DEPLOYMENT_STATUS_LABELS[status];
}

/** What the summary needs of each system row. */
export interface Mau08Facts {
  status: Mau08Status | null;
  /** Reading: "classified (type determined)" = a dossier was ever prepared for it, or it holds an approved level. */
  classified: boolean;
  approvedLevel: number | null;
  deploymentStatus: DeploymentStatus;
  /** Inspections recorded on or before the figures date, and within the period. */
  inspected: boolean;
  inspectedInPeriod: boolean;
  submittedInPeriod: boolean;
  approvedInPeriod: boolean;
}

export interface Mau08Summary {
  systems: number;
  classified: number;
  dossiersBuilt: number;
  appraised: number;
  approved: number;
  approvedAndInspected: number;
  approvedAndInspectedInPeriod: number;
  byLevel: Record<string, number>;
  byStatus: Record<Mau08Status, number>;
  deployment: Record<DeploymentStatus, number>;
  fullyDeployed: number;
  /** approved ÷ systems, in %. */
  approvalRate: number | null;
  /** Reading: approved systems whose plan is fully deployed ÷ approved systems, in % (a plan exists once approved). */
  fullDeploymentRate: number | null;
  duringPeriod: { submitted: number; approved: number };
}

/**
 * The summary counts. Cumulative: each is a stage reached, so approved ≤ appraised ≤ dossiers built ≤ classified ≤
 * systems. Reading: "dossiers built" counts systems whose dossier is at any column-6 stage (one current dossier per
 * system; a level approved before the registry existed had its dossier too); "appraised" counts "Đã thẩm định" and
 * "Đã được phê duyệt".
 */
export function summarize(rows: readonly Mau08Facts[]): Mau08Summary {
  return summarizeCounted(rows.map((facts) => ({ facts, count: 1 })));
}

/**
 * The same summary from groups of systems that share their facts (`count` systems each): how the national report
 * sums the country's systems without a row per system (the same rules, the same figures as `summarize`).
 */
export function summarizeCounted(groups: readonly { facts: Mau08Facts; count: number }[]): Mau08Summary {
  const count = (p: (r: Mau08Facts) => boolean) => groups.reduce((n, g) => n + (p(g.facts) ? g.count : 0), 0);
  const approved = (p: (r: Mau08Facts) => boolean) => count((r) => r.status === 'APPROVED' && p(r));
  const systems = count(() => true);
  const approvedCount = approved(() => true);
  const fullyDeployed = approved((r) => r.deploymentStatus === 'FULL');
  const byStatus = Object.fromEntries(MAU08_STATUSES.map((s) => [s, count((r) => r.status === s)])) as Record<Mau08Status, number>;
  return {
    systems,
    classified: count((r) => r.classified || r.status !== null),
    dossiersBuilt: count((r) => r.status !== null),
    appraised: byStatus.APPRAISED + byStatus.APPROVED,
    approved: approvedCount,
    approvedAndInspected: approved((r) => r.inspected),
    approvedAndInspectedInPeriod: approved((r) => r.inspectedInPeriod),
    byLevel: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), approved((r) => r.approvedLevel === l)])),
    byStatus,
    deployment: {
      NOT_DEPLOYED: count((r) => r.deploymentStatus === 'NOT_DEPLOYED'),
      PARTIAL: count((r) => r.deploymentStatus === 'PARTIAL'),
      FULL: count((r) => r.deploymentStatus === 'FULL'),
    },
    fullyDeployed,
    approvalRate: rate(approvedCount, systems),
    fullDeploymentRate: rate(fullyDeployed, approvedCount),
    duringPeriod: { submitted: count((r) => r.submittedInPeriod), approved: count((r) => r.approvedInPeriod) },
  };
}

/**
 * Column 11, expected date of full deployment. Reading: the latest planned date among the requirements the approved
 * (or current) dossier's plan has not implemented yet; none when everything is implemented or nothing is planned.
 */
export function expectedFullDeployment(planEntries: Record<string, { status: string; plannedDate?: string | null }> | null): string | null {
  const dates = Object.values(planEntries ?? {})
    .filter((e) => e.status === 'PLANNED' && e.plannedDate)
    .map((e) => e.plannedDate!);
  return dates.length ? dates.sort().at(-1)! : null;
}

/** The twelve columns of the per-system table, numbered as in the form (legal brief §6.4). */
export const MAU08_COLUMNS = [
  'STT',
  'Tên hệ thống thông tin',
  'Chủ quản hệ thống thông tin',
  'Đơn vị vận hành',
  'Cấp độ đề xuất',
  'Tình trạng phê duyệt hồ sơ đề xuất cấp độ',
  'Quyết định phê duyệt (số, ngày, cơ quan ban hành)',
  'Quyết định ban hành quy chế bảo đảm an toàn, an ninh mạng',
  'Thời gian dự kiến phê duyệt',
  'Tình hình triển khai phương án bảo đảm an toàn',
  'Thời gian dự kiến triển khai đầy đủ',
  'Kiểm tra, đánh giá',
] as const;
