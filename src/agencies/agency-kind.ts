export const AGENCY_KINDS = [
  'province_committee',
  'department',
  'public_unit',
  'police',
  'party_body',
  'ward',
  'commune',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_STATUSES = ['ACTIVE', 'MERGED', 'DISSOLVED'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  province_committee: 'Ủy ban nhân dân tỉnh',
  department: 'Sở, ban, ngành',
  public_unit: 'Đơn vị sự nghiệp công lập',
  police: 'Công an',
  party_body: 'Cơ quan Đảng',
  ward: 'Phường',
  commune: 'Xã',
  other: 'Khác',
};
