import { claimRefusal, confirmRefusal, importedDecisionOutcome, isDecisionDateInFuture, rejectRefusal } from './prior-approval-rules';

const TODAY = '2026-11-25';
const DECISION = { level: 2, decisionNumber: '106/QĐ-CAT-PA05', decisionDate: '2024-05-20', issuer: 'Công an tỉnh Sơn La' };
const CELLS = {
  approvedLevel: 2,
  approvalDecisionNumber: '106/QĐ-CAT-PA05',
  approvalDecisionDate: '2024-05-20',
  approvalDecisionIssuer: 'Công an tỉnh Sơn La',
};

describe('prior-approval claims', () => {
  it('ND331 Art. 20.3: a decision dated after today (Vietnam) has not been made; today is accepted', () => {
    expect(isDecisionDateInFuture('2026-11-26', TODAY)).toBe(true);
    expect(isDecisionDateInFuture(TODAY, TODAY)).toBe(false);
    expect(claimRefusal({ workflowApproved: false, currentStatus: null, decisionDate: '2026-11-26', today: TODAY })).toMatchObject({
      code: 'DECISION_DATE_IN_FUTURE',
    });
  });

  it('ND331 Art. 18, 25: a level approved through the procedure is never replaced by a claim; a confirmed one only by re-determination', () => {
    expect(claimRefusal({ workflowApproved: true, currentStatus: null, decisionDate: '2024-05-20', today: TODAY })).toMatchObject({
      code: 'PRIOR_APPROVAL_WORKFLOW_APPROVED',
    });
    expect(claimRefusal({ workflowApproved: false, currentStatus: 'CONFIRMED', decisionDate: '2024-05-20', today: TODAY })).toMatchObject({
      code: 'PRIOR_APPROVAL_ALREADY_CONFIRMED',
    });
    for (const status of [null, 'CLAIMED', 'REJECTED'] as const) {
      expect(claimRefusal({ workflowApproved: false, currentStatus: status, decisionDate: '2024-05-20', today: TODAY })).toBeNull();
    }
  });

  it('Mẫu 08 column (7): a claim is confirmed only against the decision itself (its PDF), once, and never over the workflow', () => {
    const ok = { status: 'CLAIMED' as const, workflowApproved: false, hasEvidence: true, decisionDate: '2024-05-20', today: TODAY };
    expect(confirmRefusal(ok)).toBeNull();
    expect(confirmRefusal({ ...ok, hasEvidence: false })).toMatchObject({ code: 'PRIOR_APPROVAL_EVIDENCE_MISSING' });
    expect(confirmRefusal({ ...ok, workflowApproved: true })).toMatchObject({ code: 'PRIOR_APPROVAL_WORKFLOW_APPROVED' });
    expect(confirmRefusal({ ...ok, status: 'CONFIRMED' })).toMatchObject({ code: 'PRIOR_APPROVAL_NOT_PENDING' });
    expect(confirmRefusal({ ...ok, status: 'REJECTED' })).toMatchObject({ code: 'PRIOR_APPROVAL_NOT_PENDING' });
    expect(rejectRefusal('CLAIMED')).toBeNull();
    expect(rejectRefusal('CONFIRMED')).toMatchObject({ code: 'PRIOR_APPROVAL_NOT_PENDING' });
  });

  describe('an import row', () => {
    const fresh = { workflowApproved: false, recorded: null, pending: null };

    it('with blank decision cells changes nothing (an import cannot clear the level on record)', () => {
      expect(importedDecisionOutcome({}, fresh, TODAY)).toEqual({ kind: 'none' });
      expect(
        importedDecisionOutcome(
          { approvedLevel: null, approvalDecisionNumber: null, approvalDecisionDate: null, approvalDecisionIssuer: null },
          { ...fresh, recorded: DECISION },
          TODAY,
        ),
      ).toEqual({ kind: 'none' });
    });

    it('with a new decision becomes a claim; an export imported again is unchanged', () => {
      expect(importedDecisionOutcome(CELLS, fresh, TODAY)).toEqual({ kind: 'claim', decision: DECISION });
      expect(importedDecisionOutcome(CELLS, null, TODAY)).toEqual({ kind: 'claim', decision: DECISION });
      expect(importedDecisionOutcome(CELLS, { ...fresh, recorded: DECISION, workflowApproved: true }, TODAY)).toEqual({ kind: 'none' });
      expect(importedDecisionOutcome(CELLS, { ...fresh, pending: DECISION }, TODAY)).toEqual({ kind: 'none' });
    });

    it('is refused when incomplete, out of range, dated in the future, or over an approved level', () => {
      expect(importedDecisionOutcome({ ...CELLS, approvalDecisionIssuer: null }, fresh, TODAY)).toMatchObject({
        kind: 'error',
        errors: { approvalDecisionIssuer: expect.any(String) },
      });
      expect(importedDecisionOutcome({ ...CELLS, approvedLevel: 7 }, fresh, TODAY)).toMatchObject({
        kind: 'error',
        errors: { approvedLevel: 'cấp độ là số từ 1 đến 5' },
      });
      expect(importedDecisionOutcome({ ...CELLS, approvalDecisionDate: '2026-11-26' }, fresh, TODAY)).toMatchObject({
        kind: 'error',
        errors: { approvalDecisionDate: expect.any(String) },
      });
      expect(
        importedDecisionOutcome({ ...CELLS, approvedLevel: 1 }, { ...fresh, workflowApproved: true, recorded: DECISION }, TODAY),
      ).toMatchObject({ kind: 'error' });
      expect(importedDecisionOutcome({ ...CELLS, approvedLevel: 1 }, { ...fresh, recorded: DECISION }, TODAY)).toMatchObject({
        kind: 'error',
      });
    });
  });
});
