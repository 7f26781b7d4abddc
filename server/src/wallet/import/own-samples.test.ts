/**
 * Escale's own samples (data/samples/, one per kind of file, every reservation kind among them) import with
 * what they say: the kinds, the instants, the zones, the codes. The pass is rebuilt from its pass.json to the
 * same bytes (scripts/wallet/build-sample-passes.ts), so the committed file cannot drift from its source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPass } from '../../../../scripts/wallet/build-sample-passes.ts';
import { readImport } from './import-file.ts';

const DIR = path.resolve(import.meta.dirname, '../../../../data/samples');
const read = (name: string) => readImport(name, new Uint8Array(fs.readFileSync(path.join(DIR, name))), { tripZone: 'Europe/Paris' });
const at = (iso: string) => new Date(iso).toISOString();

describe("Escale's own wallet samples", () => {
  it('a quoted-printable flight e-mail: both ends, the seat and the code', async () => {
    const { format, drafts } = await read('lea-flight-air-france.eml');
    expect(format).toBe('email');
    expect(drafts).toHaveLength(1);
    const [flight] = drafts;
    expect(flight).toMatchObject({
      kind: 'FlightReservation',
      title: 'AF 347 YUL → CDG',
      timezone: 'Etc/GMT+5',
      details: { seat: '32K', arrivalTerminal: '2E', endTimezone: 'Europe/Paris', barcode: { format: 'qr' } },
    });
    expect([at(flight!.startsAt), at(flight!.endsAt!)]).toEqual(['2026-12-19T00:05:00.000Z', '2026-12-19T07:10:00.000Z']);
  });

  it('a base64 HTML e-mail with two reservations, one in microdata and one in JSON-LD; its script is never run', async () => {
    const { drafts } = await read('marc-table-and-show.eml');
    expect(drafts.map((d) => [d.kind, d.title, at(d.startsAt)]).sort()).toEqual([
      ['EventReservation', 'Stand-up night', '2026-12-16T20:00:00.000Z'],
      ['FoodEstablishmentReservation', 'La Table de Colette', '2026-12-15T19:00:00.000Z'],
    ]);
    const table = drafts.find((d) => d.kind === 'FoodEstablishmentReservation')!;
    expect(table.details).toMatchObject({ partySize: 2, venue: { address: '17 Rue Laplace, 75005 Paris', lat: 48.847284, lon: 2.347253 } });
    expect(drafts.find((d) => d.kind === 'EventReservation')!.details).toMatchObject({ seat: 'C 12', doorsOpen: '2026-12-16T20:30:00+01:00' });
  });

  it('a JSON-LD @graph: a stay, a rental car, a train and a bus', async () => {
    const { drafts } = await read('martins-barcelona-then-lyon.json');
    expect(drafts.map((d) => d.kind).sort()).toEqual(['BusReservation', 'LodgingReservation', 'RentalCarReservation', 'TrainReservation']);
    expect(drafts.find((d) => d.kind === 'TrainReservation')).toMatchObject({
      title: 'TGV 9702 Barcelona-Sants → Lyon Part-Dieu',
      details: { seat: 'Car 14 61-64', barcode: { format: 'aztec', message: 'TGV4410MARTIN4' } },
    });
  });

  it('a conference calendar: daily sessions with a day off, a keynote, a floating dinner, an all-day event', async () => {
    const { drafts } = await read('marc-conference.ics');
    expect(drafts.map((d) => [d.title, d.startsAt, d.endsAt])).toEqual([
      ['Conference sessions', '2026-12-14T09:15:00+01:00', '2026-12-14T12:30:00+01:00'],
      ['Conference sessions', '2026-12-15T09:15:00+01:00', '2026-12-15T12:30:00+01:00'],
      ['Conference sessions', '2026-12-17T09:15:00+01:00', '2026-12-17T12:30:00+01:00'],
      ['Closing keynote', '2026-12-17T16:00:00+01:00', '2026-12-17T17:30:00+01:00'],
      ['Team dinner at Zakuro', '2026-12-14T19:30:00+01:00', '2026-12-14T21:30:00+01:00'],
      ['Free day', '2026-12-16T00:00:00+01:00', '2026-12-17T00:00:00+01:00'],
    ]);
    expect(drafts[0]!.details.venue).toMatchObject({ name: 'Amphithéâtre Rohan', lat: 48.862727, lon: 2.334787 });
  });

  it('an Apple Wallet event ticket: venue, seat and QR code, its manifest verified and its missing signature said', async () => {
    const preview = await read('lea-concert.pkpass');
    expect(preview.drafts[0]).toMatchObject({
      kind: 'EventReservation',
      title: 'Winter concert',
      startsAt: '2026-12-19T20:00:00+01:00',
      endsAt: '2026-12-19T22:30:00+01:00',
      details: { seat: 'Orchestre / A / 14', venue: { name: "Théâtre de l'Olympia", lat: 48.870244 }, barcode: { format: 'qr', message: 'OLY-2026-1219-A14' } },
    });
    expect(preview.passes).toEqual([{ manifest: 'verified', signature: 'absent' }]);
    expect(Buffer.from(buildPass(fs.readFileSync(path.join(DIR, 'pkpass/lea-concert.pass.json')))).equals(fs.readFileSync(path.join(DIR, 'lea-concert.pkpass')))).toBe(true);
  });
});
