import {
  ND85_INSPECTION_RULES,
  addMonthsIso,
  inspectionRegimeOn,
  isInspectionOverdue,
  nextInspectionDue,
  nextOrganisationInspectionDue,
  type InspectionScheduleInput,
} from './inspection-schedule';

const base: InspectionScheduleInput = {
  regime: 'ND85',
  level: 3,
  onNationalSecurityList: false,
  approvedOn: '2025-03-15',
  lastInspectionOn: null,
};

describe('nextInspectionDue — ND85 Art. 20.2.c (LEGAL-BRIEF §6.2; the decree is not in the source repo)', () => {
  it('ND85 Art. 20.2.c: level 3 is due one year after the approval when never inspected', () => {
    expect(nextInspectionDue(base)).toMatchObject({
      dueOn: '2026-03-15',
      basis: 'APPROVAL',
      intervalMonths: 12,
      requiresIndependent: true,
    });
  });

  it('ND85 Art. 20.2.c: level 4 yearly from the last periodic inspection', () => {
    expect(nextInspectionDue({ ...base, level: 4, lastInspectionOn: '2026-01-10' })).toMatchObject({
      dueOn: '2027-01-10',
      basis: 'LAST_INSPECTION',
      rule: 'LEVEL_INTERVAL',
    });
  });

  it('ND85 Art. 20.2.c: level 5 every 6 months, clamped at the month end (31/08 → 28/02)', () => {
    expect(nextInspectionDue({ ...base, level: 5, lastInspectionOn: '2026-08-31' })?.dueOn).toBe('2027-02-28');
  });

  it('ND85 Art. 20.2.c: level 5 from 31/08 of the year before a leap year lands on 29/02', () => {
    expect(nextInspectionDue({ ...base, level: 5, lastInspectionOn: '2027-08-31' })?.dueOn).toBe('2028-02-29');
  });

  it('ND85 Art. 20.2.c: a yearly inspection on 29/02 falls due on 28/02 of the next year', () => {
    expect(nextInspectionDue({ ...base, level: 3, lastInspectionOn: '2028-02-29' })?.dueOn).toBe('2029-02-28');
  });

  it('ND85 Art. 20.2.c: levels 1–2 follow the organisation-wide cycle of 2 years, and an organisation-wide inspection counts', () => {
    expect(nextInspectionDue({ ...base, level: 2 })).toMatchObject({ dueOn: '2027-03-15', requiresIndependent: false });
    expect(nextInspectionDue({ ...base, level: 1, lastOrganisationInspectionOn: '2026-05-31' })).toMatchObject({
      dueOn: '2028-05-31',
      basis: 'LAST_INSPECTION',
    });
  });

  it('ND85 Art. 20.2.c: an organisation-wide inspection does not replace a level 3 system’s own yearly one', () => {
    expect(nextInspectionDue({ ...base, lastOrganisationInspectionOn: '2026-05-31' })?.dueOn).toBe('2026-03-15');
  });

  it('ND85 Art. 20.2.c: the owner’s whole organisation is due every 24 months', () => {
    expect(nextOrganisationInspectionDue('2024-02-29')).toBe('2026-02-28');
  });

  it('ND85 Art. 20.2.c: level 3 and up needs a licensed or appointed organisation, levels 1–2 do not', () => {
    expect(ND85_INSPECTION_RULES.filter((r) => r.requiresIndependent).map((r) => r.level)).toEqual([3, 4, 5]);
  });

  it('ND85: the policy table is ignored (the decree fixes the intervals)', () => {
    const policy = [{ level: 3, intervalMonths: 3, requiresIndependent: false }];
    expect(nextInspectionDue({ ...base, policy })?.dueOn).toBe('2026-03-15');
  });

  it('nothing is due without an approved level or a base date', () => {
    expect(nextInspectionDue({ ...base, level: null })).toBeNull();
    expect(nextInspectionDue({ ...base, approvedOn: null })).toBeNull();
  });
});

describe('nextInspectionDue — ND331 Art. 28.5.a (periodic by level and risk, from the policy version in force)', () => {
  const nd331: InspectionScheduleInput = { ...base, regime: 'ND331', approvedOn: '2026-09-30' };

  it('ND331 Art. 28.5.a: the interval comes from the policy version in force', () => {
    const policy = [{ level: 3, intervalMonths: 18, requiresIndependent: false }];
    expect(nextInspectionDue({ ...nd331, policy })).toMatchObject({ dueOn: '2028-03-30', intervalMonths: 18, requiresIndependent: false });
  });

  it('ND331 Art. 28.5.a: without a policy the ND85 defaults apply', () => {
    expect(nextInspectionDue(nd331)?.dueOn).toBe('2027-09-30');
  });

  it('ND331 Art. 28.5.a: a level the policy leaves without an interval has no periodic due date', () => {
    expect(nextInspectionDue({ ...nd331, level: 1, policy: [{ level: 1, intervalMonths: null, requiresIndependent: false }] })).toBeNull();
  });

  it('ND331 Art. 28.5.a: a 1-month interval from 31/01 in a leap year ends on 29/02', () => {
    const policy = [{ level: 4, intervalMonths: 1, requiresIndependent: true }];
    expect(nextInspectionDue({ ...nd331, level: 4, lastInspectionOn: '2028-01-31', policy })?.dueOn).toBe('2028-02-29');
  });
});

describe('nextInspectionDue — Law 116 Art. 11.1.b (national-security List: yearly, reported before October)', () => {
  const listed: InspectionScheduleInput = { ...base, regime: 'ND331', level: 3, onNationalSecurityList: true };

  it('Law 116 Art. 11.1.b: a List system inspected in 2026 reports its next self-check by 30/09/2027', () => {
    expect(nextInspectionDue({ ...listed, lastInspectionOn: '2026-10-20' })).toMatchObject({
      dueOn: '2027-09-30',
      rule: 'NATIONAL_SECURITY_LIST',
      articles: ['Điều 11.1.b Luật An ninh mạng 116/2025/QH15'],
    });
  });

  it('Law 116 Art. 11.1.b: the level interval wins when it is earlier', () => {
    expect(nextInspectionDue({ ...listed, lastInspectionOn: '2026-01-15' })).toMatchObject({ dueOn: '2027-01-15', rule: 'LEVEL_INTERVAL' });
  });

  it('Law 116 Art. 11.1.b: a level 5 List system keeps its 6-month cycle; the year’s check done, the next List date is next 30/09', () => {
    expect(nextInspectionDue({ ...listed, level: 5, lastInspectionOn: '2026-12-01' })).toMatchObject({ dueOn: '2027-06-01' });
    expect(nextInspectionDue({ ...listed, level: 5, lastInspectionOn: '2027-05-01' })).toMatchObject({ dueOn: '2027-11-01' });
    expect(nextInspectionDue({ ...listed, level: 2, lastInspectionOn: '2027-05-01' })).toMatchObject({ dueOn: '2028-09-30' });
  });
});

describe('overdue and regime', () => {
  it('the due day itself is still on time; the next day is overdue', () => {
    expect(isInspectionOverdue({ dueOn: '2026-03-15' }, '2026-03-15')).toBe(false);
    expect(isInspectionOverdue({ dueOn: '2026-03-15' }, '2026-03-16')).toBe(true);
    expect(isInspectionOverdue(null, '2026-03-16')).toBe(false);
  });

  it('ND331 Art. 38: the Decree 331 duty applies from 19/08/2026', () => {
    expect(inspectionRegimeOn('2026-08-18')).toBe('ND85');
    expect(inspectionRegimeOn('2026-08-19')).toBe('ND331');
  });

  it('refuses an impossible date', () => {
    expect(() => addMonthsIso('2026-02-30', 1)).toThrow(RangeError);
  });
});
