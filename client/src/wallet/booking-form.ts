/**
 * The add/edit form's rules, apart from its looks: a booking as the form's text fields (dates and times
 * read on the clock of the zone they happen in), and back, with a message per field for what is wrong.
 * The last word is the shared contract (BookingEdit), so the form accepts exactly what the server does.
 */
import { BookingDetails, BookingEdit, type Booking, type BookingKind, type BookingPlace, isTimeZone, localParts, toZonedIso, zonedTimeToUtc } from '@escale/shared';
import { isTransport } from './booking-format.ts';

export const FORM_KINDS: BookingKind[] = ['FlightReservation', 'TrainReservation', 'BusReservation', 'LodgingReservation', 'EventReservation', 'FoodEstablishmentReservation', 'RentalCarReservation'];

export interface BookingForm {
  kind: BookingKind;
  title: string;
  timezone: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** A journey's arrival zone, when it differs (a flight to New York). */
  endTimezone: string;
  venueName: string;
  venueAddress: string;
  fromName: string;
  toName: string;
  provider: string;
  number: string;
  reservationNumber: string;
  seat: string;
  partySize: string;
}
export type FormField = keyof BookingForm;
/** An i18n key under wallet.form.error, per field. */
export type FormErrors = Partial<Record<FormField, string>>;

const pad = (n: number) => String(n).padStart(2, '0');
function wallClock(instant: string | null, zone: string): { date: string; time: string } {
  if (!instant) return { date: '', time: '' };
  const p = localParts(new Date(instant), zone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

export function formOf(b: Booking | null, defaultZone: string): BookingForm {
  const zone = b?.timezone ?? defaultZone;
  const endZone = b?.details.endTimezone ?? '';
  const start = wallClock(b?.startsAt ?? null, zone);
  const end = wallClock(b?.endsAt ?? null, endZone || zone);
  const d = b?.details;
  return {
    kind: b?.kind ?? 'EventReservation',
    title: b?.title ?? '',
    timezone: zone,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    endTimezone: endZone,
    venueName: d?.venue?.name ?? '',
    venueAddress: d?.venue?.address ?? '',
    fromName: d?.from?.name ?? d?.from?.code ?? '',
    toName: d?.to?.name ?? d?.to?.code ?? '',
    provider: d?.provider ?? '',
    number: d?.number ?? '',
    reservationNumber: d?.reservationNumber ?? '',
    seat: d?.seat ?? '',
    partySize: d?.partySize ? String(d.partySize) : '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function instant(date: string, time: string, zone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return toZonedIso(zonedTimeToUtc({ year, month, day, hour, minute }, zone), zone);
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());
/** A place kept from the booking being edited when its name did not change (its coordinates stay). */
function placeFrom(name: string, address: string | null, earlier: BookingPlace | null | undefined): BookingPlace | null {
  if (!text(name) && !address) return null;
  if (earlier && (earlier.name ?? earlier.code ?? '') === name.trim() && (address === null || earlier.address === address)) return earlier;
  return { name: text(name), code: null, address, lat: null, lon: null };
}

/** The form as a booking edit, or what is wrong, field by field. `earlier` keeps what the form does not show. */
export function editOf(form: BookingForm, earlier: Booking | null): { edit: BookingEdit } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!text(form.title)) errors.title = 'titleRequired';
  if (!isTimeZone(form.timezone)) errors.timezone = 'zone';
  if (form.endTimezone && !isTimeZone(form.endTimezone)) errors.endTimezone = 'zone';
  if (!DATE.test(form.startDate)) errors.startDate = 'dateRequired';
  if (!TIME.test(form.startTime)) errors.startTime = 'timeRequired';
  const hasEnd = form.endDate !== '' || form.endTime !== '';
  if (hasEnd && !DATE.test(form.endDate)) errors.endDate = 'endIncomplete';
  if (hasEnd && !TIME.test(form.endTime)) errors.endTime = 'endIncomplete';
  const party = form.partySize.trim() === '' ? null : Number(form.partySize);
  if (party !== null && (!Number.isInteger(party) || party < 1 || party > 100)) errors.partySize = 'party';
  if (Object.keys(errors).length > 0) return { errors };

  const startsAt = instant(form.startDate, form.startTime, form.timezone);
  const endZone = form.endTimezone || form.timezone;
  const endsAt = hasEnd ? instant(form.endDate, form.endTime, endZone) : null;
  if (endsAt && Date.parse(endsAt) < Date.parse(startsAt)) return { errors: { endDate: 'endBeforeStart' } };
  const journey = isTransport(form.kind);
  const details = BookingDetails.parse({
    ...(earlier?.details ?? {}),
    provider: text(form.provider),
    number: journey ? text(form.number) : null,
    reservationNumber: text(form.reservationNumber),
    seat: text(form.seat),
    partySize: party,
    endTimezone: journey && form.endTimezone && form.endTimezone !== form.timezone ? form.endTimezone : null,
    venue: journey ? null : placeFrom(form.venueName, text(form.venueAddress), earlier?.details.venue),
    from: journey ? placeFrom(form.fromName, null, earlier?.details.from) : null,
    to: journey ? placeFrom(form.toName, null, earlier?.details.to) : null,
  });
  const parsed = BookingEdit.safeParse({ kind: form.kind, title: form.title.trim(), placeId: earlier?.placeId ?? null, startsAt, endsAt, timezone: form.timezone, details });
  if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [fieldOf(i.path), 'invalid'])) };
  return { edit: parsed.data };
}

/** Where a contract issue belongs in the form (a detail's path names the field; the rest goes to the title). */
function fieldOf(path: readonly PropertyKey[]): FormField {
  const key = String(path.at(-1) ?? 'title');
  const known: Record<string, FormField> = {
    startsAt: 'startDate',
    endsAt: 'endDate',
    timezone: 'timezone',
    name: path.includes('venue') ? 'venueName' : path.includes('from') ? 'fromName' : 'toName',
  };
  return known[key] ?? ((key in formOf(null, 'UTC') ? key : 'title') as FormField);
}
