/**
 * A seeded synthetic city in the server's in-memory model (Catalogue + Interaction[]), for benchmarks at
 * sizes no real extract gives us. Places cluster around neighbourhood hotspots (a mixture of Gaussians)
 * whose peak density is that of central Paris whatever the size, so a bigger city is a wider one, not a
 * denser one: that is what makes "latency grows sub-linearly" a fair question.
 */
import type { Catalogue, CatalogueEvent, City, Offer, Place } from '../../server/src/catalogue/model.ts';
import type { LeisureCategoryId } from '../../shared/src/index.ts';
import { CATEGORY_IDS, CATEGORY_SHARE, CUISINE_TAGS, EVENT_KIND, FACET_TAGS, OPENING_HOURS, UNKNOWN_HOURS_SHARE } from './city-vocabulary.ts';
import { cumulative, drawIndex, gaussian, mulberry32, randInt, zipfWeights, type Rng } from './random.ts';
import type { Interaction, Traveller } from '../../server/src/travellers/model.ts';
import { asStored, generateTravellers, streamInteractions, toInteractions, travellerAt, type TravellerColumns } from './synthetic-travellers.ts';

export interface SyntheticCityOptions {
  places: number;
  seed?: number;
  /** Midnight, local time, of the day the benchmark pretends it is; events start in the week after. */
  start?: Date;
}

/** Hotspots as columns: a few thousand at 1M places, read in the request loop. */
export interface Hotspots {
  lat: Float64Array;
  lon: Float64Array;
  sigmaM: Float64Array;
  cdf: Float64Array; // popularity: where places, travellers' homes and requests fall
  /** CSR lists of place indices per hotspot; the order within a list is the places' popularity rank. */
  start: Int32Array;
  places: Int32Array;
}

export interface SyntheticCity {
  seed: number;
  start: Date;
  city: City;
  catalogue: Catalogue;
  hotspots: Hotspots;
  travellers: TravellerColumns;
}

const AVG_DENSITY_PER_KM2 = 100; // leisure places per km², averaged over the whole area
const PLACES_PER_HOTSPOT = 250;
const BACKGROUND_SHARE = 0.15; // places scattered outside any hotspot
const PEAK_DENSITY_PER_KM2: [number, number] = [300, 900]; // at a hotspot's centre (the Marais is ~800)
const M_PER_DEG_LAT = 111_320;
const CENTER = { lat: 48.8566, lon: 2.3522 };
const SEEDED: Place['seeded'] = ['rating', 'reviewCount', 'priceLevel', 'tags'];
const DAY_MS = 86_400_000;

export const DEFAULT_START = new Date('2026-11-23T23:00:00Z'); // Tuesday 24 November 2026, 00:00 in Paris

export function generateCity(options: SyntheticCityOptions): SyntheticCity {
  const seed = options.seed ?? 42;
  const start = options.start ?? DEFAULT_START;
  const rng = mulberry32(seed);
  const n = options.places;
  const city: City = {
    id: 'synth',
    name: `Synthetic city (${n} places)`,
    timezone: 'Europe/Paris',
    countryCode: 'fr',
    center: CENTER,
    attribution: ['synthetic data (scripts/bench/synthetic-city.ts)'],
  };
  const hotspotOf = new Int32Array(n);
  const hotspots = placeHotspots(rng, n, hotspotOf);
  const places = generatePlaces(rng, n, hotspots, hotspotOf, city);
  const offers = generateOffers(rng, places);
  const catalogue: Catalogue = {
    agencies: [{ id: 'bench', name: 'Bench Agency' }],
    cities: [city],
    places,
    archivedPlaces: [],
    events: generateEvents(rng, places, start),
    offers,
    // A quarter of the offers promoted, for the whole run.
    promotions: offers
      .filter(() => rng() < 0.25)
      .map((o) => ({
        id: `promo-${o.id}`,
        agencyId: 'bench',
        target: { kind: 'offer' as const, id: o.id },
        boost: 1,
        startsAt: new Date(start.getTime() - 86_400_000),
        endsAt: new Date(start.getTime() + 30 * 86_400_000),
        label: null,
      })),
    withdrawn: { events: [], offers: [], promotions: [] },
  };
  const travellers = generateTravellers(rng, places, hotspots);
  return { seed, start, city, catalogue, hotspots, travellers };
}

/** Every interaction as an object, for `TravelGraph.build`; call it once, the result is large. */
export function interactionsOf(c: SyntheticCity): Interaction[] {
  return toInteractions(c.travellers, c.catalogue.places, c.start);
}

/** The same interactions streamed one at a time (`TravelGraph.build` reads an iterable, as from a cursor). */
export function interactionStream(c: SyntheticCity): Iterable<Interaction> {
  return streamInteractions(c.travellers, c.catalogue.places, c.start);
}

export function traveller(c: SyntheticCity, i: number): Traveller {
  return travellerAt(c.travellers, i, c.city.id);
}

/** A point `sigmaM` metres (Gaussian) around a centre, in degrees. */
export function around(rng: Rng, lat: number, lon: number, sigmaM: number): { lat: number; lon: number } {
  return offset({ lat, lon }, gaussian(rng) * sigmaM, gaussian(rng) * sigmaM);
}

function placeHotspots(rng: Rng, n: number, hotspotOf: Int32Array): Hotspots {
  const sideM = Math.sqrt(n / AVG_DENSITY_PER_KM2) * 1000;
  const h = Math.max(1, Math.round(n / PLACES_PER_HOTSPOT));
  const cdf = cumulative(zipfWeights(h, 0.7));
  const counts = new Int32Array(h);
  for (let i = 0; i < n; i++) {
    const k = rng() < BACKGROUND_SHARE ? -1 : drawIndex(rng, cdf);
    hotspotOf[i] = k;
    if (k >= 0) counts[k]!++;
  }
  const lat = new Float64Array(h);
  const lon = new Float64Array(h);
  const sigmaM = new Float64Array(h);
  const startIdx = new Int32Array(h + 1);
  for (let k = 0; k < h; k++) {
    const p = offset(CENTER, (rng() - 0.5) * sideM, (rng() - 0.5) * sideM);
    lat[k] = p.lat;
    lon[k] = p.lon;
    // Size the spread so the centre has a city-centre density: count / (2π σ²) = peak.
    const peak = PEAK_DENSITY_PER_KM2[0] + rng() * (PEAK_DENSITY_PER_KM2[1] - PEAK_DENSITY_PER_KM2[0]);
    sigmaM[k] = Math.min(3000, Math.max(150, Math.sqrt(counts[k]! / (2 * Math.PI * peak)) * 1000));
    startIdx[k + 1] = startIdx[k]! + counts[k]!;
  }
  const fill = startIdx.slice(0, h);
  const places = new Int32Array(startIdx[h]!);
  for (let i = 0; i < n; i++) if (hotspotOf[i]! >= 0) places[fill[hotspotOf[i]!]!++] = i;
  return { lat, lon, sigmaM, cdf, start: startIdx, places };
}

function offset(from: { lat: number; lon: number }, dxM: number, dyM: number) {
  return { lat: from.lat + dyM / M_PER_DEG_LAT, lon: from.lon + dxM / (M_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180)) };
}

function generatePlaces(rng: Rng, n: number, hs: Hotspots, hotspotOf: Int32Array, city: City): Place[] {
  const categoryCdf = cumulative(CATEGORY_IDS.map((c) => CATEGORY_SHARE[c]));
  const cuisineCdf = cumulative(zipfWeights(CUISINE_TAGS.length, 1));
  const facetCdf = cumulative(zipfWeights(FACET_TAGS.length, 1));
  // Popularity rank within the hotspot drives review counts, so ratings and co-visits agree.
  const rankOf = new Int32Array(n).fill(-1);
  for (let k = 0; k + 1 < hs.start.length; k++) for (let j = hs.start[k]!; j < hs.start[k + 1]!; j++) rankOf[hs.places[j]!] = j - hs.start[k]!;
  const sideM = Math.sqrt(n / AVG_DENSITY_PER_KM2) * 1000;
  const places: Place[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = hotspotOf[i]!;
    const at = k >= 0 ? around(rng, hs.lat[k]!, hs.lon[k]!, hs.sigmaM[k]!) : offset(CENTER, (rng() - 0.5) * sideM, (rng() - 0.5) * sideM);
    const category = CATEGORY_IDS[drawIndex(rng, categoryCdf)]!;
    const tags = new Set<string>();
    if (category === 'restaurant') tags.add(CUISINE_TAGS[drawIndex(rng, cuisineCdf)]!);
    for (let t = randInt(rng, 4); t > 0; t--) tags.add(FACET_TAGS[drawIndex(rng, facetCdf)]!);
    const hoursChoices = OPENING_HOURS[category];
    const rank = rankOf[i]!;
    const reviews = rank >= 0 ? (3000 / (rank + 1)) * (0.3 + rng()) : 20 * rng();
    places[i] = {
      id: asStored(`synth:p${i}`),
      agencyId: 'bench',
      cityId: city.id,
      name: `${category.replace('_', ' ')} ${i}`,
      category,
      tags: [...tags],
      lat: at.lat,
      lon: at.lon,
      address: null,
      openingHours: rng() < UNKNOWN_HOURS_SHARE ? null : hoursChoices[randInt(rng, hoursChoices.length)]!,
      priceLevel: category === 'park' ? null : 1 + randInt(rng, 4),
      rating: rng() < 0.15 ? null : Math.round(Math.min(5, Math.max(1, 4.2 + 0.4 * gaussian(rng))) * 10) / 10,
      reviewCount: Math.round(reviews),
      website: null,
      seeded: SEEDED,
    };
  }
  return places;
}

/** About 1 % of places hold an event in the coming week, venues more often than cafés. */
function generateEvents(rng: Rng, places: Place[], start: Date): CatalogueEvent[] {
  const events: CatalogueEvent[] = [];
  for (const place of places) {
    const kind = EVENT_KIND[place.category as LeisureCategoryId];
    if (rng() >= (kind ? 0.04 : 0.005)) continue;
    // Local evening or afternoon start on one of the next 7 days, on the quarter hour.
    const startsAt = new Date(start.getTime() + randInt(rng, 7) * DAY_MS + (14 * 4 + randInt(rng, 8 * 4)) * 900_000);
    const capacity = 20 + randInt(rng, 480);
    events.push({
      id: `synth-e${events.length}`,
      agencyId: 'bench',
      placeId: place.id,
      title: `${kind ?? 'concert'} at ${place.name}`,
      kind: kind ?? 'concert',
      tags: place.tags.slice(0, 2),
      startsAt,
      endsAt: new Date(startsAt.getTime() + (60 + randInt(rng, 120)) * 60_000),
      capacity,
      seatsLeft: rng() < 0.05 ? 0 : randInt(rng, capacity + 1),
      price: randInt(rng, 60),
      currency: 'EUR',
    });
  }
  return events;
}

/** About 0.2 % of places carry an agency offer; a quarter of those are promoted. */
function generateOffers(rng: Rng, places: Place[]): Offer[] {
  const offers: Offer[] = [];
  for (const place of places) {
    if (rng() >= 0.002) continue;
    const seatsTotal = 5 + randInt(rng, 46);
    offers.push({
      id: `synth-o${offers.length}`,
      agencyId: 'bench',
      placeId: place.id,
      title: `Offer at ${place.name}`,
      description: '',
      price: 10 + randInt(rng, 90),
      currency: 'EUR',
      seatsTotal,
      seatsLeft: rng() < 0.05 ? 0 : 1 + randInt(rng, seatsTotal),
      tags: place.tags.slice(0, 1),
      saleStartsAt: null,
      saleEndsAt: null,
    });
  }
  return offers;
}
