import { agencyDtoFromForm, agencyOption, mergeDtoFromForm } from './agency-form';

describe('agency forms', () => {
  it('reads the "add an agency" form, dates typed dd/mm/yyyy, blanks as absent', () => {
    const { plain, reader } = agencyDtoFromForm({
      code: ' SL-TT-X ',
      name: 'Trung tâm thử',
      kind: 'public_unit',
      parentId: '',
      validFrom: '01/07/2025',
    });
    expect(plain).toEqual({
      code: 'SL-TT-X',
      name: 'Trung tâm thử',
      kind: 'public_unit',
      parentId: undefined,
      provinceCode: undefined,
      validFrom: '2025-07-01',
    });
    expect(reader.errors).toEqual({});
  });

  it('keeps a date that cannot be read as a field error', () => {
    expect(agencyDtoFromForm({ validFrom: '31/02/2025' }).reader.errors.validFrom).toHaveLength(1);
  });

  it('merges into a new body when its name is given, and then ignores the chosen successor', () => {
    const { plain } = mergeDtoFromForm({
      sourceAgencyIds: ['a', 'b'],
      successorAgencyId: 'c',
      'newAgency.name': 'Sở Thử',
      'newAgency.code': 'SL-SO-THU',
      'newAgency.kind': 'department',
      effectiveDate: '01/07/2025',
      decisionNumber: '1/NQ',
    });
    expect(plain).toMatchObject({
      sourceAgencyIds: ['a', 'b'],
      successorAgencyId: undefined,
      newAgency: { code: 'SL-SO-THU', name: 'Sở Thử', kind: 'department', parentId: undefined },
      effectiveDate: '2025-07-01',
      decisionNumber: '1/NQ',
    });
  });

  it('merges into the chosen successor otherwise; one source is a list of one', () => {
    const { plain } = mergeDtoFromForm({ sourceAgencyIds: 'a', successorAgencyId: 'c', effectiveDate: '', decisionNumber: '' });
    expect(plain).toMatchObject({
      sourceAgencyIds: ['a'],
      successorAgencyId: 'c',
      newAgency: undefined,
      effectiveDate: '',
      decisionNumber: '',
    });
  });

  it('labels an agency option with its name and code', () => {
    expect(agencyOption({ id: 'x', code: 'SL-CA', name: 'Công an tỉnh Sơn La' })).toEqual({
      value: 'x',
      label: 'Công an tỉnh Sơn La (SL-CA)',
    });
  });
});
