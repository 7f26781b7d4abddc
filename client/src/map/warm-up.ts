/**
 * Fetches ahead what the map will ask for first, so it is in the browser's cache (or in flight: the cache
 * makes a second request for the same URL wait for the first) when the map mounts: on Slow 4G each step of
 * the chain (style, then sprite and glyphs) is a round trip of more than half a second. The tiles are left
 * to the map: which ones depends on where the traveller is, and fetching them during sign-in competes with
 * the first cards (bench:client measured it: cards 0.8 s later, the map no sooner). Kept apart from the
 * library's module so that nothing here waits for it. Best effort: a failure only means the map fetches
 * the file itself.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type ClientConfig, fontsOfStyle } from '@escale/shared';
import { loadBasemapStyle } from './basemap.ts';

export { workerUrl };

/** Latin, then General Punctuation (’ – “ ”, in many French street names). */
const GLYPH_RANGES = ['0-255', '8192-8447'];

const fetchQuietly = (url: string) => void fetch(url).catch(() => undefined);

function offlineStyleUrl(config: ClientConfig): string | null {
  return config.map.styleUrl || !config.map.offlineStyleUrl ? null : config.map.offlineStyleUrl;
}

/** The worker, the city's style, its sprite and the glyphs its labels use first. */
export async function warmUp(config: ClientConfig): Promise<void> {
  fetchQuietly(workerUrl);
  const url = offlineStyleUrl(config);
  if (!url) return;
  const style = await loadBasemapStyle(url).catch(() => null);
  if (!style) return;
  if (typeof style.sprite === 'string') {
    const ratio = window.devicePixelRatio > 1 ? '@2x' : '';
    for (const ext of ['json', 'png']) fetchQuietly(`${style.sprite}${ratio}.${ext}`);
  }
  if (!style.glyphs) return;
  for (const font of fontsOfStyle(style)) {
    // Punctuation is only drawn in the regular face at first (street names); the others wait to be asked.
    for (const range of /Regular/.test(font) ? GLYPH_RANGES : GLYPH_RANGES.slice(0, 1)) {
      fetchQuietly(style.glyphs.replace('{fontstack}', encodeURIComponent(font)).replace('{range}', range));
    }
  }
}
