/**
 * The level the criteria give is the level (ND85 Arts. 7–11, Art. 5.2; ND331 Arts. 11–15, 8.2, 8.3): a proposal is
 * never below it. A higher proposal needs the written justification of the dossier's "thuyết minh về việc đề xuất
 * cấp độ" (ND85 Art. 15.3 / ND331 Arts. 21.3, 22.4); so does any proposal while the criteria leave the level
 * undetermined, and that proposal is still at least the level already known (the floor). See
 * docs/legal/proposal-floor.md.
 */
import type { SecurityLevel } from './classification.types';

/** Minimum length of a justification, in characters after NFC normalisation and trimming. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export interface ProposedLevelInput {
  /** Level from `evaluate`; when `undetermined` it is only a floor; null when nothing matched (no floor). */
  computedLevel: SecurityLevel | null;
  /** Pass `EvaluationResult.undetermined`. */
  undetermined?: boolean;
  proposedLevel: SecurityLevel;
  justification?: string | null;
  /** The articles that set `computedLevel` (see `criteriaBasis`), named in the refusal. */
  basis?: readonly string[];
}

export type ProposedLevelRefusal = 'PROPOSED_LEVEL_BELOW_CRITERIA' | 'PROPOSED_LEVEL_UNJUSTIFIED';

export type ProposedLevelCheck = { ok: true } | { ok: false; code: ProposedLevelRefusal; message: string };

/** What the officer can do instead of proposing lower (the two ways out, both recorded). */
export const DISAGREEMENT_REMEDY =
  'Nếu thông tin xác định cấp độ chưa đúng, hãy sửa thông tin (việc sửa được ghi lại); nếu không đồng ý với kết quả, hãy ghi ý kiến gửi đơn vị thẩm định.';

/** The lowest level the officer may propose: the level known from the criteria, or 1 when nothing matched. */
export function levelFloor(computedLevel: number | null): number {
  return computedLevel ?? 1;
}

/** The articles of the rules that give the (highest) computed level, without repeats. */
export function criteriaBasis(result: { level: number | null; matchedRules: readonly { level: number; article: string }[] }): string[] {
  if (result.level === null) return [];
  return [...new Set(result.matchedRules.filter((rule) => rule.level === result.level).map((rule) => rule.article))];
}

export function checkProposedLevel(input: ProposedLevelInput): ProposedLevelCheck {
  const { computedLevel, proposedLevel } = input;
  const undetermined = input.undetermined === true || computedLevel === null;
  const basis = input.basis?.length ? input.basis.join('; ') : 'các tiêu chí đã khai báo';
  if (computedLevel !== null && proposedLevel < computedLevel) {
    return {
      ok: false,
      code: 'PROPOSED_LEVEL_BELOW_CRITERIA',
      message: undetermined
        ? `Cấp độ đề xuất (${proposedLevel}) thấp hơn cấp độ tối thiểu ${computedLevel} đã xác định theo ${basis}. Khi tiêu chí chưa xác định hết cấp độ, cấp độ đề xuất ít nhất là cấp độ ${computedLevel}. ${DISAGREEMENT_REMEDY}`
        : `Cấp độ đề xuất (${proposedLevel}) thấp hơn cấp độ ${computedLevel} xác định theo ${basis}. Cấp độ do tiêu chí xác định, không đề xuất thấp hơn. ${DISAGREEMENT_REMEDY}`,
    };
  }
  if (isJustified(input.justification)) return { ok: true };
  if (undetermined) {
    const known = computedLevel === null ? '' : ` (cấp độ tối thiểu: cấp độ ${computedLevel})`;
    return unjustified(
      `Tiêu chí chưa xác định được cấp độ${known}. Đề xuất cấp độ ${proposedLevel} cần thuyết minh bằng văn bản, tối thiểu ${MIN_JUSTIFICATION_LENGTH} ký tự.`,
    );
  }
  if (proposedLevel > computedLevel) {
    return unjustified(
      `Cấp độ đề xuất (${proposedLevel}) cao hơn cấp độ ${computedLevel} xác định theo tiêu chí: cần thuyết minh bằng văn bản lý do đề xuất cấp độ cao hơn, tối thiểu ${MIN_JUSTIFICATION_LENGTH} ký tự.`,
    );
  }
  return { ok: true };
}

function isJustified(text: string | null | undefined): boolean {
  if (typeof text !== 'string') return false;
  // Count characters, not UTF-16 units or combining marks, so Vietnamese text is measured as written.
  return Array.from(text.normalize('NFC').trim()).length >= MIN_JUSTIFICATION_LENGTH;
}

function unjustified(message: string): ProposedLevelCheck {
  return { ok: false, code: 'PROPOSED_LEVEL_UNJUSTIFIED', message };
}
