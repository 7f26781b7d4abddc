/** Camera helpers: which box to show so the traveller and all suggested places are on screen. */
export type LonLat = [number, number];

/** South-west and north-east corners of the points, or null for none. */
export function boundsOf(points: LonLat[]): [LonLat, LonLat] | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/** Room for the buttons over the top of the map and the zoom control on the right. */
export const FIT_PADDING = { top: 130, bottom: 40, left: 40, right: 64 };

/** The system asks for less motion: the camera jumps instead of flying (the CSS does the same for the page). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
