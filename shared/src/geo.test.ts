import { describe, expect, it } from 'vitest';
import { distanceMeters, LatLon, walkableRadiusMeters, walkingMinutes } from './geo.ts';

describe('geo helpers', () => {
  it('measures Hôtel de Ville to the Louvre pyramid at about 1.3 km', () => {
    const d = distanceMeters({ lat: 48.8566, lon: 2.3522 }, { lat: 48.8611, lon: 2.3358 });
    expect(d).toBeGreaterThan(1250);
    expect(d).toBeLessThan(1350);
  });

  it('turns distance into walking minutes with a street detour, and back', () => {
    expect(walkingMinutes(400)).toBe(7);
    expect(walkingMinutes(10)).toBe(1);
    expect(walkingMinutes(walkableRadiusMeters(15))).toBe(15);
  });

  it('refuses coordinates out of range', () => {
    expect(LatLon.safeParse({ lat: 91, lon: 0 }).success).toBe(false);
    expect(LatLon.safeParse({ lat: 0, lon: -181 }).success).toBe(false);
    expect(LatLon.safeParse({ lat: Number.NaN, lon: 0 }).success).toBe(false);
    expect(LatLon.safeParse({ lat: 48.85, lon: 2.35 }).success).toBe(true);
  });
});
