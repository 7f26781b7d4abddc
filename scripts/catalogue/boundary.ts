// A city's boundary from an open-data GeoJSON of its districts, to keep the places inside the municipality.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Polygon, Ring } from '../../server/src/catalogue/osm/inside-point.ts';
import { pointInPolygon } from '../../server/src/catalogue/osm/inside-point.ts';

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Districts = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
      ]),
    }),
  ),
});

const toPolygon = (rings: number[][][]): Polygon => rings.map((ring): Ring => ring.map((p) => [p[0]!, p[1]!]));

/** The polygons of every district (arrondissement, districte) of the file. */
export function parseDistricts(text: string): Polygon[] {
  return Districts.parse(JSON.parse(text)).features.flatMap((f) => (f.geometry.type === 'Polygon' ? [toPolygon(f.geometry.coordinates)] : f.geometry.coordinates.map(toPolygon)));
}

/** A test "is this point inside one of the districts" for the file's districts. */
export function insideDistricts(file: string): (p: { lat: number; lon: number }) => boolean {
  const polygons = parseDistricts(readFileSync(file, 'utf8'));
  return (p) => polygons.some((polygon) => pointInPolygon([p.lon, p.lat], polygon));
}
