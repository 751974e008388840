import { availableActions, sameBodyAppraisesAndApproves } from '../dossiers/dossier-actions';
import { ProcedurePath } from '../dossiers/dossier-path';
import { DOSSIER_STATUSES, DossierStatus } from '../dossiers/dossier-status';
import { ActorRole, decideTransition, DOSSIER_ACTIONS, DossierAction, TRANSITIONS, TransitionContext } from './dossier-transitions';

/** The expected table: for every action, the statuses it may start from and where it leads with a valid context. */
const EXPECTED: Record<DossierAction, Partial<Record<DossierStatus, DossierStatus>>> = {
  submit: { DRAFT: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  'request-opinion': { DRAFT: 'AWAITING_OPINION' },
  'give-opinion': { AWAITING_OPINION: 'OPINION_GIVEN' },
  'owner-submit': { OPINION_GIVEN: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  return: { SUBMITTED: 'RETURNED', UNDER_APPRAISAL: 'RETURNED' },
  'start-appraisal': { SUBMITTED: 'UNDER_APPRAISAL' },
  appraise: { UNDER_APPRAISAL: 'APPRAISED' },
  'request-approval': { APPRAISED: 'AWAITING_APPROVAL' },
  approve: { APPRAISED: 'APPROVED', UNDER_APPRAISAL: 'APPROVED', AWAITING_APPROVAL: 'APPROVED' },
  'approve-plan': { AWAITING_APPROVAL: 'AWAITING_LISTING' },
  'record-listing': { AWAITING_LISTING: 'APPROVED' },
  'request-listing': { DRAFT: 'DRAFT', RETURNED: 'RETURNED', SUBMITTED: 'DRAFT', UNDER_APPRAISAL: 'DRAFT' },
  withdraw: {
    DRAFT: 'WITHDRAWN',
    AWAITING_OPINION: 'WITHDRAWN',
    OPINION_GIVEN: 'WITHDRAWN',
    SUBMITTED: 'WITHDRAWN',
    RETURNED: 'WITHDRAWN',
    UNDER_APPRAISAL: 'WITHDRAWN',
    APPRAISED: 'WITHDRAWN',
    AWAITING_APPROVAL: 'WITHDRAWN',
    AWAITING_LISTING: 'WITHDRAWN',
  },
  supersede: { APPROVED: 'SUPERSEDED' },
};

/** The level (and so the procedure) under which the action belongs to the dossier's procedure (ND331 Art. 18, 20). */
function levelFor(action: DossierAction, status: DossierStatus): { proposedLevel: number; path: ProcedurePath } {
  if (['request-opinion', 'give-opinion', 'owner-submit'].includes(action)) return { proposedLevel: 4, path: 'MINISTRY' };
  if (['approve-plan', 'record-listing'].includes(action)) return { proposedLevel: 5, path: 'NATIONAL_LIST' };
  if (action === 'request-approval' || action === 'request-listing' || (action === 'approve' && status === 'AWAITING_APPROVAL'))
    return { proposedLevel: 3, path: 'OWNER' };
  return { proposedLevel: 2, path: 'UNIT' };
}

/** A context in which every guard of `action` passes. */
function validContext(action: DossierAction, status: DossierStatus): TransitionContext {
  const { proposedLevel, path } = levelFor(action, status);
  return {
    status,
    actorRoles: [TRANSITIONS[action].actor],
    proposedLevel,
    regime: 'ND331',
    path,
    listingRequested: false,
    sameBodyAppraisesAndApproves: true,
    missingCount: 0,
    routed: true,
    returnItems: ['Bổ sung tài liệu thiết kế'],
    conclusion: 'SUITABLE',
    reasons: [],
    decisionLevel: proposedLevel,
    decisionFile: true,
    requestNumber: '88/UBND-NC',
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
    const roles: ActorRole[] = ['PREPARER', 'SPECIALIST', 'APPRAISER', 'APPROVER', 'OWNER', 'REGISTRAR', 'SYSTEM'];
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

  it('return for supplement only within the validity window (ND331 Art. 23.2); afterwards Mẫu 04 "chưa phù hợp"', () => {
    const ctx = { ...validContext('return', 'UNDER_APPRAISAL'), regime: 'ND331' as const, validityDueOn: '2027-02-15' };
    // The last day of the window still allows the return.
    expect(decideTransition('return', { ...ctx, today: '2027-02-15' })).toEqual({ ok: true, to: 'RETURNED' });
    const late = decideTransition('return', { ...ctx, today: '2027-02-16' });
    expect(late).toMatchObject({ ok: false, code: 'DOSSIER_RETURN_WINDOW_CLOSED' });
    expect(late.ok === false && late.message).toContain('khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP');
    expect(late.ok === false && late.message).toContain('Mẫu 04');
    // ND85: no statutory window — the internal target applies the same way, without citing an article.
    const nd85 = decideTransition('return', { ...ctx, regime: 'ND85', today: '2027-02-16' });
    expect(nd85).toMatchObject({ ok: false, code: 'DOSSIER_RETURN_WINDOW_CLOSED' });
    expect(nd85.ok === false && nd85.message).not.toContain('Điều 23');
    expect(nd85.ok === false && nd85.message).toContain('mục tiêu nội bộ');
    // A dossier sent before the window was kept: nothing to hold the return against.
    expect(decideTransition('return', { ...ctx, validityDueOn: null, today: '2027-03-01' })).toEqual({ ok: true, to: 'RETURNED' });
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
    expect(decideTransition('approve', { ...ctx, proposedLevel: 3, decisionLevel: 3, path: 'OWNER' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    expect(decideTransition('approve', { ...ctx, sameBodyAppraisesAndApproves: false })).toMatchObject({
      ok: false,
      code: 'DOSSIER_INVALID_TRANSITION',
    });
    expect(
      decideTransition('approve', {
        ...validContext('approve', 'AWAITING_APPROVAL'),
        proposedLevel: 4,
        decisionLevel: 4,
        path: 'MINISTRY',
        sameBodyAppraisesAndApproves: false,
      }),
    ).toEqual({ ok: true, to: 'APPROVED' });
  });

  it('ND331 Art. 20.3.b: from level 3 the owner approves only on the Tờ trình (Mẫu 05), not straight after the appraisal', () => {
    for (const path of ['OWNER', 'MINISTRY'] as const) {
      const ctx = { ...validContext('approve', 'APPRAISED'), proposedLevel: path === 'OWNER' ? 3 : 4, path };
      expect(decideTransition('approve', { ...ctx, decisionLevel: ctx.proposedLevel })).toMatchObject({
        ok: false,
        code: 'DOSSIER_WRONG_PROCEDURE',
        message: expect.stringContaining('Tờ trình'),
      });
    }
    expect(decideTransition('request-approval', { ...validContext('request-approval', 'APPRAISED'), path: 'UNIT' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    // Levels 1–2 are approved by the specialised unit without a Tờ trình (Art. 20.3.a).
    expect(
      decideTransition('approve', { ...validContext('approve', 'AWAITING_APPROVAL'), proposedLevel: 2, decisionLevel: 2, path: 'UNIT' }),
    ).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
  });

  it('ND331 Art. 18.3.đ, 20.3.c: a level-5 dossier is never approved with Mẫu 06; the owner approves the plan, the List approves the level', () => {
    const ctx = { ...validContext('approve', 'AWAITING_APPROVAL'), proposedLevel: 5, decisionLevel: 5, path: 'NATIONAL_LIST' as const };
    expect(decideTransition('approve', ctx)).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
      message: expect.stringContaining('Mẫu 07'),
    });
    expect(decideTransition('approve-plan', { ...ctx, actorRoles: ['APPROVER'] })).toEqual({ ok: true, to: 'AWAITING_LISTING' });
    expect(decideTransition('approve-plan', { ...ctx, actorRoles: ['APPROVER'], path: 'MINISTRY' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    expect(decideTransition('record-listing', { ...ctx, status: 'AWAITING_LISTING', actorRoles: ['APPROVER'] })).toMatchObject({
      ok: false,
      code: 'DOSSIER_ACTION_FORBIDDEN',
    });
  });

  it('ND331 Art. 20.1.d: levels 4–5 ask the professional opinion (Mẫu 03) and are sent by the owner, not by the operator', () => {
    expect(decideTransition('submit', { ...validContext('submit', 'DRAFT'), proposedLevel: 4, path: 'MINISTRY' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
      message: expect.stringContaining('Mẫu 03'),
    });
    expect(
      decideTransition('request-opinion', { ...validContext('request-opinion', 'DRAFT'), proposedLevel: 3, path: 'OWNER' }),
    ).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    expect(decideTransition('owner-submit', { ...validContext('owner-submit', 'OPINION_GIVEN'), actorRoles: ['PREPARER'] })).toMatchObject({
      ok: false,
      code: 'DOSSIER_ACTION_FORBIDDEN',
    });
    const opinion = validContext('give-opinion', 'AWAITING_OPINION');
    expect(decideTransition('give-opinion', { ...opinion, conclusion: 'NOT_SUITABLE', reasons: ['Chưa có phương án dự phòng'] })).toEqual({
      ok: true,
      to: 'DRAFT',
    });
    expect(decideTransition('give-opinion', { ...opinion, conclusion: 'NOT_SUITABLE', reasons: [] })).toMatchObject({
      ok: false,
      code: 'DOSSIER_APPRAISAL_INVALID',
    });
  });

  it('ND331 Art. 18.4: the specialised unit does not appraise a system it operates or owns unless an independent appraiser is recorded', () => {
    const ctx = { ...validContext('submit', 'DRAFT'), appraiserIsParty: true };
    expect(decideTransition('submit', ctx)).toMatchObject({
      ok: false,
      code: 'DOSSIER_APPRAISER_NOT_INDEPENDENT',
      message: expect.stringContaining('khoản 4 Điều 18'),
    });
    expect(decideTransition('submit', { ...ctx, independentAppraiserRecorded: true })).toEqual({ ok: true, to: 'SUBMITTED' });
  });

  it('ND331 Art. 18: a routing rule contradicting the competence table is refused at submission', () => {
    const ctx = {
      ...validContext('submit', 'DRAFT'),
      routeContradictions: { approverKind: ['chủ quản phê duyệt (cấp độ 3: khoản 2 Điều 18)'] },
    };
    expect(decideTransition('submit', ctx)).toMatchObject({
      ok: false,
      code: 'ROUTING_CONTRADICTS_COMPETENCE',
      message: expect.stringContaining('khoản 2 Điều 18'),
    });
  });

  it('ND331 Art. 17, 20.4: the owner requests listing for levels 3–4 only, under Decree 331, once; a dossier with the unit goes back to draft', () => {
    const ctx = validContext('request-listing', 'UNDER_APPRAISAL');
    expect(decideTransition('request-listing', ctx)).toEqual({ ok: true, to: 'DRAFT' });
    expect(decideTransition('request-listing', { ...ctx, proposedLevel: 4, path: 'MINISTRY' })).toEqual({
      ok: true,
      to: 'UNDER_APPRAISAL',
    });
    expect(decideTransition('request-listing', { ...ctx, proposedLevel: 5, path: 'NATIONAL_LIST' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
      message: expect.stringContaining('khoản 4 Điều 16'),
    });
    expect(decideTransition('request-listing', { ...ctx, proposedLevel: 2, path: 'UNIT' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    expect(decideTransition('request-listing', { ...ctx, listingRequested: true })).toMatchObject({
      ok: false,
      code: 'DOSSIER_WRONG_PROCEDURE',
    });
    expect(decideTransition('request-listing', { ...ctx, regime: 'ND85' })).toMatchObject({ ok: false, code: 'DOSSIER_WRONG_PROCEDURE' });
    expect(decideTransition('request-listing', { ...ctx, requestNumber: ' ' })).toMatchObject({
      ok: false,
      code: 'DOSSIER_DECISION_INVALID',
    });
    expect(decideTransition('request-listing', { ...ctx, today: '2026-11-25', decisionDate: '2026-11-26' })).toMatchObject({
      ok: false,
      code: 'DECISION_DATE_IN_FUTURE',
    });
  });

  it('ND331 Art. 17.2, 20.4: a level-4 dossier already with the ministry stays there when the owner requests listing', () => {
    for (const status of ['SUBMITTED', 'UNDER_APPRAISAL'] as const) {
      const ctx = { ...validContext('request-listing', status), proposedLevel: 4, path: 'MINISTRY' as const };
      expect(decideTransition('request-listing', ctx)).toEqual({ ok: true, to: status });
      expect(decideTransition('request-listing', { ...ctx, proposedLevel: 3, path: 'OWNER' })).toEqual({ ok: true, to: 'DRAFT' });
    }
  });

  it('ND331 Art. 18, 20.3: every decision is recorded with its signed file', () => {
    for (const [action, status] of [
      ['approve', 'APPRAISED'],
      ['approve-plan', 'AWAITING_APPROVAL'],
      ['record-listing', 'AWAITING_LISTING'],
    ] as const) {
      expect(decideTransition(action, { ...validContext(action, status), decisionFile: false })).toMatchObject({
        ok: false,
        code: 'DECISION_FILE_REQUIRED',
      });
    }
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

  it('ND30/2020 Art. 15.2: a decision dated after today is recorded only with an explicit confirmation, for every decision action', () => {
    for (const [action, status, to] of [
      ['approve', 'APPRAISED', 'APPROVED'],
      ['approve-plan', 'AWAITING_APPROVAL', 'AWAITING_LISTING'],
      ['record-listing', 'AWAITING_LISTING', 'APPROVED'],
    ] as const) {
      const ctx = { ...validContext(action, status), today: '2026-11-25', decisionDate: '2026-11-26' };
      const refused = decideTransition(action, ctx);
      expect(refused).toMatchObject({ ok: false, code: 'DECISION_DATE_IN_FUTURE' });
      expect(refused.ok || refused.message).toContain('26/11/2026');
      expect(decideTransition(action, { ...ctx, futureDateConfirmed: false })).toMatchObject({
        ok: false,
        code: 'DECISION_DATE_IN_FUTURE',
      });
      expect(decideTransition(action, { ...ctx, futureDateConfirmed: true })).toEqual({ ok: true, to });
    }
  });
});

describe('availableActions says what decideTransition allows (the table written once)', () => {
  const ROLE_SETS: ActorRole[][] = [
    [],
    ['PREPARER'],
    ['APPRAISER'],
    ['APPROVER'],
    ['SPECIALIST'],
    ['OWNER'],
    ['REGISTRAR'],
    ['APPRAISER', 'APPROVER'],
    ['PREPARER', 'APPRAISER', 'APPROVER', 'OWNER', 'REGISTRAR'],
  ];
  const at = (proposedLevel: number, path: ProcedurePath, approverAgencyId: string | null, listingRequested = false) => ({
    proposedLevel,
    path,
    appraiserAgencyId: 'so-ca',
    approverAgencyId,
    listingRequested,
  });
  const ROUTINGS = [
    at(2, 'UNIT', 'so-ca'),
    at(2, 'UNIT', null),
    at(3, 'OWNER', 'so-ca'),
    at(4, 'MINISTRY', null),
    at(3, 'NATIONAL_LIST', null, true),
    at(5, 'NATIONAL_LIST', null),
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
            const decision = decideTransition(action, {
              ...ctx,
              path: routing.path,
              listingRequested: routing.listingRequested,
              sameBodyAppraisesAndApproves: sameBodyAppraisesAndApproves(routing),
            });
            return (
              decision.ok || !['DOSSIER_INVALID_TRANSITION', 'DOSSIER_ACTION_FORBIDDEN', 'DOSSIER_WRONG_PROCEDURE'].includes(decision.code)
            );
          });
          expect({ status, roles, routing, offered }).toEqual({ status, roles, routing, offered: allowed });
        }
      }
    }
  });

  it('ND331 Arts. 20.3, 24.1: no decision (Mẫu 06, 07, the List) is dated before the day its dossier was first sent', () => {
    for (const [action, status, to] of [
      ['approve', 'APPRAISED', 'APPROVED'],
      ['approve-plan', 'AWAITING_APPROVAL', 'AWAITING_LISTING'],
      ['record-listing', 'AWAITING_LISTING', 'APPROVED'],
    ] as const) {
      const ctx = { ...validContext(action, status), today: '2026-11-25', firstSubmittedAt: new Date('2026-11-10T02:00:00Z') };
      const refused = decideTransition(action, { ...ctx, decisionDate: '2026-11-09' });
      expect(refused).toMatchObject({ ok: false, code: 'DECISION_DATE_BEFORE_SUBMISSION' });
      expect(refused.ok || refused.message).toMatch(/09\/11\/2026.*10\/11\/2026/);
      expect(decideTransition(action, { ...ctx, decisionDate: '2026-11-10' })).toEqual({ ok: true, to });
      // The date is judged before the file: a wrong date is said first, whatever else is missing.
      expect(decideTransition(action, { ...ctx, decisionDate: '2026-11-09', decisionFile: false })).toMatchObject({
        code: 'DECISION_DATE_BEFORE_SUBMISSION',
      });
    }
  });
});
