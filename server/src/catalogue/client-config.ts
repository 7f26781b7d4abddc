/** The client's configuration (city, basemap, attribution): GET /api/config and the page's boot data. */
import type { ClientConfig } from '@escale/shared';
import { offlineStyleUrl } from '../basemap/routes.ts';
import type { AppContext } from '../context.ts';

export function clientConfig(ctx: Pick<AppContext, 'config' | 'city'>): ClientConfig {
  return {
    demoMode: ctx.config.demoMode,
    city: { id: ctx.city.id, name: ctx.city.name, timezone: ctx.city.timezone, center: ctx.city.center },
    map: { styleUrl: ctx.config.mapStyleUrl, offlineStyleUrl: offlineStyleUrl(ctx.config.basemapDir, ctx.city.id), mapboxToken: ctx.config.mapboxToken },
    attribution: ctx.city.attribution,
  };
}
