import { foldDiacritics, likePattern, toNfc } from './vietnamese';

describe('Vietnamese text', () => {
  it.each([
    ['Chiềng Cơi', 'chieng coi'],
    ['Đảng ủy', 'dang uy'],
    ['  Sở   Xây dựng ', 'so xay dung'],
    ['UBND phường Tô Hiệu', 'ubnd phuong to hieu'],
  ])('folds %s to %s', (input, folded) => expect(foldDiacritics(input)).toBe(folded));

  it('folds NFD input like NFC input', () => {
    expect(foldDiacritics('Sơn La'.normalize('NFD'))).toBe(foldDiacritics('Sơn La'));
    expect(toNfc('Sơn La'.normalize('NFD'))).toBe('Sơn La');
  });

  it('escapes LIKE wildcards', () => expect(likePattern('50%_x')).toBe('%50\\%\\_x%'));
});
