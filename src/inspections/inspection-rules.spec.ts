import { DomainError } from '../common/errors/domain-error';
import { countsForSchedule, performerGaps, refuseTypedInspections } from './inspection-rules';

describe('performerGaps', () => {
  const nd85 = { regime: 'ND85' as const, onNationalSecurityList: false };
  const nd331 = { regime: 'ND331' as const, onNationalSecurityList: false };

  it('ND85 Art. 20.2.c: level 3 and up by a licensed, suitable or appointed organisation', () => {
    expect(performerGaps({ ...nd85, level: 3 }, { independent: true, qualified: false })).toEqual([
      expect.stringContaining('Điều 20.2.c Nghị định 85/2016/NĐ-CP'),
    ]);
    expect(performerGaps({ ...nd85, level: 3 }, { independent: false, qualified: true })).toEqual([]);
    expect(performerGaps({ ...nd85, level: 2 }, { independent: false, qualified: false })).toEqual([]);
  });

  it('ND331 Art. 31.2.c: a self-assessment only by a unit independent of the operator', () => {
    expect(performerGaps({ ...nd331, level: 2 }, { independent: false, qualified: false })).toEqual([
      expect.stringContaining('độc lập với đơn vị vận hành'),
    ]);
    expect(performerGaps({ ...nd331, level: 3 }, { independent: true, qualified: false })).toEqual([]);
  });

  it('ND331 Art. 31.2.c: level 5 and List systems by a qualified organisation', () => {
    expect(performerGaps({ ...nd331, level: 5 }, { independent: true, qualified: false })).toHaveLength(1);
    expect(performerGaps({ ...nd331, level: 3, onNationalSecurityList: true }, { independent: true, qualified: false })).toHaveLength(1);
    expect(performerGaps({ ...nd331, level: 5 }, { independent: true, qualified: true })).toEqual([]);
  });

  it('ND331 Art. 28.5.a: a policy requiring a qualified organisation is applied', () => {
    expect(performerGaps({ ...nd331, level: 3, policyRequiresQualified: true }, { independent: true, qualified: false })).toHaveLength(1);
  });

  it('no approved level: nothing to check', () => {
    expect(performerGaps({ ...nd331, level: null }, { independent: false, qualified: false })).toEqual([]);
  });
});

describe('inspection records', () => {
  it('TT12 Art. 11.2: ad-hoc inspections do not count for the periodic cycle; before go-live and periodic do', () => {
    expect(countsForSchedule('AD_HOC')).toBe(false);
    expect(countsForSchedule('PERIODIC')).toBe(true);
    expect(countsForSchedule('BEFORE_GO_LIVE')).toBe(true);
  });

  it('refuses inspections typed on the system form', () => {
    expect(() => refuseTypedInspections({})).not.toThrow();
    expect(() => refuseTypedInspections({ inspections: [] })).toThrow(DomainError);
  });
});
