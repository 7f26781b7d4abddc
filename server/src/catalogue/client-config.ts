/** The client's configuration (cities, basemaps, attribution): GET /api/config and the page's boot data. */
import type { ClientCity, ClientConfig } from '@escale/shared';
import { offlineStyleUrl } from '../basemap/routes.ts';
import type { AppContext } from '../context.ts';
import type { City } from './model.ts';

function clientCity(basemapDir: string, city: City): ClientCity {
  return { id: city.id, name: city.name, timezone: city.timezone, center: city.center, offlineStyleUrl: offlineStyleUrl(basemapDir, city.id), attribution: city.attribution };
}

export function clientConfig(ctx: Pick<AppContext, 'config' | 'cities'>): ClientConfig {
  const home = clientCity(ctx.config.basemapDir, ctx.cities.default);
  return {
    demoMode: ctx.config.demoMode,
    city: { id: home.id, name: home.name, timezone: home.timezone, center: home.center },
    map: { styleUrl: ctx.config.mapStyleUrl, offlineStyleUrl: home.offlineStyleUrl, mapboxToken: ctx.config.mapboxToken },
    attribution: home.attribution,
    cities: ctx.cities.list().map((c) => clientCity(ctx.config.basemapDir, c)),
  };
}
