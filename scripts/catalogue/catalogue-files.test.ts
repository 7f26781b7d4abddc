// The committed catalogue files validate against the shared schemas and only reference places that exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORY_IDS } from '../../shared/src/categories.ts';
import { CityRecord, EventTemplate, OfferRecord, PersonaRecord, PlaceRecord } from '../../shared/src/catalogue.ts';
import { REPO_ROOT } from './build-paris.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'data', path), 'utf8'));

const places = z.array(PlaceRecord).parse(read('paris/places.json'));
const city = CityRecord.parse(read('paris/city.json'));
const events = z.array(EventTemplate).parse(read('paris/events.json'));
const offers = z.array(OfferRecord).parse(read('paris/offers.json'));
const personas = z.array(PersonaRecord).parse(read('personas.json'));
const placeIds = new Set(places.map((p) => p.id));

describe('committed Paris catalogue', () => {
  it('validates against the shared schemas', () => {
    expect(city.id).toBe('paris');
    expect(city.timezone).toBe('Europe/Paris');
    expect(places.length).toBeGreaterThanOrEqual(400);
    expect(places.length).toBeLessThanOrEqual(700);
    expect(events.length).toBeGreaterThanOrEqual(24);
    expect(offers.length).toBeGreaterThanOrEqual(24);
    expect(personas.map((p) => p.id)).toEqual(['lea', 'martin-family', 'marc']);
  });

  it('has unique ids, sorted places and ids that match their source', () => {
    expect(placeIds.size).toBe(places.length);
    const ids = places.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    for (const p of places) expect(p.id).toBe(`${p.source.dataset}:${p.source.ref}`);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
  });

  it('covers every category, ten of them with at least 8 places', () => {
    const counts = new Map(CATEGORY_IDS.map((c) => [c, places.filter((p) => p.category === c).length]));
    for (const c of CATEGORY_IDS) expect(counts.get(c), c).toBeGreaterThan(0);
    expect([...counts.values()].filter((n) => n >= 8).length).toBeGreaterThanOrEqual(10);
  });

  it('references only existing places from events, offers and personas', () => {
    for (const e of events) expect(placeIds.has(e.placeId), `event ${e.id} → ${e.placeId}`).toBe(true);
    for (const o of offers) expect(placeIds.has(o.placeId), `offer ${o.id} → ${o.placeId}`).toBe(true);
    for (const p of personas) for (const h of p.history) expect(placeIds.has(h.placeId), `persona ${p.id} → ${h.placeId}`).toBe(true);
  });

  it('keeps offers within 4–40 seats with about a third promoted', () => {
    for (const o of offers) {
      expect(o.seats).toBeGreaterThanOrEqual(4);
      expect(o.seats).toBeLessThanOrEqual(40);
    }
    const share = offers.filter((o) => o.promoted).length / offers.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.45);
  });

  it('marks the demo values as seeded', () => {
    for (const p of places) {
      expect(p.seeded).toContain('rating');
      expect(p.seeded).toContain('reviewCount');
      expect(p.seeded.includes('priceLevel')).toBe(p.priceLevel !== null);
    }
  });
});
