import { assessPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, VIETNAMESE_COMMON_PASSWORDS } from './password-policy';

const owner = { username: 'nguyenvana', fullName: 'Nguyễn Văn An', email: 'an.nv@sonla.gov.vn' };

describe('password policy (issue 22: strength estimation, not only a length)', () => {
  it('refuses fewer than 10 characters, however varied', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(assessPassword('kX7#pQ2m!')).toEqual({ acceptable: false, score: 0, message: 'Mật khẩu phải dài ít nhất 10 ký tự.' });
  });

  it('refuses more than 256 characters and accepts a long passphrase up to it', () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('Mật khẩu dài tối đa 256 ký tự.');
    const long = 'nui-rung-tay-bac-mua-hoa-ban-'.repeat(8).slice(0, PASSWORD_MAX_LENGTH);
    expect(passwordProblem(long)).toBeUndefined();
  });

  it.each(['password123', 'qwertyuiop12', '1234567890', 'iloveyou2024'])('refuses a common English-list password: %s', (password) => {
    const verdict = assessPassword(password);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.score).toBeLessThan(3);
    expect(verdict.message).toMatch(/^Mật khẩu quá dễ đoán\. /);
  });

  it.each(['matkhau@2024', 'Matkhau2024!', 'sonla@12345', 'Capdo@123456', '123456aa@@', 'Ubndsonla2025'])(
    'refuses a Vietnamese common password that passes the old length rule: %s',
    (password) => {
      expect(assessPassword(password).acceptable).toBe(false);
    },
  );

  it('"matkhau" (Vietnamese for "password") is on the Vietnamese list, and a password built on it is refused as common', () => {
    expect(VIETNAMESE_COMMON_PASSWORDS).toContain('matkhau');
    expect(assessPassword('Matkhau2024!').message).toContain('gần giống một mật khẩu phổ biến');
  });

  it("refuses the user's own username or name, with or without diacritics", () => {
    expect(assessPassword('nguyenvana2024').acceptable).toBe(true);
    expect(assessPassword('nguyenvana2024', owner)).toMatchObject({ acceptable: false });
    expect(passwordProblem('nguyenvana2024', owner)).toContain('không được chứa tên đăng nhập, họ tên');
    expect(passwordProblem('NguyenVanAn@1', owner)).toContain('không được chứa tên đăng nhập, họ tên');
  });

  it('tells why in Vietnamese, never in English', () => {
    const message = passwordProblem('qwertyuiop12') ?? '';
    expect(message).not.toMatch(/\b(the|is|common|password)\b/i);
    expect(message).toMatch(/[ăâđêôơư]/);
  });

  it.each(['correct horse battery staple', 'Tr4ng-vang-mua-thu', 'kX7pQ2mVz9rB4tLw'])(
    'accepts a hard-to-guess password: %s',
    (password) => {
      const verdict = assessPassword(password, owner);
      expect(verdict).toEqual({ acceptable: true, score: expect.any(Number) });
      expect(verdict.score).toBeGreaterThanOrEqual(3);
    },
  );
});
