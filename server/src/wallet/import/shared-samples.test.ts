/**
 * Every booking sample written by others (../shared/data/wallet-samples) imports or is refused with a clear
 * reason, never anything else; where KItinerary's expected output sits beside a sample, each booking's start
 * is checked against it (the same instant). Skipped, with a message, when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from './import-file.ts';
import { ImportRefused } from './refusal.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../../../shared/data/wallet-samples');
const present = fs.existsSync(ROOT);
if (!present) console.warn(`wallet samples not found at ${ROOT}: the shared-samples tests are skipped`);

const inputs = present
  ? fs
      .readdirSync(ROOT, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.kitinerary-expected.json') && e.name !== 'MANIFEST.tsv')
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
  : [];

/** The instant a KItinerary reservation starts, as its JSON-LD says (QDateTime objects included). */
function expectedStart(r: Record<string, unknown>): number | null {
  const f = (r.reservationFor ?? {}) as Record<string, unknown>;
  const value = f.departureTime ?? r.checkinTime ?? r.checkinDate ?? f.startDate ?? r.startTime ?? r.pickupTime ?? f.boardingTime;
  const text = typeof value === 'object' && value !== null ? (value as { '@value'?: unknown })['@value'] : value;
  // Only instants with an offset: a floating time depends on KItinerary's own zone lookup.
  return typeof text === 'string' && /T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(text) ? Date.parse(text) : null;
}

describe.skipIf(!present)('the shared wallet samples', () => {
  it('finds the samples', () => expect(inputs.length).toBeGreaterThanOrEqual(70));

  it.each(inputs.map((f) => [path.relative(ROOT, f), f]))('%s imports or is refused with a reason', async (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let preview;
    try {
      preview = await readImport(path.basename(file), bytes, { tripZone: 'Europe/Paris' });
    } catch (err) {
      expect(err).toBeInstanceOf(ImportRefused);
      expect((err as ImportRefused).message.length).toBeGreaterThan(20);
      return;
    }
    expect(preview.drafts.length).toBeGreaterThan(0);
    for (const d of preview.drafts) expect(Number.isNaN(Date.parse(d.startsAt))).toBe(false);
    const expectedFile = `${file}.kitinerary-expected.json`;
    if (!fs.existsSync(expectedFile)) return;
    const expected = (JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Record<string, unknown>[]).map(expectedStart).filter((t): t is number => t !== null);
    // Each start KItinerary states exactly is one of our instants: a flight's boarding time is our start when the
    // pass has no departure, and for the United sample KItinerary gives the pass's arrival as the departure.
    const ours = new Set(preview.drafts.flatMap((d) => [d.startsAt, d.endsAt, d.details.boardingTime].filter((t): t is string => t !== null).map((t) => Date.parse(t))));
    for (const t of expected) expect(ours, `${new Date(t).toISOString()} in ${[...ours].map((x) => new Date(x).toISOString()).join(', ')}`).toContain(t);
  });
});
