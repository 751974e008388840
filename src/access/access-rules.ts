import { AuthUser } from '../auth/auth-user';

/** What a write names: the owner, its province (a system's province is its owner's), and the operator. */
export interface WriteTarget {
  ownerAgencyId: string;
  operatorAgencyId: string;
  /** The owner's province. */
  provinceCode: string;
}

/** The write rule as a pure function (see `AccessService.canWriteSystemOf`). */
export function mayWriteFor(user: Pick<AuthUser, 'role' | 'agencyId' | 'provinceCode'>, target: WriteTarget): boolean {
  if (user.role === 'ADMIN') return true;
  if (user.role !== 'AGENCY_OFFICER' || !user.agencyId) return false;
  if (target.ownerAgencyId === user.agencyId) return true;
  return target.operatorAgencyId === user.agencyId && target.provinceCode === user.provinceCode;
}
