import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '@escale/shared';
import { readImport } from './import-file.ts';
import { readBcbp } from './pkpass.ts';
import { ImportRefused } from './refusal.ts';

const PARIS = { tripZone: 'Europe/Paris' };
const bytes = (text: string) => new TextEncoder().encode(text);
async function refusal(name: string, data: Uint8Array): Promise<ImportRefused> {
  try {
    await readImport(name, data, PARIS);
  } catch (err) {
    if (err instanceof ImportRefused) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body}END:VCALENDAR\r\n`;
const FLIGHT = {
  '@context': 'https://schema.org',
  '@type': 'FlightReservation',
  reservationNumber: 'ABC123',
  reservationFor: {
    '@type': 'Flight',
    flightNumber: '1234',
    airline: { '@type': 'Airline', iataCode: 'AF', name: 'Air France' },
    departureAirport: { '@type': 'Airport', iataCode: 'CDG' },
    arrivalAirport: { '@type': 'Airport', iataCode: 'YUL' },
    departureTime: '2026-12-10T10:30:00+01:00',
    arrivalTime: '2026-12-10T12:45:00-05:00',
  },
  reservedTicket: { '@type': 'Ticket', ticketToken: 'qrCode:M1DUPONT/LEA' },
};

describe('readImport', () => {
  it('reads a flight with both ends in their own zones, its code kept', async () => {
    const { drafts } = await readImport('confirmation.json', bytes(JSON.stringify(FLIGHT)), PARIS);
    expect(drafts).toHaveLength(1);
    const [flight] = drafts;
    expect(flight).toMatchObject({ kind: 'FlightReservation', title: 'AF 1234 CDG → YUL', startsAt: '2026-12-10T10:30:00+01:00', timezone: 'Europe/Paris', status: 'confirmed' });
    expect(Date.parse(flight!.endsAt!)).toBe(Date.parse('2026-12-10T17:45:00Z'));
    expect(flight!.details).toMatchObject({ reservationNumber: 'ABC123', provider: 'Air France', endTimezone: 'Etc/GMT+5', barcode: { format: 'qr', message: 'M1DUPONT/LEA' } });
  });

  it('ignores every script but JSON-LD in an HTML body, and takes text as text', async () => {
    const named = { ...FLIGHT, reservationFor: { ...FLIGHT.reservationFor, airline: { '@type': 'Airline', name: '<img src=x onerror=alert(1)>' } } };
    const html = `<html><script>window.stolen = document.cookie</script><script type="application/ld+json">${JSON.stringify(named)}</script></html>`;
    const { drafts } = await readImport('mail.html', bytes(html), PARIS);
    expect(drafts).toHaveLength(1);
    // Kept verbatim as data: the client renders it as text, never as HTML.
    expect(drafts[0]!.details.provider).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads microdata, a time without a zone read in the trip’s zone with a warning', async () => {
    const html = `<div itemscope itemtype="http://schema.org/FoodEstablishmentReservation"><meta itemprop="reservationNumber" content="T-42"><meta itemprop="startTime" content="2026-12-11T20:30:00"><meta itemprop="partySize" content="2"><div itemprop="reservationFor" itemscope itemtype="http://schema.org/FoodEstablishment"><span itemprop="name">Le Baratin</span></div></div>`;
    const { drafts } = await readImport('table.html', bytes(html), PARIS);
    expect(drafts[0]).toMatchObject({ kind: 'FoodEstablishmentReservation', title: 'Le Baratin', startsAt: '2026-12-11T20:30:00+01:00', details: { partySize: 2, reservationNumber: 'T-42' } });
    expect(drafts[0]!.warnings).toEqual([{ key: 'wallet.import.no_zone', params: { zone: 'Europe/Paris' } }]);
  });

  it('expands a recurrence with its exceptions, and reads DURATION and a custom VTIMEZONE', async () => {
    const vtimezone =
      'BEGIN:VTIMEZONE\r\nTZID:Conference Time\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n';
    const event =
      'BEGIN:VEVENT\r\nUID:talks@test\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Keynote\r\nDTSTART;TZID=Conference Time:20261207T090000\r\nDURATION:PT1H30M\r\nRRULE:FREQ=DAILY;COUNT=4\r\nEXDATE;TZID=Conference Time:20261208T090000\r\nEND:VEVENT\r\n';
    const { drafts } = await readImport('conference.ics', bytes(ics(vtimezone + event)), PARIS);
    expect(drafts.map((d) => [d.startsAt, d.endsAt])).toEqual([
      ['2026-12-07T09:00:00+01:00', '2026-12-07T10:30:00+01:00'],
      ['2026-12-09T09:00:00+01:00', '2026-12-09T10:30:00+01:00'],
      ['2026-12-10T09:00:00+01:00', '2026-12-10T10:30:00+01:00'],
    ]);
    expect(new Set(drafts.map((d) => d.fingerprint)).size).toBe(3);
  });

  it('reads an IANA TZID, an all-day event and a floating time', async () => {
    const events = [
      'BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Show\r\nDTSTART;TZID=America/New_York:20261210T200000\r\nEND:VEVENT\r\n',
      'BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Museum day\r\nDTSTART;VALUE=DATE:20261211\r\nEND:VEVENT\r\n',
      'BEGIN:VEVENT\r\nUID:c\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Dinner\r\nDTSTART:20261211T193000\r\nEND:VEVENT\r\n',
    ].join('');
    const { drafts } = await readImport('trip.ics', bytes(ics(events)), PARIS);
    expect(drafts.map((d) => [d.title, d.startsAt, d.timezone, d.warnings.map((w) => w.key).filter((k) => k !== 'wallet.import.calendar_event')])).toEqual([
      ['Show', '2026-12-10T20:00:00-05:00', 'America/New_York', []],
      ['Museum day', '2026-12-11T00:00:00+01:00', 'Europe/Paris', ['wallet.import.date_only']],
      ['Dinner', '2026-12-11T19:30:00+01:00', 'Europe/Paris', ['wallet.import.no_zone']],
    ]);
  });

  it('refuses a calendar whose event repeats ten thousand times, and one with ten thousand events', async () => {
    const repeating = ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Spam\r\nDTSTART:20261201T000000Z\r\nRRULE:FREQ=MINUTELY;COUNT=10000\r\nEND:VEVENT\r\n');
    expect((await refusal('spam.ics', bytes(repeating))).code).toBe('too_many_items');
    const many = ics(Array.from({ length: 10_000 }, (_, i) => `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261201T000000Z\r\nSUMMARY:E${i}\r\nEND:VEVENT\r\n`).join(''));
    expect((await refusal('many.ics', bytes(many))).code).toBe('too_many_items');
  });

  it('refuses a zip bomb unread, a damaged pass, an oversized file and an unknown format', async () => {
    const bomb = zipSync({ 'pass.json': strToU8('{}'), 'big.bin': new Uint8Array(IMPORT_LIMITS.maxUnzippedBytes + 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect((await refusal('bomb.pkpass', bomb)).code).toBe('zip_bomb');
    expect((await refusal('broken.pkpass', bomb.subarray(0, bomb.length >> 1))).code).toBe('malformed');
    expect((await refusal('huge.ics', new Uint8Array(IMPORT_LIMITS.maxBytes + 1))).code).toBe('too_large');
    expect((await refusal('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).code).toBe('unsupported_format');
    expect((await refusal('empty.eml', new Uint8Array())).code).toBe('malformed');
  });

  it('reads a boarding pass: the IATA bar code gives the flight, the manifest is checked, the signature said to be unchecked', async () => {
    const message = 'M1DUPONT/LEA          EABC123 CDGYULAF 0346 344Y012A0042 100';
    const pass = {
      formatVersion: 1,
      passTypeIdentifier: 'pass.test',
      serialNumber: 'S1',
      organizationName: 'Air France',
      description: 'Boarding pass',
      relevantDate: '2026-12-10T09:45+01:00',
      barcodes: [{ format: 'PKBarcodeFormatAztec', message, messageEncoding: 'iso-8859-1' }],
      boardingPass: {
        transitType: 'PKTransitTypeAir',
        primaryFields: [
          { key: 'origin', label: 'Paris', value: 'CDG' },
          { key: 'destination', label: 'Montréal', value: 'YUL' },
        ],
      },
    };
    const zip = zipSync({ 'pass.json': strToU8(JSON.stringify(pass)), signature: new Uint8Array([1, 2, 3]) });
    const preview = await readImport('af.pkpass', zip, PARIS);
    expect(preview.drafts[0]).toMatchObject({
      kind: 'FlightReservation',
      title: 'AF 346 CDG → YUL',
      startsAt: '2026-12-10T09:45:00+01:00',
      details: { seat: '12A', reservationNumber: 'ABC123', barcode: { format: 'aztec', message } },
    });
    expect(preview.passes).toEqual([{ manifest: 'missing', signature: 'present_not_verified' }]);
    expect(readBcbp(message)).toMatchObject({ from: 'CDG', to: 'YUL', carrier: 'AF', flight: '346', seat: '12A', pnr: 'ABC123' });
  });

  it('gives the same fingerprint to the same reservation from two files', async () => {
    const json = await readImport('a.json', bytes(JSON.stringify(FLIGHT)), PARIS);
    const html = await readImport('b.html', bytes(`<script type="application/ld+json">${JSON.stringify(FLIGHT)}</script>`), PARIS);
    expect(json.drafts[0]!.fingerprint).toBe(html.drafts[0]!.fingerprint);
  });
});
