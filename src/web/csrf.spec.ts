import { csrfKey, csrfToken, csrfTokenValid, newCsrfSecret } from './csrf';

describe('page CSRF tokens', () => {
  const key = csrfKey('a-server-secret-of-at-least-32-characters');

  it('accepts the token made for the browser\'s own secret', () => {
    const secret = newCsrfSecret();
    expect(csrfTokenValid(key, secret, csrfToken(key, secret))).toBe(true);
  });

  it('refuses a missing secret, a missing token, another browser\'s token and another server\'s token', () => {
    const secret = newCsrfSecret();
    expect(csrfTokenValid(key, undefined, csrfToken(key, secret))).toBe(false);
    expect(csrfTokenValid(key, secret, undefined)).toBe(false);
    expect(csrfTokenValid(key, secret, csrfToken(key, newCsrfSecret()))).toBe(false);
    expect(csrfTokenValid(key, secret, csrfToken(csrfKey('another-server-secret-of-32-characters!!'), secret))).toBe(false);
  });
});
