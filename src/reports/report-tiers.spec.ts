import { rate, tierOf } from './report-tiers';

describe('report tiers', () => {
  it.each([
    ['department', 'PROVINCIAL'],
    ['police', 'PROVINCIAL'],
    ['party_body', 'PROVINCIAL'],
    ['province_committee', 'PROVINCIAL'],
    ['public_unit', 'PUBLIC_UNIT'],
    ['ward', 'COMMUNE'],
    ['commune', 'COMMUNE'],
    ['other', 'OTHER'],
  ])('%s → %s', (kind, tier) => expect(tierOf(kind)).toBe(tier));

  it('computes the approval rate as approved ÷ submitted, one decimal, null when nobody submitted', () => {
    expect(rate(10, 19)).toBe(52.6);
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 3)).toBe(100);
  });
});
