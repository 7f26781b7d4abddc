import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import vtpbf from 'vt-pbf';
import { describe, expect, it } from 'vitest';
import { slimTile } from './slim-tile.ts';

/** A minimal layer in @mapbox/vector-tile's shape, enough for vt-pbf to write a real tile from it. */
function layer(name: string, features: { type: 1 | 2 | 3; points: [number, number][]; properties: Record<string, string> }[]) {
  return {
    name,
    version: 2,
    extent: 4096,
    length: features.length,
    feature: (i: number) => ({
      id: i + 1,
      type: features[i]!.type,
      properties: features[i]!.properties,
      extent: 4096,
      loadGeometry: () => [features[i]!.points.map(([x, y]) => ({ x, y }))],
    }),
  };
}

const source = vtpbf({
  layers: {
    transportation_name: layer('transportation_name', [
      {
        type: 2,
        points: [
          [0, 0],
          [100, 100],
        ],
        properties: { 'name:latin': 'Rue de Rivoli' },
      },
    ]),
    water_name: layer('water_name', [
      { type: 1, points: [[2000, 2000]], properties: { 'name:latin': 'La Seine' } },
      { type: 1, points: [[40_000, 2000]], properties: { 'name:latin': 'Far away' } },
    ]),
    building: layer('building', [
      {
        type: 3,
        points: [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 0],
        ],
        properties: {},
      },
    ]),
    poi: layer('poi', [{ type: 1, points: [[5, 5]], properties: { name: 'A shop' } }]),
    housenumber: layer('housenumber', [{ type: 1, points: [[6, 6]], properties: { housenumber: '12' } }]),
  } as never,
});

const read = (data: Uint8Array | null) => new VectorTile(new Pbf(data!));

describe('slimming a tile for a phone', () => {
  const labels: string[] = [];
  const slim = slimTile(source, (text) => labels.push(text));

  it('keeps streets and water, drops POIs and house numbers', () => {
    expect(Object.keys(read(slim.base).layers).sort()).toEqual(['transportation_name', 'water_name']);
  });

  it('moves buildings to a tile of their own', () => {
    expect(Object.keys(read(slim.buildings).layers)).toEqual(['building']);
    expect(read(slim.buildings).layers.building!.length).toBe(1);
  });

  it('leaves out a label point far outside its tile, which maplibre would only warn about', () => {
    const water = read(slim.base).layers.water_name!;
    expect(water.length).toBe(1);
    expect(water.feature(0).properties['name:latin']).toBe('La Seine');
  });

  it('reports the label text of what it keeps, for the glyph ranges', () => {
    expect(labels).toEqual(expect.arrayContaining(['Rue de Rivoli', 'La Seine']));
    expect(labels).not.toContain('A shop');
  });
});
