/**
 * Reads the catalogue files of `data/` and validates every record. A bad record stops the load with its
 * file, index and reason: a demo that silently drops places would hide a broken import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CityRecord, DemoTravellerRecord, describeIssues, EventTemplate, OfferRecord, PersonaRecord, PlaceRecord } from '@escale/shared';
import { StartupError } from '../startup-error.ts';

/** One city's folder of data/. */
export interface CityCatalogue {
  city: CityRecord;
  places: PlaceRecord[];
  eventTemplates: EventTemplate[];
  offers: OfferRecord[];
  /** Seeded demo travellers (`demo-travellers.json`, optional): other travellers for the taste walk. */
  demoTravellers: DemoTravellerRecord[];
}

/** One city with the personas (scripts and evaluations that work on one city). */
export interface CatalogueFiles extends CityCatalogue {
  personas: PersonaRecord[];
}

/** Every city the server holds, and the personas, who may travel between them. */
export interface Catalogues {
  cities: CityCatalogue[];
  personas: PersonaRecord[];
}

export interface RecordProblem {
  file: string;
  index: number | null;
  reason: string;
}

/** A StartupError: its message names each bad record's file, index and reason, which is what to fix. */
export class CatalogueError extends StartupError {
  constructor(readonly problems: RecordProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.file}${p.index === null ? '' : `[${p.index}]`}: ${p.reason}`);
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '';
    super(`The catalogue has ${problems.length} invalid record(s):\n${shown.join('\n')}${more}`);
    this.name = 'CatalogueError';
  }
}

function readJson(file: string, problems: RecordProblem[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ file, index: null, reason: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}

const describe = (error: z.ZodError) => describeIssues(error, '(record)');

function readArray<T>(file: string, schema: z.ZodType<T>, problems: RecordProblem[]): T[] {
  const raw = readJson(file, problems);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, index: null, reason: 'expected a JSON array of records' });
    return [];
  }
  const out: T[] = [];
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else problems.push({ file, index, reason: describe(parsed.error) });
  });
  return out;
}

function checkUniqueIds(file: string, records: { id: string }[], problems: RecordProblem[]): void {
  const seen = new Set<string>();
  records.forEach((r, index) => {
    if (seen.has(r.id)) problems.push({ file, index, reason: `duplicate id ${r.id}` });
    seen.add(r.id);
  });
}

function checkPlaceRefs(file: string, records: { placeId: string }[], placeIds: Set<string>, problems: RecordProblem[]): void {
  records.forEach((r, index) => {
    if (!placeIds.has(r.placeId)) problems.push({ file, index, reason: `placeId ${r.placeId} is not in places.json` });
  });
}

/** An id in two cities' files would be one node of the graph for two records. */
function checkAcrossCities(cities: CityCatalogue[], problems: RecordProblem[]): void {
  const kinds: Array<[string, (c: CityCatalogue) => { id: string }[]]> = [
    ['places.json', (c) => c.places],
    ['events.json', (c) => c.eventTemplates],
    ['offers.json', (c) => c.offers],
    ['demo-travellers.json', (c) => c.demoTravellers],
  ];
  for (const [file, pick] of kinds) {
    const owner = new Map<string, string>();
    for (const c of cities) {
      for (const r of pick(c)) {
        const first = owner.get(r.id);
        if (first !== undefined && first !== c.city.id) problems.push({ file, index: null, reason: `id ${r.id} is in both ${first} and ${c.city.id}` });
        else owner.set(r.id, c.city.id);
      }
    }
  }
}

function readCity(catalogueDir: string, problems: RecordProblem[]): CityCatalogue | null {
  const at = (name: string) => path.join(catalogueDir, name);
  const cityRaw = readJson(at('city.json'), problems);
  const city = cityRaw === undefined ? undefined : CityRecord.safeParse(cityRaw);
  if (city && !city.success) problems.push({ file: at('city.json'), index: null, reason: describe(city.error) });

  const places = readArray(at('places.json'), PlaceRecord, problems);
  const eventTemplates = readArray(at('events.json'), EventTemplate, problems);
  const offers = readArray(at('offers.json'), OfferRecord, problems);
  const demoTravellers = fs.existsSync(at('demo-travellers.json')) ? readArray(at('demo-travellers.json'), DemoTravellerRecord, problems) : [];

  checkUniqueIds(at('places.json'), places, problems);
  checkUniqueIds(at('events.json'), eventTemplates, problems);
  checkUniqueIds(at('offers.json'), offers, problems);
  checkUniqueIds(at('demo-travellers.json'), demoTravellers, problems);
  const placeIds = new Set(places.map((p) => p.id));
  checkPlaceRefs(at('events.json'), eventTemplates, placeIds, problems);
  checkPlaceRefs(at('offers.json'), offers, placeIds, problems);
  demoTravellers.forEach((t, index) =>
    t.history.forEach((h) => {
      if (!placeIds.has(h.placeId)) problems.push({ file: at('demo-travellers.json'), index, reason: `history placeId ${h.placeId} is not in places.json` });
    }),
  );
  return city?.success ? { city: city.data, places, eventTemplates, offers, demoTravellers } : null;
}

/**
 * Reads every city folder and the personas. Ids are unique across cities (one travel graph holds them all),
 * and a persona's history may name a place of any city.
 */
export function loadCatalogues(catalogueDirs: readonly string[], personasFile: string): Catalogues {
  const problems: RecordProblem[] = [];
  if (catalogueDirs.length === 0) problems.push({ file: 'CATALOGUE_DIR', index: null, reason: 'no catalogue folder: data/ holds no <city>/city.json' });
  const cities: CityCatalogue[] = [];
  for (const dir of catalogueDirs) {
    const city = readCity(dir, problems);
    if (city) cities.push(city);
  }
  const personas = readArray(personasFile, PersonaRecord, problems);

  checkUniqueIds(
    'city.json',
    cities.map((c) => c.city),
    problems,
  );
  checkAcrossCities(cities, problems);
  checkUniqueIds(personasFile, personas, problems);
  const placeIds = new Set(cities.flatMap((c) => c.places.map((p) => p.id)));
  personas.forEach((p, index) =>
    p.history.forEach((h) => {
      if (!placeIds.has(h.placeId)) problems.push({ file: personasFile, index, reason: `history placeId ${h.placeId} is not in places.json` });
    }),
  );

  if (problems.length > 0 || cities.length !== catalogueDirs.length) throw new CatalogueError(problems);
  return { cities, personas };
}

/** One city folder and the personas. */
export function loadCatalogueFiles(catalogueDir: string, personasFile: string): CatalogueFiles {
  const { cities, personas } = loadCatalogues([catalogueDir], personasFile);
  return { ...cities[0]!, personas };
}
