export const ROLES = ['ADMIN', 'LEADER', 'APPRAISER', 'AGENCY_OFFICER', 'AGENCY_HEAD'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Quản trị viên',
  LEADER: 'Lãnh đạo',
  APPRAISER: 'Cán bộ thẩm định',
  AGENCY_OFFICER: 'Cán bộ cơ quan, đơn vị',
  // The owner's leadership (ND331 Art. 31.1: the head of the owner body directs and answers for it): see docs/legal/dossier-actors.md.
  AGENCY_HEAD: 'Lãnh đạo cơ quan, đơn vị',
};
