/**
 * Does an edit of an approved system make the rulebook in force compute a level above the approved one
 * (docs/legal/redetermination.md)? ND331 Art. 25: an approved system whose level must be determined again "cho phù hợp
 * với tình hình thực tế" goes through the first-time procedure; Art. 10.2.b: a change of function, served scope, users
 * or information types calls for a new risk assessment, whose result proposes or adjusts the level (Art. 10.4.a).
 *
 * Pure: the approved dossier's facts overlaid with the system's new values, validated and evaluated with the rulebook of
 * the regime in force today. When the result (or its floor, if facts are missing: the level cannot be lower) is above the
 * approved level, the answer says which level, which articles and why. Nothing above: null.
 */
import type { ClassificationFacts, MatchedRule, Regime } from '../classification/rules/classification.types';
import { evaluate } from '../classification/rules/evaluator';
import { validateFacts } from '../classification/rules/facts-validation';

/** The classification facts a system record holds (src/dossiers/dossier-drafting.service.ts `factsFromSystem`). */
export type SystemFactOverlay = Partial<
  Pick<
    ClassificationFacts,
    | 'systemType'
    | 'infoTypes'
    | 'users'
    | 'basicPersonalDataSubjects'
    | 'sensitivePersonalDataSubjects'
    | 'infrastructureScope'
    | 'components'
  >
>;

export interface LevelChangeInput {
  approvedLevel: number;
  /** The approved dossier's classification facts; empty when the level on record came from a prior decision (no dossier). */
  approvedFacts: Partial<ClassificationFacts>;
  /** The system's values after the edit that are classification facts. */
  overlay: SystemFactOverlay;
  /** The regime in force on the day of the edit (src/classification/rules/regime.ts `regimeAtAct`). */
  regime: Regime;
}

export interface LevelChange {
  computedLevel: number;
  /** Only a floor: facts are missing under the regime in force, the level can only be this or higher. */
  floor: boolean;
  regime: Regime;
  /** The articles of the rules that put the level above the approved one. */
  articles: string[];
  /** Vietnamese sentences: why this level. */
  reasons: string[];
}

/** The facts the evaluation runs on: the approved ones, with the system's new values on top. */
export function overlaidFacts(approved: Partial<ClassificationFacts>, overlay: SystemFactOverlay): ClassificationFacts {
  const facts: Record<string, unknown> = { ...approved };
  for (const [field, value] of Object.entries(overlay)) if (value !== undefined && value !== null) facts[field] = value;
  return facts as unknown as ClassificationFacts;
}

/** The level the rulebook in force computes after the edit, when it is above the approved one; otherwise null. */
export function levelChange(input: LevelChangeInput): LevelChange | null {
  const facts = overlaidFacts(input.approvedFacts, input.overlay);
  // Facts the regime in force does not accept cannot be evaluated: no level is claimed from them (the officer's next
  // dossier is validated in full).
  if (validateFacts(facts, input.regime).length > 0) return null;
  const result = evaluate(facts, input.regime);
  if (result.level === null || result.level <= input.approvedLevel) return null;
  const above = result.matchedRules.filter((rule) => rule.level > input.approvedLevel);
  return {
    computedLevel: result.level,
    floor: result.undetermined,
    regime: input.regime,
    articles: unique(above.map((rule) => rule.article)),
    reasons: unique(above.map(reasonOf)),
  };
}

/** The fields of the system record that are classification facts changed between two versions of it. */
export function classificationFactsChanged(before: SystemFactOverlay, after: SystemFactOverlay): boolean {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof SystemFactOverlay>;
  return [...fields].some((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

function reasonOf(rule: MatchedRule): string {
  const where = rule.componentPath ? `Hệ thống thành phần ${rule.componentPath}: ` : '';
  return `${where}${rule.reason} (cấp độ ${rule.level}, ${rule.article})`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** What a system record says that is a classification fact (as `factsFromSystem` of the dossier drafting reads it). */
export interface SystemRecordFacts {
  systemType: ClassificationFacts['systemType'];
  infoTypes: ClassificationFacts['infoTypes'];
  userCount: number | null;
  basicPersonalDataSubjects: number | null;
  sensitivePersonalDataSubjects: number | null;
}

/** The overlay a system edit brings: counts only count with private or personal information, as the drafting reads them. */
export function overlayFromSystem(system: SystemRecordFacts): SystemFactOverlay {
  const overlay: SystemFactOverlay = { systemType: system.systemType, infoTypes: [...system.infoTypes] };
  const personal = system.infoTypes.includes('PRIVATE') || system.infoTypes.includes('PERSONAL');
  if (!personal) return overlay;
  if (system.userCount !== null) overlay.users = system.userCount;
  if (system.basicPersonalDataSubjects !== null) overlay.basicPersonalDataSubjects = system.basicPersonalDataSubjects;
  if (system.sensitivePersonalDataSubjects !== null) overlay.sensitivePersonalDataSubjects = system.sensitivePersonalDataSubjects;
  return overlay;
}
