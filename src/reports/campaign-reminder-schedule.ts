import { differenceInCalendarDays, parseISO } from 'date-fns';
import { reminderStage } from '../notifications/reminder-schedule';

/** How long after a campaign's deadline the bodies still missing are reminded each day. */
export const CAMPAIGN_OVERDUE_REMINDER_DAYS = 30;

/** Whether a campaign with `deadline` reminds on `today`: 30, 7, 1 days before, then daily for 30 days once passed. */
export function campaignReminderDue(deadline: string, today: string): boolean {
  const stage = reminderStage(deadline, today);
  if (stage !== 'OVERDUE') return stage !== null;
  return differenceInCalendarDays(parseISO(today), parseISO(deadline)) <= CAMPAIGN_OVERDUE_REMINDER_DAYS;
}
