/**
 * When a session still counts (pure; the guard applies it on every request through SessionsService). A session ends
 * when it is revoked (signed out, password changed or reset, account deactivated, "sign out everywhere"), when it has
 * not been used for SESSION_IDLE_MINUTES, or when its absolute lifetime (JWT_EXPIRES_IN_SECONDS) is over.
 */
export type SessionKind = 'WEB' | 'API';
export type SessionVia = 'PASSWORD' | 'OIDC';

export type RevokeReason = 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | 'SIGNED_OUT_EVERYWHERE' | 'ROLE_CHANGED';

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionState = 'ACTIVE' | 'REVOKED' | 'IDLE' | 'EXPIRED';

export function sessionState(session: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMinutes * 60_000) return 'IDLE';
  return 'ACTIVE';
}

/** `last_seen_at` is written at most once a minute per session: the idle clock is precise to a minute, requests stay reads. */
export const TOUCH_EVERY_MS = 60_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

/** What the person is told when the session no longer counts. */
export const SESSION_ENDED_MESSAGES: Record<Exclude<SessionState, 'ACTIVE'>, string> = {
  REVOKED: 'Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc mật khẩu đã đổi). Vui lòng đăng nhập lại.',
  IDLE: 'Phiên đăng nhập đã hết hạn do không sử dụng trong thời gian dài. Vui lòng đăng nhập lại.',
  EXPIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
};
