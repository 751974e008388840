import { itemsFromPlan } from './plan-from-approval';
import { requirementByCode, sectionOf } from './plan-item-sections';

describe('Items of an approved plan (TT12 Art. 14.9; ND331 Art. 36.10: requirement by requirement, met or with a roadmap)', () => {
  const items = itemsFromPlan(
    {
      'TT12.L3.QL.1.1.1': { status: 'IMPLEMENTED', description: 'Đã ban hành chính sách' },
      'TT12.L3.QL.1.6': { status: 'PLANNED', plannedDate: '2027-03-31', description: 'Thuê đánh giá rủi ro' },
      'TT12.L3.CH.1.3.6': { status: 'NOT_APPLICABLE', reason: 'Không có phần mềm nội bộ' },
      'TT12.L3.CH.1.4.3': { status: 'NOT_APPLICABLE' },
    },
    'TT12-2022',
  );
  const byCode = Object.fromEntries(items.map((i) => [i.requirementId, i]));

  it('makes an implemented requirement DONE, declared at approval', () => {
    expect(byCode['TT12.L3.QL.1.1.1']).toMatchObject({ status: 'DONE', declaredAtApproval: true, measure: 'Đã ban hành chính sách' });
  });

  it('makes a planned requirement NOT_STARTED with its planned date', () => {
    expect(byCode['TT12.L3.QL.1.6']).toMatchObject({ status: 'NOT_STARTED', plannedDate: '2027-03-31', declaredAtApproval: false });
  });

  it('keeps the reason of a requirement not applicable, and gives one when the dossier had none', () => {
    expect(byCode['TT12.L3.CH.1.3.6']).toMatchObject({ status: 'NOT_APPLICABLE', reason: 'Không có phần mềm nội bộ' });
    expect(byCode['TT12.L3.CH.1.4.3'].reason).toMatch(/Không áp dụng/);
  });

  it("takes the requirement's wording from the catalogue", () => {
    expect(byCode['TT12.L3.QL.1.6'].title).toBe('Phương án Quản lý rủi ro an toàn thông tin');
  });
});

describe('The plan section of a requirement (ND85 Art. 19.2 = ND331 Art. 29.2, points a–g)', () => {
  const section = (code: string) => sectionOf(requirementByCode('TT12-2022', code));
  it('files design rows under a, the risk plan under d, decommissioning under g', () => {
    expect(section('TT12.L3.QL.1.4.1')).toBe('a');
    expect(section('TT12.L3.TK.a.i')).toBe('a');
    expect(section('TT12.L3.QL.1.6')).toBe('d');
    expect(section('TT12.L3.QL.1.7')).toBe('g');
  });

  it('files monitoring under đ, weaknesses under c, incidents and backups under e, other operation rows under b', () => {
    expect(section('TT12.L3.QL.1.5.6')).toBe('dd');
    expect(section('TT12.L3.QL.1.5.7')).toBe('c');
    expect(section('TT12.L3.QL.1.5.8')).toBe('e');
    expect(section('TT12.L3.CH.1.4.3')).toBe('e');
    expect(section('TT12.L3.QL.1.5.1')).toBe('b');
    expect(section('TT12.L3.CH.1.2.1')).toBe('b');
  });

  it('files a code the catalogue does not know under b', () => {
    expect(section('UNKNOWN')).toBe('b');
  });
});
