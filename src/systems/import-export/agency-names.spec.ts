import { matchAgency, unmatchedAgencyMessage } from './agency-names';

const AGENCIES = [
  { code: 'SL-UBND', name: 'UBND tỉnh Sơn La' },
  { code: 'SL-SO-XD', name: 'Sở Xây dựng' },
  { code: 'SL-SO-YT', name: 'Sở Y tế' },
  { code: 'SL-X-DOANKET', name: 'UBND xã Đoàn Kết' },
  { code: 'SL-P-TOHIEU', name: 'UBND phường Tô Hiệu' },
  { code: 'SL-BV-DKT', name: 'Bệnh viện Đa khoa tỉnh' },
];

describe('agency names instead of codes (issue 21)', () => {
  it.each([
    ['SL-SO-XD', 'SL-SO-XD'],
    ['sl-so-xd', 'SL-SO-XD'],
    ['Sở Xây dựng', 'SL-SO-XD'],
    ['SO XAY DUNG', 'SL-SO-XD'],
    ['Sở Xây dựng tỉnh Sơn La', 'SL-SO-XD'],
    ['Ủy ban nhân dân xã Đoàn Kết', 'SL-X-DOANKET'],
    ['UBND phuong To Hieu', 'SL-P-TOHIEU'],
    ['Bệnh viện Đa khoa tỉnh Sơn La', 'SL-BV-DKT'],
    ['UBND tỉnh', 'SL-UBND'],
  ])('"%s" is %s', (text, code) => {
    expect(matchAgency(text, AGENCIES)).toEqual({ code });
  });

  it('suggests the closest codes for a name that matches none', () => {
    const match = matchAgency('UBND xã Đoàn Kết huyện Mộc Châu', AGENCIES);
    expect(match).toEqual({ suggestions: [AGENCIES[3]] });
    expect(unmatchedAgencyMessage('UBND xã Đoàn Kết huyện Mộc Châu', [AGENCIES[3]])).toBe(
      'không có cơ quan "UBND xã Đoàn Kết huyện Mộc Châu" (mã hoặc tên); có phải: SL-X-DOANKET (UBND xã Đoàn Kết)?',
    );
  });

  it('suggests nothing for a name unlike any', () => {
    expect(matchAgency('Công ty ABC', AGENCIES)).toEqual({ suggestions: [] });
    expect(unmatchedAgencyMessage('Công ty ABC', [])).toContain('Danh mục cơ quan');
    expect(unmatchedAgencyMessage('SL-KHONG-CO', [])).toBe('không có cơ quan mã SL-KHONG-CO');
  });

  it('does not pick one of two agencies with the same name', () => {
    const twice = [...AGENCIES, { code: 'HN-SO-XD', name: 'Sở Xây dựng' }];
    expect(matchAgency('Sở Xây dựng', twice)).toEqual({ suggestions: [twice[6], twice[1]] });
  });
});
