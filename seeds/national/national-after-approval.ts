import { listRequirements } from '../../src/requirements/catalogues/catalogue-registry';
import { sectionOf } from '../../src/plan-items/plan-item-sections';
import { addMonthsIso } from '../../src/inspections/inspection-schedule';
import { timestamp } from './copy-rows';
import { DATASET_TODAY, DossierRow } from './national-dossiers';
import { NationalModel, planEntries } from './national-model';
import { NationalRandom } from './national-random';

/**
 * After approval on the national dataset (issue 20): the live approval of every approved system becomes its plan
 * items (as the workflow's approval does, src/plan-items/plan-from-approval.ts: implemented → DONE and declared at
 * approval, planned → NOT_STARTED with its date, or DONE since for a system the model marks FULL), the system's
 * deployment status and expected date derived from them, and — for these and for the levels approved before capdo —
 * a history of inspections on the level's cadence, most on time, some late, some missing so that a share is overdue
 * on the dataset's day.
 */
export interface AfterApprovalData {
  planItems: unknown[][];
  inspections: unknown[][];
  /** Mẫu 08 cols 10–11 per system with plan items, as src/plan-items/deployment-status.ts derives them. */
  deployment: Map<string, { status: 'FULL' | 'PARTIAL' | 'NOT_DEPLOYED'; expectedOn: string | null }>;
}

export const PLAN_ITEM_COLUMNS = [
  'id',
  'system_id',
  'dossier_id',
  'requirement_id',
  'section',
  'title',
  'measure',
  'planned_date',
  'status',
  'done_on',
  'declared_at_approval',
  'created_at',
  'updated_at',
];

export const INSPECTION_COLUMNS = [
  'id',
  'system_id',
  'kind',
  'covers_organisation',
  'performed_on',
  'performer',
  'independent',
  'qualified',
  'method',
  'summary',
  'created_at',
];

const INTERVAL_MONTHS: Record<number, number> = { 1: 24, 2: 24, 3: 12, 4: 12, 5: 6 };

export function afterApprovalData(model: NationalModel, seed: number): AfterApprovalData {
  const random = new NationalRandom(seed + 20);
  const live = new Map<string, DossierRow>();
  for (const d of model.dossiers) if (d.status === 'APPROVED') live.set(d.system.id, d);
  const planItems: unknown[][] = [];
  const inspections: unknown[][] = [];
  const deployment: AfterApprovalData['deployment'] = new Map();
  for (const d of live.values()) {
    const s = d.system;
    if (s.retiredAt || !d.approvedAt) continue;
    const approvedOn = s.decisionDate ?? DATASET_TODAY;
    const at = timestamp(d.approvedAt);
    const full = s.deploymentStatus === 'FULL';
    const requirements = new Map(listRequirements(d.proposedLevel, d.catalogueId).map((r) => [r.code, r]));
    let open = 0;
    for (const [code, entry] of Object.entries(planEntries(d))) {
      const requirement = requirements.get(code);
      const implemented = entry.status === 'IMPLEMENTED';
      const done = implemented || full;
      if (!done) open++;
      planItems.push([
        random.uuid(),
        s.id,
        d.id,
        code,
        sectionOf(requirement),
        requirement?.title ?? code,
        entry.description ?? '',
        entry.plannedDate ?? null,
        done ? 'DONE' : 'NOT_STARTED',
        done ? approvedOn : null,
        implemented,
        at,
        at,
      ]);
    }
    deployment.set(s.id, open === 0 ? { status: 'FULL', expectedOn: null } : { status: 'PARTIAL', expectedOn: d.plannedDate });
    inspections.push(...inspectionHistory(random, s.id, d.proposedLevel, approvedOn));
  }
  // Levels approved before capdo (confirmed claims, no dossier here): their inspections too, over a longer history.
  for (const s of model.systems) {
    if (s.approvedLevel === null || !s.decisionDate || s.retiredAt || live.has(s.id)) continue;
    inspections.push(...inspectionHistory(random, s.id, s.approvedLevel, s.decisionDate));
  }
  return { planItems, inspections, deployment };
}

/**
 * Inspections on the level's cadence from the approval: each on time (85 %) or up to two months late; the last
 * cycle missed for about one system in five, so that it is overdue on the dataset's day.
 */
function inspectionHistory(random: NationalRandom, systemId: string, level: number, approvedOn: string): unknown[][] {
  const rows: unknown[][] = [];
  const interval = INTERVAL_MONTHS[level] ?? 12;
  let due = addMonthsIso(approvedOn, interval);
  const skipLast = random.chance(0.2);
  while (due <= DATASET_TODAY) {
    const next = addMonthsIso(due, interval);
    if (skipLast && next > DATASET_TODAY) break;
    const performedOn = random.chance(0.85) ? addMonthsIso(due, -1) : addMonthsIso(due, random.int(1, 2));
    if (performedOn > DATASET_TODAY) break;
    rows.push([
      random.uuid(),
      systemId,
      'PERIODIC',
      interval >= 24,
      performedOn,
      level >= 3 ? 'Trung tâm Giám sát an toàn không gian mạng quốc gia' : 'Đơn vị chuyên trách an toàn thông tin',
      level >= 3,
      level >= 3,
      level >= 3 ? 'GRAY_BOX' : 'SELF_ASSESSMENT',
      'Kiểm tra, đánh giá định kỳ theo cấp độ.',
      timestamp(Date.parse(`${performedOn}T10:00:00+07:00`)),
    ]);
    due = addMonthsIso(performedOn, interval);
  }
  return rows;
}
