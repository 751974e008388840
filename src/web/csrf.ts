import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection for the page forms: a signed double-submit token bound to the session. The browser holds a random
 * secret in an http-only cookie; every form carries HMAC(key, secret + hash of the session token). A cross-site page
 * can neither read the cookies nor compute the HMAC; the secret is renewed at sign-in so a planted cookie is useless;
 * and a token taken from one session (another tab signed in as someone else, a leaked page) fails in any other.
 * Forms send it as the `_csrf` field; htmx requests and uploads as the `X-CSRF-Token` header, never in a URL (URLs
 * end up in logs and Referer headers). Pure: no Nest imports.
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('capdo web csrf v2').digest();
}

/** `session` is the session cookie's value (the access token) as the browser sent it; none before sign-in. */
export function csrfToken(key: Buffer, secret: string, session: string | undefined): string {
  const binding = createHash('sha256')
    .update(session ?? '')
    .digest('base64url');
  return createHmac('sha256', key).update(`${secret}\n${binding}`).digest('base64url');
}

export function csrfTokenValid(key: Buffer, secret: string | undefined, session: string | undefined, token: unknown): boolean {
  if (!secret || typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfToken(key, secret, session));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
