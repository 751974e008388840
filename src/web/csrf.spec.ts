import { csrfKey, csrfToken, csrfTokenValid, newCsrfSecret } from './csrf';

describe('page CSRF tokens', () => {
  const key = csrfKey('a-server-secret-of-at-least-32-characters');
  const session = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.signature-a';

  it("accepts the token made for the browser's own secret and session", () => {
    const secret = newCsrfSecret();
    expect(csrfTokenValid(key, secret, session, csrfToken(key, secret, session))).toBe(true);
    expect(csrfTokenValid(key, secret, undefined, csrfToken(key, secret, undefined))).toBe(true);
  });

  it("refuses a missing secret, a missing token, another browser's token and another server's token", () => {
    const secret = newCsrfSecret();
    expect(csrfTokenValid(key, undefined, session, csrfToken(key, secret, session))).toBe(false);
    expect(csrfTokenValid(key, secret, session, undefined)).toBe(false);
    expect(csrfTokenValid(key, secret, session, csrfToken(key, newCsrfSecret(), session))).toBe(false);
    expect(csrfTokenValid(key, secret, session, csrfToken(csrfKey('another-server-secret-of-32-characters!!'), secret, session))).toBe(
      false,
    );
  });

  it('refuses a token of another session, even with the same cookie secret, and a signed-out token once signed in', () => {
    const secret = newCsrfSecret();
    const other = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiIn0.signature-b';
    expect(csrfTokenValid(key, secret, other, csrfToken(key, secret, session))).toBe(false);
    expect(csrfTokenValid(key, secret, session, csrfToken(key, secret, undefined))).toBe(false);
  });
});
