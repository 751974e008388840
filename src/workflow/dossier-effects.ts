/**
 * What each workflow action changes on a dossier besides its status (which the transition table decides) and its
 * version: the routing, the dates, the clock it runs against and its due date, the appraisal, the decision. Pure:
 * the day, the time, the working-day calendar and the routing are passed in; the workflow service writes the result
 * in the action's transaction. The limits are counted in statutory-deadlines.ts.
 */
import type { Appraisal, Dossier } from '../dossiers/dossier.entity';
import type { DossierStatus } from '../dossiers/dossier-status';
import type { Route } from '../routing/routing-rules.service';
import type { DossierAction } from './dossier-transitions';
import { appraisalDeadline, approvalDeadline, validityDeadline, type Deadline, type DeadlineCalendar } from './statutory-deadlines';

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
}

/** The facts an action's effects depend on besides the dossier. */
export interface EffectFacts {
  /** Today in Vietnam (YYYY-MM-DD): the day a clock starts from. */
  today: string;
  now: Date;
  calendar: DeadlineCalendar;
  /** Username of the officer acting, written on the appraisal or the decision. */
  actor: string;
  /** submit: the appraising and approving bodies resolved by the routing rules. */
  route?: Route;
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
    case 'submit': {
      const route = facts.route;
      if (!route) throw new Error('submit without a route: the transition table refuses it first (DOSSIER_NO_ROUTE)');
      return {
        // Each submission is a new numbered revision, frozen as it was sent.
        currentRevision: d.currentRevision + 1,
        routingRuleId: route.ruleId,
        appraiserAgencyId: route.appraiserAgencyId,
        appraiserName: route.appraiserName,
        approverKind: route.approverKind,
        approverAgencyId: route.approverAgencyId,
        approverName: route.approverName,
        submittedAt: now,
        firstSubmittedAt: d.firstSubmittedAt ?? now,
        // ND331 Art. 23.2: the validity check runs from the day the dossier is received.
        receivedOn: today,
        clockStartedOn: null,
        returnItems: null,
        appraisal: null,
        ...due(validityDeadline(today, calendar)),
      };
    }
    case 'return':
      // ND331 Art. 23.2: the reply says what to supplement; no clock runs until the dossier comes back.
      return { returnItems: input.items!, ...due(null) };
    case 'start-appraisal':
      // ND331 Art. 23.3 (ND85 Art. 16.2): the appraisal clock runs from the day the dossier is complete and valid,
      // and restarts after a return.
      return { clockStartedOn: today, ...due(appraisalDeadline(d.regime, d.proposedLevel, today, calendar)) };
    case 'appraise':
      // ND331 Art. 24.2 (ND85 Art. 17.2): a suitable appraisal completes the approval dossier, and the approval clock
      // starts; a NOT_SUITABLE one sends the dossier back to draft with no clock.
      return {
        appraisal: appraisalOf(d, input.conclusion!, input.opinions ?? '', input.reasons ?? [], facts),
        ...due(to === 'APPRAISED' ? approvalDeadline(d.regime, today, calendar) : null),
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
        approvedAt: now,
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
      return { appraiser: d.appraiserName, approver: d.approverName, dueOn: d.dueOn };
    default:
      return { dueOn: d.dueOn };
  }
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
