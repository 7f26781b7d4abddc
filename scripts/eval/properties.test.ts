import { describe, expect, it } from 'vitest';
import { Suggestion, type SignalContribution, type SignalId } from '../../shared/src/index.ts';
import { ScenarioProperty } from '../../shared/src/eval-scenario.ts';
import type { CatalogueEvent, Offer, Place } from '../../server/src/catalogue/model.ts';
import { fromSuggestion, type EvalAnswer } from './answer.ts';
import { placeAnswer } from './baselines.ts';
import { checkProperty, type PropertyEnv } from './properties.ts';

// Tuesday 24 November 2026, 18:00 in Paris, at the Hôtel de Ville.
const NOW = new Date('2026-11-24T17:00:00Z');
const HERE = { lat: 48.8566, lon: 2.3522 };

function place(id: string, over: Partial<Place>): Place {
  return {
    id: `osm:node/${id}`,
    agencyId: 'demo',
    cityId: 'paris',
    name: id,
    category: 'restaurant',
    tags: [],
    lat: HERE.lat + 0.002,
    lon: HERE.lon,
    address: null,
    openingHours: 'Mo-Su 12:00-23:00',
    priceLevel: 2,
    rating: 4.2,
    reviewCount: 100,
    website: null,
    seeded: [],
    ...over,
  };
}
const bistro = place('1', { name: 'Bistro', tags: ['cuisine:french', 'kid-friendly'] }); // 3 min walk
const bar = place('2', { name: 'Wine bar', category: 'bar', tags: ['wine'], openingHours: 'Mo-Su 17:00-18:15', priceLevel: 3 });
const museum = place('3', { name: 'Museum', category: 'museum', tags: ['kid-friendly'], openingHours: null });
const park = place('4', { name: 'Far park', category: 'park', tags: ['outdoor'], lat: HERE.lat + 0.018, openingHours: 'Mo-Su 08:00-17:00', priceLevel: null });
const club = place('5', { name: 'Jazz club', category: 'music_venue', tags: ['jazz'], openingHours: null });

function event(id: string, local: string, over: Partial<CatalogueEvent> = {}): CatalogueEvent {
  const startsAt = new Date(`2026-11-24T${local}:00+01:00`);
  return {
    id,
    agencyId: 'demo',
    placeId: club.id,
    title: id,
    kind: 'concert',
    tags: ['live-music'],
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7_200_000),
    capacity: 50,
    seatsLeft: 50,
    price: 20,
    currency: 'EUR',
    ...over,
  };
}
const started = event('started', '17:30');
const tonight = event('tonight', '20:30');
const late = event('late', '21:30');
const soldOut = event('sold-out', '20:00', { seatsLeft: 0 });
const offer = (id: string, over: Partial<Offer> = {}): Offer => ({
  id,
  agencyId: 'demo',
  placeId: bistro.id,
  title: id,
  description: '',
  price: 30,
  currency: 'EUR',
  seatsTotal: 10,
  seatsLeft: 10,
  tags: [],
  saleStartsAt: null,
  saleEndsAt: null,
  ...over,
});
const promoted = offer('promoted');
const plain = offer('plain');
const emptyOffer = offer('empty', { seatsLeft: 0 });

const places = new Map([bistro, bar, museum, park, club].map((p) => [p.id, p]));
const events = new Map([started, tonight, late, soldOut].map((e) => [e.id, e]));
const offers = new Map([promoted, plain, emptyOffer].map((o) => [o.id, o]));

const ENV: PropertyEnv = {
  now: NOW,
  timezone: 'Europe/Paris',
  countryCode: 'fr',
  position: HERE,
  positionUsable: true,
  consents: { location: true, history: true, profile: true, wallet: true },
  nonProfiled: false,
  likes: [{ kind: 'tag', id: 'wine' }],
  catalogue: { place: (id) => places.get(id), event: (id) => events.get(id), offer: (id) => offers.get(id), promoted: (kind, id) => kind === 'offer' && id === promoted.id },
};

const ev = { key: 'x', params: {} };
function contribution(signal: SignalId, points: number, personal: ('location' | 'profile' | 'history')[] = []): SignalContribution {
  return {
    signal,
    value: Math.min(1, points / 3),
    weight: 3,
    points,
    share: 0,
    evidence: ev,
    personalData: personal.map((category) => ({ category, kind: 'position' as const, evidence: ev, at: null })),
  };
}

/** A Suggestion as the ranker sends it (validated with the shared schema), turned into an answer. */
function s(
  p: Place,
  over: { kind?: 'place' | 'event' | 'offer'; item?: { id: string; title: string }; contributions?: SignalContribution[]; driver?: SignalId; promoted?: boolean; distance?: boolean } = {},
): EvalAnswer {
  const contributions = over.contributions ?? [contribution('timing', 2), contribution('proximity', 1.5, ['location'])];
  const suggestion = Suggestion.parse({
    id: `${over.kind ?? 'place'}:${over.item?.id ?? p.id}`,
    item: {
      kind: over.kind ?? 'place',
      id: over.item?.id ?? p.id,
      title: over.item?.title ?? p.name,
      place: { id: p.id, name: p.name, category: p.category, tags: p.tags, lat: p.lat, lon: p.lon, address: null },
      startsAt: null,
      price: null,
      seatsLeft: null,
    },
    score: 3,
    distanceMeters: over.distance === false ? null : 220,
    walkMinutes: over.distance === false ? null : 4,
    openUntil: null,
    hoursKnown: true,
    driver: over.driver ?? contributions.reduce((a, b) => (b.points > a.points ? b : a)).signal,
    reason: ev,
    contributions,
    promotion: over.promoted ? { agencyName: 'Escale Demo Travel', label: ev } : null,
    notes: [],
  });
  return fromSuggestion(suggestion);
}
const asEvent = (e: CatalogueEvent) => s(club, { kind: 'event', item: { id: e.id, title: e.title } });
const asOffer = (o: Offer, promotedLabel = false) =>
  s(bistro, { kind: 'offer', item: { id: o.id, title: o.title }, promoted: promotedLabel, contributions: [contribution('timing', 2), contribution('agency', promotedLabel ? 0.5 : 0)] });
const noPosition = [contribution('timing', 2), contribution('popularity', 0.6)];

const P = (raw: unknown) => ScenarioProperty.parse(raw);

/** For each property: a top 3 that has it, one that lacks it, and what the failure says. */
const CASES: { property: ScenarioProperty; pass: EvalAnswer[]; fail: EvalAnswer[]; says: RegExp; env?: Partial<PropertyEnv> }[] = [
  { property: P({ property: 'atLeast', count: 3 }), pass: [s(bistro), s(bar), s(museum)], fail: [s(bistro)], says: /only 1 suggestion/ },
  { property: P({ property: 'maxWalkMinutesFrom', placeId: club.id, minutes: 15 }), pass: [s(bistro), s(museum)], fail: [s(bistro), s(park)], says: /#2 "Far park" is a \d+ min walk from Jazz club/ },
  {
    property: P({ property: 'maxWalkMinutesFrom', placeId: club.id, minutes: 15, atLeast: 2 }),
    pass: [s(bistro), s(park), s(museum)],
    fail: [s(bistro), s(park)],
    says: /1 suggestion\(s\) within 15 min of Jazz club, expected at least 2/,
  },
  { property: P({ property: 'maxWalkMinutes', minutes: 15 }), pass: [s(bistro), s(museum)], fail: [s(bistro), s(park)], says: /#2 "Far park" is a \d+ min walk/ },
  { property: P({ property: 'openAtArrival' }), pass: [s(bistro), s(museum), asEvent(tonight)], fail: [s(park)], says: /closed at arrival/ },
  { property: P({ property: 'openAtArrival', minMinutesOpen: 20 }), pass: [s(bistro)], fail: [s(bar)], says: /closes at 18:15, \d+ min after arrival/ },
  { property: P({ property: 'openAtArrival', unknownHours: 'fail' }), pass: [s(bistro)], fail: [s(museum)], says: /unknown opening hours/ },
  { property: P({ property: 'categoriesAllowed', categories: ['restaurant', 'museum'] }), pass: [s(bistro), s(museum)], fail: [s(bar)], says: /is a bar/ },
  { property: P({ property: 'categoriesForbidden', categories: ['bar', 'nightlife'] }), pass: [s(bistro)], fail: [s(bistro), s(bar)], says: /#2 "Wine bar" is a bar/ },
  { property: P({ property: 'tagsForbidden', tags: ['live-music'] }), pass: [s(club)], fail: [asEvent(tonight)], says: /tagged live-music/ },
  { property: P({ property: 'mustHaveTagAny', tags: ['kid-friendly'] }), pass: [s(bistro), s(museum)], fail: [s(bistro), s(bar)], says: /has none of kid-friendly/ },
  { property: P({ property: 'mustHaveTagAny', tags: ['jazz', 'live-music'], atLeast: 1 }), pass: [s(bistro), asEvent(tonight)], fail: [s(bistro), s(bar)], says: /0 suggestion\(s\) tagged/ },
  { property: P({ property: 'mustIncludeCategory', categories: ['restaurant'] }), pass: [s(bar), s(bistro)], fail: [s(bar), s(museum)], says: /0 suggestion\(s\) of restaurant/ },
  { property: P({ property: 'matchesLikes', atLeast: 1 }), pass: [s(bistro), s(bar)], fail: [s(bistro), s(museum)], says: /match a stated like/ },
  { property: P({ property: 'distinctCategories', atLeast: 2 }), pass: [s(bistro), s(bar)], fail: [s(bistro), asOffer(plain)], says: /1 distinct category/ },
  { property: P({ property: 'placesForbidden', placeIds: [bar.id] }), pass: [s(bistro)], fail: [s(bar)], says: /osm:node\/2\) must not be suggested/ },
  { property: P({ property: 'noDistanceUsed' }), pass: [s(bistro, { contributions: noPosition, distance: false })], fail: [s(bistro)], says: /shows a distance/ },
  { property: P({ property: 'noDistanceUsed' }), pass: [], fail: [placeAnswer(bistro, null)], says: /gives no explanation/ },
  {
    property: P({ property: 'noPersonalSignals' }),
    pass: [s(bistro, { contributions: noPosition, distance: false })],
    fail: [s(bistro, { contributions: [contribution('timing', 2), contribution('interests', 0)] })],
    says: /computed personal signal\(s\) interests/,
  },
  {
    property: P({ property: 'signalsAbsent', signals: ['taste'] }),
    pass: [s(bistro)],
    fail: [s(bistro, { contributions: [contribution('timing', 2), contribution('taste', 0)] })],
    says: /computed taste/,
  },
  {
    property: P({ property: 'personalDataAbsent', categories: ['history'] }),
    pass: [s(bistro)],
    fail: [s(bistro, { contributions: [contribution('taste', 2, ['history'])] })],
    says: /read history data in taste/,
  },
  { property: P({ property: 'explained' }), pass: [s(bistro)], fail: [s(bistro, { driver: 'proximity' })], says: /names proximity as driver/ },
  {
    property: P({ property: 'explained' }),
    pass: [s(bistro, { contributions: [contribution('timing', 2)] })],
    fail: [s(bistro, { contributions: [contribution('interests', 2, ['profile'])] })],
    says: /read profile data without consent/,
    env: { consents: { ...ENV.consents, profile: false } },
  },
  { property: P({ property: 'promotionDisclosed' }), pass: [asOffer(promoted, true), s(bistro)], fail: [asOffer(promoted, false)], says: /without the agency's label/ },
  { property: P({ property: 'promotionDisclosed' }), pass: [], fail: [placeAnswer(bistro, HERE)], says: /cannot disclose a promotion/ },
  { property: P({ property: 'withinBudget', maxPriceLevel: 2, maxPriceEur: 25 }), pass: [s(bistro), asEvent(tonight)], fail: [s(bar), asOffer(plain)], says: /price level 3 > 2.*|€30 > €25/ },
  {
    property: P({ property: 'driverIn', signals: ['proximity'], atLeast: 2 }),
    pass: [s(bistro, { contributions: [contribution('proximity', 3)] }), s(bistro, { contributions: [contribution('proximity', 3)] })],
    fail: [s(bistro, { contributions: [contribution('proximity', 3)] }), s(bistro)],
    says: /1 suggestion\(s\) driven by proximity, expected at least 2/,
  },
  { property: P({ property: 'driverIn', signals: ['timing', 'interests'] }), pass: [s(bistro)], fail: [s(bistro, { contributions: [contribution('proximity', 3)] })], says: /driven by proximity/ },
  { property: P({ property: 'eventsNotStarted' }), pass: [asEvent(tonight), s(bistro)], fail: [asEvent(started)], says: /started at 17:30, before arrival at 18:0\d/ },
  { property: P({ property: 'notSoldOut' }), pass: [asEvent(tonight), asOffer(plain)], fail: [asEvent(soldOut), asOffer(emptyOffer)], says: /is sold out/ },
  { property: P({ property: 'noEventStartsAfter', localTime: '21:00' }), pass: [asEvent(tonight), s(bar)], fail: [asEvent(late)], says: /starts at 21:30, after 21:00/ },
];

describe('scenario properties', () => {
  for (const c of CASES) {
    it(`${c.property.property}: passes a good top 3, fails a bad one and says why (${c.says.source})`, () => {
      const env = { ...ENV, ...c.env };
      if (c.pass.length) expect(checkProperty(c.property, c.pass, env)).toEqual([]);
      const failures = checkProperty(c.property, c.fail, env);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.join('\n')).toMatch(c.says);
    });
  }

  it('has a passing and a failing case for every property of the vocabulary', () => {
    const names = ScenarioProperty.options.map((o) => o.shape.property.value);
    const withPass = new Set(CASES.filter((c) => c.pass.length).map((c) => c.property.property));
    const withFail = new Set(CASES.map((c) => c.property.property));
    expect(names.filter((n) => !withPass.has(n) || !withFail.has(n))).toEqual([]);
  });

  it('counts the walk in arrival times only when the ranking may use the position', () => {
    // The wine bar closes at 18:15: 18:00 plus a 3-minute walk leaves 12 minutes, under the 20 required.
    const atBar = [s(bar)];
    expect(checkProperty(P({ property: 'openAtArrival', minMinutesOpen: 14 }), atBar, ENV)).toHaveLength(1);
    expect(checkProperty(P({ property: 'openAtArrival', minMinutesOpen: 14 }), atBar, { ...ENV, positionUsable: false })).toEqual([]);
  });
});
