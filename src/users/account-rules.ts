/**
 * The shape of an account (issue 22): usernames, role and agency together, temporary passwords. No Nest or TypeORM code.
 */
import { randomInt } from 'node:crypto';
import { Role } from './role';

/** Lower-case letters, digits, dot, underscore and hyphen, 3–64 characters: what people type and read back. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const USERNAME_RULE = 'chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (3–64 ký tự)';

/** The username as stored (trimmed, lower-cased), or undefined when it does not fit USERNAME_PATTERN. */
export function normaliseUsername(raw: string): string | undefined {
  const username = raw.trim().toLowerCase();
  return USERNAME_PATTERN.test(username) ? username : undefined;
}

/**
 * What is wrong with this role and agency together, as a field error; undefined when they fit. Every role but the
 * administrator's acts for an agency (its officers, its head, the province's leaders and appraisers by their body).
 */
export function roleAgencyProblem(role: Role, agencyId: string | null): string | undefined {
  if (role !== 'ADMIN' && !agencyId) return 'vai trò này cần có cơ quan, đơn vị';
  return undefined;
}

/** Letters and digits that cannot be misread aloud or on paper: no 0/O/o, 1/l/I. */
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LOWER + UPPER + DIGITS;
export const TEMPORARY_PASSWORD_ALPHABET = ALPHABET;

/** Groups of four, joined by hyphens, so it is read out and typed in chunks. */
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A temporary password: 16 characters from a 56-character alphabet (about 93 bits, crypto-random) in four groups
 * ("Hq7k-mZ3p-…"), with at least one lower-case letter, upper-case letter and digit. 19 characters with hyphens.
 */
export function temporaryPassword(random: (max: number) => number = randomInt): string {
  for (;;) {
    const chars = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET[random(ALPHABET.length)]);
    const text = chars.join('');
    if (/[a-z]/.test(text) && /[A-Z]/.test(text) && /[2-9]/.test(text)) {
      const groups = Array.from({ length: GROUPS }, (_, i) => text.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
      return groups.join('-');
    }
  }
}
