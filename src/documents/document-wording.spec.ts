import { authorityLineOf, LAW_116, LAW_86, lawBasisOn, placeOf, provincePlaceOf } from './document-wording';

describe('document wording', () => {
  it('Law 116/2025 Art. 44: a form dated from 01/07/2026 cites the Law on Cybersecurity, an earlier one Law 86/2015', () => {
    expect(lawBasisOn('2026-06-30')).toBe(LAW_86);
    expect(lawBasisOn('2026-07-01')).toBe(LAW_116);
    expect(lawBasisOn('2026-12-04')).toBe('Luật An ninh mạng số 116/2025/QH15');
  });

  describe('Decree 30/2020 Annex I, II.4.a: the place is the issuing body’s own administrative unit', () => {
    it('a commune’s and a ward’s documents name the commune or ward, not the province', () => {
      expect(placeOf({ name: 'UBND xã Quỳnh Nhai', kind: 'commune' }, 'Sơn La')).toBe('Quỳnh Nhai');
      expect(placeOf({ name: 'Ủy ban nhân dân phường Chiềng Cơi', kind: 'ward' }, 'Sơn La')).toBe('Chiềng Cơi');
    });

    it('a body under a commune (its police, its office) names the commune', () => {
      expect(
        placeOf({ name: 'Công an xã Quỳnh Nhai', kind: 'police', parent: { name: 'UBND xã Quỳnh Nhai', kind: 'commune' } }, 'Sơn La'),
      ).toBe('Quỳnh Nhai');
    });

    it('a unit named by a number keeps its kind', () => {
      expect(placeOf({ name: 'UBND phường 12', kind: 'ward' }, 'Hồ Chí Minh')).toBe('Phường 12');
    });

    it('a provincial body, or a body recorded by name only, names the province', () => {
      expect(
        placeOf({ name: 'Sở Xây dựng', kind: 'department', parent: { name: 'UBND tỉnh Sơn La', kind: 'province_committee' } }, 'Sơn La'),
      ).toBe('Sơn La');
      expect(placeOf(null, 'Sơn La')).toBe('Sơn La');
      expect(provincePlaceOf('UBND tỉnh Sơn La', 'SL')).toBe('Sơn La');
      expect(provincePlaceOf('Ủy ban nhân dân thành phố Hà Nội', 'HN')).toBe('Hà Nội');
      expect(provincePlaceOf(undefined, 'SL')).toBe('SL');
    });
  });

  it('Mẫu 06 authority line: the head of the issuing body', () => {
    expect(authorityLineOf({ name: 'UBND tỉnh Sơn La', kind: 'province_committee' })).toBe('Chủ tịch Ủy ban nhân dân tỉnh Sơn La');
    expect(authorityLineOf({ name: 'Sở Xây dựng', kind: 'department' })).toBe('Giám đốc Sở Xây dựng');
    expect(authorityLineOf({ name: 'Văn phòng Tỉnh ủy', kind: 'party_body' })).toBe('Thủ trưởng Văn phòng Tỉnh ủy');
  });
});
