import { describe, expect, it } from 'vitest';
import { type BootData, NO_CONSENTS } from '@escale/shared';
import { pageWithBoot } from './static-client.ts';

const PAGE = '<!doctype html><html><head><title>Escale</title></head><body></body></html>';
const config: BootData['config'] = {
  demoMode: true,
  city: { id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.86, lon: 2.35 } },
  map: { styleUrl: null, offlineStyleUrl: '/basemap/paris/style.json', mapboxToken: null },
  attribution: ['© OpenStreetMap contributors'],
  cities: [{ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', center: { lat: 48.86, lon: 2.35 }, offlineStyleUrl: '/basemap/paris/style.json', attribution: ['© OpenStreetMap contributors'] }],
};

describe('the page with its boot data', () => {
  it('keeps a name that looks like markup inside the data block, where it is only text', () => {
    const name = '</script><script>alert(1)</script>';
    const session: BootData['session'] = {
      traveller: { id: 't1', name, cityId: 'paris', locale: 'en', startPosition: null, onboarded: true, personaId: null },
      consents: NO_CONSENTS,
    };
    const page = pageWithBoot(PAGE, { config, session });
    expect(page).not.toContain('<script>alert(1)');
    // One data block, closed once, before the end of the head.
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    const json = /<script id="escale-boot" type="application\/json">(.*?)<\/script>/s.exec(page)![1]!;
    expect(JSON.parse(json).session.traveller.name).toBe(name);
  });
});
