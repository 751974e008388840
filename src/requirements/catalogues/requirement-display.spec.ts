import { listRequirements } from './catalogue-registry';
import { displayTitles } from './requirement-display';

describe('displayTitles (TT12 Appendix II repeats "Nhật ký hệ thống" in three technical groups)', () => {
  it('a repeated title is followed by its group, a unique one is left alone', () => {
    const level2 = listRequirements(2);
    const titles = displayTitles(level2);
    const logs = level2.filter((r) => r.title === 'Nhật ký hệ thống').map((r) => titles.get(r.code));
    expect(logs).toEqual([
      'Nhật ký hệ thống — Bảo đảm an toàn mạng',
      'Nhật ký hệ thống — Bảo đảm an toàn máy chủ',
      'Nhật ký hệ thống — Bảo đảm an toàn ứng dụng',
    ]);
    expect(titles.get('TT12.L2.QL.1.1.1')).toBe('Chính sách an toàn thông tin');
  });

  it.each([1, 2, 3, 4, 5])('every requirement of level %i reads differently from every other', (level) => {
    const titles = [...displayTitles(listRequirements(level)).values()];
    expect(new Set(titles).size).toBe(titles.length);
  });
});
