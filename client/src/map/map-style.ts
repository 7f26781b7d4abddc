/**
 * What the app draws over any basemap: the catalogue places as circles coloured by category. And the plain
 * style used when a city has no offline basemap built: a background only (no glyphs, sprites or tiles).
 */
import { CATEGORY_IDS, type CategoryId } from '@escale/shared';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerProps } from 'react-map-gl/maplibre';

/** Muted but distinguishable hues; each keeps ≥ 3:1 contrast with the land colour so dots stay visible. */
export const CATEGORY_COLORS: Record<CategoryId, string> = {
  restaurant: '#c2410c',
  cafe: '#92400e',
  bar: '#9d174d',
  nightlife: '#6d28d9',
  museum: '#1d4ed8',
  gallery: '#0369a1',
  cinema: '#4338ca',
  music_venue: '#a21caf',
  theatre: '#b91c1c',
  climbing: '#15803d',
  swimming: '#0e7490',
  sports_centre: '#047857',
  park: '#3f6212',
  market: '#b45309',
  other: '#57534e',
};

export const PLAIN_BACKGROUND = '#f4efe6';

export function plainStyle(): StyleSpecification {
  return { version: 8, name: 'Escale plain', sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': PLAIN_BACKGROUND } }] };
}

/** A `match` expression colouring a place by its category property. */
export function categoryColorExpression(): ExpressionSpecification {
  const pairs = CATEGORY_IDS.flatMap((id) => [id, CATEGORY_COLORS[id]]);
  // The spec's tuple type cannot express "n label/value pairs", hence the cast.
  return ['match', ['get', 'category'], ...pairs, '#57534e'] as unknown as ExpressionSpecification;
}

export const placesLayer = {
  id: 'places',
  type: 'circle',
  paint: {
    // Small dots at city scale, larger when zoomed in so a tap can land on one.
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2, 14, 3.5, 17, 7],
    'circle-color': categoryColorExpression(),
    'circle-opacity': 0.8,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 0, 14, 1],
  },
} satisfies LayerProps;
