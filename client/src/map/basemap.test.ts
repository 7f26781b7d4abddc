import { describe, expect, it } from 'vitest';
import { BasemapStyle } from '@escale/shared';
import { withOrigin } from './basemap.ts';

const style = BasemapStyle.parse({
  version: 8,
  sources: { openmaptiles: { type: 'vector', tiles: ['/basemap/paris/tiles/{z}/{x}/{y}.pbf'], maxzoom: 14 } },
  glyphs: '/basemap/fonts/{fontstack}/{range}.pbf',
  sprite: '/basemap/sprites/osm-bright/sprite',
  layers: [{ id: 'background', type: 'background' }],
});

describe('the offline basemap style', () => {
  it('points tiles, glyphs and sprite at the page origin and keeps the URL templates intact', () => {
    const absolute = withOrigin(style, 'https://escale.example');
    expect(absolute.sources.openmaptiles).toMatchObject({ tiles: ['https://escale.example/basemap/paris/tiles/{z}/{x}/{y}.pbf'], maxzoom: 14 });
    expect(absolute.glyphs).toBe('https://escale.example/basemap/fonts/{fontstack}/{range}.pbf');
    expect(absolute.sprite).toBe('https://escale.example/basemap/sprites/osm-bright/sprite');
  });

  it('refuses a style that would fetch from another host', () => {
    const result = BasemapStyle.safeParse({ ...style, glyphs: 'https://fonts.example.com/{fontstack}/{range}.pbf' });
    expect(result.success).toBe(false);
  });
});
