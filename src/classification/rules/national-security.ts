/**
 * The criteria of an information system important to national security (hệ thống thông tin quan trọng về an ninh
 * quốc gia), Decree 331/2026 Art. 16, as read in docs/legal/national-security-list.md. Pure: the evaluator, the
 * dossier path (Art. 20.4: a level 3–4 system on the List follows the level-5 procedure) and the pages ask here.
 *
 * - Art. 16.1 / 16.2: `nationalSecurityCriteria` holds the criterion itself.
 * - Art. 16.3: a field of Law 116/2025 Art. 9.2 (`nationalSecurityFields`) AND a consequence a–g
 *   (`nationalSecurityConsequences`); either alone meets nothing (a consequence without a field is noted by the rulebook, not refused).
 * - Art. 16.4: every level-5 system is on the List. That is the level's business, not a criterion: callers combine it
 *   (`nationalSecurityListFor`), so `meetsNationalSecurityCriteria` answers for the criteria only.
 * A component subsystem that meets a criterion makes the whole system meet it, as the highest component's level is
 * the system's (Art. 8.2).
 */
import {
  NATIONAL_SECURITY_CONSEQUENCE_LABELS,
  NATIONAL_SECURITY_CRITERION_LABELS,
  NATIONAL_SECURITY_FIELD_LABELS,
} from './classification.labels';
import type {
  ClassificationFacts,
  NationalSecurityConsequence,
  NationalSecurityCriterion,
  NationalSecurityField,
  NationalSecurityListResult,
  SecurityLevel,
} from './classification.types';

const ND331 = 'Nghị định 331/2026/NĐ-CP';
const LAW116 = 'Luật An ninh mạng số 116/2025/QH15';

/** The clause of Art. 16 each criterion is. */
export const NATIONAL_SECURITY_CRITERION_CLAUSES: Record<NationalSecurityCriterion, number> = {
  SECURITY_WORKS_COMMAND: 1,
  TELECOM_WORKS_COMMAND: 2,
};

/** The point of Law 116/2025 Art. 9.2 each field is. */
export const NATIONAL_SECURITY_FIELD_POINTS: Record<NationalSecurityField, string> = {
  MILITARY_SECURITY_DIPLOMACY_CRYPTO: 'a',
  STATE_SECRETS: 'b',
  SPECIAL_ARTEFACTS: 'c',
  HAZARDOUS_MATERIALS: 'd',
  SPECIAL_FACILITIES: 'đ',
  CENTRAL_BODIES: 'e',
  NATIONAL_SECTOR: 'g',
  SECURITY_WORKS_CONTROL: 'h',
};

/** The point of ND331 Art. 16.3 each consequence is. */
export const NATIONAL_SECURITY_CONSEQUENCE_POINTS: Record<NationalSecurityConsequence, string> = {
  SOVEREIGNTY_REGIME: 'a',
  DEFENCE_FOREIGN_AFFAIRS: 'b',
  NATIONAL_ECONOMY: 'c',
  HUMAN_ENVIRONMENTAL_DISASTER: 'd',
  SPECIAL_GRADE_WORKS: 'đ',
  SECRET_POLICY_MAKING: 'e',
  CENTRAL_LEADERSHIP: 'g',
};

/** Article of a Law 116 Art. 9.2 field, e.g. 'Điểm g Khoản 2 Điều 9 Luật An ninh mạng số 116/2025/QH15'. */
export function nationalSecurityFieldArticle(field: NationalSecurityField): string {
  return `Điểm ${NATIONAL_SECURITY_FIELD_POINTS[field]} Khoản 2 Điều 9 ${LAW116}`;
}

/** Article of an Art. 16 consequence, e.g. 'Điểm c Khoản 3 Điều 16 Nghị định 331/2026/NĐ-CP'. */
export function nationalSecurityConsequenceArticle(consequence: NationalSecurityConsequence): string {
  return `Điểm ${NATIONAL_SECURITY_CONSEQUENCE_POINTS[consequence]} Khoản 3 Điều 16 ${ND331}`;
}

/** The system or one of its components meets an Art. 16.1–16.3 criterion (not Art. 16.4: see the header). */
export function meetsNationalSecurityCriteria(facts: ClassificationFacts): boolean {
  return ownCriteria(facts).length > 0 || (facts.components ?? []).some(meetsNationalSecurityCriteria);
}

/** The criteria met, Vietnamese, each with its article; components prefixed with their path. */
export function nationalSecurityCriteriaLabels(facts: ClassificationFacts): string[] {
  return labelsOf(facts, undefined);
}

/** ND331 only: the List, combining the criteria with Art. 16.4 (a level-5 system is on it). */
export function nationalSecurityListFor(facts: ClassificationFacts, level: SecurityLevel | null): NationalSecurityListResult {
  const criteria = nationalSecurityCriteriaLabels(facts);
  if (level === 5) {
    criteria.unshift(`Khoản 4 Điều 16 ${ND331}: hệ thống thông tin cấp độ 5 là hệ thống thông tin quan trọng về an ninh quốc gia.`);
  }
  return { meets: criteria.length > 0, criteria };
}

function labelsOf(facts: ClassificationFacts, path: string | undefined): string[] {
  const own = ownCriteria(facts).map((text) => (path === undefined ? text : `Hệ thống thành phần ${path}: ${text}`));
  const below = (facts.components ?? []).flatMap((component, i) =>
    labelsOf(component, `${path === undefined ? '' : `${path}.`}components[${i}]`),
  );
  return [...own, ...below];
}

function ownCriteria(facts: ClassificationFacts): string[] {
  const direct = unique(facts.nationalSecurityCriteria ?? []).map(
    (criterion) =>
      `Khoản ${NATIONAL_SECURITY_CRITERION_CLAUSES[criterion]} Điều 16 ${ND331}: hệ thống ${lowerFirst(NATIONAL_SECURITY_CRITERION_LABELS[criterion])}.`,
  );
  const fields = unique(facts.nationalSecurityFields ?? []);
  // Art. 16.3 needs both: a field of Law 116 Art. 9.2 and one of the consequences a–g.
  if (fields.length === 0) return direct;
  const inFields = fields.map((field) => `${lowerFirst(NATIONAL_SECURITY_FIELD_LABELS[field])} (${nationalSecurityFieldArticle(field)})`);
  const byConsequence = unique(facts.nationalSecurityConsequences ?? []).map(
    (consequence) =>
      `${nationalSecurityConsequenceArticle(consequence)}: ${inFields.join('; ')}; khi bị sự cố, tấn công hoặc phá hoại sẽ ${lowerFirst(NATIONAL_SECURITY_CONSEQUENCE_LABELS[consequence])}.`,
  );
  return [...direct, ...byConsequence];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
