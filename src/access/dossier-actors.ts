/**
 * Who may act on a dossier: the one answer to "may this user act on this dossier", used by the workflow API, the
 * dossier's `availableActions` (and so the pages) and the access-matrix test. Pure: the dossier's routing is data.
 * The roles come from Decree 331/2026: the operating unit prepares and sends the dossier (Art. 20.1.a); the appraising
 * body named by Art. 18 appraises; the approving body of Art. 18 / Art. 20.3 approves (the owner's specialised unit for
 * levels 1–2, the owner for levels 3–4). Decree 85/2016 splits the work the same way (Arts. 12, 14–17).
 */
import { AuthUser } from '../auth/auth-user';
import { mayWriteFor, WriteTarget } from './access-rules';

/** Who may take an action: the preparing agency, the routed appraising body, the approving body, or the system. */
export type ActorRole = 'PREPARER' | 'APPRAISER' | 'APPROVER' | 'SYSTEM';

/** What the actor decision reads of a dossier: its parties and where submission routed it. */
export interface DossierActorFacts extends WriteTarget {
  appraiserAgencyId: string | null;
  /** The appraising body's name; set without an agency when it is outside capdo (e.g. Bộ Công an). */
  appraiserName: string | null;
  approverKind: 'AGENCY' | 'OWNER' | 'EXTERNAL' | null;
  approverAgencyId: string | null;
}

export type ActorUser = Pick<AuthUser, 'role' | 'agencyId' | 'provinceCode'>;

/** The roles `user` holds for this dossier (the user's own agency and province against the dossier's routing). */
export function dossierActorRoles(user: ActorUser, dossier: DossierActorFacts): ActorRole[] {
  const roles: ActorRole[] = [];
  if (isPreparer(user, dossier)) roles.push('PREPARER');
  if (isRoutedAppraiser(user, dossier)) roles.push('APPRAISER');
  if (isApprover(user, dossier)) roles.push('APPROVER');
  return roles;
}

/** The owner's or the operating unit's officers (as they may write the system), or an administrator. */
function isPreparer(user: ActorUser, d: DossierActorFacts): boolean {
  return mayWriteFor(user, d) && user.role !== 'APPRAISER';
}

/** The routed appraising body's appraisers; an external body (e.g. Bộ Công an) is recorded by an administrator. */
function isRoutedAppraiser(user: ActorUser, d: DossierActorFacts): boolean {
  if (d.appraiserAgencyId) return user.role === 'APPRAISER' && user.agencyId === d.appraiserAgencyId;
  return user.role === 'ADMIN' && d.appraiserName !== null;
}

/** The approving body: an agency's appraisers, or an administrator recording the owner's or an external decision. */
function isApprover(user: ActorUser, d: DossierActorFacts): boolean {
  if (d.approverKind === 'AGENCY') return user.role === 'APPRAISER' && user.agencyId === d.approverAgencyId;
  if (d.approverKind === 'OWNER') return user.role === 'ADMIN' || (user.role === 'APPRAISER' && user.agencyId === d.ownerAgencyId);
  return d.approverKind === 'EXTERNAL' && user.role === 'ADMIN';
}
