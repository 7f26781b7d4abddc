/**
 * Synthetic travellers and their interactions, as columns: at 1M places that is 200k travellers and 10M
 * interactions, which as objects would cost gigabytes before the graph is even built. Each traveller has a
 * home hotspot and a few tastes, and picks places near home, by popularity, often matching those tastes:
 * so co-visitation structure exists for a collaborative "taste" walk to find.
 */
import type { Place } from '../../server/src/catalogue/model.ts';
import type { Interaction, InteractionKind, Traveller } from '../../server/src/travellers/model.ts';
import { CATEGORY_IDS, CATEGORY_SHARE, CUISINE_TAGS, FACET_TAGS } from './city-vocabulary.ts';
import { cumulative, drawIndex, randInt, zipfRank, zipfWeights, type Rng } from './random.ts';
import type { Hotspots } from './synthetic-city.ts';

/**
 * An id as a store's driver hands it out: one flat string. A template literal of 13 characters or more is a
 * rope (a V8 cons string), and a rope as a Map key costs twice a flat string's lookup; the server only ever
 * gets flat ones, from SQLite or PostgreSQL.
 */
export const asStored = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

export const PLACES_PER_TRAVELLER = 5;
export const MEAN_INTERACTIONS = 50;
export const KINDS: InteractionKind[] = ['visited', 'liked', 'dismissed', 'been_there'];
const KIND_CDF = cumulative([0.6, 0.36, 0.03, 0.01]);
export const ALL_TAGS: string[] = [...CUISINE_TAGS, ...FACET_TAGS];
const NONE8 = 255;
const NONE16 = 0xffff;
const YEAR_MIN = 365 * 24 * 60;

export interface TravellerColumns {
  count: number;
  homeHotspot: Int32Array;
  /** Two liked categories and two liked tags per traveller (indices; NONE when absent). */
  likeCategories: Uint8Array;
  likeTags: Uint16Array;
  dislikeCategory: Uint8Array;
  children: Uint8Array;
  budget: Uint8Array;
  /** Interactions in CSR form: traveller t owns [start[t], start[t+1]). */
  start: Int32Array;
  place: Int32Array;
  kind: Uint8Array;
  minutesAgo: Uint32Array;
}

export function generateTravellers(rng: Rng, places: Place[], hs: Hotspots): TravellerColumns {
  const count = Math.max(1, Math.round(places.length / PLACES_PER_TRAVELLER));
  const categoryCdf = cumulative(CATEGORY_IDS.map((c) => CATEGORY_SHARE[c]));
  const tagCdf = cumulative(zipfWeights(ALL_TAGS.length, 0.8));
  const t: TravellerColumns = {
    count,
    homeHotspot: new Int32Array(count),
    likeCategories: new Uint8Array(2 * count).fill(NONE8),
    likeTags: new Uint16Array(2 * count).fill(NONE16),
    dislikeCategory: new Uint8Array(count).fill(NONE8),
    children: new Uint8Array(count),
    budget: new Uint8Array(count),
    start: new Int32Array(count + 1),
    place: new Int32Array(0),
    kind: new Uint8Array(0),
    minutesAgo: new Uint32Array(0),
  };
  for (let i = 0; i < count; i++) {
    t.homeHotspot[i] = drawIndex(rng, hs.cdf);
    t.likeCategories[2 * i] = drawIndex(rng, categoryCdf);
    if (rng() < 0.5) t.likeCategories[2 * i + 1] = drawIndex(rng, categoryCdf);
    t.likeTags[2 * i] = drawIndex(rng, tagCdf);
    if (rng() < 0.5) t.likeTags[2 * i + 1] = drawIndex(rng, tagCdf);
    if (rng() < 0.2) t.dislikeCategory[i] = CATEGORY_IDS.indexOf('museum'); // Léa's "no more museums"
    t.children[i] = rng() < 0.2 ? 1 + randInt(rng, 3) : 0;
    t.budget[i] = 1 + randInt(rng, 4);
    // Exponential activity, mean ≈ 50: most travellers did little, a few did a lot.
    const n = Math.min(2000, 1 + Math.floor(-Math.log(1 - rng()) * (MEAN_INTERACTIONS - 0.5)));
    t.start[i + 1] = t.start[i]! + n;
  }
  const total = t.start[count]!;
  t.place = new Int32Array(total);
  t.kind = new Uint8Array(total);
  t.minutesAgo = new Uint32Array(total);
  for (let i = 0; i < count; i++) {
    for (let j = t.start[i]!; j < t.start[i + 1]!; j++) {
      t.place[j] = choosePlace(rng, t, i, places, hs);
      t.kind[j] = drawIndex(rng, KIND_CDF);
      t.minutesAgo[j] = 60 + randInt(rng, YEAR_MIN); // before the benchmark's day starts
    }
  }
  return t;
}

/** Near home most of the time, popular places first, and half the time something the traveller likes. */
function choosePlace(rng: Rng, t: TravellerColumns, i: number, places: Place[], hs: Hotspots): number {
  const r = rng();
  const k = r < 0.7 ? t.homeHotspot[i]! : r < 0.9 ? drawIndex(rng, hs.cdf) : -1;
  const from = k >= 0 ? hs.start[k]! : 0;
  const size = k >= 0 ? hs.start[k + 1]! - from : 0;
  const pick = () => (size > 0 ? hs.places[from + zipfRank(rng, size)]! : randInt(rng, places.length));
  let p = pick();
  if (rng() < 0.5) for (let tries = 0; tries < 3 && !likes(t, i, places[p]!); tries++) p = pick();
  return p;
}

function likes(t: TravellerColumns, i: number, place: Place): boolean {
  const c = (CATEGORY_IDS as readonly string[]).indexOf(place.category);
  if (t.likeCategories[2 * i] === c || t.likeCategories[2 * i + 1] === c) return true;
  for (const s of [2 * i, 2 * i + 1]) if (t.likeTags[s] !== NONE16 && place.tags.includes(ALL_TAGS[t.likeTags[s]!]!)) return true;
  return false;
}

/** The interactions as the server holds them. Ids and Dates are shared or created once per edge. */
export function toInteractions(t: TravellerColumns, places: Place[], now: Date): Interaction[] {
  return [...streamInteractions(t, places, now)];
}

/** The interactions one at a time, as a store's cursor hands out rows: nothing but the current one is kept. */
export function* streamInteractions(t: TravellerColumns, places: Place[], now: Date): Generator<Interaction> {
  const nowMs = now.getTime();
  for (let i = 0; i < t.count; i++) {
    const travellerId = asStored(`synth-t${i}`);
    for (let j = t.start[i]!; j < t.start[i + 1]!; j++) {
      yield { travellerId, placeId: places[t.place[j]!]!.id, kind: KINDS[t.kind[j]!]!, at: new Date(nowMs - t.minutesAgo[j]! * 60_000) };
    }
  }
}

/** Traveller i as the recommender sees them, every consent on (the benchmark measures the full path). */
export function travellerAt(t: TravellerColumns, i: number, cityId: string): Traveller {
  const cats = [t.likeCategories[2 * i]!, t.likeCategories[2 * i + 1]!].filter((c) => c !== NONE8);
  const tags = [t.likeTags[2 * i]!, t.likeTags[2 * i + 1]!].filter((x) => x !== NONE16);
  const dislike = t.dislikeCategory[i]!;
  return {
    id: asStored(`synth-t${i}`),
    agencyId: 'bench',
    name: `Traveller ${i}`,
    locale: 'en',
    cityId,
    personaId: null,
    likes: [...cats.map((c) => ({ kind: 'category' as const, id: CATEGORY_IDS[c]! })), ...tags.map((x) => ({ kind: 'tag' as const, id: ALL_TAGS[x]! }))],
    dislikes: dislike === NONE8 ? [] : [{ kind: 'category', id: CATEGORY_IDS[dislike]! }],
    party: { adults: 1 + (i % 2), childrenAges: Array.from({ length: t.children[i]! }, (_, k) => 4 + 3 * k), accessibility: [] },
    budget: t.budget[i]!,
    consents: { location: true, history: true, profile: true, wallet: true },
  };
}
