/**
 * The time limits of the appraisal and approval procedure (legal brief §4; "Workflow").
 * Pure: the calendar is passed in. Under ND331 every limit is in working days; ND85 counts appraisal in days
 * ("ngày", Art. 16.2) and approval in working days (Art. 17.2).
 */
import { DueKind } from '../dossiers/dossier-due';

export interface DeadlineCalendar {
  addWorkingDays(start: string, days: number): string;
  addCalendarDays(start: string, days: number): string;
}

export interface Deadline {
  kind: DueKind;
  due: string;
  /** How the limit was counted, in Vietnamese, with its article. */
  basis: string;
}

/** ND331 Art. 23.2 (TT03 Art. 14.3 before): the validity check within 5 working days of receipt. */
export function validityDeadline(receivedOn: string, calendar: DeadlineCalendar): Deadline {
  return {
    kind: 'VALIDITY',
    due: calendar.addWorkingDays(receivedOn, 5),
    basis: '05 ngày làm việc kể từ ngày nhận hồ sơ (Khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP)',
  };
}

/** Appraisal, counted from the day the dossier is complete and valid. */
export function appraisalDeadline(regime: 'ND85' | 'ND331', level: number, completeOn: string, calendar: DeadlineCalendar): Deadline {
  if (level <= 2) {
    // No statutory limit for levels 1–2; the product keeps an internal target so the queue can still sort.
    return {
      kind: 'APPRAISAL_INTERNAL',
      due: calendar.addWorkingDays(completeOn, 5),
      basis: 'Cấp độ 1, 2: pháp luật không quy định thời hạn; mục tiêu nội bộ 05 ngày làm việc',
    };
  }
  if (regime === 'ND331') {
    const days = level === 3 ? 15 : 25;
    return {
      kind: 'APPRAISAL',
      due: calendar.addWorkingDays(completeOn, days),
      basis: `${days} ngày làm việc (Điều 23 Nghị định 331/2026/NĐ-CP)`,
    };
  }
  const days = level === 3 ? 15 : 30;
  return {
    kind: 'APPRAISAL',
    due: calendar.addCalendarDays(completeOn, days),
    basis: `${days} ngày (Khoản 2 Điều 16 Nghị định 85/2016/NĐ-CP)`,
  };
}

/** ND85 Art. 17.2 / ND331 Art. 24: approval within 7 working days of a complete approval dossier. */
export function approvalDeadline(regime: 'ND85' | 'ND331', appraisedOn: string, calendar: DeadlineCalendar): Deadline {
  const article = regime === 'ND85' ? 'Khoản 2 Điều 17 Nghị định 85/2016/NĐ-CP' : 'Điều 24 Nghị định 331/2026/NĐ-CP';
  return { kind: 'APPROVAL', due: calendar.addWorkingDays(appraisedOn, 7), basis: `07 ngày làm việc (${article})` };
}
