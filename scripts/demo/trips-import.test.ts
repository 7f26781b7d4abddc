/**
 * Every wallet file a demo trip imports (data/personas/<trip>/, and the reused data/samples/ files) reads
 * through the wallet's own importer without a refusal or a skipped item, gives the bookings the trip says it
 * holds, and falls within the trip; and every wallet file in a trip's folder is imported by its trip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DemoTrip } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../server/src/wallet/import/import-file.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'data/personas');
const trips = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => DemoTrip.parse(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'))));
const DAY = 24 * 3_600_000;

describe('wallet files of the demo trips', () => {
  const imports = trips.flatMap((trip) => trip.steps.flatMap((step) => (step.kind === 'import' ? [[`${trip.id}: ${step.file}`, trip, step] as const] : [])));

  it.each(imports)('%s imports with the bookings it holds, within the trip', async (_, trip, step) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'data', step.file)));
    const window = { from: new Date(Date.parse(trip.startsAt) - DAY), until: new Date(Date.parse(trip.endsAt) + DAY) };
    const preview = await readImport(path.basename(step.file), bytes, { tripZone: trip.timeZone, window });
    expect(preview.skipped).toEqual([]);
    expect(preview.drafts.map((d) => d.kind).sort()).toEqual([...step.bookings].sort());
    for (const draft of preview.drafts) {
      // A booking overlaps the trip: a night flight may leave before the trip starts, never arrive after it.
      const [start, end] = [Date.parse(draft.startsAt), Date.parse(draft.endsAt ?? draft.startsAt)];
      expect(end, `${draft.title} ends before the trip`).toBeGreaterThanOrEqual(Date.parse(trip.startsAt));
      expect(start, `${draft.title} starts after the trip`).toBeLessThanOrEqual(Date.parse(trip.endsAt));
    }
  });

  it.each(trips.map((t) => [t.id, t] as const))('%s imports every wallet file of its folder', (_, trip) => {
    const folder = path.join(DIR, trip.id);
    if (!fs.existsSync(folder)) return;
    const files = fs.readdirSync(folder).filter((f) => /\.(eml|ics|json|pkpass)$/.test(f));
    const imported = new Set(trip.steps.flatMap((s) => (s.kind === 'import' ? [s.file] : [])));
    for (const file of files) expect(imported, file).toContain(`personas/${trip.id}/${file}`);
  });
});
