import { approvesPlanNotLevel, needsApprovalRequest, needsProfessionalOpinion, procedurePath } from './dossier-path';

const path = (proposedLevel: number, onNationalList = false, regime: 'ND85' | 'ND331' = 'ND331') =>
  procedurePath({ proposedLevel, regime, onNationalList });

describe('procedure by level (ND331 Arts. 18, 20)', () => {
  it('Art. 18.1, 20.3.a: levels 1–2 stay with the owner’s specialised unit', () => {
    expect([path(1), path(2)]).toEqual(['UNIT', 'UNIT']);
    expect(needsApprovalRequest('UNIT')).toBe(false);
    expect(needsProfessionalOpinion('UNIT')).toBe(false);
  });

  it('Art. 18.2.b, 20.3.b: level 3 is approved by the owner on a Tờ trình, without a professional opinion', () => {
    expect(path(3)).toBe('OWNER');
    expect(needsApprovalRequest('OWNER')).toBe(true);
    expect(needsProfessionalOpinion('OWNER')).toBe(false);
  });

  it('Art. 20.1.d, 18.3.d: level 4 asks the professional opinion (Mẫu 03) and is approved by the owner', () => {
    expect(path(4)).toBe('MINISTRY');
    expect(needsProfessionalOpinion('MINISTRY')).toBe(true);
    expect(approvesPlanNotLevel('MINISTRY')).toBe(false);
  });

  it('Art. 18.3.đ, 20.3.c: level 5 ends with the plan (Mẫu 07) and the Prime Minister’s List', () => {
    expect(path(5)).toBe('NATIONAL_LIST');
    expect(path(5, false, 'ND85')).toBe('NATIONAL_LIST');
    expect(approvesPlanNotLevel('NATIONAL_LIST')).toBe(true);
    expect(needsProfessionalOpinion('NATIONAL_LIST')).toBe(true);
  });

  it('Art. 20.4: a level 3 or 4 system on the List follows the level-5 procedure; levels 1–2 and Decree 85 do not', () => {
    expect([path(3, true), path(4, true)]).toEqual(['NATIONAL_LIST', 'NATIONAL_LIST']);
    expect(path(2, true)).toBe('UNIT');
    expect(path(4, true, 'ND85')).toBe('MINISTRY');
  });
});
