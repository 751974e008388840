import { dayBefore, mergeErrors, ReorgAgency } from './reorganisation-rules';

const agency = (code: string, extra: Partial<ReorgAgency> = {}): ReorgAgency => ({
  id: code,
  code,
  status: 'ACTIVE',
  provinceCode: 'SL',
  validFrom: '2025-07-01',
  validTo: null,
  ...extra,
});

describe('merge checks', () => {
  const base = { effectiveDate: '2026-03-01', today: '2026-11-25' };

  it('accepts active sources merged into an active successor', () => {
    expect(mergeErrors({ ...base, sources: [agency('A'), agency('B')], successor: agency('C') })).toEqual({});
    expect(mergeErrors({ ...base, sources: [agency('A')], successor: 'NEW' })).toEqual({});
  });

  it('refuses a successor that is also a source', () => {
    expect(mergeErrors({ ...base, sources: [agency('A'), agency('B')], successor: agency('A') })).toHaveProperty('successorAgencyId');
  });

  it('refuses sources already ended, or not yet started, on the effective date', () => {
    expect(
      mergeErrors({ ...base, sources: [agency('A', { status: 'MERGED', validTo: '2025-12-31' })], successor: agency('C') }),
    ).toHaveProperty('sourceAgencyIds');
    expect(mergeErrors({ ...base, sources: [agency('A', { validFrom: '2026-03-01' })], successor: agency('C') })).toHaveProperty(
      'sourceAgencyIds',
    );
  });

  it('refuses a future effective date and an empty list of sources', () => {
    expect(mergeErrors({ ...base, effectiveDate: '2027-01-01', sources: [agency('A')], successor: agency('C') })).toHaveProperty(
      'effectiveDate',
    );
    expect(mergeErrors({ ...base, sources: [], successor: agency('C') })).toHaveProperty('sourceAgencyIds');
  });

  it('refuses a successor that starts after the effective date', () => {
    expect(mergeErrors({ ...base, sources: [agency('A')], successor: agency('C', { validFrom: '2026-05-01' }) })).toHaveProperty(
      'successorAgencyId',
    );
  });
});

describe('dayBefore', () => {
  it.each([
    ['2025-07-01', '2025-06-30'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('%s → %s', (d, expected) => expect(dayBefore(d)).toBe(expected));
});
