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
  /** The session this request belongs to (sessions/sessions.service.ts); signing out ends it. */
  sessionId?: string;
  /** How this session was started: a password, or the province's single sign-on (no capdo password to change). */
  signedInVia?: 'PASSWORD' | 'OIDC';
  /** Signed in with a temporary password: only changing it (and signing out) is allowed until then. */
  mustChangePassword?: boolean;
}

export interface AccessTokenPayload {
  sub: string;
  /** The session row the guard checks on every request. */
  sid: string;
  /** `web`: only in the browser's http-only cookie; `api`: only as an Authorization bearer. */
  kind: 'web' | 'api';
  username: string;
  role: Role;
}
