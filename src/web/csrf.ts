import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection for the page forms: a signed double-submit token. The browser holds a random secret in an
 * http-only cookie; every form carries HMAC(key, secret). A cross-site page can neither read the cookie nor
 * compute the HMAC, and the secret is renewed at sign-in so a planted cookie is useless. Pure: no Nest imports.
 */
export const CSRF_COOKIE = 'capdo_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('capdo web csrf v1').digest();
}

export function csrfToken(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('base64url');
}

export function csrfTokenValid(key: Buffer, secret: string | undefined, token: unknown): boolean {
  if (!secret || typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfToken(key, secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
