/**
 * Single sign-on (issue 22): how the claims of the province's identity provider become a capdo account, or a refusal
 * that tells the person exactly what to ask for. Pure: no Nest, no TypeORM (docs/security/single-sign-on.md).
 */
import { normaliseUsername } from '../../users/account-rules';
import { Role, ROLE_LABELS } from '../../users/role';
import type { SsoAccountRow } from '../../users/sso-accounts';

/** Which claims carry what (OIDC_*_CLAIM); each a dotted path into the claims, e.g. `realm_access.roles`. */
export interface SsoClaimNames {
  username: string;
  fullName: string;
  agency: string;
  /** Every listed claim's values are looked up in the role mapping table. */
  roles: string[];
}

/** Who the provider says signed in, read from its claims. */
export interface SsoIdentity {
  /** The provider's `sub`: the link that survives a renamed username. */
  subject: string;
  username: string;
  fullName: string;
  email: string | null;
  agencyCode: string | null;
  /** The provider's roles and groups, as sent (looked up in the role mapping table). */
  roleValues: string[];
}

export type SsoRefusalReason =
  | 'NO_USERNAME'
  | 'BAD_USERNAME'
  | 'NO_AGENCY'
  | 'UNKNOWN_AGENCY'
  | 'NO_ROLE'
  | 'SEVERAL_ROLES'
  | 'DEACTIVATED'
  | 'LINKED_ELSEWHERE'
  | 'LOCAL_ADMIN';

/** Why nobody was signed in, with what the provider sent: the person's page, the log and the audit say the same. */
export interface SsoRefusal {
  reason: SsoRefusalReason;
  username: string | null;
  agencyCode: string | null;
  roleValues: string[];
  roles: Role[];
  /** The claim that was missing or wrong (NO_USERNAME, BAD_USERNAME, NO_AGENCY). */
  claim?: string;
}

/** An account already in capdo that the sign-in matched, by subject or (not yet linked) by username. */
export type SsoExistingAccount = SsoAccountRow;

export interface SsoAccountFields {
  fullName: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
}

export type SsoDecision =
  | { kind: 'REFUSE'; refusal: SsoRefusal }
  | { kind: 'CREATE'; account: SsoAccountFields & { username: string; subject: string } }
  | { kind: 'SIGN_IN'; accountId: string; link: boolean; changes: Partial<SsoAccountFields> };

export function claimNames(config: {
  OIDC_USERNAME_CLAIM: string;
  OIDC_FULL_NAME_CLAIM: string;
  OIDC_AGENCY_CLAIM: string;
  OIDC_ROLES_CLAIM: string;
}): SsoClaimNames {
  return {
    username: config.OIDC_USERNAME_CLAIM.trim(),
    fullName: config.OIDC_FULL_NAME_CLAIM.trim(),
    agency: config.OIDC_AGENCY_CLAIM.trim(),
    roles: config.OIDC_ROLES_CLAIM.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  };
}

/** The claim at a dotted path (`realm_access.roles`); a key that itself contains dots is found first. */
export function readClaim(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.normalize('NFC').trim();
  return trimmed === '' ? null : trimmed;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((v): v is string => v !== null);
}

/** The identity in the claims, or the refusal when the username claim is missing or not a capdo username. */
export function readIdentity(
  claims: Readonly<Record<string, unknown>>,
  names: SsoClaimNames,
): { identity: SsoIdentity } | { refusal: SsoRefusal } {
  const rawUsername = text(readClaim(claims, names.username));
  const agencyCode = text(readClaim(claims, names.agency));
  // Keycloak sends a group as its path ("/so-tttt/can-bo"); both the path and the bare name may be mapped.
  const roleValues = [...new Set(names.roles.flatMap((name) => strings(readClaim(claims, name))))];
  const seen = { agencyCode, roleValues, roles: [] as Role[] };
  if (rawUsername === null) return { refusal: { reason: 'NO_USERNAME', username: null, claim: names.username, ...seen } };
  const username = normaliseUsername(rawUsername);
  if (!username) return { refusal: { reason: 'BAD_USERNAME', username: rawUsername.slice(0, 255), claim: names.username, ...seen } };
  return {
    identity: {
      subject: String(claims.sub),
      username,
      fullName: (text(readClaim(claims, names.fullName)) ?? username).slice(0, 255),
      email: text(claims.email)?.slice(0, 255) ?? null,
      agencyCode,
      roleValues,
    },
  };
}

/**
 * The account this sign-in gets. A deactivated account, an account linked to another subject, no mapped role, several
 * different mapped roles, an agency code capdo does not know, or none for a role that needs one: refused. Otherwise a
 * known account is linked and brought in line with the provider, an unknown one is created.
 */
export function decideSsoAccount(input: {
  identity: SsoIdentity;
  /** The active agency whose code the provider sent; null when none was sent or capdo has none with it. */
  agency: { id: string } | null;
  /** The distinct capdo roles the provider's values map to (RoleMappingsService.rolesFor). */
  roles: readonly Role[];
  existing: SsoExistingAccount | null;
  agencyClaim: string;
}): SsoDecision {
  const { identity, agency, roles, existing } = input;
  const refuse = (reason: SsoRefusalReason, claim?: string): SsoDecision => ({
    kind: 'REFUSE',
    refusal: {
      reason,
      username: identity.username,
      agencyCode: identity.agencyCode,
      roleValues: identity.roleValues,
      roles: [...roles],
      ...(claim ? { claim } : {}),
    },
  });
  if (existing && !existing.active) return refuse('DEACTIVATED');
  if (existing?.oidcSubject && existing.oidcSubject !== identity.subject) return refuse('LINKED_ELSEWHERE');
  // A local administrator (the break-glass account kept for when the provider is down) is never taken over by a
  // provider user who happens to carry the same username; an administrator by single sign-on gets an account of its own.
  if (existing && existing.oidcSubject === null && existing.role === 'ADMIN') return refuse('LOCAL_ADMIN');
  if (roles.length === 0) return refuse('NO_ROLE');
  if (roles.length > 1) return refuse('SEVERAL_ROLES');
  const role = roles[0];
  if (identity.agencyCode !== null && !agency) return refuse('UNKNOWN_AGENCY');
  if (role !== 'ADMIN' && !agency) return refuse('NO_AGENCY', input.agencyClaim);
  const fields: SsoAccountFields = {
    fullName: identity.fullName,
    email: identity.email ?? existing?.email ?? null,
    role,
    agencyId: agency?.id ?? null,
  };
  if (!existing) return { kind: 'CREATE', account: { ...fields, username: identity.username, subject: identity.subject } };
  const changes: Partial<SsoAccountFields> = {};
  for (const key of ['fullName', 'email', 'role', 'agencyId'] as const) {
    if (fields[key] !== existing[key]) Object.assign(changes, { [key]: fields[key] });
  }
  return { kind: 'SIGN_IN', accountId: existing.id, link: existing.oidcSubject === null, changes };
}

const quoted = (values: readonly string[]) => values.map((v) => `«${v}»`).join(', ');

/** What the refused person reads: what went wrong and whom to ask for what, naming the values the provider sent. */
export function refusalMessage(refusal: SsoRefusal): string {
  const groups = refusal.roleValues.length
    ? `các vai trò/nhóm của bạn ở hệ thống định danh (${quoted(refusal.roleValues)})`
    : 'tài khoản định danh của bạn (không có vai trò hay nhóm nào được gửi sang)';
  switch (refusal.reason) {
    case 'NO_USERNAME':
      return `Tài khoản định danh của bạn không có tên đăng nhập (thuộc tính «${refusal.claim}»). Hãy đề nghị quản trị viên hệ thống định danh của tỉnh bổ sung thuộc tính này cho tài khoản của bạn.`;
    case 'BAD_USERNAME':
      return `Tên đăng nhập «${refusal.username}» (thuộc tính «${refusal.claim}») không dùng được trong capdo: tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (3–64 ký tự). Hãy đề nghị quản trị viên hệ thống định danh của tỉnh sửa tên đăng nhập của bạn.`;
    case 'NO_AGENCY':
      return `Tài khoản định danh của bạn không ghi mã cơ quan, đơn vị (thuộc tính «${refusal.claim}»). Hãy đề nghị quản trị viên hệ thống định danh của tỉnh ghi mã cơ quan, đơn vị nơi bạn công tác vào tài khoản của bạn.`;
    case 'UNKNOWN_AGENCY':
      return `Mã cơ quan, đơn vị «${refusal.agencyCode}» trong tài khoản định danh của bạn chưa có trong capdo. Hãy đề nghị quản trị viên capdo thêm cơ quan, đơn vị có mã «${refusal.agencyCode}», hoặc đề nghị quản trị viên hệ thống định danh sửa lại mã cơ quan của bạn.`;
    case 'NO_ROLE':
      return `Chưa có vai trò capdo nào ứng với ${groups}. Hãy đề nghị quản trị viên capdo gán vai trò cho nhóm của bạn ở trang «Đăng nhập một lần», hoặc đề nghị quản trị viên hệ thống định danh đưa bạn vào nhóm đã được gán vai trò.`;
    case 'SEVERAL_ROLES':
      return `${capitalise(groups)} ứng với nhiều vai trò capdo khác nhau (${refusal.roles.map((r) => ROLE_LABELS[r]).join(', ')}), nên capdo không biết chọn vai trò nào. Hãy đề nghị quản trị viên hệ thống định danh chỉ để bạn trong nhóm của một vai trò.`;
    case 'DEACTIVATED':
      return `Tài khoản capdo «${refusal.username}» đã bị khóa. Hãy liên hệ quản trị viên capdo nếu cần mở lại tài khoản.`;
    case 'LOCAL_ADMIN':
      return `Tên đăng nhập «${refusal.username}» là tài khoản quản trị viên riêng của capdo (dùng khi hệ thống định danh gặp sự cố), không đăng nhập một lần được. Hãy đề nghị quản trị viên hệ thống định danh dùng cho bạn một tên đăng nhập khác.`;
    case 'LINKED_ELSEWHERE':
      return `Tài khoản capdo «${refusal.username}» đã gắn với một danh tính khác ở hệ thống định danh. Hãy đề nghị quản trị viên capdo kiểm tra tài khoản này.`;
  }
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
