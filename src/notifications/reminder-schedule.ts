import { differenceInCalendarDays, parseISO } from 'date-fns';

/**
 * When an after-approval deadline (a plan item, an inspection, a remediation item) is reminded: 30, 7 and 1 days
 * before, and every day once it is overdue. Pure; the daily jobs ask it for each open item and store one notification
 * per recipient per item per day (the dedupe key carries the day).
 */
export const REMINDER_DAYS_BEFORE = [30, 7, 1] as const;
export type ReminderStage = 'D30' | 'D7' | 'D1' | 'OVERDUE';

/** The stage of a deadline `dueOn` on `today` (both yyyy-mm-dd, Vietnam days), or null when nothing is due today. */
export function reminderStage(dueOn: string, today: string): ReminderStage | null {
  const daysLeft = differenceInCalendarDays(parseISO(dueOn), parseISO(today));
  if (daysLeft < 0) return 'OVERDUE';
  if ((REMINDER_DAYS_BEFORE as readonly number[]).includes(daysLeft)) return `D${daysLeft}` as ReminderStage;
  return null;
}

/** The one dedupe key of a reminder: per item, per stage, per day; `notify` stores it once per recipient. */
export function reminderDedupeKey(itemKind: string, itemId: string, dueOn: string, today: string): string | null {
  const stage = reminderStage(dueOn, today);
  return stage ? `${itemKind}:${itemId}:${dueOn}:${stage}:${today}` : null;
}

const STAGE_WORDS: Record<ReminderStage, string> = { D30: 'còn 30 ngày', D7: 'còn 7 ngày', D1: 'còn 1 ngày', OVERDUE: 'đã quá hạn' };

/** Plain words for a notification's title: "còn 7 ngày", "đã quá hạn". */
export function reminderWords(stage: ReminderStage): string {
  return STAGE_WORDS[stage];
}
