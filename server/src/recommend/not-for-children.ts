/**
 * What is no place for children: bars and clubs, a venue whose tags say it is one under another category
 * (a pub, a cocktail or wine bar, a jazz club), adult entertainment, and whatever is held there. With children
 * in the party this is a hard rule (hard-rules.ts), not a low score: a family must never be sent to a jazz club
 * at 21:30 because it is near and well rated. The party signal reads the same words (signals/party.ts).
 */
import type { CategoryId } from '@escale/shared';
import { hasTag, type Candidate } from './candidate.ts';

/** Drinking and night venues, whatever else their tags say. */
export const ADULT_CATEGORIES: readonly CategoryId[] = Object.freeze(['bar', 'nightlife']);

/**
 * Tags that make a place, an event or an offer one for adults: a bar or club filed under another category
 * (a music venue that is a pub: "Cerveseria Jazz"), or adult content. Agencies' own catalogue rows may carry
 * the finer ones (`jazz-club`, `cocktails`, `wine-bar`, `adult`); the OSM import gives `pub` and `club`.
 */
export const ADULT_TAGS: readonly string[] = Object.freeze(['pub', 'club', 'nightclub', 'jazz-club', 'cocktails', 'wine-bar', 'adult']);

/**
 * A jazz club: the import files a bar, pub or restaurant that is about jazz as a music venue tagged `jazz`
 * (catalogue/osm/osm-tags-to-category.ts), and a concert hall as a music venue tagged `concerts`. So a music
 * venue tagged `jazz` and not `concerts` is a club with a bar, open late; a concert hall hosting a family
 * concert (or a jazz concert) is not.
 */
function isJazzClub(place: Candidate['place']): boolean {
  return place.category === 'music_venue' && place.tags.includes('jazz') && !place.tags.includes('concerts');
}

/** Whether the candidate (a place, or an event or offer held there) is unfit for children. */
export function notForChildren(c: Candidate): boolean {
  if (ADULT_CATEGORIES.includes(c.place.category) || isJazzClub(c.place)) return true;
  for (let i = 0; i < ADULT_TAGS.length; i++) if (hasTag(c, ADULT_TAGS[i]!)) return true;
  return false;
}
