// Builds the Paris demo catalogue (places, city, events, offers, personas) from the real open data in ../shared/data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CategoryId } from '../../shared/src/categories.ts';
import { CATEGORY_IDS } from '../../shared/src/categories.ts';
import type { EventTemplate, OfferRecord, PersonaRecord, SourceDataset } from '../../shared/src/catalogue.ts';
import { CityRecord, EventTemplate as EventSchema, OfferRecord as OfferSchema, PersonaRecord as PersonaSchema, PlaceRecord } from '../../shared/src/catalogue.ts';
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { cinemaCandidates } from './cinemas.ts';
import { PARIS_EVENTS } from './demo-events.ts';
import { PARIS_OFFERS } from './demo-offers.ts';
import { marketCandidates, type MarketIssue } from './markets.ts';
import { museumCandidates, type MuseumSkip } from './museums.ts';
import { checkOpeningHours } from '../../server/src/catalogue/osm/opening-hours-check.ts';
import { candidatesFromGeojson, candidatesFromPbf, emptySkipCounts, type OsmSkipCounts } from '../../server/src/catalogue/osm/osm-places.ts';
import { PERSONAS } from './personas.ts';
import { finishTags } from '../../server/src/catalogue/osm/place-tags.ts';
import { readCsv } from './read-csv.ts';
import { readOsmPointGeojson } from '../../server/src/catalogue/osm/read-geojson.ts';
import { readOsmPbf } from '../../server/src/catalogue/osm/read-osm-pbf.ts';
import { seededPriceLevel, seededRating, seededReviewCount } from './seeded-values.ts';
import { dedupeById, PARIS_CENTER, selectPlaces } from './select-places.ts';
import { missingSources, PARIS_SOURCES, sourceDate, sourcePath } from './sources.ts';

export const PARIS_CITY: CityRecord = {
  id: 'paris',
  name: 'Paris',
  timezone: 'Europe/Paris',
  countryCode: 'fr',
  center: { lat: PARIS_CENTER.lat, lon: PARIS_CENTER.lon },
  attribution: ['© OpenStreetMap contributors (ODbL 1.0)', 'Ministère de la Culture – Muséofile', 'Ministère de la Culture – CNC', 'Ville de Paris'],
};

export interface BuildStats {
  perCategory: Record<CategoryId, number>;
  perSource: Record<SourceDataset, number>;
  /** Selected places per raw file (an OSM object found in two files counts for the newest one). */
  perFile: Record<string, number>;
  eligible: Record<CategoryId, number>;
  /** Places whose source gave an opening_hours string that the library rejected (stored as null). */
  rejectedHours: Array<{ id: string; value: string }>;
  /** Same count over every candidate considered, selected or not. */
  rejectedHoursAllCandidates: number;
  withHours: number;
  osmSkips: OsmSkipCounts;
  museumsSkipped: MuseumSkip[];
  marketIssues: MarketIssue[];
  /** OSM cinemas that carry the CNC reference of a CNC row: the OSM copy is kept, the CNC row dropped. */
  cinemasMerged: Array<{ osmId: string; cncId: string }>;
}

export interface ParisCatalogue {
  places: PlaceRecord[];
  city: CityRecord;
  events: EventTemplate[];
  offers: OfferRecord[];
  personas: PersonaRecord[];
  stats: BuildStats;
}

/** OSM cinemas near the Opéra carry `ref:FR:CNC`; they replace the CNC row and inherit its Art et Essai tags. */
function mergeCinemas(osm: Candidate[], cnc: Candidate[]): { candidates: Candidate[]; merged: BuildStats['cinemasMerged'] } {
  const cncByRef = new Map(cnc.map((c) => [c.ref, c]));
  const dropped = new Set<string>();
  const merged: BuildStats['cinemasMerged'] = [];
  const out = osm.map((c) => {
    const ref = c.osm?.['ref:FR:CNC']?.trim();
    const twin = c.category === 'cinema' && ref ? cncByRef.get(ref) : undefined;
    if (!twin) return c;
    dropped.add(twin.id);
    merged.push({ osmId: c.id, cncId: twin.id });
    return { ...c, tags: finishTags([...c.tags, ...twin.tags]) };
  });
  return { candidates: [...out, ...cnc.filter((c) => !dropped.has(c.id))], merged };
}

/** Checks that every place id used by events, offers and personas exists; throws with the list otherwise. */
export function checkReferences(placeIds: Set<string>, events: EventTemplate[], offers: OfferRecord[], personas: PersonaRecord[]): void {
  const missing: string[] = [];
  for (const e of events) if (!placeIds.has(e.placeId)) missing.push(`event ${e.id} → ${e.placeId}`);
  for (const o of offers) if (!placeIds.has(o.placeId)) missing.push(`offer ${o.id} → ${o.placeId}`);
  for (const p of personas) for (const h of p.history) if (!placeIds.has(h.placeId)) missing.push(`persona ${p.id} → ${h.placeId}`);
  if (missing.length > 0) throw new Error(`unknown place ids:\n  ${missing.join('\n  ')}`);
}

function uniqueIds(kind: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`duplicate ${kind} id ${id}`);
    seen.add(id);
  }
}

export async function buildParisCatalogue(dataDir: string): Promise<ParisCatalogue> {
  const missing = missingSources(dataDir);
  if (missing.length > 0) throw new Error(`missing source files:\n  ${missing.join('\n  ')}`);

  const osmSkips = emptySkipCounts();
  const [restaurants, operaArea, parksSports] = await Promise.all([
    readOsmPbf(sourcePath(dataDir, 'restaurants')),
    readOsmPbf(sourcePath(dataDir, 'operaArea')),
    readOsmPbf(sourcePath(dataDir, 'parksSports')),
  ]);
  const osmCandidates = [
    ...candidatesFromPbf(restaurants, sourceDate('restaurants'), osmSkips),
    ...candidatesFromPbf(operaArea, sourceDate('operaArea'), osmSkips),
    ...candidatesFromPbf(parksSports, sourceDate('parksSports'), osmSkips),
    ...candidatesFromGeojson(readOsmPointGeojson(sourcePath(dataDir, 'cafes')), sourceDate('cafes'), osmSkips),
  ];
  const cnc = cinemaCandidates(readCsv(sourcePath(dataDir, 'cinemas')), sourceDate('cinemas'));
  const museums = museumCandidates(readCsv(sourcePath(dataDir, 'museums')), sourceDate('museums'));
  const markets = marketCandidates(readCsv(sourcePath(dataDir, 'markets')), sourceDate('markets'));

  const cinemas = mergeCinemas(dedupeById(osmCandidates), cnc);
  const candidates = dedupeById([...cinemas.candidates, ...museums.candidates, ...markets.candidates]);

  const checkedHours = new Map<string, string | null>();
  let rejectedHoursAllCandidates = 0;
  for (const c of candidates) {
    if (c.openingHoursRaw === null) continue;
    const ok = checkOpeningHours(c.openingHoursRaw, c.lat, c.lon);
    checkedHours.set(c.id, ok);
    if (ok === null) rejectedHoursAllCandidates++;
  }
  const { selected, eligible } = selectPlaces(candidates, (c) => checkedHours.get(c.id) != null);

  const rejectedHours: BuildStats['rejectedHours'] = [];
  const perFile: Record<string, number> = Object.fromEntries(PARIS_SOURCES.map((f) => [f.path, 0]));
  for (const c of selected) {
    const file = PARIS_SOURCES.find((f) => f.date === c.sourceDate);
    if (file) perFile[file.path] = (perFile[file.path] ?? 0) + 1;
  }
  const places: PlaceRecord[] = selected.map((c) => {
    const openingHours = checkedHours.get(c.id) ?? null;
    if (c.openingHoursRaw !== null && openingHours === null) rejectedHours.push({ id: c.id, value: c.openingHoursRaw });
    const priceLevel = seededPriceLevel(c.id, c.category, c.cuisines);
    const record: PlaceRecord = {
      id: c.id,
      source: { dataset: c.dataset, ref: c.ref },
      name: c.name,
      category: c.category,
      tags: c.tags,
      lat: c.lat,
      lon: c.lon,
      address: c.address,
      openingHours,
      priceLevel,
      rating: seededRating(c.id),
      reviewCount: seededReviewCount(c.id),
      website: c.website,
      seeded: priceLevel === null ? ['rating', 'reviewCount'] : ['rating', 'reviewCount', 'priceLevel'],
    };
    return PlaceRecord.parse(record);
  });

  const events = z.array(EventSchema).parse(PARIS_EVENTS);
  const offers = z.array(OfferSchema).parse(PARIS_OFFERS);
  const personas = z.array(PersonaSchema).parse(PERSONAS);
  uniqueIds(
    'event',
    events.map((e) => e.id),
  );
  uniqueIds(
    'offer',
    offers.map((o) => o.id),
  );
  uniqueIds(
    'persona',
    personas.map((p) => p.id),
  );
  checkReferences(new Set(places.map((p) => p.id)), events, offers, personas);

  const perCategory = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  const perSource: Record<SourceDataset, number> = { osm: 0, museofile: 0, 'cnc-cinemas': 0, 'paris-markets': 0, csv: 0, geojson: 0, console: 0 };
  for (const p of places) {
    perCategory[p.category]++;
    perSource[p.source.dataset]++;
  }
  return {
    places,
    city: CityRecord.parse(PARIS_CITY),
    events,
    offers,
    personas,
    stats: {
      perCategory,
      perSource,
      perFile,
      eligible,
      rejectedHours,
      rejectedHoursAllCandidates,
      withHours: places.filter((p) => p.openingHours !== null).length,
      osmSkips,
      museumsSkipped: museums.skipped,
      marketIssues: markets.issues,
      cinemasMerged: cinemas.merged,
    },
  };
}

/** Pretty JSON with a final newline: the committed files are diffed by people. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data');

function printSummary(c: ParisCatalogue): void {
  const s = c.stats;
  const rows = CATEGORY_IDS.map((cat) => `  ${cat.padEnd(14)} ${String(s.perCategory[cat]).padStart(4)}   (eligible ${s.eligible[cat]})`);
  console.log(`Paris catalogue: ${c.places.length} places`);
  console.log(rows.join('\n'));
  console.log(
    `per source: ${Object.entries(s.perSource)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `per file: ${Object.entries(s.perFile)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`with opening hours: ${s.withHours}; rejected opening_hours strings: ${s.rejectedHours.length} among selected places, ${s.rejectedHoursAllCandidates} among all candidates`);
  for (const r of s.rejectedHours) console.log(`  rejected ${r.id}: ${JSON.stringify(r.value)}`);
  console.log(`museums left out: ${s.museumsSkipped.map((m) => `${m.ref} (${m.reason})`).join('; ')}`);
  for (const m of s.marketIssues) console.log(`market ${m.ref} ${m.name}: ${m.issue}`);
  console.log(`cinemas merged (OSM kept, CNC row dropped): ${s.cinemasMerged.map((m) => `${m.osmId}=${m.cncId}`).join(', ')}`);
  console.log(`OSM skips: ${JSON.stringify(s.osmSkips)}`);
  console.log(`events ${c.events.length}, offers ${c.offers.length} (${c.offers.filter((o) => o.promoted).length} promoted), personas ${c.personas.length}`);
}

async function main(): Promise<void> {
  const dataDir = process.env.ESCALE_DATA_DIR ? resolve(process.env.ESCALE_DATA_DIR) : DEFAULT_DATA_DIR;
  const missing = missingSources(dataDir);
  if (missing.length > 0) {
    console.error(`catalogue:build needs the raw open data in ${dataDir} (see data/README.md); missing:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  const catalogue = await buildParisCatalogue(dataDir);
  const out = join(REPO_ROOT, 'data');
  mkdirSync(join(out, 'paris'), { recursive: true });
  writeFileSync(join(out, 'paris', 'places.json'), toJson(catalogue.places));
  writeFileSync(join(out, 'paris', 'city.json'), toJson(catalogue.city));
  writeFileSync(join(out, 'paris', 'events.json'), toJson(catalogue.events));
  writeFileSync(join(out, 'paris', 'offers.json'), toJson(catalogue.offers));
  writeFileSync(join(out, 'personas.json'), toJson(catalogue.personas));
  printSummary(catalogue);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
