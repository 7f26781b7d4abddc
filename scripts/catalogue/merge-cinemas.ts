// One cinema, one place: an OSM cinema and its CNC row become the OSM record with the CNC row's Art et Essai tags.
import { distanceMeters } from '../../shared/src/geo.ts';
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { finishTags } from '../../server/src/catalogue/osm/place-tags.ts';
import { slugify } from '../../server/src/catalogue/osm/slug.ts';

export interface CinemaMerge {
  osmId: string;
  cncId: string;
}

export interface CinemaMergeOptions {
  /**
   * Also pair an OSM cinema with a CNC row that it does not reference: when it lies within `sameSpotM` of
   * it, or within `nearbyM` with a distinctive word of the name in common (not "cinéma", "ciné", "cité").
   * Paris pairs by `ref:FR:CNC` only (its committed catalogue was built so); Lyon's OSM cinemas carry no
   * reference, and the CNC file places some of them 100–300 m from the OSM node (UGC Ciné Cité Confluence).
   */
  nearby?: { sameSpotM: number; nearbyM: number };
}

const WEAK_WORDS = new Set(['cinema', 'cine', 'cite', 'the', 'les', 'des']);

function distinctiveWords(name: string): Set<string> {
  return new Set(
    slugify(name)
      .split('-')
      .filter((w) => w.length >= 4 && !WEAK_WORDS.has(w)),
  );
}

function nearbyTwin(osm: Candidate, cnc: Candidate[], nearby: NonNullable<CinemaMergeOptions['nearby']>): Candidate | undefined {
  const words = distinctiveWords(osm.name);
  let best: { c: Candidate; d: number } | undefined;
  for (const c of cnc) {
    const d = distanceMeters(osm, c);
    const close = d <= nearby.sameSpotM || (d <= nearby.nearbyM && [...distinctiveWords(c.name)].some((w) => words.has(w)));
    if (close && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/**
 * OSM cinemas that carry `ref:FR:CNC` (or, with `nearby`, lie at the CNC row's place) replace the CNC row and
 * inherit its tags; when several OSM objects pair with one row (a node and a building), the nearest is kept.
 */
export function mergeCinemas(osm: Candidate[], cnc: Candidate[], options: CinemaMergeOptions = {}): { candidates: Candidate[]; merged: CinemaMerge[] } {
  const cncByRef = new Map(cnc.map((c) => [c.ref, c]));
  const twinOf = new Map<Candidate, Candidate>();
  for (const c of osm) {
    if (c.category !== 'cinema') continue;
    const ref = c.osm?.['ref:FR:CNC']?.trim();
    const twin = (ref ? cncByRef.get(ref) : undefined) ?? (options.nearby ? nearbyTwin(c, cnc, options.nearby) : undefined);
    if (twin) twinOf.set(c, twin);
  }
  // With nearby pairing, one CNC row keeps only its nearest OSM twin; the others are the same cinema again.
  const keptFor = new Map<Candidate, Candidate>();
  for (const [c, twin] of twinOf) {
    const kept = keptFor.get(twin);
    if (!kept || distanceMeters(c, twin) < distanceMeters(kept, twin)) keptFor.set(twin, c);
  }
  const dropped = new Set<string>([...keptFor.keys()].map((t) => t.id));
  const merged: CinemaMerge[] = [];
  const out: Candidate[] = [];
  for (const c of osm) {
    const twin = twinOf.get(c);
    if (!twin) {
      out.push(c);
      continue;
    }
    if (keptFor.get(twin) !== c) continue;
    merged.push({ osmId: c.id, cncId: twin.id });
    out.push({ ...c, tags: finishTags([...c.tags, ...twin.tags]) });
  }
  return { candidates: [...out, ...cnc.filter((c) => !dropped.has(c.id))], merged };
}
