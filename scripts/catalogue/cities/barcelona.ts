// Barcelona: an OSM points-of-interest export of 2018 (restaurants, cafés, parks, sports) and the OSM bars and cafés of 2026.
import { distanceMeters } from '../../../shared/src/geo.ts';
import type { Candidate } from '../../../server/src/catalogue/osm/candidate.ts';
import { toCandidate, type AddressCity } from '../../../server/src/catalogue/osm/osm-places.ts';
import { readBarsCafesJson } from '../../../server/src/catalogue/osm/read-bars-cafes-json.ts';
import { readOverpassGeojson } from '../../../server/src/catalogue/osm/read-overpass-geojson.ts';
import { insideDistricts } from '../boundary.ts';
import type { CityDefinition } from '../city-definition.ts';
import { dedupeById, HA, inBBox, restaurantGroup, type SelectionRules } from '../select-places.ts';
import { OSM_LICENCE, type SourceFile } from '../sources.ts';
import { BARCELONA_ARCHETYPES, BARCELONA_EVENTS, BARCELONA_OFFERS } from './barcelona-programme.ts';

/** Plaça de Catalunya, where Ciutat Vella meets the Eixample. */
export const BARCELONA_CENTER = { lat: 41.387, lon: 2.17 } as const;

const SOURCES: readonly SourceFile[] = [
  // No date in the file: the day it was committed to its source repository.
  { key: 'pois', path: 'osm/barcelona-pois-2018-04.geojson', date: '2018-04-11', licence: OSM_LICENCE },
  { key: 'barsCafes', path: 'osm/barcelona-bars-cafes-2026-03.json', date: '2026-03-09', licence: OSM_LICENCE },
  { key: 'districtes', path: 'basemap/geojson/barcelona-districtes-2020-11.geojson', date: '2020-11', licence: 'CC-BY 4.0 (Ajuntament de Barcelona)' },
];

const ADDRESSES: AddressCity = { name: 'Barcelona', postcode: /^080\d{2}$/ };

/** The municipality's extent (both files reach into L'Hospitalet, Badalona, Sant Cugat…). */
const MUNICIPALITY = { south: 41.32, north: 41.47, west: 2.05, east: 2.23 };

const SELECTION: SelectionRules = {
  center: BARCELONA_CENTER,
  // 3 km around Plaça de Catalunya: Ciutat Vella, the Eixample, lower Gràcia, Poble-sec, Barceloneta, Sant Antoni.
  centralRadiusM: 3_000,
  bbox: MUNICIPALITY,
  categories: {
    restaurant: {
      quota: 150,
      central: true,
      group: restaurantGroup,
      groupCap: 10,
      featured: [
        { name: 'tapas', match: (c) => c.cuisines.includes('tapas'), min: 14 },
        // In Barcelona OSM's `regional` means Catalan cooking.
        { name: 'catalan', match: (c) => c.cuisines.some((x) => x === 'catalan' || x === 'regional'), min: 12 },
        { name: 'seafood', match: (c) => c.cuisines.some((x) => x === 'seafood' || x === 'fish'), min: 6 },
        { name: 'pizza', match: (c) => c.cuisines.some((x) => x === 'pizza' || x === 'italian_pizza'), min: 8 },
        { name: 'crêpes', match: (c) => c.cuisines.includes('crepe'), min: 3 },
        { name: 'ice cream', match: (c) => c.cuisines.includes('ice_cream'), min: 3 },
        { name: 'japanese', match: (c) => c.cuisines.includes('japanese') || c.cuisines.includes('ramen'), min: 6 },
        { name: 'vegetarian', match: (c) => c.tags.includes('vegetarian') || c.tags.includes('vegan'), min: 6 },
      ],
    },
    cafe: { quota: 50, central: true, featured: [{ name: 'ice cream', match: (c) => c.tags.includes('ice-cream') || c.cuisines.includes('ice_cream'), min: 6 }] },
    bar: { quota: 50, central: true, bonus: (c) => (c.tags.includes('wine') ? 3 : 0) },
    nightlife: { quota: 30, central: true },
    museum: { quota: 30, central: false },
    gallery: { quota: 15, central: false },
    cinema: { quota: 30, central: false },
    music_venue: { quota: 20, central: false },
    theatre: { quota: 30, central: false },
    climbing: { quota: 20, central: false },
    swimming: { quota: 20, central: false },
    sports_centre: { quota: 20, central: false, bonus: (c) => (c.tags.includes('sport:yoga') ? -1 : 0) },
    park: {
      quota: 40,
      central: false,
      keep: (c) => (c.areaM2 ?? 0) >= 0.5 * HA || ((c.areaM2 ?? 0) >= 0.2 * HA && distanceMeters(BARCELONA_CENTER, c) <= 2_500),
      bonus: (c) => ((c.areaM2 ?? 0) >= 10 * HA ? 2 : 0),
    },
    market: { quota: 30, central: false },
  },
};

export const BARCELONA: CityDefinition = {
  city: {
    id: 'barcelona',
    name: 'Barcelona',
    timezone: 'Europe/Madrid',
    countryCode: 'es',
    center: { lat: BARCELONA_CENTER.lat, lon: BARCELONA_CENTER.lon },
    attribution: ['© OpenStreetMap contributors (ODbL 1.0)', 'Ajuntament de Barcelona'],
  },
  sources: SOURCES,
  hoursRegion: { country_code: 'es', state: 'Catalunya' },
  async candidates(src, report) {
    const inBarcelona = insideDistricts(src.path('districtes'));
    const pois = readOverpassGeojson(src.path('pois'));
    if (pois.unreadable > 0) report.notes.push(`2018 POI GeoJSON: ${pois.unreadable} features that are not OSM objects left out`);
    const old = pois.elements.map((el) => toCandidate(el, src.date('pois'), report.osmSkips, ADDRESSES));
    const barsCafes = readBarsCafesJson(src.path('barsCafes'));
    // A way's point in that file is the mean of its nodes, not a point sure to lie inside the building.
    const averaged = barsCafes.filter((el) => el.pointIsVertexMean);
    report.notes.push(`2026 bars and cafés: ${averaged.length} ways left out (their point is a vertex mean, not an inside point)`);
    const recent = barsCafes.filter((el) => !el.pointIsVertexMean).map((el) => toCandidate(el, src.date('barsCafes'), report.osmSkips, ADDRESSES));
    const all = dedupeById([...old, ...recent].filter((c): c is Candidate => c !== null));
    const inside = all.filter((c) => inBBox(c, MUNICIPALITY) && inBarcelona(c));
    report.notes.push(`OSM candidates outside the municipality left out: ${all.length - inside.length}`);
    return inside;
  },
  selection: SELECTION,
  events: BARCELONA_EVENTS,
  offers: BARCELONA_OFFERS,
  travellers: { archetypes: BARCELONA_ARCHETYPES, seed: 20261207, firstNumber: 401 },
};
