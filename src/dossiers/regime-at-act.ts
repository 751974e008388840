/**
 * The regime of a dossier decided again at each act (docs/legal/regime-by-act.md). A draft opened under one regime and
 * sent on a day another applies (Law 64/2025 Art. 58.2; ND331 Arts. 38, 39.1) is re-evaluated under the regime of the
 * act: its classification re-run with that regime's rulebook, its catalogue switched, its proposal checked against the
 * new result. This module only says what changes and which facts the new regime still needs; the caller decides.
 */
import type { ClassificationFacts, EvaluationResult, Regime } from '../classification/rules/classification.types';
import { evaluate } from '../classification/rules/evaluator';
import { validateFacts } from '../classification/rules/facts-validation';
import { questionAppliesTo, questionnaireFor } from '../classification/rules/questionnaire';
import { RegimeAtAct, RegimeBasis, regimeBasisText } from '../classification/rules/regime';
import { catalogueForRegime } from '../requirements/catalogues/catalogue-registry';
import type { Dossier } from './dossier.entity';

/** What the dossier holds now, as far as its regime goes. */
export interface DossierRegimeState {
  regime: Regime;
  rulebookVersion: string;
  catalogueId: string;
  computedLevel: number | null;
  proposedLevel: number;
  facts: unknown;
}

export interface NeededFact {
  /** A path such as `facts.handlesAdminProcedures` or `facts.components[0].basicPersonalDataSubjects`. */
  field: string;
  question: string;
}

/** The dossier re-evaluated under the regime of the act, and what that changes. */
export interface RegimeChange {
  actDate: string;
  from: Regime;
  to: Regime;
  basis: RegimeBasis;
  transitional: boolean;
  rulebookVersion: { from: string; to: string };
  catalogueId: { from: string; to: string };
  computedLevel: { from: number | null; to: number | null };
  /** The new result is only a floor (a fact or a criterion is missing). */
  undetermined: boolean;
  proposedLevel: number;
  /** The proposal is below the level (or the floor) the new regime's criteria give. */
  proposalBelowCriteria: boolean;
  /** Questions only the new regime asks that the facts do not answer. */
  neededFacts: NeededFact[];
  /** Answers the new regime does not accept. */
  invalidFacts: { field: string; message: string }[];
  /** What the new rulebook says must be justified in writing. */
  toJustify: string[];
  /** Re-evaluated and switched at the act without the officer: nothing the officer saw changes. */
  automatic: boolean;
  /** The whole change, for the officer (Vietnamese). */
  message: string;
}

const DECREE: Readonly<Record<Regime, string>> = { ND85: 'Nghị định 85/2016/NĐ-CP', ND331: 'Nghị định 331/2026/NĐ-CP' };

/** The change and the evaluation under the act's regime (absent when the facts are not valid under it). */
export interface RegimeReview {
  change: RegimeChange;
  result?: EvaluationResult;
}

/**
 * Undefined when the act keeps the dossier's regime; otherwise the dossier re-evaluated under the act's regime. The switch
 * is made without the officer (`automatic`) only when nothing the officer saw changes: the facts are valid and complete
 * under the new regime, its criteria settle the same level, and the proposal is not below it. Any other change is
 * refused at submission, so no dossier is ever sent with a level the officer has not seen computed.
 */
export function regimeChangeAt(
  state: DossierRegimeState,
  decided: RegimeAtAct,
  actDate: string,
  editable = true,
): RegimeReview | undefined {
  if (decided.regime === state.regime) return undefined;
  const to = decided.regime;
  const invalidFacts = validateFacts(state.facts, to);
  const result: EvaluationResult | undefined = invalidFacts.length ? undefined : evaluate(state.facts as ClassificationFacts, to);
  const computed = result?.level ?? null;
  const change: Omit<RegimeChange, 'message' | 'automatic'> = {
    actDate,
    from: state.regime,
    to,
    basis: decided.basis,
    transitional: decided.transitional,
    rulebookVersion: { from: state.rulebookVersion, to: result?.rulebookVersion ?? '' },
    catalogueId: { from: state.catalogueId, to: catalogueForRegime(to).id },
    computedLevel: { from: state.computedLevel, to: computed },
    undetermined: result ? result.undetermined : true,
    proposedLevel: state.proposedLevel,
    proposalBelowCriteria: computed !== null && state.proposedLevel < computed,
    neededFacts: neededFacts(state.facts, to),
    invalidFacts,
    toJustify: result?.manualJustification ?? [],
  };
  const automatic =
    !!result &&
    invalidFacts.length === 0 &&
    change.neededFacts.length === 0 &&
    !change.undetermined &&
    computed === state.computedLevel &&
    !change.proposalBelowCriteria;
  return { change: { ...change, automatic, message: regimeChangeMessage(change, automatic, editable) }, result };
}

/**
 * The new facts a regime asks: its required questions that the other regime does not ask, that apply to these facts and
 * are unanswered, components included. Questions both decrees ask were answered (or left to their default) already.
 */
export function neededFacts(facts: unknown, regime: Regime, path = 'facts'): NeededFact[] {
  if (!facts || typeof facts !== 'object') return [];
  const answers = facts as Record<string, unknown>;
  const other = new Set(questionnaireFor(regime === 'ND85' ? 'ND331' : 'ND85').map((q) => q.id));
  const own = questionnaireFor(regime)
    .filter((q) => q.required && !other.has(q.id) && questionAppliesTo(q, answers) && answers[q.id] === undefined)
    .map((q) => ({ field: `${path}.${q.id}`, question: q.text }));
  const components = Array.isArray(answers.components) ? (answers.components as unknown[]) : [];
  return [...own, ...components.flatMap((c, i) => neededFacts(c, regime, `${path}.components[${i}]`))];
}

function regimeChangeMessage(c: Omit<RegimeChange, 'message' | 'automatic'>, automatic: boolean, editable: boolean): string {
  const day = c.actDate.split('-').reverse().join('/');
  const level = (l: number | null) => (l === null ? 'chưa xác định' : `cấp độ ${l}`);
  const lines = [
    `Hồ sơ lập theo ${DECREE[c.from]}, nhưng việc gửi hồ sơ ngày ${day} thuộc phạm vi ${DECREE[c.to]}: ${regimeBasisText(c.basis)}.`,
  ];
  if (automatic) {
    lines.push(
      `Hồ sơ đã được xác định lại theo tiêu chí của ${DECREE[c.to]}: ${level(c.computedLevel.to)}, không thay đổi so với trước; hồ sơ được gửi theo ${DECREE[c.to]}.`,
    );
    return lines.join(' ');
  }
  lines.push(`Hồ sơ phải được xác định lại cấp độ theo ${DECREE[c.to]} trước khi gửi; hồ sơ chưa được gửi.`);
  if (c.invalidFacts.length === 0) {
    lines.push(
      `Theo tiêu chí của ${DECREE[c.to]}, với thông tin đã khai: ${level(c.computedLevel.to)}${c.undetermined ? ' (mức tối thiểu, còn thiếu thông tin)' : ''}; trước đây: ${level(c.computedLevel.from)}.`,
    );
  }
  if (c.proposalBelowCriteria)
    lines.push(`Cấp độ đề xuất hiện tại (${c.proposedLevel}) thấp hơn ${level(c.computedLevel.to)} theo tiêu chí mới: cần đề xuất lại.`);
  if (c.neededFacts.length) lines.push(`Cần khai báo thêm: ${c.neededFacts.map((f) => f.question).join('; ')}`);
  for (const f of c.invalidFacts) lines.push(`Cần sửa: ${f.message}`);
  if (c.to === 'ND331')
    lines.push(
      'Hồ sơ theo Nghị định 331/2026/NĐ-CP cần báo cáo đánh giá rủi ro an ninh mạng (Điều 10) và dùng các mẫu văn bản của Nghị định này.',
    );
  lines.push(
    editable
      ? 'Mở hồ sơ, cập nhật thông tin phân loại (xác định lại cấp độ) rồi gửi lại.'
      : 'Hồ sơ ở trạng thái này không sửa được: đơn vị vận hành rút hồ sơ và lập hồ sơ mới theo quy định hiện hành (ý kiến chuyên môn cũng được xin lại cho cấp độ mới).',
  );
  return lines.join(' ');
}

/**
 * A dossier's `transitionalProject` is no longer the officer's to set: it follows the system (ND331 Art. 39.1). A flag
 * sent anyway must agree with the system's facts; the message says why it does not, undefined when it agrees.
 */
export function transitionalFlagContradiction(flag: boolean | undefined, transitionalSystem: boolean): string | undefined {
  if (flag === undefined || flag === transitionalSystem) return undefined;
  return flag
    ? 'hệ thống không thuộc trường hợp chuyển tiếp tại Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: cần tình trạng "Đang đầu tư, xây dựng" hoặc "Đang nâng cấp, mở rộng" (hoặc đưa vào sử dụng từ 01/07/2026) và ngày bắt đầu đầu tư, xây dựng trước 01/07/2026 trên thông tin hệ thống'
    : 'hệ thống thuộc trường hợp chuyển tiếp tại Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP theo thông tin hệ thống; sửa thông tin hệ thống nếu không đúng';
}

/** The dossier's columns after an automatic switch: the new regime, its rulebook and catalogue, the classification re-run. */
export function switchedRegimeFields(
  change: RegimeChange,
  result: EvaluationResult,
  facts: ClassificationFacts,
): Pick<
  Dossier,
  'regime' | 'rulebookVersion' | 'catalogueId' | 'transitionalProject' | 'classification' | 'computedLevel' | 'levelUndetermined'
> {
  return {
    regime: change.to,
    rulebookVersion: result.rulebookVersion,
    catalogueId: change.catalogueId.to,
    transitionalProject: change.transitional,
    classification: { asOf: change.actDate, facts, result },
    computedLevel: result.level,
    levelUndetermined: result.undetermined,
  };
}

/** The refusal's field errors: each fact the new regime asks for, each answer it does not accept. */
export function regimeChangeFieldErrors(change: RegimeChange): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const f of change.neededFacts) (errors[f.field] ??= []).push(`cần trả lời theo ${DECREE[change.to]}: ${f.question}`);
  for (const f of change.invalidFacts) (errors[f.field] ??= []).push(f.message);
  return errors;
}
