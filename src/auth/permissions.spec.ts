import { ROLE_PERMISSIONS, roleHas } from './permissions';

describe('role permissions', () => {
  it('lets only admins write agencies and read the audit log', () => {
    expect(roleHas('ADMIN', 'agency:write')).toBe(true);
    expect(roleHas('ADMIN', 'audit:read')).toBe(true);
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER', 'AGENCY_HEAD'] as const) {
      expect(roleHas(role, 'agency:write')).toBe(false);
      expect(roleHas(role, 'audit:read')).toBe(false);
    }
  });

  it('lets every role read agencies within its scope', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) expect(roleHas(role, 'agency:read')).toBe(true);
  });
});

describe('account permissions', () => {
  it('lets administrators and agency heads manage accounts, only administrators configure single sign-on', () => {
    expect(roleHas('ADMIN', 'user:manage')).toBe(true);
    expect(roleHas('AGENCY_HEAD', 'user:manage')).toBe(true);
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) expect(roleHas(role, 'user:manage')).toBe(false);
    expect(roleHas('ADMIN', 'sign-in:configure')).toBe(true);
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER', 'AGENCY_HEAD'] as const)
      expect(roleHas(role, 'sign-in:configure')).toBe(false);
  });
});

describe('workflow permissions', () => {
  it('lets only appraisers and admins appraise or approve; officers prepare and never approve', () => {
    expect(roleHas('APPRAISER', 'dossier:approve')).toBe(true);
    expect(roleHas('AGENCY_OFFICER', 'dossier:approve')).toBe(false);
    expect(roleHas('AGENCY_OFFICER', 'dossier:appraise')).toBe(false);
    expect(roleHas('LEADER', 'dossier:write')).toBe(false);
    expect(roleHas('APPRAISER', 'dossier:write')).toBe(false);
    expect(roleHas('AGENCY_OFFICER', 'dossier:write')).toBe(true);
  });

  it("keeps routing rules and the calendar in administrators' hands", () => {
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER', 'AGENCY_HEAD'] as const) {
      expect(roleHas(role, 'routing:write')).toBe(false);
      expect(roleHas(role, 'calendar:write')).toBe(false);
    }
  });
});

describe("the owner's leadership (AGENCY_HEAD)", () => {
  const everyone = [
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

  it('decides for the owner (ND331 Art. 18.2.b, 20.3.b: the owner approves; Art. 31.1: its head directs; Art. 36: the owner reports yearly): what everyone may, plus approve, decide and send the annual report; manages its own agency’s officers’ accounts', () => {
    expect([...ROLE_PERMISSIONS.AGENCY_HEAD].sort()).toEqual(
      [...everyone, 'dossier:approve', 'dossier:decide', 'annual-report:submit', 'user:manage'].sort(),
    );
  });

  it('prepares nothing itself: no system or dossier writes, no appraisal, no administration (ND331 Art. 20.1: the operator prepares the dossier)', () => {
    for (const permission of [
      'system:write',
      'dossier:write',
      'dossier:appraise',
      'agency:write',
      'routing:write',
      'prior-approval:review',
    ] as const)
      expect(roleHas('AGENCY_HEAD', permission)).toBe(false);
  });

  it("keeps the owner's decisions from officers, leaders and appraisers; administrators hold them all", () => {
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) expect(roleHas(role, 'dossier:decide')).toBe(false);
    expect(roleHas('ADMIN', 'dossier:decide')).toBe(true);
  });
});
