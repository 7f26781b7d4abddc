import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { CatalogueError, loadCatalogueFiles, loadCatalogues } from './load-files.ts';

function writeCatalogue(mutate: (files: Record<string, unknown[] | object>) => void): { dir: string; personas: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-cat-'));
  const files: Record<string, unknown[] | object> = {
    'city.json': { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.8566, lon: 2.3522 }, attribution: ['© OpenStreetMap contributors'] },
    'places.json': [
      {
        id: 'osm:node/1',
        source: { dataset: 'osm', ref: 'node/1' },
        name: 'Le Baratin',
        category: 'bar',
        tags: ['wine'],
        lat: 48.87,
        lon: 2.38,
        address: null,
        openingHours: null,
        priceLevel: 2,
        rating: 4.5,
        reviewCount: 10,
        website: null,
        seeded: ['rating', 'reviewCount', 'priceLevel'],
      },
    ],
    'events.json': [],
    'offers.json': [],
    'personas.json': [],
  };
  mutate(files);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  return { dir, personas: path.join(dir, 'personas.json') };
}

describe('catalogue loading', () => {
  it('loads the committed Paris catalogue without a single invalid record', () => {
    const files = loadCatalogueFiles(path.join(REPO_ROOT, 'data/paris'), path.join(REPO_ROOT, 'data/personas.json'));
    expect(files.places.length).toBeGreaterThanOrEqual(300);
    expect(files.offers.length).toBeGreaterThanOrEqual(20);
    expect(files.personas.map((p) => p.id).sort()).toEqual(['lea', 'marc', 'martin-family']);
  });

  it('names the file, the index and the reason of a bad record', () => {
    const { dir, personas } = writeCatalogue((f) => {
      (f['places.json'] as object[]).push({ id: 'osm:node/2', name: 'Nowhere', lat: 123 });
    });
    try {
      loadCatalogueFiles(dir, personas);
      expect.unreachable('a bad record must stop the load');
    } catch (err) {
      expect(err).toBeInstanceOf(CatalogueError);
      const problem = (err as CatalogueError).problems[0]!;
      expect(problem.file).toBe(path.join(dir, 'places.json'));
      expect(problem.index).toBe(1);
      expect(problem.reason).toMatch(/lat: latitude must be ≤ 90/);
    }
  });

  it('refuses an offer at a place that does not exist', () => {
    const { dir, personas } = writeCatalogue((f) => {
      (f['offers.json'] as object[]).push({ id: 'ghost', placeId: 'osm:node/999', title: 'Ghost tour', description: '', priceEur: 10, seats: 5, promoted: false, tags: [] });
    });
    expect(() => loadCatalogueFiles(dir, personas)).toThrow(/offers\.json\[0\]: placeId osm:node\/999 is not in places\.json/);
  });

  it("names city.json when the city's time zone is not one Intl knows", () => {
    const { dir, personas } = writeCatalogue((f) => {
      (f['city.json'] as { timezone: string }).timezone = 'Europe/Pariss';
    });
    expect(() => loadCatalogueFiles(dir, personas)).toThrow(/city\.json: timezone: unknown time zone "Europe\/Pariss"/);
  });

  it('reports a file that is not JSON', () => {
    const { dir, personas } = writeCatalogue(() => {});
    fs.writeFileSync(path.join(dir, 'events.json'), '[{ not json');
    expect(() => loadCatalogueFiles(dir, personas)).toThrow(/events\.json/);
  });

  it('holds several cities, whose persona histories may name any of their places, and no id in two cities', () => {
    const paris = writeCatalogue(() => {});
    const lyon = writeCatalogue((f) => {
      f['city.json'] = { id: 'lyon', name: 'Lyon', timezone: 'Europe/Paris', center: { lat: 45.7578, lon: 4.832 }, attribution: ['© OpenStreetMap contributors'] };
      const place = (f['places.json'] as Array<Record<string, unknown>>)[0]!;
      Object.assign(place, { id: 'osm:node/3', source: { dataset: 'osm', ref: 'node/3' }, name: 'Hot Club de Lyon', lat: 45.7676, lon: 4.8331 });
    });
    const personas = path.join(lyon.dir, 'personas-of-both.json');
    fs.writeFileSync(
      personas,
      JSON.stringify(
        JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/personas.json'), 'utf8'))
          .slice(0, 1)
          .map((p: object) => ({ ...p, history: [{ placeId: 'osm:node/3', kind: 'liked', daysAgo: 3 }] })),
      ),
    );
    const both = loadCatalogues([paris.dir, lyon.dir], personas);
    expect(both.cities.map((c) => c.city.id)).toEqual(['paris', 'lyon']);
    expect(both.personas[0]!.history[0]!.placeId).toBe('osm:node/3');

    const twin = writeCatalogue((f) => {
      f['city.json'] = { id: 'lyon', name: 'Lyon', timezone: 'Europe/Paris', center: { lat: 45.7578, lon: 4.832 }, attribution: ['© OpenStreetMap contributors'] };
    });
    expect(() => loadCatalogues([paris.dir, twin.dir], paris.personas)).toThrow(/id osm:node\/1 is in both paris and lyon/);
    expect(() => loadCatalogues([], paris.personas)).toThrow(/no catalogue folder/);
  });
});
