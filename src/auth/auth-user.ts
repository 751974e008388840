import { Role } from '../users/role';

/** The signed-in caller, as every service sees it. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  /** Province of the caller's agency; null for administrators without an agency. */
  provinceCode: string | null;
  /** Chức vụ, when recorded (users/person-label.ts). */
  title?: string | null;
}

export interface AccessTokenPayload {
  sub: string;
  username: string;
  role: Role;
}
