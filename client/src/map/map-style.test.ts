import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@escale/shared';
import { CATEGORY_COLORS, categoryColorExpression, placesLayer, plainStyle } from './map-style.ts';

describe('the places layer and the plain style', () => {
  it('needs no glyphs, sprites or remote sources, so it renders without network', () => {
    const style = plainStyle();
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.sources).toEqual({});
    expect(style.layers.every((l) => l.type !== ('symbol' as string))).toBe(true);
  });
  it('gives every category a colour', () => {
    for (const id of CATEGORY_IDS) expect(CATEGORY_COLORS[id]).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('colours places with a match over all categories and a fallback', () => {
    const expression = categoryColorExpression();
    expect(expression.slice(0, 2)).toEqual(['match', ['get', 'category']]);
    expect(expression).toHaveLength(2 + CATEGORY_IDS.length * 2 + 1);
    expect(placesLayer.paint['circle-color']).toEqual(expression);
  });
});
