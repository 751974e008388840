import { claimPaths, SsoSettings, ssoSettingsView } from './sso-settings-view';

const CONFIGURED: SsoSettings = {
  issuerUrl: 'https://sso.sonla.gov.vn/realms/sonla',
  clientId: 'capdo',
  clientSecretSet: true,
  scopes: 'openid profile email',
  usernameClaim: 'preferred_username',
  fullNameClaim: 'name',
  agencyClaim: 'agency_code',
  rolesClaim: 'realm_access.roles, groups',
  localSignIn: 'admins',
  redirectUri: 'https://capdo.sonla.gov.vn/dang-nhap/sso/ve',
  postLogoutRedirectUri: 'https://capdo.sonla.gov.vn/dang-nhap',
};

const values = (rows: { value: string }[]) => rows.map((r) => r.value);

describe('ssoSettingsView: what the single sign-on settings page shows', () => {
  it('shows the issuer, client id, scopes, each claim name and the two addresses to register at the provider', () => {
    const view = ssoSettingsView(CONFIGURED);
    expect(view.enabled).toBe(true);
    expect(view.status).toContain('đang bật');
    expect(values(view.connection)).toEqual([
      'https://sso.sonla.gov.vn/realms/sonla',
      'capdo',
      'đã đặt (không hiển thị)',
      'openid profile email',
    ]);
    expect(values(view.claims)).toEqual(['preferred_username', 'name', 'agency_code', 'realm_access.roles, groups']);
    expect(values(view.register)).toEqual(['https://capdo.sonla.gov.vn/dang-nhap/sso/ve', 'https://capdo.sonla.gov.vn/dang-nhap']);
    expect(view.localSignIn).toContain('Chỉ quản trị viên');
  });

  it('says only whether the client secret is set (the page test checks the secret itself never appears)', () => {
    expect(ssoSettingsView({ ...CONFIGURED, clientSecretSet: true }).connection[2].value).toBe('đã đặt (không hiển thị)');
    expect(ssoSettingsView({ ...CONFIGURED, clientSecretSet: false }).connection[2].value).toBe('chưa đặt (ứng dụng khách công khai)');
  });

  it('says "chưa bật" when OIDC_ISSUER_URL is unset, and shows unset values as "chưa đặt"', () => {
    const view = ssoSettingsView({ ...CONFIGURED, issuerUrl: undefined, clientId: undefined, localSignIn: 'all' });
    expect(view.enabled).toBe(false);
    expect(view.status).toContain('chưa bật');
    expect(view.connection[0]).toEqual({ label: 'Nhà cung cấp định danh (OIDC_ISSUER_URL)', value: 'chưa đặt', code: false });
    expect(view.localSignIn).toContain('LOCAL_SIGN_IN=all');
  });

  it('offers every capdo role, labelled in Vietnamese, for a mapping', () => {
    expect(ssoSettingsView(CONFIGURED).roleOptions).toEqual([
      { value: 'ADMIN', label: 'Quản trị viên' },
      { value: 'LEADER', label: 'Lãnh đạo' },
      { value: 'APPRAISER', label: 'Cán bộ thẩm định' },
      { value: 'AGENCY_OFFICER', label: 'Cán bộ cơ quan, đơn vị' },
      { value: 'AGENCY_HEAD', label: 'Lãnh đạo cơ quan, đơn vị' },
    ]);
  });
});

describe('claimPaths', () => {
  it('splits OIDC_ROLES_CLAIM at commas and drops blanks', () => {
    expect(claimPaths('realm_access.roles,groups')).toEqual(['realm_access.roles', 'groups']);
    expect(claimPaths(' realm_access.roles , , groups ')).toEqual(['realm_access.roles', 'groups']);
    expect(claimPaths('')).toEqual([]);
  });
});
