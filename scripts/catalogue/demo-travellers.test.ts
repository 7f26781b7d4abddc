import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoTravellerRecord, PlaceRecord } from '../../shared/src/index.ts';
import { ARCHETYPES, demoTravellers } from './demo-travellers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const places = (JSON.parse(fs.readFileSync(path.join(ROOT, 'data/paris/places.json'), 'utf8')) as unknown[]).map((p) => PlaceRecord.parse(p));

describe('seeded demo travellers', () => {
  const travellers = demoTravellers(places);

  it('is the committed file, generated again (deterministic)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/paris/demo-travellers.json'), 'utf8')) as unknown[];
    expect(committed.map((t) => DemoTravellerRecord.parse(t))).toEqual(travellers);
  });

  it('gives each traveller a history at real places of the catalogue, mostly of its archetype', () => {
    const byId = new Map(places.map((p) => [p.id, p]));
    expect(travellers).toHaveLength(ARCHETYPES.reduce((n, a) => n + a.travellers, 0));
    let inTaste = 0;
    let total = 0;
    for (const t of travellers) {
      const archetype = ARCHETYPES.find((a) => a.name === t.archetype)!;
      expect(new Set(t.history.map((h) => h.placeId)).size).toBe(t.history.length); // no place twice
      for (const h of t.history) {
        const p = byId.get(h.placeId);
        expect(p, h.placeId).toBeDefined();
        total++;
        if (archetype.categories.includes(p!.category) || p!.tags.some((tag) => archetype.tags.includes(tag))) inTaste++;
      }
    }
    expect(inTaste / total).toBeGreaterThan(0.8);
  });
});
