import { routingRuleDtoFromForm, routingToggleFromForm } from './routing-rule-form';

describe('routing rule forms', () => {
  const base = {
    name: 'Cấp 1-2',
    ownerAgencyId: 'o',
    includeSubtree: 'true',
    minLevel: '1',
    maxLevel: '2',
    appraiserAgencyId: 'ap',
    approverAgencyId: 'ag',
    approverExternalName: 'Bộ Công an',
    priority: '5',
  };

  it('keeps only the approver field of the chosen kind', () => {
    expect(routingRuleDtoFromForm({ ...base, approverKind: 'AGENCY' }).plain).toMatchObject({
      approverKind: 'AGENCY',
      approverAgencyId: 'ag',
      approverExternalName: null,
    });
    expect(routingRuleDtoFromForm({ ...base, approverKind: 'EXTERNAL' }).plain).toMatchObject({
      approverKind: 'EXTERNAL',
      approverAgencyId: null,
      approverExternalName: 'Bộ Công an',
    });
  });

  it('reads levels and priority as integers, blanks of the optional fields as null', () => {
    const { plain, reader } = routingRuleDtoFromForm({ ...base, approverKind: 'AGENCY', regime: '', appraiserExternalName: ' ' });
    expect(plain).toMatchObject({ includeSubtree: true, minLevel: 1, maxLevel: 2, priority: 5, regime: null, appraiserExternalName: null });
    expect(reader.errors).toEqual({});
    expect(routingRuleDtoFromForm({ ...base, minLevel: 'ba' }).reader.errors).toEqual({ minLevel: ['phải là số nguyên'] });
  });

  it('reads the specialised unit (Mẫu 03) and, for an agency approver only, the owner’s designation', () => {
    const form = { ...base, specialisedUnitAgencyId: 'su', approverDesignation: 'Quyết định 12/QĐ-UBND' };
    expect(routingRuleDtoFromForm({ ...form, approverKind: 'AGENCY' }).plain).toMatchObject({
      specialisedUnitAgencyId: 'su',
      approverDesignation: 'Quyết định 12/QĐ-UBND',
    });
    expect(routingRuleDtoFromForm({ ...form, approverKind: 'OWNER', specialisedUnitAgencyId: '' }).plain).toMatchObject({
      specialisedUnitAgencyId: null,
      approverDesignation: null,
    });
  });

  it('reads the pause / resume button as the version and the new state', () => {
    expect(routingToggleFromForm({ version: '3', active: 'false' })).toEqual({ version: 3, active: false });
    expect(routingToggleFromForm({ version: '3', active: 'true' })).toEqual({ version: 3, active: true });
  });
});
