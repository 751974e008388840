import { Role, ROLE_LABELS, ROLES } from '../users/role';

/** What capdo is configured with for single sign-on (src/config/app-config.ts), as the settings page reads it. */
export interface SsoSettings {
  issuerUrl?: string;
  clientId?: string;
  /** Only whether it is set: the secret itself never reaches a page. */
  clientSecretSet: boolean;
  scopes: string;
  usernameClaim: string;
  fullNameClaim: string;
  agencyClaim: string;
  rolesClaim: string;
  localSignIn: 'all' | 'admins';
  /** The addresses to register at the provider (OidcClientService: PUBLIC_URL or the address the page was reached at). */
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface SettingRow {
  label: string;
  value: string;
  /** Shown as code (a name the provider or the environment uses), not as prose. */
  code: boolean;
  hint?: string;
}

export interface SsoSettingsView {
  enabled: boolean;
  /** One line: whether single sign-on is on, and how password sign-in is limited. */
  status: string;
  localSignIn: string;
  connection: SettingRow[];
  claims: SettingRow[];
  /** The two addresses to enter at the provider when registering capdo as a client. */
  register: SettingRow[];
  roleOptions: { value: Role; label: string }[];
}

const NOT_SET = 'chưa đặt';

/** The settings page's content: what capdo is configured with, never the client secret. */
export function ssoSettingsView(s: SsoSettings): SsoSettingsView {
  const enabled = !!s.issuerUrl && !!s.clientId;
  const code = (label: string, value: string | undefined, hint?: string): SettingRow => ({
    label,
    value: value || NOT_SET,
    code: !!value,
    ...(hint ? { hint } : {}),
  });
  return {
    enabled,
    status: enabled
      ? 'Đăng nhập một lần đang bật: trang đăng nhập có nút “Đăng nhập một lần (SSO)”.'
      : 'Đăng nhập một lần chưa bật (chưa đặt OIDC_ISSUER_URL và OIDC_CLIENT_ID). Mọi người đăng nhập bằng mật khẩu của capdo.',
    localSignIn:
      s.localSignIn === 'admins'
        ? 'Chỉ quản trị viên được đăng nhập bằng mật khẩu của capdo (dự phòng khi nhà cung cấp định danh gặp sự cố); mọi người khác dùng đăng nhập một lần.'
        : 'Mọi tài khoản đều còn đăng nhập được bằng mật khẩu của capdo (LOCAL_SIGN_IN=all).',
    connection: [
      code('Nhà cung cấp định danh (OIDC_ISSUER_URL)', s.issuerUrl),
      code('Mã ứng dụng khách (OIDC_CLIENT_ID)', s.clientId),
      {
        label: 'Khóa bí mật (OIDC_CLIENT_SECRET)',
        value: s.clientSecretSet ? 'đã đặt (không hiển thị)' : 'chưa đặt (ứng dụng khách công khai)',
        code: false,
      },
      code('Phạm vi (OIDC_SCOPES)', s.scopes),
    ],
    claims: [
      code('Tên đăng nhập (OIDC_USERNAME_CLAIM)', s.usernameClaim, 'Bắt buộc; thiếu thì từ chối đăng nhập.'),
      code('Họ và tên (OIDC_FULL_NAME_CLAIM)', s.fullNameClaim),
      code('Mã cơ quan, đơn vị (OIDC_AGENCY_CLAIM)', s.agencyClaim, 'Phải trùng mã một cơ quan, đơn vị đã có trong capdo.'),
      code(
        'Vai trò, nhóm (OIDC_ROLES_CLAIM)',
        claimPaths(s.rolesClaim).join(', '),
        'Các giá trị đọc được ở đây được đối chiếu với bảng ánh xạ vai trò bên dưới.',
      ),
    ],
    register: [
      code('Địa chỉ chuyển hướng hợp lệ (Valid redirect URI)', s.redirectUri),
      code('Địa chỉ sau khi đăng xuất (Valid post logout redirect URI)', s.postLogoutRedirectUri),
    ],
    roleOptions: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
  };
}

/** OIDC_ROLES_CLAIM lists dotted claim paths separated by commas (e.g. `realm_access.roles,groups`). */
export function claimPaths(setting: string): string[] {
  return setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}
