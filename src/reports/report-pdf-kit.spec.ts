import { niceScale } from './report-pdf-kit';

describe('bar chart axis', () => {
  it.each([
    [75, { step: 20, top: 80 }],
    [17, { step: 5, top: 20 }],
    [3, { step: 1, top: 3 }],
    [95, { step: 20, top: 100 }],
    [240, { step: 50, top: 250 }],
    [0, { step: 1, top: 1 }],
  ])('a maximum of %i gets %p', (max, scale) => expect(niceScale(max)).toEqual(scale));

  it('always reaches the tallest bar in whole steps', () => {
    for (let max = 1; max <= 2000; max += 7) {
      const { step, top } = niceScale(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(top % step).toBe(0);
      expect(top / step).toBeLessThanOrEqual(10);
    }
  });
});
