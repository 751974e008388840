import { Role, ROLES } from '../../users/role';

/** The longest provider role or group name the table keeps (`oidc_role_mappings.claim_value varchar(255)`). */
export const CLAIM_VALUE_MAX_LENGTH = 255;

/**
 * A provider role or group name as it is compared: Unicode NFC so that the same name typed on another keyboard matches,
 * and nothing else. Case and surrounding spaces are kept: Keycloak's `Can-bo` and `can-bo` are two different groups,
 * and the administrator maps exactly what the provider sends.
 */
export function canonicalClaimValue(value: string): string {
  return value.normalize('NFC');
}

/** Why an administrator's claim value cannot be mapped, in Vietnamese, or undefined when it can. */
export function claimValueProblem(value: string): string | undefined {
  if (value.length === 0) return 'bắt buộc';
  if (value.length > CLAIM_VALUE_MAX_LENGTH) return `tối đa ${CLAIM_VALUE_MAX_LENGTH} ký tự`;
  if (value.trim() !== value) return 'không được có dấu cách ở đầu hoặc cuối';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'không được chứa ký tự điều khiển';
  return undefined;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface RoleMappingRow {
  claimValue: string;
  role: Role;
}

/**
 * The capdo roles the provider's values give: a value counts only when a mapping has exactly that name; each role once,
 * in the order of ROLES so that the result does not depend on the order of the provider's list. Several different roles
 * are the caller's to refuse (single sign-on never picks one for the administrator).
 */
export function rolesForValues(values: readonly string[], mappings: readonly RoleMappingRow[]): Role[] {
  const wanted = new Set(values.map(canonicalClaimValue));
  const found = new Set(mappings.filter((m) => wanted.has(canonicalClaimValue(m.claimValue))).map((m) => m.role));
  return ROLES.filter((role) => found.has(role));
}
