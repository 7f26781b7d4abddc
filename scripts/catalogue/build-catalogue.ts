/**
 * `npm run catalogue:build [-- --city lyon,barcelona]`: builds each city's demo catalogue (places, city, events,
 * offers, seeded demo travellers; the personas with Paris) from the real open data in ../shared/data, by the
 * city's definition in cities/. Deterministic: the same raw files give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { LeisureCategoryId } from '../../shared/src/categories.ts';
import { LEISURE_CATEGORY_IDS } from '../../shared/src/categories.ts';
import type { DemoTravellerRecord, EventTemplate, OfferRecord, PersonaRecord, SourceDataset } from '../../shared/src/catalogue.ts';
import { CityRecord, EventTemplate as EventSchema, OfferRecord as OfferSchema, PersonaRecord as PersonaSchema, PlaceRecord } from '../../shared/src/catalogue.ts';
import { emptySkipCounts, type OsmSkipCounts } from '../../server/src/catalogue/osm/osm-places.ts';
import { CITY_DEFINITIONS, cityDefinition } from './cities/index.ts';
import type { CandidateReport, CityDefinition } from './city-definition.ts';
import { demoTravellers } from './demo-travellers.ts';
import type { MarketIssue } from './markets.ts';
import type { CinemaMerge } from './merge-cinemas.ts';
import type { MuseumSkip } from './museums.ts';
import { checkOpeningHoursIn } from './opening-hours-region.ts';
import { seededPriceLevel, seededRating, seededReviewCount } from './seeded-values.ts';
import { selectPlaces } from './select-places.ts';
import { missingSources, sourcesIn } from './sources.ts';

export interface BuildStats {
  perCategory: Record<LeisureCategoryId, number>;
  perSource: Record<SourceDataset, number>;
  /** Selected places per raw file (an OSM object found in two files counts for the newest one). */
  perFile: Record<string, number>;
  eligible: Record<LeisureCategoryId, number>;
  /** Places whose source gave an opening_hours string that the library rejected (stored as null). */
  rejectedHours: Array<{ id: string; value: string }>;
  /** Same count over every candidate considered, selected or not. */
  rejectedHoursAllCandidates: number;
  withHours: number;
  osmSkips: OsmSkipCounts;
  museumsSkipped: MuseumSkip[];
  marketIssues: MarketIssue[];
  /** OSM cinemas that stand for a CNC row: the OSM copy is kept, the CNC row dropped. */
  cinemasMerged: CinemaMerge[];
  notes: string[];
}

export interface CityCatalogue {
  places: PlaceRecord[];
  city: CityRecord;
  events: EventTemplate[];
  offers: OfferRecord[];
  demoTravellers: DemoTravellerRecord[];
  /** Only for the city that holds the personas' histories (Paris); null elsewhere. */
  personas: PersonaRecord[] | null;
  stats: BuildStats;
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

export async function buildCityCatalogue(def: CityDefinition, dataDir: string): Promise<CityCatalogue> {
  const missing = missingSources(dataDir, def.sources);
  if (missing.length > 0) throw new Error(`missing source files:\n  ${missing.join('\n  ')}`);

  const report: CandidateReport = { osmSkips: emptySkipCounts(), museumsSkipped: [], marketIssues: [], cinemasMerged: [], notes: [] };
  const candidates = await def.candidates(sourcesIn(dataDir, def.sources), report);

  const checkedHours = new Map<string, string | null>();
  let rejectedHoursAllCandidates = 0;
  for (const c of candidates) {
    if (c.openingHoursRaw === null) continue;
    const ok = checkOpeningHoursIn(c.openingHoursRaw, c.lat, c.lon, def.hoursRegion);
    checkedHours.set(c.id, ok);
    if (ok === null) rejectedHoursAllCandidates++;
  }
  const { selected, eligible } = selectPlaces(candidates, (c) => checkedHours.get(c.id) != null, def.selection);

  const rejectedHours: BuildStats['rejectedHours'] = [];
  const perFile: Record<string, number> = Object.fromEntries(def.sources.map((f) => [f.path, 0]));
  for (const c of selected) {
    const file = def.sources.find((f) => f.date === c.sourceDate);
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

  const events = z.array(EventSchema).parse(def.events);
  const offers = z.array(OfferSchema).parse(def.offers);
  const personas = def.personas ? z.array(PersonaSchema).parse(def.personas) : null;
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
    (personas ?? []).map((p) => p.id),
  );
  checkReferences(new Set(places.map((p) => p.id)), events, offers, personas ?? []);
  const { archetypes, seed, firstNumber } = def.travellers;

  const perCategory = Object.fromEntries(LEISURE_CATEGORY_IDS.map((c) => [c, 0])) as Record<LeisureCategoryId, number>;
  const perSource: Record<SourceDataset, number> = { osm: 0, museofile: 0, 'cnc-cinemas': 0, 'paris-markets': 0, csv: 0, geojson: 0, console: 0 };
  for (const p of places) {
    perCategory[p.category as LeisureCategoryId]++; // catalogues are built from leisure kinds only
    perSource[p.source.dataset]++;
  }
  return {
    places,
    city: CityRecord.parse(def.city),
    events,
    offers,
    demoTravellers: demoTravellers(places, seed, archetypes, firstNumber),
    personas,
    stats: {
      perCategory,
      perSource,
      perFile,
      eligible,
      rejectedHours,
      rejectedHoursAllCandidates,
      withHours: places.filter((p) => p.openingHours !== null).length,
      ...report,
    },
  };
}

/** Pretty JSON with a final newline: the committed files are diffed by people. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data');

/** The files a city's build writes, relative to data/, with their contents. */
export function cityFiles(c: CityCatalogue): Array<[string, string]> {
  const id = c.city.id;
  const files: Array<[string, string]> = [
    [`${id}/places.json`, toJson(c.places)],
    [`${id}/city.json`, toJson(c.city)],
    [`${id}/events.json`, toJson(c.events)],
    [`${id}/offers.json`, toJson(c.offers)],
    [`${id}/demo-travellers.json`, toJson(c.demoTravellers)],
  ];
  if (c.personas) files.push(['personas.json', toJson(c.personas)]);
  return files;
}

function list(record: Record<string, number>): string {
  return Object.entries(record)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function printSummary(c: CityCatalogue): void {
  const s = c.stats;
  const rows = LEISURE_CATEGORY_IDS.map((cat) => `  ${cat.padEnd(14)} ${String(s.perCategory[cat]).padStart(4)}   (eligible ${s.eligible[cat]})`);
  console.log(`\n${c.city.name} catalogue: ${c.places.length} places`);
  console.log(rows.join('\n'));
  console.log(`per source: ${list(s.perSource)}`);
  console.log(`per file: ${list(s.perFile)}`);
  console.log(`with opening hours: ${s.withHours}; rejected opening_hours strings: ${s.rejectedHours.length} among selected places, ${s.rejectedHoursAllCandidates} among all candidates`);
  for (const r of s.rejectedHours) console.log(`  rejected ${r.id}: ${JSON.stringify(r.value)}`);
  if (s.museumsSkipped.length > 0) console.log(`museums left out: ${s.museumsSkipped.map((m) => `${m.ref} (${m.reason})`).join('; ')}`);
  for (const m of s.marketIssues) console.log(`market ${m.ref} ${m.name}: ${m.issue}`);
  console.log(`cinemas merged (OSM kept, CNC row dropped): ${s.cinemasMerged.map((m) => `${m.osmId}=${m.cncId}`).join(', ')}`);
  console.log(`OSM skips: ${JSON.stringify(s.osmSkips)}`);
  for (const note of s.notes) console.log(note);
  const interactions = c.demoTravellers.reduce((n, t) => n + t.history.length, 0);
  console.log(
    `events ${c.events.length}, offers ${c.offers.length} (${c.offers.filter((o) => o.promoted).length} promoted), seeded demo travellers ${c.demoTravellers.length} (${interactions} interactions)${c.personas ? `, personas ${c.personas.length}` : ''}`,
  );
}

/** `--city a,b` (default: every city). */
function selectedCities(argv: string[]): CityDefinition[] {
  const i = argv.indexOf('--city');
  if (i < 0) return [...CITY_DEFINITIONS];
  return (argv[i + 1] ?? '').split(',').map(cityDefinition);
}

async function main(): Promise<void> {
  const dataDir = process.env.ESCALE_DATA_DIR ? resolve(process.env.ESCALE_DATA_DIR) : DEFAULT_DATA_DIR;
  const cities = selectedCities(process.argv);
  const missing = cities.flatMap((def) => missingSources(dataDir, def.sources));
  if (missing.length > 0) {
    console.error(`catalogue:build needs the raw open data in ${dataDir} (see data/README.md); missing:\n  ${[...new Set(missing)].join('\n  ')}`);
    process.exit(1);
  }
  const out = join(REPO_ROOT, 'data');
  for (const def of cities) {
    const catalogue = await buildCityCatalogue(def, dataDir);
    mkdirSync(join(out, def.city.id), { recursive: true });
    for (const [file, text] of cityFiles(catalogue)) writeFileSync(join(out, file), text);
    printSummary(catalogue);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
