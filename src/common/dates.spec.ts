import { todayInVietnam } from './dates';

describe('todayInVietnam', () => {
  it('rolls over at midnight in Hanoi, not at midnight UTC', () => {
    expect(todayInVietnam(new Date('2026-08-18T16:59:59Z'))).toBe('2026-08-18');
    expect(todayInVietnam(new Date('2026-08-18T17:00:00Z'))).toBe('2026-08-19');
  });
});
