/**
 * Walks for `npm run bench:push`: each simulated traveller hops between real places of the Paris catalogue,
 * every hop 350–500 m long, so each location message is a move the push policy counts (> 300 m).
 */
import fs from 'node:fs';
import path from 'node:path';
import { distanceMeters, type LatLon } from '../../shared/src/geo.ts';
import { randInt, type Rng } from './random.ts';

/** The hop range: above the 300 m that counts as "moved", and about five minutes of walking. */
export const HOP_METERS = { min: 350, max: 500 } as const;

export interface PlaceHops {
  points: LatLon[];
  /** For each place, the places 350–500 m away (symmetric, so a walk never gets stuck once it can start). */
  hops: number[][];
  /** Places with at least one hop: where a walk may start. */
  starts: number[];
}

export function placeHops(catalogueDir: string): PlaceHops {
  const raw = JSON.parse(fs.readFileSync(path.join(catalogueDir, 'places.json'), 'utf8')) as LatLon[];
  const points = raw.map(({ lat, lon }) => ({ lat, lon }));
  const hops = points.map((p, i) =>
    points.flatMap((q, j) => {
      const d = i === j ? 0 : distanceMeters(p, q);
      return d >= HOP_METERS.min && d <= HOP_METERS.max ? [j] : [];
    }),
  );
  return { points, hops, starts: hops.flatMap((h, i) => (h.length > 0 ? [i] : [])) };
}

/** One traveller's walk: the first call gives the start place, each later call the next hop. */
export function walker(graph: PlaceHops, rng: Rng): () => LatLon {
  let at = -1;
  let previous = -1;
  return () => {
    if (at < 0) {
      at = graph.starts[randInt(rng, graph.starts.length)]!;
    } else {
      // Not straight back where we came from unless it is the only way on.
      const options = graph.hops[at]!.filter((j) => j !== previous);
      const from = options.length > 0 ? options : graph.hops[at]!;
      previous = at;
      at = from[randInt(rng, from.length)]!;
    }
    return graph.points[at]!;
  };
}
