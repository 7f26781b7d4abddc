/**
 * The words the synthetic city is made of: how common each category is, the tag vocabulary, the opening
 * hours strings. Shares are rough counts of OpenStreetMap leisure places in central Paris, so the ranker
 * meets the mix it meets in production (restaurants dominate; climbing gyms are rare).
 */
import { CATEGORY_IDS, type CategoryId, type EventKind } from '../../shared/src/index.ts';

/** Relative frequency of each category, in CATEGORY_IDS order. */
export const CATEGORY_SHARE: Record<CategoryId, number> = {
  restaurant: 38,
  cafe: 15,
  bar: 14,
  nightlife: 3,
  museum: 1.5,
  gallery: 4,
  cinema: 0.8,
  music_venue: 1.5,
  theatre: 1.5,
  climbing: 0.3,
  swimming: 0.5,
  sports_centre: 3,
  park: 6,
  market: 1,
};

const CUISINES = [
  'french', 'italian', 'japanese', 'chinese', 'pizza', 'burger', 'lebanese', 'indian', 'thai', 'vietnamese',
  'korean', 'ramen', 'sushi', 'moroccan', 'mexican', 'greek', 'spanish', 'turkish', 'kebab', 'crepe',
  'seafood', 'vegetarian', 'vegan', 'african', 'ethiopian', 'peruvian', 'brazilian', 'american', 'portuguese',
  'georgian', 'polish', 'russian', 'israeli', 'persian', 'afghan', 'tibetan', 'nepalese', 'sri-lankan',
  'malaysian', 'indonesian', 'filipino', 'taiwanese', 'cambodian', 'laotian', 'senegalese', 'caribbean',
  'argentinian', 'corsican', 'basque', 'breton', 'alsatian', 'savoyard', 'provencal', 'lyonnais', 'brunch',
  'bagel', 'tapas', 'dim-sum', 'bistro', 'brasserie',
];

const FACETS = [
  'wine', 'natural-wine', 'cocktails', 'craft-beer', 'outdoor-seating', 'terrace', 'rooftop', 'kid-friendly',
  'wheelchair', 'step-free', 'quiet', 'live-music', 'jazz', 'rock', 'electro', 'hip-hop', 'classical',
  'chanson', 'karaoke', 'dancing', 'late-night', 'brunch-weekend', 'takeaway', 'delivery', 'organic',
  'gluten-free', 'halal', 'kosher', 'budget', 'fine-dining', 'michelin', 'view', 'historic', 'design',
  'bookshop', 'vinyl', 'board-games', 'sports-bar', 'lgbtq', 'student', 'family', 'dog-friendly', 'wifi',
  'coworking', 'specialty-coffee', 'tea', 'pastry', 'bakery', 'cheese', 'chocolate', 'ice-cream',
  'street-art', 'photography', 'contemporary-art', 'impressionism', 'science', 'history', 'architecture',
  'fashion', 'design-shop', 'running', 'bouldering', 'yoga', 'padel', 'tennis', 'football', 'basketball',
  'pool', 'sauna', 'garden', 'playground', 'picnic', 'riverside', 'flea-market', 'food-market', 'antiques',
  'cinema-art-house', 'original-version', 'imax', 'stand-up', 'opera', 'ballet', 'circus', 'puppets',
];

/**
 * ~200 tags: real cuisines and facets first, then a long tail of rare local labels, because a real
 * catalogue's tag list has a few hundred entries of which most appear on a handful of places.
 */
export const CUISINE_TAGS: string[] = CUISINES.map((c) => `cuisine:${c}`);
export const FACET_TAGS: string[] = [...FACETS, ...Array.from({ length: 200 - CUISINES.length - FACETS.length }, (_, i) => `local:${i + 1}`)];

/** Opening-hours strings as OSM mappers write them; null (hours unknown) is drawn separately. */
export const OPENING_HOURS: Record<CategoryId, string[]> = {
  restaurant: ['Mo-Su 12:00-14:30,19:00-23:00', 'Tu-Sa 12:00-14:00,19:30-22:30', 'Mo-Fr 11:30-15:00', 'Mo-Su 11:00-23:00'],
  cafe: ['Mo-Su 08:00-19:00', 'Mo-Sa 07:30-20:00', 'Mo-Fr 08:00-18:00; Sa,Su 09:00-18:00'],
  bar: ['Mo-Sa 18:00-02:00', 'Mo-Su 17:00-01:00', 'Tu-Su 16:00-00:00'],
  nightlife: ['Th-Sa 23:00-05:00', 'We-Su 22:00-04:00'],
  museum: ['Tu-Su 10:00-18:00', 'We-Mo 09:30-18:00'],
  gallery: ['Tu-Sa 11:00-19:00', 'We-Su 12:00-19:00'],
  cinema: ['Mo-Su 10:00-23:30'],
  music_venue: ['Tu-Sa 19:00-02:00', 'Mo-Su 20:00-01:00'],
  theatre: ['Tu-Sa 19:00-23:00; Su 14:00-18:00'],
  climbing: ['Mo-Fr 10:00-23:00; Sa,Su 09:00-20:00'],
  swimming: ['Mo-Fr 07:00-21:00; Sa,Su 08:00-19:00'],
  sports_centre: ['Mo-Su 07:00-22:00', 'Mo-Fr 07:00-22:00; Sa 09:00-19:00'],
  park: ['24/7', 'Mo-Su 08:00-20:30'],
  market: ['Tu,Fr 07:00-13:30', 'We,Sa 07:00-14:30; Su 07:00-15:00'],
};

/** Share of places whose hours OSM does not know: a ranker must cope with "unknown", never read it as open. */
export const UNKNOWN_HOURS_SHARE = 0.4;

export const EVENT_KIND: Partial<Record<CategoryId, EventKind>> = {
  cinema: 'screening',
  music_venue: 'concert',
  theatre: 'performance',
  sports_centre: 'match',
  museum: 'exhibition',
  gallery: 'exhibition',
  climbing: 'class',
};

export { CATEGORY_IDS };
