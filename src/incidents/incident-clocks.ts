/**
 * The reporting clocks of a cybersecurity incident, ND331 Art. 31.2.d (docs/legal/incidents.md), as pure functions:
 * - the report on causes, scope and remedies is due 72 hours after detection, for every incident (first indent);
 * - the initial notice of a serious incident is due 24 hours after detection (second indent);
 * - when the incident shows signs of harming national security, public order and safety, or seriously disrupts the
 *   system, the report is due "ngay khi phát hiện" (third indent): the initial notice is then due at detection.
 * A clock stops when what it asks for is recorded as sent. Each running clock is reminded twice, each once: some
 * hours before the deadline and at it (the dedupe key of each moment is built here).
 */

export const INCIDENT_SEVERITIES = ['NORMAL', 'SERIOUS'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  NORMAL: 'Sự cố thông thường',
  SERIOUS: 'Sự cố nghiêm trọng',
};

export const INCIDENT_CLOCKS = ['INITIAL_NOTICE', 'REPORT'] as const;
export type IncidentClock = (typeof INCIDENT_CLOCKS)[number];

export const INCIDENT_CLOCK_LABELS: Record<IncidentClock, string> = {
  INITIAL_NOTICE: 'Thông báo ban đầu',
  REPORT: 'Báo cáo nguyên nhân, phạm vi ảnh hưởng, biện pháp khắc phục',
};

/** Hours before a deadline when the first reminder goes (a working half-day to prepare and send). */
export const REMIND_BEFORE_HOURS = 4;
const HOUR = 3_600_000;

export type ReminderMoment = 'before' | 'at';

export interface IncidentClockFacts {
  detectedAt: Date;
  severity: IncidentSeverity;
  /** Signs of harming national security, public order and safety, or a serious disruption (Art. 31.2.d, third indent). */
  nationalSecurity: boolean;
  initialNoticeSentAt: Date | null;
  reportSentAt: Date | null;
  closedAt?: Date | null;
}

export interface IncidentClockState {
  clock: IncidentClock;
  dueAt: Date;
  /** Due at detection ("ngay khi phát hiện"). */
  immediate: boolean;
  article: string;
  sentAt: Date | null;
  /** Running and past its deadline at `now`. */
  overdue: boolean;
}

export interface DueReminder {
  clock: IncidentClock;
  moment: ReminderMoment;
  dueAt: Date;
  immediate: boolean;
  article: string;
}

/** The clocks an incident runs, in deadline order (ND331 Art. 31.2.d). */
export function incidentClocks(facts: IncidentClockFacts, now: Date): IncidentClockState[] {
  const detected = facts.detectedAt.getTime();
  const clocks: Omit<IncidentClockState, 'overdue'>[] = [];
  if (facts.nationalSecurity) {
    clocks.push({
      clock: 'INITIAL_NOTICE',
      dueAt: new Date(detected),
      immediate: true,
      article: 'điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP (báo cáo ngay khi phát hiện)',
      sentAt: facts.initialNoticeSentAt,
    });
  } else if (facts.severity === 'SERIOUS') {
    clocks.push({
      clock: 'INITIAL_NOTICE',
      dueAt: new Date(detected + 24 * HOUR),
      immediate: false,
      article: 'điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP (thông báo ban đầu trong 24 giờ)',
      sentAt: facts.initialNoticeSentAt,
    });
  }
  clocks.push({
    clock: 'REPORT',
    dueAt: new Date(detected + 72 * HOUR),
    immediate: false,
    article: 'điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP (báo cáo trong 72 giờ)',
    sentAt: facts.reportSentAt,
  });
  return clocks.map((c) => ({ ...c, overdue: c.sentAt === null && now.getTime() >= c.dueAt.getTime() && !facts.closedAt }));
}

/**
 * The reminders due at `now`: for each running clock, "before" from REMIND_BEFORE_HOURS before the deadline until
 * the deadline (never after it: a late "before" would mislead), and "at" from the deadline on. A clock due at
 * detection has only "at". Nothing for a closed incident or a stopped clock. The caller sends each once (dedupe key).
 */
export function dueReminders(facts: IncidentClockFacts, now: Date): DueReminder[] {
  if (facts.closedAt) return [];
  const t = now.getTime();
  const out: DueReminder[] = [];
  for (const c of incidentClocks(facts, now)) {
    if (c.sentAt) continue;
    const due = c.dueAt.getTime();
    const base = { clock: c.clock, dueAt: c.dueAt, immediate: c.immediate, article: c.article };
    if (t >= due) out.push({ ...base, moment: 'at' });
    else if (!c.immediate && t >= due - REMIND_BEFORE_HOURS * HOUR) out.push({ ...base, moment: 'before' });
  }
  return out;
}

/** One reminder per recipient per incident, clock and moment: `incident:{id}:{clock}:{before|at}`. */
export function incidentReminderKey(incidentId: string, clock: IncidentClock, moment: ReminderMoment): string {
  return `incident:${incidentId}:${clock}:${moment}`;
}

/**
 * ND331 Art. 31.2.c: the assessment by a licensed or designated organisation (not a self-assessment) is required
 * after a serious incident or one with a high risk to national security, public order and safety.
 */
export function externalAssessmentRequired(facts: Pick<IncidentClockFacts, 'severity' | 'nationalSecurity'>): boolean {
  return facts.severity === 'SERIOUS' || facts.nationalSecurity;
}

/** Closing needs every clock stopped: what Art. 31.2.d asks for must have been sent. */
export function clocksStillRunning(facts: IncidentClockFacts, now: Date): IncidentClock[] {
  return incidentClocks(facts, now)
    .filter((c) => c.sentAt === null)
    .map((c) => c.clock);
}
