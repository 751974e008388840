import fc from 'fast-check';
import { isFormulaLike, neutraliseCsvText, restoreCsvText } from './csv-safe';

describe('formula-safe CSV text (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","bấm")', `'=HYPERLINK("http://x","bấm")`],
    ['+84 912 345 678', `'+84 912 345 678`],
    ['-Cổng', `'-Cổng`],
    ['@SUM(1)', `'@SUM(1)`],
    // Vietnamese Excel splits on ";", Text to Columns on "," and tab: each part is checked.
    ['a;=1+1', `a;'=1+1`],
    ['x,@SUM(1)', `x,'@SUM(1)`],
    ['Cổng, -dịch vụ', `Cổng, '-dịch vụ`],
    ['tab\t+1', `tab\t'+1`],
    ['\t=1', `\t'=1`],
    ["dòng 1\r\n=cmd|' /C calc'!A0", `dòng 1\r\n'=cmd|' /C calc'!A0`],
    ['  =1', `  '=1`],
  ])('marks every formula-like part of %p', (text, safe) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseCsvText(text)).toBe(safe);
    expect(restoreCsvText(safe)).toBe(text);
  });

  it('gives text already led by an apostrophe one more, so that reading back takes exactly one off', () => {
    expect(neutraliseCsvText("'=1;''-2")).toBe("''=1;'''-2");
    expect(restoreCsvText("''=1;'''-2")).toBe("'=1;''-2");
  });

  it.each(['Sở Xây dựng', 'Quản lý văn bản, điều hành', "it's", "'abc", 'a-b; c+d', '2025-09-30', '', '52,6%'])(
    'leaves %p alone',
    (text) => {
      expect(isFormulaLike(text)).toBe(false);
      expect(neutraliseCsvText(text)).toBe(text);
      expect(restoreCsvText(text)).toBe(text);
    },
  );

  it('marks so that no part is formula-like any more', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", ' ', ',', ';', '\t', '\n', 'a', 'ă') }), (text) => {
        expect(isFormulaLike(neutraliseCsvText(text))).toBe(false);
      }),
    );
  });

  it('reads back any text exactly as it was written', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", ' ', ',', ';', '\t', '\r', '\n', 'a', 'ă', '1') }), (text) => {
        expect(restoreCsvText(neutraliseCsvText(text))).toBe(text);
      }),
    );
  });
});
