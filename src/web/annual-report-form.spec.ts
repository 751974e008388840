import { annualSubmissionFromForm } from './annual-report-form';

describe('annual report form', () => {
  it('reads the day sent as dd/mm/yyyy and leaves an empty recipient out', () => {
    const { plain, reader } = annualSubmissionFromForm({
      stage: 'OWNER_TO_MINISTRY',
      sentOn: '19/12/2026',
      documentNumber: '125/BC-SXD',
      recipient: '',
    });
    expect(plain).toEqual({ stage: 'OWNER_TO_MINISTRY', sentOn: '2026-12-19', documentNumber: '125/BC-SXD', recipient: undefined });
    expect(reader.errors).toEqual({});
  });

  it('names an impossible day sent for the form', () => {
    const { reader } = annualSubmissionFromForm({ stage: 'UNIT_TO_OWNER', sentOn: '31/02/2026', documentNumber: '1/BC' });
    expect(Object.keys(reader.errors)).toEqual(['sentOn']);
  });
});
