// Loads an OSM PBF extract into memory so ways and relations can be resolved to geometry.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';

export type OsmTags = Record<string, string>;
export type OsmType = 'node' | 'way' | 'relation';

export interface OsmNode {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
  tags: OsmTags;
}
export interface OsmWay {
  type: 'way';
  id: number;
  refs: number[];
  tags: OsmTags;
}
export interface OsmMember {
  type: OsmType;
  ref: number;
  role: string;
}
export interface OsmRelation {
  type: 'relation';
  id: number;
  members: OsmMember[];
  tags: OsmTags;
}
export type OsmElement = OsmNode | OsmWay | OsmRelation;

export interface OsmExtract {
  /** Overpass data date from the PBF header, ISO 8601 (null when the header has none). */
  timestamp: string | null;
  nodes: Map<number, OsmNode>;
  ways: Map<number, OsmWay>;
  relations: Map<number, OsmRelation>;
}

// The parser's typings say `object`; these guards keep the rest of the build strictly typed.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function tagsOf(item: Record<string, unknown>): OsmTags {
  const tags: OsmTags = {};
  if (isRecord(item.tags)) {
    for (const [k, v] of Object.entries(item.tags)) if (typeof v === 'string') tags[k] = v;
  }
  return tags;
}

export function readOsmPbf(file: string): Promise<OsmExtract> {
  return readOsmPbfStream(createReadStream(file));
}

/** Elements between two progress reports. */
export const PROGRESS_EVERY_ELEMENTS = 5_000;

/**
 * The same from a byte stream (an upload, or a file). `onElements` is told how many elements are decoded so
 * far: the parser takes in its input well ahead of decoding it, so bytes read say little about progress.
 */
export async function readOsmPbfStream(input: Readable, onElements?: (count: number) => void): Promise<OsmExtract> {
  const extract: OsmExtract = { timestamp: null, nodes: new Map(), ways: new Map(), relations: new Map() };
  const items = input.pipe(new OSMTransform({ withTags: true, withInfo: false }));
  // A broken input must fail the read, not leave the parser waiting for bytes that never come.
  input.once('error', (err) => items.destroy(err));
  let count = 0;
  for await (const chunk of items as AsyncIterable<unknown[]>) {
    for (const raw of chunk) addElement(extract, raw);
    const before = count;
    count += chunk.length;
    if (Math.floor(count / PROGRESS_EVERY_ELEMENTS) > Math.floor(before / PROGRESS_EVERY_ELEMENTS)) onElements?.(count);
  }
  onElements?.(count);
  return extract;
}

/** Adds one element (as either reader decodes it) to the extract. */
export function addElement(extract: OsmExtract, item: unknown): void {
  if (!isRecord(item)) return;
  if (item.type === undefined) {
    const ts = item.osmosis_replication_timestamp;
    if (typeof ts === 'number' && ts > 0) extract.timestamp = new Date(ts * 1000).toISOString();
    return;
  }
  const id = Number(item.id);
  if (item.type === 'node') {
    extract.nodes.set(id, { type: 'node', id, lat: Number(item.lat), lon: Number(item.lon), tags: tagsOf(item) });
  } else if (item.type === 'way' && Array.isArray(item.refs)) {
    extract.ways.set(id, { type: 'way', id, refs: item.refs.map(Number), tags: tagsOf(item) });
  } else if (item.type === 'relation' && Array.isArray(item.members)) {
    const members: OsmMember[] = [];
    for (const m of item.members) {
      if (!isRecord(m)) continue;
      const type = m.type;
      if (type !== 'node' && type !== 'way' && type !== 'relation') continue;
      members.push({ type, ref: Number(m.ref), role: typeof m.role === 'string' ? m.role : '' });
    }
    extract.relations.set(id, { type: 'relation', id, members, tags: tagsOf(item) });
  }
}

/** Every element carrying at least one tag, in a stable order (nodes, ways, relations; each by id). */
export function taggedElements(extract: OsmExtract): OsmElement[] {
  const out: OsmElement[] = [];
  const byId = <T extends { id: number }>(m: Map<number, T>) => [...m.values()].sort((a, b) => a.id - b.id);
  for (const n of byId(extract.nodes)) if (Object.keys(n.tags).length > 0) out.push(n);
  for (const w of byId(extract.ways)) if (Object.keys(w.tags).length > 0) out.push(w);
  for (const r of byId(extract.relations)) if (Object.keys(r.tags).length > 0) out.push(r);
  return out;
}
