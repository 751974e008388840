import { APPRAISAL_DESK_STATUSES, availableActions, DossierRouting, mayApproveWhileAppraising, TRANSITIONS } from './dossier-actions';
import { EDITABLE_STATUSES, OPEN_STATUSES } from './dossier-status';

const routed = { proposedLevel: 3, path: 'OWNER' as const, appraiserAgencyId: 'ca-sl', approverAgencyId: null, listingRequested: false };
const unit = (over: Partial<DossierRouting> & { status: string }): DossierRouting => ({
  ...routed,
  proposedLevel: 2,
  path: 'UNIT',
  ...over,
});

describe('the actions a dossier offers its user (availableActions)', () => {
  it('offers the preparer submission of a draft or a returned dossier, and withdrawal while it is open', () => {
    expect(availableActions(unit({ status: 'DRAFT' }), ['PREPARER'])).toEqual(['submit', 'withdraw']);
    expect(availableActions(unit({ status: 'RETURNED' }), ['PREPARER'])).toEqual(['submit', 'withdraw']);
    expect(availableActions({ ...routed, status: 'SUBMITTED' }, ['PREPARER'])).toEqual(['withdraw']);
    expect(availableActions({ ...routed, status: 'APPROVED' }, ['PREPARER'])).toEqual([]);
  });

  it('offers the routed appraiser the validity check and the return, then the appraisal', () => {
    expect(availableActions({ ...routed, status: 'SUBMITTED' }, ['APPRAISER'])).toEqual(['return', 'start-appraisal']);
    expect(availableActions({ ...routed, status: 'UNDER_APPRAISAL' }, ['APPRAISER'])).toEqual(['return', 'appraise']);
    expect(availableActions({ ...routed, status: 'DRAFT' }, ['APPRAISER'])).toEqual([]);
  });

  it('ND331 Art. 18.1: the specialised unit that appraises a level 1–2 dossier also approves it, so it may approve while appraising', () => {
    const levelTwo = unit({ status: 'UNDER_APPRAISAL', appraiserAgencyId: 'so-kh', approverAgencyId: 'so-kh' });
    expect(availableActions(levelTwo, ['APPRAISER', 'APPROVER'])).toEqual(['return', 'appraise', 'approve']);
    expect(mayApproveWhileAppraising(2, true)).toBe(true);
  });

  it('ND331 Art. 18.2–18.3: a level 3+ dossier, or one approved by another body, is approved only once appraised', () => {
    expect(
      availableActions({ ...routed, status: 'UNDER_APPRAISAL', appraiserAgencyId: 'so-kh', approverAgencyId: 'so-kh' }, [
        'APPRAISER',
        'APPROVER',
      ]),
    ).toEqual(['return', 'appraise']);
    expect(availableActions(unit({ status: 'UNDER_APPRAISAL', appraiserAgencyId: 'so-kh' }), ['APPROVER'])).toEqual([]);
    expect(availableActions(unit({ status: 'APPRAISED' }), ['APPROVER'])).toEqual(['approve']);
    expect(mayApproveWhileAppraising(3, true)).toBe(false);
  });

  it('ND331 Art. 20.3.b: from level 3 the preparer sends the Tờ trình, then the owner approves', () => {
    expect(availableActions({ ...routed, status: 'APPRAISED' }, ['PREPARER', 'APPROVER'])).toEqual(['request-approval', 'withdraw']);
    expect(availableActions({ ...routed, status: 'AWAITING_APPROVAL' }, ['APPROVER'])).toEqual(['approve']);
    expect(availableActions({ ...routed, proposedLevel: 5, path: 'NATIONAL_LIST', status: 'AWAITING_APPROVAL' }, ['APPROVER'])).toEqual([
      'approve-plan',
    ]);
    expect(availableActions({ ...routed, proposedLevel: 5, path: 'NATIONAL_LIST', status: 'AWAITING_LISTING' }, ['REGISTRAR'])).toEqual([
      'record-listing',
    ]);
  });

  it('ND331 Art. 20.1.d: a level-4 draft asks the professional opinion; the owner sends it on', () => {
    const four = { ...routed, proposedLevel: 4, path: 'MINISTRY' as const };
    expect(availableActions({ ...four, status: 'DRAFT' }, ['PREPARER'])).toEqual(['request-opinion', 'withdraw']);
    expect(availableActions({ ...four, status: 'AWAITING_OPINION' }, ['SPECIALIST'])).toEqual(['give-opinion']);
    expect(availableActions({ ...four, status: 'OPINION_GIVEN' }, ['OWNER'])).toEqual(['owner-submit']);
    expect(availableActions({ ...four, status: 'DRAFT' }, ['OWNER'])).toEqual(['request-listing']);
  });

  it('never offers what only the system does, nor anything to a user without a role', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'APPROVED', 'WITHDRAWN']) expect(availableActions({ ...routed, status }, [])).toEqual([]);
    expect(availableActions({ ...routed, status: 'APPROVED' }, ['PREPARER', 'APPRAISER', 'APPROVER'])).toEqual([]);
  });
});

describe('status lists read from the table', () => {
  it('open statuses are those a dossier may be withdrawn from; editable ones are those it may be submitted from', () => {
    expect(TRANSITIONS.withdraw.from).toEqual(OPEN_STATUSES);
    expect([...TRANSITIONS.submit.from].sort()).toEqual([...EDITABLE_STATUSES].sort());
    expect(TRANSITIONS['request-opinion'].from).toEqual(['DRAFT']);
  });

  it('the appraisal desk shows the statuses in which the appraising or approving body acts', () => {
    // RETURNED: a supplemented level 4–5 dossier is sent again by the owner (owner-submit).
    expect(APPRAISAL_DESK_STATUSES).toEqual([
      'AWAITING_OPINION',
      'OPINION_GIVEN',
      'SUBMITTED',
      'RETURNED',
      'UNDER_APPRAISAL',
      'APPRAISED',
      'AWAITING_APPROVAL',
      'AWAITING_LISTING',
    ]);
  });
});
