import { Role } from '../users/role';

/** What a route may require. Roles get permissions here and nowhere else. */
export const PERMISSIONS = [
  'agency:read',
  'agency:write',
  'audit:read',
  'classification:use',
  'requirement:read',
  'profile:read',
  'system:read',
  'system:write',
  'dossier:read',
  'dossier:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  LEADER: ['agency:read', 'classification:use', 'requirement:read', 'profile:read', 'system:read', 'dossier:read'],
  APPRAISER: ['agency:read', 'classification:use', 'requirement:read', 'profile:read', 'system:read', 'dossier:read'],
  AGENCY_OFFICER: ['agency:read', 'classification:use', 'requirement:read', 'profile:read', 'system:read', 'system:write', 'dossier:read', 'dossier:write'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
