import { AnnualSystemRow } from './annual-report.query';
import { mapAnnualRow, mau08Facts } from './annual-report.mapper';
import { mau08Cells } from './annual-report.text';
import { annualPeriod } from './mau08';

const period = annualPeriod(2026);
const asOf = '2026-11-25';

function system(over: Partial<AnnualSystemRow>): AnnualSystemRow {
  return {
    id: 's1',
    code: 'MOT-CUA',
    name: 'Hệ thống một cửa điện tử xã Mường Lạn',
    ownerName: 'UBND xã Mường Lạn',
    operatorName: 'UBND xã Mường Lạn',
    deploymentStatus: 'NOT_DEPLOYED',
    deploymentExpectedOn: null,
    hasPlanItems: false,
    inspections: [],
    regulationNumber: '01/QC-ATTT',
    regulationDate: '2025-05-15',
    recordedLevel: null,
    recordedDecisionNumber: null,
    recordedDecisionDate: null,
    recordedDecisionIssuer: null,
    currentState: null,
    currentProposedLevel: null,
    currentPlan: null,
    approvedDecision: null,
    approvedOn: null,
    approvedPlan: null,
    hadDossier: false,
    lastFirstSubmittedOn: null,
    ...over,
  };
}

describe('Mẫu 08 row of a system', () => {
  it('leaves the status and decision blank for a system without a dossier', () => {
    const { dto, facts } = mapAnnualRow(system({}), 1, period, asOf);
    expect(dto).toMatchObject({
      status: null,
      statusLabel: '',
      decision: null,
      proposedLevel: null,
      deploymentStatusLabel: 'Chưa triển khai',
    });
    expect(facts.classified).toBe(false);
    expect(mau08Cells(dto)).toEqual([
      '1',
      'Hệ thống một cửa điện tử xã Mường Lạn',
      'UBND xã Mường Lạn',
      'UBND xã Mường Lạn',
      '',
      '',
      '',
      'Số 01/QC-ATTT ngày 15/05/2025',
      '',
      'Chưa triển khai',
      '',
      '',
    ]);
  });

  it('reads a dossier under appraisal as "Đã gửi thẩm định", with its proposed level and the plan\'s last date', () => {
    const { dto, facts } = mapAnnualRow(
      system({
        currentState: 'UNDER_APPRAISAL',
        currentProposedLevel: 3,
        currentPlan: { a: { status: 'PLANNED', plannedDate: '2027-01-31' } },
        hadDossier: true,
        lastFirstSubmittedOn: '2026-02-20',
      }),
      2,
      period,
      asOf,
    );
    expect(dto).toMatchObject({
      status: 'SUBMITTED',
      statusLabel: 'Đã gửi thẩm định',
      proposedLevel: 3,
      expectedFullDeploymentOn: '2027-01-31',
    });
    expect(facts).toMatchObject({ classified: true, submittedInPeriod: true, approvedInPeriod: false });
  });

  it('takes column 7 from the dossier approved by then', () => {
    const { dto, facts } = mapAnnualRow(
      system({
        currentState: 'APPROVED',
        currentProposedLevel: 2,
        hadDossier: true,
        approvedDecision: { number: '115/QĐ-CAT-PA05', date: '2026-02-02', issuer: 'Công an tỉnh Sơn La', level: 2 },
        approvedOn: '2026-02-02',
        recordedLevel: 2,
        recordedDecisionNumber: '115/QĐ-CAT-PA05',
        recordedDecisionDate: '2026-02-02',
      }),
      3,
      period,
      asOf,
    );
    expect(dto).toMatchObject({
      statusLabel: 'Đã được phê duyệt',
      approvedLevel: 2,
      decision: { number: '115/QĐ-CAT-PA05', date: '2026-02-02', issuer: 'Công an tỉnh Sơn La' },
    });
    expect(mau08Cells(dto)[6]).toBe('Số 115/QĐ-CAT-PA05 ngày 02/02/2026 của Công an tỉnh Sơn La');
    expect(facts).toMatchObject({ approvedLevel: 2, approvedInPeriod: true });
  });

  it('counts a decision recorded on the system before the registry as approved, but not one dated after the figures date', () => {
    const recorded = {
      recordedLevel: 3,
      recordedDecisionNumber: '12/QĐ-UBND',
      recordedDecisionDate: '2023-06-01',
      recordedDecisionIssuer: 'UBND tỉnh Sơn La',
    };
    const before = mapAnnualRow(system(recorded), 4, period, asOf);
    expect(before.dto).toMatchObject({
      status: 'APPROVED',
      proposedLevel: 3,
      approvedLevel: 3,
      decision: { number: '12/QĐ-UBND', date: '2023-06-01' },
    });
    expect(before.facts).toMatchObject({ classified: true, approvedInPeriod: false });
    const later = mapAnnualRow(system({ ...recorded, recordedDecisionDate: '2026-12-01' }), 4, period, asOf);
    expect(later.dto).toMatchObject({ status: null, decision: null, approvedLevel: null });
  });

  it('keeps the inspections made by the figures date: column 12, the last one, and whether one fell in the period', () => {
    const { dto, facts } = mapAnnualRow(
      system({
        inspections: [
          { kind: 'BEFORE_GO_LIVE', date: '2019-02-20', performer: 'Sở Thông tin và Truyền thông' },
          { kind: 'PERIODIC', date: '2026-03-10', performer: 'Công an tỉnh Sơn La' },
          { kind: 'PERIODIC', date: '2026-12-01', performer: 'Công an tỉnh Sơn La' },
        ],
      }),
      5,
      period,
      asOf,
    );
    expect(dto.inspectionStatus).toBe('Trước khi đưa vào sử dụng; Định kỳ');
    expect(dto.lastInspection).toEqual({ date: '2026-03-10', kind: 'PERIODIC', kindLabel: 'Định kỳ', performer: 'Công an tỉnh Sơn La' });
    expect(mau08Cells(dto)[11]).toBe('Trước khi đưa vào sử dụng; Định kỳ (lần gần nhất 10/03/2026)');
    expect(facts).toMatchObject({ inspected: true, inspectedInPeriod: true });
    const old = mapAnnualRow(system({ inspections: [{ kind: 'BEFORE_GO_LIVE', date: '2019-02-20', performer: 'Sở' }] }), 6, period, asOf);
    expect(old.facts).toMatchObject({ inspected: true, inspectedInPeriod: false });
  });

  it('expects no further deployment once the plan is fully deployed', () => {
    const { dto } = mapAnnualRow(
      system({ deploymentStatus: 'FULL', currentPlan: { a: { status: 'PLANNED', plannedDate: '2027-01-31' } } }),
      7,
      period,
      asOf,
    );
    expect(dto).toMatchObject({ deploymentStatusLabel: 'Đã triển khai đầy đủ', expectedFullDeploymentOn: null });
  });

  it("TT12 Art. 14.9 / ND331 Art. 36.10: column 11 is the plan items' latest planned date once the system has items", () => {
    const plan = { a: { status: 'PLANNED', plannedDate: '2027-01-31' } };
    const fromItems = mapAnnualRow(
      system({ deploymentStatus: 'PARTIAL', hasPlanItems: true, deploymentExpectedOn: '2027-03-15', approvedPlan: plan }),
      8,
      period,
      asOf,
    );
    expect(fromItems.dto).toMatchObject({ deploymentStatusLabel: 'Đã triển khai một số hạng mục', expectedFullDeploymentOn: '2027-03-15' });
    // All items done or not applicable: no expected date, even though the approved plan had one.
    const done = mapAnnualRow(system({ hasPlanItems: true, deploymentExpectedOn: null, approvedPlan: plan }), 9, period, asOf);
    expect(done.dto.expectedFullDeploymentOn).toBeNull();
    // No items (a level approved before issue 20): the approved plan's dates, as before.
    const legacy = mapAnnualRow(system({ approvedPlan: plan }), 10, period, asOf);
    expect(legacy.dto.expectedFullDeploymentOn).toBe('2027-01-31');
  });

  it('ND331 Art. 36 / Mẫu 08 column 6: the national groups read the same facts as a system row', () => {
    const base = {
      approvedLevel: null,
      deploymentStatus: 'PARTIAL' as const,
      hadDossier: true,
      inspected: false,
      inspectedInPeriod: false,
      submittedInPeriod: true,
    };
    // An approval held counts in the period when its day falls in it; a dossier under appraisal is not approved in the period.
    expect(mau08Facts({ ...base, currentState: 'UNDER_APPRAISAL', holdsApproval: false, approvedOnInPeriod: true })).toMatchObject({
      status: 'SUBMITTED',
      classified: true,
      approvedInPeriod: false,
    });
    expect(
      mau08Facts({ ...base, currentState: 'DRAFT', holdsApproval: true, approvedLevel: 2, hadDossier: false, approvedOnInPeriod: true }),
    ).toMatchObject({ status: 'APPROVED', classified: true, approvedLevel: 2, approvedInPeriod: true });
    // A row's facts are those of its inputs.
    const row = system({
      currentState: 'APPROVED',
      hadDossier: true,
      approvedDecision: { number: '12/QĐ-CAT-PA05', date: '2026-03-02', issuer: 'Công an tỉnh Sơn La', level: 2 },
      approvedOn: '2026-03-02',
      lastFirstSubmittedOn: '2026-02-01',
      inspections: [{ kind: 'PERIODIC', date: '2026-05-01', performer: 'Công an tỉnh Sơn La' }],
    });
    expect(mapAnnualRow(row, 1, period, asOf).facts).toEqual(
      mau08Facts({
        currentState: 'APPROVED',
        holdsApproval: true,
        approvedLevel: 2,
        deploymentStatus: 'NOT_DEPLOYED',
        hadDossier: true,
        inspected: true,
        inspectedInPeriod: true,
        submittedInPeriod: true,
        approvedOnInPeriod: true,
      }),
    );
  });
});
