/**
 * A trip as an iCalendar feed (RFC 5545), written with ical.js so escaping and line folding are its, not
 * ours: one VEVENT per confirmed booking, at UTC instants. UTC rather than TZID: ical.js cannot make the
 * VTIMEZONE a TZID needs from the IANA database, and a UTC instant is read right by every calendar app,
 * which shows it in the viewer's zone; the local times at each end, with their zones, are in the event's
 * description (a flight leaves in Paris time and lands in New York time).
 */
import ICAL from 'ical.js';
import { formatLocalTime, type Booking, type BookingPlace } from '@escale/shared';

/** How often a subscribed app should fetch the feed again (REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook and older apps). */
export const REFRESH_INTERVAL = 'PT1H';

const JOURNEY_WORDS: Partial<Record<Booking['kind'], string>> = { FlightReservation: 'Flight', TrainReservation: 'Train', BusReservation: 'Bus' };

const label = (place: BookingPlace | null) => place?.name ?? place?.code ?? null;

/** A meal's name by the local hour it starts at. */
function meal(b: Booking): string {
  const hour = Number(formatLocalTime(new Date(b.startsAt), b.timezone).slice(0, 2));
  return hour < 11 ? 'Breakfast' : hour < 16 ? 'Lunch' : 'Dinner';
}

/** What the event is called in the calendar ("Flight AF 1234 Paris → Lyon", "Hotel …", "Dinner at …"). */
export function eventSummary(b: Booking): string {
  const d = b.details;
  const journey = JOURNEY_WORDS[b.kind];
  if (journey && (label(d.from) || label(d.to))) return [journey, d.number, `${label(d.from) ?? '?'} → ${label(d.to) ?? '?'}`].filter(Boolean).join(' ');
  if (b.kind === 'LodgingReservation') return `Hotel: ${d.venue?.name ?? b.title}`;
  if (b.kind === 'FoodEstablishmentReservation') return `${meal(b)} at ${d.venue?.name ?? b.title}`;
  if (b.kind === 'RentalCarReservation') return `Car rental: ${d.provider ?? b.title}`;
  return b.title;
}

function location(b: Booking): string | null {
  const place = b.details.from ?? b.details.venue;
  if (!place) return null;
  return [place.name, place.code && place.code !== place.name ? `(${place.code})` : null, place.address].filter(Boolean).join(' ') || null;
}

const localTime = (iso: string, zone: string) => `${formatLocalTime(new Date(iso), zone)} ${zone}`;

/** What the traveller needs at hand: local times in their zones, the reservation, seat, gate, party. */
function description(b: Booking): string {
  const d = b.details;
  const endZone = d.endTimezone ?? b.timezone;
  const lines = [
    b.endsAt ? `${localTime(b.startsAt, b.timezone)} → ${localTime(b.endsAt, endZone)}` : localTime(b.startsAt, b.timezone),
    d.reservationNumber && `Reservation: ${d.reservationNumber}`,
    d.provider && `With: ${d.provider}`,
    d.underName && `Name: ${d.underName}`,
    d.to && `To: ${[d.to.name, d.to.code, d.to.address].filter(Boolean).join(', ')}`,
    d.departureTerminal && `Departure terminal: ${d.departureTerminal}`,
    d.arrivalTerminal && `Arrival terminal: ${d.arrivalTerminal}`,
    d.gate && `Gate: ${d.gate}`,
    d.seat && `Seat: ${d.seat}`,
    d.boardingTime && `Boarding: ${localTime(d.boardingTime, b.timezone)}`,
    d.doorsOpen && `Doors: ${localTime(d.doorsOpen, b.timezone)}`,
    d.partySize && `Party of ${d.partySize}`,
  ];
  return lines.filter(Boolean).join('\n');
}

const utc = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true);

/**
 * The calendar of one trip. `stampedAt`: each booking's DTSTAMP (when it entered the wallet), so the same
 * wallet gives the same bytes and the feed's ETag lets an app's next fetch end in a 304.
 */
export function tripCalendar(name: string, bookings: readonly { booking: Booking; stampedAt: string }[]): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Escale//Trip calendar//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', name);
  const refresh = new ICAL.Property('refresh-interval');
  refresh.resetType('duration');
  refresh.setValue(ICAL.Duration.fromString(REFRESH_INTERVAL));
  calendar.addProperty(refresh);
  calendar.addPropertyWithValue('x-published-ttl', REFRESH_INTERVAL);
  for (const { booking: b, stampedAt } of bookings) {
    const event = new ICAL.Component('vevent');
    // Stable per booking: an edit updates the app's event instead of adding another.
    event.addPropertyWithValue('uid', `${b.id}@escale`);
    event.addPropertyWithValue('dtstamp', utc(stampedAt));
    event.addPropertyWithValue('dtstart', utc(b.startsAt));
    // Without an end the event is an instant (RFC 5545 §3.6.1): no length is made up for a dinner.
    if (b.endsAt) event.addPropertyWithValue('dtend', utc(b.endsAt));
    event.addPropertyWithValue('summary', eventSummary(b));
    const where = location(b);
    if (where) event.addPropertyWithValue('location', where);
    event.addPropertyWithValue('description', description(b));
    event.addPropertyWithValue('status', 'CONFIRMED');
    event.addPropertyWithValue('transp', b.kind === 'LodgingReservation' ? 'TRANSPARENT' : 'OPAQUE');
    calendar.addSubcomponent(event);
  }
  return serialise(calendar);
}

/**
 * ical.js folds a line's first part at foldLength octets and each continuation at foldLength plus its
 * leading space; 74 keeps every line within RFC 5545's 75. Set and restored around a synchronous call, so
 * nothing else sees the module-wide setting changed.
 */
function serialise(calendar: InstanceType<typeof ICAL.Component>): string {
  const fold = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = fold;
  }
}
