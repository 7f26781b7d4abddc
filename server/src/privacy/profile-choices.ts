/**
 * What the onboarding and the profile editor offer: the categories the traveller's city has places in, and
 * the cuisines and kinds of music its places and events are tagged with, most common first. Offering a
 * cuisine no place serves would ask a question whose answer changes nothing.
 */
import { CATEGORY_IDS, type CategoryId, type ProfileChoices, tagLabel } from '@escale/shared';
import type { TravelGraph } from '../graph/travel-graph.ts';

/** Tags that say what music is played or staged (the catalogue's own tags, on places and events). */
export const MUSIC_TAGS: ReadonlySet<string> = new Set(['jazz', 'live-music', 'concerts', 'opera', 'theatre:opera', 'ballet', 'dance', 'musical', 'karaoke', 'club']);
const CUISINE = 'cuisine:';
/** A cuisine on fewer places than this is a stray tag, not a choice worth a chip. */
const MIN_CUISINE_PLACES = 3;
const MAX_CUISINES = 16;

type Graph = Pick<TravelGraph, 'places' | 'placeTable' | 'eventsAt'>;

export function profileChoicesOf(graph: Graph, cityId: string): ProfileChoices {
  const categories = new Set<CategoryId>();
  const cuisines = new Map<string, number>();
  const music = new Map<string, number>();
  const count = (m: Map<string, number>, tag: string) => m.set(tag, (m.get(tag) ?? 0) + 1);
  for (const place of graph.places()) {
    if (place.cityId !== cityId) continue;
    categories.add(place.category as CategoryId);
    const tags = new Set([...place.tags, ...graph.eventsAt(place.id).flatMap((e) => e.tags)]);
    for (const tag of tags) {
      if (tag.startsWith(CUISINE)) count(cuisines, tag);
      else if (MUSIC_TAGS.has(tag)) count(music, tag);
    }
  }
  // Two tags that read the same ("opera" and "theatre:opera") would be two identical chips: the commoner stays.
  const mostCommon = (m: Map<string, number>, min: number, max: number) => {
    const labels = new Set<string>();
    return [...m.entries()]
      .filter(([, n]) => n >= min)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .filter(([tag]) => !labels.has(tagLabel(tag, 'en')) && labels.add(tagLabel(tag, 'en')))
      .slice(0, max)
      .map(([tag]) => tag);
  };
  return {
    categories: CATEGORY_IDS.filter((c) => categories.has(c)),
    cuisines: mostCommon(cuisines, MIN_CUISINE_PLACES, MAX_CUISINES),
    music: mostCommon(music, 1, MUSIC_TAGS.size),
  };
}

/** Worked out again only when the graph's place table is rebuilt (any change of the places does). */
export class ProfileChoiceIndex {
  private readonly byCity = new Map<string, { table: object; choices: ProfileChoices }>();

  constructor(private readonly graph: Graph) {}

  of(cityId: string): ProfileChoices {
    const table = this.graph.placeTable();
    const cached = this.byCity.get(cityId);
    if (cached?.table === table) return cached.choices;
    const choices = profileChoicesOf(this.graph, cityId);
    this.byCity.set(cityId, { table, choices });
    return choices;
  }
}
