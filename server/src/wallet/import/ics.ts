/**
 * A calendar (.ics), read with ical.js: every VEVENT, recurrences expanded (RRULE, RDATE, EXDATE) over a
 * bounded window, DURATION or DTEND, all-day and floating times. Zones are resolved per calendar, never
 * registered in ical.js's process-wide service (one upload must not change how another is read): an IANA
 * TZID is used as is; a custom one is computed from the calendar's own VTIMEZONE; a floating time is read in
 * the trip's zone, with a warning. A KItinerary calendar carries each reservation as JSON-LD
 * (X-KDE-KITINERARY-RESERVATION): that markup is used, as it says more than the event.
 */
import ICAL from 'ical.js';
import { IMPORT_LIMITS, toZonedIso, zonedTimeToUtc, type Evidence, type ImportDraft } from '@escale/shared';
import { zoneForOffset, type ReadInstant } from './instants.ts';
import { refuse } from './refusal.ts';
import { extractReservations, fingerprint, type Extracted } from './schema-org.ts';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;

/** How far a recurring event is expanded when no trip bounds it: a year from its first occurrence. */
export const DEFAULT_WINDOW_MS = 366 * 86_400_000;
/** Steps of a recurrence iterator before giving up on a rule that yields nothing (FREQ=SECONDLY with a BYMONTHDAY=31 in February). */
const MAX_ITERATIONS = 20_000;

export interface IcsOptions {
  tripZone: string;
  /** Occurrences outside are left out (a trip's dates); default: the first year of each event. */
  window?: { from: Date; until: Date };
}

function knownIanaZone(tzid: string): string | null {
  // "/freeassociation.sourceforge.net/Europe/Berlin" and "/mozilla.org/20050126_1/Europe/Paris" name IANA zones too.
  const candidates = [tzid, tzid.split('/').slice(-2).join('/'), tzid.split('/').slice(-3).join('/')];
  for (const c of candidates) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: c });
      if (c.includes('/') || c === 'UTC') return c;
    } catch {
      // not a zone this runtime knows
    }
  }
  return null;
}

export function readIcs(text: string, options: IcsOptions): Extracted {
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    return refuse('malformed', `This is not a readable calendar (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (root.name !== 'vcalendar') refuse('malformed', 'This file holds no VCALENDAR.');
  const customZones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') customZones.set(tzid, new ICAL.Timezone(vtz));
  }
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length > IMPORT_LIMITS.maxBookings) refuse('too_many_items', `This calendar has ${vevents.length} events; at most ${IMPORT_LIMITS.maxBookings} can be imported at once.`);

  /** An occurrence's time as an instant, shown in the zone its calendar gives it. */
  const instantOf = (t: Time, tzid: string | null): ReadInstant => {
    const wall = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute };
    const seconds = t.isDate ? 0 : t.second * 1000;
    if (!t.isDate && t.zone === ICAL.Timezone.utcTimezone) {
      const instant = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) + seconds);
      // Exact; shown in the trip's zone (a UTC time says nothing of where it happens).
      return { iso: toZonedIso(instant, options.tripZone), zone: options.tripZone, warning: null, dateOnly: false };
    }
    const iana = tzid ? knownIanaZone(tzid) : null;
    const custom = tzid ? customZones.get(tzid) : undefined;
    if (!iana && custom) {
      const offset = custom.utcOffset(t) / 60;
      const instant = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) + seconds - offset * 60_000);
      const zone = zoneForOffset(instant, offset, options.tripZone);
      return { iso: toZonedIso(instant, zone), zone, warning: null, dateOnly: t.isDate };
    }
    const zone = iana ?? options.tripZone;
    const instant = new Date(zonedTimeToUtc(wall, zone).getTime() + seconds);
    const warning: Evidence | null = t.isDate
      ? { key: 'wallet.import.date_only', params: { zone } }
      : iana
        ? null
        : { key: tzid ? 'wallet.import.unknown_zone' : 'wallet.import.no_zone', params: { zone, tzid: tzid ?? '' } };
    return { iso: toZonedIso(instant, zone), zone, warning, dateOnly: t.isDate };
  };

  const out: Extracted = { drafts: [], skipped: [] };
  for (const vevent of vevents) {
    const embedded = vevent.getFirstPropertyValue('x-kde-kitinerary-reservation');
    if (typeof embedded === 'string') {
      try {
        // An unknown property's value reaches us with the TEXT escapes still in (RFC 5545 §3.3.11).
        const json = embedded.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
        const found = extractReservations(JSON.parse(json) as unknown, options.tripZone, 'ics');
        if (found.drafts.length > 0) {
          out.drafts.push(...found.drafts.map((d) => (vevent.getFirstPropertyValue('status') === 'CANCELLED' ? { ...d, status: 'cancelled' as const } : d)));
          out.skipped.push(...found.skipped);
          continue;
        }
      } catch {
        // Unreadable embedded markup: the event itself is read below.
      }
    }
    readEvent(vevent);
  }
  return out;

  function readEvent(vevent: Component): void {
    const event = new ICAL.Event(vevent);
    const summary = (event.summary ?? '').replace(/\s+/g, ' ').trim() || 'Calendar event';
    if (!vevent.hasProperty('dtstart')) return void out.skipped.push({ what: summary, reason: { key: 'wallet.import.no_date', params: {} } });
    const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
    const startTzid = typeof tzid === 'string' ? tzid : null;
    const endProp = vevent.getFirstProperty('dtend')?.getParameter('tzid');
    const endTzid = typeof endProp === 'string' ? endProp : startTzid;
    const location = (event.location ?? '').trim() || null;
    const geo = vevent.getFirstPropertyValue('geo');
    const [lat, lon] = Array.isArray(geo) ? geo.map(Number) : [Number.NaN, Number.NaN];
    const venue =
      location || Number.isFinite(lat)
        ? {
            name: location?.split(',')[0]?.trim().slice(0, 300) ?? null,
            code: null,
            address: location?.slice(0, 500) ?? null,
            lat: Number.isFinite(lat) && Math.abs(lat!) <= 90 ? lat! : null,
            lon: Number.isFinite(lon) && Math.abs(lon!) <= 180 ? lon! : null,
          }
        : null;
    const cancelled = vevent.getFirstPropertyValue('status') === 'CANCELLED';
    const uid = String(vevent.getFirstPropertyValue('uid') ?? '');

    const occurrences: { start: Time; end: Time }[] = [];
    if (!event.isRecurring()) {
      occurrences.push({ start: event.startDate, end: event.endDate });
    } else {
      const from = options.window?.from.getTime() ?? -Infinity;
      const until = options.window?.until.getTime() ?? Date.parse(instantOf(event.startDate, startTzid).iso) + DEFAULT_WINDOW_MS;
      const it = event.iterator();
      for (let steps = 0; steps < MAX_ITERATIONS; steps++) {
        const next = it.next();
        if (!next) break;
        const at = Date.parse(instantOf(next, startTzid).iso);
        if (at > until) break;
        if (at < from) continue;
        if (occurrences.length >= IMPORT_LIMITS.maxOccurrences)
          refuse('too_many_items', `"${summary.slice(0, 80)}" repeats more than ${IMPORT_LIMITS.maxOccurrences} times within the year; import the dates you need instead.`);
        const details = event.getOccurrenceDetails(next);
        occurrences.push({ start: details.startDate, end: details.endDate });
      }
    }
    for (const { start, end } of occurrences) {
      const s = instantOf(start, startTzid);
      const e = instantOf(end, endTzid);
      const warnings: Evidence[] = [{ key: 'wallet.import.calendar_event', params: {} }, ...(s.warning ? [s.warning] : [])];
      const draft: ImportDraft = {
        kind: 'EventReservation',
        title: summary.slice(0, 300),
        placeId: null,
        startsAt: s.iso,
        endsAt: Date.parse(e.iso) > Date.parse(s.iso) ? e.iso : null,
        timezone: s.zone,
        source: 'ics',
        status: cancelled ? 'cancelled' : 'confirmed',
        details: {
          reservationNumber: null,
          provider: null,
          number: null,
          underName: null,
          from: null,
          to: null,
          venue,
          departureTerminal: null,
          arrivalTerminal: null,
          gate: null,
          seat: null,
          boardingTime: null,
          doorsOpen: null,
          partySize: null,
          barcode: null,
          endTimezone: e.zone !== s.zone ? e.zone : null,
        },
        fingerprint: fingerprint('ics', uid || summary, s.iso),
        warnings,
        duplicateOf: null,
      };
      out.drafts.push(draft);
      if (out.drafts.length > IMPORT_LIMITS.maxBookings) refuse('too_many_items', `This calendar holds more than ${IMPORT_LIMITS.maxBookings} bookings once its repeats are expanded.`);
    }
  }
}
