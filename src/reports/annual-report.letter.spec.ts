import { annualPeriod } from './mau08';
import { mau08AgencyLines, mau08Addressee, mau08GeneralLines, mau08Subject } from './annual-report.letter';
import type { Mau08SummaryDto } from './dto/annual-report.dto';

describe('Mẫu 08 as an official letter', () => {
  it('is addressed by its period: Bộ Công an once Decree 331 is in force (Art. 36, 38), Bộ Thông tin và Truyền thông before', () => {
    expect(mau08Addressee(annualPeriod(2026))).toBe('Bộ Công an');
    expect(mau08Addressee(annualPeriod(2025))).toBe('Bộ Thông tin và Truyền thông');
    expect(mau08Subject(annualPeriod(2026))).toBe('V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin');
  });

  it('counts systems "đã được phân loại" in the form’s words', () => {
    const s = { systems: 40, classified: 30, dossiersBuilt: 25, appraised: 20, approved: 12, approvedAndInspected: 3 } as Mau08SummaryDto;
    const lines = mau08GeneralLines(s);
    expect(lines[0]).toBe('- Tổng số hệ thống thông tin thuộc phạm vi quản lý: 40;');
    expect(lines[1]).toBe('- Tổng số hệ thống thông tin đã được phân loại (đã xác định được loại hình hệ thống thông tin): 30;');
    expect(lines[4]).toBe('- Tổng số hệ thống thông tin đã được phê duyệt cấp độ: 12;');
  });

  it('Part 2 names the owner and its specialised unit, a dotted gap where a detail is not recorded', () => {
    const [owner, unit] = mau08AgencyLines({
      owner: { name: 'UBND tỉnh Sơn La', representativeName: 'Nguyễn Văn An', representativeTitle: 'Chủ tịch', address: 'Tô Hiệu, Sơn La' },
      specialisedUnit: { name: 'Công an tỉnh Sơn La', phone: '0212 3852 000' },
      place: 'Sơn La',
    });
    expect(owner.lines).toContain('(1) Tên chủ quản hệ thống thông tin: UBND tỉnh Sơn La;');
    expect(owner.lines).toContain('(3) Người đại diện, chức vụ: Nguyễn Văn An, Chủ tịch;');
    // The form: no functions document for the owner leaves the line blank.
    expect(owner.lines).toContain('(2) Quy định chức năng, nhiệm vụ và quyền hạn: ;');
    expect(unit.lines).toContain('(1) Tên đơn vị chuyên trách về an ninh mạng: Công an tỉnh Sơn La;');
    expect(unit.lines).toContain('(5) Thông tin liên hệ: điện thoại 0212 3852 000.');
    expect(unit.lines).toContain('(4) Địa chỉ liên lạc: ……………………;');
  });
});
