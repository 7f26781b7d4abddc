/**
 * The cities whose offline basemap `npm run basemap:build` derives from ../shared/data/basemap/: one entry per
 * city with a catalogue in data/ (`npm run basemap:build -- --city lyon` builds one of them).
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
export const DEFAULT_CITIES = ['paris', 'lyon', 'barcelona'];
