/**
 * The tiers leadership compares (dispatch 256/UBND-NC speaks of provincial departments, public units and
 * communes). Công an tỉnh and Văn phòng Tỉnh ủy are provincial bodies and sit with the departments.
 */
export const TIERS = ['PROVINCIAL', 'PUBLIC_UNIT', 'COMMUNE', 'OTHER'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  PROVINCIAL: 'Sở, ban, ngành và tương đương',
  PUBLIC_UNIT: 'Đơn vị sự nghiệp',
  COMMUNE: 'UBND xã, phường',
  OTHER: 'Cơ quan, đơn vị khác',
};

const BY_KIND: Record<string, Tier> = {
  province_committee: 'PROVINCIAL',
  department: 'PROVINCIAL',
  police: 'PROVINCIAL',
  party_body: 'PROVINCIAL',
  public_unit: 'PUBLIC_UNIT',
  ward: 'COMMUNE',
  commune: 'COMMUNE',
};

export function tierOf(kind: string): Tier {
  return BY_KIND[kind] ?? 'OTHER';
}

/** approved ÷ submitted, as a percentage with one decimal; null when nobody submitted. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
