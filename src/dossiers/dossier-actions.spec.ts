import { APPRAISAL_DESK_STATUSES, availableActions, mayApproveWhileAppraising, TRANSITIONS } from './dossier-actions';
import { EDITABLE_STATUSES, OPEN_STATUSES } from './dossier-status';

const routed = { proposedLevel: 3, appraiserAgencyId: 'ca-sl', approverAgencyId: null };

describe('the actions a dossier offers its user (availableActions)', () => {
  it('offers the preparer submission of a draft or a returned dossier, and withdrawal while it is open', () => {
    expect(availableActions({ ...routed, status: 'DRAFT' }, ['PREPARER'])).toEqual(['submit', 'withdraw']);
    expect(availableActions({ ...routed, status: 'RETURNED' }, ['PREPARER'])).toEqual(['submit', 'withdraw']);
    expect(availableActions({ ...routed, status: 'SUBMITTED' }, ['PREPARER'])).toEqual(['withdraw']);
    expect(availableActions({ ...routed, status: 'APPROVED' }, ['PREPARER'])).toEqual([]);
  });

  it('offers the routed appraiser the validity check and the return, then the appraisal', () => {
    expect(availableActions({ ...routed, status: 'SUBMITTED' }, ['APPRAISER'])).toEqual(['return', 'start-appraisal']);
    expect(availableActions({ ...routed, status: 'UNDER_APPRAISAL' }, ['APPRAISER'])).toEqual(['return', 'appraise']);
    expect(availableActions({ ...routed, status: 'DRAFT' }, ['APPRAISER'])).toEqual([]);
  });

  it('ND331 Art. 18.1: the specialised unit that appraises a level 1–2 dossier also approves it, so it may approve while appraising', () => {
    const levelTwo = { status: 'UNDER_APPRAISAL', proposedLevel: 2, appraiserAgencyId: 'so-kh', approverAgencyId: 'so-kh' };
    expect(availableActions(levelTwo, ['APPRAISER', 'APPROVER'])).toEqual(['return', 'appraise', 'approve']);
    expect(mayApproveWhileAppraising(2, true)).toBe(true);
  });

  it('ND331 Art. 18.2–18.3: a level 3+ dossier, or one approved by another body, is approved only once appraised', () => {
    expect(
      availableActions({ status: 'UNDER_APPRAISAL', proposedLevel: 3, appraiserAgencyId: 'so-kh', approverAgencyId: 'so-kh' }, [
        'APPRAISER',
        'APPROVER',
      ]),
    ).toEqual(['return', 'appraise']);
    expect(
      availableActions({ status: 'UNDER_APPRAISAL', proposedLevel: 2, appraiserAgencyId: 'so-kh', approverAgencyId: null }, ['APPROVER']),
    ).toEqual([]);
    expect(availableActions({ ...routed, status: 'APPRAISED' }, ['APPROVER'])).toEqual(['approve']);
    expect(mayApproveWhileAppraising(3, true)).toBe(false);
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
  });

  it('the appraisal desk shows the statuses in which the appraising or approving body acts', () => {
    expect(APPRAISAL_DESK_STATUSES).toEqual(['SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED']);
  });
});
