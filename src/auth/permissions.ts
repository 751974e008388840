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
  /** The owner's own decisions on a dossier: owner-submit (Mẫu 02), approve-plan (Mẫu 07), request-listing, independent appraiser. */
  'dossier:decide',
  'routing:read',
  'routing:write',
  'calendar:read',
  'calendar:write',
  'notification:read',
  'report:read',
  'campaign:write',
  'prior-approval:review',
  /** After approval (ND85 Arts. 20–22, ND331 Arts. 28–33): the operator carries out the plan and records incidents. */
  'plan-item:write',
  'incident:write',
  /** Inspections are recorded by the owner's or operator's officers and by the provincial police who inspect. */
  'inspection:write',
  'inspection-policy:write',
  /** The routed appraiser records re-determination triggers (ND331 Arts. 8.3, 10.2, 10.7) and dismisses flags. */
  'redetermination:review',
  /** The owner's annual report (TT12 Arts. 13–14, ND331 Arts. 35–36): recording that it was sent. */
  'annual-report:submit',
  /** Accounts (issue 22): administrators manage all; an agency head its own agency's officers (users/user-scope.ts). */
  'user:manage',
  /** Single sign-on settings: which provider roles and groups give which capdo role. */
  'sign-in:configure',
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
  APPRAISER: [
    ...EVERYONE,
    'routing:read',
    'dossier:appraise',
    'dossier:approve',
    'prior-approval:review',
    'inspection:write',
    'redetermination:review',
  ],
  AGENCY_OFFICER: [
    ...EVERYONE,
    'system:write',
    'dossier:write',
    'plan-item:write',
    'incident:write',
    'inspection:write',
    'annual-report:submit',
  ],
  // The owner's leadership decides (approves, submits in the owner's name) but prepares nothing itself.
  AGENCY_HEAD: [...EVERYONE, 'dossier:approve', 'dossier:decide', 'annual-report:submit', 'user:manage'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
