// Lyon: OSM food and drink (2026) and leisure (2024) extracts, and the Lyon rows of the CNC cinema and Muséofile files.
import { distanceMeters } from '../../../shared/src/geo.ts';
import type { Candidate } from '../../../server/src/catalogue/osm/candidate.ts';
import { candidatesFromPbf, toCandidate, type AddressCity } from '../../../server/src/catalogue/osm/osm-places.ts';
import { finishTags } from '../../../server/src/catalogue/osm/place-tags.ts';
import { readOverpassGeojson } from '../../../server/src/catalogue/osm/read-overpass-geojson.ts';
import { readOsmPbf } from '../../../server/src/catalogue/osm/read-osm-pbf.ts';
import { insideDistricts } from '../boundary.ts';
import { cinemaCandidates, type CncCity } from '../cinemas.ts';
import type { CityDefinition } from '../city-definition.ts';
import { mergeCinemas } from '../merge-cinemas.ts';
import { museumCandidates } from '../museums.ts';
import { readCsv } from '../read-csv.ts';
import { dedupeById, HA, restaurantGroup, type SelectionRules } from '../select-places.ts';
import { OSM_LICENCE, type SourceFile } from '../sources.ts';
import { LYON_ARCHETYPES, LYON_EVENTS, LYON_OFFERS } from './lyon-programme.ts';

/** Place Bellecour, by the statue of Louis XIV: the heart of the Presqu'île, between the Rhône and the Saône. */
export const LYON_CENTER = { lat: 45.7578, lon: 4.832 } as const;
/** Gare de la Part-Dieu, where a business traveller arrives and works. */
const PART_DIEU = { lat: 45.7606, lon: 4.8596 } as const;

const SOURCES: readonly SourceFile[] = [
  { key: 'foodDrink', path: 'osm/lyon-food-drink-2026-05-06.geojson', date: '2026-05-06', licence: OSM_LICENCE },
  { key: 'leisure', path: 'osm/lyon-bars-culture-leisure-2024-11.osm.pbf', date: '2024-11-29', licence: OSM_LICENCE },
  { key: 'cinemas', path: 'opendata/paris-lyon-cinemas-2022.csv', date: '2022-12-31', licence: 'Licence Ouverte 2.0 (Ministère de la Culture – CNC)' },
  { key: 'museums', path: 'opendata/paris-lyon-museums-museofile-2021-06.csv', date: '2021-06-14', licence: 'Licence Ouverte (Ministère de la Culture – Muséofile)' },
  { key: 'arrondissements', path: 'basemap/geojson/lyon-arrondissements-2025-11.geojson', date: '2025-11-18', licence: 'Licence Ouverte (Métropole de Lyon)' },
];

const ADDRESSES: AddressCity = { name: 'Lyon', postcode: /^6900\d$/ };

/** The CNC file gives Lyon's cinemas the commune's code 69123 (or an arrondissement's, 69381…69389). */
const CNC: CncCity = {
  name: 'Lyon',
  inCity: (insee) => insee === '69123' || /^6938\d$/.test(insee),
  postcodeOf: (insee) => (/^6938(\d)$/.test(insee) ? `6900${insee.slice(4)}` : null),
};

/**
 * Tagged `amenity=theatre` in OSM but a concert hall (the Orchestre national de Lyon's), like the Olympia in
 * Paris: no tag tells them apart from theatres, so it is listed by id (data/README.md, "Categories").
 */
const CONCERT_HALLS = new Set(['osm:way/62336964']);

function asConcertHall(c: Candidate): Candidate {
  if (!CONCERT_HALLS.has(c.id)) return c;
  return { ...c, category: 'music_venue', tags: finishTags([...c.tags, 'live-music', 'concerts']) };
}

const SELECTION: SelectionRules = {
  center: LYON_CENTER,
  // 3 km around Bellecour: the Presqu'île, Vieux Lyon, the Croix-Rousse slopes, Brotteaux, Part-Dieu, Guillotière.
  centralRadiusM: 3_000,
  bbox: { south: 45.707, north: 45.808, west: 4.768, east: 4.9 },
  categories: {
    restaurant: {
      quota: 130,
      central: true,
      group: restaurantGroup,
      groupCap: 10,
      featured: [
        // Bouchons: OSM says `cuisine=regional` (or lyonnaise) for Lyon's own cooking.
        { name: 'lyonnais', match: (c) => c.cuisines.some((x) => x === 'regional' || x === 'lyonnaise' || x === 'lyonnais'), min: 14 },
        { name: 'near Part-Dieu', match: (c) => distanceMeters(PART_DIEU, c) <= 700, min: 14 },
        { name: 'wine', match: (c) => c.tags.includes('wine'), min: 8 },
        { name: 'pizza', match: (c) => c.cuisines.some((x) => x === 'pizza' || x === 'italian_pizza'), min: 6 },
        { name: 'crêpes', match: (c) => c.cuisines.includes('crepe'), min: 4 },
        { name: 'japanese', match: (c) => c.cuisines.includes('japanese') || c.cuisines.includes('ramen'), min: 6 },
        { name: 'vegetarian', match: (c) => c.tags.includes('vegetarian') || c.tags.includes('vegan'), min: 6 },
      ],
    },
    cafe: { quota: 40, central: true, featured: [{ name: 'ice cream', match: (c) => c.tags.includes('ice-cream') || c.cuisines.includes('ice_cream'), min: 10 }] },
    bar: { quota: 45, central: true, bonus: (c) => (c.tags.includes('wine') ? 3 : 0), featured: [{ name: 'live music', match: (c) => c.tags.includes('live-music'), min: 4 }] },
    nightlife: { quota: 25, central: true },
    museum: { quota: 30, central: false },
    gallery: { quota: 15, central: true },
    cinema: { quota: 40, central: false },
    music_venue: { quota: 20, central: false },
    theatre: {
      quota: 40,
      central: false,
      featured: [
        // The big stages (Opéra, Célestins, Maison de la Danse, the Roman theatres of Fourvière) before the café-théâtres.
        { name: 'large halls', match: (c) => (c.areaM2 ?? 0) >= 1_000, min: 12 },
        // Guignol was born in Lyon: its puppet theatres are the city's family shows.
        { name: 'guignol', match: (c) => /guignol|marionnette/i.test(c.name), min: 3 },
      ],
    },
    climbing: { quota: 20, central: false },
    swimming: { quota: 20, central: false },
    sports_centre: {
      quota: 15,
      central: false,
      bonus: (c) => (c.tags.includes('sport:fitness') ? -1 : 0),
      // The open-air grounds (Plaine de Jeux de Gerland) where matches are played.
      featured: [{ name: 'sports grounds', match: (c) => (c.areaM2 ?? 0) >= 5 * HA, min: 2 }],
    },
    park: {
      quota: 45,
      central: false,
      // Big parks city-wide (2 ha and more), smaller named gardens only near the centre.
      keep: (c) => (c.areaM2 ?? 0) >= 2 * HA || ((c.areaM2 ?? 0) >= 0.5 * HA && distanceMeters(LYON_CENTER, c) <= 2_500),
      bonus: (c) => ((c.areaM2 ?? 0) >= 10 * HA ? 2 : 0),
    },
    market: { quota: 45, central: false },
  },
};

export const LYON: CityDefinition = {
  city: {
    id: 'lyon',
    name: 'Lyon',
    timezone: 'Europe/Paris',
    countryCode: 'fr',
    center: { lat: LYON_CENTER.lat, lon: LYON_CENTER.lon },
    attribution: ['© OpenStreetMap contributors (ODbL 1.0)', 'Ministère de la Culture – Muséofile', 'Ministère de la Culture – CNC', 'Métropole de Lyon'],
  },
  sources: SOURCES,
  hoursRegion: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' },
  async candidates(src, report) {
    const inLyon = insideDistricts(src.path('arrondissements'));
    const leisure = candidatesFromPbf(await readOsmPbf(src.path('leisure')), src.date('leisure'), report.osmSkips, ADDRESSES);
    const foodDrink = readOverpassGeojson(src.path('foodDrink'));
    if (foodDrink.unreadable > 0) report.notes.push(`food-drink GeoJSON: ${foodDrink.unreadable} features that are not OSM objects left out`);
    const food = foodDrink.elements.map((el) => toCandidate(el, src.date('foodDrink'), report.osmSkips, ADDRESSES)).filter((c): c is Candidate => c !== null);
    const osm = dedupeById([...leisure, ...food]);
    // The food-drink file reaches into Villeurbanne and Caluire: only the nine arrondissements are Lyon.
    const inside = osm.filter(inLyon);
    report.notes.push(`OSM candidates outside the nine arrondissements left out: ${osm.length - inside.length}`);
    const cnc = cinemaCandidates(readCsv(src.path('cinemas')), src.date('cinemas'), CNC);
    const museums = museumCandidates(readCsv(src.path('museums')), src.date('museums'), { name: 'Lyon', postcode: /^690\d{2}$/, town: /lyon/i });
    const cinemas = mergeCinemas(inside.map(asConcertHall), cnc, { nearby: { sameSpotM: 60, nearbyM: 400 } });
    report.museumsSkipped.push(...museums.skipped);
    report.cinemasMerged.push(...cinemas.merged);
    return dedupeById([...cinemas.candidates, ...museums.candidates]);
  },
  selection: SELECTION,
  events: LYON_EVENTS,
  offers: LYON_OFFERS,
  travellers: { archetypes: LYON_ARCHETYPES, seed: 20261206, firstNumber: 201 },
};
