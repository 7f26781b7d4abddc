/**
 * Reads the catalogue files of `data/` and validates every record. A bad record stops the load with its
 * file, index and reason: a demo that silently drops places would hide a broken import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CityRecord, DemoTravellerRecord, describeIssues, EventTemplate, OfferRecord, PersonaRecord, PlaceRecord } from '@escale/shared';
import { StartupError } from '../startup-error.ts';

export interface CatalogueFiles {
  city: CityRecord;
  places: PlaceRecord[];
  eventTemplates: EventTemplate[];
  offers: OfferRecord[];
  personas: PersonaRecord[];
  /** Seeded demo travellers (`demo-travellers.json`, optional): other travellers for the taste walk. */
  demoTravellers: DemoTravellerRecord[];
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

export function loadCatalogueFiles(catalogueDir: string, personasFile: string): CatalogueFiles {
  const problems: RecordProblem[] = [];
  const at = (name: string) => path.join(catalogueDir, name);

  const cityRaw = readJson(at('city.json'), problems);
  const city = cityRaw === undefined ? undefined : CityRecord.safeParse(cityRaw);
  if (city && !city.success) problems.push({ file: at('city.json'), index: null, reason: describe(city.error) });

  const places = readArray(at('places.json'), PlaceRecord, problems);
  const eventTemplates = readArray(at('events.json'), EventTemplate, problems);
  const offers = readArray(at('offers.json'), OfferRecord, problems);
  const personas = readArray(personasFile, PersonaRecord, problems);
  const demoTravellers = fs.existsSync(at('demo-travellers.json')) ? readArray(at('demo-travellers.json'), DemoTravellerRecord, problems) : [];

  checkUniqueIds(at('places.json'), places, problems);
  checkUniqueIds(at('events.json'), eventTemplates, problems);
  checkUniqueIds(at('offers.json'), offers, problems);
  checkUniqueIds(personasFile, personas, problems);
  checkUniqueIds(at('demo-travellers.json'), demoTravellers, problems);
  const placeIds = new Set(places.map((p) => p.id));
  checkPlaceRefs(at('events.json'), eventTemplates, placeIds, problems);
  checkPlaceRefs(at('offers.json'), offers, placeIds, problems);
  personas.forEach((p, index) =>
    p.history.forEach((h) => {
      if (!placeIds.has(h.placeId)) problems.push({ file: personasFile, index, reason: `history placeId ${h.placeId} is not in places.json` });
    }),
  );

  demoTravellers.forEach((t, index) =>
    t.history.forEach((h) => {
      if (!placeIds.has(h.placeId)) problems.push({ file: at('demo-travellers.json'), index, reason: `history placeId ${h.placeId} is not in places.json` });
    }),
  );

  if (problems.length > 0 || !city?.success) throw new CatalogueError(problems);
  return { city: city.data, places, eventTemplates, offers, personas, demoTravellers };
}
