/**
 * GeoJSON features to import rows. Three shapes are read as OpenStreetMap tags: overpass-turbo and
 * OSM exports (every tag as a property, the id as `node/123` in `id` or `@id`), HOT Export Tool files
 * (`osm_id`, `osm_type`, `addr_street` with an underscore), and OpenMapTiles POIs (`class`/`subclass`, the
 * OSM value). A feature may instead name an Escale `category` itself (an agency's own file). A feature
 * with no OSM id keeps its own `id`, or gets one from its name and position, so a re-import finds it.
 */
import { createHash } from 'node:crypto';
import { CategoryId } from '@escale/shared';
import { insidePoint, largestPolygon, polygonAreaM2, type Polygon } from '../osm/inside-point.ts';
import type { OsmTags, OsmType } from '../osm/read-osm-pbf.ts';
import { addOsmElement } from './rows-from-osm.ts';
import { emptyRead, ignore, refPart, reject, type RowsRead, warn } from './rows.ts';
import { ImportRefused } from './import-refused.ts';
import { osmFactTags, finishTags } from '../osm/place-tags.ts';
import { checkOpeningHours } from '../osm/opening-hours-check.ts';
import { absoluteUrl } from '../osm/candidate.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OSM_ID = /^(node|way|relation)\/(\d+)$/;
const HOT_TYPES: Record<string, OsmType> = { nodes: 'node', ways: 'way', relations: 'relation', node: 'node', way: 'way', relation: 'relation' };
/** Properties that describe the export, not the place. */
const NOT_TAGS = new Set(['id', '@id', 'osm_id', 'osm_type', 'admin_level', 'boundary', 'class', 'subclass', 'rank', 'arrondissement', 'category']);
/** OpenMapTiles' `subclass` is an OSM value; these are the keys it can belong to, tried in order. */
const OMT_KEYS = ['amenity', 'leisure', 'tourism', 'shop'] as const;

function osmIdOf(f: Record<string, unknown>, props: Record<string, unknown>): { type: OsmType; id: number } | null {
  for (const candidate of [f.id, props['@id'], props.id]) {
    const m = typeof candidate === 'string' ? OSM_ID.exec(candidate) : null;
    if (m) return { type: m[1] as OsmType, id: Number(m[2]) };
  }
  const type = HOT_TYPES[String(props.osm_type)];
  const id = Number(props.osm_id);
  return type && Number.isSafeInteger(id) && id > 0 ? { type, id } : null;
}

function tagsOf(props: Record<string, unknown>): OsmTags {
  const tags: OsmTags = {};
  for (const [k, v] of Object.entries(props)) {
    if (NOT_TAGS.has(k) || v === null || v === undefined || v === '' || typeof v === 'object') continue;
    tags[k.replace(/^addr_/, 'addr:')] = String(v);
  }
  if (typeof props.subclass === 'string' && !OMT_KEYS.some((k) => tags[k] !== undefined)) {
    // OpenMapTiles: try the value under each key; the category mapping decides which one means something.
    tags.amenity = props.subclass;
    if (['park', 'sports_centre', 'fitness_centre', 'swimming_pool'].includes(props.subclass)) {
      delete tags.amenity;
      tags.leisure = props.subclass;
    } else if (['museum', 'gallery'].includes(props.subclass)) {
      delete tags.amenity;
      tags.tourism = props.subclass;
    }
  }
  return tags;
}

/** A point for the feature: a Point's, a point inside a polygon's largest part; null for a line. */
function pointOf(geometry: Record<string, unknown>): { point: [number, number] | null; areaM2: number | null; kind: string } {
  const coords = geometry.coordinates;
  const valid = (p: unknown): p is [number, number] => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  if (geometry.type === 'Point') return { point: valid(coords) ? [coords[0], coords[1]] : null, areaM2: null, kind: 'Point' };
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polygons = (geometry.type === 'Polygon' ? [coords] : Array.isArray(coords) ? coords : []) as Polygon[];
    const usable = polygons.filter((p) => Array.isArray(p) && p.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(valid)));
    const largest = largestPolygon(usable);
    return { point: largest ? insidePoint(largest) : null, areaM2: usable.reduce((sum, p) => sum + polygonAreaM2(p), 0), kind: String(geometry.type) };
  }
  return { point: null, areaM2: null, kind: String(geometry.type) };
}

export function rowsFromGeojson(text: string): RowsRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportRefused('unreadable', `This is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new ImportRefused('unreadable', 'A GeoJSON import is a FeatureCollection: {"type": "FeatureCollection", "features": […]}.');
  }
  const read = emptyRead('geojson');
  doc.features.forEach((f: unknown, index: number) => {
    if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry)) {
      read.read++;
      reject(read, `feature ${index}`, null, 'not_feature');
      return;
    }
    const props = f.properties;
    const tags = tagsOf(props);
    const { point, areaM2, kind } = pointOf(f.geometry);
    const osm = osmIdOf(f, props);
    const own = CategoryId.safeParse(props.category);
    if (own.success) {
      read.read++;
      addOwnFeature(read, f, index, props, tags, own.data, point, kind);
      return;
    }
    if (point === null && tags.name && (kind === 'LineString' || kind === 'MultiLineString')) {
      // A line is a street or a path: not a place, even when it has a name.
      read.read++;
      ignore(read, 'line');
      return;
    }
    const id = osm ?? { type: 'node' as const, id: -1 };
    const before = read.rows.length;
    addOsmElement(read, { ...id, tags, point, areaM2 }, osm ? `${osm.type}/${osm.id}` : `feature ${index}`);
    const row = read.rows[before];
    if (row && !osm) {
      // No OSM id: the feature's own id, or one made from its name and position.
      const own = typeof f.id === 'string' || typeof f.id === 'number' ? refPart(String(f.id)) : null;
      const ref =
        own ??
        `h${createHash('sha256')
          .update(`${row.name}|${row.lat.toFixed(5)}|${row.lon.toFixed(5)}`)
          .digest('hex')
          .slice(0, 16)}`;
      Object.assign(row, { dataset: 'geojson', ref, externalId: `geojson:${ref}` });
    }
  });
  return read;
}

/** A feature that names its Escale category: its properties are the place's fields. */
function addOwnFeature(
  read: RowsRead,
  f: Record<string, unknown>,
  index: number,
  props: Record<string, unknown>,
  tags: OsmTags,
  category: CategoryId,
  point: [number, number] | null,
  kind: string,
): void {
  const name = typeof props.name === 'string' ? props.name.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  const ref = refPart(String(f.id ?? props.id ?? '')) ?? null;
  const where = ref ?? `feature ${index}`;
  if (!name) return reject(read, where, null, 'no_name');
  if (!point) return reject(read, where, name, 'no_point', { geometry: kind });
  if (!ref) return reject(read, where, name, 'no_feature_id');
  const [lon, lat] = point;
  let openingHours: string | null = null;
  if (tags.opening_hours) {
    openingHours = checkOpeningHours(tags.opening_hours, lat, lon);
    if (openingHours === null) warn(read, ref, name, 'hours_unreadable', { value: tags.opening_hours.slice(0, 80) });
  }
  const street = typeof props.address === 'string' && props.address.trim() ? props.address.trim().slice(0, 300) : null;
  read.rows.push({
    externalId: `geojson:${ref}`,
    dataset: 'geojson',
    ref,
    name,
    category,
    tags: finishTags(osmFactTags(tags, category)),
    lat: Math.round(lat * 1e6) / 1e6,
    lon: Math.round(lon * 1e6) / 1e6,
    address: street,
    openingHours,
    website: absoluteUrl(tags.website),
  });
}
