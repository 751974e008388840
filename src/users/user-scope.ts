/**
 * Who may manage whom among accounts (issue 22). No Nest or TypeORM code.
 * An administrator manages every account; an agency's head manages its own agency's officers only, and never gives a
 * role or moves an account to another agency. Accounts outside the head's agency are out of its sight (404 like
 * elsewhere); its own agency's heads and the administrators are in sight but not its to change (403).
 */
import { Role } from './role';

export interface AccountManager {
  id: string;
  role: Role;
  agencyId: string | null;
}

export interface ManagedAccount {
  id: string;
  role: Role;
  agencyId: string | null;
}

/** NOT_FOUND: not in the manager's sight; FORBIDDEN: in sight, not the manager's to change. */
export type ManageVerdict = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/** The role an agency's head may hand out: officers of its own agency only. */
const HEAD_MANAGES: Role = 'AGENCY_OFFICER';

/** Whether the manager sees this account at all (the list and the account's page). */
export function maySee(manager: AccountManager, account: Pick<ManagedAccount, 'agencyId'>): boolean {
  if (manager.role === 'ADMIN') return true;
  if (manager.role === 'AGENCY_HEAD') return manager.agencyId !== null && account.agencyId === manager.agencyId;
  return false;
}

/** Whether the manager may change this existing account (edit, deactivate, reset, sign out everywhere). */
export function mayManage(manager: AccountManager, account: ManagedAccount): ManageVerdict {
  if (!maySee(manager, account)) return 'NOT_FOUND';
  if (manager.role === 'ADMIN') return 'ALLOWED';
  return account.role === HEAD_MANAGES && account.id !== manager.id ? 'ALLOWED' : 'FORBIDDEN';
}

/** Whether the manager may give an account this role in this agency (a new account, or a change of either). */
export function mayAssign(manager: AccountManager, target: { role: Role; agencyId: string | null }): ManageVerdict {
  if (manager.role === 'ADMIN') return 'ALLOWED';
  if (manager.role !== 'AGENCY_HEAD' || manager.agencyId === null) return 'FORBIDDEN';
  return target.role === HEAD_MANAGES && target.agencyId === manager.agencyId ? 'ALLOWED' : 'FORBIDDEN';
}

/** The agency a head's list is limited to; undefined for administrators (every account). */
export function listAgencyOf(manager: AccountManager): string | undefined {
  // A manager without an agency who is not an administrator sees nothing ('' matches no agency).
  return manager.role === 'ADMIN' ? undefined : (manager.agencyId ?? '');
}

export type SelfOrLastAdminRefusal = 'SELF' | 'LAST_ADMIN';

/**
 * Nobody deactivates or demotes themselves, and the last active administrator stays one: otherwise nobody could
 * manage accounts any more. `activeAdmins` counts the active administrators including this account.
 */
export function selfOrLastAdminRefusal(
  managerId: string,
  account: ManagedAccount & { active: boolean },
  change: { deactivate?: boolean; role?: Role },
  activeAdmins: number,
): SelfOrLastAdminRefusal | undefined {
  const demotes = change.role !== undefined && change.role !== account.role && account.role === 'ADMIN';
  const removes = (change.deactivate === true && account.active) || demotes;
  if (!removes) return undefined;
  if (account.id === managerId && (change.deactivate || demotes)) return 'SELF';
  if (account.role === 'ADMIN' && account.active && activeAdmins <= 1) return 'LAST_ADMIN';
  return undefined;
}
