import { NextStepFacts, nextStep } from './dossier-next-step';

const base: NextStepFacts = {
  status: 'DRAFT',
  path: 'OWNER',
  regime: 'ND331',
  proposedLevel: 3,
  ownerName: 'Sở Xây dựng',
  appraiserName: 'Công an tỉnh Sơn La',
  approverName: 'Sở Xây dựng',
  specialisedUnitName: 'Sở Khoa học và Công nghệ',
};
const at = (over: Partial<NextStepFacts>) => nextStep({ ...base, ...over });

describe('the next step printed on the dossier page', () => {
  it('levels 1–3: the operator sends the draft for appraisal (Mẫu 01 / Mẫu 02) — Art. 20.1.b–c ND331', () => {
    expect(at({ path: 'UNIT', proposedLevel: 2 })).toBe('Đơn vị vận hành hoàn thiện hồ sơ, gửi thẩm định (Mẫu 01)');
    expect(at({})).toBe('Đơn vị vận hành hoàn thiện hồ sơ, gửi thẩm định (Mẫu 02)');
  });

  it('levels 4–5: the operator first asks the specialised unit for its opinion (Mẫu 03) — Art. 20.1.d ND331', () => {
    expect(at({ path: 'MINISTRY', proposedLevel: 4 })).toBe(
      'Đơn vị vận hành hoàn thiện hồ sơ, xin ý kiến chuyên môn của đơn vị chuyên trách Sở Khoa học và Công nghệ (Mẫu 03)',
    );
    expect(at({ path: 'MINISTRY', status: 'AWAITING_OPINION' })).toBe('Đơn vị chuyên trách Sở Khoa học và Công nghệ cho ý kiến chuyên môn');
    expect(at({ path: 'MINISTRY', status: 'AWAITING_OPINION', specialisedUnitName: null })).toBe(
      'Đơn vị chuyên trách của chủ quản cho ý kiến chuyên môn',
    );
    expect(at({ path: 'NATIONAL_LIST', status: 'OPINION_GIVEN' })).toBe(
      'Lãnh đạo Sở Xây dựng gửi hồ sơ đến cơ quan thẩm định (Mẫu 02 đứng tên chủ quản)',
    );
  });

  it('a returned level 4–5 dossier goes back through the owner; a level 1–3 one through the operator', () => {
    expect(at({ status: 'RETURNED' })).toBe('Đơn vị vận hành bổ sung hồ sơ theo yêu cầu và gửi lại');
    expect(at({ status: 'RETURNED', path: 'MINISTRY' })).toContain('lãnh đạo Sở Xây dựng gửi lại cơ quan thẩm định');
  });

  it('names the appraising body while it checks and appraises', () => {
    expect(at({ status: 'SUBMITTED' })).toBe('Công an tỉnh Sơn La kiểm tra tính hợp lệ: tiếp nhận hoặc yêu cầu bổ sung');
    expect(at({ status: 'UNDER_APPRAISAL' })).toBe('Công an tỉnh Sơn La thẩm định (Mẫu 04)');
  });

  it('appraised: levels 1–2 are approved by the same unit (Art. 18.1); from level 3 the operator submits a Tờ trình (Art. 20.3.b)', () => {
    expect(at({ status: 'APPRAISED', path: 'UNIT', approverName: 'Công an tỉnh Sơn La' })).toBe(
      'Công an tỉnh Sơn La phê duyệt cấp độ (Mẫu 06)',
    );
    expect(at({ status: 'APPRAISED' })).toBe('Đơn vị vận hành trình chủ quản phê duyệt (Tờ trình, Mẫu 05)');
    expect(at({ status: 'APPRAISED', path: 'NATIONAL_LIST' })).toBe(
      'Đơn vị vận hành trình chủ quản phê duyệt phương án (Tờ trình, Mẫu 05)',
    );
  });

  it("on the Tờ trình the owner's leadership approves the level (Art. 18.2), or the plan for level 5 (Art. 18.3.d)", () => {
    expect(at({ status: 'AWAITING_APPROVAL' })).toBe('Lãnh đạo Sở Xây dựng phê duyệt cấp độ (Mẫu 06)');
    expect(at({ status: 'AWAITING_APPROVAL', approverName: 'UBND tỉnh Sơn La' })).toBe('UBND tỉnh Sơn La phê duyệt cấp độ (Mẫu 06)');
    expect(at({ status: 'AWAITING_APPROVAL', path: 'NATIONAL_LIST' })).toBe(
      'Lãnh đạo Sở Xây dựng phê duyệt phương án bảo đảm an ninh mạng (Mẫu 07)',
    );
    expect(at({ status: 'AWAITING_APPROVAL', path: 'NATIONAL_LIST', regime: 'ND85' })).toContain('an toàn thông tin');
    expect(at({ status: 'AWAITING_LISTING', path: 'NATIONAL_LIST' })).toContain('Thủ tướng Chính phủ phê duyệt Danh mục');
  });

  it('says nothing once the dossier has ended', () => {
    for (const status of ['APPROVED', 'WITHDRAWN', 'SUPERSEDED']) expect(at({ status })).toBeNull();
  });
});
