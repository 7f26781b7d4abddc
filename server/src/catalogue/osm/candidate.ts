// The shape every source is turned into before selection, so one set of rules can pick across sources.
import type { CategoryId } from '@escale/shared';
import type { SourceDataset } from '@escale/shared';
import type { OsmTags } from './read-osm-pbf.ts';

export interface Candidate {
  id: string;
  dataset: SourceDataset;
  ref: string;
  name: string;
  category: CategoryId;
  /** Fact tags and rule-derived tags, already slugged and capped. */
  tags: string[];
  lat: number;
  lon: number;
  address: string | null;
  /** The source's opening_hours string before the parse check; null when the source has none. */
  openingHoursRaw: string | null;
  website: string | null;
  cuisines: string[];
  /** Outline area in m² for ways and relations (parks' "running" tag, big-park selection). */
  areaM2: number | null;
  /** Date of the source file; when one OSM object is in several files, the newest copy wins. */
  sourceDate: string;
  /** The raw OSM tags, kept for selection rules (access, closure notes). */
  osm: OsmTags | null;
}

/** Absolute http(s) URL or null: a bare "www.example.fr" is not one, and the schema wants real URLs. */
export function absoluteUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  const first = value.split(';')[0]!.trim();
  if (first.length === 0 || first.length > 500 || /\s/.test(first)) return null;
  try {
    const url = new URL(first);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    // An internationalised name ("la-tablée.fr") is kept in its ASCII form, which every URL check accepts.
    return /[^\x20-\x7e]/.test(first) ? url.href : first;
  } catch {
    return null;
  }
}
