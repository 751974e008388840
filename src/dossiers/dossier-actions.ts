/**
 * The dossier state machine's table: each action, the statuses it leaves from and who takes it (legal brief,
 * "Workflow"; ND85 Arts. 14–17, ND331 Arts. 18, 20, 23–24). Pure, so that the workflow (which decides with the
 * guards in `workflow/dossier-transitions.ts`), the dossier DTO's `availableActions` and the pages read one table.
 */
import { ActorRole } from '../access/dossier-actors';
import { DOSSIER_STATUSES, DossierStatus, OPEN_STATUSES } from './dossier-status';

export const DOSSIER_ACTIONS = ['submit', 'return', 'start-appraisal', 'appraise', 'approve', 'withdraw', 'supersede'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

interface TransitionRule {
  from: readonly DossierStatus[];
  actor: ActorRole;
}

export const TRANSITIONS: Readonly<Record<DossierAction, TransitionRule>> = {
  // Mẫu 01/02: the operating unit sends the dossier; a returned dossier comes back the same way.
  submit: { from: ['DRAFT', 'RETURNED'], actor: 'PREPARER' },
  // Yêu cầu bổ sung: at the validity check (≤ 5 working days) or during appraisal.
  return: { from: ['SUBMITTED', 'UNDER_APPRAISAL'], actor: 'APPRAISER' },
  'start-appraisal': { from: ['SUBMITTED'], actor: 'APPRAISER' },
  // Mẫu 04: SUITABLE → APPRAISED; NOT_SUITABLE → back to draft, resubmitted as a new revision.
  appraise: { from: ['UNDER_APPRAISAL'], actor: 'APPRAISER' },
  // Mẫu 06. Levels 1–2 may be appraised and approved in one step when the same body does both.
  approve: { from: ['APPRAISED', 'UNDER_APPRAISAL'], actor: 'APPROVER' },
  withdraw: { from: OPEN_STATUSES, actor: 'PREPARER' },
  // A newer dossier for the same system was approved.
  supersede: { from: ['APPROVED'], actor: 'SYSTEM' },
};

/** What `availableActions` reads of a dossier besides the user's roles. */
export interface DossierRouting {
  status: string;
  proposedLevel: number;
  appraiserAgencyId: string | null;
  approverAgencyId: string | null;
}

/** The routed appraising body is also the approving body. */
export function sameBodyAppraisesAndApproves(d: Pick<DossierRouting, 'appraiserAgencyId' | 'approverAgencyId'>): boolean {
  return !!d.appraiserAgencyId && d.appraiserAgencyId === d.approverAgencyId;
}

/**
 * ND331 Art. 18.1 (and ND85, legal brief §4.1): for levels 1–2 one specialised unit appraises and approves, so it may approve
 * while appraising; any other dossier is approved only once appraised.
 */
export function mayApproveWhileAppraising(proposedLevel: number, sameBody: boolean): boolean {
  return proposedLevel <= 2 && sameBody;
}

/**
 * The actions a user holding `roles` may start on the dossier now: the table's statuses and actors, and the one-step
 * approval rule above. Guards that read what the user sends (completeness, the decision, state secrets) still answer
 * when the action is taken.
 */
export function availableActions(d: DossierRouting, roles: readonly ActorRole[]): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(d.status as DossierStatus) || !roles.includes(rule.actor)) return false;
    return !(
      action === 'approve' &&
      d.status === 'UNDER_APPRAISAL' &&
      !mayApproveWhileAppraising(d.proposedLevel, sameBodyAppraisesAndApproves(d))
    );
  });
}

/** Statuses in which the appraising or approving body has something to do: the appraisal desk's queue. */
export const APPRAISAL_DESK_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.filter((s) =>
  Object.values(TRANSITIONS).some((rule) => (rule.actor === 'APPRAISER' || rule.actor === 'APPROVER') && rule.from.includes(s)),
);
