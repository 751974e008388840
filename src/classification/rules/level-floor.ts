/**
 * The level computed from the criteria is a floor for the proposed level: proposing lower needs a written
 * justification (the dossier's "thuyết minh về việc đề xuất cấp độ", ND85 Art. 15.3 / ND331 Art. 21.3), and
 * ND331 Art. 8.3 forbids shaping a system on paper to lower its level.
 */
import type { SecurityLevel } from './classification.types';

/** Minimum length of a justification, in characters after NFC normalisation and trimming. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export interface ProposedLevelInput {
  /** Level from `evaluate`; null when nothing matched. */
  computedLevel: SecurityLevel | null;
  proposedLevel: SecurityLevel;
  justification?: string | null;
  /**
   * Pass `EvaluationResult.undetermined`: when true, `computedLevel` is only a floor and any proposal
   * needs a justification, as when it is null.
   */
  undetermined?: boolean;
}

export type ProposedLevelCheck = { ok: true } | { ok: false; code: 'LEVEL_BELOW_COMPUTED_UNJUSTIFIED'; message: string };

export function checkProposedLevel(input: ProposedLevelInput): ProposedLevelCheck {
  const { computedLevel, proposedLevel } = input;
  const justified = isJustified(input.justification);
  if (computedLevel === null || input.undetermined === true) {
    if (justified) return { ok: true };
    const known = computedLevel === null ? '' : ` (mức tối thiểu đã xác định: cấp độ ${computedLevel})`;
    return refuse(
      `Chưa xác định được cấp độ theo tiêu chí${known}. Đề xuất cấp độ ${proposedLevel} cần thuyết minh bằng văn bản, tối thiểu ${MIN_JUSTIFICATION_LENGTH} ký tự.`,
    );
  }
  if (proposedLevel >= computedLevel || justified) return { ok: true };
  return refuse(
    `Cấp độ đề xuất (${proposedLevel}) thấp hơn cấp độ xác định theo tiêu chí (${computedLevel}). Cần thuyết minh bằng văn bản lý do đề xuất cấp độ thấp hơn, tối thiểu ${MIN_JUSTIFICATION_LENGTH} ký tự.`,
  );
}

function isJustified(text: string | null | undefined): boolean {
  if (typeof text !== 'string') return false;
  // Count characters, not UTF-16 units or combining marks, so Vietnamese text is measured as written.
  return Array.from(text.normalize('NFC').trim()).length >= MIN_JUSTIFICATION_LENGTH;
}

function refuse(message: string): ProposedLevelCheck {
  return { ok: false, code: 'LEVEL_BELOW_COMPUTED_UNJUSTIFIED', message };
}
