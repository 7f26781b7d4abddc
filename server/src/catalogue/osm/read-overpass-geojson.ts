// Reads an overpass-turbo GeoJSON export (`id` = `node/…`, properties = the OSM tags) into OSM-like elements with a usable point.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Polygon, Ring } from './inside-point.ts';
import { insidePoint, largestPolygon, polygonAreaM2 } from './inside-point.ts';
import type { OsmLike } from './osm-places.ts';
import type { OsmTags, OsmType } from './read-osm-pbf.ts';

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);
const Feature = z.object({
  type: z.literal('Feature'),
  id: z.string().regex(/^(node|way|relation)\/\d+$/, 'an overpass-turbo feature id is node/…, way/… or relation/…'),
  // Tag values are strings; overpass-turbo adds `@`-keys (`@id`, `@relations`) whose values may be anything.
  properties: z.record(z.string(), z.unknown()),
  geometry: Geometry.nullable(),
});
export const OverpassGeojson = z.object({
  type: z.literal('FeatureCollection'),
  /** overpass-turbo's data date (the Overpass `osm_base`); some exports leave it out. */
  timestamp: z.string().optional(),
  features: z.array(z.unknown()),
});

export interface OverpassGeojsonRead {
  elements: OsmLike[];
  timestamp: string | null;
  /** Features that are not an OSM object with a geometry (kept out, counted so the build can say so). */
  unreadable: number;
}

const toRing = (coordinates: number[][]): Ring => coordinates.map((p) => [p[0]!, p[1]!]);

function polygonsOf(geometry: z.infer<typeof Geometry>): Polygon[] {
  switch (geometry.type) {
    case 'Polygon':
      return [geometry.coordinates.map(toRing)];
    case 'MultiPolygon':
      return geometry.coordinates.map((polygon) => polygon.map(toRing));
    case 'LineString': {
      // A closed way that overpass-turbo did not consider an area (no area tag) still outlines the place.
      const ring = toRing(geometry.coordinates);
      const [first, last] = [ring[0], ring[ring.length - 1]];
      return ring.length >= 4 && first && last && first[0] === last[0] && first[1] === last[1] ? [[ring]] : [];
    }
    case 'Point':
      return [];
  }
}

/** Nodes at their position; ways and relations at a point inside their largest polygon (never a vertex average). */
function pointAndArea(geometry: z.infer<typeof Geometry> | null): { point: [number, number] | null; areaM2: number | null } {
  if (geometry === null) return { point: null, areaM2: null };
  if (geometry.type === 'Point') return { point: [geometry.coordinates[0], geometry.coordinates[1]], areaM2: null };
  const polygons = polygonsOf(geometry);
  const largest = largestPolygon(polygons);
  if (!largest) return { point: null, areaM2: null };
  return { point: insidePoint(largest), areaM2: polygons.reduce((s, p) => s + polygonAreaM2(p), 0) };
}

function tagsOf(properties: Record<string, unknown>): OsmTags {
  const tags: OsmTags = {};
  for (const [k, v] of Object.entries(properties)) {
    // `id` repeats the feature id in some exports; it is not an OSM tag.
    if (k.startsWith('@') || k === 'id' || typeof v !== 'string' || v === '') continue;
    tags[k] = v;
  }
  return tags;
}

export function parseOverpassGeojson(text: string): OverpassGeojsonRead {
  const doc = OverpassGeojson.parse(JSON.parse(text));
  const elements: OsmLike[] = [];
  let unreadable = 0;
  for (const raw of doc.features) {
    const feature = Feature.safeParse(raw);
    if (!feature.success) {
      unreadable++;
      continue;
    }
    const [type, id] = feature.data.id.split('/') as [OsmType, string];
    const { point, areaM2 } = pointAndArea(feature.data.geometry);
    elements.push({ type, id: Number(id), tags: tagsOf(feature.data.properties), point, areaM2 });
  }
  const order: Record<OsmType, number> = { node: 0, way: 1, relation: 2 };
  elements.sort((a, b) => order[a.type] - order[b.type] || a.id - b.id);
  return { elements, timestamp: doc.timestamp ?? null, unreadable };
}

export function readOverpassGeojson(file: string): OverpassGeojsonRead {
  return parseOverpassGeojson(readFileSync(file, 'utf8'));
}
