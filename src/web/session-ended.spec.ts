import { sessionEndedCode, sessionEndedNotice } from './session-ended';

describe('why the sign-in page asks to sign in again (issue 22)', () => {
  it('an idle session is het=1 and the page names the idle time', () => {
    expect(sessionEndedCode('IDLE')).toBe('1');
    expect(sessionEndedNotice('1', 30, 28_800)).toBe(
      'Phiên đăng nhập đã kết thúc vì không có thao tác nào trong 30 phút. Vui lòng đăng nhập lại.',
    );
  });

  it('a session past its absolute lifetime is het=2 and the page names the lifetime', () => {
    expect(sessionEndedCode('EXPIRED')).toBe('2');
    expect(sessionEndedNotice('2', 30, 28_800)).toContain('thời hạn tối đa 8 giờ');
    expect(sessionEndedNotice('2', 30, 5_400)).toContain('thời hạn tối đa 90 phút');
  });

  it('a revoked session, or a cookie that no longer counts for another reason, is het=3', () => {
    expect(sessionEndedCode('REVOKED')).toBe('3');
    expect(sessionEndedCode(undefined)).toBe('3');
    expect(sessionEndedNotice('3', 30, 28_800)).toContain('mật khẩu vừa đổi');
  });

  it('says nothing for a missing or unknown value', () => {
    expect(sessionEndedNotice(undefined, 30, 28_800)).toBeUndefined();
    expect(sessionEndedNotice('9', 30, 28_800)).toBeUndefined();
  });
});
