import { competenceFor, contradictions, RuleParties } from './competence';

const rule = (over: Partial<RuleParties>): RuleParties => ({
  minLevel: 1,
  maxLevel: 2,
  regime: null,
  appraiserAgencyId: 'ca',
  appraiserExternalName: null,
  approverKind: 'AGENCY',
  approverAgencyId: 'ca',
  approverDesignation: null,
  specialisedUnitAgencyId: null,
  ...over,
});
const ministry = { appraiserAgencyId: null, appraiserExternalName: 'Bộ Công an (Cục A05)', specialisedUnitAgencyId: 'ca' };

describe('competence by level (the law’s table)', () => {
  it('ND331 Art. 18.1: levels 1–2 are appraised and approved by the owner’s specialised unit', () => {
    for (const level of [1, 2])
      expect(competenceFor('ND331', level)).toMatchObject({ appraiser: 'SPECIALISED_UNIT', approver: 'SPECIALISED_UNIT' });
    expect(contradictions(rule({}))).toEqual({});
    expect(contradictions(rule({ approverAgencyId: 'ubnd' }))).toHaveProperty('approverKind');
    expect(contradictions(rule({ approverKind: 'OWNER', approverAgencyId: null }))).toHaveProperty('approverKind');
  });

  it('ND331 Art. 18.2.b, 20.3.b: level 3 is approved by the owner, not by the appraising unit', () => {
    expect(competenceFor('ND331', 3)).toMatchObject({ appraiser: 'SPECIALISED_UNIT', approver: 'OWNER' });
    const police = rule({ minLevel: 3, maxLevel: 3, regime: 'ND331' });
    expect(contradictions(police).approverDesignation?.[0]).toContain('khoản 2 Điều 18');
    expect(contradictions({ ...police, regime: null }).approverDesignation).toHaveLength(2);
    expect(contradictions(rule({ minLevel: 3, maxLevel: 3, approverKind: 'OWNER', approverAgencyId: null }))).toEqual({});
    expect(contradictions(rule({ minLevel: 3, maxLevel: 3, approverAgencyId: 'ubnd', approverDesignation: 'QĐ 12/QĐ-UBND giao' }))).toEqual(
      {},
    );
  });

  it('ND331 Art. 18.2.a: level 3 is appraised by the specialised unit, not by an outside body', () => {
    expect(contradictions(rule({ minLevel: 3, maxLevel: 3, ...ministry, approverKind: 'OWNER', approverAgencyId: null }))).toHaveProperty(
      'appraiserAgencyId',
    );
  });

  it('ND331 Art. 18.3.a–d, 20.1.d: level 4 is appraised by Bộ Công an, Bộ Quốc phòng or Ban Cơ yếu and approved by the owner', () => {
    expect(competenceFor('ND331', 4)).toMatchObject({ appraiser: 'MINISTRY', approver: 'OWNER' });
    const ok = rule({ minLevel: 4, maxLevel: 5, ...ministry, approverKind: 'OWNER', approverAgencyId: null });
    expect(contradictions(ok)).toEqual({});
    expect(contradictions({ ...ok, appraiserExternalName: 'Ban Cơ yếu Chính phủ' })).toEqual({});
    expect(contradictions({ ...ok, appraiserExternalName: 'Sở Khoa học và Công nghệ' })).toHaveProperty('appraiserExternalName');
    expect(contradictions({ ...ok, appraiserAgencyId: 'ca', appraiserExternalName: null })).toHaveProperty('appraiserExternalName');
    expect(contradictions({ ...ok, specialisedUnitAgencyId: null }).specialisedUnitAgencyId?.[0]).toContain('Mẫu 03');
    expect(contradictions({ ...ok, approverKind: 'EXTERNAL' })).toHaveProperty('approverKind');
  });

  it('ND331 Art. 18.3.d–đ: level 5 ends with the owner’s plan and the Prime Minister’s List', () => {
    expect(competenceFor('ND331', 5)).toMatchObject({ appraiser: 'MINISTRY', approver: 'OWNER_PLAN_AND_PRIME_MINISTER_LIST' });
  });

  it('ND85 Art. 12 (as read in docs/legal): the same split, levels 4–5 appraised by the ministry then in charge', () => {
    expect(competenceFor('ND85', 3)).toMatchObject({ appraiser: 'SPECIALISED_UNIT', approver: 'OWNER' });
    const mic = rule({
      minLevel: 4,
      maxLevel: 4,
      regime: 'ND85',
      ...ministry,
      appraiserExternalName: 'Bộ Thông tin và Truyền thông (Cục ATTT)',
    });
    expect(contradictions({ ...mic, approverKind: 'OWNER', approverAgencyId: null })).toEqual({});
    expect(contradictions({ ...mic, regime: 'ND331', approverKind: 'OWNER', approverAgencyId: null })).toHaveProperty(
      'appraiserExternalName',
    );
  });

  it('a rule over a range must fit every level in it: 1–3 with the police approving fails on level 3', () => {
    expect(Object.keys(contradictions(rule({ minLevel: 1, maxLevel: 3 })))).toEqual(['approverDesignation']);
  });
});
