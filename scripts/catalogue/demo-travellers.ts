/**
 * The seeded demo travellers of a city (`data/<city>/demo-travellers.json`, written by `npm run catalogue:build`
 * with the rest of the city; `npm run catalogue:demo-travellers` rewrites Paris's alone), the travellers
 * the taste walk goes through. They are not people and not from any source: each is a plausible history
 * at real places of the catalogue, drawn (seeded, so the file is the same on every run) from a taste
 * archetype — mostly places of the archetype, now and then anything else, liked or visited over the past
 * year. Without them the demo graph holds three travellers, and "travellers who liked X also liked Y"
 * would be one persona's habit repeated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DemoTravellerRecord, PlaceRecord, PRACTICAL_TAGS, type CategoryId } from '../../shared/src/index.ts';
import { mulberry32 } from '../../server/src/recommend/seeded-random.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CITY_DIR = path.join(ROOT, 'data/paris');
export const PARIS_TRAVELLER_SEED = 20261124;

export interface Archetype {
  name: string;
  travellers: number;
  tags: string[];
  categories: CategoryId[];
}

/** Tastes a visitor to Paris plausibly has, in the catalogue's own tags and categories. */
export const ARCHETYPES: Archetype[] = [
  { name: 'natural wine and small plates', travellers: 10, tags: ['wine', 'natural-wine', 'cuisine:wine', 'tasting-menu', 'cuisine:tapas'], categories: [] },
  { name: 'ramen and Japanese food', travellers: 8, tags: ['cuisine:ramen', 'cuisine:japanese', 'cuisine:noodle', 'cuisine:sushi'], categories: [] },
  { name: 'climbing and bouldering', travellers: 8, tags: ['sport:climbing', 'bouldering', 'rope-climbing'], categories: ['climbing'] },
  { name: 'jazz and live music', travellers: 8, tags: ['jazz', 'live-music', 'concerts'], categories: ['music_venue'] },
  { name: 'running in parks', travellers: 8, tags: ['running'], categories: [] },
  { name: 'crêpes, pizza and parks with children', travellers: 10, tags: ['cuisine:crepe', 'cuisine:pizza', 'cuisine:pancake', 'ice-cream'], categories: ['park'] },
  { name: 'art-house cinema', travellers: 8, tags: ['art-et-essai', 'art-et-essai:recherche', 'art-et-essai:patrimoine', 'classic-film'], categories: [] },
  { name: 'fine arts and history museums', travellers: 8, tags: ['beaux-arts', 'histoire', 'arts-decoratifs', 'archeologie'], categories: ['museum'] },
  { name: 'modern art and galleries', travellers: 6, tags: ['art-moderne-et-contemporain', 'photographie', 'art'], categories: ['gallery'] },
  { name: 'cocktails, pubs and late nights', travellers: 8, tags: ['pub', 'craft-beer', 'club', 'karaoke'], categories: ['nightlife'] },
  { name: 'coffee shops and brunch', travellers: 8, tags: ['cuisine:coffee_shop', 'cuisine:brunch', 'cuisine:cake', 'cuisine:breakfast'], categories: ['cafe'] },
  { name: 'markets and fresh food', travellers: 6, tags: ['organic', 'flea-market', 'flowers'], categories: ['market'] },
  { name: 'swimming pools', travellers: 6, tags: ['sport:swimming', 'swimming'], categories: ['swimming'] },
  { name: 'theatre, opera and comedy', travellers: 6, tags: ['opera', 'theatre:opera', 'comedy', 'stand-up', 'musical'], categories: ['theatre'] },
  { name: 'vegetarian and vegan food', travellers: 6, tags: ['vegan', 'vegetarian'], categories: [] },
  { name: 'Asian food beyond Japan', travellers: 6, tags: ['cuisine:korean', 'cuisine:thai', 'cuisine:vietnamese', 'cuisine:chinese', 'cuisine:indian'], categories: [] },
];

/** An archetype needs this many places of its own, or its travellers would all share one history. */
const MIN_POOL = 4;
const MIN_PLACES = 5;
const MAX_PLACES = 10;
/** Share of a history drawn from outside the archetype: nobody's taste is only one thing. */
const OFF_TASTE = 0.12;
const LIKED = 0.4;
const MAX_DAYS_AGO = 365;

/**
 * `firstNumber` numbers the travellers of a city after those of the cities built before it: the server seeds
 * them as travellers by id, so `demo-traveller-001` must be one traveller in one city.
 */
export function demoTravellers(places: PlaceRecord[], seed = PARIS_TRAVELLER_SEED, archetypes: Archetype[] = ARCHETYPES, firstNumber = 1): DemoTravellerRecord[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const out: DemoTravellerRecord[] = [];
  for (const archetype of archetypes) {
    const tags = new Set(archetype.tags.filter((t) => !PRACTICAL_TAGS.has(t)));
    const pool = places.filter((p) => archetype.categories.includes(p.category) || p.tags.some((t) => tags.has(t)));
    if (pool.length < MIN_POOL) throw new Error(`archetype "${archetype.name}" matches ${pool.length} places: fewer than ${MIN_POOL}`);
    for (let i = 0; i < archetype.travellers; i++) {
      const size = MIN_PLACES + Math.floor(rand() * (MAX_PLACES - MIN_PLACES + 1));
      const chosen = new Set<string>();
      // A small pool runs out: the rest of the history is then off-taste.
      while (chosen.size < size) {
        const offTaste = rand() < OFF_TASTE || pool.every((p) => chosen.has(p.id));
        chosen.add((offTaste ? pick(places) : pick(pool)).id);
      }
      const history = [...chosen].map((placeId) => ({
        placeId,
        kind: rand() < LIKED ? ('liked' as const) : ('visited' as const),
        daysAgo: 1 + Math.floor(rand() * MAX_DAYS_AGO),
      }));
      out.push(DemoTravellerRecord.parse({ id: `demo-traveller-${String(firstNumber + out.length).padStart(3, '0')}`, archetype: archetype.name, history }));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const places = (JSON.parse(fs.readFileSync(path.join(CITY_DIR, 'places.json'), 'utf8')) as unknown[]).map((p) => PlaceRecord.parse(p));
  const travellers = demoTravellers(places);
  const file = path.join(CITY_DIR, 'demo-travellers.json');
  fs.writeFileSync(file, JSON.stringify(travellers, null, 2) + '\n');
  const interactions = travellers.reduce((n, t) => n + t.history.length, 0);
  console.log(
    `${path.relative(ROOT, file)}: ${travellers.length} seeded demo travellers, ${interactions} interactions at ${new Set(travellers.flatMap((t) => t.history.map((h) => h.placeId))).size} places`,
  );
}
