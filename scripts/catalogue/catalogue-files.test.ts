// The committed catalogue files of every city validate against the shared schemas and only reference places that exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORY_IDS } from '../../shared/src/categories.ts';
import { CityRecord, DemoTravellerRecord, EventTemplate, OfferRecord, PersonaRecord, PlaceRecord } from '../../shared/src/catalogue.ts';
import { REPO_ROOT } from './build-catalogue.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'data', path), 'utf8'));

const personas = z.array(PersonaRecord).parse(read('personas.json'));

/** What each city must at least hold: Paris is the full demo; Lyon and Barcelona serve later demo trips. */
const CITIES = [
  { id: 'paris', timezone: 'Europe/Paris', places: [400, 700], minEvents: 24, minOffers: 24, categoriesWith8: 10 },
  { id: 'lyon', timezone: 'Europe/Paris', places: [300, 600], minEvents: 20, minOffers: 10, categoriesWith8: 10 },
  // The Barcelona sources hold restaurants, cafés, bars, pubs, parks and gyms only (data/README.md).
  { id: 'barcelona', timezone: 'Europe/Madrid', places: [250, 600], minEvents: 12, minOffers: 8, categoriesWith8: 6 },
] as const;

const allTravellerIds: string[] = [];

for (const expected of CITIES) {
  const places = z.array(PlaceRecord).parse(read(`${expected.id}/places.json`));
  const city = CityRecord.parse(read(`${expected.id}/city.json`));
  const events = z.array(EventTemplate).parse(read(`${expected.id}/events.json`));
  const offers = z.array(OfferRecord).parse(read(`${expected.id}/offers.json`));
  const travellers = z.array(DemoTravellerRecord).parse(read(`${expected.id}/demo-travellers.json`));
  allTravellerIds.push(...travellers.map((t) => t.id));
  const placeIds = new Set(places.map((p) => p.id));
  const cityPersonas = personas.filter((p) => p.cityId === expected.id);

  describe(`committed ${city.name} catalogue`, () => {
    it('validates against the shared schemas', () => {
      expect(city.id).toBe(expected.id);
      expect(city.timezone).toBe(expected.timezone);
      expect(places.length).toBeGreaterThanOrEqual(expected.places[0]);
      expect(places.length).toBeLessThanOrEqual(expected.places[1]);
      expect(events.length).toBeGreaterThanOrEqual(expected.minEvents);
      expect(offers.length).toBeGreaterThanOrEqual(expected.minOffers);
      expect(city.attribution.join(' ')).toContain('OpenStreetMap');
    });

    it('has unique ids, sorted places and ids that match their source', () => {
      expect(placeIds.size).toBe(places.length);
      const ids = places.map((p) => p.id);
      expect(ids).toEqual([...ids].sort());
      for (const p of places) expect(p.id).toBe(`${p.source.dataset}:${p.source.ref}`);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
    });

    it(`has at least ${expected.categoriesWith8} categories with 8 places or more`, () => {
      const counts = CATEGORY_IDS.map((c) => places.filter((p) => p.category === c).length);
      expect(counts.filter((n) => n >= 8).length).toBeGreaterThanOrEqual(expected.categoriesWith8);
    });

    it('references only existing places from events, offers, personas and demo travellers', () => {
      for (const e of events) expect(placeIds.has(e.placeId), `event ${e.id} → ${e.placeId}`).toBe(true);
      for (const o of offers) expect(placeIds.has(o.placeId), `offer ${o.id} → ${o.placeId}`).toBe(true);
      for (const p of cityPersonas) for (const h of p.history) expect(placeIds.has(h.placeId), `persona ${p.id} → ${h.placeId}`).toBe(true);
      for (const t of travellers) for (const h of t.history) expect(placeIds.has(h.placeId), `${t.id} → ${h.placeId}`).toBe(true);
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

    it('has kid-friendly events and places for a family', () => {
      expect(events.filter((e) => e.tags.includes('kid-friendly')).length).toBeGreaterThanOrEqual(3);
      expect(places.filter((p) => p.tags.includes('kid-friendly')).length).toBeGreaterThanOrEqual(30);
    });

    it('marks the demo values as seeded', () => {
      for (const p of places) {
        expect(p.seeded).toContain('rating');
        expect(p.seeded).toContain('reviewCount');
        expect(p.seeded.includes('priceLevel')).toBe(p.priceLevel !== null);
      }
    });
  });
}

describe('personas and demo travellers across cities', () => {
  it('keeps the three personas', () => {
    expect(personas.map((p) => p.id)).toEqual(['lea', 'martin-family', 'marc']);
  });

  it('never gives two cities the same demo traveller id (the server seeds travellers by id)', () => {
    expect(new Set(allTravellerIds).size).toBe(allTravellerIds.length);
  });
});

describe('places Marc and the Martins need in Lyon and Barcelona', () => {
  const lyon = z.array(PlaceRecord).parse(read('lyon/places.json'));
  const barcelona = z.array(PlaceRecord).parse(read('barcelona/places.json'));
  const count = (places: PlaceRecord[], keep: (p: PlaceRecord) => boolean) => places.filter(keep).length;

  it('Lyon has jazz venues, running parks, bars and restaurants near Part-Dieu', () => {
    expect(count(lyon, (p) => p.tags.includes('jazz'))).toBeGreaterThanOrEqual(2);
    expect(count(lyon, (p) => p.tags.includes('running'))).toBeGreaterThanOrEqual(3);
    expect(count(lyon, (p) => p.category === 'bar')).toBeGreaterThanOrEqual(30);
    const nearPartDieu = (p: PlaceRecord) => Math.hypot((p.lat - 45.7606) * 111_320, (p.lon - 4.8596) * 77_800) <= 700;
    expect(count(lyon, (p) => p.category === 'restaurant' && nearPartDieu(p))).toBeGreaterThanOrEqual(10);
  });

  it('both cities have parks, ice cream and pizza or crêpes for the children', () => {
    for (const places of [lyon, barcelona]) {
      expect(count(places, (p) => p.category === 'park')).toBeGreaterThanOrEqual(10);
      expect(count(places, (p) => p.tags.includes('ice-cream') || p.tags.includes('cuisine:ice_cream'))).toBeGreaterThanOrEqual(3);
      expect(count(places, (p) => p.tags.includes('cuisine:pizza') || p.tags.includes('cuisine:crepe'))).toBeGreaterThanOrEqual(5);
    }
  });
});
