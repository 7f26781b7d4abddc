/**
 * The offline basemap style the server sends (`/basemap/<city>/style.json`, built by `npm run basemap:build`).
 * Only what the client relies on is checked (a MapLibre style v8 with sources, layers, glyphs and sprite);
 * maplibre validates the rest of the style specification itself when it loads it.
 */
import { z } from 'zod';

/** Paths on this server: the style never points the map at another host. */
const ServerPath = z.string().startsWith('/basemap/');

export const BasemapStyle = z.looseObject({
  version: z.literal(8),
  sources: z.record(z.string(), z.looseObject({ type: z.enum(['vector', 'raster', 'geojson']), tiles: z.array(ServerPath).optional() })),
  layers: z.array(z.looseObject({ id: z.string(), type: z.string() })).min(1),
  glyphs: ServerPath,
  sprite: ServerPath,
});
export type BasemapStyle = z.infer<typeof BasemapStyle>;

/**
 * The fonts a style's labels are set in. Each `text-font` must be one font the server has: a folder of
 * glyph files cannot merge font stacks.
 */
export function fontsOfStyle(style: { layers: readonly { type: string; layout?: unknown }[] }): string[] {
  const fonts = new Set<string>();
  for (const layer of style.layers) {
    const font = layer.type === 'symbol' ? (layer.layout as { 'text-font'?: unknown } | undefined)?.['text-font'] : undefined;
    if (Array.isArray(font)) for (const f of font) if (typeof f === 'string') fonts.add(f);
  }
  return [...fonts].sort();
}
