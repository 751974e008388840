import type { RequirementGroup } from './catalogues/requirement.types';

/**
 * "Trả lời cả nhóm": one answer applied to the requirements of one group of the catalogue (Circular 12/2022
 * Art. 9.3 a–g and 9.4 a–d; Decree 331 Art. 30.3–30.4). The plan still holds one entry per requirement, as
 * ND331 Art. 22.6 / TT12 Art. 8.6 ask (a description of how each requirement is met): the group answer only
 * fills them in one go. Pure: the page reads the form into rows, this decides the entries or the refusals.
 */
export const GROUP_ANSWER_STATUSES = ['IMPLEMENTED', 'PLANNED', 'NOT_APPLICABLE'] as const;
export type GroupAnswerStatus = (typeof GROUP_ANSWER_STATUSES)[number];

/** Which requirements of the group the answer goes to: those not answered yet (default), or all of them. */
export const GROUP_ANSWER_SCOPES = ['UNANSWERED', 'ALL'] as const;
export type GroupAnswerScope = (typeof GROUP_ANSWER_SCOPES)[number];

/** One requirement's answer as the officer sees it now (typed, possibly not saved yet). */
export interface PlanRowState {
  code: string;
  group: RequirementGroup;
  status: string | null;
  /** The row's own text: how it is met, or the reason it does not apply. */
  text: string | null;
}

export interface GroupAnswer {
  status: string | null;
  /** ISO date, already read from the form; required when PLANNED. */
  plannedDate: string | null;
  /** For NOT_APPLICABLE the reason (required); otherwise a description used where a row has none of its own. */
  text: string | null;
  scope: string | null;
}

export interface GroupAnswerEntry {
  code: string;
  status: GroupAnswerStatus;
  plannedDate: string | null;
  reason: string | null;
  description: string | null;
}

export type GroupAnswerField = 'status' | 'plannedDate' | 'text' | 'scope';
export type GroupAnswerResult =
  { ok: true; entries: GroupAnswerEntry[] } | { ok: false; errors: Partial<Record<GroupAnswerField, string[]>> };

const blank = (s: string | null | undefined): boolean => !s || !s.trim();

export function answerGroup(rows: readonly PlanRowState[], group: RequirementGroup, answer: GroupAnswer): GroupAnswerResult {
  const errors: Partial<Record<GroupAnswerField, string[]>> = {};
  const status = (GROUP_ANSWER_STATUSES as readonly string[]).includes(answer.status ?? '') ? (answer.status as GroupAnswerStatus) : null;
  const scope = answer.scope ? answer.scope : 'UNANSWERED';
  if (!status) errors.status = ['hãy chọn cách trả lời cho cả nhóm'];
  if (!(GROUP_ANSWER_SCOPES as readonly string[]).includes(scope)) errors.scope = ['hãy chọn một trong các lựa chọn'];
  const inGroup = rows.filter((r) => r.group === group);
  const targets = scope === 'ALL' ? inGroup : inGroup.filter((r) => blank(r.status));
  if (!errors.scope && targets.length === 0)
    errors.scope = ['nhóm này không còn yêu cầu chưa trả lời; chọn "tất cả yêu cầu của nhóm" để trả lời lại'];
  // A plan with a date is a promise: Decree 331 Art. 22.6 asks how each requirement will be met, and when.
  if (status === 'PLANNED' && !answer.plannedDate) errors.plannedDate = ['hãy ghi thời hạn triển khai (ngày/tháng/năm)'];
  if (status === 'NOT_APPLICABLE' && blank(answer.text)) errors.text = ['hãy ghi lý do không áp dụng'];
  // Every requirement needs its own description (the completeness check asks for it): the group's text fills the gaps.
  if (status && status !== 'NOT_APPLICABLE' && blank(answer.text) && targets.some((r) => blank(r.text)))
    errors.text = ['hãy mô tả cách đáp ứng (dùng cho các yêu cầu chưa có mô tả riêng)'];
  if (!status || Object.keys(errors).length) return { ok: false, errors };
  const text = answer.text?.trim() || null;
  const entries = targets.map((r) => ({
    code: r.code,
    status,
    plannedDate: status === 'PLANNED' ? answer.plannedDate : null,
    reason: status === 'NOT_APPLICABLE' ? text : null,
    description: status === 'NOT_APPLICABLE' ? null : blank(r.text) ? text : r.text!.trim(),
  }));
  return { ok: true, entries };
}
