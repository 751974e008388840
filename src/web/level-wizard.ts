/**
 * The level questionnaire as a step-by-step form: one question per step, only the questions whose askWhen holds
 * for the answers so far. Pure: reads a posted form into facts, decides the step; the rules stay in
 * classification/rules (questionAppliesTo, the evaluator).
 */
import type { NationalSecurityListResult, SecurityLevel } from '../classification/rules/classification.types';
import { criteriaBasis, levelFloor } from '../classification/rules/level-floor';
import { Question, questionAppliesTo } from '../classification/rules/questionnaire';
import { FieldErrors } from '../common/errors/domain-error';
import { FormBody } from './form-input';

export type Answers = Record<string, unknown>;

export const ANSWER_PREFIX = 'a.';

/** Reads the answers of every question present in the form; a value that cannot be read becomes an error. */
export function readAnswers(questions: Question[], body: FormBody): { answers: Answers; errors: FieldErrors } {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const key = `${ANSWER_PREFIX}${q.id}`;
    const raw = body[key];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (q.answerType === 'multi') {
      if (values.length) answers[q.id] = [...new Set(values)];
      continue;
    }
    const value = values[values.length - 1];
    if (value === undefined) continue;
    if (q.answerType === 'boolean') {
      if (value === 'true' || value === 'false') answers[q.id] = value === 'true';
    } else if (q.answerType === 'integer' || q.answerType === 'level') {
      const digits = value.replace(/[.\s]/g, '');
      if (/^\d+$/.test(digits)) answers[q.id] = Number(digits);
      else errors[q.id] = ['hãy nhập một số nguyên không âm, ví dụ 12000'];
    } else {
      answers[q.id] = value;
    }
  }
  return { answers, errors };
}

/** The questions to ask given the answers, and the answers without those to questions no longer asked. */
export function applicable(questions: Question[], answers: Answers): { asked: Question[]; answers: Answers } {
  let current = answers;
  for (let pass = 0; pass < 4; pass += 1) {
    const asked = questions.filter((q) => questionAppliesTo(q, current));
    const kept = Object.fromEntries(Object.entries(current).filter(([id]) => asked.some((q) => q.id === id)));
    if (Object.keys(kept).length === Object.keys(current).length) return { asked, answers: kept };
    current = kept;
  }
  return { asked: questions.filter((q) => questionAppliesTo(q, current)), answers: current };
}

/**
 * Whether the questionnaire lets the question be skipped: never when the question is required, nor when its help
 * says the law makes it mandatory (mandatoryInQuestionnaire: ND331 Art. 10.2.a for the risk assessment).
 */
export function mustAnswer(question: Question): boolean {
  return question.required || question.mandatoryInQuestionnaire === true;
}

export type AnswerState = 'answered' | 'skipped' | 'unanswered';

/**
 * What the officer did with a question: answered it, skipped it (an optional question left empty once the officer
 * moved past it), or not yet answered (a question still ahead, or a mandatory one left empty).
 */
export function answerState(question: Question, answers: Answers, index: number, step: number): AnswerState {
  if (isAnswered(answers, question.id)) return 'answered';
  return !mustAnswer(question) && index < step ? 'skipped' : 'unanswered';
}

/**
 * Whether the result panel may show a level: not before the officer's first answer on the page. Facts copied from the
 * system's registration are a starting point, not answers; a dossier being updated was answered before.
 */
export function showsLevel(input: { answeredOnPage: boolean; updatingDossier: boolean }): boolean {
  return input.answeredOnPage || input.updatingDossier;
}

/** The mandatory questions asked and not answered yet: while any remains, the level shown is provisional. */
export function unansweredMandatory(asked: Question[], answers: Answers): Question[] {
  return asked.filter((q) => mustAnswer(q) && !isAnswered(answers, q.id));
}

export function isAnswered(answers: Answers, id: string): boolean {
  const value = answers[id];
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

export type WizardMove = { kind: 'stay' } | { kind: 'next' } | { kind: 'back' } | { kind: 'goto'; step: number } | { kind: 'finish' };

export function readMove(value: unknown): WizardMove {
  if (value === 'tiep') return { kind: 'next' };
  if (value === 'lui') return { kind: 'back' };
  if (value === 'lap-ho-so') return { kind: 'finish' };
  const step = typeof value === 'string' ? /^buoc-(\d{1,2})$/.exec(value)?.[1] : undefined;
  return step !== undefined ? { kind: 'goto', step: Number(step) } : { kind: 'stay' };
}

/**
 * The step to show after a move. Steps 0…n-1 are the questions asked; step n is the summary. "Next" stops on a
 * required question left unanswered; "finish" from anywhere goes to the first unanswered required question.
 */
export function nextStep(
  asked: Question[],
  answers: Answers,
  step: number,
  move: WizardMove,
  errors: FieldErrors,
): { step: number; errors: FieldErrors } {
  const last = asked.length;
  const at = Math.min(Math.max(0, step), last);
  const firstMissing = asked.findIndex((q) => mustAnswer(q) && !isAnswered(answers, q.id));
  switch (move.kind) {
    case 'stay':
      return { step: at, errors };
    case 'back':
      return { step: Math.max(0, at - 1), errors: {} };
    case 'goto':
      return { step: Math.min(Math.max(0, move.step), firstMissing === -1 ? last : Math.min(last, firstMissing)), errors: {} };
    case 'next': {
      const question = asked[at];
      if (question && errors[question.id]) return { step: at, errors };
      if (question && mustAnswer(question) && !isAnswered(answers, question.id)) {
        return {
          step: at,
          errors: {
            [question.id]: [question.answerType === 'multi' ? 'hãy chọn ít nhất một mục' : 'hãy trả lời câu hỏi này trước khi tiếp tục'],
          },
        };
      }
      return { step: Math.min(last, at + 1), errors: {} };
    }
    case 'finish':
      if (firstMissing !== -1)
        return { step: firstMissing, errors: { [asked[firstMissing].id]: ['hãy trả lời câu hỏi này trước khi lập hồ sơ'] } };
      return { step: last, errors };
  }
}

/** Enough to ask the evaluator: the two facts it cannot do without. */
export function canEvaluate(answers: Answers): boolean {
  return isAnswered(answers, 'systemType') && isAnswered(answers, 'infoTypes');
}

/**
 * The answer as a person reads it, with the question's own option labels. On the summary every question asked has
 * been passed: an optional one left empty was skipped ("Bỏ qua"), never "Chưa trả lời".
 */
export function answerLabel(question: Question, value: unknown): string {
  if (value === undefined) {
    if (mustAnswer(question)) return 'Chưa trả lời';
    // An optional list left empty is an answer: none of the cases applies (e.g. the Art. 16 criteria).
    return question.answerType === 'multi' ? 'Không có trường hợp nào' : 'Bỏ qua';
  }
  if (question.answerType === 'boolean') return value ? 'Có' : 'Không';
  const label = (v: unknown) => question.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (question.answerType === 'integer') return new Intl.NumberFormat('vi-VN').format(Number(value));
  return label(value);
}

export interface NationalListNotice {
  /** Vietnamese: what the List means for the dossier. */
  text: string;
  /** The criteria met, each with its article. */
  criteria: string[];
}

/**
 * What the result panel says about the List of systems important to national security (Decree 331/2026 Arts. 16–17,
 * 20.4), or nothing when the system does not belong on it (or under Decree 85, which has no List).
 */
export function nationalListNotice(result: {
  level: SecurityLevel | number | null;
  nationalSecurityList?: NationalSecurityListResult;
}): NationalListNotice | undefined {
  const list = result.nationalSecurityList;
  if (!list?.meets) return undefined;
  // Art. 20.4 gives the level-5 procedure to level 3–4 systems; below level 3 the level itself needs a second look.
  if (result.level !== null && result.level < 3) {
    return {
      text: 'Hệ thống có dấu hiệu thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia (Điều 16) nhưng cấp độ theo tiêu chí chưa tới cấp độ 3: hãy rà soát lại mức độ tổn hại tới an ninh quốc gia và cấp độ đề xuất (khoản 4 Điều 20 áp dụng cho hệ thống cấp độ 3, cấp độ 4).',
      criteria: list.criteria,
    };
  }
  return {
    text: 'Hệ thống có dấu hiệu thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia: hồ sơ theo trình tự của cấp độ 5 (khoản 4 Điều 20); chủ quản lập hồ sơ đề nghị đưa vào Danh mục (Điều 17).',
    criteria: list.criteria,
  };
}

export interface ProposalGuide {
  /** The levels the officer may choose: none below the floor (ND85 Arts. 7–11; ND331 Arts. 11–15, 8.2). */
  options: { value: string; label: string }[];
  /** Vietnamese: what the criteria allow, naming the article that set the level. */
  hint: string;
}

/** The proposal step of the wizard: the levels offered and what the officer is told about them. */
export function proposalGuide(
  result: { level: number | null; undetermined: boolean; matchedRules: { level: number; article: string }[] } | undefined,
): ProposalGuide {
  const all = [1, 2, 3, 4, 5];
  if (!result)
    return {
      options: all.map((n) => ({ value: String(n), label: `Cấp độ ${n}` })),
      hint: 'Trả lời các câu hỏi để biết cấp độ theo tiêu chí.',
    };
  const floor = levelFloor(result.level);
  const options = all
    .filter((n) => n >= floor)
    .map((n) => ({
      value: String(n),
      label: `Cấp độ ${n}${n === result.level ? (result.undetermined ? ' (tối thiểu theo tiêu chí)' : ' (theo tiêu chí)') : ''}`,
    }));
  const basis = criteriaBasis(result).join('; ');
  const remedy =
    'Nếu không đồng ý với kết quả, hãy sửa câu trả lời chưa đúng hoặc ghi ý kiến gửi đơn vị thẩm định; không đề xuất thấp hơn.';
  if (result.level === null) {
    return { options, hint: 'Tiêu chí chưa xác định được cấp độ: chọn cấp độ đề xuất và thuyết minh căn cứ (tối thiểu 20 ký tự).' };
  }
  if (result.undetermined) {
    return {
      options,
      hint: `Tiêu chí chưa xác định hết cấp độ: cấp độ đề xuất ít nhất là cấp độ ${result.level} (${basis}) và cần thuyết minh căn cứ. ${remedy}`,
    };
  }
  return {
    options,
    hint: `Cấp độ ${result.level} do tiêu chí xác định (${basis}). Đề xuất cao hơn cần thuyết minh lý do. ${remedy}`,
  };
}

/**
 * A first draft of the level justification (the dossier's Phần 3, which the completeness check asks for), written from
 * the criteria that set the level: the officer reads and edits it rather than starting from a blank box. Nothing when
 * the criteria do not settle the level: then the officer must explain in their own words.
 */
export function suggestedJustification(
  result: { level: number | null; undetermined: boolean; matchedRules: { level: number; article: string; reason: string }[] } | undefined,
): string {
  if (!result || result.level === null || result.undetermined) return '';
  const rules = result.matchedRules.filter((rule) => rule.level === result.level);
  if (!rules.length) return '';
  return `Đề xuất cấp độ ${result.level} theo ${criteriaBasis(result).join('; ')}: ${rules.map((rule) => rule.reason).join(' ')}`;
}
