/**
 * The date written on a decision (Mẫu 06, 07: "Số …, ngày … tháng … năm …"). Decree 30/2020 on office work gives a
 * paper document its number and date after it is signed, at the latest on the next working day (Art. 15.2; the date is
 * part of its form, Art. 8.2.d), so a decision recorded today may rightly bear tomorrow's date. Such a date is accepted
 * only when the person recording it confirms it, and the approval counts from that day, not from the moment it was
 * recorded. A decision approves a dossier that was sent, so it is never dated before the day the dossier was first sent
 * (ND331 Arts. 20.3, 24.1; ND85 Arts. 12, 14.3). See docs/legal/decision-date.md.
 */
import { todayInVietnam } from '../common/dates';

export const FUTURE_DATE_FIELD = 'confirmFutureDate';
/** Beside the confirmation box (the refusal itself says why, with both dates). */
export const FUTURE_DATE_FIELD_MESSAGE = 'đánh dấu ô này nếu ngày ghi trên quyết định là đúng';

export interface DecisionDateFacts {
  /** The date on the decision, 'YYYY-MM-DD'. */
  decisionDate?: string;
  /** Today in Vietnam, 'YYYY-MM-DD'. */
  today?: string;
  /** The request says, explicitly, that the later date is right (`confirmFutureDate: true`). */
  confirmed?: boolean;
}

/** Why a decision's date is refused: dated after today and not confirmed; undefined when it may be recorded. */
export function futureDecisionRefusal(facts: DecisionDateFacts): string | undefined {
  if (!facts.decisionDate || !facts.today || facts.decisionDate <= facts.today || facts.confirmed) return undefined;
  return (
    `Quyết định ghi ngày ${formatViDate(facts.decisionDate)}, sau hôm nay (${formatViDate(facts.today)}). ` +
    'Nếu đúng như vậy, hãy đánh dấu xác nhận và gửi lại: cấp độ được tính là đã phê duyệt từ ngày ghi trên quyết định.'
  );
}

/**
 * ND331 Arts. 20.3, 24.1 (ND85 Arts. 12, 14.3): what is approved is the level dossier that was sent (Art. 20.1) with its
 * appraisal (Art. 23); Mẫu 06 and 07 decide "on the proposal of" the sending body. A decision dated before the day, in
 * Vietnam (UTC+7), the dossier was first sent would approve what had not been proposed yet: it is refused, naming both
 * days. Undefined when the date may be recorded, or when the dossier was never sent (the transition table refuses first).
 */
export function decisionBeforeSubmissionRefusal(facts: { decisionDate?: string; firstSubmittedAt?: Date | null }): string | undefined {
  if (!facts.decisionDate || !facts.firstSubmittedAt) return undefined;
  const { decisionDate } = facts;
  const firstSubmittedOn = todayInVietnam(facts.firstSubmittedAt);
  if (decisionDate >= firstSubmittedOn) return undefined;
  return (
    `Quyết định ghi ngày ${formatViDate(decisionDate)}, trước ngày hồ sơ được gửi lần đầu (${formatViDate(firstSubmittedOn)}). ` +
    'Quyết định phê duyệt hồ sơ đã gửi nên không thể ghi ngày trước ngày gửi; hãy kiểm tra lại ngày ghi trên quyết định.'
  );
}

/** The message beside the confirmation box. */
export function futureDateConfirmationLabel(decisionDate: string): string {
  return `Tôi xác nhận quyết định ghi ngày ${formatViDate(decisionDate)} (sau hôm nay)`;
}

/**
 * When the approval takes effect: when it is recorded, or — for a decision dated after that day — the start of its
 * date in Vietnam (UTC+7), so a report "as of" a day before the decision's date does not count it. Never before the
 * dossier's first submission (`firstSubmittedAt`): a server whose clock lags another's by a moment still writes an
 * approval at or after the submission it approves (the `dossiers_approved_after_submission` constraint).
 */
export function approvalEffectiveAt(recordedAt: Date, decisionDate: string | undefined, firstSubmittedAt?: Date | null): Date {
  const startOfDecisionDay = decisionDate ? new Date(`${decisionDate}T00:00:00+07:00`) : recordedAt;
  const effective = startOfDecisionDay > recordedAt ? startOfDecisionDay : recordedAt;
  return firstSubmittedAt && firstSubmittedAt > effective ? new Date(firstSubmittedAt) : effective;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', as the forms write dates. */
function formatViDate(day: string): string {
  return day.split('-').reverse().join('/');
}
