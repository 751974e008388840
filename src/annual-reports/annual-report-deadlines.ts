import { annualPeriod } from '../reports/mau08';
import { reminderStage, ReminderStage } from '../notifications/reminder-schedule';

/**
 * The annual report as a campaign of its own: who sends it to whom, and by when (TT12 Arts. 13.3–13.4 under Decree
 * 85; ND331 Arts. 35.3–35.4 under Decree 331: the same days). Pure; docs/legal/annual-report.md.
 *
 * - UNIT_TO_OWNER: the specialised unit and every operating unit send their report to the owner before 20 December
 *   (TT12 Art. 13.4.a; ND331 Art. 35.4.a).
 * - OWNER_TO_MINISTRY: the owner sends its report to the ministry before 25 December (TT12 Art. 13.4.b: the Ministry
 *   of Information and Communications; ND331 Art. 35.4.b: the Ministry of Public Security).
 * The figures run from 15 December of the previous year to 14 December of the report's year (Art. 13.3 / 35.3).
 */
export const ANNUAL_STAGES = ['UNIT_TO_OWNER', 'OWNER_TO_MINISTRY'] as const;
export type AnnualStage = (typeof ANNUAL_STAGES)[number];

export const ANNUAL_STAGE_LABELS: Record<AnnualStage, string> = {
  UNIT_TO_OWNER: 'Đơn vị chuyên trách, đơn vị vận hành gửi chủ quản',
  OWNER_TO_MINISTRY: 'Chủ quản gửi Bộ Công an',
};

/** The day a stage's report must be sent before ("trước ngày 20/12", "trước ngày 25/12"). */
export function stageDeadline(year: number, stage: AnnualStage): string {
  const period = annualPeriod(year);
  return stage === 'UNIT_TO_OWNER' ? period.unitsReportBy : period.ownerReportBy;
}

/** The last day a report is still on time: the day before the deadline, since the law says "before" (trước ngày). */
export function lastDayOnTime(year: number, stage: AnnualStage): string {
  const deadline = stageDeadline(year, stage);
  return `${year}-12-${String(Number(deadline.slice(8)) - 1).padStart(2, '0')}`;
}

export type SubmissionState = 'ON_TIME' | 'LATE' | 'NOT_YET' | 'OVERDUE';

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  ON_TIME: 'Đã gửi đúng hạn',
  LATE: 'Gửi quá hạn',
  NOT_YET: 'Chưa gửi (chưa đến hạn)',
  OVERDUE: 'Quá hạn, chưa gửi',
};

/** Where a body stands on `today` for one stage of one year's report. */
export function submissionState(year: number, stage: AnnualStage, sentOn: string | null, today: string): SubmissionState {
  const last = lastDayOnTime(year, stage);
  if (sentOn !== null) return sentOn <= last ? 'ON_TIME' : 'LATE';
  return today > last ? 'OVERDUE' : 'NOT_YET';
}

/**
 * Whether a body that has not sent its report is reminded on `today`, and at which stage: 30, 7 and 1 days before the
 * last day on time, then every day once late, until the end of that December (from 15 December the next year's
 * figures are already running; a report still missing in January is for the leadership, not a daily e-mail).
 */
export function annualReminderStage(year: number, stage: AnnualStage, today: string): ReminderStage | null {
  if (today > `${year}-12-31`) return null;
  return reminderStage(lastDayOnTime(year, stage), today);
}

/** The report year whose deadlines fall in `today`'s calendar year (the reminders' year). */
export function deadlineYearOf(today: string): number {
  return Number(today.slice(0, 4));
}
