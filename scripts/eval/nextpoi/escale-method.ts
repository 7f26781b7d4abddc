/**
 * Escale as a next-POI method: the real ranker, called as the server calls it, over a catalogue of every
 * train POI. The one place to tune how the protocol's queries reach the ranker (the context, the options).
 * What the ranker does not return (the places its never-visited rule leaves out in the next-new-place task)
 * follows its list by train popularity, so the answer is a full ranking like every other method's.
 */
import { distanceMeters } from '../../../shared/src/geo.ts';
import { TravelGraph } from '../../../server/src/graph/travel-graph.ts';
import { rank } from '../../../server/src/recommend/rank.ts';
import { Recommender } from '../../../server/src/recommend/recommender.ts';
import type { CityClock } from '../checkins-clock.ts';
import type { Ranking } from './baselines.ts';
import { AGENCY, catalogueOf, cityOf, placesOf, trainVisits, travellerOf, visitOf } from './escale-catalogue.ts';
import type { Task } from './protocol.ts';
import type { SignalId } from '../../../shared/src/signals.ts';
import { prefixBeyondTrain, type Query, type TrainStats } from './train-stats.ts';

/**
 * The weights Escale ranks with here, per task: an agency's weights, within the bounds any agency may set
 * (half to twice each default; WEIGHT_BOUNDS in shared/src/agency.ts), chosen once on NYC's validation
 * samples (coordinate search of proximity, timing, taste and popularity for the best MRR) and kept for every
 * city. The next place keeps the defaults; a next new place is nearer and better known than the defaults
 * say: proximity 5 (default 3), taste 2 (2.5), popularity 2 (1) took its validation MRR from 0.072 to 0.078.
 */
export const NEXTPOI_WEIGHTS: Record<Task, Partial<Record<SignalId, number>>> = { next: {}, new: { proximity: 5, taste: 2, popularity: 2 } };

/**
 * Builds the travel graph from train rows once; the function returned ranks one query, and says how many
 * places the ranker itself returned (the rest of the ranking is the popularity tail).
 */
export function escaleMethod(
  stats: TrainStats,
  clock: CityClock,
  cityName: string,
  weights: Record<Task, Partial<Record<SignalId, number>>> = NEXTPOI_WEIGHTS,
): (query: Query, task: Task) => { ranking: Ranking; fromRanker: number } {
  const places = placesOf(stats);
  const graph = TravelGraph.build(catalogueOf(cityOf(stats, clock, cityName), places), []);
  // Every train check-in is a visit of the log: how often and in which order, not only that it happened.
  for (const v of trainVisits(stats)) graph.recordVisit(v.travellerId, v.placeId, v.at);
  const recommender = new Recommender(graph, () => AGENCY.name);
  const poiOf = new Map(places.map((p, i) => [p.id, i]));
  const corners = [
    { lat: Math.min(...stats.lat), lon: Math.min(...stats.lon) },
    { lat: Math.min(...stats.lat), lon: Math.max(...stats.lon) },
    { lat: Math.max(...stats.lat), lon: Math.min(...stats.lon) },
    { lat: Math.max(...stats.lat), lon: Math.max(...stats.lon) },
  ];

  return (query, task) => {
    const last = query.prefix[query.prefix.length - 1]!;
    // The target's time is not known to any method: the moment asked about is the last check-in's.
    const ctx = recommender.context({ traveller: travellerOf(query.user), now: last.at, position: { lat: last.lat, lon: last.lon, at: last.at } });
    // The prefix is history as much as train is; check-ins already in train are in the graph.
    for (const c of prefixBeyondTrain(stats, query)) {
      if (!stats.index.has(c.venueId)) continue;
      const visit = visitOf(query.user, c.venueId, c.at);
      ctx.history?.push(visit);
      ctx.visits?.push({ placeId: visit.placeId, at: visit.at.getTime() });
      ctx.visited.add(visit.placeId);
    }
    ctx.visits?.sort((a, b) => a.at - b.at);
    // Every candidate within the radius: the farthest corner of the POIs' box, with a margin for the
    // ranker's flat-earth distances.
    const radiusMeters = Math.max(...corners.map((c) => distanceMeters(last, c))) * 1.05 + 1_000;
    const result = rank(graph, ctx, {
      limit: places.length,
      radiusMeters,
      maxPlaces: Number.MAX_SAFE_INTEGER,
      allowVisited: task === 'next',
      diversify: false,
      ignoreHours: true,
      weights: weights[task],
    });
    const ranking = new Int32Array(places.length);
    const placed = new Uint8Array(places.length);
    let k = 0;
    for (const s of result.items) {
      const i = poiOf.get(s.item.place.id);
      if (i === undefined || placed[i]) continue;
      placed[i] = 1;
      ranking[k++] = i;
    }
    const fromRanker = k;
    for (const i of stats.byPopularity) if (!placed[i]) ranking[k++] = i;
    return { ranking, fromRanker };
  };
}
