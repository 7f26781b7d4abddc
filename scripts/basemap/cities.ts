/**
 * The cities whose offline basemap `npm run basemap:build` can derive from ../shared/data/basemap/. Adding a
 * city's catalogue is all that is left for Lyon and Barcelona: their tiles are built by the same script
 * (`npm run basemap:build -- --city lyon`) and served the same way.
 */
export interface BasemapCity {
  id: string;
  /** The OpenMapTiles archive in ../shared/data/basemap/. */
  archive: string;
  /** Tiles before 2017 (OMT v3.3) carry `name`; the later tilemaker tiles carry `name:latin`. */
  dataDate: string;
}

export const BASEMAP_CITIES: readonly BasemapCity[] = [
  { id: 'paris', archive: 'paris-openmaptiles-2021-08-06.pmtiles', dataDate: '2021-08-06' },
  { id: 'lyon', archive: 'lyon-openmaptiles-2021-08-06.pmtiles', dataDate: '2021-08-06' },
  { id: 'barcelona', archive: 'barcelona-openmaptiles-2016-12.pmtiles', dataDate: '2016-12' },
];

/** Built and committed by default: the cities that have a catalogue in data/. */
export const DEFAULT_CITIES = ['paris'];
