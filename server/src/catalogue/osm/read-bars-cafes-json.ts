/**
 * Reads the flattened OSM bar and café records with Spanish field names (`nombre`, `tipo`, `horario`…, the
 * Barcelona 2026 file of ../shared/data/osm/) back into OSM-like elements, so they become candidates by the
 * same rules as raw OSM data and keep the OSM id (`osm:node/…`) as their stable id.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OsmLike } from './osm-places.ts';
import type { OsmTags, OsmType } from './read-osm-pbf.ts';

const optionalText = z.string().nullable().optional();

export const BarCafeRecord = z.object({
  id: z.string().regex(/^osm_(node|way|relation)_\d+$/, 'an id is osm_node_…, osm_way_… or osm_relation_…'),
  nombre: z.string(),
  /** The OSM `amenity` value (bar, cafe, pub, biergarten). */
  tipo: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** `addr:street` and `addr:housenumber` in one string. */
  direccion: optionalText,
  codigo_postal: optionalText,
  telefono: optionalText,
  web: optionalText,
  instagram: optionalText,
  /** The OSM `opening_hours` value, as it was. */
  horario: optionalText,
  /** True when OSM said `outdoor_seating=yes` or had a terrace. */
  terraza: z.boolean().nullable().optional(),
  musica: optionalText,
  fuente: optionalText,
});
export type BarCafeRecord = z.infer<typeof BarCafeRecord>;

export const BarsCafesFile = z.object({
  ciudad: z.string().optional(),
  total: z.number().int().optional(),
  locales: z.array(BarCafeRecord),
});

export interface BarCafeElement extends OsmLike {
  /**
   * The producer placed ways at the mean of their nodes, which is not sure to lie inside the outline
   * (a concave building): such a point is flagged so the catalogue build can leave it out.
   */
  pointIsVertexMean: boolean;
}

function put(tags: OsmTags, key: string, value: string | null | undefined): void {
  const v = value?.trim();
  if (v) tags[key] = v;
}

/** One record as OSM tags again (the keys the producer flattened), with its OSM type and id. */
export function barCafeToElement(record: BarCafeRecord): BarCafeElement {
  const [, type, id] = record.id.split('_') as [string, OsmType, string];
  const tags: OsmTags = {};
  put(tags, 'name', record.nombre);
  put(tags, 'amenity', record.tipo);
  put(tags, 'addr:street', record.direccion);
  put(tags, 'addr:postcode', record.codigo_postal);
  put(tags, 'website', record.web);
  put(tags, 'opening_hours', record.horario);
  put(tags, 'music', record.musica);
  if (record.terraza === true) tags.outdoor_seating = 'yes';
  return { type, id: Number(id), tags, point: [record.lon, record.lat], areaM2: null, pointIsVertexMean: type !== 'node' };
}

/** Every record, validated (a malformed record stops the read with its index), sorted by OSM type and id. */
export function parseBarsCafesJson(text: string): BarCafeElement[] {
  const file = BarsCafesFile.parse(JSON.parse(text));
  const order: Record<OsmType, number> = { node: 0, way: 1, relation: 2 };
  return file.locales.map(barCafeToElement).sort((a, b) => order[a.type] - order[b.type] || a.id - b.id);
}

export function readBarsCafesJson(file: string): BarCafeElement[] {
  return parseBarsCafesJson(readFileSync(file, 'utf8'));
}
