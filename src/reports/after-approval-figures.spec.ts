import { ND85_INSPECTION_RULES } from '../inspections/inspection-schedule';
import { AfterApprovalFacts, afterApprovalFigures, inspectionStanding, levelTierOf, ScheduleContext } from './after-approval-figures';

const ND85: ScheduleContext = { asOf: '2026-06-30', regime: 'ND85', policy: ND85_INSPECTION_RULES };
const ND331: ScheduleContext = { asOf: '2026-12-01', regime: 'ND331', policy: ND85_INSPECTION_RULES };

function system(over: Partial<AfterApprovalFacts> = {}): AfterApprovalFacts {
  return {
    level: 3,
    approvedOn: '2025-03-01',
    deploymentStatus: 'NOT_DEPLOYED',
    onNationalSecurityList: false,
    inspectionsDesc: [],
    lastOrganisationInspectionOn: null,
    openIncidents: 0,
    openFlags: 0,
    ...over,
  };
}

describe('after-approval dashboard', () => {
  it.each([
    [1, 'LEVEL_1_2'],
    [2, 'LEVEL_1_2'],
    [3, 'LEVEL_3'],
    [4, 'LEVEL_4_5'],
    [5, 'LEVEL_4_5'],
  ] as const)('level %i sits in tier %s', (level, tier) => {
    expect(levelTierOf(level)).toBe(tier);
  });

  it('ND85 Art. 20.2.c: a level-3 system approved 01/03/2025 and never inspected is overdue after 01/03/2026', () => {
    expect(inspectionStanding(system(), ND85)).toBe('OVERDUE');
    expect(inspectionStanding(system(), { ...ND85, asOf: '2026-03-01' })).toBe('NOT_YET_DUE');
  });

  it('ND85 Art. 20.2.c: a level-3 inspection done within the year after approval is on time', () => {
    expect(inspectionStanding(system({ inspectionsDesc: ['2026-02-20'] }), ND85)).toBe('ON_TIME');
  });

  it('ND85 Art. 20.2.c: a level-3 inspection done after the year is late, though the next is not due yet', () => {
    expect(inspectionStanding(system({ inspectionsDesc: ['2026-04-10'] }), ND85)).toBe('LATE');
  });

  it('ND85 Art. 20.2.c: level 5 is due every 6 months — an inspection on 31/08/2025 is due again on 28/02/2026', () => {
    const l5 = system({ level: 5, approvedOn: '2025-06-01', inspectionsDesc: ['2025-08-31'] });
    expect(inspectionStanding(l5, { ...ND85, asOf: '2026-02-28' })).toBe('ON_TIME');
    expect(inspectionStanding(l5, { ...ND85, asOf: '2026-03-01' })).toBe('OVERDUE');
  });

  it('ND85 Art. 20.2.c: levels 1–2 follow the 2-year cycle', () => {
    const l2 = system({ level: 2, approvedOn: '2025-01-15' });
    expect(inspectionStanding(l2, { ...ND85, asOf: '2027-01-15' })).toBe('NOT_YET_DUE');
    expect(inspectionStanding(l2, { ...ND85, asOf: '2027-01-16' })).toBe('OVERDUE');
  });

  it('Law 116 Art. 11.1.b: a List system inspected on 10/01/2025 is due before October 2026 under ND331', () => {
    const listed = system({ level: 4, onNationalSecurityList: true, approvedOn: '2024-12-01', inspectionsDesc: ['2025-01-10'] });
    expect(inspectionStanding(listed, { ...ND331, asOf: '2026-01-10' })).toBe('ON_TIME');
    expect(inspectionStanding(listed, { ...ND331, asOf: '2026-10-01' })).toBe('OVERDUE');
  });

  it('counts plans fully deployed and inspections by tier, with the total last', () => {
    const rows = [
      system({ level: 2, approvedOn: '2026-01-10', deploymentStatus: 'FULL' }),
      system({ level: 3, deploymentStatus: 'FULL', inspectionsDesc: ['2026-02-01'], openIncidents: 1 }),
      system({ level: 3, deploymentStatus: 'PARTIAL', openFlags: 1 }),
      system({ level: 4, approvedOn: '2026-05-01' }),
    ];
    const figures = afterApprovalFigures(rows, ND85);
    expect(figures.map((f) => f.tier)).toEqual(['LEVEL_1_2', 'LEVEL_3', 'LEVEL_4_5', 'TOTAL']);
    expect(figures[1]).toMatchObject({
      approved: 2,
      fullyDeployed: 1,
      partiallyDeployed: 1,
      fullDeploymentRate: 50,
      inspectedOnTime: 1,
      inspectionOverdue: 1,
      openIncidents: 1,
      openRedeterminationFlags: 1,
    });
    expect(figures[3]).toMatchObject({ approved: 4, fullyDeployed: 2, fullDeploymentRate: 50, notYetDue: 2, onTimeRate: 25 });
  });
});
