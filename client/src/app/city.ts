/**
 * The configuration as seen from the city the traveller is in: the server holds several cities, and the
 * map, the clock and the credits follow the traveller's (the feed says which, shared/src/protocol.ts).
 */
import type { ClientConfig } from '@escale/shared';

/** `config` with `city`, the offline basemap and the credits of `cityId`; unchanged for an unknown id. */
export function configForCity(config: ClientConfig, cityId: string | null | undefined): ClientConfig {
  const city = config.cities.find((c) => c.id === cityId);
  if (!city || city.id === config.city.id) return config;
  const { offlineStyleUrl, attribution, ...info } = city;
  return { ...config, city: info, map: { ...config.map, offlineStyleUrl }, attribution };
}
