/**
 * What each workflow action changes on a dossier besides its status (which the transition table decides) and its
 * version: the routing, the dates, the clock it runs against and its due date, the appraisal, the decision. Pure:
 * the day, the time, the working-day calendar and the routing are passed in; the workflow service writes the result
 * in the action's transaction. The limits are counted in statutory-deadlines.ts.
 */
import type { Appraisal, Dossier } from '../dossiers/dossier.entity';
import type { ProcedurePath } from '../dossiers/dossier-path';
import type { DossierStatus } from '../dossiers/dossier-status';
import type { Route } from '../routing/routing-rules.service';
import type { DossierAction } from './dossier-transitions';
import { approvalEffectiveAt } from './decision-date';
import {
  appraisalDeadline,
  approvalDeadline,
  approvalDossierReceivedOn,
  validityDeadline,
  type Deadline,
  type DeadlineCalendar,
} from './statutory-deadlines';

/** What the officer sent with the action (the action DTOs, validated at the edge). */
export interface ActionInput {
  note?: string;
  /** return: what the agency must supplement. */
  items?: string[];
  /** appraise: the Mẫu 04 conclusion, the opinions and what is not suitable. */
  conclusion?: 'SUITABLE' | 'NOT_SUITABLE';
  opinions?: string;
  reasons?: string[];
  /** approve: the decision (Mẫu 06). */
  decisionNumber?: string;
  decisionDate?: string;
  signerName?: string;
  signerTitle?: string;
  level?: number;
  /** give-opinion: the specialised unit's document (Mẫu 03 reply). */
  opinionNumber?: string;
  opinionDate?: string;
  /** request-approval: the Tờ trình's number. */
  submissionNumber?: string;
  /** request-listing: the owner's request (Art. 17). */
  requestNumber?: string;
  requestDate?: string;
}

/** The facts an action's effects depend on besides the dossier. */
export interface EffectFacts {
  /** Today in Vietnam (YYYY-MM-DD): the day a clock starts from. */
  today: string;
  now: Date;
  calendar: DeadlineCalendar;
  /** Username of the officer acting, written on the appraisal or the decision. */
  actor: string;
  /** submit, owner-submit, request-opinion: the bodies resolved by the routing rules (the independent appraiser applied). */
  route?: Route;
  /** The dossier's procedure (dossiers/dossier-path.ts). */
  path: ProcedurePath;
  /** The owner agency's name: the issuer of the owner's decisions. */
  ownerName?: string;
}

/** The dossier after an action the transition table allowed: its new status and version, with the action's effects. */
export function dossierAfter(d: Dossier, action: DossierAction, to: DossierStatus, input: ActionInput, facts: EffectFacts): Dossier {
  return { ...d, status: to, version: d.version + 1, ...actionEffects(d, action, to, input, facts) };
}

/** The columns an action changes besides status and version. */
export function actionEffects(
  d: Dossier,
  action: DossierAction,
  to: DossierStatus,
  input: ActionInput,
  facts: EffectFacts,
): Partial<Dossier> {
  const { today, now, calendar } = facts;
  switch (action) {
    case 'submit':
    case 'owner-submit': {
      const route = facts.route;
      if (!route) throw new Error('submit without a route: the transition table refuses it first (DOSSIER_NO_ROUTE)');
      return {
        ...routed(route),
        // Each submission is a new numbered revision, frozen as it was sent.
        currentRevision: d.currentRevision + 1,
        submittedAt: now,
        firstSubmittedAt: d.firstSubmittedAt ?? now,
        // The day of receipt starts both clocks (docs/legal/statutory-clocks.md): the validity reply (ND331 Art. 23.2;
        // an internal target under ND85) and, once the dossier is found valid, the appraisal (ND331 Art. 23.3, ND85
        // Art. 16.2). Both dates are kept on the dossier; the clock running now is the validity reply.
        receivedOn: today,
        clockStartedOn: null,
        // The last return's requests and the officer's "đã bổ sung" marks stay, for the appraiser to check (issue 21).
        appraisal: null,
        approvalRequest: null,
        ...receiptClocks(d, today, calendar),
      };
    }
    case 'request-opinion': {
      const route = facts.route;
      if (!route) throw new Error('request-opinion without a route: the transition table refuses it first (DOSSIER_NO_ROUTE)');
      // ND331 Art. 20.1.d: no time limit is set for the professional opinion, so no clock runs (docs/legal).
      return {
        ...routed(route),
        opinionRequest: { requestedOn: today, unitName: route.specialisedUnitName ?? '' },
        expertOpinion: null,
        returnItems: null,
        ...due(null),
      };
    }
    case 'give-opinion':
      return {
        expertOpinion: {
          unit: d.specialisedUnitName ?? d.opinionRequest?.unitName ?? '',
          summary: input.opinions ?? '',
          date: input.opinionDate ?? today,
          number: input.opinionNumber ?? null,
          conclusion: input.conclusion,
          reasons: input.reasons ?? [],
          givenBy: facts.actor,
        },
        ...due(null),
      };
    case 'request-approval':
      // ND331 Art. 20.3.b, 24.2: the owner has 7 working days from receiving the Tờ trình with the complete dossier.
      return {
        approvalRequest: { submittedOn: today, number: input.submissionNumber ?? null },
        ...due(approvalDeadline(d.regime, today, calendar)),
      };
    case 'approve-plan':
      // Mẫu 07 (Art. 18.3.d): the owner approves the security plan; the level waits for the Prime Minister's List.
      return {
        planDecision: {
          number: input.decisionNumber!,
          date: input.decisionDate!,
          signerName: input.signerName!,
          signerTitle: input.signerTitle!,
          issuer: facts.ownerName ?? d.approverName ?? '',
          revision: d.currentRevision,
          approvedBy: facts.actor,
        },
        ...due(null),
      };
    case 'record-listing':
      // Art. 18.3.đ: the Prime Minister's decision approving the List is what approves a level-5 (or listed) system.
      return {
        nationalListing: {
          ...(d.nationalListing ?? { requestNumber: null, requestDate: null, requestedBy: null }),
          decisionNumber: input.decisionNumber!,
          decisionDate: input.decisionDate!,
        },
        decision: {
          number: input.decisionNumber!,
          date: input.decisionDate!,
          signerName: input.signerName ?? '',
          signerTitle: input.signerTitle ?? 'Thủ tướng Chính phủ',
          level: d.proposedLevel,
          issuer: 'Thủ tướng Chính phủ',
          revision: d.currentRevision,
          approvedBy: facts.actor,
        },
        // Decree 30/2020 Art. 15.2: a decision may bear the next day's date; it counts from that date (decision-date.ts).
        approvedAt: approvalEffectiveAt(now, input.decisionDate, d.firstSubmittedAt),
        ...due(null),
      };
    case 'request-listing': {
      const listing = {
        requestNumber: input.requestNumber ?? null,
        requestDate: input.requestDate ?? today,
        requestedBy: facts.actor,
        decisionNumber: null,
        decisionDate: null,
      };
      // Art. 17.2, 20.4: a dossier with the specialised unit goes back to draft, to follow the level-5 procedure.
      if (to !== 'DRAFT' || d.status === 'DRAFT') return { nationalListing: listing };
      return { nationalListing: listing, ...unrouted(), ...due(null) };
    }
    case 'return':
      // ND331 Art. 23.2: the reply (within the validity window, dossier-transitions.ts) says what to supplement; no
      // clock runs until the dossier comes back. The dates of the round stay visible; the resubmission counts anew.
      return { returnItems: input.items!, returnItemsDone: [], ...due(null) };
    case 'start-appraisal': {
      // ND331 Art. 23.3 (ND85 Art. 16.2): the appraisal runs from the day the complete, valid dossier was received —
      // its submission or resubmission — not from the day the appraiser opens it.
      const receivedOn = d.receivedOn ?? today;
      const appraisal = appraisalDeadline(d.regime, d.proposedLevel, receivedOn, calendar);
      return { clockStartedOn: receivedOn, appraisalDueOn: appraisal.due, ...due(appraisal) };
    }
    case 'appraise':
      // ND331 Art. 24.2 (ND85 Art. 17.2): a suitable appraisal completes the approval dossier, and the approval clock
      // starts; a NOT_SUITABLE one sends the dossier back to draft with no clock.
      // From level 3 the approval clock waits for the Tờ trình (request-approval, Art. 20.3.b).
      return {
        appraisal: appraisalOf(d, input.conclusion!, input.opinions ?? '', input.reasons ?? [], facts),
        // Levels 1–2 (ND331 Art. 24.1.a): the approval dossier is the dossier itself, so the 7 working days run from its
        // receipt, not from the appraisal.
        ...due(
          to === 'APPRAISED' && facts.path === 'UNIT'
            ? approvalDeadline(d.regime, approvalDossierReceivedOn(d.proposedLevel, d.receivedOn, today), calendar)
            : null,
        ),
      };
    case 'approve':
      return {
        // ND331 Art. 20.3.a: levels 1–2 are approved by the owner's specialised unit; when it also appraises, the
        // approval taken during the appraisal records a suitable appraisal in the same step.
        ...(d.status === 'UNDER_APPRAISAL' ? { appraisal: appraisalOf(d, 'SUITABLE', input.note ?? '', [], facts) } : {}),
        // ND331 Art. 20.3: the competent body approves the level; its decision is recorded as signed, at the revision
        // it approved, and no clock runs any more.
        decision: {
          number: input.decisionNumber!,
          date: input.decisionDate!,
          signerName: input.signerName!,
          signerTitle: input.signerTitle!,
          level: input.level!,
          issuer: d.approverName ?? '',
          revision: d.currentRevision,
          approvedBy: facts.actor,
        },
        // Decree 30/2020 Art. 15.2: a decision may bear the next day's date; it counts from that date (decision-date.ts).
        approvedAt: approvalEffectiveAt(now, input.decisionDate, d.firstSubmittedAt),
        ...due(null),
      };
    case 'withdraw':
      return due(null);
    case 'supersede':
      // ND331 Art. 25: a new determination follows the first procedure; the superseded dossier keeps its decision.
      return {};
  }
}

/** What the history event of an action records besides its status change. */
export function eventDetails(action: DossierAction, input: ActionInput, d: Dossier): object {
  switch (action) {
    case 'return':
      return { items: d.returnItems };
    case 'appraise':
      return { conclusion: input.conclusion, reasons: input.reasons ?? [] };
    case 'approve':
      return { decision: d.decision };
    case 'submit':
    case 'owner-submit':
      return { appraiser: d.appraiserName, approver: d.approverName, dueOn: d.dueOn };
    case 'request-opinion':
      return { specialisedUnit: d.specialisedUnitName };
    case 'give-opinion':
      return { opinion: d.expertOpinion };
    case 'request-approval':
      return { approvalRequest: d.approvalRequest, dueOn: d.dueOn };
    case 'approve-plan':
      return { planDecision: d.planDecision };
    case 'record-listing':
      return { decision: d.decision };
    case 'request-listing':
      return { nationalListing: d.nationalListing };
    default:
      return { dueOn: d.dueOn };
  }
}

function routed(route: Route): Partial<Dossier> {
  return {
    routingRuleId: route.ruleId,
    appraiserAgencyId: route.appraiserAgencyId,
    appraiserName: route.appraiserName,
    approverKind: route.approverKind,
    approverAgencyId: route.approverAgencyId,
    approverName: route.approverName,
    specialisedUnitAgencyId: route.specialisedUnitAgencyId,
    specialisedUnitName: route.specialisedUnitName,
  };
}

function unrouted(): Partial<Dossier> {
  return {
    routingRuleId: null,
    appraiserAgencyId: null,
    appraiserName: null,
    approverKind: null,
    approverAgencyId: null,
    approverName: null,
    receivedOn: null,
    clockStartedOn: null,
    validityDueOn: null,
    appraisalDueOn: null,
  };
}

/** On receipt: the validity reply runs, and the appraisal that follows a valid finding is already dated from today. */
function receiptClocks(d: Dossier, today: string, calendar: DeadlineCalendar): Partial<Dossier> {
  const validity = validityDeadline(d.regime, today, calendar);
  return {
    validityDueOn: validity.due,
    appraisalDueOn: appraisalDeadline(d.regime, d.proposedLevel, today, calendar).due,
    ...due(validity),
  };
}

function due(deadline: Deadline | null): Pick<Dossier, 'dueOn' | 'dueKind'> {
  return { dueOn: deadline?.due ?? null, dueKind: deadline?.kind ?? null };
}

function appraisalOf(d: Dossier, conclusion: Appraisal['conclusion'], opinions: string, reasons: string[], facts: EffectFacts): Appraisal {
  return {
    conclusion,
    opinions,
    reasons,
    revision: d.currentRevision,
    appraiserName: d.appraiserName ?? '',
    appraisedBy: facts.actor,
    appraisedAt: facts.now.toISOString(),
  };
}
