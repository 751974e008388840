import { availableActions, sameBodyAppraisesAndApproves } from '../dossiers/dossier-actions';
import { DOSSIER_STATUSES, DossierStatus } from '../dossiers/dossier-status';
import { ActorRole, decideTransition, DOSSIER_ACTIONS, DossierAction, TRANSITIONS, TransitionContext } from './dossier-transitions';

/** The expected table: for every action, the statuses it may start from and where it leads with a valid context. */
const EXPECTED: Record<DossierAction, Partial<Record<DossierStatus, DossierStatus>>> = {
  submit: { DRAFT: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  return: { SUBMITTED: 'RETURNED', UNDER_APPRAISAL: 'RETURNED' },
  'start-appraisal': { SUBMITTED: 'UNDER_APPRAISAL' },
  appraise: { UNDER_APPRAISAL: 'APPRAISED' },
  approve: { APPRAISED: 'APPROVED', UNDER_APPRAISAL: 'APPROVED' },
  withdraw: { DRAFT: 'WITHDRAWN', SUBMITTED: 'WITHDRAWN', RETURNED: 'WITHDRAWN', UNDER_APPRAISAL: 'WITHDRAWN', APPRAISED: 'WITHDRAWN' },
  supersede: { APPROVED: 'SUPERSEDED' },
};

/** A context in which every guard of `action` passes. */
function validContext(action: DossierAction, status: DossierStatus): TransitionContext {
  return {
    status,
    actorRoles: [TRANSITIONS[action].actor],
    proposedLevel: 2,
    sameBodyAppraisesAndApproves: true,
    missingCount: 0,
    routed: true,
    returnItems: ['Bổ sung tài liệu thiết kế'],
    conclusion: 'SUITABLE',
    reasons: [],
    decisionLevel: 2,
    internalRegulationIssued: true,
  };
}

describe('dossier transition table', () => {
  for (const action of DOSSIER_ACTIONS) {
    for (const status of DOSSIER_STATUSES) {
      const expected = EXPECTED[action][status];
      it(`${action} from ${status} → ${expected ?? 'refused'}`, () => {
        const decision = decideTransition(action, validContext(action, status));
        if (expected) expect(decision).toEqual({ ok: true, to: expected });
        else expect(decision).toMatchObject({ ok: false, code: 'DOSSIER_INVALID_TRANSITION' });
      });
    }
  }

  it('refuses every action to an actor without the role it needs', () => {
    const roles: ActorRole[] = ['PREPARER', 'APPRAISER', 'APPROVER', 'SYSTEM'];
    for (const action of DOSSIER_ACTIONS) {
      const [status] = Object.keys(EXPECTED[action]) as DossierStatus[];
      const others = roles.filter((r) => r !== TRANSITIONS[action].actor);
      expect(decideTransition(action, { ...validContext(action, status), actorRoles: others })).toMatchObject({
        ok: false,
        code: 'DOSSIER_ACTION_FORBIDDEN',
      });
    }
  });
});

describe('guards', () => {
  it('submit needs a complete dossier and a route', () => {
    expect(decideTransition('submit', { ...validContext('submit', 'DRAFT'), missingCount: 3 })).toMatchObject({
      ok: false,
      code: 'DOSSIER_INCOMPLETE',
    });
    expect(decideTransition('submit', { ...validContext('submit', 'DRAFT'), routed: false })).toMatchObject({
      ok: false,
      code: 'DOSSIER_NO_ROUTE',
    });
  });

  it('return needs the list of what to supplement', () => {
    expect(decideTransition('return', { ...validContext('return', 'SUBMITTED'), returnItems: [' '] })).toMatchObject({
      ok: false,
      code: 'DOSSIER_RETURN_ITEMS_REQUIRED',
    });
  });

  it('appraise: NOT_SUITABLE goes back to draft and needs reasons; a missing conclusion is refused', () => {
    const ctx = validContext('appraise', 'UNDER_APPRAISAL');
    expect(
      decideTransition('appraise', { ...ctx, conclusion: 'NOT_SUITABLE', reasons: ['Phương án chưa đáp ứng yêu cầu sao lưu'] }),
    ).toEqual({ ok: true, to: 'DRAFT' });
    expect(decideTransition('appraise', { ...ctx, conclusion: 'NOT_SUITABLE', reasons: [] })).toMatchObject({
      ok: false,
      code: 'DOSSIER_APPRAISAL_INVALID',
    });
    expect(decideTransition('appraise', { ...ctx, conclusion: undefined })).toMatchObject({ ok: false, code: 'DOSSIER_APPRAISAL_INVALID' });
  });

  it('approve in one step only for levels 1–2 when the same body appraises and approves', () => {
    const ctx = validContext('approve', 'UNDER_APPRAISAL');
    expect(decideTransition('approve', ctx)).toEqual({ ok: true, to: 'APPROVED' });
    expect(decideTransition('approve', { ...ctx, proposedLevel: 3, decisionLevel: 3 })).toMatchObject({
      ok: false,
      code: 'DOSSIER_INVALID_TRANSITION',
    });
    expect(decideTransition('approve', { ...ctx, sameBodyAppraisesAndApproves: false })).toMatchObject({
      ok: false,
      code: 'DOSSIER_INVALID_TRANSITION',
    });
    expect(
      decideTransition('approve', {
        ...validContext('approve', 'APPRAISED'),
        proposedLevel: 4,
        decisionLevel: 4,
        sameBodyAppraisesAndApproves: false,
      }),
    ).toEqual({ ok: true, to: 'APPROVED' });
  });

  it('Law 116/2025 Art. 15.1.d, 15.2.b: a state-secret dossier is not submitted, appraised or approved online; it may only be withdrawn', () => {
    for (const action of DOSSIER_ACTIONS) {
      for (const status of Object.keys(EXPECTED[action]) as DossierStatus[]) {
        const decision = decideTransition(action, { ...validContext(action, status), stateSecret: true });
        if (action === 'withdraw' || action === 'supersede') expect(decision).toEqual({ ok: true, to: EXPECTED[action][status] });
        else
          expect(decision).toMatchObject({
            ok: false,
            code: 'STATE_SECRET_OFFLINE_DOSSIER',
            message: expect.stringContaining('bí mật nhà nước'),
          });
      }
    }
  });

  it('approve needs the proposed level in the decision and an issued internal regulation', () => {
    const ctx = validContext('approve', 'APPRAISED');
    expect(decideTransition('approve', { ...ctx, decisionLevel: 3 })).toMatchObject({ ok: false, code: 'DOSSIER_DECISION_INVALID' });
    expect(decideTransition('approve', { ...ctx, internalRegulationIssued: false })).toMatchObject({
      ok: false,
      code: 'INTERNAL_REGULATION_MISSING',
    });
  });

  it('ND331 Art. 20.3: an approval decision is not dated after today (Vietnam); today and earlier are accepted', () => {
    const ctx = { ...validContext('approve', 'APPRAISED'), today: '2026-11-25' };
    expect(decideTransition('approve', { ...ctx, decisionDate: '2026-11-26' })).toMatchObject({
      ok: false,
      code: 'DECISION_DATE_IN_FUTURE',
    });
    expect(decideTransition('approve', { ...ctx, decisionDate: '2026-11-25' })).toEqual({ ok: true, to: 'APPROVED' });
    expect(decideTransition('approve', { ...ctx, decisionDate: '2024-05-20' })).toEqual({ ok: true, to: 'APPROVED' });
  });
});

describe('availableActions says what decideTransition allows (the table written once)', () => {
  const ROLE_SETS: ActorRole[][] = [
    [],
    ['PREPARER'],
    ['APPRAISER'],
    ['APPROVER'],
    ['APPRAISER', 'APPROVER'],
    ['PREPARER', 'APPRAISER', 'APPROVER'],
  ];
  const ROUTINGS = [
    { proposedLevel: 2, appraiserAgencyId: 'so-ca', approverAgencyId: 'so-ca' },
    { proposedLevel: 2, appraiserAgencyId: 'so-ca', approverAgencyId: null },
    { proposedLevel: 3, appraiserAgencyId: 'so-ca', approverAgencyId: 'so-ca' },
  ];

  it('for every status, actor roles and routing, an action is offered exactly when only its guards on the input could refuse it', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const roles of ROLE_SETS) {
        for (const routing of ROUTINGS) {
          const offered = availableActions({ status, ...routing }, roles);
          const allowed = DOSSIER_ACTIONS.filter((action) => {
            const ctx = {
              ...validContext(action, status),
              actorRoles: roles,
              proposedLevel: routing.proposedLevel,
              decisionLevel: routing.proposedLevel,
            };
            const decision = decideTransition(action, { ...ctx, sameBodyAppraisesAndApproves: sameBodyAppraisesAndApproves(routing) });
            return decision.ok || !['DOSSIER_INVALID_TRANSITION', 'DOSSIER_ACTION_FORBIDDEN'].includes(decision.code);
          });
          expect({ status, roles, routing, offered }).toEqual({ status, roles, routing, offered: allowed });
        }
      }
    }
  });
});
