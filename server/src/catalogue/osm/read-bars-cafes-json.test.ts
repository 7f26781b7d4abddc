// The Spanish-field bar and café records become OSM elements with their OSM id, so they dedupe with raw OSM copies.
import { describe, expect, it } from 'vitest';
import { emptySkipCounts, toCandidate } from './osm-places.ts';
import { parseBarsCafesJson } from './read-bars-cafes-json.ts';

const BARCELONA = { name: 'Barcelona', postcode: /^080\d{2}$/ };

const record = (over: Record<string, unknown>) => ({
  id: 'osm_node_5271977223',
  nombre: 'Jamboree Jazz & Dance Club',
  tipo: 'bar',
  lat: 41.3797222,
  lon: 2.1752424,
  direccion: 'Plaça Reial 17',
  codigo_postal: '08002',
  telefono: null,
  web: 'https://jamboreejazz.com',
  instagram: null,
  horario: 'Mo-Su 19:00-05:00',
  terraza: true,
  musica: null,
  fuente: 'openstreetmap',
  ...over,
});

const file = (locales: unknown[]) => JSON.stringify({ ciudad: 'Barcelona', total: locales.length, locales });

describe('parseBarsCafesJson', () => {
  it('turns a record back into OSM tags under its OSM type and id', () => {
    const [el] = parseBarsCafesJson(file([record({})]));
    expect(el).toMatchObject({ type: 'node', id: 5271977223, point: [2.1752424, 41.3797222], pointIsVertexMean: false });
    expect(el!.tags).toEqual({
      name: 'Jamboree Jazz & Dance Club',
      amenity: 'bar',
      'addr:street': 'Plaça Reial 17',
      'addr:postcode': '08002',
      website: 'https://jamboreejazz.com',
      opening_hours: 'Mo-Su 19:00-05:00',
      outdoor_seating: 'yes',
    });
  });

  it('gives the same stable id as the raw OSM object, so a place in both files is one place', () => {
    const [el] = parseBarsCafesJson(file([record({})]));
    const candidate = toCandidate(el!, '2026-03-09', emptySkipCounts(), BARCELONA);
    expect(candidate).toMatchObject({ id: 'osm:node/5271977223', category: 'music_venue', address: 'Plaça Reial 17, 08002 Barcelona', openingHoursRaw: 'Mo-Su 19:00-05:00' });
    expect(candidate!.tags).toEqual(expect.arrayContaining(['jazz', 'live-music', 'outdoor-seating']));
  });

  it('flags ways, whose point the producer averaged from their nodes', () => {
    const [el] = parseBarsCafesJson(file([record({ id: 'osm_way_123', terraza: false, horario: null, direccion: null })]));
    expect(el).toMatchObject({ type: 'way', id: 123, pointIsVertexMean: true });
    expect(el!.tags.outdoor_seating).toBeUndefined();
    expect(el!.tags.opening_hours).toBeUndefined();
    expect(el!.tags['addr:street']).toBeUndefined();
  });

  it('sorts by type and id whatever the file order', () => {
    const els = parseBarsCafesJson(file([record({ id: 'osm_way_5' }), record({ id: 'osm_node_9' }), record({ id: 'osm_node_2' })]));
    expect(els.map((e) => `${e.type}/${e.id}`)).toEqual(['node/2', 'node/9', 'way/5']);
  });

  it('refuses a record that is not one (bad id, missing coordinates)', () => {
    expect(() => parseBarsCafesJson(file([record({ id: '5271977223' })]))).toThrow(/osm_node_/);
    expect(() => parseBarsCafesJson(file([record({ lat: undefined })]))).toThrow();
    expect(() => parseBarsCafesJson(JSON.stringify({ ciudad: 'Barcelona' }))).toThrow();
  });
});
