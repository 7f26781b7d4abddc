// Keeps an OSM opening_hours string only if the library the server evaluates it with can parse it.
import opening_hours from 'opening_hours';

const PARIS_NOMINATIM = { address: { country_code: 'fr', state: 'Île-de-France' } };

/** The string, trimmed, when it parses; null when it does not (the place becomes "hours unknown"). */
export function checkOpeningHours(value: string, lat: number, lon: number): string | null {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 500) return null;
  try {
    new opening_hours(trimmed, { lat, lon, ...PARIS_NOMINATIM });
    return trimmed;
  } catch {
    return null;
  }
}
