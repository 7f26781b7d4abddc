/**
 * How a booking reads: times in the zone of where they happen (a flight's departure in the departure city's
 * time, its arrival in the arrival city's), the zone named when it is not the phone's, and the line of facts
 * each kind shows on the timeline. Pure, so the rules are tested in node.
 */
import type { Booking, BookingKind, BookingPlace, Locale } from '@escale/shared';

const TRANSPORT = new Set<BookingKind>(['FlightReservation', 'TrainReservation', 'BusReservation', 'RentalCarReservation']);
export const isTransport = (kind: BookingKind) => TRANSPORT.has(kind);

/** "20:30", in the zone where it happens. */
export function clockIn(instant: string | number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** The zone's short name at that instant ("CET", "UTC−5"), for when it differs from the reader's. */
export function zoneName(instant: string | number, timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(instant));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Whether two zones show the same clock at an instant (Paris and Madrid do; Paris and New York do not). */
export function sameClock(instant: string | number, a: string, b: string): boolean {
  const f = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit' }).format(new Date(instant));
  return f(a) === f(b);
}

/**
 * A time as the timeline shows it: the clock where it happens, the zone named when the reader's clock
 * differs, and the day when it is not the day of `since` there (a car returned three days later).
 */
export function timeParts(instant: string, timeZone: string, readerZone: string, locale: Locale, since?: string): { clock: string; zone: string | null; day: string | null } {
  const dayOf = (at: string) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, day: 'numeric', month: 'short' }).format(new Date(at));
  return {
    clock: clockIn(instant, timeZone, locale),
    zone: sameClock(instant, timeZone, readerZone) ? null : zoneName(instant, timeZone, locale),
    day: since && dayOf(since) !== dayOf(instant) ? dayOf(instant) : null,
  };
}

/** "Thursday 12 March 2026" for a YYYY-MM-DD date. */
export function dayHeading(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "12 Mar, 11:00" in the zone, for an end on another day. */
export function dateTimeIn(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** A place as one line: its code and name ("CDG · Paris Charles de Gaulle"), or its address. */
export function placeLine(place: BookingPlace | null): string | null {
  if (!place) return null;
  const name = [place.code, place.name].filter(Boolean).join(' · ');
  return name || place.address;
}

/** The zone the booking ends in (a flight's arrival city), its own zone otherwise. */
export const endZone = (b: Booking) => b.details.endTimezone ?? b.timezone;

/** Where the booking is, for the map: its venue, else where a journey arrives, else where it leaves. */
export function whereOf(b: Booking): BookingPlace | null {
  const d = b.details;
  const located = [d.venue, d.to, d.from].find((p) => p && p.lat !== null && p.lon !== null);
  return located ?? d.venue ?? d.to ?? d.from;
}

/** A booking that takes whole days (a calendar's all-day event): midnight to midnight where it happens. */
export function isAllDay(b: Booking): boolean {
  if (!b.endsAt) return false;
  const midnight = (instant: string) => clockIn(instant, b.timezone, 'en') === '00:00';
  return midnight(b.startsAt) && midnight(b.endsAt) && Date.parse(b.endsAt) > Date.parse(b.startsAt);
}
