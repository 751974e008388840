import { AuthUser } from '../auth/auth-user';
import { Role } from '../users/role';

/**
 * Whose rows a role reads: every province (administrators), its own province (leaders, appraisers), or its own agency
 * as owner or operator (an agency's officers, and its leadership, who read what their officers prepare).
 */
export type ReadScope = 'ALL' | 'PROVINCE' | 'OWN_AGENCY';

export const READ_SCOPE: Record<Role, ReadScope> = {
  ADMIN: 'ALL',
  LEADER: 'PROVINCE',
  APPRAISER: 'PROVINCE',
  AGENCY_OFFICER: 'OWN_AGENCY',
  AGENCY_HEAD: 'OWN_AGENCY',
};

/** Does this user read its own agency's systems, dossiers and report figures only (officers and the agency's heads)? */
export function readsOwnAgencyOnly(user: Pick<AuthUser, 'role'>): boolean {
  return READ_SCOPE[user.role] === 'OWN_AGENCY';
}

/** What a write names: the owner, its province (a system's province is its owner's), and the operator. */
export interface WriteTarget {
  ownerAgencyId: string;
  operatorAgencyId: string;
  /** The owner's province. */
  provinceCode: string;
}

/**
 * The write rule as a pure function (see `AccessService.canWriteSystemOf`). Only officers write: an agency's head
 * (AGENCY_HEAD) reads the same rows but prepares nothing, it decides (see dossier-actors.ts).
 */
export function mayWriteFor(user: Pick<AuthUser, 'role' | 'agencyId' | 'provinceCode'>, target: WriteTarget): boolean {
  if (user.role === 'ADMIN') return true;
  if (user.role !== 'AGENCY_OFFICER' || !user.agencyId) return false;
  if (target.ownerAgencyId === user.agencyId) return true;
  return target.operatorAgencyId === user.agencyId && target.provinceCode === user.provinceCode;
}
