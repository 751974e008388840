import { claimNames, decideSsoAccount, readClaim, readIdentity, refusalMessage, SsoExistingAccount, SsoIdentity } from './oidc-claims';

const NAMES = claimNames({
  OIDC_USERNAME_CLAIM: 'preferred_username',
  OIDC_FULL_NAME_CLAIM: 'name',
  OIDC_AGENCY_CLAIM: 'agency_code',
  OIDC_ROLES_CLAIM: 'realm_access.roles, groups',
});

const KEYCLOAK = {
  sub: 'f1c2-subject',
  preferred_username: 'Nguyen.VanA',
  name: 'Nguyễn Văn A',
  email: 'a@sonla.gov.vn',
  agency_code: 'SL-SO-XD',
  realm_access: { roles: ['offline_access', 'capdo-can-bo'] },
  groups: ['/so-xay-dung', 'capdo-can-bo'],
};

const identity = (over: Partial<SsoIdentity> = {}): SsoIdentity => ({
  subject: 'f1c2-subject',
  username: 'nguyen.vana',
  fullName: 'Nguyễn Văn A',
  email: 'a@sonla.gov.vn',
  agencyCode: 'SL-SO-XD',
  roleValues: ['capdo-can-bo'],
  ...over,
});

const existing = (over: Partial<SsoExistingAccount> = {}): SsoExistingAccount => ({
  id: 'u1',
  username: 'nguyen.vana',
  fullName: 'Nguyễn Văn A',
  email: 'a@sonla.gov.vn',
  role: 'AGENCY_OFFICER',
  agencyId: 'ag1',
  active: true,
  oidcSubject: 'f1c2-subject',
  ...over,
});

const decide = (over: Partial<Parameters<typeof decideSsoAccount>[0]> = {}) =>
  decideSsoAccount({
    identity: identity(),
    agency: { id: 'ag1' },
    roles: ['AGENCY_OFFICER'],
    existing: null,
    agencyClaim: 'agency_code',
    ...over,
  });

describe('reading the provider claims (OIDC_*_CLAIM as dotted paths)', () => {
  it('reads Keycloak realm roles at realm_access.roles and a key that itself has dots first', () => {
    expect(readClaim(KEYCLOAK, 'realm_access.roles')).toEqual(['offline_access', 'capdo-can-bo']);
    expect(readClaim({ 'https://x.vn/agency': 'A', https: { 'x.vn/agency': 'B' } }, 'https://x.vn/agency')).toBe('A');
    expect(readClaim(KEYCLOAK, 'realm_access.roles.missing')).toBeUndefined();
    expect(readClaim(KEYCLOAK, 'toString')).toBeUndefined();
  });

  it('lower-cases the username, takes the name and e-mail, gathers the distinct roles and groups of every listed claim', () => {
    expect(readIdentity(KEYCLOAK, NAMES)).toEqual({
      identity: {
        subject: 'f1c2-subject',
        username: 'nguyen.vana',
        fullName: 'Nguyễn Văn A',
        email: 'a@sonla.gov.vn',
        agencyCode: 'SL-SO-XD',
        roleValues: ['offline_access', 'capdo-can-bo', '/so-xay-dung'],
      },
    });
  });

  it('refuses a missing username claim, naming the claim; a username capdo cannot hold, naming the value', () => {
    const { preferred_username: _, ...withoutUsername } = KEYCLOAK;
    expect(readIdentity(withoutUsername, NAMES)).toMatchObject({ refusal: { reason: 'NO_USERNAME', claim: 'preferred_username' } });
    expect(readIdentity({ ...KEYCLOAK, preferred_username: 'a@sonla.gov.vn' }, NAMES)).toMatchObject({
      refusal: { reason: 'BAD_USERNAME', username: 'a@sonla.gov.vn' },
    });
  });

  it('uses the username as the name when the provider sends none', () => {
    const { name: _, ...withoutName } = KEYCLOAK;
    expect(readIdentity(withoutName, NAMES)).toMatchObject({ identity: { fullName: 'nguyen.vana' } });
  });
});

describe('deciding the account of a single sign-on', () => {
  it('creates the account of an unknown user with a known agency and exactly one mapped role', () => {
    expect(decide()).toEqual({
      kind: 'CREATE',
      account: {
        username: 'nguyen.vana',
        subject: 'f1c2-subject',
        fullName: 'Nguyễn Văn A',
        email: 'a@sonla.gov.vn',
        role: 'AGENCY_OFFICER',
        agencyId: 'ag1',
      },
    });
  });

  it('refuses no mapped role and several different mapped roles', () => {
    expect(decide({ roles: [] })).toMatchObject({ kind: 'REFUSE', refusal: { reason: 'NO_ROLE', roleValues: ['capdo-can-bo'] } });
    expect(decide({ roles: ['AGENCY_OFFICER', 'APPRAISER'] })).toMatchObject({ kind: 'REFUSE', refusal: { reason: 'SEVERAL_ROLES' } });
  });

  it('refuses an agency code capdo does not know, and no agency for a role that acts for one', () => {
    expect(decide({ agency: null })).toMatchObject({ kind: 'REFUSE', refusal: { reason: 'UNKNOWN_AGENCY', agencyCode: 'SL-SO-XD' } });
    expect(decide({ agency: null, identity: identity({ agencyCode: null }) })).toMatchObject({
      kind: 'REFUSE',
      refusal: { reason: 'NO_AGENCY', claim: 'agency_code' },
    });
  });

  it('lets an administrator come without an agency', () => {
    expect(decide({ agency: null, identity: identity({ agencyCode: null }), roles: ['ADMIN'] })).toMatchObject({
      kind: 'CREATE',
      account: { role: 'ADMIN', agencyId: null },
    });
  });

  it('refuses a deactivated account, even when the provider still knows the person', () => {
    expect(decide({ existing: existing({ active: false }) })).toMatchObject({ kind: 'REFUSE', refusal: { reason: 'DEACTIVATED' } });
  });

  it('refuses an account linked to another subject (a username reused at the provider)', () => {
    expect(decide({ existing: existing({ oidcSubject: 'someone-else' }) })).toMatchObject({
      kind: 'REFUSE',
      refusal: { reason: 'LINKED_ELSEWHERE' },
    });
  });

  it('never links a local administrator by username (the break-glass account stays local)', () => {
    expect(decide({ existing: existing({ oidcSubject: null, role: 'ADMIN', agencyId: null }) })).toMatchObject({
      kind: 'REFUSE',
      refusal: { reason: 'LOCAL_ADMIN' },
    });
  });

  it('links a known username not yet linked, and changes only what differs', () => {
    expect(decide({ existing: existing({ oidcSubject: null }) })).toEqual({ kind: 'SIGN_IN', accountId: 'u1', link: true, changes: {} });
    expect(decide({ existing: existing({ role: 'APPRAISER', fullName: 'Nguyen Van A' }) })).toEqual({
      kind: 'SIGN_IN',
      accountId: 'u1',
      link: false,
      changes: { role: 'AGENCY_OFFICER', fullName: 'Nguyễn Văn A' },
    });
  });

  it('keeps the e-mail on record when the provider sends none', () => {
    expect(decide({ identity: identity({ email: null }), existing: existing() })).toMatchObject({ kind: 'SIGN_IN', changes: {} });
  });
});

describe('what a refused person reads', () => {
  it('names the agency code to ask for, the groups seen, the roles in conflict', () => {
    const refusal = { username: 'nguyen.vana', agencyCode: 'SL-XYZ', roleValues: ['/so-a', 'capdo-x'], roles: [] };
    expect(refusalMessage({ ...refusal, reason: 'UNKNOWN_AGENCY' })).toContain('thêm cơ quan, đơn vị có mã «SL-XYZ»');
    expect(refusalMessage({ ...refusal, reason: 'NO_ROLE' })).toContain('(«/so-a», «capdo-x»)');
    expect(refusalMessage({ ...refusal, roleValues: [], reason: 'NO_ROLE' })).toContain('không có vai trò hay nhóm nào');
    expect(refusalMessage({ ...refusal, reason: 'SEVERAL_ROLES', roles: ['AGENCY_OFFICER', 'APPRAISER'] })).toContain(
      'Cán bộ cơ quan, đơn vị, Cán bộ thẩm định',
    );
    expect(refusalMessage({ ...refusal, reason: 'NO_AGENCY', claim: 'agency_code' })).toContain('«agency_code»');
  });
});
