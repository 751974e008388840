/**
 * When a system's next inspection is due (docs/legal/inspections.md). Pure: no Nest or TypeORM imports; the clock and
 * the policy version in force are passed in. Month arithmetic by date-fns (`addMonths` keeps the day, clamped to the
 * month's end: 31/08 + 6 months = 28/02, or 29/02 in a leap year).
 *
 * - ND85 (Decree 85/2016 Art. 20.2.c, read from LEGAL-BRIEF §6.2 — the decree's text is not in the source repo):
 *   levels 3 and 4 every year, level 5 every 6 months, the owner's whole organisation every 2 years (capdo gives a
 *   level 1–2 system that 24-month cycle, and an organisation-wide inspection counts for it); level 3 and up by a
 *   licensed or appointed organisation. Fixed in code.
 * - ND331 (Decree 331/2026 Art. 28.5.a: "định kỳ theo cấp độ và mức độ rủi ro", no interval in the text): the
 *   intervals come from the admin-edited policy version in force (`inspection_policies`), seeded with the ND85 ones.
 * - The national-security List (Law 116/2025 Art. 11.1.b): a self-check every year, its result sent in writing before
 *   October — due 30/09 of the year after the base date's year. The earlier of this and the level's due date wins.
 */
import { addMonths, format, isValid, parseISO } from 'date-fns';

export type InspectionRegime = 'ND85' | 'ND331';

/** One row of a policy version: the interval for a level under ND331 (null: no periodic inspection required). */
export interface InspectionPolicyRule {
  level: number;
  intervalMonths: number | null;
  requiresIndependent: boolean;
}

/** Decree 85/2016 Art. 20.2.c (LEGAL-BRIEF §6.2); also the ND331 defaults seeded in the policy table. */
export const ND85_INSPECTION_RULES: readonly InspectionPolicyRule[] = [
  { level: 1, intervalMonths: 24, requiresIndependent: false },
  { level: 2, intervalMonths: 24, requiresIndependent: false },
  { level: 3, intervalMonths: 12, requiresIndependent: true },
  { level: 4, intervalMonths: 12, requiresIndependent: true },
  { level: 5, intervalMonths: 6, requiresIndependent: true },
];

/** ND85 Art. 20.2.c: the owner's whole organisation every 2 years. */
export const ORGANISATION_INTERVAL_MONTHS = 24;
/** Law 116 Art. 11.1.b: "trước tháng 10 hằng năm" — the last day that is still before October. */
export const LIST_REPORT_MONTH_DAY = '09-30';

export interface InspectionScheduleInput {
  /** The regime whose duty applies (the one in force on the day asked; see `inspectionRegimeOn`). */
  regime: InspectionRegime;
  /** The approved level; null when the system has none (nothing is due). */
  level: number | null;
  /** On the national-security List (approved level 5 or `onNationalSecurityList` in the approved facts). */
  onNationalSecurityList: boolean;
  /** The approval decision date (the base when no inspection has been recorded); yyyy-mm-dd. */
  approvedOn: string | null;
  /** The last PERIODIC or BEFORE_GO_LIVE inspection of this system; yyyy-mm-dd. */
  lastInspectionOn: string | null;
  /** The last inspection covering the owner's whole organisation (counts for the 24-month cycle); yyyy-mm-dd. */
  lastOrganisationInspectionOn?: string | null;
  /** ND331: the rules of the policy version in force. Ignored under ND85; required under ND331. */
  policy?: readonly InspectionPolicyRule[];
}

export type InspectionDueRule = 'LEVEL_INTERVAL' | 'NATIONAL_SECURITY_LIST';

export interface InspectionDue {
  /** The day the next inspection is due; yyyy-mm-dd. */
  dueOn: string;
  /** Where the count starts: the last inspection, or the approval. */
  basis: 'LAST_INSPECTION' | 'APPROVAL';
  baseOn: string;
  rule: InspectionDueRule;
  /** The level's interval (null for a List system without a level interval). */
  intervalMonths: number | null;
  /** Level 3 and up (ND85) or the policy says so: by an independent, qualified organisation. */
  requiresIndependent: boolean;
  /** The articles behind the date, for the page and the API. */
  articles: string[];
}

const ND85_ARTICLE = 'Điều 20.2.c Nghị định 85/2016/NĐ-CP';
const ND331_ARTICLE = 'Điều 28.5.a Nghị định 331/2026/NĐ-CP (chu kỳ theo bảng chính sách)';
const LIST_ARTICLE = 'Điều 11.1.b Luật An ninh mạng 116/2025/QH15';

/**
 * The next due inspection of one system, or null when nothing is due (no approved level, no base date, or the
 * policy sets no interval and the system is not on the List).
 */
export function nextInspectionDue(input: InspectionScheduleInput): InspectionDue | null {
  const base = baseDate(input);
  if (!base || input.level === null) return null;
  const rule = ruleFor(input);
  const candidates: InspectionDue[] = [];
  if (rule && rule.intervalMonths !== null) {
    const levelBase = rule.intervalMonths >= ORGANISATION_INTERVAL_MONTHS ? latest(base.on, input.lastOrganisationInspectionOn) : base.on;
    candidates.push({
      dueOn: addMonthsIso(levelBase, rule.intervalMonths),
      basis: levelBase === base.on ? base.basis : 'LAST_INSPECTION',
      baseOn: levelBase,
      rule: 'LEVEL_INTERVAL',
      intervalMonths: rule.intervalMonths,
      requiresIndependent: rule.requiresIndependent,
      articles: [input.regime === 'ND85' ? ND85_ARTICLE : ND331_ARTICLE],
    });
  }
  if (input.onNationalSecurityList) {
    candidates.push({
      dueOn: listDueAfter(base.on),
      basis: base.basis,
      baseOn: base.on,
      rule: 'NATIONAL_SECURITY_LIST',
      intervalMonths: rule?.intervalMonths ?? null,
      requiresIndependent: rule?.requiresIndependent ?? true,
      articles: [LIST_ARTICLE],
    });
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.dueOn < a.dueOn ? b : a));
}

/** ND85 Art. 20.2.c: the owner's whole organisation is due 24 months after its last organisation-wide inspection. */
export function nextOrganisationInspectionDue(lastOrganisationInspectionOn: string): string {
  return addMonthsIso(lastOrganisationInspectionOn, ORGANISATION_INTERVAL_MONTHS);
}

/** Overdue on `today` when the due day has passed (the due day itself is still on time). */
export function isInspectionOverdue(due: Pick<InspectionDue, 'dueOn'> | null, today: string): boolean {
  return due !== null && due.dueOn < today;
}

/** An inspection performed on `performedOn` was on time for a due day `dueOn`. */
export function wasOnTime(performedOn: string, dueOn: string): boolean {
  return performedOn <= dueOn;
}

/** The regime whose inspection duty applies on `asOf`: Decree 331 from 19/08/2026 (its Art. 38). */
export function inspectionRegimeOn(asOf: string): InspectionRegime {
  return asOf >= '2026-08-19' ? 'ND331' : 'ND85';
}

/** `date` + `months`, clamped to the month's end (date-fns), as yyyy-mm-dd. */
export function addMonthsIso(date: string, months: number): string {
  return format(addMonths(parseIsoDay(date), months), 'yyyy-MM-dd');
}

function ruleFor(input: InspectionScheduleInput): InspectionPolicyRule | undefined {
  const rules = input.regime === 'ND85' ? ND85_INSPECTION_RULES : (input.policy ?? ND85_INSPECTION_RULES);
  return rules.find((r) => r.level === input.level);
}

function baseDate(input: InspectionScheduleInput): { on: string; basis: InspectionDue['basis'] } | null {
  if (input.lastInspectionOn) return { on: input.lastInspectionOn, basis: 'LAST_INSPECTION' };
  if (input.approvedOn) return { on: input.approvedOn, basis: 'APPROVAL' };
  return null;
}

function latest(a: string, b: string | null | undefined): string {
  return b && b > a ? b : a;
}

/** Law 116 Art. 11.1.b: the yearly self-check reported before October — 30/09 of the year after the base year. */
function listDueAfter(base: string): string {
  const year = parseIsoDay(base).getFullYear();
  return `${year + 1}-${LIST_REPORT_MONTH_DAY}`;
}

function parseIsoDay(date: string): Date {
  const parsed = parseISO(date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValid(parsed)) throw new RangeError(`Ngày không hợp lệ: ${date}`);
  return parsed;
}
