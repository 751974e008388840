import {
  clocksStillRunning,
  dueReminders,
  externalAssessmentRequired,
  IncidentClockFacts,
  incidentClocks,
  incidentReminderKey,
  REMIND_BEFORE_HOURS,
} from './incident-clocks';

const DETECTED = new Date('2026-12-01T02:30:00Z'); // 09:30 in Hà Nội
const at = (hours: number) => new Date(DETECTED.getTime() + hours * 3_600_000);
const facts = (over: Partial<IncidentClockFacts> = {}): IncidentClockFacts => ({
  detectedAt: DETECTED,
  severity: 'NORMAL',
  nationalSecurity: false,
  initialNoticeSentAt: null,
  reportSentAt: null,
  ...over,
});

describe('ND331 Art. 31.2.d — incident clocks', () => {
  it('Art. 31.2.d (first indent): every incident owes the report 72 hours after detection', () => {
    const clocks = incidentClocks(facts(), at(1));
    expect(clocks.map((c) => [c.clock, c.dueAt.toISOString()])).toEqual([['REPORT', '2026-12-04T02:30:00.000Z']]);
  });

  it('Art. 31.2.d (second indent): a serious incident owes the initial notice 24 hours after detection, before the report', () => {
    const clocks = incidentClocks(facts({ severity: 'SERIOUS' }), at(1));
    expect(clocks.map((c) => [c.clock, c.dueAt.toISOString(), c.immediate])).toEqual([
      ['INITIAL_NOTICE', '2026-12-02T02:30:00.000Z', false],
      ['REPORT', '2026-12-04T02:30:00.000Z', false],
    ]);
  });

  it('Art. 31.2.d (second indent): an ordinary incident has no 24-hour initial notice', () => {
    expect(incidentClocks(facts({ severity: 'NORMAL' }), at(1)).some((c) => c.clock === 'INITIAL_NOTICE')).toBe(false);
  });

  it('Art. 31.2.d (third indent): national security at stake → reported at detection, whatever the severity', () => {
    for (const severity of ['NORMAL', 'SERIOUS'] as const) {
      const [first] = incidentClocks(facts({ severity, nationalSecurity: true }), DETECTED);
      expect(first).toMatchObject({ clock: 'INITIAL_NOTICE', immediate: true, overdue: true });
      expect(first.dueAt.toISOString()).toBe(DETECTED.toISOString());
    }
  });

  it('Art. 31.2.d: a clock is overdue past its deadline only while nothing is recorded as sent', () => {
    expect(incidentClocks(facts({ severity: 'SERIOUS' }), at(24))[0].overdue).toBe(true);
    expect(incidentClocks(facts({ severity: 'SERIOUS' }), at(23.9))[0].overdue).toBe(false);
    expect(incidentClocks(facts({ severity: 'SERIOUS', initialNoticeSentAt: at(20) }), at(30))[0].overdue).toBe(false);
  });
});

describe('ND331 Art. 31.2.d — reminders before and at each deadline', () => {
  const serious = facts({ severity: 'SERIOUS' });
  const moments = (f: IncidentClockFacts, h: number) => dueReminders(f, at(h)).map((r) => `${r.clock}:${r.moment}`);

  it(`nothing before ${REMIND_BEFORE_HOURS} hours ahead of the 24-hour notice`, () => {
    expect(moments(serious, 24 - REMIND_BEFORE_HOURS - 0.01)).toEqual([]);
  });

  it('"before" from 4 hours ahead until the deadline, then "at" (never a late "before")', () => {
    expect(moments(serious, 24 - REMIND_BEFORE_HOURS)).toEqual(['INITIAL_NOTICE:before']);
    expect(moments(serious, 23.99)).toEqual(['INITIAL_NOTICE:before']);
    expect(moments(serious, 24)).toEqual(['INITIAL_NOTICE:at']);
    expect(moments(serious, 69)).toEqual(['INITIAL_NOTICE:at', 'REPORT:before']);
    expect(moments(serious, 72)).toEqual(['INITIAL_NOTICE:at', 'REPORT:at']);
  });

  it('a clock stopped by the notice or the report reminds no more; a closed incident reminds nothing', () => {
    expect(moments({ ...serious, initialNoticeSentAt: at(2) }, 72)).toEqual(['REPORT:at']);
    expect(moments({ ...serious, initialNoticeSentAt: at(2), reportSentAt: at(50) }, 80)).toEqual([]);
    expect(moments({ ...serious, closedAt: at(3) }, 80)).toEqual([]);
  });

  it('Art. 31.2.d (third indent): an immediate notice has only the "at" reminder, from detection', () => {
    expect(moments(facts({ nationalSecurity: true }), 0)).toEqual(['INITIAL_NOTICE:at']);
  });

  it('the dedupe key names incident, clock and moment, so each is sent once per recipient', () => {
    expect(incidentReminderKey('abc', 'REPORT', 'before')).toBe('incident:abc:REPORT:before');
  });

  it('closing needs every running clock stopped', () => {
    expect(clocksStillRunning(serious, at(1))).toEqual(['INITIAL_NOTICE', 'REPORT']);
    expect(clocksStillRunning({ ...serious, initialNoticeSentAt: at(1), reportSentAt: at(2) }, at(3))).toEqual([]);
  });
});

describe('ND331 Art. 31.2.c — external assessment after a serious incident', () => {
  it('required after a serious incident or one with a high risk to national security, not after an ordinary one', () => {
    expect(externalAssessmentRequired({ severity: 'SERIOUS', nationalSecurity: false })).toBe(true);
    expect(externalAssessmentRequired({ severity: 'NORMAL', nationalSecurity: true })).toBe(true);
    expect(externalAssessmentRequired({ severity: 'NORMAL', nationalSecurity: false })).toBe(false);
  });
});
