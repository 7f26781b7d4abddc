/** Geographic helpers shared by the ranker, the push triggers and the map. Pure functions, no I/O. */
import { z } from 'zod';

export const Latitude = z.number().finite().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90');
export const Longitude = z.number().finite().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180');
export const LatLon = z.object({ lat: Latitude, lon: Longitude });
export type LatLon = z.infer<typeof LatLon>;

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; accurate to well under 1 % at city scale). */
export function distanceMeters(a: LatLon, b: LatLon): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Walking pace and detour factor. Streets are not straight lines: in Paris the walked path is about 1.3×
 * the crow-flies distance (a common figure for dense grids), and 4.8 km/h is a relaxed urban pace.
 */
export const WALK_METERS_PER_MINUTE = 80;
export const STREET_DETOUR_FACTOR = 1.3;

export function walkingMinutes(meters: number): number {
  return Math.max(1, Math.round((meters * STREET_DETOUR_FACTOR) / WALK_METERS_PER_MINUTE));
}

/** An easy running pace (9.6 km/h): for a runner, the way to a park is part of the run. */
export const RUN_METERS_PER_MINUTE = 160;

export function runningMinutes(meters: number): number {
  return Math.max(1, Math.round((meters * STREET_DETOUR_FACTOR) / RUN_METERS_PER_MINUTE));
}

/** Metres a traveller can walk in `minutes`, as a crow-flies radius (inverse of walkingMinutes). */
export function walkableRadiusMeters(minutes: number): number {
  return (minutes * WALK_METERS_PER_MINUTE) / STREET_DETOUR_FACTOR;
}
