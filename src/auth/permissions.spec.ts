import { ROLE_PERMISSIONS, roleHas } from './permissions';

describe('role permissions', () => {
  it('lets only admins write agencies and read the audit log', () => {
    expect(roleHas('ADMIN', 'agency:write')).toBe(true);
    expect(roleHas('ADMIN', 'audit:read')).toBe(true);
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) {
      expect(roleHas(role, 'agency:write')).toBe(false);
      expect(roleHas(role, 'audit:read')).toBe(false);
    }
  });

  it('lets every role read agencies within its scope', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) expect(roleHas(role, 'agency:read')).toBe(true);
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
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) {
      expect(roleHas(role, 'routing:write')).toBe(false);
      expect(roleHas(role, 'calendar:write')).toBe(false);
    }
  });
});
