import { assessPassword } from '../auth/password-policy';
import { normaliseUsername, roleAgencyProblem, TEMPORARY_PASSWORD_ALPHABET, temporaryPassword } from './account-rules';

describe('usernames (issue 22)', () => {
  it('are stored trimmed and lower-cased', () => {
    expect(normaliseUsername('  Nguyen.VanA ')).toBe('nguyen.vana');
    expect(normaliseUsername('can_bo-01')).toBe('can_bo-01');
  });

  it('refuse diacritics, spaces, other signs, and lengths outside 3–64', () => {
    for (const bad of ['nguyễn', 'nguyen van', 'a@b', 'ab', 'x'.repeat(65), '']) expect(normaliseUsername(bad)).toBeUndefined();
    expect(normaliseUsername('abc')).toBe('abc');
    expect(normaliseUsername('x'.repeat(64))).toBe('x'.repeat(64));
  });
});

describe('role and agency together (issue 22)', () => {
  it('every role but the administrator needs an agency', () => {
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER', 'AGENCY_HEAD'] as const) {
      expect(roleAgencyProblem(role, null)).toBe('vai trò này cần có cơ quan, đơn vị');
      expect(roleAgencyProblem(role, 'A')).toBeUndefined();
    }
  });

  it('an administrator may have none, or one', () => {
    expect(roleAgencyProblem('ADMIN', null)).toBeUndefined();
    expect(roleAgencyProblem('ADMIN', 'A')).toBeUndefined();
  });
});

describe('temporary passwords (issue 22)', () => {
  it('are at least 14 characters, in four groups easy to read aloud (no 0/O/1/l/I)', () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword();
      expect(password.length).toBeGreaterThanOrEqual(14);
      expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(password).not.toMatch(/[0O1lIo]/);
    }
    expect(TEMPORARY_PASSWORD_ALPHABET).not.toMatch(/[0O1lIo]/);
  });

  it('hold a lower-case letter, an upper-case letter and a digit', () => {
    // A generator that would first give all "a"s must draw again.
    let calls = 0;
    const biased = (max: number) => (calls++ < 16 ? 0 : (calls * 7) % max);
    const password = temporaryPassword(biased);
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[2-9]/);
  });

  it('differ from one another (crypto-random)', () => {
    const seen = new Set(Array.from({ length: 500 }, () => temporaryPassword()));
    expect(seen.size).toBe(500);
  });

  it('pass the password policy', () => {
    for (let i = 0; i < 50; i++) {
      const verdict = assessPassword(temporaryPassword(), { username: 'nguyenvana', fullName: 'Nguyễn Văn A' });
      expect(verdict).toEqual({ acceptable: true, score: expect.any(Number) });
    }
  });
});
