import { annualReminderStage, lastDayOnTime, stageDeadline, submissionState } from './annual-report-deadlines';

describe('annual report deadlines (TT12 Art. 13.4, ND331 Art. 35.4)', () => {
  it('TT12 Art. 13.4.a / ND331 Art. 35.4.a: units report to the owner before 20 December', () => {
    expect(stageDeadline(2026, 'UNIT_TO_OWNER')).toBe('2026-12-20');
    expect(lastDayOnTime(2026, 'UNIT_TO_OWNER')).toBe('2026-12-19');
  });

  it('TT12 Art. 13.4.b / ND331 Art. 35.4.b: the owner reports to the ministry before 25 December', () => {
    expect(stageDeadline(2026, 'OWNER_TO_MINISTRY')).toBe('2026-12-25');
    expect(lastDayOnTime(2026, 'OWNER_TO_MINISTRY')).toBe('2026-12-24');
  });

  it.each([
    ['2026-12-24', 'ON_TIME'],
    ['2026-12-25', 'LATE'],
    ['2027-01-05', 'LATE'],
  ] as const)('ND331 Art. 35.4.b: an owner report sent on %s is %s ("trước ngày 25")', (sentOn, state) => {
    expect(submissionState(2026, 'OWNER_TO_MINISTRY', sentOn, '2027-01-10')).toBe(state);
  });

  it('a report not sent is "not yet" up to the last day on time and overdue the day after', () => {
    expect(submissionState(2026, 'UNIT_TO_OWNER', null, '2026-12-19')).toBe('NOT_YET');
    expect(submissionState(2026, 'UNIT_TO_OWNER', null, '2026-12-20')).toBe('OVERDUE');
  });

  it.each([
    ['2026-11-19', 'D30'],
    ['2026-12-12', 'D7'],
    ['2026-12-18', 'D1'],
    ['2026-12-19', null],
    ['2026-12-20', 'OVERDUE'],
    ['2026-12-31', 'OVERDUE'],
    ['2027-01-01', null],
    ['2026-12-01', null],
  ] as const)('units before 20/12: reminded on %s at stage %s', (today, stage) => {
    expect(annualReminderStage(2026, 'UNIT_TO_OWNER', today)).toBe(stage);
  });

  it('owners before 25/12: 7 days before the last day on time (24/12) is 17/12', () => {
    expect(annualReminderStage(2026, 'OWNER_TO_MINISTRY', '2026-12-17')).toBe('D7');
    expect(annualReminderStage(2026, 'OWNER_TO_MINISTRY', '2026-12-25')).toBe('OVERDUE');
  });
});
