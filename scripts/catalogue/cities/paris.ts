// Paris: restaurants, Opéra-area, café and parks/sports OSM extracts, CNC cinemas, Muséofile museums and the City's markets.
import { distanceMeters } from '../../../shared/src/geo.ts';
import { candidatesFromGeojson, candidatesFromPbf } from '../../../server/src/catalogue/osm/osm-places.ts';
import { readOsmPointGeojson } from '../../../server/src/catalogue/osm/read-geojson.ts';
import { readOsmPbf } from '../../../server/src/catalogue/osm/read-osm-pbf.ts';
import { cinemaCandidates } from '../cinemas.ts';
import type { CityDefinition } from '../city-definition.ts';
import { PARIS_EVENTS } from '../demo-events.ts';
import { PARIS_OFFERS } from '../demo-offers.ts';
import { ARCHETYPES, PARIS_TRAVELLER_SEED } from '../demo-travellers.ts';
import { marketCandidates } from '../markets.ts';
import { mergeCinemas } from '../merge-cinemas.ts';
import { museumCandidates } from '../museums.ts';
import { PERSONAS } from '../personas.ts';
import { readCsv } from '../read-csv.ts';
import { dedupeById, HA, restaurantGroup, type SelectionRules } from '../select-places.ts';
import { OSM_LICENCE, type SourceFile } from '../sources.ts';

/** Hôtel de Ville: the city record's centre and the centre of the "central Paris" disc. */
export const PARIS_CENTER = { lat: 48.856613, lon: 2.352222 } as const;

const SOURCES: readonly SourceFile[] = [
  { key: 'restaurants', path: 'osm/paris-restaurants-2024-12-19.osm.pbf', date: '2024-12-19', licence: OSM_LICENCE },
  { key: 'operaArea', path: 'osm/paris-opera-area-pois-2023-12-09.osm.pbf', date: '2023-12-09', licence: OSM_LICENCE },
  { key: 'cafes', path: 'osm/paris-central-cafes-bakeries-2026-05.geojson', date: '2026-05-25', licence: OSM_LICENCE },
  { key: 'parksSports', path: 'osm/paris-parks-sports-centres-2025-05-29.osm.pbf', date: '2025-05-29', licence: OSM_LICENCE },
  { key: 'cinemas', path: 'opendata/paris-lyon-cinemas-2022.csv', date: '2022-12-31', licence: 'Licence Ouverte 2.0 (Ministère de la Culture – CNC)' },
  { key: 'museums', path: 'opendata/paris-lyon-museums-museofile-2021-06.csv', date: '2021-06-14', licence: 'Licence Ouverte (Ministère de la Culture – Muséofile)' },
  { key: 'markets', path: 'opendata/paris-markets-2022-04.csv', date: '2022-04-03', licence: 'ODbL 1.0 (Ville de Paris)' },
];

const SELECTION: SelectionRules = {
  center: PARIS_CENTER,
  // 3.5 km around the Hôtel de Ville covers the 1st–11th arrondissements and the edges of their neighbours.
  centralRadiusM: 3_500,
  bbox: { south: 48.8156, north: 48.9022, west: 2.2242, east: 2.4698 },
  categories: {
    restaurant: {
      quota: 165,
      central: true,
      group: restaurantGroup,
      groupCap: 8,
      featured: [
        { name: 'ramen', match: (c) => c.cuisines.includes('ramen'), min: 8 },
        { name: 'japanese', match: (c) => c.cuisines.includes('japanese'), min: 8 },
        { name: 'wine', match: (c) => c.tags.includes('wine'), min: 14 },
        { name: 'crêpes', match: (c) => c.cuisines.includes('crepe'), min: 6 },
        { name: 'pizza', match: (c) => c.cuisines.some((x) => x === 'pizza' || x === 'italian_pizza'), min: 6 },
        { name: 'vegetarian', match: (c) => c.tags.includes('vegetarian') || c.tags.includes('vegan'), min: 6 },
      ],
    },
    cafe: { quota: 45, central: true, group: (c) => (c.tags.includes('ice-cream') ? 'ice-cream' : 'cafe'), groupCap: 40 },
    bar: { quota: 45, central: true, bonus: (c) => (c.tags.includes('wine') ? 3 : 0) },
    nightlife: { quota: 25, central: true },
    museum: { quota: 60, central: false },
    gallery: { quota: 20, central: true },
    cinema: { quota: 90, central: false },
    music_venue: { quota: 20, central: false },
    theatre: { quota: 40, central: true },
    climbing: { quota: 30, central: false },
    swimming: { quota: 45, central: false },
    sports_centre: { quota: 15, central: false, bonus: (c) => (c.tags.includes('sport:fitness') ? -1 : 0) },
    park: {
      quota: 55,
      central: false,
      // Big parks city-wide (2 ha and more), smaller named gardens only near the centre.
      keep: (c) => (c.areaM2 ?? 0) >= 2 * HA || ((c.areaM2 ?? 0) >= 0.5 * HA && distanceMeters(PARIS_CENTER, c) <= 2_500),
      bonus: (c) => ((c.areaM2 ?? 0) >= 10 * HA ? 2 : 0),
    },
    market: { quota: 90, central: false },
  },
};

export const PARIS: CityDefinition = {
  city: {
    id: 'paris',
    name: 'Paris',
    timezone: 'Europe/Paris',
    countryCode: 'fr',
    center: { lat: PARIS_CENTER.lat, lon: PARIS_CENTER.lon },
    attribution: ['© OpenStreetMap contributors (ODbL 1.0)', 'Ministère de la Culture – Muséofile', 'Ministère de la Culture – CNC', 'Ville de Paris'],
  },
  sources: SOURCES,
  hoursRegion: { country_code: 'fr', state: 'Île-de-France' },
  async candidates(src, report) {
    const [restaurants, operaArea, parksSports] = await Promise.all([readOsmPbf(src.path('restaurants')), readOsmPbf(src.path('operaArea')), readOsmPbf(src.path('parksSports'))]);
    const osm = [
      ...candidatesFromPbf(restaurants, src.date('restaurants'), report.osmSkips),
      ...candidatesFromPbf(operaArea, src.date('operaArea'), report.osmSkips),
      ...candidatesFromPbf(parksSports, src.date('parksSports'), report.osmSkips),
      ...candidatesFromGeojson(readOsmPointGeojson(src.path('cafes')), src.date('cafes'), report.osmSkips),
    ];
    const cnc = cinemaCandidates(readCsv(src.path('cinemas')), src.date('cinemas'));
    const museums = museumCandidates(readCsv(src.path('museums')), src.date('museums'));
    const markets = marketCandidates(readCsv(src.path('markets')), src.date('markets'));
    const cinemas = mergeCinemas(dedupeById(osm), cnc);
    report.museumsSkipped.push(...museums.skipped);
    report.marketIssues.push(...markets.issues);
    report.cinemasMerged.push(...cinemas.merged);
    return dedupeById([...cinemas.candidates, ...museums.candidates, ...markets.candidates]);
  },
  selection: SELECTION,
  events: PARIS_EVENTS,
  offers: PARIS_OFFERS,
  travellers: { archetypes: ARCHETYPES, seed: PARIS_TRAVELLER_SEED, firstNumber: 1 },
  personas: PERSONAS,
};
