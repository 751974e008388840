import { ND331_RULEBOOK } from './nd331.rulebook';
import { ND85_RULEBOOK } from './nd85.rulebook';
import {
  isTransitionalSystem,
  regimeAtAct,
  regimeBasisText,
  regimeFor,
  RULEBOOKS,
  TRANSITIONAL_COMPLIANCE_DUE_ON,
  TRANSITIONAL_ND85_LAST_DAY,
  transitionalComplianceDueOn,
} from './regime';

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

describe('regimeAtAct: the date of each act decides (Khoản 2 Điều 58 Luật số 64/2025/QH15; Điều 38 Nghị định 331/2026/NĐ-CP)', () => {
  const operating = { lifecycle: 'IN_OPERATION', investmentStartDate: null, goLiveDate: '2020-01-01' };
  const building = { lifecycle: 'PLANNED', investmentStartDate: '2026-03-01', goLiveDate: null };

  it('an act on 18/08/2026 is under Decree 85, an act on 19/08/2026 under Decree 331, whatever day the draft was opened', () => {
    expect(regimeAtAct('2026-08-18', operating)).toEqual({ regime: 'ND85', transitional: false, basis: 'ND85_IN_FORCE' });
    expect(regimeAtAct('2026-08-19', operating)).toEqual({ regime: 'ND331', transitional: false, basis: 'ND331_IN_FORCE' });
    expect(regimeAtAct('2026-08-20', operating).regime).toBe('ND331');
  });

  it('Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: a system being built before 01/07/2026 stays under Decree 85 from 19/08/2026 to 31/12/2026', () => {
    expect(regimeAtAct('2026-08-18', building)).toEqual({ regime: 'ND85', transitional: false, basis: 'ND85_IN_FORCE' });
    expect(regimeAtAct('2026-08-19', building)).toEqual({ regime: 'ND85', transitional: true, basis: 'ND331_ART_39_1_WINDOW' });
    expect(regimeAtAct(TRANSITIONAL_ND85_LAST_DAY, building)).toMatchObject({ regime: 'ND85', transitional: true });
  });

  it('Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: after the six months the same system is under Decree 331', () => {
    expect(regimeAtAct('2027-01-01', building)).toEqual({ regime: 'ND331', transitional: false, basis: 'ND331_AFTER_ART_39_1_WINDOW' });
  });

  it('a system in operation, or begun on or after 01/07/2026, never gets the carve-out', () => {
    expect(regimeAtAct('2026-09-01', operating).regime).toBe('ND331');
    expect(regimeAtAct('2026-09-01', { ...building, investmentStartDate: '2026-07-01' }).regime).toBe('ND331');
  });

  it('says why, naming the articles', () => {
    expect(regimeBasisText('ND331_IN_FORCE')).toContain('Khoản 2 Điều 58 Luật số 64/2025/QH15');
    expect(regimeBasisText('ND331_ART_39_1_WINDOW')).toContain('31/12/2026');
    expect(regimeBasisText('ND331_AFTER_ART_39_1_WINDOW')).toContain('Khoản 1 Điều 39');
  });
});

describe('isTransitionalSystem (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: "đang trong quá trình đầu tư, xây dựng trước ngày 01 tháng 7 năm 2026")', () => {
  it.each([
    ['PLANNED', '2026-06-30', null, true],
    ['UPGRADING', '2025-11-15', '2019-05-01', true],
    ['PLANNED', '2026-07-01', null, false],
    ['PLANNED', null, null, false],
    ['IN_OPERATION', '2026-01-10', '2019-05-01', false],
    ['IN_OPERATION', '2026-01-10', '2026-07-01', true],
    ['IN_OPERATION', '2026-01-10', '2026-06-30', false],
    ['RETIRED', '2026-01-10', null, false],
  ])('%s, begun %s, in use from %s → %s', (lifecycle, investmentStartDate, goLiveDate, expected) => {
    expect(isTransitionalSystem({ lifecycle, investmentStartDate, goLiveDate })).toBe(expected);
  });
});

describe('transitionalComplianceDueOn (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: 12 tháng kể từ ngày Luật An ninh mạng 2025 có hiệu lực)', () => {
  it('is 30/06/2027 for a transitional system, none for others', () => {
    expect(TRANSITIONAL_COMPLIANCE_DUE_ON).toBe('2027-06-30');
    expect(transitionalComplianceDueOn({ lifecycle: 'PLANNED', investmentStartDate: '2026-02-01', goLiveDate: null })).toBe('2027-06-30');
    expect(transitionalComplianceDueOn({ lifecycle: 'IN_OPERATION', investmentStartDate: null, goLiveDate: '2020-01-01' })).toBeNull();
  });
});
