/**
 * The time limits of the appraisal and approval procedure, counted as the law counts them (docs/legal/statutory-clocks.md).
 * Pure: the calendar is passed in. Under ND331 every limit is in working days; ND85 counts appraisal in days
 * ("ngày", Art. 16.2) and approval in working days (Art. 17.2).
 *
 * Every clock starts from a receipt, never from a click in capdo:
 *  - the validity reply runs from the day the dossier is received (ND331 Art. 23.2) — each submission or resubmission;
 *  - the appraisal runs from the day a complete, valid dossier is received (ND331 Art. 23.3; ND85 Art. 16.2): a dossier
 *    the appraiser finds valid was complete on the day it was received, so its appraisal is due from that day;
 *  - the approval runs from the receipt of the complete approval dossier (ND331 Art. 24; ND85 Art. 17.2): for levels
 *    1–2 that is the dossier itself (Art. 24.1.a — the appraisal opinion is part of it only from level 3), for levels
 *    3 and up the Tờ trình with the appraisal opinion (Art. 20.3.b, 24.1.b).
 */
import type { DueKind } from '../dossiers/dossier-due';

export type Regime = 'ND85' | 'ND331';

export interface DeadlineCalendar {
  addWorkingDays(start: string, days: number): string;
  addCalendarDays(start: string, days: number): string;
}

export interface Deadline {
  kind: DueKind;
  due: string;
  /** How the limit was counted, in Vietnamese, with its article (none for an internal target). */
  basis: string;
  /** Set by law (false: capdo's internal target where no text sets one). */
  statutory: boolean;
}

/** ND331 Art. 23.2: the reply to an invalid or incomplete dossier, at most 5 working days from its receipt. */
export const VALIDITY_WORKING_DAYS = 5;
/**
 * ND85 dossiers: no text has set a validity limit since Circular 12/2022 replaced Circular 03/2017 on 01/10/2022
 * (TT12 Art. 17.1); capdo keeps the same 5 working days as an internal target (docs/legal/statutory-clocks.md).
 */
export const ND85_VALIDITY_TARGET_WORKING_DAYS = 5;
/** Levels 1–2: no appraisal limit in either decree; capdo's internal target. */
export const LOW_LEVEL_APPRAISAL_TARGET_WORKING_DAYS = 5;
/** ND331 Art. 24.2 / ND85 Art. 17.2. */
export const APPROVAL_WORKING_DAYS = 7;

/** The validity reply: statutory under ND331 (Art. 23.2), an internal target under ND85. */
export function validityDeadline(regime: Regime, receivedOn: string, calendar: DeadlineCalendar): Deadline {
  if (regime === 'ND331')
    return {
      kind: 'VALIDITY',
      due: calendar.addWorkingDays(receivedOn, VALIDITY_WORKING_DAYS),
      basis: '05 ngày làm việc kể từ ngày nhận hồ sơ (khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)',
      statutory: true,
    };
  return {
    kind: 'VALIDITY',
    due: calendar.addWorkingDays(receivedOn, ND85_VALIDITY_TARGET_WORKING_DAYS),
    basis: 'Mục tiêu nội bộ 05 ngày làm việc kể từ ngày nhận hồ sơ (pháp luật hiện hành không quy định thời hạn này)',
    statutory: false,
  };
}

/** Appraisal, counted from the day the complete, valid dossier was received (its submission or resubmission). */
export function appraisalDeadline(regime: Regime, level: number, receivedOn: string, calendar: DeadlineCalendar): Deadline {
  if (level <= 2) {
    // No statutory limit for levels 1–2; the product keeps an internal target so the queue can still sort.
    return {
      kind: 'APPRAISAL_INTERNAL',
      due: calendar.addWorkingDays(receivedOn, LOW_LEVEL_APPRAISAL_TARGET_WORKING_DAYS),
      basis: 'Cấp độ 1, 2: pháp luật không quy định thời hạn thẩm định; mục tiêu nội bộ 05 ngày làm việc kể từ ngày nhận hồ sơ',
      statutory: false,
    };
  }
  if (regime === 'ND331') {
    const days = level === 3 ? 15 : 25;
    const point = level === 3 ? 'a' : 'b';
    return {
      kind: 'APPRAISAL',
      due: calendar.addWorkingDays(receivedOn, days),
      basis: `${days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (điểm ${point} khoản 3 Điều 23 Nghị định 331/2026/NĐ-CP)`,
      statutory: true,
    };
  }
  const days = level === 3 ? 15 : 30;
  return {
    kind: 'APPRAISAL',
    due: calendar.addCalendarDays(receivedOn, days),
    basis: `${days} ngày kể từ ngày nhận đủ hồ sơ hợp lệ (khoản 2 Điều 16 Nghị định 85/2016/NĐ-CP)`,
    statutory: true,
  };
}

/** ND85 Art. 17.2 / ND331 Art. 24.2: approval within 7 working days of receiving the complete approval dossier. */
export function approvalDeadline(regime: Regime, receivedOn: string, calendar: DeadlineCalendar): Deadline {
  const article = regime === 'ND85' ? 'khoản 2 Điều 17 Nghị định 85/2016/NĐ-CP' : 'khoản 2 Điều 24 Nghị định 331/2026/NĐ-CP';
  return {
    kind: 'APPROVAL',
    due: calendar.addWorkingDays(receivedOn, APPROVAL_WORKING_DAYS),
    basis: `07 ngày làm việc kể từ ngày nhận đủ hồ sơ phê duyệt (${article})`,
    statutory: true,
  };
}

/**
 * The day the approval dossier is complete: for levels 1–2 the dossier itself, received at its (re)submission
 * (ND331 Art. 24.1.a); from level 3 the Tờ trình with the appraisal opinion, received on `approvalRequestOn`.
 */
export function approvalDossierReceivedOn(level: number, dossierReceivedOn: string | null, approvalRequestOn: string): string {
  return level <= 2 && dossierReceivedOn ? dossierReceivedOn : approvalRequestOn;
}

// "Return for supplement" belongs to the validity window (ND331 Art. 23.2): the rule lives beside the dates it reads.
export { mayReturnForSupplement } from '../dossiers/dossier-due';

/** Why a return is refused after the window, in Vietnamese, with the article where there is one. */
export function returnWindowClosedMessage(regime: Regime, validityDueOn: string): string {
  const due = validityDueOn.split('-').reverse().join('/');
  const basis =
    regime === 'ND331'
      ? 'thời hạn phản hồi, hướng dẫn bổ sung hồ sơ chưa hợp lệ là 05 ngày làm việc kể từ ngày nhận hồ sơ (khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)'
      : 'hồ sơ theo Nghị định 85/2016/NĐ-CP áp dụng mục tiêu nội bộ 05 ngày làm việc kể từ ngày nhận hồ sơ để yêu cầu bổ sung';
  return (
    `Đã quá hạn yêu cầu bổ sung hồ sơ (${due}): ${basis}. ` +
    'Nếu hồ sơ chưa đáp ứng, đơn vị thẩm định cho ý kiến thẩm định "chưa phù hợp" (Mẫu 04) và nêu rõ nội dung chưa phù hợp.'
  );
}
