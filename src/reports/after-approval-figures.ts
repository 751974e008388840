import type { DeploymentStatus } from '../systems/system-enums';
import {
  InspectionPolicyRule,
  InspectionRegime,
  isInspectionOverdue,
  nextInspectionDue,
  wasOnTime,
} from '../inspections/inspection-schedule';
import { rate } from './report-tiers';

/**
 * The leader's after-approval dashboard (issue 20 §7): for the approved systems of a scope, how many plans are fully
 * deployed and where each system stands with its inspections, by level tier. Pure; docs/legal/annual-report.md.
 *
 * Tiers by approved level, not by kind of body: 1–2 (inspected with the owner's organisation every 2 years),
 * 3 (yearly, by an independent organisation), 4–5 (yearly or every 6 months; the national-security List) —
 * the cadences of ND85 Art. 20.2.c that the inspection schedule applies.
 */
export const LEVEL_TIERS = ['LEVEL_1_2', 'LEVEL_3', 'LEVEL_4_5'] as const;
export type LevelTier = (typeof LEVEL_TIERS)[number];
export const LEVEL_TIER_LABELS: Record<LevelTier, string> = {
  LEVEL_1_2: 'Cấp độ 1–2',
  LEVEL_3: 'Cấp độ 3',
  LEVEL_4_5: 'Cấp độ 4–5',
};

export function levelTierOf(level: number): LevelTier {
  return level <= 2 ? 'LEVEL_1_2' : level === 3 ? 'LEVEL_3' : 'LEVEL_4_5';
}

/** What the dashboard needs of one approved system on the day asked. */
export interface AfterApprovalFacts {
  level: number;
  approvedOn: string;
  deploymentStatus: DeploymentStatus;
  onNationalSecurityList: boolean;
  /** Its PERIODIC and BEFORE_GO_LIVE inspections up to the day asked, latest first (two are enough). */
  inspectionsDesc: readonly string[];
  lastOrganisationInspectionOn: string | null;
  openIncidents: number;
  openFlags: number;
}

/** The schedule in force on the day asked: the regime, and under ND331 the policy version then. */
export interface ScheduleContext {
  asOf: string;
  regime: InspectionRegime;
  policy: readonly InspectionPolicyRule[];
}

/**
 * Where a system stands with its inspections on `asOf`:
 * - OVERDUE: its next due day (from its last inspection, else its approval) has passed;
 * - ON_TIME: not overdue, and its last inspection was done by the day it was due;
 * - LATE: not overdue now, but its last inspection was done after the day it was due;
 * - NOT_YET_DUE: no inspection yet and the first is not due yet.
 */
export type InspectionStanding = 'OVERDUE' | 'ON_TIME' | 'LATE' | 'NOT_YET_DUE';

function scheduleInput(facts: AfterApprovalFacts, ctx: ScheduleContext) {
  return {
    regime: ctx.regime,
    level: facts.level,
    onNationalSecurityList: facts.onNationalSecurityList,
    approvedOn: facts.approvedOn,
    lastOrganisationInspectionOn: facts.lastOrganisationInspectionOn,
    policy: ctx.policy,
  };
}

/** The day the system's next inspection is due, from its last one (else its approval); null when none is due. */
export function nextDueOf(facts: AfterApprovalFacts, ctx: ScheduleContext): string | null {
  return nextInspectionDue({ ...scheduleInput(facts, ctx), lastInspectionOn: facts.inspectionsDesc[0] ?? null })?.dueOn ?? null;
}

export function inspectionStanding(facts: AfterApprovalFacts, ctx: ScheduleContext): InspectionStanding {
  const base = scheduleInput(facts, ctx);
  const [last, previous] = facts.inspectionsDesc;
  if (isInspectionOverdue(nextInspectionDue({ ...base, lastInspectionOn: last ?? null }), ctx.asOf)) return 'OVERDUE';
  if (!last) return 'NOT_YET_DUE';
  const dueBeforeLast = nextInspectionDue({ ...base, lastInspectionOn: previous ?? null, lastOrganisationInspectionOn: null });
  // An inspection before the approval (before go-live) meets no earlier due day: it is on time.
  return dueBeforeLast === null || wasOnTime(last, dueBeforeLast.dueOn) || last < facts.approvedOn ? 'ON_TIME' : 'LATE';
}

export interface AfterApprovalTierFigures {
  tier: LevelTier | 'TOTAL';
  label: string;
  approved: number;
  fullyDeployed: number;
  partiallyDeployed: number;
  notDeployed: number;
  /** fully deployed ÷ approved, in %. */
  fullDeploymentRate: number | null;
  inspectedOnTime: number;
  inspectedLate: number;
  inspectionOverdue: number;
  notYetDue: number;
  /** inspected on time ÷ approved, in %. */
  onTimeRate: number | null;
  openIncidents: number;
  openRedeterminationFlags: number;
}

function tierFigures(
  tier: LevelTier | 'TOTAL',
  label: string,
  rows: readonly AfterApprovalFacts[],
  ctx: ScheduleContext,
): AfterApprovalTierFigures {
  const standings = rows.map((r) => inspectionStanding(r, ctx));
  const count = (s: InspectionStanding) => standings.filter((x) => x === s).length;
  const deployed = (s: DeploymentStatus) => rows.filter((r) => r.deploymentStatus === s).length;
  const fully = deployed('FULL');
  return {
    tier,
    label,
    approved: rows.length,
    fullyDeployed: fully,
    partiallyDeployed: deployed('PARTIAL'),
    notDeployed: deployed('NOT_DEPLOYED'),
    fullDeploymentRate: rate(fully, rows.length),
    inspectedOnTime: count('ON_TIME'),
    inspectedLate: count('LATE'),
    inspectionOverdue: count('OVERDUE'),
    notYetDue: count('NOT_YET_DUE'),
    onTimeRate: rate(count('ON_TIME'), rows.length),
    openIncidents: rows.reduce((n, r) => n + r.openIncidents, 0),
    openRedeterminationFlags: rows.reduce((n, r) => n + r.openFlags, 0),
  };
}

/** One row per level tier, then the total. */
export function afterApprovalFigures(rows: readonly AfterApprovalFacts[], ctx: ScheduleContext): AfterApprovalTierFigures[] {
  return [
    ...LEVEL_TIERS.map((t) =>
      tierFigures(
        t,
        LEVEL_TIER_LABELS[t],
        rows.filter((r) => levelTierOf(r.level) === t),
        ctx,
      ),
    ),
    tierFigures('TOTAL', 'Tổng cộng', rows, ctx),
  ];
}
