import { reminderDedupeKey, reminderStage } from './reminder-schedule';

describe('after-approval reminders: 30, 7 and 1 days before, then daily when overdue', () => {
  it.each([
    ['2026-12-31', '2026-12-01', 'D30'],
    ['2026-12-31', '2026-12-24', 'D7'],
    ['2026-12-31', '2026-12-30', 'D1'],
    ['2026-12-31', '2027-01-01', 'OVERDUE'],
    ['2026-12-31', '2027-02-15', 'OVERDUE'],
  ])('due %s, on %s → %s', (due, today, stage) => expect(reminderStage(due, today)).toBe(stage));

  it.each([
    ['2026-12-31', '2026-12-02'],
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31', '2026-12-29'],
  ])('due %s, on %s → no reminder that day', (due, today) => expect(reminderStage(due, today)).toBeNull());

  it('counts calendar days across a leap day (2028-03-01 minus 1 day is 2028-02-29)', () => {
    expect(reminderStage('2028-03-01', '2028-02-29')).toBe('D1');
  });

  it('one key per item, stage and day: a re-run the same day repeats the key, the next day does not', () => {
    expect(reminderDedupeKey('plan-item', 'x', '2026-12-31', '2027-01-02')).toBe(
      reminderDedupeKey('plan-item', 'x', '2026-12-31', '2027-01-02'),
    );
    expect(reminderDedupeKey('plan-item', 'x', '2026-12-31', '2027-01-02')).not.toBe(
      reminderDedupeKey('plan-item', 'x', '2026-12-31', '2027-01-03'),
    );
    expect(reminderDedupeKey('plan-item', 'x', '2026-12-31', '2026-12-15')).toBeNull();
  });
});
