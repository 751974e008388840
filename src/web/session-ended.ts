/**
 * Why the sign-in page asks someone to sign in again (issue 22): the page-error filter puts `?het=` on the address
 * from the reason the session ended, and the sign-in page turns it back into a sentence. Pure.
 */
export type SessionEnded = 'IDLE' | 'EXPIRED' | 'REVOKED';

const CODES: Record<SessionEnded, string> = { IDLE: '1', EXPIRED: '2', REVOKED: '3' };

/** The `het` value for the sign-in address; a session cookie that no longer counts for another reason reads as ended. */
export function sessionEndedCode(reason: unknown): string {
  return CODES[reason as SessionEnded] ?? CODES.REVOKED;
}

/** The sentence the sign-in page shows for `het`, or undefined for an unknown value. */
export function sessionEndedNotice(code: string | undefined, idleMinutes: number, lifetimeSeconds: number): string | undefined {
  switch (code) {
    case CODES.IDLE:
      return `Phiên đăng nhập đã kết thúc vì không có thao tác nào trong ${idleMinutes} phút. Vui lòng đăng nhập lại.`;
    case CODES.EXPIRED:
      return `Phiên đăng nhập đã hết thời hạn tối đa ${lifetimeText(lifetimeSeconds)}. Vui lòng đăng nhập lại.`;
    case CODES.REVOKED:
      return 'Phiên đăng nhập đã kết thúc (đã đăng xuất, mật khẩu vừa đổi hoặc quản trị viên đã cho đăng xuất khỏi mọi thiết bị). Vui lòng đăng nhập lại.';
    default:
      return undefined;
  }
}

function lifetimeText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} giờ`;
  return `${Math.round(seconds / 60)} phút`;
}
