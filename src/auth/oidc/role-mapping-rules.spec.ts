import { canonicalClaimValue, claimValueProblem, isRole, RoleMappingRow, rolesForValues } from './role-mapping-rules';

const MAPPINGS: RoleMappingRow[] = [
  { claimValue: 'capdo-admin', role: 'ADMIN' },
  { claimValue: 'can-bo-co-quan', role: 'AGENCY_OFFICER' },
  { claimValue: '/SoLa/can-bo', role: 'AGENCY_OFFICER' },
  { claimValue: 'tham-dinh', role: 'APPRAISER' },
  { claimValue: 'Lãnh đạo', role: 'LEADER' },
];

describe('rolesForValues: which capdo roles the provider roles/groups give', () => {
  it('gives the role of the one mapped value and ignores values without a mapping', () => {
    expect(rolesForValues(['offline_access', 'uma_authorization', 'can-bo-co-quan'], MAPPINGS)).toEqual(['AGENCY_OFFICER']);
  });

  it('gives nothing when no value is mapped (the caller refuses: no mapped role)', () => {
    expect(rolesForValues(['offline_access', 'default-roles-sonla'], MAPPINGS)).toEqual([]);
    expect(rolesForValues([], MAPPINGS)).toEqual([]);
  });

  it('is an exact, case-sensitive match: "Can-bo-co-quan" and " can-bo-co-quan" are other groups', () => {
    expect(rolesForValues(['Can-bo-co-quan'], MAPPINGS)).toEqual([]);
    expect(rolesForValues(['CAPDO-ADMIN'], MAPPINGS)).toEqual([]);
    expect(rolesForValues([' can-bo-co-quan'], MAPPINGS)).toEqual([]);
    expect(rolesForValues(['can-bo'], MAPPINGS)).toEqual([]);
  });

  it('gives each role once when two values map to the same role', () => {
    expect(rolesForValues(['can-bo-co-quan', '/SoLa/can-bo'], MAPPINGS)).toEqual(['AGENCY_OFFICER']);
  });

  it('gives every distinct role, in the order of ROLES whatever the provider order (the caller refuses several)', () => {
    expect(rolesForValues(['tham-dinh', 'capdo-admin'], MAPPINGS)).toEqual(['ADMIN', 'APPRAISER']);
    expect(rolesForValues(['capdo-admin', 'tham-dinh'], MAPPINGS)).toEqual(['ADMIN', 'APPRAISER']);
  });

  it('matches a Vietnamese group name whether the provider sends it composed (NFC) or decomposed (NFD)', () => {
    expect(rolesForValues(['Lãnh đạo'.normalize('NFD')], MAPPINGS)).toEqual(['LEADER']);
    expect(rolesForValues(['Lãnh đạo'.normalize('NFC')], MAPPINGS)).toEqual(['LEADER']);
  });
});

describe('claimValueProblem: what an administrator may map', () => {
  it('accepts realm roles, Keycloak group paths and Vietnamese names', () => {
    for (const value of ['capdo-admin', '/SoLa/can-bo', 'Lãnh đạo', 'urn:gov:vn:role:officer', 'x'.repeat(255)]) {
      expect(claimValueProblem(value)).toBeUndefined();
    }
  });

  it('refuses an empty value, one longer than the column, surrounding spaces and control characters', () => {
    expect(claimValueProblem('')).toBe('bắt buộc');
    expect(claimValueProblem('x'.repeat(256))).toBe('tối đa 255 ký tự');
    expect(claimValueProblem(' can-bo')).toMatch(/dấu cách/);
    expect(claimValueProblem('can-bo ')).toMatch(/dấu cách/);
    expect(claimValueProblem('can\nbo')).toMatch(/ký tự điều khiển/);
  });
});

describe('canonicalClaimValue and isRole', () => {
  it('composes to NFC and keeps case', () => {
    expect(canonicalClaimValue('Lãnh đạo'.normalize('NFD'))).toBe('Lãnh đạo'.normalize('NFC'));
    expect(canonicalClaimValue('Can-Bo')).toBe('Can-Bo');
  });

  it('knows the capdo roles only', () => {
    expect(isRole('AGENCY_HEAD')).toBe(true);
    expect(isRole('agency_officer')).toBe(false);
    expect(isRole('SUPERUSER')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
