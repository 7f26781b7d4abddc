// overpass-turbo exports: tags back as OSM tags, nodes at their position, outlines at a point inside them.
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './inside-point.ts';
import { parseOverpassGeojson } from './read-overpass-geojson.ts';

// A thin L-shaped park: the average of its vertices is outside it.
const L_RING = [
  [2.17, 41.38],
  [2.18, 41.38],
  [2.18, 41.381],
  [2.171, 41.381],
  [2.171, 41.39],
  [2.17, 41.39],
  [2.17, 41.38],
];

const doc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', timestamp: '2026-05-06T09:00:28Z', features });

describe('parseOverpassGeojson', () => {
  it('keeps the OSM tags and drops the export’s own keys', () => {
    const read = parseOverpassGeojson(
      doc([
        {
          type: 'Feature',
          id: 'node/4426476928',
          properties: { '@id': 'node/4426476928', id: 'node/4426476928', amenity: 'bar', name: 'Jazz Hot Club de Lyon', '@relations': [{ role: '' }] },
          geometry: { type: 'Point', coordinates: [4.8319644, 45.7656594] },
        },
      ]),
    );
    expect(read.timestamp).toBe('2026-05-06T09:00:28Z');
    expect(read.elements).toEqual([{ type: 'node', id: 4426476928, tags: { amenity: 'bar', name: 'Jazz Hot Club de Lyon' }, point: [4.8319644, 45.7656594], areaM2: null }]);
  });

  it('puts a concave outline’s point inside it, with its area', () => {
    const read = parseOverpassGeojson(doc([{ type: 'Feature', id: 'relation/7', properties: { leisure: 'park', name: 'Jardí' }, geometry: { type: 'Polygon', coordinates: [L_RING] } }]));
    const [el] = read.elements;
    expect(pointInPolygon(el!.point!, [L_RING as Array<[number, number]>])).toBe(true);
    expect(el!.areaM2).toBeGreaterThan(10_000);
  });

  it('reads a closed LineString as an outline and an open one as no usable point', () => {
    const read = parseOverpassGeojson(
      doc([
        { type: 'Feature', id: 'way/2', properties: { name: 'Open' }, geometry: { type: 'LineString', coordinates: L_RING.slice(0, 4) } },
        { type: 'Feature', id: 'way/1', properties: { name: 'Closed' }, geometry: { type: 'LineString', coordinates: L_RING } },
      ]),
    );
    expect(read.elements.map((e) => [e.id, e.point !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('counts features that are not OSM objects instead of failing the whole file', () => {
    const read = parseOverpassGeojson(doc([{ type: 'Feature', id: 'something/1', properties: {}, geometry: null }]));
    expect(read).toMatchObject({ elements: [], unreadable: 1 });
  });
});
