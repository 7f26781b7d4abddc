import { describe, expect, it } from 'vitest';
import { event, graphOf, place } from '../test-support/fixtures.ts';
import { ProfileChoiceIndex, profileChoicesOf } from './profile-choices.ts';

const restaurants = (n: number, tags: string[]) => Array.from({ length: n }, () => place({ category: 'restaurant', tags }));

describe('profile choices', () => {
  it('are the categories the city has, its common cuisines, and the music its places and events are tagged with', () => {
    const venue = place({ category: 'music_venue', tags: ['indoor'] });
    const graph = graphOf({
      places: [
        ...restaurants(4, ['cuisine:japanese', 'vegetarian']),
        ...restaurants(3, ['cuisine:french']),
        ...restaurants(2, ['cuisine:fondue']),
        place({ category: 'park', tags: ['outdoor'] }),
        place({ category: 'theatre', tags: ['theatre:opera'] }),
        place({ category: 'theatre', tags: ['theatre:opera'] }),
        place({ category: 'bar', tags: ['pub', 'live-music'] }),
        venue,
        place({ category: 'museum', cityId: 'lyon' }),
      ],
      events: [event(venue, { tags: ['jazz', 'concerts', 'opera'] })],
    });
    const choices = profileChoicesOf(graph, 'paris');
    // In the catalogue's order; a category only Lyon has is not offered in Paris.
    expect(choices.categories).toEqual(['restaurant', 'bar', 'music_venue', 'theatre', 'park']);
    // Most common first; a cuisine on fewer than 3 places is not a choice.
    expect(choices.cuisines).toEqual(['cuisine:japanese', 'cuisine:french']);
    // "opera" and "theatre:opera" read the same: one chip, the tag more places and events carry.
    expect(choices.music.sort()).toEqual(['concerts', 'jazz', 'live-music', 'theatre:opera']);
    expect(profileChoicesOf(graph, 'barcelona')).toEqual({ categories: [], cuisines: [], music: [] });
  });

  it('are worked out once per place table', () => {
    const graph = graphOf({ places: restaurants(3, ['cuisine:thai']) });
    const index = new ProfileChoiceIndex(graph);
    const first = index.of('paris');
    expect(index.of('paris')).toBe(first);
    graph.upsertPlace(place({ category: 'cinema' }));
    expect(index.of('paris')).not.toBe(first);
    expect(index.of('paris').categories).toContain('cinema');
  });
});
