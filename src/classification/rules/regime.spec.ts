import { ND331_RULEBOOK } from './nd331.rulebook';
import { ND85_RULEBOOK } from './nd85.rulebook';
import { RULEBOOKS, TRANSITIONAL_ND85_LAST_DAY, regimeFor } from './regime';

describe('regimeFor', () => {
  it.each([
    ['2016-07-01', 'ND85'],
    ['2025-03-01', 'ND85'],
    ['2026-08-18', 'ND85'],
    ['2026-08-19', 'ND331'],
    ['2030-01-01', 'ND331'],
  ])('%s → %s', (asOf, regime) => {
    expect(regimeFor(asOf)).toBe(regime);
  });

  it('keeps ND85 for a transitional project until the end of the six months (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)', () => {
    expect(TRANSITIONAL_ND85_LAST_DAY).toBe('2026-12-31');
    expect(regimeFor('2026-08-19', { transitionalProject: true })).toBe('ND85');
    expect(regimeFor('2026-12-31', { transitionalProject: true })).toBe('ND85');
    expect(regimeFor('2027-01-01', { transitionalProject: true })).toBe('ND331');
  });

  it('a transitional flag changes nothing before ND331 takes effect', () => {
    expect(regimeFor('2026-06-30', { transitionalProject: true })).toBe('ND85');
  });

  it.each(['2026-02-30', '2026-8-19', '19/08/2026', '', '2026-13-01'])('rejects the malformed date "%s"', (asOf) => {
    expect(() => regimeFor(asOf)).toThrow(RangeError);
  });

  it('rejects a date before Decree 85 took effect', () => {
    expect(() => regimeFor('2016-06-30')).toThrow(/trước ngày Nghị định 85\/2016\/NĐ-CP có hiệu lực/);
  });
});

describe('RULEBOOKS', () => {
  it('maps each regime to its versioned rulebook, with contiguous validity', () => {
    expect(RULEBOOKS.ND85).toBe(ND85_RULEBOOK);
    expect(RULEBOOKS.ND331).toBe(ND331_RULEBOOK);
    expect(ND85_RULEBOOK).toMatchObject({ regime: 'ND85', version: '2016-85/2022-12', effectiveTo: '2026-08-18' });
    expect(ND331_RULEBOOK).toMatchObject({ regime: 'ND331', effectiveFrom: '2026-08-19' });
    expect(ND331_RULEBOOK.effectiveTo).toBeUndefined();
  });
});
