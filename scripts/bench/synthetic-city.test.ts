import { describe, expect, it } from 'vitest';
import { LEISURE_CATEGORY_IDS, Consents, EventKind, InterestRef, Party, PlaceRecord, Tag } from '../../shared/src/index.ts';
import { generateCity, interactionsOf, traveller } from './synthetic-city.ts';

/** The server's place model is the file record without `source`: the same constraints must hold. */
const PlaceModel = PlaceRecord.omit({ source: true });

describe('synthetic city', () => {
  const city = generateCity({ places: 2_000, seed: 7 });

  it('is the same city for the same seed, and another one for another seed', () => {
    const again = generateCity({ places: 2_000, seed: 7 });
    expect(again.catalogue).toEqual(city.catalogue);
    expect(again.travellers).toEqual(city.travellers);
    expect(interactionsOf(again)).toEqual(interactionsOf(city));
    expect(generateCity({ places: 2_000, seed: 8 }).catalogue.places).not.toEqual(city.catalogue.places);
  });

  it('has one traveller per 5 places and about 10 interactions per place', () => {
    const bigger = generateCity({ places: 20_000, seed: 7 });
    expect(city.travellers.count).toBe(400);
    expect(bigger.travellers.count).toBe(4_000);
    expect(bigger.travellers.place.length / 20_000).toBeGreaterThan(9.5);
    expect(bigger.travellers.place.length / 20_000).toBeLessThan(10.5);
    expect(city.catalogue.events.length).toBeGreaterThan(10); // ≈ 1 % of places
    expect(city.catalogue.offers.length).toBeGreaterThan(0); // ≈ 0.2 %
  });

  it('generates places, events and travellers that pass the shared schemas', () => {
    for (const place of city.catalogue.places) {
      const parsed = PlaceModel.safeParse(place);
      expect(parsed.success, `${place.id}: ${parsed.error?.message}`).toBe(true);
    }
    for (const event of city.catalogue.events) {
      expect(EventKind.safeParse(event.kind).success).toBe(true);
      expect(event.tags.every((t) => Tag.safeParse(t).success)).toBe(true);
    }
    for (const offer of city.catalogue.offers) expect(offer.tags.every((t) => Tag.safeParse(t).success)).toBe(true);
    const t = traveller(city, 0);
    expect(t.likes.every((l) => InterestRef.safeParse(l).success)).toBe(true);
    expect(Party.safeParse(t.party).success && Consents.safeParse(t.consents).success).toBe(true);
  });

  it('uses every leisure category, with restaurants the most common', () => {
    const counts = new Map<string, number>();
    for (const p of city.catalogue.places) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...LEISURE_CATEGORY_IDS].sort());
    expect(Math.max(...counts.values())).toBe(counts.get('restaurant'));
  });

  it('only links interactions to places of the city', () => {
    const ids = new Set(city.catalogue.places.map((p) => p.id));
    expect(interactionsOf(city).every((i) => ids.has(i.placeId))).toBe(true);
  });
});
