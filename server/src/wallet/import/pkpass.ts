/**
 * Apple Wallet passes (.pkpass: a zip holding pass.json, its images, manifest.json and a signature; .pkpasses:
 * a zip of passes). Each entry's declared size is checked against the limits before it is inflated, and a
 * pass whose entries add up to more, or compress suspiciously well (a zip bomb), is refused whole; an entry
 * that inflates beyond what it declared is cut at the declared size (fflate writes into a buffer of that size).
 *
 * The manifest's SHA-1 of every file is checked; the PKCS #7 signature is not (Escale holds no issuer
 * certificates), and the preview says so. A boarding pass's IATA bar code (BCBP) gives the flight.
 */
import { createHash } from 'node:crypto';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { BookingDetails, IMPORT_LIMITS, type Barcode, type BookingKind, type Evidence, type ImportDraft, type PassIntegrity } from '@escale/shared';
import { readInstant } from './instants.ts';
import { ImportRefused, refuse } from './refusal.ts';
import { fingerprint, type Extracted } from './schema-org.ts';

/** An entry's inflated size may not exceed its compressed size by more than this (a bomb's ratio is in the thousands). */
const MAX_RATIO = 200;

export interface PassesRead extends Extracted {
  passes: PassIntegrity[];
}

/** Unpacks a zip within the limits, or refuses it whole. */
export function unzipBounded(bytes: Uint8Array, what: string): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('malformed', `This ${what} is not a zip archive (a .pkpass is one): the file is damaged or not a pass.`);
  let entries = 0;
  let declared = 0;
  // The filter sees each entry's declared sizes before it is inflated: a refusal there stops the unpacking.
  const withinLimits = (file: UnzipFileInfo) => {
    declared += file.originalSize;
    if (++entries > IMPORT_LIMITS.maxZipEntries) refuse('too_many_items', `This ${what} holds more than ${IMPORT_LIMITS.maxZipEntries} files.`);
    const suspicious = file.originalSize > 1024 * 1024 && file.originalSize > file.size * MAX_RATIO;
    if (declared > IMPORT_LIMITS.maxUnzippedBytes || suspicious)
      refuse('zip_bomb', `This ${what} would unpack to more than ${IMPORT_LIMITS.maxUnzippedBytes / (1024 * 1024)} MB (or compresses suspiciously well): refused unread.`);
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: withinLimits });
  } catch (err) {
    if (err instanceof ImportRefused) throw err;
    return refuse('malformed', `This ${what} is a damaged zip archive (${err instanceof Error ? err.message : String(err)}).`);
  }
  return files;
}

interface Field {
  key?: unknown;
  label?: unknown;
  value?: unknown;
}
type PassJson = Record<string, unknown>;

const STYLES = ['boardingPass', 'eventTicket', 'generic', 'coupon', 'storeCard'] as const;
const FORMATS: Record<string, Barcode['format']> = { PKBarcodeFormatQR: 'qr', PKBarcodeFormatPDF417: 'pdf417', PKBarcodeFormatAztec: 'aztec', PKBarcodeFormatCode128: 'code128' };

const s = (v: unknown, max = 300): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : typeof v === 'number' ? String(v) : null);

/** The fields of a pass style, every group, in the order a pass shows them. */
function fieldsOf(style: Record<string, unknown>): Field[] {
  return ['headerFields', 'primaryFields', 'secondaryFields', 'auxiliaryFields', 'backFields'].flatMap((g) => (Array.isArray(style[g]) ? (style[g] as Field[]) : []));
}
const fieldWhere = (fields: Field[], pattern: RegExp): string | null => s(fields.find((f) => pattern.test(String(f.key ?? '')) || pattern.test(String(f.label ?? '')))?.value);

function barcodeOfPass(pass: PassJson): Barcode | null {
  const list = Array.isArray(pass.barcodes) ? (pass.barcodes as unknown[]) : pass.barcode ? [pass.barcode] : [];
  for (const b of list) {
    const code = b as { format?: unknown; message?: unknown; altText?: unknown };
    const format = FORMATS[String(code.format)];
    const message = s(code.message, 4096);
    if (format && message) return { format, message, altText: s(code.altText, 200) };
  }
  return null;
}

/** The mandatory items of an IATA bar-coded boarding pass (Resolution 792): a flight, fixed-width. */
export function readBcbp(message: string): { pnr: string; from: string; to: string; carrier: string; flight: string; seat: string | null; name: string } | null {
  if (!/^M[1-4]/.test(message) || message.length < 58) return null;
  const field = (from: number, to: number) => message.slice(from, to).trim();
  const flight = field(39, 44).replace(/^0+/, '');
  const seat = field(48, 52).replace(/^0+/, '');
  // A message that does not follow the layout (a field missing, shifting the rest) is not read at all.
  if (message[22] !== 'E' && message[22] !== ' ') return null;
  if (!/^[A-Z]{3}$/.test(field(30, 33)) || !/^[A-Z]{3}$/.test(field(33, 36)) || !/^[A-Z0-9]{2,3}$/.test(field(36, 39)) || !/^\d{1,4}[A-Z]?$/.test(flight)) return null;
  return { name: field(2, 22), pnr: field(23, 30), from: field(30, 33), to: field(33, 36), carrier: field(36, 39), flight, seat: seat === '' ? null : seat };
}

function integrityOf(files: Record<string, Uint8Array>): PassIntegrity {
  const signature = files.signature ? 'present_not_verified' : 'absent';
  const raw = files['manifest.json'];
  if (!raw) return { manifest: 'missing', signature };
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as Record<string, unknown>;
  } catch {
    return { manifest: 'mismatch', signature };
  }
  for (const [name, bytes] of Object.entries(files)) {
    if (name === 'manifest.json' || name === 'signature' || name.endsWith('/')) continue;
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    if (manifest[name] !== sha1) return { manifest: 'mismatch', signature };
  }
  return { manifest: 'verified', signature };
}

/** One pass, unpacked. */
function readPass(files: Record<string, Uint8Array>, tripZone: string, out: PassesRead): void {
  const raw = files['pass.json'];
  if (!raw) return refuse('malformed', 'This pass has no pass.json: it is not an Apple Wallet pass.');
  let pass: PassJson;
  try {
    pass = JSON.parse(new TextDecoder().decode(raw).replace(/^\uFEFF/, '')) as PassJson;
  } catch {
    return refuse('malformed', 'This pass’s pass.json is not valid JSON.');
  }
  out.passes.push(integrityOf(files));
  const styleName = STYLES.find((k) => typeof pass[k] === 'object' && pass[k] !== null);
  const style = (styleName ? pass[styleName] : {}) as Record<string, unknown>;
  const fields = fieldsOf(style);
  const semantics = (typeof pass.semantics === 'object' && pass.semantics !== null ? pass.semantics : {}) as Record<string, unknown>;
  const description = s(pass.description) ?? s(pass.organizationName) ?? 'Pass';
  const startInfo = (semantics.eventStartDateInfo ?? {}) as { date?: unknown };
  const when = readInstant(semantics.currentDepartureDate ?? semantics.originalDepartureDate ?? semantics.eventStartDate ?? startInfo.date ?? pass.relevantDate, tripZone);
  if (!when || styleName === 'storeCard' || styleName === 'coupon') {
    const organisation = s(pass.organizationName);
    const what = organisation && !description.includes(organisation) ? `${organisation} ${description}` : description;
    out.skipped.push({
      what,
      reason: { key: styleName === 'storeCard' || styleName === 'coupon' ? 'wallet.import.pass_not_a_booking' : 'wallet.import.no_date', params: { style: styleName ?? 'unknown' } },
    });
    return;
  }
  const barcode = barcodeOfPass(pass);
  const location = Array.isArray(pass.locations) ? (pass.locations[0] as { latitude?: unknown; longitude?: unknown } | undefined) : undefined;
  const lat = typeof location?.latitude === 'number' && Math.abs(location.latitude) <= 90 ? location.latitude : null;
  const lon = typeof location?.longitude === 'number' && Math.abs(location.longitude) <= 180 ? location.longitude : null;
  const warnings: Evidence[] = when.warning ? [when.warning] : [];
  let kind: BookingKind = 'EventReservation';
  let title = description;
  const seats = Array.isArray(semantics.seats) ? (semantics.seats as Record<string, unknown>[]) : [];
  const semanticSeat = seats[0] ? [s(seats[0].seatSection), s(seats[0].seatRow), s(seats[0].seatNumber)].filter(Boolean).join(' / ') || null : null;
  const details: Partial<BookingDetails> = { provider: s(pass.organizationName, 200), barcode, seat: semanticSeat ?? fieldWhere(fields, /seat/i) };

  if (styleName === 'boardingPass') {
    const transit = String(style.transitType ?? '');
    kind = transit === 'PKTransitTypeTrain' ? 'TrainReservation' : transit === 'PKTransitTypeBus' ? 'BusReservation' : transit === 'PKTransitTypeAir' ? 'FlightReservation' : 'EventReservation';
    const bcbp = barcode ? readBcbp(barcode.message) : null;
    const primary = Array.isArray(style.primaryFields) ? (style.primaryFields as Field[]) : [];
    const from = s(semantics.departureAirportCode) ?? bcbp?.from ?? s(primary[0]?.value, 20);
    const to = s(semantics.destinationAirportCode) ?? bcbp?.to ?? s(primary[1]?.value, 20);
    const number = s(semantics.flightCode) ?? (bcbp ? `${bcbp.carrier} ${bcbp.flight}` : fieldWhere(fields, /flight|train|zug/i));
    title = [number ?? description, [from, to].filter(Boolean).join(' → ')].filter(Boolean).join(' ');
    Object.assign(details, {
      number,
      reservationNumber: bcbp?.pnr ?? fieldWhere(fields, /locator|booking|pnr|buchung/i),
      underName: bcbp?.name.replace('/', ' ') ?? fieldWhere(fields, /passenger|name/i),
      from: from ? { name: s(primary[0]?.label), code: from, address: null, lat: null, lon: null } : null,
      to: to ? { name: s(primary[1]?.label), code: to, address: null, lat: null, lon: null } : null,
      gate: fieldWhere(fields, /gate/i),
      departureTerminal: fieldWhere(fields, /terminal/i),
      seat: bcbp?.seat ?? details.seat ?? null,
    });
    const boarding = readInstant(semantics.currentBoardingDate ?? semantics.originalBoardingDate, tripZone);
    if (boarding) details.boardingTime = boarding.iso;
    // Airlines put the boarding time in relevantDate; a semantic departure date is the departure.
    if (!semantics.currentDepartureDate && !semantics.originalDepartureDate) {
      details.boardingTime = when.iso;
      warnings.push({ key: 'wallet.import.boarding_time_only', params: {} });
    }
  } else {
    const venue = s(semantics.venueName) ?? fieldWhere(fields, /venue|location|ort|hotel/i);
    title = s(semantics.eventName) ?? fieldWhere(fields, /event|title/i) ?? description;
    details.venue = venue || lat !== null ? { name: venue, code: null, address: s(semantics.venueAddress ?? null, 500), lat, lon } : null;
    details.reservationNumber = fieldWhere(fields, /order|ticket.?(no|number)|booking|reservation/i);
    if (styleName === 'generic') warnings.push({ key: 'wallet.import.not_a_reservation', params: {} });
  }
  const end = readInstant(semantics.currentArrivalDate ?? semantics.originalArrivalDate ?? semantics.eventEndDate, tripZone);
  const parsed = BookingDetails.parse(details);
  const serial = s(pass.serialNumber, 200);
  const draft: ImportDraft = {
    kind,
    title: title.slice(0, 300),
    placeId: null,
    startsAt: when.iso,
    endsAt: end && Date.parse(end.iso) >= Date.parse(when.iso) ? end.iso : null,
    timezone: when.zone,
    source: 'pkpass',
    status: pass.voided === true ? 'cancelled' : 'confirmed',
    details: parsed,
    // A pass is identified by its type and serial number (Apple's own key for updates).
    fingerprint: serial ? fingerprint('pkpass', s(pass.passTypeIdentifier), serial) : fingerprint(kind, parsed.reservationNumber, when.iso, parsed.number ?? title),
    warnings,
    duplicateOf: null,
  };
  out.drafts.push(draft);
}

export function readPkpass(bytes: Uint8Array, tripZone: string): PassesRead {
  const out: PassesRead = { drafts: [], skipped: [], passes: [] };
  readPass(unzipBounded(bytes, 'pass'), tripZone, out);
  return out;
}

/** A .pkpasses bundle: a zip of .pkpass files, each read as above. */
export function readPkpasses(bytes: Uint8Array, tripZone: string): PassesRead {
  const out: PassesRead = { drafts: [], skipped: [], passes: [] };
  const inner = Object.entries(unzipBounded(bytes, 'bundle of passes')).filter(([name]) => name.toLowerCase().endsWith('.pkpass'));
  if (inner.length === 0) refuse('nothing_found', 'This bundle holds no .pkpass file.');
  if (inner.length > IMPORT_LIMITS.maxPasses) refuse('too_many_items', `This bundle holds ${inner.length} passes; at most ${IMPORT_LIMITS.maxPasses} at once.`);
  for (const [, pass] of inner) readPass(unzipBounded(pass, 'pass'), tripZone, out);
  return out;
}
