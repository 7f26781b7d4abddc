/**
 * schema.org reservations (as JSON-LD, or microdata read into the same shape) into wallet drafts. Only what
 * the markup states is taken: a reservation type the wallet knows becomes a draft; anything else (an order,
 * a parcel, a web site's own description) is listed as skipped with its type, never guessed at.
 */
import { createHash } from 'node:crypto';
import { BOOKING_KINDS, BookingDetails, type Barcode, type BookingKind, type BookingPlace, type Evidence, type ImportDraft, type ImportSkipped } from '@escale/shared';
import { readInstant, type ReadInstant } from './instants.ts';

export type Thing = Record<string, unknown>;

export interface Extracted {
  drafts: ImportDraft[];
  skipped: ImportSkipped[];
}

/** Every kind but the agency offer, which is booked in the app and never arrives as markup. */
const RESERVATION_KINDS = new Set<string>(BOOKING_KINDS.filter((k) => k !== 'OfferReservation'));
/** Event types a page or a mail may describe without a reservation (schema.org's Event and its subtypes). */
const EVENT_TYPES = new Set(['Event', 'BusinessEvent', 'ComedyEvent', 'DanceEvent', 'EducationEvent', 'ExhibitionEvent', 'Festival', 'MusicEvent', 'SocialEvent', 'SportsEvent', 'TheaterEvent']);
/** Structure that says nothing about a booking: not reported as skipped. */
const SCAFFOLDING = new Set(['WebSite', 'WebPage', 'ImageObject', 'SearchAction', 'BreadcrumbList', 'ListItem', 'Organization', 'Person', 'ViewAction', 'ConfirmAction']);

/** A type name without its vocabulary prefix ("http://schema.org/FlightReservation" → "FlightReservation"). */
export function typeName(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  return first.replace(/^https?:\/\/schema\.org\//, '').replace(/^schema:/, '');
}

const isThing = (v: unknown): v is Thing => typeof v === 'object' && v !== null && !Array.isArray(v);
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
function str(v: unknown, max = 300): string | null {
  const value = one(v);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return isThing(value) && typeof value['@value'] === 'string' ? str(value['@value'], max) : null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}
const thing = (v: unknown): Thing | null => (isThing(one(v)) ? (one(v) as Thing) : null);

/** Every object of a JSON-LD document worth looking at: top-level arrays and `@graph`s flattened. */
export function topLevelThings(doc: unknown): Thing[] {
  if (Array.isArray(doc)) return doc.flatMap(topLevelThings);
  if (!isThing(doc)) return [];
  if (Array.isArray(doc['@graph'])) return doc['@graph'].flatMap(topLevelThings);
  return [doc];
}

/** A postal address as one line ("Mollstrasse 4, 10178 Berlin, Germany"), from a string or a PostalAddress. */
function addressLine(v: unknown): string | null {
  if (typeof one(v) === 'string') return str(v, 500);
  const a = thing(v);
  if (!a) return null;
  const locality = [str(a.postalCode), str(a.addressLocality)].filter(Boolean).join(' ');
  const parts = [str(a.streetAddress), locality, str(a.addressRegion) !== str(a.addressLocality) ? str(a.addressRegion) : null, str(thing(a.addressCountry)?.name) ?? str(a.addressCountry)];
  const line = parts.filter((p): p is string => Boolean(p)).join(', ');
  return line === '' ? null : line.slice(0, 500);
}

function coordinate(v: unknown, limit: number): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

function placeOf(v: unknown, code?: unknown): BookingPlace | null {
  if (typeof one(v) === 'string') return { name: str(v), code: null, address: null, lat: null, lon: null };
  const p = thing(v);
  if (!p) return null;
  const geo = thing(p.geo);
  const place: BookingPlace = {
    name: str(p.name),
    code: str(code ?? p.iataCode, 20),
    address: addressLine(p.address),
    lat: geo ? coordinate(geo.latitude, 90) : null,
    lon: geo ? coordinate(geo.longitude, 180) : null,
  };
  // 0,0 is the Gulf of Guinea, and what broken markup says for "unknown".
  if (place.lat === 0 && place.lon === 0) Object.assign(place, { lat: null, lon: null });
  return place.name || place.code || place.address ? place : null;
}

/** A ticket token ("qrCode:…", "aztecCode:…", "barcode128:…", "pdf417:…") as a code to draw; a URL is not one. */
export function barcodeOf(reservation: Thing): Barcode | null {
  const ticket = thing(reservation.reservedTicket);
  const token = str(ticket?.ticketToken, 4096);
  if (!token) return null;
  const m = /^(qrCode|aztecCode|barcode128|pdf417|code128):(.+)$/is.exec(token);
  if (!m) return null;
  const format = ({ qrcode: 'qr', azteccode: 'aztec', barcode128: 'code128', code128: 'code128', pdf417: 'pdf417' } as const)[m[1]!.toLowerCase() as 'qrcode'];
  return { format, message: m[2]!, altText: str(ticket?.ticketNumber, 200) ?? str(reservation.reservationNumber, 200) };
}

function seatOf(reservation: Thing): string | null {
  const ticket = thing(reservation.reservedTicket);
  const seat = thing(ticket?.ticketedSeat);
  const parts = [str(seat?.seatSection), str(seat?.seatRow), str(seat?.seatNumber)].filter(Boolean);
  return str(reservation.airplaneSeat, 80) ?? (parts.length > 0 ? parts.join(' ').slice(0, 80) : null);
}

/** The fingerprint of a reservation: its kind, number and start, whatever file it came in. */
export function fingerprint(...parts: (string | null | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 40);
}

interface Timed {
  start: ReadInstant;
  end: ReadInstant | null;
}

function draft(kind: BookingKind, title: string, times: Timed, reservation: Thing, details: Partial<BookingDetails>, warnings: Evidence[], source: ImportDraft['source']): ImportDraft {
  const status = /cancel/i.test(str(reservation.reservationStatus) ?? '') ? 'cancelled' : 'confirmed';
  const parsedDetails = BookingDetails.parse({
    reservationNumber: str(reservation.reservationNumber, 100),
    underName: str(thing(reservation.underName)?.name, 200),
    barcode: barcodeOf(reservation),
    ...details,
    ...(times.end && times.end.zone !== times.start.zone ? { endTimezone: times.end.zone } : {}),
  });
  const notes = [times.start.warning, times.end?.warning].filter((w): w is Evidence => Boolean(w));
  // The same warning for both ends is said once.
  const unique = [...new Map([...notes, ...warnings].map((w) => [JSON.stringify(w), w])).values()];
  const ends = times.end && Date.parse(times.end.iso) >= Date.parse(times.start.iso) ? times.end.iso : null;
  return {
    kind,
    title: title.slice(0, 300),
    placeId: null,
    startsAt: times.start.iso,
    endsAt: ends,
    timezone: times.start.zone,
    source,
    status,
    details: parsedDetails,
    fingerprint: fingerprint(kind, parsedDetails.reservationNumber, times.start.iso, parsedDetails.number ?? title),
    warnings: unique,
    duplicateOf: null,
  };
}

const arrow = (from: BookingPlace | null, to: BookingPlace | null) => [from?.code ?? from?.name, to?.code ?? to?.name].filter(Boolean).join(' → ');

/** Reads each reservation (or bare event) of a document; `tripZone` is where floating times are read. */
export function extractReservations(doc: unknown, tripZone: string, source: ImportDraft['source']): Extracted {
  const out: Extracted = { drafts: [], skipped: [] };
  const time = (v: unknown, zone?: string | null) => {
    // KItinerary writes {"@type":"QDateTime","@value":…,"timezone":…}.
    const t = thing(v);
    return t && typeof t['@value'] === 'string' ? readInstant(t['@value'], tripZone, str(t.timezone, 64) ?? zone) : readInstant(one(v), tripZone, zone);
  };
  const missingTime = (what: string) => out.skipped.push({ what, reason: { key: 'wallet.import.no_date', params: {} } });

  for (const item of topLevelThings(doc)) {
    const type = typeName(item['@type']);
    if (type === null) continue;
    if (RESERVATION_KINDS.has(type)) {
      // A reservation may be for several trips at once (a return flight in one reservation).
      const targets = Array.isArray(item.reservationFor) ? item.reservationFor : [item.reservationFor];
      for (const target of targets) readReservation(type as BookingKind, item, thing(target) ?? {});
    } else if (EVENT_TYPES.has(type)) {
      readReservation('EventReservation', {}, item, [{ key: 'wallet.import.not_a_reservation', params: {} }]);
    } else if (!SCAFFOLDING.has(type)) {
      out.skipped.push({ what: str(item.name) ?? type, reason: { key: 'wallet.import.not_a_booking', params: { type } } });
    }
  }
  return out;

  function readReservation(kind: BookingKind, r: Thing, f: Thing, warnings: Evidence[] = []): void {
    switch (kind) {
      case 'FlightReservation': {
        const from = placeOf(f.departureAirport);
        const to = placeOf(f.arrivalAirport);
        const start = time(f.departureTime);
        if (!start) return void missingTime(`${str(thing(f.airline)?.iataCode) ?? ''} ${str(f.flightNumber) ?? ''}`.trim() || 'Flight');
        const airline = thing(f.airline);
        const number = [str(airline?.iataCode, 3), str(f.flightNumber, 10)].filter(Boolean).join(' ') || null;
        const title = [number ?? str(airline?.name) ?? 'Flight', arrow(from, to)].filter(Boolean).join(' ');
        const boarding = time(f.boardingTime ?? r.boardingTime);
        out.drafts.push(
          draft(
            'FlightReservation',
            title,
            { start, end: time(f.arrivalTime) },
            r,
            {
              provider: str(airline?.name, 200) ?? str(airline?.iataCode),
              number,
              from,
              to,
              departureTerminal: str(f.departureTerminal, 40),
              arrivalTerminal: str(f.arrivalTerminal, 40),
              gate: str(f.departureGate, 40),
              seat: seatOf(r),
              boardingTime: boarding?.iso ?? null,
            },
            warnings,
            source,
          ),
        );
        return;
      }
      case 'TrainReservation':
      case 'BusReservation': {
        const train = kind === 'TrainReservation';
        const from = placeOf(train ? f.departureStation : (f.departureBusStop ?? f.departureStation));
        const to = placeOf(train ? f.arrivalStation : (f.arrivalBusStop ?? f.arrivalStation));
        const number = str(train ? (f.trainNumber ?? f.trainName) : (f.busNumber ?? f.busName), 40);
        const start = time(f.departureTime);
        if (!start) return void missingTime(number ?? (train ? 'Train' : 'Bus'));
        const title = [number ?? (train ? 'Train' : 'Bus'), arrow(from, to)].filter(Boolean).join(' ');
        out.drafts.push(
          draft(
            kind,
            title,
            { start, end: time(f.arrivalTime) },
            r,
            {
              provider: str(thing(f.provider)?.name, 200) ?? str(thing(r.provider)?.name, 200),
              number,
              from,
              to,
              departureTerminal: str(f.departurePlatform, 40),
              arrivalTerminal: str(f.arrivalPlatform, 40),
              seat: seatOf(r),
            },
            warnings,
            source,
          ),
        );
        return;
      }
      case 'LodgingReservation': {
        const venue = placeOf(f);
        const start = time(r.checkinTime ?? r.checkinDate);
        if (!start) return void missingTime(venue?.name ?? 'Hotel');
        out.drafts.push(draft(kind, venue?.name ?? 'Hotel', { start, end: time(r.checkoutTime ?? r.checkoutDate) }, r, { provider: str(thing(r.provider)?.name, 200), venue }, warnings, source));
        return;
      }
      case 'FoodEstablishmentReservation': {
        const venue = placeOf(f);
        const start = time(r.startTime ?? r.startDate);
        if (!start) return void missingTime(venue?.name ?? 'Table');
        const party = Number(str(r.partySize));
        out.drafts.push(
          draft(
            kind,
            venue?.name ?? 'Table',
            { start, end: time(r.endTime ?? r.endDate) },
            r,
            { venue, partySize: Number.isInteger(party) && party >= 1 && party <= 100 ? party : null },
            warnings,
            source,
          ),
        );
        return;
      }
      case 'RentalCarReservation': {
        const from = placeOf(r.pickupLocation);
        const to = placeOf(r.dropoffLocation);
        const start = time(r.pickupTime);
        const company = str(thing(f.rentalCompany)?.name, 200) ?? str(thing(r.provider)?.name, 200) ?? str(thing(f.brand)?.name, 200);
        if (!start) return void missingTime(company ?? 'Rental car');
        const title = [company ?? 'Rental car', str(f.name)].filter(Boolean).join(' · ');
        out.drafts.push(draft(kind, title, { start, end: time(r.dropoffTime) }, r, { provider: company, from, to }, warnings, source));
        return;
      }
      case 'EventReservation': {
        const venue = placeOf(f.location);
        const start = time(f.startDate);
        const name = str(f.name) ?? 'Event';
        if (!start) return void missingTime(name);
        const doors = time(f.doorTime);
        out.drafts.push(
          draft(kind, name, { start, end: time(f.endDate) }, r, { provider: str(thing(f.organizer)?.name, 200), venue, seat: seatOf(r), doorsOpen: doors?.iso ?? null }, warnings, source),
        );
        return;
      }
      case 'OfferReservation':
        return;
    }
  }
}
