import { isCalendarDate, todayInVietnam } from './dates';

describe('todayInVietnam', () => {
  it('rolls over at midnight in Hanoi, not at midnight UTC', () => {
    expect(todayInVietnam(new Date('2026-08-18T16:59:59Z'))).toBe('2026-08-18');
    expect(todayInVietnam(new Date('2026-08-18T17:00:00Z'))).toBe('2026-08-19');
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2025-12-31'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2026-02-29', '2025-13-01', '2025-00-10', '01/05/2021', '2025-1-1', '', 20250101])('rejects %s', (d) =>
    expect(isCalendarDate(d)).toBe(false),
  );
});
