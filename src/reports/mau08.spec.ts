import { DOSSIER_STATUSES } from '../dossiers/dossier-status';
import {
  annualPeriod,
  expectedFullDeployment,
  figuresDate,
  inspectionColumn,
  Mau08Facts,
  MAU08_STATUS_LABELS,
  mau08Status,
  reportingYearOf,
  summarize,
  summarizeCounted,
} from './mau08';

describe('Mẫu 08 reporting period (15/12 of the previous year to 14/12)', () => {
  it('gives the period and the two reporting deadlines of a year', () => {
    expect(annualPeriod(2026)).toEqual({
      year: 2026,
      from: '2025-12-15',
      to: '2026-12-14',
      unitsReportBy: '2026-12-20',
      ownerReportBy: '2026-12-25',
    });
  });

  it.each([
    ['2026-01-01', 2026],
    ['2026-12-14', 2026],
    ['2026-12-15', 2027],
    ['2026-12-31', 2027],
    ['2025-12-15', 2026],
  ])('puts %s in the report of %i', (day, year) => expect(reportingYearOf(day)).toBe(year));

  it('takes the figures today while the period runs, at its last day once it is over, never before it starts', () => {
    const period = annualPeriod(2026);
    expect(figuresDate(period, '2025-12-14')).toBeNull();
    expect(figuresDate(period, '2025-12-15')).toBe('2025-12-15');
    expect(figuresDate(period, '2026-11-25')).toBe('2026-11-25');
    expect(figuresDate(period, '2026-12-14')).toBe('2026-12-14');
    expect(figuresDate(period, '2027-03-01')).toBe('2026-12-14');
  });
});

describe('Mẫu 08 column 6', () => {
  it.each([
    ['DRAFT', 'Đang dự thảo'],
    ['SUBMITTED', 'Đã gửi thẩm định'],
    ['RETURNED', 'Đã gửi thẩm định'],
    ['UNDER_APPRAISAL', 'Đã gửi thẩm định'],
    ['APPRAISED', 'Đã thẩm định'],
    ['APPROVED', 'Đã được phê duyệt'],
  ] as const)('%s reads "%s"', (state, label) => {
    const status = mau08Status(state, state === 'APPROVED');
    expect(status && MAU08_STATUS_LABELS[status]).toBe(label);
  });

  it('leaves the column blank with no dossier or a withdrawn one', () => {
    expect(mau08Status(null, false)).toBeNull();
    expect(mau08Status('WITHDRAWN', false)).toBeNull();
  });

  it('keeps an approved level "Đã được phê duyệt" while a re-determination is drafted or appraised', () => {
    for (const state of DOSSIER_STATUSES) expect(mau08Status(state, true)).toBe('APPROVED');
    expect(mau08Status(null, true)).toBe('APPROVED');
  });

  it('only ever uses the four words of the form', () => {
    const words = new Set(
      DOSSIER_STATUSES.map((s) => mau08Status(s, false))
        .filter((s) => s !== null)
        .map((s) => MAU08_STATUS_LABELS[s!]),
    );
    expect([...words].sort()).toEqual(['Đang dự thảo', 'Đã gửi thẩm định', 'Đã thẩm định', 'Đã được phê duyệt'].sort());
  });
});

describe('Mẫu 08 columns 11 and 12', () => {
  it('names the inspections recorded, in the order of the form, without "Đột xuất"', () => {
    expect(inspectionColumn([])).toBe('');
    expect(inspectionColumn(['PERIODIC', 'BEFORE_GO_LIVE', 'PERIODIC'])).toBe('Trước khi đưa vào sử dụng; Định kỳ');
    expect(inspectionColumn(['AD_HOC'])).toBe('');
  });

  it('expects full deployment at the latest planned date of what is not implemented yet', () => {
    expect(expectedFullDeployment(null)).toBeNull();
    expect(expectedFullDeployment({ a: { status: 'IMPLEMENTED' }, b: { status: 'NOT_APPLICABLE' } })).toBeNull();
    expect(
      expectedFullDeployment({
        a: { status: 'PLANNED', plannedDate: '2026-05-01' },
        b: { status: 'PLANNED', plannedDate: '2026-09-30' },
        c: { status: 'IMPLEMENTED' },
      }),
    ).toBe('2026-09-30');
  });
});

describe('Mẫu 08 summary', () => {
  const row = (over: Partial<Mau08Facts>): Mau08Facts => ({
    status: null,
    classified: false,
    approvedLevel: null,
    deploymentStatus: 'NOT_DEPLOYED',
    inspected: false,
    inspectedInPeriod: false,
    submittedInPeriod: false,
    approvedInPeriod: false,
    ...over,
  });
  const rows: Mau08Facts[] = [
    row({}),
    row({ classified: true }),
    row({ status: 'DRAFTING', classified: true }),
    row({ status: 'SUBMITTED', classified: true, submittedInPeriod: true }),
    row({ status: 'APPRAISED', classified: true, submittedInPeriod: true }),
    row({
      status: 'APPROVED',
      classified: true,
      approvedLevel: 3,
      deploymentStatus: 'FULL',
      inspected: true,
      inspectedInPeriod: true,
      approvedInPeriod: true,
    }),
    row({ status: 'APPROVED', classified: true, approvedLevel: 2, deploymentStatus: 'PARTIAL', inspected: true }),
    row({ status: 'APPROVED', classified: true, approvedLevel: 3 }),
    row({ deploymentStatus: 'FULL' }),
  ];

  it('counts each stage reached, so the later stages never exceed the earlier ones', () => {
    const s = summarize(rows);
    expect(s).toMatchObject({
      systems: 9,
      classified: 7,
      dossiersBuilt: 6,
      appraised: 4,
      approved: 3,
      approvedAndInspected: 2,
      approvedAndInspectedInPeriod: 1,
    });
    expect(s.byLevel).toEqual({ '1': 0, '2': 1, '3': 2, '4': 0, '5': 0 });
    expect(s.byStatus).toEqual({ DRAFTING: 1, SUBMITTED: 1, APPRAISED: 1, APPROVED: 3 });
    expect(s.duringPeriod).toEqual({ submitted: 2, approved: 1 });
  });

  it('gives % approved of all systems, and % fully deployed of the approved ones only', () => {
    const s = summarize(rows);
    expect(s.approvalRate).toBe(33.3);
    expect(s.fullyDeployed).toBe(1);
    expect(s.deployment).toEqual({ NOT_DEPLOYED: 6, PARTIAL: 1, FULL: 2 });
    expect(s.fullDeploymentRate).toBe(33.3);
  });

  it('has no rate without a base', () => {
    expect(summarize([])).toMatchObject({ systems: 0, approvalRate: null, fullDeploymentRate: null });
  });

  it('gives the national summary (ND331 Art. 36, Mẫu 08 Part 1) from groups of like systems as from one row per system', () => {
    // Each distinct row stands for 1–4 systems: the summary of the groups is that of the rows repeated.
    const groups = rows.map((facts, i) => ({ facts, count: (i % 4) + 1 }));
    const expanded = groups.flatMap((g) => Array.from({ length: g.count }, () => g.facts));
    expect(summarizeCounted(groups)).toEqual(summarize(expanded));
    expect(summarizeCounted(groups).systems).toBe(expanded.length);
    expect(summarizeCounted([])).toEqual(summarize([]));
  });
});
