import { needsTouch, sessionState } from './session-rules';

const at = (iso: string) => new Date(iso);
const base = { lastSeenAt: at('2026-12-07T08:00:00Z'), expiresAt: at('2026-12-07T16:00:00Z'), revokedAt: null };

describe('session-rules: a session ends when revoked, idle or past its lifetime', () => {
  it('counts a session used within the idle time and before its end', () => {
    expect(sessionState(base, at('2026-12-07T08:29:59Z'), 30)).toBe('ACTIVE');
  });
  it('ends a session unused for the idle time', () => {
    expect(sessionState(base, at('2026-12-07T08:30:00Z'), 30)).toBe('IDLE');
  });
  it('ends a session at its absolute lifetime however recently used', () => {
    expect(sessionState({ ...base, lastSeenAt: at('2026-12-07T15:59:00Z') }, at('2026-12-07T16:00:00Z'), 30)).toBe('EXPIRED');
  });
  it('ends a revoked session at once', () => {
    expect(sessionState({ ...base, revokedAt: at('2026-12-07T08:01:00Z') }, at('2026-12-07T08:01:01Z'), 30)).toBe('REVOKED');
  });
  it('writes the last use at most once a minute', () => {
    expect(needsTouch(base.lastSeenAt, at('2026-12-07T08:00:59Z'))).toBe(false);
    expect(needsTouch(base.lastSeenAt, at('2026-12-07T08:01:00Z'))).toBe(true);
  });
});
