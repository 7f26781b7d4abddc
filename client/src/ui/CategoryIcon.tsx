/**
 * A drawn icon per place category: line drawings in the text colour, the same on every system (emoji show
 * as empty boxes on some), decorative only — the category's name is always written beside it.
 */
import type { CategoryId } from '@escale/shared';

/** 24 × 24 line drawings (stroke only), one path each. */
export const CATEGORY_ICON_PATHS: Record<CategoryId, string> = {
  restaurant: 'M7 3v18M4.5 3v5a2.5 2.5 0 0 0 5 0V3M17 21V3c-2 1-3.5 3.5-3.5 7H17',
  cafe: 'M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 11h1.5a2.5 2.5 0 0 1 0 5H16M8 3.5v2.5M12 3.5v2.5',
  bar: 'M7 3h10l-1 6a4 4 0 0 1-8 0zM12 13v8M8 21h8',
  nightlife: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  museum: 'M3 9l9-5 9 5M5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18',
  gallery: 'M4 5h16v14H4zM7 16l4-5 3 3 2-2 3 4',
  cinema: 'M4 6h16v12H4zM8 6v12M16 6v12M4 10h4M4 14h4M16 10h4M16 14h4',
  music_venue: 'M9 17.5V6l10-2v11.5M9 17.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM19 15.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z',
  theatre: 'M3 4h18M5 4v16M19 4v16M5 4c2 6 4.5 7.5 7 7.5S17 10 19 4',
  climbing: 'M3 20l7-12 3.5 5.5L16 10l5 10zM8.5 10.5l1.5 1.5 1.5-1.5',
  swimming: 'M3 17c2 0 2-1.5 4.5-1.5S10 17 12 17s2.5-1.5 4.5-1.5S19 17 21 17M3 21c2 0 2-1.5 4.5-1.5S10 21 12 21s2.5-1.5 4.5-1.5S19 21 21 21M7 13l4-6 4 2M17 6.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z',
  sports_centre: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  park: 'M12 21v-6M12 3a5 5 0 0 0-5 5 4 4 0 0 0 1 7h8a4 4 0 0 0 1-7 5 5 0 0 0-5-5z',
  market: 'M4 10h16l-2 10H6zM8 10l4-6 4 6M9.5 14v3M14.5 14v3',
  other: 'M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11zM12 8a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

export function CategoryIcon({ category, size = 18 }: { category: CategoryId; size?: number }) {
  return (
    <svg
      className="category-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={CATEGORY_ICON_PATHS[category]} />
    </svg>
  );
}
