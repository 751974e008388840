import type { Dossier } from '../dossiers/dossier.entity';
import type { Route } from '../routing/routing-rules.service';
import { actionEffects, dossierAfter, eventDetails, type EffectFacts } from './dossier-effects';
import type { DeadlineCalendar } from './statutory-deadlines';

/** A calendar stub that shows which count was asked for; the calendar module checks the counting itself. */
const calendar: DeadlineCalendar = {
  addWorkingDays: (start, days) => `${start}+${days}wd`,
  addCalendarDays: (start, days) => `${start}+${days}d`,
};
const NOW = new Date('2026-11-25T03:00:00Z');
const facts: EffectFacts = { today: '2026-11-25', now: NOW, calendar, actor: 'tham.dinh', path: 'OWNER' };
const route: Route = {
  ruleId: 'rule-1',
  appraiserAgencyId: 'agency-appraiser',
  appraiserName: 'Sở Khoa học và Công nghệ',
  approverKind: 'AGENCY',
  approverAgencyId: 'agency-approver',
  approverName: 'UBND tỉnh',
  ruleName: 'Cấp độ 3',
  specialisedUnitAgencyId: null,
  specialisedUnitName: null,
  contradictions: {},
};

function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'dossier-1',
    status: 'DRAFT',
    regime: 'ND331',
    proposedLevel: 3,
    currentRevision: 0,
    version: 4,
    appraiserAgencyId: null,
    appraiserName: null,
    approverKind: null,
    approverAgencyId: null,
    approverName: null,
    firstSubmittedAt: null,
    submittedAt: null,
    receivedOn: null,
    clockStartedOn: null,
    dueOn: null,
    dueKind: null,
    returnItems: null,
    appraisal: null,
    decision: null,
    approvedAt: null,
    ...overrides,
  } as Dossier;
}

const routed = { ...route, routingRuleId: route.ruleId, currentRevision: 1, receivedOn: '2026-11-20' };
const decisionInput = {
  decisionNumber: '125/QĐ-UBND',
  decisionDate: '2026-11-24',
  signerName: 'Nguyễn Văn A',
  signerTitle: 'Chủ tịch',
  level: 3,
};

describe('dossier effects: what each action changes besides status and version', () => {
  it('submit: a new revision routed to its bodies; receipt starts the 5-working-day validity check (ND331 Art. 23.2)', () => {
    const returned = dossier({
      status: 'RETURNED',
      currentRevision: 1,
      firstSubmittedAt: new Date('2026-11-01'),
      returnItems: ['Sơ đồ mạng'],
      clockStartedOn: '2026-11-05',
    });
    const next = dossierAfter(returned, 'submit', 'SUBMITTED', {}, { ...facts, route });
    expect(next).toMatchObject({
      status: 'SUBMITTED',
      version: 5,
      currentRevision: 2,
      routingRuleId: 'rule-1',
      appraiserAgencyId: 'agency-appraiser',
      appraiserName: 'Sở Khoa học và Công nghệ',
      approverKind: 'AGENCY',
      approverAgencyId: 'agency-approver',
      approverName: 'UBND tỉnh',
      submittedAt: NOW,
      firstSubmittedAt: new Date('2026-11-01'),
      receivedOn: '2026-11-25',
      dueOn: '2026-11-25+5wd',
      dueKind: 'VALIDITY',
      // Both dates of the receipt (ND331 Art. 23.2, 23.3): the appraisal that follows a valid finding is dated from it.
      validityDueOn: '2026-11-25+5wd',
      appraisalDueOn: '2026-11-25+15wd',
      // The appraisal clock waits for the dossier to be found complete and valid again; the last return's requests and
      // their "đã bổ sung" marks stay for the appraiser to check (issue 21).
      clockStartedOn: null,
      appraisal: null,
    });
    expect(actionEffects(dossier(), 'submit', 'SUBMITTED', {}, { ...facts, route }).firstSubmittedAt).toBe(NOW);
    expect(() => actionEffects(dossier(), 'submit', 'SUBMITTED', {}, facts)).toThrow('DOSSIER_NO_ROUTE');
    expect(eventDetails('submit', {}, next)).toEqual({
      appraiser: 'Sở Khoa học và Công nghệ',
      approver: 'UBND tỉnh',
      dueOn: '2026-11-25+5wd',
    });
  });

  it('return: the reply lists what to supplement (ND331 Art. 23.2) and no clock runs until the dossier comes back', () => {
    const submitted = dossier({ ...routed, status: 'SUBMITTED', dueOn: '2026-11-27', dueKind: 'VALIDITY' });
    const effects = actionEffects(submitted, 'return', 'RETURNED', { items: ['Sơ đồ mạng', 'Quy chế'] }, facts);
    expect(effects).toEqual({ returnItems: ['Sơ đồ mạng', 'Quy chế'], returnItemsDone: [], dueOn: null, dueKind: null });
    expect(eventDetails('return', {}, { ...submitted, ...effects })).toEqual({ items: ['Sơ đồ mạng', 'Quy chế'] });
  });

  it('start-appraisal: the appraisal runs from the receipt of the complete, valid dossier, not from the click (ND331 Art. 23.3, ND85 Art. 16.2)', () => {
    const submitted = (overrides: Partial<Dossier>) =>
      dossier({ ...routed, status: 'SUBMITTED', dueKind: 'VALIDITY', dueOn: '2026-11-27', ...overrides });
    // Received 20/11, found valid on 25/11: ND331 Art. 23.3.a, level 3, 15 working days from 20/11.
    expect(actionEffects(submitted({}), 'start-appraisal', 'UNDER_APPRAISAL', {}, facts)).toEqual({
      clockStartedOn: '2026-11-20',
      appraisalDueOn: '2026-11-20+15wd',
      dueOn: '2026-11-20+15wd',
      dueKind: 'APPRAISAL',
    });
    // 23.3.b: levels 4–5, 25 working days.
    expect(actionEffects(submitted({ proposedLevel: 4 }), 'start-appraisal', 'UNDER_APPRAISAL', {}, facts)).toMatchObject({
      dueOn: '2026-11-20+25wd',
      dueKind: 'APPRAISAL',
    });
    // ND85 Art. 16.2 counts days, not working days: 30 for levels 4–5, from the receipt too.
    expect(actionEffects(submitted({ regime: 'ND85', proposedLevel: 4 }), 'start-appraisal', 'UNDER_APPRAISAL', {}, facts)).toMatchObject({
      clockStartedOn: '2026-11-20',
      dueOn: '2026-11-20+30d',
    });
    // A resubmitted dossier counts from its resubmission (the submit effect set receivedOn to that day).
    expect(actionEffects(submitted({ receivedOn: '2026-11-24' }), 'start-appraisal', 'UNDER_APPRAISAL', {}, facts)).toMatchObject({
      clockStartedOn: '2026-11-24',
      dueOn: '2026-11-24+15wd',
    });
    // Levels 1–2 have no statutory limit: the internal target, labelled as such.
    expect(actionEffects(submitted({ proposedLevel: 2 }), 'start-appraisal', 'UNDER_APPRAISAL', {}, facts)).toMatchObject({
      dueKind: 'APPRAISAL_INTERNAL',
    });
  });

  it('ND331 Art. 20.3.b, 24.2: from level 3 a suitable appraisal starts no clock; the Tờ trình’s receipt starts the 7 working days', () => {
    const underAppraisal = dossier({ ...routed, status: 'UNDER_APPRAISAL' });
    const suitable = actionEffects(underAppraisal, 'appraise', 'APPRAISED', { conclusion: 'SUITABLE', opinions: 'Phù hợp.' }, facts);
    expect(suitable).toMatchObject({ dueOn: null, dueKind: null });
    const request = actionEffects(
      dossier({ ...routed, status: 'APPRAISED' }),
      'request-approval',
      'AWAITING_APPROVAL',
      { submissionNumber: '12/TTr' },
      facts,
    );
    expect(request).toEqual({
      approvalRequest: { submittedOn: '2026-11-25', number: '12/TTr' },
      dueOn: '2026-11-25+7wd',
      dueKind: 'APPROVAL',
    });
  });

  it('ND331 Art. 18.3.đ: the Prime Minister’s List decision approves a level-5 system at its proposed level', () => {
    const listing = actionEffects(
      dossier({ ...routed, proposedLevel: 5, status: 'AWAITING_LISTING', currentRevision: 2 }),
      'record-listing',
      'APPROVED',
      { decisionNumber: '1234/QĐ-TTg', decisionDate: '2026-11-20', signerName: 'Nguyễn Văn A', signerTitle: 'Thủ tướng Chính phủ' },
      { ...facts, path: 'NATIONAL_LIST' },
    );
    expect(listing).toMatchObject({
      decision: { number: '1234/QĐ-TTg', level: 5, issuer: 'Thủ tướng Chính phủ', revision: 2 },
      nationalListing: { decisionNumber: '1234/QĐ-TTg', decisionDate: '2026-11-20' },
      approvedAt: NOW,
      dueOn: null,
    });
  });

  it('ND30/2020 Art. 15.2: an approval whose decision is dated after today (confirmed) takes effect at the start of that date', () => {
    const input = { decisionNumber: '9/QĐ', decisionDate: '2026-11-26', signerName: 'A', signerTitle: 'Giám đốc', level: 2 };
    const approved = actionEffects(dossier({ ...routed, status: 'APPRAISED' }), 'approve', 'APPROVED', input, facts);
    expect(approved.approvedAt).toEqual(new Date('2026-11-25T17:00:00Z'));
    const today = actionEffects(
      dossier({ ...routed, status: 'APPRAISED' }),
      'approve',
      'APPROVED',
      { ...input, decisionDate: '2026-11-25' },
      facts,
    );
    expect(today.approvedAt).toEqual(NOW);
  });

  it('ND331 Art. 24.1: an approval never takes effect before the first submission of the dossier it approves', () => {
    const input = { decisionNumber: '9/QĐ', decisionDate: '2026-11-25', signerName: 'A', signerTitle: 'Giám đốc', level: 2 };
    const sentAfterNow = new Date(NOW.getTime() + 250); // another server's clock, a quarter of a second ahead
    const approved = actionEffects(
      dossier({ ...routed, status: 'APPRAISED', firstSubmittedAt: sentAfterNow }),
      'approve',
      'APPROVED',
      input,
      facts,
    );
    expect(approved.approvedAt).toEqual(sentAfterNow);
  });

  it('appraise: the Mẫu 04 opinion is recorded; for levels 1–2 a suitable one starts the 7-working-day approval clock (ND331 Art. 24.2, ND85 Art. 17.2)', () => {
    const underAppraisal = dossier({
      ...routed,
      status: 'UNDER_APPRAISAL',
      clockStartedOn: '2026-11-21',
      dueOn: '2026-12-12',
      dueKind: 'APPRAISAL',
    });
    const suitable = actionEffects(
      underAppraisal,
      'appraise',
      'APPRAISED',
      { conclusion: 'SUITABLE', opinions: 'Đề xuất phù hợp.' },
      { ...facts, path: 'UNIT' },
    );
    expect(suitable).toEqual({
      appraisal: {
        conclusion: 'SUITABLE',
        opinions: 'Đề xuất phù hợp.',
        reasons: [],
        revision: 1,
        appraiserName: 'Sở Khoa học và Công nghệ',
        appraisedBy: 'tham.dinh',
        appraisedAt: NOW.toISOString(),
      },
      dueOn: '2026-11-25+7wd',
      dueKind: 'APPROVAL',
    });
    expect(
      actionEffects({ ...underAppraisal, regime: 'ND85' }, 'appraise', 'APPRAISED', { conclusion: 'SUITABLE' }, { ...facts, path: 'UNIT' }),
    ).toMatchObject({
      dueOn: '2026-11-25+7wd',
      dueKind: 'APPROVAL',
    });
    // ND331 Art. 24.1.a: for levels 1–2 the approval dossier is the dossier itself — 7 working days from its receipt.
    expect(
      actionEffects(
        { ...underAppraisal, proposedLevel: 2 },
        'appraise',
        'APPRAISED',
        { conclusion: 'SUITABLE' },
        { ...facts, path: 'UNIT' },
      ),
    ).toMatchObject({ dueOn: '2026-11-20+7wd', dueKind: 'APPROVAL' });
    // NOT_SUITABLE sends the dossier back to draft: the reasons are kept, no clock runs.
    const notSuitable = actionEffects(
      underAppraisal,
      'appraise',
      'DRAFT',
      { conclusion: 'NOT_SUITABLE', reasons: ['Thiếu phương án sao lưu'] },
      facts,
    );
    expect(notSuitable).toMatchObject({
      appraisal: { conclusion: 'NOT_SUITABLE', reasons: ['Thiếu phương án sao lưu'], opinions: '' },
      dueOn: null,
      dueKind: null,
    });
    expect(eventDetails('appraise', { conclusion: 'NOT_SUITABLE', reasons: ['Thiếu phương án sao lưu'] }, underAppraisal)).toEqual({
      conclusion: 'NOT_SUITABLE',
      reasons: ['Thiếu phương án sao lưu'],
    });
  });

  it('approve: the competent body’s decision is recorded at the revision approved and the clock stops (ND331 Art. 20.3)', () => {
    const appraisal = {
      conclusion: 'SUITABLE' as const,
      opinions: '',
      reasons: [],
      revision: 1,
      appraiserName: 'Sở Khoa học và Công nghệ',
      appraisedBy: 'tham.dinh',
      appraisedAt: '2026-11-20T03:00:00.000Z',
    };
    const appraised = dossier({ ...routed, status: 'APPRAISED', appraisal, dueOn: '2026-12-01', dueKind: 'APPROVAL' });
    const next = dossierAfter(appraised, 'approve', 'APPROVED', decisionInput, { ...facts, actor: 'phe.duyet' });
    expect(next).toMatchObject({
      status: 'APPROVED',
      appraisal,
      decision: {
        number: '125/QĐ-UBND',
        date: '2026-11-24',
        signerName: 'Nguyễn Văn A',
        signerTitle: 'Chủ tịch',
        level: 3,
        issuer: 'UBND tỉnh',
        revision: 1,
        approvedBy: 'phe.duyet',
      },
      approvedAt: NOW,
      dueOn: null,
      dueKind: null,
    });
    expect(eventDetails('approve', decisionInput, next)).toEqual({ decision: next.decision });
    // ND331 Art. 20.3.a: a level 1–2 dossier approved by the unit appraising it records a suitable appraisal in the same step.
    const oneStep = actionEffects(
      { ...appraised, status: 'UNDER_APPRAISAL', appraisal: null, proposedLevel: 2 },
      'approve',
      'APPROVED',
      { ...decisionInput, level: 2, note: 'Phù hợp.' },
      facts,
    );
    expect(oneStep.appraisal).toEqual({
      conclusion: 'SUITABLE',
      opinions: 'Phù hợp.',
      reasons: [],
      revision: 1,
      appraiserName: 'Sở Khoa học và Công nghệ',
      appraisedBy: 'tham.dinh',
      appraisedAt: NOW.toISOString(),
    });
  });

  it('withdraw: the clock stops; the revision, the routing and the opinions stay on record', () => {
    const underAppraisal = dossier({
      ...routed,
      status: 'UNDER_APPRAISAL',
      clockStartedOn: '2026-11-21',
      dueOn: '2026-12-12',
      dueKind: 'APPRAISAL',
    });
    const next = dossierAfter(underAppraisal, 'withdraw', 'WITHDRAWN', { note: 'Rút để làm lại' }, facts);
    expect(next).toEqual({ ...underAppraisal, status: 'WITHDRAWN', version: 5, dueOn: null, dueKind: null });
    expect(eventDetails('withdraw', {}, next)).toEqual({ dueOn: null });
  });

  it('supersede: a new determination follows the first procedure (ND331 Art. 25); the superseded dossier keeps its decision', () => {
    const decision = {
      number: '12/QĐ',
      date: '2025-01-02',
      signerName: 'B',
      signerTitle: 'Giám đốc',
      level: 3,
      issuer: 'UBND tỉnh',
      revision: 1,
      approvedBy: 'phe.duyet',
    };
    const approved = dossier({ ...routed, status: 'APPROVED', decision, approvedAt: new Date('2025-01-02') });
    expect(actionEffects(approved, 'supersede', 'SUPERSEDED', {}, facts)).toEqual({});
    expect(dossierAfter(approved, 'supersede', 'SUPERSEDED', {}, facts)).toEqual({ ...approved, status: 'SUPERSEDED', version: 5 });
  });
});
