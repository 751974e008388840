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
  'dossier:appraise',
  'dossier:approve',
  'routing:read',
  'routing:write',
  'calendar:read',
  'calendar:write',
  'notification:read',
  'report:read',
  'campaign:write',
  'prior-approval:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every signed-in user may do within its own scope. */
const EVERYONE: readonly Permission[] = [
  'agency:read',
  'classification:use',
  'requirement:read',
  'profile:read',
  'system:read',
  'dossier:read',
  'calendar:read',
  'notification:read',
  'report:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  LEADER: [...EVERYONE, 'routing:read'],
  APPRAISER: [...EVERYONE, 'routing:read', 'dossier:appraise', 'dossier:approve', 'prior-approval:review'],
  AGENCY_OFFICER: [...EVERYONE, 'system:write', 'dossier:write'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
