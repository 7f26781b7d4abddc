/**
 * Times in the console are the city's wall clock (a concert at 20:30 in Paris is at 20:30 whoever types
 * it, wherever their laptop is): an `<input type="datetime-local">` value is read and written in the city's
 * time zone, and sent as an instant.
 */
import { localParts, zonedTimeToUtc } from '@escale/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the city's `YYYY-MM-DDTHH:MM`, for a datetime-local field; '' for none. */
export function toCityInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = localParts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A datetime-local value read as the city's wall clock, as an ISO instant; null when empty or unreadable. */
export function fromCityInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTimeToUtc({ year, month, day, hour, minute }, timeZone).toISOString();
}
