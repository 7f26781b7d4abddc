/** Small realistic payloads for unit tests, shaped like what the server sends for Léa in Paris. */
import { DEFAULT_PUSH_SETTINGS, PROTOCOL_VERSION, type PushSettings, type ServerFeed, type ServerSuggestions, type ServerWelcome, type Suggestion } from '@escale/shared';

export function suggestion(overrides: Partial<Suggestion> = {}): Suggestion {
  return {
    id: 'sug-1',
    item: {
      kind: 'place',
      id: 'osm:node/1',
      title: 'Le Baratin',
      place: {
        id: 'osm:node/1',
        name: 'Le Baratin',
        category: 'bar',
        tags: ['wine'],
        lat: 48.8721,
        lon: 2.3889,
        address: '3 rue Jouye-Rouve, Paris',
      },
      startsAt: null,
      price: null,
      seatsLeft: null,
    },
    score: 6.2,
    distanceMeters: 450,
    walkMinutes: 7,
    openUntil: '23:00',
    hoursKnown: true,
    driver: 'proximity',
    reason: { key: 'proximity.walk', params: { meters: 450, minutes: 7 } },
    contributions: [
      {
        signal: 'proximity',
        value: 0.8,
        weight: 3,
        points: 2.4,
        share: 0.6,
        evidence: { key: 'proximity.walk', params: { meters: 450, minutes: 7 } },
        personalData: [
          {
            category: 'location',
            kind: 'position',
            evidence: { key: 'data.position', params: { time: '14:02' } },
            at: '2026-11-23T14:02:00+01:00',
          },
        ],
      },
      {
        signal: 'popularity',
        value: 0.8,
        weight: 2,
        points: 1.6,
        share: 0.4,
        evidence: { key: 'popularity.rating', params: { rating: 4.6, count: 820 } },
        personalData: [],
      },
    ],
    promotion: null,
    notes: [],
    ...overrides,
  };
}

export function suggestionsMessage(overrides: Partial<ServerSuggestions> = {}): ServerSuggestions {
  return {
    type: 'suggestions',
    seq: 3,
    at: '2026-11-23T14:02:05+01:00',
    trigger: { kind: 'new_area', evidence: { key: 'trigger.new_area', params: { area: 'Paris 11e' } } },
    position: { lat: 48.87, lon: 2.38 },
    items: [suggestion()],
    coldStart: false,
    solicited: false,
    ...overrides,
  };
}

export function feedMessage(overrides: Partial<ServerFeed> = {}): ServerFeed {
  return {
    type: 'feed',
    at: '2026-11-23T14:02:05+01:00',
    position: { lat: 48.87, lon: 2.38 },
    cityId: 'paris',
    items: [suggestion()],
    coldStart: false,
    notifications: { state: 'on' },
    refreshInMs: 600_000,
    ...overrides,
  };
}

export function welcomeMessage(overrides: Partial<ServerWelcome> = {}): ServerWelcome {
  return {
    type: 'welcome',
    seq: 4,
    protocol: PROTOCOL_VERSION,
    traveller: { id: 'lea', name: 'Léa' },
    now: '2026-11-23T14:00:00+01:00',
    replay: 'fresh',
    ...overrides,
  };
}

/** Léa's push settings as the server returns them: the defaults, with the agency trigger off. */
export function pushSettings(overrides: Partial<PushSettings> = {}): PushSettings {
  return { ...DEFAULT_PUSH_SETTINGS, triggers: { ...DEFAULT_PUSH_SETTINGS.triggers, agency_event: false }, ...overrides };
}
