import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '@escale/shared';
import { configForCity } from './city.ts';

const paris = { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.8566, lon: 2.3522 } };
const barcelona = { id: 'barcelona', name: 'Barcelona', timezone: 'Europe/Madrid', center: { lat: 41.387, lon: 2.17 } };
const config: ClientConfig = {
  demoMode: true,
  city: paris,
  map: { styleUrl: null, offlineStyleUrl: '/basemap/paris/style.json', mapboxToken: null },
  attribution: ['Ville de Paris'],
  cities: [
    { ...paris, offlineStyleUrl: '/basemap/paris/style.json', attribution: ['Ville de Paris'] },
    { ...barcelona, offlineStyleUrl: '/basemap/barcelona/style.json', attribution: ['© OpenStreetMap contributors'] },
  ],
};

describe('the configuration of the city the traveller is in', () => {
  it('takes that city’s zone, basemap and credits', () => {
    const here = configForCity(config, 'barcelona');
    expect(here.city).toEqual(barcelona);
    expect(here.map.offlineStyleUrl).toBe('/basemap/barcelona/style.json');
    expect(here.attribution).toEqual(['© OpenStreetMap contributors']);
  });

  it('keeps the default city for an id the server does not hold', () => {
    expect(configForCity(config, 'lyon')).toBe(config);
    expect(configForCity(config, null)).toBe(config);
  });
});
