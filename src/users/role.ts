export const ROLES = ['ADMIN', 'LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Quản trị viên',
  LEADER: 'Lãnh đạo',
  APPRAISER: 'Cán bộ thẩm định',
  AGENCY_OFFICER: 'Cán bộ cơ quan, đơn vị',
};
