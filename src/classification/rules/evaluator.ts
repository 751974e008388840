/**
 * Generic evaluator: runs a rulebook over a system and its component subsystems.
 *
 * - Level = the highest matched level over the system and all components (ND85 Art. 5.2, ND331 Art. 8.2).
 * - ND331 risk-assessment rows are ordinary rows of kind 'escalation', so they only ever raise (Art. 10.5).
 * - Undetermined: a system or component that no criterion covers, or a missing fact that could raise the level
 *   (a rulebook gap), leaves the level unsettled. We then report the highest level known so far as a FLOOR
 *   (never a silent guess), set `undetermined: true`, and list in `manualJustification` what to justify.
 *   A gap is ignored when the known level already reaches what the gap could give (e.g. known level 5).
 *
 * Facts are expected to have passed `validateFacts` first.
 */
import { FACT_LABELS, SYSTEM_TYPE_LABELS } from './classification.labels';
import {
  FIELD_SYSTEM_TYPES,
  type ClassificationFacts,
  type ComponentEvaluation,
  type EvaluationResult,
  type FactField,
  type MatchedRule,
  type Regime,
  type Rulebook,
  type SecurityLevel,
} from './classification.types';
import { meetsNationalSecurityCriteria, nationalSecurityListFor } from './national-security';
import { RULEBOOKS, regimeFor } from './regime';

/** ND331 Art. 20.4 speaks of level 3 and 4 systems on the List only; a lower level with a criterion needs a second look. */
const LIST_BELOW_LEVEL_3 =
  'Hệ thống có dấu hiệu thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia (Điều 16 Nghị định 331/2026/NĐ-CP) nhưng cấp độ xác định theo tiêu chí chưa tới cấp độ 3; khoản 4 Điều 20 chỉ áp dụng trình tự của cấp độ 5 cho hệ thống cấp độ 3, cấp độ 4. Cần rà soát lại mức độ tổn hại tới an ninh quốc gia và cấp độ đề xuất.';

interface OpenGap {
  couldReach: SecurityLevel;
  message: string;
}

interface NodeOutcome {
  path?: string;
  /** Highest level matched in this node's subtree. */
  known: SecurityLevel | null;
  /** Matched rules of the whole subtree. */
  matched: MatchedRule[];
  /** Gaps of the whole subtree. */
  gaps: OpenGap[];
  notes: string[];
  children: NodeOutcome[];
}

export function evaluate(facts: ClassificationFacts, regime: Regime): EvaluationResult {
  const book = RULEBOOKS[regime];
  const root = evaluateNode(book, facts, undefined);
  const open = openGaps(root);
  const result: EvaluationResult = {
    regime,
    rulebookVersion: book.version,
    level: root.known,
    undetermined: open.length > 0,
    matchedRules: root.matched,
    assumptions: unique(root.notes),
  };
  if (open.length > 0) result.manualJustification = unique(open.map((g) => g.message));
  if (root.children.length > 0) result.componentResults = root.children.map(toComponentEvaluation);
  if (regime === 'ND331') {
    // ND331 Art. 16: on the List by level 5 (16.4) or by a criterion (16.1–16.3); Art. 20.4 then sets the procedure.
    const list = nationalSecurityListFor(facts, root.known);
    result.onNationalSecurityList = list.meets;
    result.nationalSecurityList = list;
    if (meetsNationalSecurityCriteria(facts) && root.known !== null && root.known < 3) result.assumptions.push(LIST_BELOW_LEVEL_3);
  }
  return result;
}

export interface EvaluateAtOptions {
  /** Force a regime instead of deriving it from the date. */
  regime?: Regime;
  /** ND331 Art. 39.1 transitional project: keeps Decree 85 until TRANSITIONAL_ND85_LAST_DAY. */
  transitionalProject?: boolean;
}

/** Evaluate under the regime in force on `asOf` ('YYYY-MM-DD'); see `regimeFor`. */
export function evaluateAt(facts: ClassificationFacts, asOf: string, opts: EvaluateAtOptions = {}): EvaluationResult {
  const regime = opts.regime ?? regimeFor(asOf, { transitionalProject: opts.transitionalProject });
  return evaluate(facts, regime);
}

function evaluateNode(book: Rulebook, facts: ClassificationFacts, path: string | undefined): NodeOutcome {
  const own: MatchedRule[] = book.rules
    .filter((rule) => rule.applies(facts))
    .map((rule) => ({
      id: rule.id,
      article: rule.article,
      level: rule.level,
      reason: rule.reason,
      ...(path === undefined ? {} : { componentPath: path }),
    }));
  const criteriaMatched = book.rules.some((rule) => rule.kind !== 'escalation' && rule.applies(facts));

  const gaps: OpenGap[] = book.gaps
    .filter((gap) => gap.when(facts))
    .map((gap) => ({ couldReach: gap.couldReach, message: prefix(path, gap.message) }));
  // Decision-table row R23: nothing covers this system, so any level up to 5 is possible.
  if (!criteriaMatched && !gaps.some((gap) => gap.couldReach === 5)) {
    const message = facts.systemType === 'OTHER' ? book.noMatchMessages.OTHER : book.noMatchMessages.default;
    gaps.push({ couldReach: 5, message: prefix(path, message) });
  }

  const notes = [
    ...book.notes.filter((note) => (path === undefined || !note.rootOnly) && note.when(facts)).map((n) => n.text),
    ...ignoredFieldNotes(book, facts),
  ].map((text) => prefix(path, text));

  const children = (facts.components ?? []).map((component, i) =>
    evaluateNode(book, component, `${path === undefined ? '' : `${path}.`}components[${i}]`),
  );

  return {
    path,
    known: maxLevel([...own.map((m) => m.level), ...children.map((c) => c.known)]),
    matched: [...own, ...children.flatMap((c) => c.matched)],
    gaps: [...gaps, ...children.flatMap((c) => c.gaps)],
    notes: [...notes, ...children.flatMap((c) => c.notes)],
    children,
  };
}

/** Gaps that could still raise the level above what is known. */
function openGaps(node: NodeOutcome): OpenGap[] {
  return node.gaps.filter((gap) => gap.couldReach > (node.known ?? 0));
}

function toComponentEvaluation(node: NodeOutcome): ComponentEvaluation {
  const open = openGaps(node);
  const evaluation: ComponentEvaluation = {
    componentPath: node.path ?? '',
    level: node.known,
    undetermined: open.length > 0,
    matchedRules: node.matched,
  };
  if (open.length > 0) evaluation.manualJustification = unique(open.map((g) => g.message));
  if (node.children.length > 0) evaluation.componentResults = node.children.map(toComponentEvaluation);
  return evaluation;
}

/** Inputs accepted by validation but not used here: say so, rather than let the user think they counted. */
function ignoredFieldNotes(book: Rulebook, facts: ClassificationFacts): string[] {
  const notes: string[] = [];
  for (const field of book.ignoredFields) {
    if (isMeaningful(facts[field])) {
      notes.push(`Trường «${FACT_LABELS[field]}» (${field}) không thuộc tiêu chí của ${book.decree} nên không được xét.`);
    }
  }
  for (const [field, types] of Object.entries(FIELD_SYSTEM_TYPES) as [FactField, readonly string[]][]) {
    if (book.ignoredFields.includes(field) || types.includes(facts.systemType) || !isMeaningful(facts[field])) continue;
    const allowed = types.map((t) => SYSTEM_TYPE_LABELS[t as keyof typeof SYSTEM_TYPE_LABELS].toLowerCase()).join(', ');
    notes.push(
      `Trường «${FACT_LABELS[field]}» (${field}) chỉ xét đối với ${allowed}; loại hình đã khai báo khác nên trường này không được xét.`,
    );
  }
  return notes;
}

function isMeaningful(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== 'NONE';
}

function prefix(path: string | undefined, text: string): string {
  return path === undefined ? text : `Hệ thống thành phần ${path}: ${text}`;
}

function maxLevel(levels: (SecurityLevel | null)[]): SecurityLevel | null {
  let max: SecurityLevel | null = null;
  for (const level of levels) if (level !== null && (max === null || level > max)) max = level;
  return max;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
