import { appraisalDeadline, approvalDeadline, DeadlineCalendar, validityDeadline } from './statutory-deadlines';

/** A calendar stub that records what was asked: these specs check which limit applies, the calendar module checks the counting. */
const calendar: DeadlineCalendar = {
  addWorkingDays: (start, days) => `${start}+${days}wd`,
  addCalendarDays: (start, days) => `${start}+${days}d`,
};

describe('statutory deadlines', () => {
  it('validity check: 5 working days from receipt', () => {
    expect(validityDeadline('2026-11-02', calendar)).toMatchObject({ kind: 'VALIDITY', due: '2026-11-02+5wd' });
  });

  it.each([
    ['ND331', 3, '2026-11-02+15wd', 'APPRAISAL'],
    ['ND331', 4, '2026-11-02+25wd', 'APPRAISAL'],
    ['ND331', 5, '2026-11-02+25wd', 'APPRAISAL'],
    ['ND85', 3, '2026-11-02+15d', 'APPRAISAL'],
    ['ND85', 4, '2026-11-02+30d', 'APPRAISAL'],
    ['ND85', 5, '2026-11-02+30d', 'APPRAISAL'],
    ['ND331', 1, '2026-11-02+5wd', 'APPRAISAL_INTERNAL'],
    ['ND85', 2, '2026-11-02+5wd', 'APPRAISAL_INTERNAL'],
  ] as const)('appraisal under %s at level %i is due %s', (regime, level, due, kind) => {
    expect(appraisalDeadline(regime, level, '2026-11-02', calendar)).toMatchObject({ kind, due });
  });

  it('approval: 7 working days in both regimes, citing the right article', () => {
    expect(approvalDeadline('ND85', '2026-03-02', calendar)).toMatchObject({
      due: '2026-03-02+7wd',
      basis: expect.stringContaining('Điều 17 Nghị định 85'),
    });
    expect(approvalDeadline('ND331', '2026-11-02', calendar)).toMatchObject({
      due: '2026-11-02+7wd',
      basis: expect.stringContaining('Điều 24 Nghị định 331'),
    });
  });
});
