/**
 * The committed demo trips (data/personas/*.json) are what `npm run demo:trips` writes, byte for byte, and
 * name only real things: catalogue places of their cities, a persona of data/personas.json, wallet files that
 * exist. Skipped (with a message) when a city's basemap tiles or catalogue are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DemoTrip, localParts, stepEndsAt, stepStartsAt } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { buildTripFiles, PERSONAS_DIR, ROOT, TRIP_SCRIPTS } from './build-trips.ts';
import { tilesDir } from './street-router.ts';

const cities = [...new Set(TRIP_SCRIPTS.flatMap((t) => t.cities.map((c) => c.id)))];
const missing = cities.flatMap((c) => [tilesDir(ROOT, c), path.join(ROOT, 'data', c, 'places.json')]).filter((p) => !fs.existsSync(p));
if (missing.length > 0) console.warn(`demo trip rebuild skipped, missing: ${missing.map((p) => path.relative(ROOT, p)).join(', ')}`);

const trips = TRIP_SCRIPTS.map((s) => DemoTrip.parse(JSON.parse(fs.readFileSync(path.join(PERSONAS_DIR, `${s.id}.json`), 'utf8'))));
const placeIds = (city: string) => new Set((JSON.parse(fs.readFileSync(path.join(ROOT, 'data', city, 'places.json'), 'utf8')) as { id: string }[]).map((p) => p.id));

describe('demo trips', () => {
  it.skipIf(missing.length > 0)(
    'are rebuilt byte for byte by npm run demo:trips',
    () => {
      for (const [name, bytes] of buildTripFiles()) {
        expect(Buffer.from(bytes).equals(fs.readFileSync(path.join(PERSONAS_DIR, name))), `data/personas/${name} is stale: npm run demo:trips`).toBe(true);
      }
    },
    240_000,
  );

  it.each(trips.map((t) => [t.id, t] as const))('%s names places of its cities, its persona and wallet files that exist', (_, trip) => {
    const known = new Set(trip.cities.flatMap((c) => [...placeIds(c.id)]));
    const personas = (JSON.parse(fs.readFileSync(path.join(ROOT, 'data/personas.json'), 'utf8')) as { id: string }[]).map((p) => p.id);
    expect(personas).toContain(trip.personaId);
    for (const step of trip.steps) {
      const ids = step.kind === 'feedback' ? [step.placeId] : step.kind === 'stay' ? [step.at.placeId] : step.kind === 'walk' || step.kind === 'ride' ? [step.from.placeId, step.to.placeId] : [];
      for (const id of ids) if (id !== undefined) expect(known, `${trip.id}: ${id}`).toContain(id);
      if (step.kind === 'import') expect(fs.existsSync(path.join(ROOT, 'data', step.file)), step.file).toBe(true);
    }
  });

  it.each(trips.map((t) => [t.id, t] as const))('%s walks only outside quiet hours, and walks more than 300 m every day', (_, trip) => {
    const walkedByDay = new Map<string, number>();
    for (const step of trip.steps) {
      if (step.kind !== 'walk') continue;
      for (const iso of [stepStartsAt(step), stepEndsAt(step)]) {
        const { hour, minute } = localParts(new Date(iso), trip.timeZone);
        expect(hour * 60 + minute, `${trip.id}: walk at ${iso}`).toBeGreaterThanOrEqual(8 * 60);
        expect(hour * 60 + minute, `${trip.id}: walk at ${iso}`).toBeLessThanOrEqual(22 * 60);
      }
      const day = stepStartsAt(step).slice(0, 10);
      walkedByDay.set(day, (walkedByDay.get(day) ?? 0) + step.lengthMeters);
    }
    for (const [day, meters] of walkedByDay) expect(meters, `${trip.id} on ${day}`).toBeGreaterThan(300);
    expect(trip.steps.some((s) => s.kind === 'feedback')).toBe(true);
  });
});
