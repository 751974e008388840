/**
 * The dossier state machine's table: each action, the statuses it leaves from and who takes it (Decree 331/2026
 * Arts. 17–18, 20, 23–24; Decree 85/2016 Arts. 12, 14–17; docs/legal/competence-by-level.md). Pure, so that the
 * workflow (which decides with the guards in `workflow/dossier-transitions.ts`), the dossier DTO's `availableActions`
 * and the pages read one table. Which actions a dossier's procedure uses at all is `pathAllows` below.
 */
import { ActorRole } from '../access/dossier-actors';
import { approvesPlanNotLevel, needsApprovalRequest, needsProfessionalOpinion, ProcedurePath } from './dossier-path';
import { DOSSIER_STATUSES, DossierStatus, OPEN_STATUSES } from './dossier-status';

export const DOSSIER_ACTIONS = [
  'submit',
  'request-opinion',
  'give-opinion',
  'owner-submit',
  'return',
  'start-appraisal',
  'appraise',
  'request-approval',
  'approve',
  'approve-plan',
  'record-listing',
  'request-listing',
  'withdraw',
  'supersede',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

interface TransitionRule {
  from: readonly DossierStatus[];
  actor: ActorRole;
}

export const TRANSITIONS: Readonly<Record<DossierAction, TransitionRule>> = {
  // Mẫu 01/02: the operating unit sends a level 1–3 dossier (Art. 20.1.b–c); a returned dossier comes back the same way.
  submit: { from: ['DRAFT', 'RETURNED'], actor: 'PREPARER' },
  // Mẫu 03 (Art. 20.1.d): for levels 4–5 the operating unit first asks the owner's specialised unit for its opinion.
  'request-opinion': { from: ['DRAFT'], actor: 'PREPARER' },
  'give-opinion': { from: ['AWAITING_OPINION'], actor: 'SPECIALIST' },
  // Mẫu 02 in the owner's name (Art. 20.1.d): the owner sends a level 4–5 dossier to the appraising ministry.
  'owner-submit': { from: ['OPINION_GIVEN', 'RETURNED'], actor: 'OWNER' },
  // Yêu cầu bổ sung: at the validity check (≤ 5 working days, Art. 23.2) or during appraisal.
  return: { from: ['SUBMITTED', 'UNDER_APPRAISAL'], actor: 'APPRAISER' },
  'start-appraisal': { from: ['SUBMITTED'], actor: 'APPRAISER' },
  // Mẫu 04: SUITABLE → APPRAISED; NOT_SUITABLE → back to draft, resubmitted as a new revision.
  appraise: { from: ['UNDER_APPRAISAL'], actor: 'APPRAISER' },
  // Tờ trình, Mẫu 05 (Art. 20.3.b–c): from level 3 the operating unit asks the owner to approve.
  'request-approval': { from: ['APPRAISED'], actor: 'PREPARER' },
  // Mẫu 06. Levels 1–2 may be appraised and approved in one step when the same unit does both (Art. 18.1).
  approve: { from: ['APPRAISED', 'UNDER_APPRAISAL', 'AWAITING_APPROVAL'], actor: 'APPROVER' },
  // Mẫu 07 (Art. 18.3.d): the owner approves a level-5 (or listed) system's security plan.
  'approve-plan': { from: ['AWAITING_APPROVAL'], actor: 'APPROVER' },
  // Art. 18.3.đ: the Prime Minister's decision approving the List, recorded by an administrator.
  'record-listing': { from: ['AWAITING_LISTING'], actor: 'REGISTRAR' },
  // Art. 17: the owner requests that a level 3–4 system be put on the List (before or during appraisal).
  'request-listing': { from: ['DRAFT', 'RETURNED', 'SUBMITTED', 'UNDER_APPRAISAL'], actor: 'OWNER' },
  withdraw: { from: OPEN_STATUSES, actor: 'PREPARER' },
  // A newer dossier for the same system was approved.
  supersede: { from: ['APPROVED'], actor: 'SYSTEM' },
};

/** What `availableActions` reads of a dossier besides the user's roles. */
export interface DossierRouting {
  status: string;
  proposedLevel: number;
  path: ProcedurePath;
  appraiserAgencyId: string | null;
  approverAgencyId: string | null;
  /** The Art. 17 listing request is already recorded. */
  listingRequested: boolean;
}

/** The routed appraising body is also the approving body. */
export function sameBodyAppraisesAndApproves(d: Pick<DossierRouting, 'appraiserAgencyId' | 'approverAgencyId'>): boolean {
  return !!d.appraiserAgencyId && d.appraiserAgencyId === d.approverAgencyId;
}

/**
 * ND331 Art. 18.1 (ND85 Art. 12.1): for levels 1–2 one specialised unit appraises and approves, so it may approve
 * while appraising; any other dossier is approved only once appraised.
 */
export function mayApproveWhileAppraising(proposedLevel: number, sameBody: boolean): boolean {
  return proposedLevel <= 2 && sameBody;
}

/**
 * Whether the dossier's procedure uses this action from its current status (Art. 20): the professional opinion and
 * the owner's submission only for levels 4–5 (and the List); the Tờ trình from level 3; the plan and the List only
 * for level 5 (and the List); Mẫu 06 from APPRAISED only for levels 1–2, from the Tờ trình for levels 3–4.
 */
export function pathAllows(
  action: DossierAction,
  d: Pick<DossierRouting, 'status' | 'path' | 'proposedLevel' | 'listingRequested'>,
): boolean {
  const viaOwner = needsProfessionalOpinion(d.path);
  switch (action) {
    case 'submit':
      return !viaOwner;
    case 'request-opinion':
    case 'owner-submit':
      return viaOwner;
    case 'request-approval':
      return needsApprovalRequest(d.path);
    case 'approve':
      if (approvesPlanNotLevel(d.path)) return false;
      return d.status === 'AWAITING_APPROVAL' ? needsApprovalRequest(d.path) : !needsApprovalRequest(d.path);
    case 'approve-plan':
    case 'record-listing':
      return approvesPlanNotLevel(d.path);
    case 'request-listing':
      return !d.listingRequested && (d.proposedLevel === 3 || d.proposedLevel === 4);
    default:
      return true;
  }
}

/**
 * The actions a user holding `roles` may start on the dossier now: the table's statuses and actors, the procedure's
 * path, and the one-step approval rule above. Guards that read what the user sends (completeness, the decision, state
 * secrets) still answer when the action is taken.
 */
export function availableActions(d: DossierRouting, roles: readonly ActorRole[]): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(d.status as DossierStatus) || !roles.includes(rule.actor)) return false;
    if (!pathAllows(action, d)) return false;
    return !(
      action === 'approve' &&
      d.status === 'UNDER_APPRAISAL' &&
      !mayApproveWhileAppraising(d.proposedLevel, sameBodyAppraisesAndApproves(d))
    );
  });
}

/**
 * Statuses in which a body other than the preparer has something to do (the specialised unit, the appraiser, the
 * owner, the approver, an administrator recording the List): the desks' queues. The owner's listing request (Art. 17)
 * may come at any time and does not put a draft on a desk.
 */
export const APPRAISAL_DESK_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.filter((s) =>
  (Object.entries(TRANSITIONS) as [DossierAction, TransitionRule][]).some(
    ([action, rule]) => action !== 'request-listing' && rule.actor !== 'PREPARER' && rule.actor !== 'SYSTEM' && rule.from.includes(s),
  ),
);
