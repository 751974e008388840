import { campaignDtoFromForm } from './campaign-form';

describe('campaign form', () => {
  it('reads the campaign with its dates typed dd/mm/yyyy and the tiers ticked', () => {
    const { plain, reader } = campaignDtoFromForm({
      number: '12/KH-UBND',
      issuedOn: '01/02/2026',
      issuer: 'UBND tỉnh',
      title: 'Kế hoạch',
      deadline: '30/06/2026',
      target: 'APPROVED',
      tiers: ['a', 'b'],
    });
    expect(plain).toEqual({
      number: '12/KH-UBND',
      issuedOn: '2026-02-01',
      issuer: 'UBND tỉnh',
      title: 'Kế hoạch',
      deadline: '2026-06-30',
      target: 'APPROVED',
      tiers: ['a', 'b'],
    });
    expect(reader.errors).toEqual({});
  });

  it('leaves the tiers out when none is ticked, and blanks as empty text for the validator', () => {
    expect(campaignDtoFromForm({ tiers: '' }).plain).toEqual({
      number: '',
      issuedOn: '',
      issuer: '',
      title: '',
      deadline: '',
      target: '',
      tiers: undefined,
    });
  });
});
