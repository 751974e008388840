/**
 * The dossier's proposed level against the criteria (classification/rules/level-floor.ts), checked when a draft is
 * created, when it is updated and when it is sent: a stored proposal can fall below the criteria later (the regime
 * re-decided at submission, a draft written before this rule). Disagreeing with the result is done by correcting the
 * facts, recorded by `factsCorrection`, or by the note to the appraiser — never by a lower proposal.
 */
import type { ClassificationFacts, EvaluationResult, SecurityLevel } from '../classification/rules/classification.types';
import { checkProposedLevel, criteriaBasis } from '../classification/rules/level-floor';
import { DomainError } from '../common/errors/domain-error';

/** Longest note to the appraiser, in characters. */
export const MAX_NOTE_TO_APPRAISER = 5000;

type Evaluation = Pick<EvaluationResult, 'level' | 'undetermined' | 'matchedRules'>;

/**
 * The level to store: the one asked for, or the computed level when none is asked for. Refuses (422, field
 * `proposedLevel`) a proposal below the criteria, and a higher or undetermined one without a justification.
 */
export function proposedLevelFor(requested: number | undefined, result: Evaluation, justification: string | null | undefined): number {
  const proposed = requested ?? result.level;
  if (!proposed) {
    throw new DomainError('VALIDATION_FAILED', 'Tiêu chí chưa xác định được cấp độ: hãy chọn cấp độ đề xuất và thuyết minh.', {
      proposedLevel: ['cần chọn cấp độ đề xuất'],
    });
  }
  assertLawfulProposal(proposed, result, justification);
  return proposed;
}

/** At submission: the stored proposal against the stored (possibly re-decided) evaluation. */
export function assertProposalStillLawful(dossier: {
  proposedLevel: number;
  levelJustification: string;
  classification: { result: Evaluation };
}): void {
  assertLawfulProposal(dossier.proposedLevel, dossier.classification.result, dossier.levelJustification);
}

function assertLawfulProposal(proposed: number, result: Evaluation, justification: string | null | undefined): void {
  const check = checkProposedLevel({
    computedLevel: result.level,
    undetermined: result.undetermined,
    proposedLevel: proposed as SecurityLevel,
    justification,
    basis: criteriaBasis(result),
  });
  if (!check.ok) throw new DomainError(check.code, check.message, { proposedLevel: [check.message] });
}

export interface FactChange {
  before: unknown;
  after: unknown;
}

/** The facts the officer corrected, field by field (top level; `components` as a whole), for the audit trail. */
export function factsCorrection(
  before: ClassificationFacts | Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, FactChange> {
  const was = before as Record<string, unknown>;
  const changes: Record<string, FactChange> = {};
  for (const field of new Set([...Object.keys(was), ...Object.keys(after)])) {
    if (JSON.stringify(was[field]) === JSON.stringify(after[field])) continue;
    changes[field] = { before: was[field] ?? null, after: after[field] ?? null };
  }
  return changes;
}
