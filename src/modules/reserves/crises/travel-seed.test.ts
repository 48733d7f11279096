import { describe, expect, it } from 'vitest';
import { estimateMinutes, PLATFORM_SITES, PROVINCE_SITES } from './travel-seed';

describe('travel time estimates', () => {
  it('give realistic road hours for Al Haouz and the far south', () => {
    // Marrakech → Tahannaoute (Al Haouz) ~1.4 h with loading; Casablanca → Al Haouz 4–5 h.
    expect(estimateMinutes('MA-07', 'MA-HAO')).toBeGreaterThanOrEqual(60);
    expect(estimateMinutes('MA-07', 'MA-HAO')).toBeLessThanOrEqual(100);
    expect(estimateMinutes('MA-06', 'MA-HAO')! / 60).toBeGreaterThan(3.5);
    expect(estimateMinutes('MA-06', 'MA-HAO')! / 60).toBeLessThan(6);
    // Dakhla → Al Haouz is more than a day's drive (the estimate is a floor: 17 h).
    expect(estimateMinutes('MA-12', 'MA-HAO')! / 60).toBeGreaterThan(15);
    // The platform of a province's own region is the nearest for Al Haouz, Chichaoua, Taroudant.
    for (const [province, region] of [
      ['MA-HAO', 'MA-07'],
      ['MA-CHI', 'MA-07'],
      ['MA-TAR', 'MA-09'],
    ] as const) {
      const nearest = Object.keys(PLATFORM_SITES).sort(
        (a, b) => estimateMinutes(a, province)! - estimateMinutes(b, province)!,
      )[0];
      expect(nearest).toBe(region);
    }
    expect(estimateMinutes('MA-07', 'MA-NOPE')).toBeNull();
    expect(Object.keys(PROVINCE_SITES)).toHaveLength(75);
  });
});
