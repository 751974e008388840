/**
 * Who may act on a dossier: the one answer to "may this user act on this dossier", used by the workflow API, the
 * dossier's `availableActions` (and so the pages) and the access-matrix test. Pure: the dossier's routing is data.
 * The roles come from Decree 331/2026: the operating unit prepares and sends the dossier (Art. 20.1.a); the appraising
 * body named by Art. 18 appraises; the approving body of Art. 18 / Art. 20.3 approves (the owner's specialised unit for
 * levels 1–2, the owner for levels 3–4). Decree 85/2016 splits the work the same way (Arts. 12, 14–17).
 */
import { AuthUser } from '../auth/auth-user';
import { mayWriteFor, WriteTarget } from './access-rules';

/**
 * Who may take an action: the preparing agency, the owner's specialised unit giving its professional opinion (Art.
 * 20.1.d), the routed appraising body, the approving body, the owner itself (its leadership: Art. 17, 20.1.d, 31.1),
 * an administrator recording the Prime Minister's List decision (Art. 18.3.đ), or the system.
 */
export type ActorRole = 'PREPARER' | 'SPECIALIST' | 'APPRAISER' | 'APPROVER' | 'OWNER' | 'REGISTRAR' | 'SYSTEM';

/** What the actor decision reads of a dossier: its parties and where submission routed it. */
export interface DossierActorFacts extends WriteTarget {
  appraiserAgencyId: string | null;
  /** The appraising body's name; set without an agency when it is outside capdo (e.g. Bộ Công an). */
  appraiserName: string | null;
  approverKind: 'AGENCY' | 'OWNER' | 'EXTERNAL' | null;
  approverAgencyId: string | null;
  /** The owner's specialised unit that gives the professional opinion of levels 4–5 (Mẫu 03). */
  specialisedUnitAgencyId: string | null;
}

export type ActorUser = Pick<AuthUser, 'role' | 'agencyId' | 'provinceCode'>;

/** The roles `user` holds for this dossier (the user's own agency and province against the dossier's routing). */
export function dossierActorRoles(user: ActorUser, dossier: DossierActorFacts): ActorRole[] {
  const roles: ActorRole[] = [];
  if (isPreparer(user, dossier)) roles.push('PREPARER');
  if (user.role === 'APPRAISER' && !!dossier.specialisedUnitAgencyId && user.agencyId === dossier.specialisedUnitAgencyId)
    roles.push('SPECIALIST');
  if (isRoutedAppraiser(user, dossier)) roles.push('APPRAISER');
  if (isApprover(user, dossier)) roles.push('APPROVER');
  if (isOwnerLeadership(user, dossier)) roles.push('OWNER');
  if (user.role === 'ADMIN') roles.push('REGISTRAR');
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

/**
 * The approving body: a designated agency's appraisers or leadership; the owner's leadership (ND331 Art. 18.2.b,
 * 18.3.d, 20.3.b: the owner approves from level 3, not its IT staff); an administrator recording the owner's or an
 * external body's paper decision, always with its signed file.
 */
function isApprover(user: ActorUser, d: DossierActorFacts): boolean {
  if (d.approverKind === 'AGENCY')
    return (user.role === 'APPRAISER' || user.role === 'AGENCY_HEAD') && user.agencyId === d.approverAgencyId;
  if (d.approverKind === 'OWNER') return isOwnerLeadership(user, d);
  return d.approverKind === 'EXTERNAL' && user.role === 'ADMIN';
}

/** The owner's leadership (Art. 31.1): the owner agency's heads, or an administrator recording its paper decision. */
function isOwnerLeadership(user: ActorUser, d: DossierActorFacts): boolean {
  return user.role === 'ADMIN' || (user.role === 'AGENCY_HEAD' && user.agencyId === d.ownerAgencyId);
}
