// Keeps an OSM opening_hours string only if the opening_hours library parses it in the city's country and region.
import opening_hours from 'opening_hours';

/** What the library needs to know public and school holidays (`PH`, `SH`): ISO country code and region name. */
export interface HoursRegion {
  country_code: string;
  /** The library's own spelling of the region (`Île-de-France`, `Auvergne-Rhône-Alpes`, `Catalunya`). */
  state: string;
}

/** The string, trimmed, when it parses; null when it does not (the place becomes "hours unknown"). */
export function checkOpeningHoursIn(value: string, lat: number, lon: number, region: HoursRegion): string | null {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 500) return null;
  // School holidays depend on the region, which the server does not know when it evaluates hours (it
  // gives the library the country only): such a string would fail there at every evaluation.
  if (/\bSH\b/.test(trimmed)) return null;
  try {
    new opening_hours(trimmed, { lat, lon, address: region });
    return trimmed;
  } catch {
    return null;
  }
}
