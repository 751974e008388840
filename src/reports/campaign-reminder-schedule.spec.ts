import { campaignReminderDue } from './campaign-reminder-schedule';

describe('campaign reminders to bodies that have not submitted', () => {
  it.each([
    ['2026-01-16', true],
    ['2026-02-08', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-10', false],
    ['2026-02-16', true],
    ['2026-03-17', true],
    ['2026-03-18', false],
  ])('a campaign due 15/02/2026 reminds on %s: %s', (today, due) => {
    expect(campaignReminderDue('2026-02-15', today)).toBe(due);
  });
});
