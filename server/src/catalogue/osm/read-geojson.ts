// Reads the HOT Export café GeoJSON, whose attributes use `addr_street` (underscore) instead of OSM's colon keys.
import { readFileSync } from 'node:fs';
import type { OsmTags, OsmType } from './read-osm-pbf.ts';

export interface GeojsonOsmPoint {
  type: OsmType;
  id: number;
  lat: number;
  lon: number;
  /** Attributes translated back to OSM keys (`addr_street` → `addr:street`), nulls dropped. */
  tags: OsmTags;
}

const OSM_TYPE_BY_EXPORT_NAME: Record<string, OsmType> = { nodes: 'node', ways: 'way', relations: 'relation' };
const NON_TAG_PROPERTIES = new Set(['osm_id', 'osm_type', 'admin_level', 'boundary']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseOsmPointGeojson(text: string): GeojsonOsmPoint[] {
  const doc: unknown = JSON.parse(text);
  if (!isRecord(doc) || !Array.isArray(doc.features)) throw new Error('not a GeoJSON FeatureCollection');
  const out: GeojsonOsmPoint[] = [];
  for (const f of doc.features) {
    if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry)) continue;
    const geometry = f.geometry;
    if (geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) continue;
    const [lon, lat] = geometry.coordinates.map(Number);
    const type = OSM_TYPE_BY_EXPORT_NAME[String(f.properties.osm_type)];
    const id = Number(f.properties.osm_id);
    if (type === undefined || !Number.isSafeInteger(id) || lat === undefined || lon === undefined) continue;
    const tags: OsmTags = {};
    for (const [k, v] of Object.entries(f.properties)) {
      if (NON_TAG_PROPERTIES.has(k) || v === null || v === undefined || v === '') continue;
      tags[k.replace(/^addr_/, 'addr:')] = String(v);
    }
    out.push({ type, id, lat, lon, tags });
  }
  return out;
}

export function readOsmPointGeojson(file: string): GeojsonOsmPoint[] {
  return parseOsmPointGeojson(readFileSync(file, 'utf8'));
}
