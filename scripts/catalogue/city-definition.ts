// What one demo city is built from: its record, raw files, how they become candidates, selection rules and demo content.
import type { CityRecord, EventTemplate, OfferRecord, PersonaRecord } from '../../shared/src/catalogue.ts';
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import type { OsmSkipCounts } from '../../server/src/catalogue/osm/osm-places.ts';
import type { Archetype } from './demo-travellers.ts';
import type { MarketIssue } from './markets.ts';
import type { CinemaMerge } from './merge-cinemas.ts';
import type { MuseumSkip } from './museums.ts';
import type { HoursRegion } from './opening-hours-region.ts';
import type { SelectionRules } from './select-places.ts';
import type { SourceFile, Sources } from './sources.ts';

/** What reading the sources found worth telling, filled in by the city's `candidates`. */
export interface CandidateReport {
  osmSkips: OsmSkipCounts;
  museumsSkipped: MuseumSkip[];
  marketIssues: MarketIssue[];
  /** OSM cinemas paired with a CNC row: the OSM copy is kept, the CNC row dropped. */
  cinemasMerged: CinemaMerge[];
  /** Other data notes of the city (records left out and why), printed by the build. */
  notes: string[];
}

export interface CityDefinition {
  city: CityRecord;
  sources: readonly SourceFile[];
  /** For the opening_hours check: public and school holidays of the city's country and region. */
  hoursRegion: HoursRegion;
  /** Every candidate of the city, one per id (the newest copy), sorted by id. */
  candidates: (sources: Sources, report: CandidateReport) => Promise<Candidate[]>;
  selection: SelectionRules;
  events: EventTemplate[];
  offers: OfferRecord[];
  /** Seeded demo travellers: their archetypes, the seed, and the number of the first (ids are unique across cities). */
  travellers: { archetypes: Archetype[]; seed: number; firstNumber: number };
  /** The personas file is written with the city that holds their histories (Paris). */
  personas?: PersonaRecord[];
}
